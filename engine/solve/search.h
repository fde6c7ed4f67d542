// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// The branch and bound on integers behind solve() (internal).
#pragma once

#include "engine/solve/solver.h"

#include <cstdint>
#include <vector>

namespace whichforum::detail {

/// A 128-bit integer (GCC and Clang): products of a value and a cost fit it where a search
/// checked that they do. `__extension__` keeps -Wpedantic quiet about the type's name only.
__extension__ using Int128 = __int128;

/// A problem's costs on integer scales, each resource on its own. The structure (items, must,
/// max, implies, groups) comes from the Problem beside it.
template <class Cost>
struct IntCosts {
  std::vector<std::vector<std::vector<Cost>>> cost;  ///< item -> option -> resource, each >= 0
  std::vector<Cost> budget;                          ///< per resource
};

/// A problem's values and penalties on one integer scale.
template <class Value>
struct IntValues {
  std::vector<std::vector<Value>> value;                               ///< item -> option
  std::vector<std::pair<std::pair<size_t, size_t>, Value>> penalties;  ///< (a, b) -> amount
};

/// What a search found: the best choice under the tie rule (option indices of the Problem, -1
/// for none), or none when infeasible or stopped at the step limit.
struct SearchResult {
  bool found = false;
  bool limit_reached = false;
  std::vector<int> choice;
  unsigned long long steps = 0;
};

/// The fast integer types: values in 128 bits, costs in 64. `fits` says whether a problem's
/// totals let every sum and every value-by-cost product of the bound fit them.
struct FastInts {
  using Value = Int128;
  using Cost = std::int64_t;
};
struct BigInts {
  using Value = boost::multiprecision::cpp_int;
  using Cost = boost::multiprecision::cpp_int;
};

/// Whether a problem whose values and penalties add up (in magnitude) to less than 2^value_bits
/// and whose costs and budgets add up to less than 2^cost_bits per resource can run on FastInts.
[[nodiscard]] bool fits_fast(unsigned value_bits, unsigned cost_bits, size_t items);

/// The number of bits of |x|: 0 for 0.
[[nodiscard]] unsigned bit_length(const boost::multiprecision::cpp_int& x);

/// `x` as a 128-bit integer; it must fit.
[[nodiscard]] Int128 to_int128(const boost::multiprecision::cpp_int& x);

/// Compares the parts of the tie rule after value and cost: the count, then the choice vectors
/// (at the first item where they differ, taking it beats not, a lower option beats a higher).
/// Negative when (count_a, a) is preferred.
[[nodiscard]] int compare_tail(size_t count_a, const std::vector<int>& a, size_t count_b, const std::vector<int>& b);

/// Runs the branch and bound on `costs` and `values` with the structure of `p` (its values and
/// costs are not read), stopping after `max_steps` steps (see kMaxSearchSteps), helped by `hint`
/// when given (see SolveHint).
template <class Ints>
[[nodiscard]] SearchResult search(const Problem& p, const IntCosts<typename Ints::Cost>& costs,
                                  const IntValues<typename Ints::Value>& values, unsigned long long max_steps,
                                  const SolveHint* hint = nullptr);

/// One step of a knapsack's LP relaxation: what it costs of the budget and what it gains (> 0).
struct KnapsackStep {
  double cost = 0;
  double gain = 0;
};

/// The LP relaxation's value over `steps` within `cap`: steps taken by gain per cost (those of no
/// cost first), the last that does not fit in part. Reorders `steps`. A bound in doubles: the
/// coverage searches' margin covers its rounding.
[[nodiscard]] double fractional_fill(std::vector<KnapsackStep>& steps, double cap);

/// The branch and bound for a problem with needs (search_coverage.cpp): bounds in doubles with a
/// safety margin far above their rounding, every decision between close values made exactly.
[[nodiscard]] SearchResult search_coverage(const Problem& p, unsigned long long max_steps, const SolveHint* hint);

}  // namespace whichforum::detail
