// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// What the files of the robustness analysis share (internal): robust.cpp (the analysis, core
// indices, values at weights), robust_nondominated.cpp (the non-dominated search),
// robust_sampling.cpp (acceptability), robust_rules.cpp (decision rules) and
// robust_weight_change.cpp (the smallest weight change).
#pragma once

#include "engine/robust.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace whichforum::detail {

/// sum_k w_k u_k, skipping zeros.
[[nodiscard]] Exact dot(const std::vector<Exact>& w, const std::vector<Exact>& u);

/// A portfolio's value at weights `w`.
[[nodiscard]] Exact value_at(const LinearProblem& lp, const std::vector<int>& choice, const std::vector<Exact>& w);

/// Every choice that meets the problem's budgets and constraints, by enumeration (small
/// problems; the brute-force checks).
[[nodiscard]] std::vector<std::vector<int>> feasible_choices(const Problem& p);

/// Fills r.portfolios and the acceptability of r.forums by sampling (see analyse_robustness).
/// The non-dominated choices of a problem with needs (robust_coverage.cpp); nullopt past the
/// node limit.
[[nodiscard]] std::optional<std::vector<std::vector<int>>> nondominated_coverage(const LinearProblem& lp,
                                                                                 const WeightSet& set,
                                                                                 unsigned long long node_limit);

/// The 95% Monte Carlo half-width of `wins` in `samples`, 1.96 sqrt(p (1 - p) / n), rounded to
/// 1e-6 as an exact number (robust_sampling.cpp; estimates.cpp's joint draws use it too).
[[nodiscard]] Exact half_width(std::uint64_t wins, std::uint64_t samples);

void sample_acceptability(const WeightSet& set, const RobustOptions& options, Robustness& r);

/// Fills r.central, r.maximin and r.minimax_regret over r.nondominated.
void apply_decision_rules(const LinearProblem& lp, const WeightSet& set, const std::vector<int>& central,
                          Robustness& r);

}  // namespace whichforum::detail
