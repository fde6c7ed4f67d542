// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Robustness: what the recommendation rests on when the weights are only roughly known.
#pragma once

#include "engine/answer_status.h"
#include "engine/enum_names.h"
#include "engine/solve/solver.h"
#include "engine/weight_set.h"

#include <array>
#include <cstdint>
#include <span>
#include <optional>
#include <string>
#include <vector>

namespace whichforum {

/// A portfolio problem whose values are linear in the weights: option (i, o) is worth
/// sum_k w_k unit[i][o][k], penalty q costs sum_k w_k penalty_unit[q][k]. `problem` holds the
/// structure (costs, budgets, constraints); its values are those at some weights and unused here.
struct LinearProblem {
  Problem problem;
  std::vector<std::string> objectives;
  std::vector<std::vector<std::vector<Exact>>> unit;
  std::vector<std::vector<Exact>> penalty_unit;
  /// Needs (problem.needs): each one's objective, and its weight per unit weight of it.
  std::vector<size_t> need_objective;
  std::vector<Exact> need_unit;
};

/// `lp.problem` with its values and penalties at weights `w` (one per objective).
[[nodiscard]] Problem at_weights(const LinearProblem& lp, const std::vector<Exact>& w);

/// A non-dominated portfolio: no feasible portfolio is at least as good for every admissible
/// weight vector and better for one.
struct Nondominated {
  std::vector<int> choice;
  std::vector<Exact> values;  ///< at each vertex of the weight set
  std::vector<size_t> ties;   ///< other non-dominated portfolios worth the same on the whole set
};

/// The answer of the non-dominated search: kOptimal when the search completed (`portfolios` is
/// the whole non-dominated set), kInfeasible when it completed and no portfolio meets the
/// constraints (`portfolios` empty), kLimitReached when it passed its node limit (`portfolios`
/// empty: nothing is claimed).
struct NondominatedSet {
  AnswerStatus status = AnswerStatus::kOptimal;
  std::vector<Nondominated> portfolios;
};

/// The most nodes one non-dominated search may visit (about 6 s; engine/README.md).
inline constexpr unsigned long long kMaxNondominatedNodes = 10'000'000ULL;

/// The non-dominated portfolios of `lp` over `set`, exactly: a depth-first search on integers
/// (values at the set's vertices, since a portfolio's value is linear in the weights), pruning
/// a branch when a portfolio already found dominates the best any completion could reach at
/// every vertex (a Lagrangian bound per vertex: engine/README.md). Sorted by the tie rule's
/// order of their costs and choices. AnswerStatus::kLimitReached when the search passes
/// `node_limit` nodes.
[[nodiscard]] NondominatedSet nondominated(const LinearProblem& lp, const WeightSet& set,
                                           unsigned long long node_limit = kMaxNondominatedNodes);

/// The same by enumerating every feasible portfolio (small problems; for tests).
[[nodiscard]] std::vector<Nondominated> nondominated_brute_force(const LinearProblem& lp, const WeightSet& set);

/// Whether robust varies the estimates too (issue 17), or only the weights (`--estimates fixed`).
enum class EstimateMode { kRanges, kFixed };
inline constexpr std::array<EnumName<EstimateMode>, 2> kEstimateModeNames{{
    {EstimateMode::kRanges, "ranges"},
    {EstimateMode::kFixed, "fixed"},
}};
constexpr std::span<const EnumName<EstimateMode>> enum_table(EstimateMode) { return kEstimateModeNames; }

struct RobustOptions {
  std::uint64_t samples = 10000;
  std::uint64_t seed = 20261123;
  bool smallest_change = true;  ///< also find the smallest weight change (a few solves per pair)
  EstimateMode estimates = EstimateMode::kRanges;  ///< also sample the estimates in their ranges
  /// Joint draws of weights and estimates (each rebuilds the model: far dearer than a weight draw).
  std::uint64_t estimate_samples = 1000;
  unsigned long long node_limit = kMaxNondominatedNodes;  ///< of the non-dominated search
  unsigned long long max_steps = kMaxSearchSteps;          ///< shared by the weight change's solves
};

/// A forum's place over the admissible weights (the RPM labels, by its core index).
enum class RobustnessLabel {
  kCore,        ///< in every non-dominated portfolio
  kBorderline,  ///< in some
  kExterior,    ///< in none
};
inline constexpr std::array<EnumName<RobustnessLabel>, 3> kRobustnessLabelNames{{
    {RobustnessLabel::kCore, "core"},
    {RobustnessLabel::kBorderline, "borderline"},
    {RobustnessLabel::kExterior, "exterior"},
}};
constexpr std::span<const EnumName<RobustnessLabel>> enum_table(RobustnessLabel) { return kRobustnessLabelNames; }

/// One forum's robustness.
struct ForumRobustness {
  size_t item = 0;
  Exact core_index;        ///< share of the non-dominated portfolios that include it
  RobustnessLabel label = RobustnessLabel::kExterior;
  [[nodiscard]] std::string label_name() const { return std::string(enum_name(label)); }
  std::uint64_t wins = 0;  ///< samples in whose optimal portfolio it is
  Exact acceptability;     ///< wins / samples
  Exact half_width;        ///< 95% Monte Carlo half-width, 1.96 sqrt(p (1 - p) / samples), to 1e-6
};

/// A non-dominated portfolio's share of the samples.
struct PortfolioRobustness {
  size_t index = 0;  ///< into Robustness::nondominated
  std::uint64_t wins = 0;
  Exact acceptability;
  Exact half_width;
  std::vector<Exact> central_weights;  ///< mean of the sampled weights where it is optimal (wins > 0)
};

/// The smallest transfer of weight from one objective to another that makes some portfolio
/// better than the recommendation: any transfer larger than `amount` in that direction does.
struct WeightChange {
  size_t from = 0, to = 0;  ///< objective indices
  Exact amount;
  std::vector<Exact> weights;  ///< the weights at the transfer (where the two portfolios tie)
  bool admissible = false;     ///< those weights are within the stated set
  std::vector<int> challenger;
};

/// The answer of the smallest-weight-change search. kOptimal: `change` is the smallest transfer,
/// or nullopt when no transfer between two objectives changes the recommendation (proven).
/// kLimitReached: one of its solves stopped at the step limit; `change` is nullopt and nothing is
/// claimed (never "no transfer changes it").
struct WeightChangeAnswer {
  AnswerStatus status = AnswerStatus::kOptimal;
  std::optional<WeightChange> change;
};

/// A decision rule's choice.
struct RuleChoice {
  std::vector<int> choice;
  Exact score;  ///< central: value; maximin: least value over the set; minimax regret: most regret
};

struct Robustness {
  /// The non-dominated search's status: kLimitReached when it passed its node limit (then
  /// nothing below is filled in); kInfeasible when no portfolio meets the constraints.
  AnswerStatus status = AnswerStatus::kOptimal;
  std::uint64_t samples = 0;
  std::uint64_t seed = 0;
  std::vector<Nondominated> nondominated;
  std::vector<ForumRobustness> forums;          ///< items with at least one option, in id order
  std::vector<PortfolioRobustness> portfolios;  ///< by acceptability, then the tie rule's order
  RuleChoice central, maximin, minimax_regret;
  WeightChangeAnswer smallest_change;  ///< with its own status (not searched: kOptimal, no change)
};

/// Everything `robust` reports. `central` is the recommended portfolio (optimal at the set's
/// central weights). Sampling draws weight vectors uniformly from the set (seeded); for each,
/// the optimal portfolio is the best non-dominated one there (the set always holds one; exact
/// ties go to the tie rule). `status` is kLimitReached when the non-dominated search passes
/// options.node_limit; the weight change carries its own status.
[[nodiscard]] Robustness analyse_robustness(const LinearProblem& lp, const WeightSet& set,
                                            const std::vector<int>& central, const RobustOptions& options);

/// The smallest single transfer of weight (see WeightChange) from `central` weights; exact, by a
/// Newton walk on each direction's piecewise-linear regret. Its solves take their steps from
/// `budget`; once one stops at the limit the answer is kLimitReached.
[[nodiscard]] WeightChangeAnswer smallest_weight_change(const LinearProblem& lp, const WeightSet& set,
                                                        const std::vector<int>& recommended, SearchBudget& budget);

/// The same within a budget of kMaxSearchSteps.
[[nodiscard]] WeightChangeAnswer smallest_weight_change(const LinearProblem& lp, const WeightSet& set,
                                                        const std::vector<int>& recommended);

}  // namespace whichforum
