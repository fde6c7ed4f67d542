// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Common denominators of a portfolio problem.
#include "engine/solve/scaling.h"

#include <algorithm>

namespace whichforum {

boost::multiprecision::cpp_int scaled(const Exact& x, const boost::multiprecision::cpp_int& scale) {
  return boost::multiprecision::numerator(x) * (scale / boost::multiprecision::denominator(x));
}

}  // namespace whichforum

namespace whichforum::detail {

using boost::multiprecision::cpp_int;

Scales scales_of(const Problem& p) {
  Scales s;
  // Values and penalties on one scale; each resource's costs and budget on their own.
  std::vector<Exact> values;
  std::vector<std::vector<Exact>> costs(p.resources.size());
  for (const auto& item : p.items) {
    for (const auto& o : item.options) {
      values.push_back(o.value);
      for (size_t r = 0; r < o.cost.size(); ++r) costs[r].push_back(o.cost[r]);
    }
  }
  for (const auto& q : p.penalties) values.push_back(q.amount);
  s.value = common_denominator(values);
  for (size_t r = 0; r < p.resources.size(); ++r) {
    if (r < p.budget.size()) costs[r].push_back(p.budget[r]);
    s.cost.push_back(common_denominator(costs[r]));
  }
  auto mag = [](const Exact& x, const cpp_int& scale) {
    cpp_int v = scaled(x, scale);
    return v < 0 ? cpp_int(-v) : v;
  };
  cpp_int value_total = 0;
  std::vector<cpp_int> cost_total(p.resources.size(), cpp_int(0));
  for (const auto& item : p.items) {
    for (const auto& o : item.options) {
      value_total += mag(o.value, s.value);
      for (size_t r = 0; r < o.cost.size(); ++r) cost_total[r] += mag(o.cost[r], s.cost[r]);
    }
  }
  for (const auto& q : p.penalties) value_total += mag(q.amount, s.value);
  auto bits = [](const cpp_int& x) { return x == 0 ? 0u : static_cast<unsigned>(boost::multiprecision::msb(x)) + 1; };
  s.value_bits = bits(value_total);
  for (size_t r = 0; r < cost_total.size(); ++r) {
    s.cost_bits = std::max(s.cost_bits, bits(cost_total[r] + mag(p.budget[r], s.cost[r])));
  }
  s.fits_int64 = s.value_bits <= 62 && s.cost_bits <= 62;
  return s;
}

}  // namespace whichforum::detail

namespace whichforum {

Exact resource_unit(const Problem& p, size_t r) {
  boost::multiprecision::cpp_int scale = 1;
  for (const auto& item : p.items) {
    scale = boost::multiprecision::lcm(scale, common_denominator(item.options, [r](const Option& o) -> const Exact& {
                                         return o.cost[r];
                                       }));
  }
  return Exact(1) / Exact(scale);
}

}  // namespace whichforum
