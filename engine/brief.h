// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Briefing: everything a minister's page says, worked out once; the renderers only lay it out.
#pragma once

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
};

/// One change against the current memberships: keep, join, upgrade, downgrade or leave; or
/// coordinate, for a current membership in another ministry's remit (no change here).
struct ChangeRow {
  std::string forum, name, action, from_level, to_level;
  Exact value_change;              ///< as the problem values it: the rows and overlap_change sum to total - current
  std::vector<Exact> cost_change;  ///< positive: more spent
  std::string note;                ///< for leave: what re-entry would need
};

struct AssumptionRow {
  std::string key, value, reason;
  bool overridden = false;
};

/// The briefing's content. Deterministic: no clock; the footer carries the engine version, a
/// hash of every input and the data's date.
struct Briefing {
  std::string country, iso3, currency;
  std::vector<Exact> budget;
  std::vector<std::pair<std::string, Exact>> objectives;  ///< name, normalised weight (weight > 0)
  std::string weights_basis;                              ///< where the weights come from
  std::string coverage;  ///< what the portfolio serves, 0..100, in words (coverage_sentence)
  std::string robustness_note;  ///< what the robustness column means and how it was sampled
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
  std::vector<std::pair<Exact, Exact>> chart;  ///< (money budget, optimal value), 0..2x the budget
  PrioritySensitivity sensitivity;             ///< the portfolio with each priority doubled and dropped
  std::string version, input_hash, data_as_of;
};

/// Works out the briefing for `rec`, made from `profile` and `catalogue`.
[[nodiscard]] Briefing make_briefing(const Recommendation& rec, const Profile& profile, const Catalogue& catalogue);

}  // namespace whichforum
