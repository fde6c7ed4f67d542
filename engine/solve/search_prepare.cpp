// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// The branch and bound's preparation: options, overlap pairs, the knapsack rows of the bound,
// the Lagrangian multipliers and the heuristic portfolio built from them.
#include "engine/solve/search_impl.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>
#include <type_traits>

namespace whichforum::detail {

using boost::multiprecision::cpp_int;

namespace {

Int128 gcd_of(Int128 a, Int128 b) {
  if (a < 0) a = -a;
  if (b < 0) b = -b;
  while (b != 0) {
    Int128 t = a % b;
    a = b;
    b = t;
  }
  return a;
}
cpp_int gcd_of(const cpp_int& a, const cpp_int& b) { return boost::multiprecision::gcd(a, b); }

template <class V>
V floor_of(double x) {
  if constexpr (std::is_same_v<V, cpp_int>) {
    return cpp_int(std::floor(x));
  } else {
    return static_cast<V>(std::floor(x));
  }
}

}  // namespace

// ---- preparation --------------------------------------------------------------------------------

template <class Ints>
void Search<Ints>::prepare() {
  must_.assign(n_, false);
  for (size_t m : p_.must) must_[m] = true;
  implied_.assign(n_, false);
  requires_.assign(n_, {});
  required_by_.assign(n_, {});
  for (const auto& [a, b] : p_.implies) {
    requires_[a].push_back(b);
    required_by_[b].push_back(a);
    implied_[b] = true;
  }
  group_of_.assign(n_, {});
  for (size_t g = 0; g < p_.at_most_one.size(); ++g) {
    for (size_t i : p_.at_most_one[g]) group_of_[i].push_back(g);
  }
  group_count_.assign(p_.at_most_one.size(), 0);
  V total = 0;
  for (const auto& item : v_.value) {
    for (const auto& v : item) total += v < 0 ? V(-v) : v;
  }
  for (const auto& q : v_.penalties) total += q.second < 0 ? V(-q.second) : q.second;
  value_bits_ = bit_length(cpp_int(total));
  prepare_pairs();
  prepare_options();
  if (dead_) return;
  prepare_rows();
  choice_.assign(n_, -1);
  fixed_.assign(n_, false);
  cur_cost_.assign(R_, C(0));
  install();
}

// Penalties summed per pair, both ways. A penalty of an item with itself is charged whenever
// the item is chosen, as evaluate() does, so it lowers every option's value instead.
template <class Ints>
void Search<Ints>::prepare_pairs() {
  self_.assign(n_, V(0));
  std::vector<std::pair<std::pair<size_t, size_t>, V>> pairs;
  for (const auto& [ab, amount] : v_.penalties) {
    if (ab.first == ab.second) {
      self_[ab.first] += amount;
    } else {
      pairs.push_back({{std::min(ab.first, ab.second), std::max(ab.first, ab.second)}, amount});
    }
  }
  std::sort(pairs.begin(), pairs.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
  nbr_.assign(n_, {});
  for (size_t k = 0; k < pairs.size();) {
    V sum = 0;
    size_t k2 = k;
    for (; k2 < pairs.size() && pairs[k2].first == pairs[k].first; ++k2) sum += pairs[k2].second;
    const size_t a = pairs[k].first.first, b = pairs[k].first.second;
    if (sum != 0) {
      size_t e = std::string::npos;
      if (sum > 0) {
        e = pairs_.size();
        pairs_.push_back({a, b});
        pair_amount_.push_back(sum);
      }
      nbr_[a].push_back({b, sum, V(0), e});
      nbr_[b].push_back({a, sum, V(0), e});
    }
    k = k2;
  }
  has_gain_.assign(n_, false);
  gain_shift_.assign(n_, V(0));
  for (size_t i = 0; i < n_; ++i) {
    for (const auto& link : nbr_[i]) {
      if (link.amount < 0) {
        has_gain_[i] = true;
        gain_shift_[i] += link.amount;  // a possible gain: counted until the other is out
      }
    }
  }
}

// Options: those that fit every budget alone, less those another option of the same item
// beats under the tie rule in every portfolio (at least the value, at most each cost, and
// better in one of them or earlier), less those that "none" beats (value <= 0) where leaving
// the item out is always allowed and gains nothing from penalties.
template <class Ints>
void Search<Ints>::prepare_options() {
  opts_.assign(n_, {});
  for (size_t i = 0; i < n_; ++i) {
    std::vector<Opt> all;
    for (size_t o = 0; o < v_.value[i].size(); ++o) {
      bool fits = true;
      for (size_t r = 0; r < R_; ++r) fits = fits && c_.cost[i][o][r] <= c_.budget[r];
      if (fits) all.push_back({static_cast<int>(o), v_.value[i][o] - self_[i], c_.cost[i][o]});
    }
    // Under a cap on changes an option that is today's choice is not interchangeable with a
    // better one that is a change (or with none), so no option is dropped as beaten there.
    const bool capped = p_.max_changes.has_value();
    for (size_t x = 0; x < all.size(); ++x) {
      bool beaten = !capped && !must_[i] && !implied_[i] && !has_gain_[i] && all[x].value <= 0;
      for (size_t y = 0; y < all.size() && !beaten && !capped; ++y) {
        if (y == x || all[y].value < all[x].value) continue;
        bool no_dearer = true, cheaper = false;
        for (size_t r = 0; r < R_; ++r) {
          no_dearer = no_dearer && all[y].cost[r] <= all[x].cost[r];
          cheaper = cheaper || all[y].cost[r] < all[x].cost[r];
        }
        beaten = no_dearer && (all[y].value > all[x].value || cheaper || all[y].index < all[x].index);
      }
      if (!beaten) opts_[i].push_back(all[x]);
    }
  }
  // An item that requires one that can never be taken can never be taken either, and so on
  // along chains of requirements; finding that only at the last item would cost a whole tree.
  for (bool changed = true; changed;) {
    changed = false;
    for (size_t a = 0; a < n_; ++a) {
      if (opts_[a].empty()) continue;
      for (size_t b : requires_[a]) {
        if (b != a && opts_[b].empty()) {
          opts_[a].clear();
          changed = true;
          break;
        }
      }
    }
  }
  for (size_t i = 0; i < n_; ++i) dead_ = dead_ || (must_[i] && opts_[i].empty());
}

// The rows: always lambda 0; each resource whose budget the options could exceed; the count
// when max_items binds. Until the multipliers are tuned, the row with the least LP bound at
// the root leads, and pairs it would take both of are charged in advance.
template <class Ints>
void Search<Ints>::prepare_rows() {
  auto add_row = [&](auto weight_of, V capacity) {
    Row row;
    row.capacity = capacity;
    row.weight.assign(n_, {});
    for (size_t i = 0; i < n_; ++i) {
      for (const auto& o : opts_[i]) row.weight[i].push_back(weight_of(o));
    }
    rows_.push_back(std::move(row));
  };
  add_row([](const Opt&) { return V(0); }, V(0));
  for (size_t r = 0; r < R_; ++r) {
    C most = 0;
    for (size_t i = 0; i < n_; ++i) {
      C m = 0;
      for (const auto& o : opts_[i]) m = std::max(m, o.cost[r]);
      most += m;
    }
    if (most > c_.budget[r]) add_row([r](const Opt& o) { return V(o.cost[r]); }, V(c_.budget[r]));
  }
  size_t available = 0;
  for (size_t i = 0; i < n_; ++i) available += opts_[i].empty() ? 0 : 1;
  if (p_.max_items && *p_.max_items < available) {
    add_row([](const Opt&) { return V(1); }, V(static_cast<long long>(*p_.max_items)));
  }
  shift_ = gain_shift_;
  double least = 0;
  for (size_t k = 0; k < rows_.size(); ++k) {
    set_lambda(rows_[k]);
    V sum = 0;
    for (size_t i = 0; i < n_; ++i) sum += h(rows_[k], i);
    double bound = (to_double(rows_[k].dv * rows_[k].capacity) + to_double(sum)) / to_double(rows_[k].dw);
    if (k == 0 || bound < least) {
      least = bound;
      main_row_ = k;
    }
  }
  const Row& main = rows_[main_row_];
  for (size_t i = 0; i < n_; ++i) {
    for (auto& link : nbr_[i]) {
      bool both = !opts_[i].empty() && !opts_[link.j].empty() && main.best[i] > 0 && main.best[link.j] > 0;
      link.mu = link.amount > 0 && both ? link.amount : V(0);
    }
  }
}

// From the links' charges and the rows: shift_, each untuned row's lambda, the order of items
// and options, and each row's sum over the free items (all of them: this is the root).
template <class Ints>
void Search<Ints>::install() {
  shift_ = gain_shift_;
  mu_const_ = 0;
  for (size_t i = 0; i < n_; ++i) {
    for (const auto& link : nbr_[i]) {
      shift_[i] += link.mu;
      if (i < link.j) mu_const_ += link.mu;
    }
  }
  for (auto& row : rows_) {
    if (!row.tuned) set_lambda(row);
  }
  // Items in order of what the leading row credits them with, must-include ones first: the
  // first dive then meets the greedy portfolio. Options likewise.
  const Row& main = rows_[main_row_];
  order_.resize(n_);
  std::iota(order_.begin(), order_.end(), size_t(0));
  std::vector<V> credit(n_, V(0));
  for (size_t i = 0; i < n_; ++i) credit[i] = opts_[i].empty() ? V(0) : main.best[i] - shift_[i] * main.dw;
  std::stable_sort(order_.begin(), order_.end(), [&](size_t a, size_t b) {
    if (must_[a] != must_[b]) return must_[a] > must_[b];
    if (opts_[a].empty() != opts_[b].empty()) return opts_[b].empty();
    return credit[a] > credit[b];
  });
  for (size_t i = 0; i < n_; ++i) {
    std::vector<size_t> idx(opts_[i].size());
    std::iota(idx.begin(), idx.end(), size_t(0));
    std::vector<V> score(idx.size());
    for (size_t o = 0; o < idx.size(); ++o) score[o] = opts_[i][o].value * main.dw - main.dv * main.weight[i][o];
    std::stable_sort(idx.begin(), idx.end(), [&](size_t a, size_t b) { return score[a] > score[b]; });
    std::vector<Opt> sorted;
    for (size_t o : idx) sorted.push_back(opts_[i][o]);
    opts_[i] = std::move(sorted);
    for (auto& row : rows_) {
      std::vector<V> ws;
      for (size_t o : idx) ws.push_back(row.weight[i][o]);
      row.weight[i] = std::move(ws);
    }
  }
  for (auto& row : rows_) {
    row.sum = 0;
    for (size_t i = 0; i < n_; ++i) row.sum += h(row, i);
  }
}

// The LP relaxation of one row over every item, on values less the items' current charges:
// each item's options reduced to the upper convex hull of (weight, value) with "none" at the
// origin, filled greedily by ratio. The ratio where the capacity runs out is the multiplier
// that makes the row's Lagrangian bound equal that LP bound at the root; any multiplier >= 0
// gives a valid bound, so this only chooses a good one.
template <class Ints>
void Search<Ints>::set_lambda(Row& row) {
  struct Step {
    V dv, dw;
  };
  std::vector<Step> steps;
  for (size_t i = 0; i < n_; ++i) {
    V v0 = 0, w0 = 0;
    std::vector<bool> used(opts_[i].size(), false);
    for (;;) {
      long best = -1;
      for (size_t o = 0; o < opts_[i].size(); ++o) {
        const V v = opts_[i][o].value - shift_[i];
        const V& w = row.weight[i][o];
        if (used[o] || v <= v0 || w < w0) continue;
        if (best < 0) {
          best = static_cast<long>(o);
          continue;
        }
        const auto b = static_cast<size_t>(best);
        // Steeper from (w0, v0), or as steep and further: slopes compared crosswise.
        V lhs = (v - v0) * (row.weight[i][b] - w0), rhs = (opts_[i][b].value - shift_[i] - v0) * (w - w0);
        if (lhs > rhs || (lhs == rhs && w > row.weight[i][b])) best = static_cast<long>(o);
      }
      if (best < 0) break;
      const auto b = static_cast<size_t>(best);
      steps.push_back({opts_[i][b].value - shift_[i] - v0, row.weight[i][b] - w0});
      v0 = opts_[i][b].value - shift_[i];
      w0 = row.weight[i][b];
      for (size_t o = 0; o < opts_[i].size(); ++o) used[o] = used[o] || row.weight[i][o] <= w0;
    }
  }
  std::stable_sort(steps.begin(), steps.end(), [](const Step& a, const Step& b) { return a.dv * b.dw > b.dv * a.dw; });
  V room = row.capacity;
  row.dv = 0;
  row.dw = 1;
  for (const auto& s : steps) {
    if (s.dw <= room) {
      room -= s.dw;
      continue;
    }
    V g = gcd_of(s.dv, s.dw);
    row.dv = s.dv / g;
    row.dw = s.dw / g;
    break;
  }
  set_best(row);
}

template <class Ints>
void Search<Ints>::set_best(Row& row) {
  row.best.assign(n_, V(0));
  for (size_t i = 0; i < n_; ++i) {
    for (size_t o = 0; o < opts_[i].size(); ++o) {
      V x = opts_[i][o].value * row.dw - row.dv * row.weight[i][o];
      if (o == 0 || x > row.best[i]) row.best[i] = x;
    }
  }
}

// The multipliers of the Lagrangian dual, tuned by subgradient descent against the first
// search's incumbent, become one more row (every resource and the count, each with its own
// multiplier) and the pairs' charges; the search then starts again from the root. Doubles
// choose the multipliers; the bound itself is computed with them exactly.
template <class Ints>
void Search<Ints>::tune_multipliers() {
  std::vector<size_t> priced;  // rows the dual prices: every row but lambda 0, with capacity
  for (size_t k = 1; k < rows_.size(); ++k) {
    if (!rows_[k].tuned && rows_[k].capacity > 0) priced.push_back(k);
  }
  double norm = 1;
  for (const auto& item : opts_) {
    for (const auto& o : item) norm = std::max(norm, std::abs(to_double(o.value)));
  }
  DualProblem d;
  d.value.resize(n_);
  d.shift.resize(n_);
  d.must = must_;
  for (size_t i = 0; i < n_; ++i) {
    for (const auto& o : opts_[i]) d.value[i].push_back(to_double(o.value) / norm);
    d.shift[i] = to_double(gain_shift_[i]) / norm;
  }
  DualMultipliers start;
  for (size_t k : priced) {
    const Row& row = rows_[k];
    const double cap = to_double(row.capacity);
    d.weight.emplace_back(n_);
    for (size_t i = 0; i < n_; ++i) {
      for (const auto& w : row.weight[i]) d.weight.back()[i].push_back(to_double(w) / cap);
    }
    start.lambda.push_back(to_double(row.dv) / to_double(row.dw) * cap / norm);
  }
  d.pair = pairs_;
  // Pairs the incumbent takes both of are charged in full: near an integer optimum that is
  // what the LP relaxation does too.
  for (size_t e = 0; e < pairs_.size(); ++e) {
    d.penalty.push_back(to_double(pair_amount_[e]) / norm);
    bool both = found_ && best_choice_[pairs_[e][0]] >= 0 && best_choice_[pairs_[e][1]] >= 0;
    start.mu.push_back(both ? d.penalty.back() : 0.0);
  }
  std::fill(start.lambda.begin(), start.lambda.end(), 0.0);
  std::optional<double> target;
  if (found_) target = to_double(best_value_) / norm;
  // Polyak steps aim at the target; a hint's incumbent is close to the optimum, so the steps
  // are short and 300 of them sometimes stop well short of the dual's best (a forced solve at
  // N = 50 then took 4.4 million steps instead of 2.3).
  DualMultipliers m = optimise_dual(d, start, target, hinted_ ? 1000 : 300);

  // Exact charges from mu, rounded down into [0, penalty].
  for (size_t i = 0; i < n_; ++i) {
    for (auto& link : nbr_[i]) {
      if (link.pair == std::string::npos) continue;
      V x = floor_of<V>(m.mu[link.pair] * norm);
      link.mu = std::clamp(x, V(0), link.amount);
    }
  }
  // The tuned row and four neighbours with every multiplier scaled by 7/8, 15/16, 17/16 and
  // 9/8: deeper in the search the remaining capacity moves the best multiplier, and the least
  // of these bounds follows it part of the way at the cost of four more sums to keep.
  for (double scale : {7.0 / 8, 15.0 / 16, 17.0 / 16, 9.0 / 8, 1.0}) rows_.push_back(tuned_row(priced, m.lambda, norm, scale));
  lagrangian_heuristic(d, m);
  // The tuned rows price every budget and the count at once; the single rows cut almost
  // nothing more (0.5% more steps without them at N = 50) but cost a third of the time.
  rows_.erase(std::remove_if(rows_.begin(), rows_.end(), [](const Row& r) { return !r.tuned; }), rows_.end());
  main_row_ = rows_.size() - 1;
  install();
}

// A row of every priced row k with weight Lambda_k x its weight and lambda 1 / 2^s, where
// Lambda_k / 2^s is `scale` x the dual's multiplier of row k in scaled units. s keeps every sum
// of the bound within 127 bits (fits_fast); a multiplier is capped at 4 x (items + 1) x the
// largest value per capacity, far above any useful one.
template <class Ints>
auto Search<Ints>::tuned_row(const std::vector<size_t>& priced, const std::vector<double>& lambda, double norm, double scale) -> Row {
  const unsigned item_bits = bit_length(cpp_int(n_ + 1));
  const int s = std::clamp(static_cast<int>(127 - value_bits_ - item_bits - 9), 0, 40);
  Row row;
  row.tuned = true;
  row.dv = 1;
  row.dw = V(1) << s;
  row.weight.assign(n_, {});
  for (size_t i = 0; i < n_; ++i) row.weight[i].assign(opts_[i].size(), V(0));
  for (size_t x = 0; x < priced.size(); ++x) {
    const Row& base = rows_[priced[x]];
    const double l = std::min(lambda[x], 4.0 * static_cast<double>(n_ + 1)) * scale;
    V big = floor_of<V>(std::ldexp(l * norm / to_double(base.capacity), s));
    if (big <= 0) continue;
    row.capacity += big * base.capacity;
    for (size_t i = 0; i < n_; ++i) {
      for (size_t o = 0; o < opts_[i].size(); ++o) row.weight[i][o] += big * base.weight[i][o];
    }
  }
  set_best(row);
  return row;
}

// A portfolio built from the dual's own choices, which near the optimum are mostly right: items
// by what the dual credits them with, each at the best option that still fits with every
// constraint, then one pass adding and upgrading while value grows. Offered as an incumbent.
template <class Ints>
void Search<Ints>::lagrangian_heuristic(const DualProblem& d, const DualMultipliers& m) {
  std::vector<int> pick = dual_pick(d, m);
  std::vector<double> credit(n_, 0);
  for (size_t i = 0; i < n_; ++i) {
    if (pick[i] < 0) {
      credit[i] = -HUGE_VAL;
      continue;
    }
    double r = d.value[i][static_cast<size_t>(pick[i])] - d.shift[i];
    for (size_t k = 0; k < d.weight.size(); ++k) r -= m.lambda[k] * d.weight[k][i][static_cast<size_t>(pick[i])];
    credit[i] = r;
  }
  std::vector<size_t> by_credit(n_);
  std::iota(by_credit.begin(), by_credit.end(), size_t(0));
  std::stable_sort(by_credit.begin(), by_credit.end(), [&](size_t a, size_t b) {
    if (must_[a] != must_[b]) return must_[a] > must_[b];
    return credit[a] > credit[b];
  });
  // Built as a Start (below), with the same moves as a caller's starting portfolio.
  Start s;
  s.taken.assign(n_, -1);
  s.cost.assign(R_, C(0));
  s.groups.assign(p_.at_most_one.size(), 0);
  auto fits = [&](size_t i, size_t o, int old) {
    if (old < 0 && p_.max_items && s.count + 1 > *p_.max_items) return false;
    if (old < 0) {
      for (size_t g : group_of_[i]) {
        if (s.groups[g] > 0) return false;
      }
    }
    for (size_t r = 0; r < R_; ++r) {
      C c = s.cost[r] + opts_[i][o].cost[r] - (old >= 0 ? opts_[i][static_cast<size_t>(old)].cost[r] : C(0));
      if (c > c_.budget[r]) return false;
    }
    for (size_t b : requires_[i]) {
      if (b != i && s.taken[b] < 0) return false;
    }
    return true;
  };
  // Required items first, so that what requires them can follow.
  for (int pass = 0; pass < 2; ++pass) {
    for (size_t i : by_credit) {
      if (s.taken[i] >= 0 || opts_[i].empty() || (!must_[i] && (pick[i] < 0 || credit[i] <= -HUGE_VAL))) continue;
      if (pass == 0 && !implied_[i] && !must_[i]) continue;
      for (size_t o = 0; o < opts_[i].size(); ++o) {
        if (fits(i, o, -1) && (must_[i] || start_gain(s, i, static_cast<int>(o)) > 0)) {
          move_to(s, i, static_cast<int>(o));
          break;
        }
      }
    }
  }
  for (size_t i : by_credit) {
    if (opts_[i].empty()) continue;
    size_t best = opts_[i].size();
    V best_gain = 0;
    for (size_t o = 0; o < opts_[i].size(); ++o) {
      V g = start_gain(s, i, static_cast<int>(o)) - start_gain(s, i, s.taken[i]);
      if (g > best_gain && fits(i, o, s.taken[i])) {
        best = o;
        best_gain = g;
      }
    }
    if (best < opts_[i].size()) move_to(s, i, static_cast<int>(best));
  }
  offer_if_feasible(s);
}

// Explicit instantiations: the two integer kinds search() runs on.
template void Search<FastInts>::prepare();
template void Search<FastInts>::prepare_pairs();
template void Search<FastInts>::prepare_options();
template void Search<FastInts>::prepare_rows();
template void Search<FastInts>::install();
template void Search<FastInts>::set_lambda(Row&);
template void Search<FastInts>::set_best(Row&);
template void Search<FastInts>::tune_multipliers();
template auto Search<FastInts>::tuned_row(const std::vector<size_t>&, const std::vector<double>&, double, double) -> Row;
template void Search<FastInts>::lagrangian_heuristic(const DualProblem&, const DualMultipliers&);
template void Search<BigInts>::prepare();
template void Search<BigInts>::prepare_pairs();
template void Search<BigInts>::prepare_options();
template void Search<BigInts>::prepare_rows();
template void Search<BigInts>::install();
template void Search<BigInts>::set_lambda(Row&);
template void Search<BigInts>::set_best(Row&);
template void Search<BigInts>::tune_multipliers();
template auto Search<BigInts>::tuned_row(const std::vector<size_t>&, const std::vector<double>&, double, double) -> Row;
template void Search<BigInts>::lagrangian_heuristic(const DualProblem&, const DualMultipliers&);

}  // namespace whichforum::detail
