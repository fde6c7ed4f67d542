// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Branch and bound over scaled integers, and the brute-force reference.
#include "engine/solver.h"

#include "engine/scaling.h"

#include <algorithm>
#include <cstdint>
#include <limits>

namespace whichforum {

using boost::multiprecision::cpp_int;

namespace {

bool constraints_hold(const Problem& p, const std::vector<int>& choice, size_t count) {
  for (size_t m : p.must) {
    if (choice[m] < 0) return false;
  }
  if (p.max_items && count > *p.max_items) return false;
  for (const auto& [a, b] : p.implies) {
    if (choice[a] >= 0 && choice[b] < 0) return false;
  }
  for (const auto& group : p.at_most_one) {
    size_t n = 0;
    for (size_t i : group) n += choice[i] >= 0 ? 1 : 0;
    if (n > 1) return false;
  }
  return true;
}

// Compares the parts of the tie rule after value and cost: count, then the choice vectors.
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


// The search on one integer type. Values and each resource are scaled by their own common
// denominator, so every comparison the tie rule makes is exact.
template <class Int>
class Search {
 public:
  Search(const Problem& p, const std::vector<std::vector<Int>>& value, const std::vector<std::vector<std::vector<Int>>>& cost,
         const std::vector<Int>& budget, const std::vector<std::vector<std::pair<size_t, Int>>>& penalties)
      : p_(p), value_(value), cost_(cost), budget_(budget), pen_(penalties) {
    size_t n = p.items.size();
    choice_.assign(n, -1);
    cur_cost_.assign(budget.size(), Int(0));
    must_.assign(n, false);
    for (size_t m : p.must) must_[m] = true;
    bound_.assign(n + 1, Int(0));
    for (size_t i = n; i-- > 0;) {
      Int best = 0;
      for (const auto& v : value_[i]) best = std::max(best, v);
      bound_[i] = bound_[i + 1] + best;
    }
    group_of_.assign(n, {});
    for (size_t g = 0; g < p.at_most_one.size(); ++g) {
      for (size_t i : p.at_most_one[g]) group_of_[i].push_back(g);
    }
    group_count_.assign(p.at_most_one.size(), 0);
    required_by_.assign(n, {});
    requires_.assign(n, {});
    for (const auto& [a, b] : p.implies) {
      required_by_[b].push_back(a);
      requires_[a].push_back(b);
    }
    order_.assign(n, {});
    for (size_t i = 0; i < n; ++i) {
      for (size_t o = 0; o < value_[i].size(); ++o) order_[i].push_back(o);
      // Trying the most valuable option first finds a good incumbent early; the answer does not
      // depend on this order, only the tie rule does.
      std::stable_sort(order_[i].begin(), order_[i].end(),
                       [&](size_t x, size_t y) { return value_[i][x] > value_[i][y]; });
    }
  }

  void run() { dfs(0); }

  bool found = false;
  std::vector<int> best_choice;
  unsigned long long nodes = 0;

 private:
  bool better_than_best(const Int& value) {
    if (!found) return true;
    if (value != best_value_) return value > best_value_;
    for (size_t r = 0; r < cur_cost_.size(); ++r) {
      if (cur_cost_[r] != best_cost_[r]) return cur_cost_[r] < best_cost_[r];
    }
    return compare_tail(count_, choice_, best_count_, best_choice) < 0;
  }

  void dfs(size_t i) {
    ++nodes;
    if (found && cur_value_ + bound_[i] < best_value_) return;
    if (i == p_.items.size()) {
      for (const auto& [a, b] : p_.implies) {
        if (choice_[a] >= 0 && choice_[b] < 0) return;
      }
      if (better_than_best(cur_value_)) {
        found = true;
        best_value_ = cur_value_;
        best_cost_ = cur_cost_;
        best_count_ = count_;
        best_choice = choice_;
      }
      return;
    }
    bool can_choose = !p_.max_items || count_ < *p_.max_items;
    for (size_t g : group_of_[i]) can_choose = can_choose && group_count_[g] == 0;
    for (size_t b : requires_[i]) can_choose = can_choose && (b > i || choice_[b] >= 0);
    if (can_choose) {
      Int lost = 0;
      for (const auto& [j, amount] : pen_[i]) {
        if (choice_[j] >= 0) lost += amount;
      }
      for (size_t o : order_[i]) {
        bool fits = true;
        for (size_t r = 0; r < budget_.size() && fits; ++r) fits = cur_cost_[r] + cost_[i][o][r] <= budget_[r];
        if (!fits) continue;
        for (size_t r = 0; r < budget_.size(); ++r) cur_cost_[r] += cost_[i][o][r];
        for (size_t g : group_of_[i]) ++group_count_[g];
        choice_[i] = static_cast<int>(o);
        ++count_;
        cur_value_ += value_[i][o] - lost;
        dfs(i + 1);
        cur_value_ -= value_[i][o] - lost;
        --count_;
        choice_[i] = -1;
        for (size_t g : group_of_[i]) --group_count_[g];
        for (size_t r = 0; r < budget_.size(); ++r) cur_cost_[r] -= cost_[i][o][r];
      }
    }
    if (must_[i]) return;
    for (size_t a : required_by_[i]) {
      if (a < i && choice_[a] >= 0) return;
    }
    dfs(i + 1);
  }

  const Problem& p_;
  const std::vector<std::vector<Int>>& value_;
  const std::vector<std::vector<std::vector<Int>>>& cost_;
  const std::vector<Int>& budget_;
  const std::vector<std::vector<std::pair<size_t, Int>>>& pen_;
  std::vector<int> choice_;
  std::vector<Int> cur_cost_;
  Int cur_value_ = 0;
  size_t count_ = 0;
  std::vector<bool> must_;
  std::vector<Int> bound_;
  std::vector<std::vector<size_t>> group_of_;
  std::vector<size_t> group_count_;
  std::vector<std::vector<size_t>> required_by_;
  std::vector<std::vector<size_t>> requires_;
  std::vector<std::vector<size_t>> order_;
  Int best_value_ = 0;
  std::vector<Int> best_cost_;
  size_t best_count_ = 0;
};

using detail::Scales;
using detail::scaled;
using detail::scales_of;

template <class Int>
Solution run_search(const Problem& p, const Scales& scales) {
  const cpp_int& value_scale = scales.value;
  const std::vector<cpp_int>& cost_scale = scales.cost;
  auto to_int = [](const Exact& x, const cpp_int& scale) { return static_cast<Int>(scaled(x, scale)); };
  size_t n = p.items.size(), R = p.resources.size();
  std::vector<std::vector<Int>> value(n);
  std::vector<std::vector<std::vector<Int>>> cost(n);
  for (size_t i = 0; i < n; ++i) {
    for (const auto& o : p.items[i].options) {
      value[i].push_back(to_int(o.value, value_scale));
      std::vector<Int> c;
      for (size_t r = 0; r < R; ++r) c.push_back(to_int(o.cost[r], cost_scale[r]));
      cost[i].push_back(std::move(c));
    }
  }
  std::vector<Int> budget;
  for (size_t r = 0; r < R; ++r) budget.push_back(to_int(p.budget[r], cost_scale[r]));
  std::vector<std::vector<std::pair<size_t, Int>>> pen(n);
  for (const auto& q : p.penalties) {
    size_t hi = std::max(q.a, q.b), lo = std::min(q.a, q.b);
    pen[hi].emplace_back(lo, to_int(q.amount, value_scale));
  }
  Search<Int> s(p, value, cost, budget, pen);
  s.run();
  Solution sol;
  if (s.found) sol = evaluate(p, s.best_choice);
  sol.nodes = s.nodes;
  return sol;
}

}  // namespace

Solution evaluate(const Problem& p, const std::vector<int>& choice) {
  Solution s;
  s.choice = choice;
  s.cost.assign(p.resources.size(), Exact(0));
  for (size_t i = 0; i < choice.size(); ++i) {
    if (choice[i] < 0) continue;
    const Option& o = p.items[i].options[static_cast<size_t>(choice[i])];
    s.value += o.value;
    for (size_t r = 0; r < s.cost.size(); ++r) s.cost[r] += o.cost[r];
    ++s.count;
  }
  for (const auto& q : p.penalties) {
    if (choice[q.a] >= 0 && choice[q.b] >= 0) s.value -= q.amount;
  }
  bool within = true;
  for (size_t r = 0; r < s.cost.size(); ++r) within = within && s.cost[r] <= p.budget[r];
  s.feasible = within && constraints_hold(p, choice, s.count);
  return s;
}

bool preferred(const Solution& a, const Solution& b) {
  if (a.value != b.value) return a.value > b.value;
  for (size_t r = 0; r < a.cost.size(); ++r) {
    if (a.cost[r] != b.cost[r]) return a.cost[r] < b.cost[r];
  }
  return compare_tail(a.count, a.choice, b.count, b.choice) < 0;
}

Solution solve(const Problem& p) {
  Scales scales = scales_of(p);
  return scales.fits_int64 ? run_search<std::int64_t>(p, scales) : run_search<cpp_int>(p, scales);
}

namespace {

template <class Int>
Solution brute_force(const Problem& p, const Scales& scales) {
  // Enumerates every choice on integers (fast enough for 16 items); every leaf is compared with
  // the tie rule, and the winner is re-evaluated in exact rationals.
  const cpp_int& vscale = scales.value;
  const std::vector<cpp_int>& cscale = scales.cost;
  auto scaled_int = [](const Exact& x, const cpp_int& scale) { return static_cast<Int>(scaled(x, scale)); };
  const size_t n = p.items.size(), R = p.resources.size();
  std::vector<std::vector<Int>> val(n);
  std::vector<std::vector<std::vector<Int>>> cst(n);
  for (size_t i = 0; i < n; ++i) {
    for (const auto& o : p.items[i].options) {
      val[i].push_back(scaled_int(o.value, vscale));
      std::vector<Int> c;
      for (size_t r = 0; r < R; ++r) c.push_back(scaled_int(o.cost[r], cscale[r]));
      cst[i].push_back(c);
    }
  }
  std::vector<Int> budget;
  for (size_t r = 0; r < R; ++r) budget.push_back(scaled_int(p.budget[r], cscale[r]));
  std::vector<std::vector<Int>> pen(n, std::vector<Int>(n, 0));
  for (const auto& q : p.penalties) {
    pen[q.a][q.b] += scaled_int(q.amount, vscale);
    pen[q.b][q.a] += scaled_int(q.amount, vscale);
  }
  std::vector<int> choice(n, -1), best_choice;
  std::vector<Int> cost(R, 0), best_cost;
  Int value = 0, best_value = 0;
  size_t count = 0, best_count = 0;
  bool found = false;
  unsigned long long nodes = 0;
  // Costs are never negative, so a partial choice over a budget cannot become feasible: cutting
  // it there is still an exhaustive search of the feasible set.
  auto rec = [&](auto&& self, size_t i) -> void {
    ++nodes;
    if (i == n) {
      if (!constraints_hold(p, choice, count)) return;
      bool better = !found || value > best_value;
      if (found && value == best_value) {
        int c = 0;
        for (size_t r = 0; r < R && c == 0; ++r) {
          if (cost[r] != best_cost[r]) c = cost[r] < best_cost[r] ? -1 : 1;
        }
        if (c == 0) c = compare_tail(count, choice, best_count, best_choice);
        better = c < 0;
      }
      if (better) {
        found = true;
        best_value = value;
        best_cost = cost;
        best_count = count;
        best_choice = choice;
      }
      return;
    }
    self(self, i + 1);
    Int lost = 0;
    for (size_t j = 0; j < i; ++j) {
      if (choice[j] >= 0) lost += pen[i][j];
    }
    for (size_t o = 0; o < val[i].size(); ++o) {
      bool fits = true;
      for (size_t r = 0; r < R && fits; ++r) fits = cost[r] + cst[i][o][r] <= budget[r];
      if (!fits) continue;
      for (size_t r = 0; r < R; ++r) cost[r] += cst[i][o][r];
      choice[i] = static_cast<int>(o);
      value += val[i][o] - lost;
      ++count;
      self(self, i + 1);
      --count;
      value -= val[i][o] - lost;
      choice[i] = -1;
      for (size_t r = 0; r < R; ++r) cost[r] -= cst[i][o][r];
    }
  };
  rec(rec, 0);
  Solution best;
  if (found) best = evaluate(p, best_choice);
  best.nodes = nodes;
  return best;
}

}  // namespace

Solution solve_brute_force(const Problem& p) {
  Scales scales = scales_of(p);
  return scales.fits_int64 ? brute_force<std::int64_t>(p, scales) : brute_force<cpp_int>(p, scales);
}

}  // namespace whichforum
