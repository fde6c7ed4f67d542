// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Projected subgradient descent on the Lagrangian dual of a portfolio problem.
#include "engine/solve/lagrangian.h"

#include <algorithm>
#include <cmath>

namespace whichforum::detail {

namespace {

// The dual function at `m` and, per item, the option it takes (-1 for none).
double evaluate(const DualProblem& d, const DualMultipliers& m, std::vector<int>* pick) {
  const size_t n = d.value.size();
  std::vector<double> charge(d.shift);
  double bound = 0;
  for (double l : m.lambda) bound += l;
  for (size_t e = 0; e < d.pair.size(); ++e) {
    bound += m.mu[e];
    charge[d.pair[e][0]] += m.mu[e];
    charge[d.pair[e][1]] += m.mu[e];
  }
  pick->assign(n, -1);
  for (size_t i = 0; i < n; ++i) {
    double best = 0;
    bool any = false;
    for (size_t o = 0; o < d.value[i].size(); ++o) {
      double r = d.value[i][o] - charge[i];
      for (size_t k = 0; k < d.weight.size(); ++k) r -= m.lambda[k] * d.weight[k][i][o];
      if ((d.must[i] && !any) || r > best) {
        best = r;
        (*pick)[i] = static_cast<int>(o);
        any = true;
      }
    }
    bound += best;
  }
  return bound;
}

// The best lambda of row k, the other multipliers fixed: the dual is then a convex
// piecewise-linear function of it whose least point is the critical ratio of that row's LP
// relaxation (items' options on the upper convex hull, filled greedily by ratio).
double line_search(const DualProblem& d, const DualMultipliers& m, size_t k) {
  const size_t n = d.value.size();
  std::vector<double> charge(d.shift);
  for (size_t e = 0; e < d.pair.size(); ++e) {
    charge[d.pair[e][0]] += m.mu[e];
    charge[d.pair[e][1]] += m.mu[e];
  }
  struct Step {
    double dv, dw;
  };
  std::vector<Step> steps;
  for (size_t i = 0; i < n; ++i) {
    std::vector<std::pair<double, double>> pts;  // (weight, value) with the other rows priced
    for (size_t o = 0; o < d.value[i].size(); ++o) {
      double v = d.value[i][o] - charge[i];
      for (size_t q = 0; q < d.weight.size(); ++q) {
        if (q != k) v -= m.lambda[q] * d.weight[q][i][o];
      }
      pts.push_back({d.weight[k][i][o], v});
    }
    double w0 = 0, v0 = 0;
    if (d.must[i] && !pts.empty()) {
      // A must-include item starts at its lightest option (the best of the lightest).
      auto lightest = *std::min_element(pts.begin(), pts.end(), [](const auto& a, const auto& b) {
        return a.first < b.first || (a.first == b.first && a.second > b.second);
      });
      w0 = lightest.first;
      v0 = lightest.second;
    }
    for (;;) {
      double best_slope = -1, bw = 0, bv = 0;
      bool any = false;
      for (const auto& [w, v] : pts) {
        if (v <= v0 || w < w0) continue;
        double slope = w == w0 ? HUGE_VAL : (v - v0) / (w - w0);
        if (!any || slope > best_slope || (slope == best_slope && w > bw)) {
          best_slope = slope;
          bw = w;
          bv = v;
          any = true;
        }
      }
      if (!any) break;
      steps.push_back({bv - v0, bw - w0});
      w0 = bw;
      v0 = bv;
    }
  }
  std::sort(steps.begin(), steps.end(), [](const Step& a, const Step& b) { return a.dv * b.dw > b.dv * a.dw; });
  double room = 1;
  for (const auto& s : steps) {
    if (s.dw <= room) {
      room -= s.dw;
      continue;
    }
    return s.dv / s.dw;
  }
  return 0;
}

}  // namespace

std::vector<int> dual_pick(const DualProblem& d, const DualMultipliers& m) {
  std::vector<int> pick;
  evaluate(d, m, &pick);
  return pick;
}

DualMultipliers dual_bound(const DualProblem& d, DualMultipliers m) {
  std::vector<int> pick;
  m.bound = evaluate(d, m, &pick);
  return m;
}

DualMultipliers optimise_dual(const DualProblem& d, const DualMultipliers& start, std::optional<double> target,
                              int iterations) {
  DualMultipliers m = start, best = start;
  std::vector<int> pick;
  best.bound = evaluate(d, best, &pick);
  // First each row's multiplier in turn at its best, the others fixed; then subgradient steps
  // on every multiplier, pairs' included, from there.
  for (int round = 0; round < 4; ++round) {
    for (size_t k = 0; k < d.weight.size(); ++k) m.lambda[k] = line_search(d, m, k);
    double bound = evaluate(d, m, &pick);
    if (bound < best.bound) {
      best = m;
      best.bound = bound;
    }
  }
  m = best;
  double step = 0.5;
  int since_better = 0;
  std::vector<double> g_lambda(d.weight.size()), g_mu(d.pair.size());
  for (int t = 0; t < iterations; ++t) {
    double bound = evaluate(d, m, &pick);
    if (bound < best.bound) {
      best = m;
      best.bound = bound;
      since_better = 0;
    } else if (++since_better >= 8) {
      step /= 2;
      since_better = 0;
      if (step < 1e-3) break;
    }
    // The subgradient: each row's unused share; each pair's 1 - x_a - x_b. Components that
    // would push a multiplier out of its range count as 0.
    double norm2 = 0;
    for (size_t k = 0; k < d.weight.size(); ++k) {
      double used = 0;
      for (size_t i = 0; i < pick.size(); ++i) {
        if (pick[i] >= 0) used += d.weight[k][i][static_cast<size_t>(pick[i])];
      }
      g_lambda[k] = 1 - used;
      if (m.lambda[k] <= 0 && g_lambda[k] > 0) g_lambda[k] = 0;
      norm2 += g_lambda[k] * g_lambda[k];
    }
    for (size_t e = 0; e < d.pair.size(); ++e) {
      double x = (pick[d.pair[e][0]] >= 0 ? 1 : 0) + (pick[d.pair[e][1]] >= 0 ? 1 : 0);
      g_mu[e] = 1 - x;
      if ((m.mu[e] <= 0 && g_mu[e] > 0) || (m.mu[e] >= d.penalty[e] && g_mu[e] < 0)) g_mu[e] = 0;
      norm2 += g_mu[e] * g_mu[e];
    }
    if (norm2 == 0) break;  // a fixed point: these multipliers are optimal
    double aim = target ? *target : best.bound - 0.05 * std::abs(best.bound) - 1e-9;
    double gap = bound - aim;
    if (gap <= 0) break;  // the bound already proves the incumbent optimal
    double theta = step * gap / norm2;
    for (size_t k = 0; k < d.weight.size(); ++k) m.lambda[k] = std::max(0.0, m.lambda[k] - theta * g_lambda[k]);
    for (size_t e = 0; e < d.pair.size(); ++e) m.mu[e] = std::clamp(m.mu[e] - theta * g_mu[e], 0.0, d.penalty[e]);
  }
  return best;
}

}  // namespace whichforum::detail
