// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// What-if: the optimum along budget sweeps, across scenarios, against current memberships, and
// the efficient frontier over a budget range.
#pragma once

#include "engine/recommend.h"

#include <string>
#include <vector>

namespace whichforum {

/// One swept resource: from, to (inclusive) and step, all exact.
struct BudgetSweep {
  size_t resource = 0;
  Exact from, to, step;
};

/// Parses "money=60000:180000:20000" (resource names as in kResources). On error returns
/// nullopt and says why in `why`.
[[nodiscard]] std::optional<BudgetSweep> parse_sweep(std::string_view spec, std::string* why);

/// A chosen forum and level.
struct Pick {
  std::string forum;
  std::string level;  ///< the option id
  bool operator==(const Pick&) const = default;
};

/// One row of a what-if table: a budget point, a scenario or the current memberships.
struct WhatIfPoint {
  std::string label;
  std::vector<Exact> budget;
  bool feasible = true;
  std::string infeasible_why;
  Exact value;
  std::vector<Exact> cost;
  std::vector<Pick> portfolio;
  std::vector<std::string> entered;  ///< against the previous row
  std::vector<std::string> left;
  /// Per resource: the value the next step of that resource would add (step in `marginal_step`).
  std::vector<Exact> marginal_gain;
  std::vector<Exact> marginal_step;
};

/// An efficient portfolio: no feasible portfolio has at least its value at no more cost.
struct FrontierPoint {
  std::vector<Pick> portfolio;
  Exact value;
  std::vector<Exact> cost;
  /// On the upper convex hull of value against the swept resource's cost (PROBE's "convex"):
  /// what a benefit/cost prioritisation reaches as a prefix of its order. Else non-convex.
  bool convex = false;
};

struct WhatIf {
  std::string currency;
  /// kLimitReached: a solve stopped at the search limit, the table is incomplete and not to be shown
  AnswerStatus status = AnswerStatus::kOptimal;
  std::string limit_why;
  std::vector<WhatIfPoint> points;
  std::vector<std::string> swaps;  ///< forums that enter and later leave as the budget grows
  bool has_frontier = false;
  size_t frontier_resource = 0;
  std::vector<FrontierPoint> frontier;
};

/// The rows for `sweeps` (swept together, point by point; all must have the same number of
/// points) over `base`, which was recommended from the base profile. With no sweep, one row for
/// the base budget. `frontier` adds the efficient portfolios over the first swept resource's
/// range (money from 0 to the budget when nothing is swept).
[[nodiscard]] WhatIf what_if_budgets(const Recommendation& base, const std::vector<BudgetSweep>& sweeps, bool frontier);

/// A row for an already solved recommendation (a scenario), labelled `label`.
[[nodiscard]] WhatIfPoint point_of(const Recommendation& rec, const std::string& label);

/// The row for the country's current memberships, valued and costed in `rec`'s model; its
/// `infeasible_why` says what does not fit (a budget exceeded, a level no longer open).
[[nodiscard]] WhatIfPoint current_point(const Recommendation& rec);

/// Fills entered/left against the previous row and the list of swaps, in row order.
void link_points(WhatIf& w);

}  // namespace whichforum
