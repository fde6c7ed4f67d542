// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Acceptability: how often each non-dominated portfolio, and each forum, is in the best
// portfolio over weight vectors drawn uniformly from the set (seeded), with 95% half-widths.
#include "engine/robust_parts.h"
#include "engine/solve/scaling.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace whichforum::detail {

using boost::multiprecision::cpp_int;

Exact half_width(std::uint64_t wins, std::uint64_t samples) {
  // 1.96 sqrt(p (1 - p) / n) in IEEE double (sqrt is correctly rounded, so every machine gets
  // the same bits), then rounded to 1e-6 as an exact number.
  if (samples == 0) return 0;
  double p = static_cast<double>(wins) / static_cast<double>(samples);
  double hw = 1.96 * std::sqrt(p * (1 - p) / static_cast<double>(samples));
  return Exact(static_cast<long long>(std::llround(hw * 1e6)), 1000000);
}

void sample_acceptability(const WeightSet& set, const RobustOptions& options, Robustness& r) {
  const auto& all = r.nondominated;
  // Acceptability: each sample's best non-dominated portfolio (they are in the tie rule's order,
  // so the first of equal values wins), on integers over one common denominator.
  std::vector<Simplex> simplices = triangulate(set);
  std::vector<Exact> flat;
  for (const auto& x : all) flat.insert(flat.end(), x.values.begin(), x.values.end());
  const cpp_int scale = common_denominator(flat);
  std::vector<std::vector<cpp_int>> v(all.size());
  for (size_t a = 0; a < all.size(); ++a) {
    for (const auto& x : all[a].values) v[a].push_back(scaled(x, scale));
  }
  std::vector<std::uint64_t> wins(all.size(), 0);
  std::vector<std::vector<cpp_int>> mass(all.size(), std::vector<cpp_int>(set.vertices.size(), cpp_int(0)));
  WeightSampler sampler(simplices, options.seed);
  for (std::uint64_t k = 0; k < options.samples && !all.empty(); ++k) {
    WeightSample s = sampler.draw();
    const auto& vs = simplices[s.simplex].vertices;
    size_t best = 0;
    cpp_int best_value;
    for (size_t a = 0; a < all.size(); ++a) {
      cpp_int value = 0;
      for (size_t j = 0; j < vs.size(); ++j) value += v[a][vs[j]] * s.lambda[j];
      if (a == 0 || value > best_value) {
        best = a;
        best_value = value;
      }
    }
    ++wins[best];
    for (size_t j = 0; j < vs.size(); ++j) mass[best][vs[j]] += s.lambda[j];
  }
  const Exact two32 = Exact(cpp_int(1) << 32);
  for (size_t a = 0; a < all.size(); ++a) {
    PortfolioRobustness pr;
    pr.index = a;
    pr.wins = wins[a];
    pr.acceptability = Exact(static_cast<unsigned long long>(wins[a])) / static_cast<unsigned long long>(std::max<std::uint64_t>(options.samples, 1));
    pr.half_width = half_width(wins[a], options.samples);
    if (wins[a] > 0) {
      pr.central_weights.assign(set.objectives.size(), Exact(0));
      for (size_t j = 0; j < set.vertices.size(); ++j) {
        if (mass[a][j] == 0) continue;
        Exact f = Exact(mass[a][j]) / two32 / static_cast<unsigned long long>(wins[a]);
        for (size_t k = 0; k < set.objectives.size(); ++k) pr.central_weights[k] += f * set.vertices[j][k];
      }
    }
    r.portfolios.push_back(std::move(pr));
  }
  std::stable_sort(r.portfolios.begin(), r.portfolios.end(),
                   [](const auto& x, const auto& y) { return x.wins > y.wins; });
  for (auto& f : r.forums) {
    for (size_t a = 0; a < all.size(); ++a) {
      if (all[a].choice[f.item] >= 0) f.wins += wins[a];
    }
    f.acceptability = Exact(static_cast<unsigned long long>(f.wins)) / static_cast<unsigned long long>(std::max<std::uint64_t>(options.samples, 1));
    f.half_width = half_width(f.wins, options.samples);
  }

}

}  // namespace whichforum::detail
