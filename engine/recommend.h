// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Recommendation: the model put together (scores, eligibility, costs, overlap) and solved.
#pragma once

#include "engine/catalogue.h"
#include "engine/enum_names.h"
#include "engine/costs.h"
#include "engine/eligibility.h"
#include "engine/preferences.h"
#include "engine/robust.h"
#include "engine/scoring.h"
#include "engine/solve/solver.h"

#include <array>
#include <optional>
#include <map>
#include <span>
#include <memory>
#include <string>
#include <vector>

namespace whichforum {

/// The three resources, in the order the tie rule and every report use.
inline const std::vector<std::string> kResources = {"money", "staff_days", "ministerial_days"};

/// What the status quo adds to or takes from an option's value (issue 13; engine/README.md):
/// each at the recommendation's weights, already inside OptionAssessment::value.
struct StatusQuoTerms {
  Exact tenure;       ///< + the years held raise peer learning and the professional network
  Exact lead_time;    ///< - a new option yields nothing until it starts (lead time over the horizon)
  Exact downgrade;    ///< - the part of today's option a lesser one gives up, at leave_reputation_share
  std::string how;    ///< the working, in words
};

/// One engagement option of one forum as the model sees it for this country.
struct OptionAssessment {
  EngagementOption option;  ///< as the forum declares it (or a generic level)
  bool open = false;        ///< the country may take it (eligibility per option, never skipped)
  std::string closed_why;   ///< why not, when not open
  Eligibility eligibility;  ///< this option's entry rules evaluated
  bool current = false;     ///< the option held today
  Exact value;              ///< at the weights, status-quo terms included, before the price
  /// What the resources it uses are worth elsewhere (price_per_* assumptions x cost_vec): the
  /// problem values the option at value - price, so it is taken only when it beats its price.
  Exact price;
  [[nodiscard]] Exact net() const { return value - price; }
  std::map<std::string, Exact> by_objective;
  std::vector<Exact> unit;  ///< value per unit weight of each objective (Recommendation::objectives), alone
  /// Per objective, the share (0..1) of each of its needs the option serves (the themes' needs
  /// only where the forum works on the theme), status-quo terms applied; and the part of `unit`
  /// outside coverage (a lesser option's reputation cost, <= 0). unit = 100 x share x theme
  /// factor + linear_unit.
  std::vector<Exact> share;
  std::vector<Exact> linear_unit;
  StatusQuoTerms status_quo;
  LevelCost cost;               ///< money in USD inside
  std::vector<Exact> cost_vec;  ///< money (profile currency), staff days, ministerial days
  int problem_option = -1;      ///< its index among the problem item's options, or -1 when not offered
  [[nodiscard]] const std::string& id() const { return option.id; }
};

/// Everything known about one forum for this country: one record per problem item.
struct Assessment {
  Forum forum;  ///< with the profile's overrides applied
  Eligibility eligibility;
  ForumScore score;
  std::vector<OptionAssessment> options;  ///< every option the forum offers, open or not, in file order
  bool excluded = false;
  bool must = false;
  /// No meeting recorded since last_meeting_year, more than dormant_after_years before the plan
  /// year: the forum offers no option, and leaving a membership of it costs nothing.
  /// Also set for a forum founded after the plan year (not_founded): it does not exist yet, which
  /// is what a backtest as of an earlier year needs.
  bool dormant = false;
  bool not_founded = false;
  std::string dormant_why;  ///< when dormant: since when, and how a profile says it meets again
  /// The forum's remits (its `remit` fact), and whether the profile covers none of them: then
  /// it is another ministry's file, offered no option and left out of today's baseline (it is
  /// neither kept nor left here), and reports say to coordinate with whoever holds it.
  std::vector<std::string> remit;
  bool other_remit = false;
  std::string coordinate_with;  ///< who holds that file ([remit] coordinate_with), or ""
  /// Today's option (index into options), or nullopt when the country holds none.
  std::optional<size_t> current;
  int since = 0;            ///< the year it began (0: not known)
  bool founder = false;     ///< the country founded it: leaving costs founder_leave_share
  Exact leave_cost;         ///< what leaving today's option costs, at the weights (0 when none held)
  std::vector<Exact> leave_unit;  ///< per unit weight of each objective
  /// The option the problem's option `o` of this item is.
  [[nodiscard]] const OptionAssessment& problem_option(size_t o) const;
  [[nodiscard]] const OptionAssessment* find_option(std::string_view id) const;
};

/// A chosen forum.
struct Choice {
  std::string forum;
  std::string option;  ///< the option id
  std::string name;    ///< the option's name
  Exact value;  ///< before the price of its resources
  Exact price;  ///< the price of the resources it uses (OptionAssessment::price)
  std::map<std::string, Exact> by_objective;
  std::vector<Exact> cost;
  std::string change;  ///< for an option other than today's: why, in one line
  EligibilityStatus eligibility = EligibilityStatus::kEligible;  ///< the option's (always eligible when chosen)
};

/// Why a forum is left out.
enum class NotChosenStatus {
  kNotEligible,  ///< an entry rule the country cannot meet
  kReachable,    ///< steps the country could take (an invitation, an application)
  kOverBudget,   ///< no portfolio with it meets the budgets and constraints
  kOutvalued,    ///< it fits, but the best portfolio with it is worth less
  kExcluded,     ///< the profile excludes it
  kOtherRemit,   ///< another ministry's file ([remit]): coordinate, not join or leave
  kDormant,      ///< no meeting recorded for longer than dormant_after_years: nothing to take part in
  kNotFounded,   ///< founded after the plan year: it does not exist yet
};
inline constexpr std::array<EnumName<NotChosenStatus>, 8> kNotChosenStatusNames{{
    {NotChosenStatus::kNotEligible, "not_eligible"},
    {NotChosenStatus::kReachable, "reachable"},
    {NotChosenStatus::kOverBudget, "over_budget"},
    {NotChosenStatus::kOutvalued, "outvalued"},
    {NotChosenStatus::kExcluded, "excluded"},
    {NotChosenStatus::kOtherRemit, "other_remit"},
    {NotChosenStatus::kDormant, "dormant"},
    {NotChosenStatus::kNotFounded, "not_founded"},
}};
constexpr std::span<const EnumName<NotChosenStatus>> enum_table(NotChosenStatus) { return kNotChosenStatusNames; }

/// A forum left out, and why.
struct NotChosen {
  std::string forum;
  NotChosenStatus status = NotChosenStatus::kOutvalued;
  [[nodiscard]] std::string status_name() const { return std::string(enum_name(status)); }
  std::string detail;
  std::vector<std::string> missing;
  std::string leave;  ///< for a membership given up: what it frees and what that buys, in one line
  /// Held today but in another ministry's file (kOtherRemit with a current membership): neither
  /// kept nor left by this profile, so every report lists it apart from what was not chosen.
  bool held_elsewhere = false;
};

/// The answer. It points into the catalogue it was made from (criteria, value functions) and
/// holds that catalogue when made by a Session (`catalogue`), so it may outlive the caller's copy.
struct Recommendation {
  std::shared_ptr<const Catalogue> catalogue;  ///< what it points into (set by Session; may be null)
  CountryView country;
  std::map<std::string, Exact> weights;  ///< normalised: the central weights of the stated set
  WeightsBasis weights_basis = WeightsBasis::kGiven;  ///< where they come from (preferences.h)
  std::string currency;
  Exact usd_rate;
  std::vector<std::string> resources;  ///< kResources, or the profile's abstract [resources]
  std::vector<Exact> budget;
  /// Optimal (the portfolio below is proven best), infeasible (infeasible_why names the
  /// constraint and by how much) or limit reached (no portfolio: search_limit_message says why).
  AnswerStatus status = AnswerStatus::kInfeasible;
  std::string infeasible_why;
  [[nodiscard]] bool feasible() const { return status == AnswerStatus::kOptimal; }
  std::vector<Choice> portfolio;
  /// What the chosen forums' values alone add up to beyond what they serve together: the same
  /// needs served twice (coverage: engine/README.md); >= 0.
  Exact overlap_loss;
  Exact leave_loss;    ///< what leaving today's memberships costs (the none values of the forums left)
  Exact price_total;   ///< the price of the resources the portfolio uses (sum of the choices' prices)
  /// The prices per unit of each resource (value points; 0 for abstract resources), and whether
  /// any is above zero (reports then show the price row and what is left unspent).
  std::vector<Exact> prices;
  Exact total_value;   ///< sum of chosen values minus overlap_loss, leave_loss and price_total
  std::vector<Exact> total_cost;
  std::vector<Assessment> assessments;  ///< every forum, in id order
  std::vector<NotChosen> not_chosen;    ///< in id order
  Problem problem;                      ///< what was solved, for explain and exports
  /// The objectives in `weights` order: the order of every `unit` vector.
  std::vector<std::string> objectives;
  std::vector<std::vector<Exact>> penalty_unit;  ///< penalty -> objective
  /// Per need of the problem: its objective (index into objectives) and its weight per unit
  /// weight of that objective (100 x the need's part of the objective).
  std::vector<size_t> need_objective;
  std::vector<Exact> need_unit;
  /// Per objective, how much of what forums could give it the portfolio serves: 0..100 (the
  /// unit every report states); and the same over all objectives at the weights.
  std::vector<Exact> objective_coverage;
  Exact coverage_total;
  Solution solution;
  Baseline baseline = Baseline::kCurrent;
  int plan_year = 0;
  /// What today's memberships need against each budget, and whether they fit (the first
  /// thing an official checks: "can we afford what we do now?").
  std::vector<Exact> current_cost;
  Exact current_value;  ///< today's memberships valued in this model (nullopt-free: 0 when none)
  bool current_feasible = true;
  std::vector<std::string> current_short;  ///< each budget today's memberships exceed, by how much
};

/// What the portfolio serves, in words: the total and each objective on 0..100, and what the
/// unit means ("the share of what these priorities could gain from forums").
[[nodiscard]] std::string coverage_sentence(const Recommendation& rec);

/// Per objective (in `rec.objectives` order), how much of what forums could give it `choice` of
/// rec.problem serves, 0..100; `total` (if given) gets the same over all objectives at the weights.
[[nodiscard]] std::vector<Exact> objective_coverage(const Recommendation& rec, const std::vector<int>& choice, Exact* total);

/// The objectives that carry most of a chosen option's value (each at least a fifth of it), by
/// their criteria's names, largest first: the briefing's "serves" and the text's reason.
[[nodiscard]] std::vector<std::string> serves_most(const Recommendation& rec, const Choice& c);

/// The recommendation's problem with values per unit weight, for robustness analysis.
[[nodiscard]] LinearProblem linear_problem(const Recommendation& rec);

/// Today's memberships as a choice of the problem's options (-1 where none is held, or where the
/// option held is not offered, e.g. excluded); all -1 for baseline "none".
[[nodiscard]] std::vector<int> today_choice(const Recommendation& rec);

/// For a forum outside the profile's remit: whose file it is, who to coordinate with, and what
/// the country holds there today, in one line.
[[nodiscard]] std::string other_remit_text(const Assessment& as);

/// The index of item `id` in `p`, or p.items.size().
[[nodiscard]] size_t index_of(const Problem& p, std::string_view id);

/// The robustness of `rec` over the weights `profile` admits (the profile `rec` was made from);
/// its status is kLimitReached when the non-dominated search passes its node limit. Needs a
/// feasible `rec`.
[[nodiscard]] Robustness robustness(const Recommendation& rec, const Profile& profile, const RobustOptions& options);

/// The effective assumptions: data/assumptions.toml with the profile's replacements.
[[nodiscard]] Assumptions effective_assumptions(const Catalogue& catalogue, const Profile& profile);

/// Scores, checks and solves. Errors (diagnostics) only for inputs the model cannot use (a
/// country with no EGDI); an infeasible portfolio is a successful result with feasible = false.
[[nodiscard]] Result<Recommendation> recommend(const Profile& profile, const Catalogue& catalogue);

/// The model of `profile` put together (assessments, the problem at the central weights, today's
/// costs), not solved: what robust's estimate samples rebuild.
[[nodiscard]] Result<Recommendation> recommendation_model(const Profile& profile, const Catalogue& catalogue);

/// The problem recommend() would solve for `profile`, without solving it (for an LP export when
/// the search stops at its limit). Errors as recommend().
[[nodiscard]] Result<Problem> portfolio_problem(const Profile& profile, const Catalogue& catalogue);

/// What today's memberships of `profile` need against each budget (Recommendation::current_cost),
/// from the model alone: no solve. Errors as recommend().
[[nodiscard]] Result<std::vector<Exact>> current_needs(const Profile& profile, const Catalogue& catalogue);

/// Why `p` admits no portfolio, naming the constraint and the shortfall. The forums every
/// portfolio must hold are the must-include ones and what they require (transitively); in
/// order: one of them excluded or not open to the country (with the chain of "requires"), two
/// of them in one at_most_one_of group, more of them than max_forums, their least cost over a
/// budget, else the constraints together.
[[nodiscard]] std::string why_infeasible(const Problem& p, const std::vector<Assessment>& assessments,
                                         const std::string& currency);

/// The smallest change of resource `r` (positive: more; negative: less) after which `forum`'s
/// membership of the optimal portfolio flips, the other budgets as they are; nullopt when no
/// change of that resource flips it, or when the walk's search steps ran out: `stopped`, when
/// given, then says so.
[[nodiscard]] std::optional<Exact> flip_change(const Recommendation& rec, std::string_view forum, size_t r,
                                               bool* stopped = nullptr);

/// flip_change on a budget of search steps the caller shares; check budget.exhausted() after.
[[nodiscard]] std::optional<Exact> flip_change_within(const Recommendation& rec, std::string_view forum, size_t r,
                                                      SearchBudget& budget);

}  // namespace whichforum
