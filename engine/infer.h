// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Inverse optimisation: the weights under which a country's current portfolio is the best one
// (or as close to the best as any weighting makes it), exactly.
#pragma once

#include "engine/answer_status.h"
#include "engine/robust.h"
#include "engine/weight_set.h"

#include <string>
#include <vector>

namespace whichforum {

/// What `infer` finds about today's portfolio P. A portfolio's value is linear in the weights,
/// so P's regret at w (the best value at w minus P's) is convex and piecewise linear; its least
/// value over the simplex and the set where it is reached are found exactly (engine/README.md).
struct Inference {
  /// kOptimal: everything below is exact. kInfeasible: today's portfolio breaks a budget or a
  /// constraint of the model (`why`), so no weighting can make it the best. kLimitReached: a
  /// solve stopped at the step limit; nothing is claimed.
  AnswerStatus status = AnswerStatus::kOptimal;
  std::string why;
  std::vector<int> current;  ///< today's choice, one per item of the problem
  /// The least regret over every weighting, in value points: 0 when today's portfolio is the
  /// best at some weighting.
  Exact regret;
  /// The weightings where today's regret is that least: an exact polytope in the simplex (its
  /// constraints are the rivals' cuts).
  WeightSet set;
  /// The set's centre: the mean of its vertices, as the weight set's everywhere (a centre of mass
  /// by triangulation took seconds for a set of 74 vertices in 7 dimensions). Where vertices crowd
  /// it leans their way; each objective's range within the set is reported beside it.
  std::vector<Exact> centre;
  /// The least weight to move (half the L1 distance) from the stated central weights (those
  /// the recommendation is made at) to the set, and the weighting of the set it reaches.
  Exact distance;
  std::vector<Exact> nearest;
  /// Whether some weighting the stated preferences allow lies in the set.
  bool stated_meets = false;
  /// The best portfolio at the centre under the tie rule: today's, or when regret > 0 (or
  /// another portfolio ties with today's there) the one that beats or ties it.
  std::vector<int> best_at_centre;
  size_t solves = 0;  ///< portfolio problems solved
};

/// Infers the weights for `current` over the whole simplex of `stated`'s objectives (the
/// distance is measured to `stated`). Its solves take their steps from `budget`.
[[nodiscard]] Inference infer_weights(const LinearProblem& lp, const WeightSet& stated, const std::vector<int>& current,
                                      SearchBudget& budget);

/// The same by enumerating every feasible portfolio (small problems; for tests): the least
/// regret, by the exact LP over all of them.
[[nodiscard]] Exact least_regret_brute_force(const LinearProblem& lp, const std::vector<int>& current);

}  // namespace whichforum
