// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// The common denominators that turn a portfolio problem's rationals into integers, shared by the
// search, the brute force and the LP export.
#pragma once

#include "engine/solve/solver.h"

#include <functional>

namespace whichforum {

/// The common denominator of `xs`: the least common multiple of their denominators (1 for
/// none), each x taken as proj(x), so that one helper serves a list of numbers, a list of
/// options' values or of simplices' volumes. The one copy in the project: every integer scaling
/// (the search, the LP export, the robustness vectors, the sampler) uses it.
template <class Range, class Proj = std::identity>
[[nodiscard]] boost::multiprecision::cpp_int common_denominator(const Range& xs, Proj proj = {}) {
  boost::multiprecision::cpp_int d = 1;
  for (const auto& x : xs) {
    const Exact& e = std::invoke(proj, x);
    d = boost::multiprecision::lcm(d, boost::multiprecision::cpp_int(boost::multiprecision::denominator(e)));
  }
  return d;
}

/// The unit below which two budgets of resource `r` choose alike: 1 over the common denominator
/// of every option's cost of `r` (a budget walk steps by it).
[[nodiscard]] Exact resource_unit(const Problem& p, size_t r);

/// `x` times `scale`, which must be a multiple of x's denominator (e.g. a common_denominator
/// over x and others): an integer.
[[nodiscard]] boost::multiprecision::cpp_int scaled(const Exact& x, const boost::multiprecision::cpp_int& scale);

}  // namespace whichforum

namespace whichforum::detail {

using whichforum::scaled;

/// One denominator for values and penalties, one per resource (its options' costs and its
/// budget), each the least common multiple of what it covers; the bits of the largest totals on
/// those scales (every |value| and |penalty| added up; every cost of a resource and its budget
/// added up), which bound every partial sum a search forms; and whether both fit 62 bits, so
/// that no such sum can overflow int64.
struct Scales {
  boost::multiprecision::cpp_int value = 1;
  std::vector<boost::multiprecision::cpp_int> cost;
  unsigned value_bits = 0;
  unsigned cost_bits = 0;
  bool fits_int64 = false;
};

/// The scales of `p`.
[[nodiscard]] Scales scales_of(const Problem& p);

}  // namespace whichforum::detail
