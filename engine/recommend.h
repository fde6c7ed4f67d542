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
#include <map>
#include <span>
#include <memory>
#include <string>
#include <vector>

namespace whichforum {

/// The three resources, in the order the tie rule and every report use.
inline const std::vector<std::string> kResources = {"money", "staff_days", "ministerial_days"};

/// One level of one forum as the model sees it for this country.
struct LevelAssessment {
  std::string level;
  bool open = false;      ///< the country may take it
  std::string closed_why; ///< why not, when not open
  Exact value;
  std::map<std::string, Exact> by_objective;
  LevelCost cost;              ///< money in USD inside
  std::vector<Exact> cost_vec; ///< money (profile currency), staff days, ministerial days
};

/// Everything known about one forum for this country.
struct Assessment {
  Forum forum;  ///< with the profile's overrides applied
  Eligibility eligibility;
  ForumScore score;
  std::vector<LevelAssessment> levels;  ///< observer, member, lead (all three, open or not)
  bool excluded = false;
  bool must = false;
};

/// A chosen forum.
struct Choice {
  std::string forum;
  std::string level;
  Exact value;
  std::map<std::string, Exact> by_objective;
  std::vector<Exact> cost;
};

/// Why a forum is left out.
enum class NotChosenStatus {
  kNotEligible,  ///< an entry rule the country cannot meet
  kReachable,    ///< steps the country could take (an invitation, an application)
  kOverBudget,   ///< no portfolio with it meets the budgets and constraints
  kOutvalued,    ///< it fits, but the best portfolio with it is worth less
  kExcluded,     ///< the profile excludes it
};
inline constexpr std::array<EnumName<NotChosenStatus>, 5> kNotChosenStatusNames{{
    {NotChosenStatus::kNotEligible, "not_eligible"},
    {NotChosenStatus::kReachable, "reachable"},
    {NotChosenStatus::kOverBudget, "over_budget"},
    {NotChosenStatus::kOutvalued, "outvalued"},
    {NotChosenStatus::kExcluded, "excluded"},
}};
constexpr std::span<const EnumName<NotChosenStatus>> enum_table(NotChosenStatus) { return kNotChosenStatusNames; }

/// A forum left out, and why.
struct NotChosen {
  std::string forum;
  NotChosenStatus status = NotChosenStatus::kOutvalued;
  [[nodiscard]] std::string status_name() const { return std::string(enum_name(status)); }
  std::string detail;
  std::vector<std::string> missing;
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
  Exact overlap_loss;  ///< value lost to overlap between chosen forums
  Exact total_value;   ///< sum of chosen values minus overlap_loss
  std::vector<Exact> total_cost;
  std::vector<Assessment> assessments;  ///< every forum, in id order
  std::vector<NotChosen> not_chosen;    ///< in id order
  Problem problem;                      ///< what was solved, for explain and exports
  /// The same problem with values per unit weight (LinearProblem, engine/robust.h): objectives
  /// in `weights` order; item -> option -> objective; penalty -> objective.
  std::vector<std::string> objectives;
  std::vector<std::vector<std::vector<Exact>>> option_unit;
  std::vector<std::vector<Exact>> penalty_unit;
  Solution solution;
  std::vector<std::vector<std::string>> option_levels;  ///< item -> option index -> level
};

/// The recommendation's problem with values per unit weight, for robustness analysis.
[[nodiscard]] LinearProblem linear_problem(const Recommendation& rec);

/// The robustness of `rec` over the weights `profile` admits (the profile `rec` was made from);
/// its status is kLimitReached when the non-dominated search passes its node limit. Needs a
/// feasible `rec`.
[[nodiscard]] Robustness robustness(const Recommendation& rec, const Profile& profile, const RobustOptions& options);

/// The effective assumptions: data/assumptions.toml with the profile's replacements.
[[nodiscard]] Assumptions effective_assumptions(const Catalogue& catalogue, const Profile& profile);

/// Scores, checks and solves. Errors (diagnostics) only for inputs the model cannot use (a
/// country with no EGDI); an infeasible portfolio is a successful result with feasible = false.
[[nodiscard]] Result<Recommendation> recommend(const Profile& profile, const Catalogue& catalogue);

/// The problem recommend() would solve for `profile`, without solving it (for an LP export when
/// the search stops at its limit). Errors as recommend().
[[nodiscard]] Result<Problem> portfolio_problem(const Profile& profile, const Catalogue& catalogue);

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
