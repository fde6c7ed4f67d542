// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// A small linear program solved exactly: the simplex method on rationals, for the few-variable
// programs over the weight simplex that `infer` needs (its least regret, its distance to the
// stated weights). Not a general LP solver: dense, Bland's rule, meant for tens of variables.
#pragma once

#include "engine/exact.h"

#include <vector>

namespace whichforum {

/// One row: sum_j coef[j] x_j (<=, >= or =) rhs.
enum class RowSense { kAtMost, kAtLeast, kEqual };

struct LpRow {
  std::vector<Exact> coef;  ///< one per variable (shorter: the rest are 0)
  RowSense sense = RowSense::kAtMost;
  Exact rhs;
};

/// Minimise cost . x subject to the rows and x >= 0.
struct ExactLp {
  std::vector<Exact> cost;  ///< one per variable: the number of variables
  std::vector<LpRow> rows;
};

enum class LpStatus { kOptimal, kInfeasible, kUnbounded };

struct LpSolution {
  LpStatus status = LpStatus::kInfeasible;
  std::vector<Exact> x;  ///< when optimal
  Exact objective;
};

/// Solves `lp` exactly by the two-phase simplex method with Bland's rule (which cannot cycle),
/// so the same program gives the same vertex on every machine.
[[nodiscard]] LpSolution solve_exact_lp(const ExactLp& lp);

}  // namespace whichforum
