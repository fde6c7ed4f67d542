// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Seeded random portfolio problems for the optimiser's tests (solver_test, property_test).
#pragma once

#include "engine/solve/solver.h"

#include <cstdint>
#include <random>
#include <string>

namespace whichforum::test {

// std::uniform_int_distribution differs between standard libraries; this does not.
struct Rng {
  std::mt19937_64 gen;
  explicit Rng(uint64_t seed) : gen(seed) {}
  long long between(long long lo, long long hi) {
    return lo + static_cast<long long>(gen() % static_cast<uint64_t>(hi - lo + 1));
  }
};

// An empty problem with `resources` resources named r0, r1, ...
inline Problem with_resources(size_t resources) {
  Problem p;
  for (size_t r = 0; r < resources; ++r) p.resources.push_back("r" + std::to_string(r));
  return p;
}

inline std::string item_id(size_t i) { return "f" + std::string(i < 10 ? "0" : "") + std::to_string(i); }

// A random instance: n items with 1..L options of rising value and cost, R resources with
// budgets at 20-60% of the total cost, and now and then must, max, requires, groups, overlaps.
inline Problem random_problem(Rng& rng, bool small_integers, long long max_n = 16) {
  size_t n = static_cast<size_t>(rng.between(1, max_n));
  size_t levels = static_cast<size_t>(rng.between(1, 3));
  size_t resources = static_cast<size_t>(rng.between(1, 3));
  Problem p = with_resources(resources);
  std::vector<Exact> total(resources, Exact(0));
  for (size_t i = 0; i < n; ++i) {
    Item item;
    item.id = item_id(i);
    Exact value = 0;
    std::vector<Exact> cost(resources, Exact(0));
    size_t options = static_cast<size_t>(rng.between(1, static_cast<long long>(levels)));
    for (size_t o = 0; o < options; ++o) {
      value += small_integers ? Exact(rng.between(0, 3)) : Exact(rng.between(1, 4000), rng.between(1, 40));
      for (size_t r = 0; r < resources; ++r) {
        cost[r] += small_integers ? Exact(rng.between(0, 4)) : Exact(rng.between(1, 5000), rng.between(1, 7));
      }
      item.options.push_back({"l" + std::to_string(o), value, cost, {}});
    }
    for (size_t r = 0; r < resources; ++r) total[r] += cost[r];
    p.items.push_back(std::move(item));
  }
  for (size_t r = 0; r < resources; ++r) p.budget.push_back(total[r] * rng.between(20, 60) / 100);
  if (rng.between(0, 3) == 0) p.must.push_back(static_cast<size_t>(rng.between(0, static_cast<long long>(n) - 1)));
  if (rng.between(0, 3) == 0) p.max_items = static_cast<size_t>(rng.between(1, static_cast<long long>(n)));
  if (n >= 2 && rng.between(0, 3) == 0) {
    size_t a = static_cast<size_t>(rng.between(0, static_cast<long long>(n) - 1));
    size_t b = static_cast<size_t>(rng.between(0, static_cast<long long>(n) - 1));
    if (a != b) p.implies.emplace_back(a, b);
  }
  if (n >= 3 && rng.between(0, 3) == 0) p.at_most_one.push_back({0, 1, 2});
  if (rng.between(0, 1) == 0) {
    for (size_t i = 0; i < n; ++i) {
      for (size_t j = i + 1; j < n; ++j) {
        if (rng.between(0, 4) == 0) {
          p.penalties.push_back({i, j, small_integers ? Exact(rng.between(0, 2)) : Exact(rng.between(1, 900), rng.between(1, 9))});
        }
      }
    }
  }
  return p;
}

/// `p` with needs: 1 to 4 of them, each option serving a share of some (higher levels of an item
/// serve at least what lower ones do), and option values that may be negative (a price). With
/// `small`, shares are quarters and weights small integers, so that ties abound.
inline Problem with_needs(Problem p, Rng& rng, bool small) {
  const size_t needs = static_cast<size_t>(rng.between(1, 4));
  for (size_t k = 0; k < needs; ++k) {
    p.needs.push_back({"n" + std::to_string(k), small ? Exact(rng.between(0, 4) * 25) : Exact(rng.between(1, 9000), rng.between(1, 90))});
  }
  for (auto& item : p.items) {
    std::vector<Exact> share(needs, Exact(0));
    for (auto& o : item.options) {
      o.value = small ? Exact(rng.between(-3, 1)) : Exact(rng.between(-900, 200), rng.between(1, 30));
      o.shares.clear();
      for (size_t k = 0; k < needs; ++k) {
        if (rng.between(0, 2) == 0) continue;
        Exact more = small ? Exact(rng.between(0, 2), 4) : Exact(rng.between(0, 600), rng.between(700, 2000));
        share[k] = std::min(Exact(1), Exact(share[k] + more));
        if (share[k] > 0) o.shares.emplace_back(k, share[k]);
      }
    }
  }
  return p;
}

}  // namespace whichforum::test
