// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Depth-first branch and bound with Lagrangian bounds kept up to date incrementally: the entry
// point and the integer helpers. The class is in search_impl.h, its parts in search_prepare.cpp,
// search_start.cpp and search_branch.cpp.
#include "engine/solve/search.h"

#include "engine/solve/search_impl.h"

#include <algorithm>
#include <cstdint>

namespace whichforum::detail {

using boost::multiprecision::cpp_int;

unsigned bit_length(const cpp_int& x) {
  return x == 0 ? 0 : static_cast<unsigned>(boost::multiprecision::msb(x < 0 ? cpp_int(-x) : x)) + 1;
}

bool fits_fast(unsigned value_bits, unsigned cost_bits, size_t items) {
  // Every sum the bound forms is at most (items) x (a value) x (a weight) x 2^6, where a weight
  // is a cost or, for the tuned row, 2^32 or more: see Search::tune_multipliers().
  unsigned item_bits = bit_length(cpp_int(items + 1));
  return cost_bits <= 62 && value_bits + std::max(cost_bits, 32u) + item_bits + 8 <= 127;
}

Int128 to_int128(const cpp_int& x) {
  const cpp_int m = x < 0 ? cpp_int(-x) : x;
  const auto lo = static_cast<std::uint64_t>(m & cpp_int(~std::uint64_t(0)));
  const auto hi = static_cast<std::uint64_t>(m >> 64);
  const Int128 v = (Int128(hi) << 64) | Int128(lo);
  return x < 0 ? -v : v;
}

int compare_tail(size_t count_a, const std::vector<int>& a, size_t count_b, const std::vector<int>& b) {
  if (count_a != count_b) return count_a < count_b ? -1 : 1;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i] == b[i]) continue;
    if (a[i] < 0) return 1;
    if (b[i] < 0) return -1;
    return a[i] < b[i] ? -1 : 1;
  }
  return 0;
}

template <class Ints>
SearchResult search(const Problem& p, const IntCosts<typename Ints::Cost>& costs,
                    const IntValues<typename Ints::Value>& values, unsigned long long max_steps,
                    const SolveHint* hint) {
  return Search<Ints>(p, costs, values, max_steps, hint).run();
}

template SearchResult search<FastInts>(const Problem&, const IntCosts<std::int64_t>&, const IntValues<Int128>&,
                                       unsigned long long, const SolveHint*);
template SearchResult search<BigInts>(const Problem&, const IntCosts<cpp_int>&, const IntValues<cpp_int>&,
                                      unsigned long long, const SolveHint*);

}  // namespace whichforum::detail
