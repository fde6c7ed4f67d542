// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Briefing: everything a minister's page says, worked out once; the renderers only lay it out.
#pragma once

#include "engine/estimates.h"
#include "engine/recommend.h"
#include "engine/sensitivity.h"
#include "engine/whatif.h"

#include <cstdint>
#include <string>
#include <vector>

namespace whichforum {

/// A chosen forum as the briefing shows it.
struct BriefRow {
  std::string forum, name, level;  ///< level: the option's name
  std::string option;              ///< the option's id
  std::string eligibility;         ///< the option's eligibility status ("eligible")
  std::string change;              ///< for an option other than today's: why
  Exact value;
  std::vector<std::string> serves;  ///< objectives giving at least a fifth of its value, largest first
  std::vector<Exact> cost;
  std::vector<std::string> risks;   ///< turnover, guarded talk, fragile secretariat, low visibility, ...
  std::string path;                 ///< "current member", or the steps to join
  /// "core, 100%" or "borderline, 97%": its core index label and acceptability under the stated
  /// preferences ("exact weights" when the profile states a single weighting).
  std::string robustness;
  std::optional<ForumRobustness> robust;  ///< the figures behind it, when computed
  /// Over the estimates as well (robust's joint draws), when computed: the forum's share of them
  /// and the estimates whose change within their ranges moves it ("dn.early_warning").
  std::optional<Exact> joint_acceptability;
  std::vector<std::string> hinges_on;
};

/// One change against the current memberships: keep, join, upgrade, downgrade or leave; or
/// coordinate, for a current membership in another ministry's remit (no change here).
struct ChangeRow {
  std::string forum, name, action, from_level, to_level;  ///< levels: the options' names
  std::string from_option, to_option;                      ///< the options' ids ("member")
  Exact value_change;              ///< as the problem values it: the rows and overlap_change sum to total - current
  std::vector<Exact> cost_change;  ///< positive: more spent
  std::string note;                ///< for leave: what re-entry would need
};

/// One objective's coverage (0..100) today and with the recommendation: the first chart.
struct CoverageRow {
  std::string objective;  ///< the criterion's name
  Exact today, recommended;
};

/// One point of the value-against-money curve and what enters or leaves the optimum there,
/// against the point before ("Digital Nations (member)").
struct ChartPoint {
  Exact money, value;
  std::vector<std::string> entered, left;
};

struct AssumptionRow {
  std::string key, value, reason;
  bool overridden = false;
};

/// The briefing's content. Deterministic: no clock; the footer carries the engine version, a
/// hash of every input and the data's date.
struct Briefing {
  std::string country, iso3, currency;
  std::vector<std::string> resources;  ///< the budgets' names (kResources or the profile's)
  std::vector<Exact> budget;
  /// Page one: three sentences (what to keep, join, change and leave; what it serves at what
  /// cost against today; why, by the first priorities); or one that says why nothing fits.
  std::vector<std::string> summary;
  /// The key trade-off, one sentence each: what the next step of money and of ministerial time
  /// would buy, and what a 30% cut of the money would drop (brief.cpp: the steps and why).
  std::vector<std::string> trade_offs;
  std::string how_sure;  ///< one paragraph: robustness over the weights and the priority cases
  std::vector<CoverageRow> coverage_rows;  ///< objectives with a weight above 0, by weight
  Exact current_coverage;                  ///< today's memberships, 0..100 over all objectives
  Exact coverage_total;                    ///< the recommendation's
  std::vector<Exact> current_cost;         ///< what today's memberships use of each budget
  std::vector<std::pair<std::string, Exact>> objectives;  ///< name, normalised weight (weight > 0)
  std::string weights_basis;                              ///< where the weights come from
  std::string coverage;  ///< what the portfolio serves, 0..100, in words (coverage_sentence)
  std::string robustness_note;  ///< what the robustness column means and how it was sampled
  /// Over the estimates (when analysed): each flip in words, nearest first; the estimates
  /// searched, their number and the joint samples drawn (0: the weights alone).
  std::vector<std::string> estimate_flips;
  size_t estimates_checked = 0, estimate_count = 0;
  std::uint64_t estimate_samples = 0;
  AnswerStatus status = AnswerStatus::kOptimal;  ///< of the recommendation it is made from
  std::string infeasible_why;                    ///< or the limit, when not optimal
  [[nodiscard]] bool feasible() const { return status == AnswerStatus::kOptimal; }
  std::vector<BriefRow> portfolio;
  Exact total_value, overlap_loss;
  Exact leave_loss;      ///< what leaving today's memberships costs (Recommendation::leave_loss)
  Exact price_total;     ///< the price of the resources used (Recommendation::price_total)
  Exact current_value;   ///< today's memberships valued in the same model (0 for baseline "none")
  Exact overlap_change;  ///< today's overlap losses minus the recommendation's: the change table's own row
  std::vector<Exact> total_cost;
  std::vector<NotChosen> left_out;
  std::vector<ChangeRow> changes;
  std::vector<AssumptionRow> assumptions;    ///< data/assumptions.toml as used
  std::vector<AssumptionRow> estimates;      ///< the chosen forums' estimated facts ("dn.candour")
  std::vector<std::string> sources;          ///< every source the chosen forums and criteria cite
  std::vector<ChartPoint> chart;               ///< the optimum at money budgets 0..2x the budget
  PrioritySensitivity sensitivity;             ///< the portfolio with each priority doubled and dropped
  std::string version, input_hash, data_as_of;
};

/// Works out the briefing for `rec`, made from `profile` and `catalogue`.
/// `estimates`: robust's analysis over the estimates (null: the weights alone, --estimates fixed).
[[nodiscard]] Briefing make_briefing(const Recommendation& rec, const Profile& profile, const Catalogue& catalogue,
                                     const EstimateRobustness* estimates = nullptr);

}  // namespace whichforum
