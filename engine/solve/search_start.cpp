// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// The branch and bound's start: a caller's portfolio (SolveHint) repaired, filled and
// improved into a first incumbent.
#include "engine/solve/search_impl.h"

#include <algorithm>
#include <cmath>

namespace whichforum::detail {

namespace {

// The most steps a hint's repair and improvement may take (a few milliseconds), and at most an
// eighth of the solve's limit: they replace the short first search, but a start far off at
// 20,000 items could otherwise take longer than the search itself.
constexpr unsigned long long kHintSteps = 1'000'000;

}  // namespace

// ---- a caller's starting portfolio --------------------------------------------------------------

// A portfolio near this problem's optimum (one of a nearby problem's, as SolveHint says) made
// feasible here and offered as the first incumbent: every must-include item it lacks is added
// at each of its options in turn, each try repaired on its own. An incumbent only prunes what
// cannot beat it under the tie rule, so however poor (or if no repair works) the answer is the
// same; a good one prunes from the first node and gives the multipliers a close target.
template <class Ints>
void Search<Ints>::offer_start(const std::vector<int>& start) {
  hint_left_ = std::min(max_steps_ / 8, kHintSteps);
  std::vector<int> taken(n_, -1);
  for (size_t i = 0; i < n_; ++i) {
    for (size_t o = 0; o < opts_[i].size() && start[i] >= 0; ++o) {
      if (opts_[i][o].index == start[i]) taken[i] = static_cast<int>(o);
    }
  }
  std::vector<size_t> lacking;
  for (size_t i = 0; i < n_; ++i) {
    if (must_[i] && taken[i] < 0) lacking.push_back(i);
  }
  if (lacking.empty()) {
    offer_repaired(taken, false);
    return;
  }
  // One lacking item is the usual case (a forum forced in); others take their first option.
  for (size_t o = 0; o < opts_[lacking[0]].size(); ++o) {
    std::vector<int> t = taken;
    for (size_t i : lacking) t[i] = 0;
    t[lacking[0]] = static_cast<int>(o);
    offer_repaired(t, true);
  }
}

// `improve`: a forum forced in displaces several others and the greedy repair leaves about
// 0.5% of value on the table (N = 50), which one pass of improve() mostly recovers: 30% fewer
// steps for recommend's reasons. A start that is only over a budget by a little (the frontier)
// repairs to within a few items of its optimum; there the pass cost more steps than it saved.
template <class Ints>
void Search<Ints>::offer_repaired(const std::vector<int>& taken, bool improve) {
  Start s;
  s.taken.assign(n_, -1);
  s.cost.assign(R_, C(0));
  s.groups.assign(p_.at_most_one.size(), 0);
  for (size_t i = 0; i < n_; ++i) {
    if (taken[i] >= 0) move_to(s, i, taken[i]);
  }
  if (!make_fit(s)) return;
  fill(s);
  if (improve) improve_once(s);
  offer_if_feasible(s);
}

template <class Ints>
void Search<Ints>::move_to(Start& s, size_t i, int o) const {
  const int old = s.taken[i];
  for (size_t r = 0; r < R_; ++r) {
    if (old >= 0) s.cost[r] -= opts_[i][static_cast<size_t>(old)].cost[r];
    if (o >= 0) s.cost[r] += opts_[i][static_cast<size_t>(o)].cost[r];
  }
  const long in = (o >= 0 ? 1 : 0) - (old >= 0 ? 1 : 0);
  s.count = static_cast<size_t>(static_cast<long>(s.count) + in);
  for (size_t g : group_of_[i]) s.groups[g] = static_cast<size_t>(static_cast<long>(s.groups[g]) + in);
  s.taken[i] = o;
}

// What option o of item i (-1: none) adds next to the other items of s.
template <class Ints>
auto Search<Ints>::start_gain(const Start& s, size_t i, int o) const -> V {
  if (o < 0) return V(0);
  V g = opts_[i][static_cast<size_t>(o)].value;
  for (const auto& link : nbr_[i]) {
    if (s.taken[link.j] >= 0) g -= link.amount;
  }
  return g;
}

// Whether a taken item may be left out: not a must-include one, nor one a taken item requires.
template <class Ints>
bool Search<Ints>::droppable(const Start& s, size_t i) const {
  if (must_[i]) return false;
  for (size_t a : required_by_[i]) {
    if (a != i && s.taken[a] >= 0) return false;
  }
  return true;
}

// Charges `k` steps of work on the hint (about one per item scanned) to the search; false once
// the hint's share (kHintSteps) is spent, so that no start, however far off, runs unbounded.
template <class Ints>
bool Search<Ints>::charge(unsigned long long k) {
  steps_ += k;
  if (k > hint_left_) {
    hint_left_ = 0;
    return false;
  }
  hint_left_ -= k;
  return true;
}

// Drops or downgrades items until every budget, max_items and group holds, each time by the
// move that loses the least value per share of the excess it removes. A downgrade costs no
// more on any resource, so every move lowers the costs or the count and the loop ends. False
// if no move is left or the hint's steps are spent.
template <class Ints>
bool Search<Ints>::make_fit(Start& s) {
  for (;;) {
    std::vector<double> excess(R_, 0.0);
    const bool too_many = p_.max_items && s.count > *p_.max_items;
    bool over = too_many;
    for (size_t g : s.groups) over = over || g > 1;
    for (size_t r = 0; r < R_; ++r) {
      if (s.cost[r] > c_.budget[r]) excess[r] = to_double(s.cost[r] - c_.budget[r]);
      over = over || s.cost[r] > c_.budget[r];
    }
    if (!over) return true;
    if (!charge(n_ + 1)) return false;
    double best_rate = HUGE_VAL;
    size_t best_i = n_;
    int best_o = -1;
    for (size_t i = 0; i < n_; ++i) {
      if (s.taken[i] < 0) continue;
      const Opt& cur = opts_[i][static_cast<size_t>(s.taken[i])];
      bool crowded = false;
      for (size_t g : group_of_[i]) crowded = crowded || s.groups[g] > 1;
      const double keep = to_double(start_gain(s, i, s.taken[i]));
      for (int o = -1; o < static_cast<int>(opts_[i].size()); ++o) {
        if (o == s.taken[i] || (o < 0 && !droppable(s, i))) continue;
        double relief = o < 0 ? (too_many ? 1.0 : 0.0) + (crowded ? 1.0 : 0.0) : 0.0;
        bool dearer = false;
        for (size_t r = 0; r < R_; ++r) {
          const C now = o < 0 ? C(0) : opts_[i][static_cast<size_t>(o)].cost[r];
          dearer = dearer || now > cur.cost[r];
          if (excess[r] > 0 && now < cur.cost[r]) {
            relief += std::min(to_double(cur.cost[r] - now), excess[r]) / excess[r];
          }
        }
        if (dearer || relief <= 0) continue;
        const double rate = (keep - to_double(start_gain(s, i, o))) / relief;
        if (rate < best_rate) {
          best_rate = rate;
          best_i = i;
          best_o = o;
        }
      }
    }
    if (best_i == n_) return false;
    move_to(s, best_i, best_o);
  }
}

// Adds and upgrades items, in the search's order, each to its option that adds the most value
// among those that keep every budget, max_items, group and requirement.
template <class Ints>
void Search<Ints>::fill(Start& s) {
  charge(n_ + 1);
  for (size_t i : order_) {
    bool can_add = s.taken[i] >= 0 || !p_.max_items || s.count < *p_.max_items;
    for (size_t g : group_of_[i]) can_add = can_add && (s.taken[i] >= 0 || s.groups[g] == 0);
    for (size_t b : requires_[i]) can_add = can_add && (b == i || s.taken[b] >= 0);
    if (!can_add) continue;
    int best = s.taken[i];
    V best_gain = start_gain(s, i, s.taken[i]);
    for (size_t o = 0; o < opts_[i].size(); ++o) {
      const V g = start_gain(s, i, static_cast<int>(o));
      bool fits = true;
      for (size_t r = 0; r < R_; ++r) {
        const C old = s.taken[i] >= 0 ? opts_[i][static_cast<size_t>(s.taken[i])].cost[r] : C(0);
        fits = fits && s.cost[r] - old + opts_[i][o].cost[r] <= c_.budget[r];
      }
      if (g > best_gain && fits) {
        best = static_cast<int>(o);
        best_gain = g;
      }
    }
    if (best != s.taken[i]) move_to(s, i, best);
  }
}

template <class Ints>
auto Search<Ints>::start_value(const Start& s) const -> V {
  V value = 0;
  for (size_t i = 0; i < n_; ++i) {
    if (s.taken[i] < 0) continue;
    value += opts_[i][static_cast<size_t>(s.taken[i])].value;
    for (const auto& link : nbr_[i]) {
      if (link.j < i && s.taken[link.j] >= 0) value -= link.amount;
    }
  }
  return value;
}

// One pass of local search: each taken item in turn dropped or moved to another option and the
// room refilled, kept where the value grows. More passes found little more for their steps.
template <class Ints>
void Search<Ints>::improve_once(Start& s) {
  V value = start_value(s);
  for (size_t i = 0; i < n_; ++i) {
    for (int o = -1; o < static_cast<int>(opts_[i].size()); ++o) {
      if (o == s.taken[i] || s.taken[i] < 0 || (o < 0 && !droppable(s, i))) continue;
      if (!charge(n_ + 1)) return;
      Start t = s;
      move_to(t, i, o);
      if (!make_fit(t)) continue;
      fill(t);
      const V v = start_value(t);
      if (v > value) {
        s = std::move(t);
        value = v;
      }
    }
  }
}

// Offers `s` as a leaf if every constraint holds.
template <class Ints>
void Search<Ints>::offer_if_feasible(const Start& s) {
  if (p_.max_items && s.count > *p_.max_items) return;
  if (p_.max_changes) {
    size_t n = 0;
    for (size_t i = 0; i < n_; ++i) n += is_change(i, s.taken[i] < 0 ? -1 : opts_[i][static_cast<size_t>(s.taken[i])].index) ? 1 : 0;
    if (n > *p_.max_changes) return;
  }
  for (size_t r = 0; r < R_; ++r) {
    if (s.cost[r] > c_.budget[r]) return;
  }
  for (size_t g : s.groups) {
    if (g > 1) return;
  }
  for (size_t i = 0; i < n_; ++i) {
    if (must_[i] && s.taken[i] < 0) return;
    for (size_t b : requires_[i]) {
      if (s.taken[i] >= 0 && s.taken[b] < 0) return;
    }
  }
  std::vector<int> choice(n_, -1);
  for (size_t i = 0; i < n_; ++i) {
    if (s.taken[i] >= 0) choice[i] = opts_[i][static_cast<size_t>(s.taken[i])].index;
  }
  offer(start_value(s), s.cost, s.count, choice);
}

// Explicit instantiations: the two integer kinds search() runs on.
template void Search<FastInts>::offer_start(const std::vector<int>&);
template void Search<FastInts>::offer_repaired(const std::vector<int>&, bool);
template void Search<FastInts>::move_to(Start&, size_t, int) const;
template auto Search<FastInts>::start_gain(const Start&, size_t, int) const -> V;
template bool Search<FastInts>::droppable(const Start&, size_t) const;
template bool Search<FastInts>::charge(unsigned long long);
template bool Search<FastInts>::make_fit(Start&);
template void Search<FastInts>::fill(Start&);
template auto Search<FastInts>::start_value(const Start&) const -> V;
template void Search<FastInts>::improve_once(Start&);
template void Search<FastInts>::offer_if_feasible(const Start&);
template void Search<BigInts>::offer_start(const std::vector<int>&);
template void Search<BigInts>::offer_repaired(const std::vector<int>&, bool);
template void Search<BigInts>::move_to(Start&, size_t, int) const;
template auto Search<BigInts>::start_gain(const Start&, size_t, int) const -> V;
template bool Search<BigInts>::droppable(const Start&, size_t) const;
template bool Search<BigInts>::charge(unsigned long long);
template bool Search<BigInts>::make_fit(Start&);
template void Search<BigInts>::fill(Start&);
template auto Search<BigInts>::start_value(const Start&) const -> V;
template void Search<BigInts>::improve_once(Start&);
template void Search<BigInts>::offer_if_feasible(const Start&);

}  // namespace whichforum::detail
