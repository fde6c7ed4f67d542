// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Decision rules over the non-dominated set: the central weights' choice, maximin, minimax regret.
#include "engine/robust_parts.h"

#include <algorithm>
#include <optional>

namespace whichforum::detail {

void apply_decision_rules(const LinearProblem& lp, const WeightSet& set, const std::vector<int>& central,
                          Robustness& r) {
  const auto& all = r.nondominated;
  // Decision rules over the non-dominated set (a dominated portfolio never does better on
  // either): the least value over the set is at a vertex; so is the most regret, regret being
  // the best value there minus the portfolio's. Ties: the value at the central weights, then
  // the tie rule's order.
  r.central.choice = central;
  r.central.score = value_at(lp, central, set.central);
  if (!all.empty()) {
    const size_t m = set.vertices.size();
    std::vector<Exact> top(m);
    for (size_t j = 0; j < m; ++j) {
      for (size_t a = 0; a < all.size(); ++a) top[j] = a == 0 ? all[a].values[j] : std::max(top[j], all[a].values[j]);
    }
    std::optional<size_t> mm, mr;
    std::vector<Exact> least(all.size()), regret(all.size()), mid(all.size());
    for (size_t a = 0; a < all.size(); ++a) {
      least[a] = *std::min_element(all[a].values.begin(), all[a].values.end());
      regret[a] = 0;
      for (size_t j = 0; j < m; ++j) regret[a] = std::max(regret[a], Exact(top[j] - all[a].values[j]));
      mid[a] = value_at(lp, all[a].choice, set.central);
      if (!mm || least[a] > least[*mm] || (least[a] == least[*mm] && mid[a] > mid[*mm])) mm = a;
      if (!mr || regret[a] < regret[*mr] || (regret[a] == regret[*mr] && mid[a] > mid[*mr])) mr = a;
    }
    r.maximin = {all[*mm].choice, least[*mm]};
    r.minimax_regret = {all[*mr].choice, regret[*mr]};
  }
}

}  // namespace whichforum::detail
