// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Choosing the search bound's multipliers: the Lagrangian dual, approximately, in doubles (internal).
#pragma once

#include <array>
#include <optional>
#include <vector>

namespace whichforum::detail {

/// A portfolio problem as its Lagrangian dual sees it: relax every budget row (multiplier
/// lambda >= 0 each) and every overlap row y_ab >= x_a + x_b - 1 (multiplier mu in [0, penalty]),
/// and what is left splits into one choice per item. Values are on a scale where they are about
/// 1; each row's weights are shares of its capacity.
struct DualProblem {
  std::vector<std::vector<double>> value;                // item -> option
  std::vector<double> shift;                             // item: taken off each of its options
  std::vector<bool> must;                                // item: "none" is not allowed
  std::vector<std::vector<std::vector<double>>> weight;  // row -> item -> option
  std::vector<std::array<size_t, 2>> pair;               // overlapping pairs with a penalty > 0
  std::vector<double> penalty;                           // per pair
};

/// Multipliers and the dual bound they give (on the DualProblem's scale).
struct DualMultipliers {
  std::vector<double> lambda;  ///< per row, >= 0
  std::vector<double> mu;      ///< per pair, in [0, penalty]
  double bound = 0;
};

/// The dual bound at `m` (its `bound` is ignored and returned filled in).
[[nodiscard]] DualMultipliers dual_bound(const DualProblem& d, DualMultipliers m);

/// The option each item takes in the dual's subproblem at `m` (-1 for none).
[[nodiscard]] std::vector<int> dual_pick(const DualProblem& d, const DualMultipliers& m);

/// Projected subgradient descent from `start` (Polyak steps towards `target`, an incumbent's
/// value when one is known), at most `iterations` steps; returns the best multipliers met.
/// The answer only tunes the bound: any multipliers in range give a valid one, so doubles do.
[[nodiscard]] DualMultipliers optimise_dual(const DualProblem& d, const DualMultipliers& start,
                                            std::optional<double> target, int iterations);

}  // namespace whichforum::detail
