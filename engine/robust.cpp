// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Robustness: the analysis that ties its parts together, and the core indices. The parts:
// robust_nondominated.cpp, robust_sampling.cpp, robust_rules.cpp, robust_weight_change.cpp.
#include "engine/robust.h"

#include "engine/robust_parts.h"

namespace whichforum {

namespace detail {

Exact dot(const std::vector<Exact>& w, const std::vector<Exact>& u) {
  Exact s = 0;
  for (size_t k = 0; k < w.size(); ++k) {
    if (w[k] != 0 && u[k] != 0) s += w[k] * u[k];
  }
  return s;
}

Exact value_at(const LinearProblem& lp, const std::vector<int>& choice, const std::vector<Exact>& w) {
  if (!lp.problem.needs.empty()) return evaluate(at_weights(lp, w), choice).value;
  Exact v = 0;
  for (size_t i = 0; i < choice.size(); ++i) {
    if (choice[i] >= 0) v += dot(w, lp.unit[i][static_cast<size_t>(choice[i])]);
  }
  for (size_t q = 0; q < lp.problem.penalties.size(); ++q) {
    const Penalty& pen = lp.problem.penalties[q];
    if (choice[pen.a] >= 0 && choice[pen.b] >= 0) v -= dot(w, lp.penalty_unit[q]);
  }
  return v;
}

}  // namespace detail

using detail::dot;

Problem at_weights(const LinearProblem& lp, const std::vector<Exact>& w) {
  Problem p = lp.problem;
  for (size_t i = 0; i < p.items.size(); ++i) {
    for (size_t o = 0; o < p.items[i].options.size(); ++o) p.items[i].options[o].value = dot(w, lp.unit[i][o]);
  }
  for (size_t q = 0; q < p.penalties.size(); ++q) p.penalties[q].amount = dot(w, lp.penalty_unit[q]);
  for (size_t n = 0; n < p.needs.size(); ++n) p.needs[n].weight = w[lp.need_objective[n]] * lp.need_unit[n];
  return p;
}

Robustness analyse_robustness(const LinearProblem& lp, const WeightSet& set, const std::vector<int>& central,
                              const RobustOptions& options) {
  NondominatedSet nd = nondominated(lp, set, options.node_limit);
  Robustness r;
  r.status = nd.status;
  if (nd.status == AnswerStatus::kLimitReached) return r;
  r.samples = options.samples;
  r.seed = options.seed;
  r.nondominated = std::move(nd.portfolios);
  const auto& all = r.nondominated;
  const Problem& p = lp.problem;

  // Core index.
  for (size_t i = 0; i < p.items.size(); ++i) {
    if (p.items[i].options.empty()) continue;
    ForumRobustness f;
    f.item = i;
    size_t in = 0;
    for (const auto& x : all) in += x.choice[i] >= 0 ? 1 : 0;
    f.core_index = all.empty() ? Exact(0) : Exact(static_cast<long long>(in), static_cast<long long>(all.size()));
    f.label = f.core_index == 1 ? RobustnessLabel::kCore : f.core_index == 0 ? RobustnessLabel::kExterior : RobustnessLabel::kBorderline;
    r.forums.push_back(std::move(f));
  }

  detail::sample_acceptability(set, options, r);
  detail::apply_decision_rules(lp, set, central, r);
  if (options.smallest_change) {
    SearchBudget budget(options.max_steps);
    r.smallest_change = smallest_weight_change(lp, set, central, budget);
  }
  return r;
}

}  // namespace whichforum
