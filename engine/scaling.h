// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// The common denominators that turn a portfolio problem's rationals into integers, shared by the
// search, the brute force and the LP export.
#pragma once

#include "engine/solver.h"

namespace whichforum::detail {

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

/// `x` times `scale`, which must be a multiple of x's denominator: an integer.
[[nodiscard]] boost::multiprecision::cpp_int scaled(const Exact& x, const boost::multiprecision::cpp_int& scale);

}  // namespace whichforum::detail
