// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// The exact problem a recommendation solves, written in CPLEX LP format for a reference solver.
#pragma once

#include "engine/solve/solver.h"

#include <string>
#include <string_view>
#include <vector>

namespace whichforum {

/// A portfolio problem as a mixed-integer programme in CPLEX LP format (CBC, GLPK's
/// `glpsol --lp`, CPLEX, HiGHS): a binary x per item and option, a row per item allowing at
/// most one option, a row per budget and per constraint, and per overlapping pair a continuous
/// y >= x_a + x_b - 1, y >= 0 whose loss the objective charges. Every coefficient is an integer
/// and every row is exact: the objective adds one column per item (its value) and subtracts one
/// per pair (its loss), each defined by a row multiplied by its own common denominator, so the
/// LP's optimum is whichforum's total value itself (scale 1) and no coefficient is larger than
/// one forum's own fractions need. See engine/README.md for why not one scale for all.
struct LpExport {
  std::string text;
  std::vector<std::vector<std::string>> columns;  ///< item -> option -> its x column's name
};

/// Writes `p`. `title` opens the text (a comment); `optimum`, when given, is whichforum's
/// answer, stated in comments on the objective's scale so that a reader can check a solver's.
[[nodiscard]] LpExport export_lp(const Problem& p, std::string_view title, const Solution* optimum);

/// An LP identifier made of `s`: letters, digits and '_' kept, anything else '_', at most 40
/// characters, never empty.
[[nodiscard]] std::string lp_name(std::string_view s);

}  // namespace whichforum

namespace whichforum {

/// The LP `exact` (as export_lp writes it) for floating-point solvers: every constraint row
/// divided by its largest coefficient, written in decimals of 15 significant digits (so no
/// coefficient exceeds 1 and none is a 14-digit integer); the objective, bounds and integrality
/// as they are; a comment says so. Its optimum is the exact one to about 1e-12 relative, and
/// the exact optimum stays stated in the comments export_lp wrote.
[[nodiscard]] std::string scaled_lp(const std::string& exact);

}  // namespace whichforum
