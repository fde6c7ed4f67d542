// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// The smallest transfer of weight between two objectives that makes another portfolio better
// than the recommendation, exactly, by a Newton walk along each direction.
#include "engine/robust.h"

#include "engine/robust_parts.h"

namespace whichforum {

using detail::value_at;

WeightChangeAnswer smallest_weight_change(const LinearProblem& lp, const WeightSet& set,
                                          const std::vector<int>& recommended) {
  SearchBudget budget;
  return smallest_weight_change(lp, set, recommended, budget);
}

WeightChangeAnswer smallest_weight_change(const LinearProblem& lp, const WeightSet& set,
                                          const std::vector<int>& recommended, SearchBudget& budget) {
  const std::vector<Exact>& c = set.central;
  const size_t n = c.size();
  std::optional<WeightChange> best;
  for (size_t from = 0; from < n; ++from) {
    if (c[from] == 0) continue;
    for (size_t to = 0; to < n; ++to) {
      if (to == from) continue;
      auto at = [&](const Exact& t) {
        std::vector<Exact> w = c;
        w[from] -= t;
        w[to] += t;
        return w;
      };
      // f(t) = best value - the recommendation's value along the move is convex, 0 at t = 0;
      // each step jumps to where the portfolio that beats the recommendation starts to.
      Exact hi = c[from];
      if (best && best->amount < hi) hi = best->amount;
      if (hi == 0) continue;
      std::vector<int> challenger;
      for (int guard = 0; guard < 10000; ++guard) {
        std::vector<Exact> w = at(hi);
        Solution s = budget.solve(at_weights(lp, w));
        // A solve that stopped proves nothing: not "nothing beats the recommendation" either.
        if (s.limit_reached()) return {AnswerStatus::kLimitReached, std::nullopt};
        if (!s.optimal()) break;
        Exact gap = s.value - value_at(lp, recommended, w);
        if (gap <= 0) break;
        // g(t) = alpha + beta t for that portfolio; it is <= 0 at 0 and > 0 at hi.
        Exact alpha = value_at(lp, s.choice, c) - value_at(lp, recommended, c);
        Exact beta = (gap - alpha) / hi;
        hi = -alpha / beta;
        challenger = s.choice;
      }
      if (challenger.empty()) continue;
      if (!best || hi < best->amount) {
        WeightChange wc;
        wc.from = from;
        wc.to = to;
        wc.amount = hi;
        wc.weights = at(hi);
        wc.admissible = set.contains(wc.weights);
        wc.challenger = challenger;
        best = std::move(wc);
      }
    }
  }
  return {AnswerStatus::kOptimal, std::move(best)};
}

}  // namespace whichforum
