// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Depth-first branch and bound with Lagrangian bounds kept up to date incrementally.
#include "engine/search.h"

#include "engine/lagrangian.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>
#include <type_traits>

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

double to_double(const Int128& x) { return static_cast<double>(x); }
double to_double(const cpp_int& x) { return x.convert_to<double>(); }

template <class V>
V floor_of(double x) {
  if constexpr (std::is_same_v<V, cpp_int>) {
    return cpp_int(std::floor(x));
  } else {
    return static_cast<V>(std::floor(x));
  }
}

// The most steps a hint's repair and improvement may take (a few milliseconds), and at most an
// eighth of the solve's limit: they replace the short first search, but a start far off at
// 20,000 items could otherwise take longer than the search itself.
constexpr unsigned long long kHintSteps = 1'000'000;

template <class Ints>
class Search {
  using V = typename Ints::Value;
  using C = typename Ints::Cost;

 public:
  Search(const Problem& p, const IntCosts<C>& costs, const IntValues<V>& values, unsigned long long max_steps,
         const SolveHint* hint)
      : p_(p), c_(costs), v_(values), n_(p.items.size()), R_(costs.budget.size()), max_steps_(max_steps),
        hint_(hint) {}

  SearchResult run() {
    prepare();
    if (!dead_ && hint_ && hint_->start.size() == n_) offer_start(hint_->start);
    hinted_ = found_;
    if (!dead_) {
      // A short first search finds a good portfolio; the multipliers are then tuned against its
      // value and the search starts again from the root, keeping it as the incumbent. A hint's
      // portfolio is usually better than the short search's, which is then skipped.
      limit_ = std::min(max_steps_, 2000 + 40 * static_cast<unsigned long long>(n_));
      if (!hinted_) dfs(0);
      if (hinted_ || (stop_ && steps_ < max_steps_)) {
        stop_ = false;
        limit_ = max_steps_;
        tune_multipliers();
        dfs(0);
      }
    }
    SearchResult r;
    r.found = found_ && !stop_;
    r.limit_reached = stop_;
    if (r.found) r.choice = best_choice_;
    r.steps = steps_;
    return r;
  }

 private:
  struct Opt {
    int index;  // in the Problem's item
    V value;
    std::vector<C> cost;
  };
  // A knapsack row the bound relaxes with a multiplier lambda = dv / dw: no row (lambda 0), a
  // resource, the count of items, or all of those combined with tuned multipliers.
  struct Row {
    std::vector<std::vector<V>> weight;  // item -> its options in opts_ order
    V capacity = 0;
    V used = 0;
    V dv = 0, dw = 1;
    bool tuned = false;   // lambda set by tune_multipliers(), not by the row's own LP
    std::vector<V> best;  // item -> max over options of value x dw - dv x weight
    V sum = 0;            // over free items of h(row, item)
  };
  // A penalty pair seen from one side: the other item, the penalty, and the charge mu the
  // bound takes for the pair in advance while both are free (0 <= mu <= penalty).
  struct Link {
    size_t j;
    V amount;
    V mu;
    size_t pair;  // index in pairs_ (pairs with a penalty > 0), else npos
  };

  // ---- preparation -------------------------------------------------------------------------

  void prepare() {
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
  void prepare_pairs() {
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
  void prepare_options() {
    opts_.assign(n_, {});
    for (size_t i = 0; i < n_; ++i) {
      std::vector<Opt> all;
      for (size_t o = 0; o < v_.value[i].size(); ++o) {
        bool fits = true;
        for (size_t r = 0; r < R_; ++r) fits = fits && c_.cost[i][o][r] <= c_.budget[r];
        if (fits) all.push_back({static_cast<int>(o), v_.value[i][o] - self_[i], c_.cost[i][o]});
      }
      for (size_t x = 0; x < all.size(); ++x) {
        bool beaten = !must_[i] && !implied_[i] && !has_gain_[i] && all[x].value <= 0;
        for (size_t y = 0; y < all.size() && !beaten; ++y) {
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

  // Whether free item b could still be taken next to what is taken now: one of its options fits
  // the budgets left, its groups are free and the count allows one more.
  bool could_take(size_t b) const {
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

  // The rows: always lambda 0; each resource whose budget the options could exceed; the count
  // when max_items binds. Until the multipliers are tuned, the row with the least LP bound at
  // the root leads, and pairs it would take both of are charged in advance.
  void prepare_rows() {
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
  void install() {
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
  void set_lambda(Row& row) {
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

  void set_best(Row& row) {
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
  void tune_multipliers() {
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
  Row tuned_row(const std::vector<size_t>& priced, const std::vector<double>& lambda, double norm, double scale) {
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
  void lagrangian_heuristic(const DualProblem& d, const DualMultipliers& m) {
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

  // ---- a caller's starting portfolio -----------------------------------------------------

  // A portfolio being built or repaired (the Lagrangian heuristic's, or a caller's start):
  // option indices into opts_ (-1 for none) and its running totals.
  struct Start {
    std::vector<int> taken;
    std::vector<C> cost;
    size_t count = 0;
    std::vector<size_t> groups;  // items taken per at_most_one group
  };

  // A portfolio near this problem's optimum (one of a nearby problem's, as SolveHint says) made
  // feasible here and offered as the first incumbent: every must-include item it lacks is added
  // at each of its options in turn, each try repaired on its own. An incumbent only prunes what
  // cannot beat it under the tie rule, so however poor (or if no repair works) the answer is the
  // same; a good one prunes from the first node and gives the multipliers a close target.
  void offer_start(const std::vector<int>& start) {
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
  void offer_repaired(const std::vector<int>& taken, bool improve) {
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

  void move_to(Start& s, size_t i, int o) const {
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
  V start_gain(const Start& s, size_t i, int o) const {
    if (o < 0) return V(0);
    V g = opts_[i][static_cast<size_t>(o)].value;
    for (const auto& link : nbr_[i]) {
      if (s.taken[link.j] >= 0) g -= link.amount;
    }
    return g;
  }

  // Whether a taken item may be left out: not a must-include one, nor one a taken item requires.
  bool droppable(const Start& s, size_t i) const {
    if (must_[i]) return false;
    for (size_t a : required_by_[i]) {
      if (a != i && s.taken[a] >= 0) return false;
    }
    return true;
  }

  // Charges `k` steps of work on the hint (about one per item scanned) to the search; false once
  // the hint's share (kHintSteps) is spent, so that no start, however far off, runs unbounded.
  bool charge(unsigned long long k) {
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
  bool make_fit(Start& s) {
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
  void fill(Start& s) {
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

  V start_value(const Start& s) const {
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
  void improve_once(Start& s) {
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
  void offer_if_feasible(const Start& s) {
    if (p_.max_items && s.count > *p_.max_items) return;
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

  // ---- the bound ---------------------------------------------------------------------------

  // What a free item can still add on a row, times dw: its best option's value less its
  // charges (penalties of chosen items, advance charges of free pairs, less possible gains),
  // less lambda times its weight; 0 when leaving it out is allowed and better.
  V h(const Row& row, size_t i) const {
    if (opts_[i].empty()) return V(0);
    V x = row.best[i] - shift_[i] * row.dw;
    return must_[i] || x > 0 ? x : V(0);
  }

  // True when no completion of this node can beat the incumbent: some row's bound is below its
  // value, or equal to it while the costs so far already lose the tie (costs only grow).
  bool prune() const {
    for (const auto& row : rows_) {
      V lhs = (cur_value_ + mu_const_) * row.dw + row.dv * (row.capacity - row.used) + row.sum;
      V rhs = best_value_ * row.dw;
      if (lhs < rhs) return true;
      if (lhs == rhs && tie_lost()) return true;
    }
    return false;
  }

  bool tie_lost() const {
    for (size_t r = 0; r < R_; ++r) {
      if (cur_cost_[r] != best_cost_[r]) return cur_cost_[r] > best_cost_[r];
    }
    return count_ > best_count_;
  }

  // ---- moves -------------------------------------------------------------------------------

  void unfree(size_t i) {
    fixed_[i] = true;
    for (auto& row : rows_) row.sum -= h(row, i);
  }
  void refree(size_t i) {
    fixed_[i] = false;
    for (auto& row : rows_) row.sum += h(row, i);
  }
  void shift(size_t j, const V& by) {
    if (by == 0) return;
    for (auto& row : rows_) row.sum -= h(row, j);
    shift_[j] += by;
    for (auto& row : rows_) row.sum += h(row, j);
  }

  // Takes option `o` of item i; returns the value it adds. A free neighbour's charge for the
  // pair becomes the penalty itself (or stays a gain), and the advance charge is released.
  V take(size_t i, size_t o) {
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
  void untake(size_t i, size_t o, const V& added) {
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
  void leave(size_t i) {
    unfree(i);
    for (const auto& link : nbr_[i]) {
      if (fixed_[link.j]) continue;
      ++steps_;
      shift(link.j, (link.amount < 0 ? V(-link.amount) : V(0)) - link.mu);
      mu_const_ -= link.mu;
    }
  }
  void unleave(size_t i) {
    for (const auto& link : nbr_[i]) {
      if (fixed_[link.j]) continue;
      shift(link.j, link.mu - (link.amount < 0 ? V(-link.amount) : V(0)));
      mu_const_ += link.mu;
    }
    refree(i);
  }

  // ---- the search --------------------------------------------------------------------------

  void leaf() { offer(cur_value_, cur_cost_, count_, choice_); }

  // A feasible portfolio: it becomes the incumbent if the tie rule prefers it.
  void offer(const V& value, const std::vector<C>& cost, size_t count, const std::vector<int>& choice) {
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

  void dfs(size_t depth) {
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
        V added = take(i, o);
        // What i requires and is still free must be takable next to it.
        bool possible = true;
        for (size_t b : requires_[i]) possible = possible && (fixed_[b] ? choice_[b] >= 0 : could_take(b));
        if (possible) dfs(depth + 1);
        untake(i, o, added);
      }
    }
    bool can_skip = !must_[i];
    for (size_t a : required_by_[i]) can_skip = can_skip && !(fixed_[a] && choice_[a] >= 0);
    if (can_skip && !stop_) {
      leave(i);
      dfs(depth + 1);
      unleave(i);
    }
  }

  const Problem& p_;
  const IntCosts<C>& c_;
  const IntValues<V>& v_;
  const size_t n_, R_;
  const unsigned long long max_steps_;
  const SolveHint* hint_;
  unsigned long long hint_left_ = 0;
  unsigned long long limit_ = 0, steps_ = 0;
  unsigned value_bits_ = 0;
  std::vector<bool> must_, implied_, has_gain_, fixed_;
  std::vector<std::vector<size_t>> requires_, required_by_, group_of_;
  std::vector<size_t> group_count_;
  std::vector<V> self_, gain_shift_, shift_;
  std::vector<std::vector<Link>> nbr_;
  std::vector<std::array<size_t, 2>> pairs_;
  std::vector<V> pair_amount_;
  V mu_const_ = 0;
  std::vector<std::vector<Opt>> opts_;
  std::vector<Row> rows_;
  size_t main_row_ = 0;
  std::vector<size_t> order_;
  std::vector<int> choice_;
  std::vector<C> cur_cost_;
  V cur_value_ = 0;
  size_t count_ = 0;
  bool dead_ = false, stop_ = false, found_ = false, hinted_ = false;
  std::vector<int> best_choice_;
  std::vector<C> best_cost_;
  V best_value_ = 0;
  size_t best_count_ = 0;
};

}  // namespace

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
