// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// The branch and bound itself: the Lagrangian bound kept up to date as items are taken or left
// out, and the depth-first search.
#include "engine/solve/search_impl.h"

#include <algorithm>

namespace whichforum::detail {

// ---- the bound ----------------------------------------------------------------------------------

// Whether free item b could still be taken next to what is taken now: one of its options fits
// the budgets left, its groups are free and the count allows one more.
template <class Ints>
bool Search<Ints>::could_take(size_t b) const {
  if (p_.max_items && count_ + 1 > *p_.max_items) return false;
  for (size_t g : group_of_[b]) {
    if (group_count_[g] > 0) return false;
  }
  for (const auto& o : opts_[b]) {
    bool fits = true;
    for (size_t r = 0; r < R_ && fits; ++r) fits = cur_cost_[r] + o.cost[r] <= c_.budget[r];
    if (fits) return true;
  }
  return false;
}

// What a free item can still add on a row, times dw: its best option's value less its
// charges (penalties of chosen items, advance charges of free pairs, less possible gains),
// less lambda times its weight; 0 when leaving it out is allowed and better.
template <class Ints>
auto Search<Ints>::h(const Row& row, size_t i) const -> V {
  if (opts_[i].empty()) return V(0);
  V x = row.best[i] - shift_[i] * row.dw;
  return must_[i] || x > 0 ? x : V(0);
}

// True when no completion of this node can beat the incumbent: some row's bound is below its
// value, or equal to it while the costs so far already lose the tie (costs only grow).
template <class Ints>
bool Search<Ints>::prune() const {
  for (const auto& row : rows_) {
    V lhs = (cur_value_ + mu_const_) * row.dw + row.dv * (row.capacity - row.used) + row.sum;
    V rhs = best_value_ * row.dw;
    if (lhs < rhs) return true;
    if (lhs == rhs && tie_lost()) return true;
  }
  return false;
}

template <class Ints>
bool Search<Ints>::tie_lost() const {
  for (size_t r = 0; r < R_; ++r) {
    if (cur_cost_[r] != best_cost_[r]) return cur_cost_[r] > best_cost_[r];
  }
  return count_ > best_count_;
}

// ---- moves --------------------------------------------------------------------------------------

template <class Ints>
void Search<Ints>::unfree(size_t i) {
  fixed_[i] = true;
  for (auto& row : rows_) row.sum -= h(row, i);
}

template <class Ints>
void Search<Ints>::refree(size_t i) {
  fixed_[i] = false;
  for (auto& row : rows_) row.sum += h(row, i);
}

template <class Ints>
void Search<Ints>::shift(size_t j, const V& by) {
  if (by == 0) return;
  for (auto& row : rows_) row.sum -= h(row, j);
  shift_[j] += by;
  for (auto& row : rows_) row.sum += h(row, j);
}

// Takes option `o` of item i; returns the value it adds. A free neighbour's charge for the
// pair becomes the penalty itself (or stays a gain), and the advance charge is released.
template <class Ints>
auto Search<Ints>::take(size_t i, size_t o) -> V {
  unfree(i);
  V lost = 0;
  for (const auto& link : nbr_[i]) {
    ++steps_;
    if (fixed_[link.j]) {
      if (choice_[link.j] >= 0) lost += link.amount;
    } else {
      shift(link.j, (link.amount > 0 ? link.amount : V(0)) - link.mu);
      mu_const_ -= link.mu;
    }
  }
  const Opt& opt = opts_[i][o];
  choice_[i] = opt.index;
  ++count_;
  for (size_t g : group_of_[i]) ++group_count_[g];
  for (size_t r = 0; r < R_; ++r) cur_cost_[r] += opt.cost[r];
  for (auto& row : rows_) row.used += row.weight[i][o];
  V added = opt.value - lost;
  cur_value_ += added;
  return added;
}

template <class Ints>
void Search<Ints>::untake(size_t i, size_t o, const V& added) {
  const Opt& opt = opts_[i][o];
  cur_value_ -= added;
  for (auto& row : rows_) row.used -= row.weight[i][o];
  for (size_t r = 0; r < R_; ++r) cur_cost_[r] -= opt.cost[r];
  for (size_t g : group_of_[i]) --group_count_[g];
  --count_;
  choice_[i] = -1;
  for (const auto& link : nbr_[i]) {
    if (fixed_[link.j]) continue;
    shift(link.j, link.mu - (link.amount > 0 ? link.amount : V(0)));
    mu_const_ += link.mu;
  }
  refree(i);
}

// Leaves item i out: its possible gains and its pairs' advance charges with free items go.
template <class Ints>
void Search<Ints>::leave(size_t i) {
  unfree(i);
  for (const auto& link : nbr_[i]) {
    if (fixed_[link.j]) continue;
    ++steps_;
    shift(link.j, (link.amount < 0 ? V(-link.amount) : V(0)) - link.mu);
    mu_const_ -= link.mu;
  }
}

template <class Ints>
void Search<Ints>::unleave(size_t i) {
  for (const auto& link : nbr_[i]) {
    if (fixed_[link.j]) continue;
    shift(link.j, link.mu - (link.amount < 0 ? V(-link.amount) : V(0)));
    mu_const_ += link.mu;
  }
  refree(i);
}

// ---- the search ---------------------------------------------------------------------------------

// A feasible portfolio: it becomes the incumbent if the tie rule prefers it.
template <class Ints>
void Search<Ints>::offer(const V& value, const std::vector<C>& cost, size_t count, const std::vector<int>& choice) {
  bool better = !found_ || value > best_value_;
  if (found_ && value == best_value_) {
    int c = 0;
    for (size_t r = 0; r < R_ && c == 0; ++r) {
      if (cost[r] != best_cost_[r]) c = cost[r] < best_cost_[r] ? -1 : 1;
    }
    if (c == 0) c = compare_tail(count, choice, best_count_, best_choice_);
    better = c < 0;
  }
  if (!better) return;
  found_ = true;
  best_value_ = value;
  best_cost_ = cost;
  best_count_ = count;
  best_choice_ = choice;
}

template <class Ints>
void Search<Ints>::dfs(size_t depth) {
  if (stop_) return;
  if (++steps_ > limit_) {
    stop_ = true;
    return;
  }
  if (found_ && prune()) return;
  if (depth == n_) {
    leaf();
    return;
  }
  const size_t i = order_[depth];
  bool can_choose = !opts_[i].empty() && (!p_.max_items || count_ < *p_.max_items);
  for (size_t g : group_of_[i]) can_choose = can_choose && group_count_[g] == 0;
  for (size_t b : requires_[i]) can_choose = can_choose && !(fixed_[b] && choice_[b] < 0);
  if (can_choose) {
    for (size_t o = 0; o < opts_[i].size() && !stop_; ++o) {
      bool fits = true;
      for (size_t r = 0; r < R_ && fits; ++r) fits = cur_cost_[r] + opts_[i][o].cost[r] <= c_.budget[r];
      if (!fits) continue;
      // A cap on changes from today's portfolio cuts a branch as soon as it is passed.
      const bool change = p_.max_changes && is_change(i, opts_[i][o].index);
      if (change && changes_ >= *p_.max_changes) continue;
      changes_ += change ? 1 : 0;
      V added = take(i, o);
      // What i requires and is still free must be takable next to it.
      bool possible = true;
      for (size_t b : requires_[i]) possible = possible && (fixed_[b] ? choice_[b] >= 0 : could_take(b));
      if (possible) dfs(depth + 1);
      untake(i, o, added);
      changes_ -= change ? 1 : 0;
    }
  }
  bool can_skip = !must_[i];
  for (size_t a : required_by_[i]) can_skip = can_skip && !(fixed_[a] && choice_[a] >= 0);
  const bool change = p_.max_changes && is_change(i, -1);
  if (change && changes_ >= *p_.max_changes) can_skip = false;
  if (can_skip && !stop_) {
    changes_ += change ? 1 : 0;
    leave(i);
    dfs(depth + 1);
    unleave(i);
    changes_ -= change ? 1 : 0;
  }
}

// Explicit instantiations: the two integer kinds search() runs on.
template bool Search<FastInts>::could_take(size_t) const;
template auto Search<FastInts>::h(const Row&, size_t) const -> V;
template bool Search<FastInts>::prune() const;
template bool Search<FastInts>::tie_lost() const;
template void Search<FastInts>::unfree(size_t);
template void Search<FastInts>::refree(size_t);
template void Search<FastInts>::shift(size_t, const V&);
template auto Search<FastInts>::take(size_t, size_t) -> V;
template void Search<FastInts>::untake(size_t, size_t, const V&);
template void Search<FastInts>::leave(size_t);
template void Search<FastInts>::unleave(size_t);
template void Search<FastInts>::offer(const V&, const std::vector<C>&, size_t, const std::vector<int>&);
template void Search<FastInts>::dfs(size_t);
template bool Search<BigInts>::could_take(size_t) const;
template auto Search<BigInts>::h(const Row&, size_t) const -> V;
template bool Search<BigInts>::prune() const;
template bool Search<BigInts>::tie_lost() const;
template void Search<BigInts>::unfree(size_t);
template void Search<BigInts>::refree(size_t);
template void Search<BigInts>::shift(size_t, const V&);
template auto Search<BigInts>::take(size_t, size_t) -> V;
template void Search<BigInts>::untake(size_t, size_t, const V&);
template void Search<BigInts>::leave(size_t);
template void Search<BigInts>::unleave(size_t);
template void Search<BigInts>::offer(const V&, const std::vector<C>&, size_t, const std::vector<int>&);
template void Search<BigInts>::dfs(size_t);

}  // namespace whichforum::detail
