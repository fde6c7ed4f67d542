// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// The branch and bound for problems with needs: a portfolio's value is its options' own values
// plus, per need, weight x (1 - prod (1 - share)), which does not add up item by item.
//
// Why doubles with a margin, and why that is still exact: the coverage of a need is a product
// of shares, so its exact denominator grows with every option taken (shares from value functions
// over member lists have denominators of about 10^13, ten of them 10^130), and integers on one
// common denominator, as the linear search uses, do not exist for it. The bound and the running
// value are kept in doubles, whose error here is below 10^-12 of the problem's value scale
// (sums and products of at most a few thousand terms, each off by at most 2^-53 of itself); a
// branch is cut only when its bound is below the incumbent's value by more than a margin of
// 10^-9 of that scale, and a portfolio replaces the incumbent without an exact check only when it
// is better by more than the margin. Every closer comparison is made on exact values (evaluate)
// with the tie rule. So the answer is the tie rule's optimum, as the linear search's is, and the
// same on every machine: doubles only decide which branches to visit, never the answer.
#include "engine/solve/scaling.h"
#include "engine/solve/search.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <optional>

namespace whichforum::detail {

namespace {

using boost::multiprecision::cpp_int;

template <class C>
class CoverageSearch {
 public:
  CoverageSearch(const Problem& p, const Scales& scales, unsigned long long max_steps, const SolveHint* hint)
      : p_(p), s_(scales), n_(p.items.size()), R_(p.resources.size()), max_steps_(max_steps), hint_(hint) {}

  SearchResult run() {
    prepare();
    if (hint_ && hint_->start.size() == n_) offer_start(hint_->start);
    if (!dead_) dfs(0);
    SearchResult r;
    r.limit_reached = stop_;
    r.found = found_ && !stop_;
    if (r.found) r.choice = best_choice_;
    r.steps = steps_;
    return r;
  }

 private:
  struct Opt {
    int index = 0;  // in the problem's item
    double lin = 0;
    std::vector<C> cost;
    std::vector<double> dcost;
    std::vector<std::pair<size_t, double>> shares;
  };
  struct Point {
    double gain;
    std::vector<double> cost;
  };

  static C to_cost(const cpp_int& x) {
    if constexpr (std::is_same_v<C, cpp_int>) {
      return x;
    } else {
      return to_int128(x);
    }
  }

  void prepare() {
    const Scales& s = s_;
    for (size_t r = 0; r < R_; ++r) {
      budget_.push_back(to_cost(scaled(p_.budget[r], s.cost[r])));
      dbudget_.push_back(p_.budget[r].convert_to<double>());
    }
    dcost_.assign(R_, 0.0);
    weight_.resize(p_.needs.size());
    double scale = 1;
    for (size_t k = 0; k < p_.needs.size(); ++k) {
      weight_[k] = p_.needs[k].weight.convert_to<double>();
      scale += std::abs(weight_[k]);
    }
    opts_.resize(n_);
    must_.assign(n_, false);
    keep_all_.assign(n_, p_.max_changes.has_value());
    for (size_t m : p_.must) must_[m] = true;
    for (const auto& [a, b] : p_.implies) keep_all_[b] = true;
    for (size_t i = 0; i < n_; ++i) {
      double most = 0;
      for (size_t o = 0; o < p_.items[i].options.size(); ++o) {
        const Option& opt = p_.items[i].options[o];
        Opt x;
        x.index = static_cast<int>(o);
        x.lin = opt.value.convert_to<double>();
        bool fits = true;
        for (size_t r = 0; r < R_; ++r) {
          x.cost.push_back(to_cost(scaled(opt.cost[r], s.cost[r])));
          x.dcost.push_back(opt.cost[r].convert_to<double>());
          fits = fits && x.cost[r] <= budget_[r];
        }
        for (const auto& [k, share] : opt.shares) x.shares.emplace_back(k, share.template convert_to<double>());
        most = std::max(most, std::abs(x.lin));
        steps_ += 1 + x.shares.size();
        if (fits) opts_[i].push_back(std::move(x));
      }
      scale += most;
      if (must_[i] && opts_[i].empty()) dead_ = true;
    }
    for (const auto& q : p_.penalties) scale += std::abs(q.amount.convert_to<double>());
    for (size_t q = 0; q < p_.penalties.size(); ++q) {
      const double amount = p_.penalties[q].amount.convert_to<double>();
      nbr_.resize(n_);
      nbr_[p_.penalties[q].a].emplace_back(p_.penalties[q].b, amount);
      if (p_.penalties[q].b != p_.penalties[q].a) nbr_[p_.penalties[q].b].emplace_back(p_.penalties[q].a, amount);
    }
    nbr_.resize(n_);
    margin_ = 1e-9 * scale;
    group_of_.resize(n_);
    group_count_.assign(p_.at_most_one.size(), 0);
    for (size_t g = 0; g < p_.at_most_one.size(); ++g) {
      for (size_t i : p_.at_most_one[g]) group_of_[i].push_back(g);
    }
    left_.assign(p_.needs.size(), 1.0);
    item_share_.assign(p_.needs.size(), 0.0);
    cost_.assign(R_, C(0));
    choice_.assign(n_, -1);
    // Items by what they could add alone, most first, so that the first dive is greedy.
    std::vector<double> alone(n_, 0);
    for (size_t i = 0; i < n_; ++i) {
      for (const auto& o : opts_[i]) alone[i] = std::max(alone[i], gain(o));
    }
    order_.resize(n_);
    std::iota(order_.begin(), order_.end(), size_t{0});
    std::stable_sort(order_.begin(), order_.end(), [&](size_t a, size_t b) {
      if (must_[a] != must_[b]) return static_cast<bool>(must_[a]);
      return alone[a] > alone[b];
    });
    if (steps_ >= max_steps_) stop_ = true;
  }

  // What option `o` adds to the portfolio being built: its own value, what it serves of each
  // need still unserved, minus penalties with the items taken.
  double gain(const Opt& o) const {
    double g = o.lin;
    for (const auto& [k, s] : o.shares) g += weight_[k] * left_[k] * s;
    return g;
  }
  double penalty_with_taken(size_t i) const {
    double lost = 0;
    for (const auto& [j, amount] : nbr_[i]) {
      if (choice_[j] >= 0) lost += amount;
    }
    return lost;
  }

  bool fits(const Opt& o) const {
    for (size_t r = 0; r < R_; ++r) {
      if (cost_[r] + o.cost[r] > budget_[r]) return false;
    }
    return true;
  }
  bool group_free(size_t i) const {
    for (size_t g : group_of_[i]) {
      if (group_count_[g] > 0) return false;
    }
    return true;
  }
  bool is_change(size_t i, int index) const { return index != (i < p_.baseline.size() ? p_.baseline[i] : -1); }

  // An upper bound on what the free items (order_[d..]) can still add: the sum of each one's
  // best gain now (coverage only shrinks as items are taken, penalties only take away), and the
  // LP relaxation of each budget and of the count on those gains. nullopt: a must-include item
  // can no longer be taken.
  std::optional<double> free_bound(size_t d) {
    double total = 0;
    pts_.clear();
    best_gain_.clear();
    // The saturation bound beside it: every free item taken at once, each with its best own
    // value and its largest share of each need (coverage only grows with shares, so no subset
    // serves more); it caps what the sum of single gains counts twice where items overlap.
    unserved_ = left_;
    double own = 0;
    for (size_t t = d; t < n_; ++t) {
      const size_t i = order_[t];
      double best = 0, best_lin = 0;
      bool any = false;
      std::vector<Point> mine;
      touched_.clear();
      if (group_free(i)) {
        for (const auto& o : opts_[i]) {
          // A step is about the same work whatever the problem: one per need an option serves.
          steps_ += 1 + o.shares.size();
          if (!fits(o)) continue;
          any = true;
          const double g = gain(o);
          if (g > 0) mine.push_back({g, o.dcost});
          best = std::max(best, g);
          best_lin = std::max(best_lin, o.lin);
          for (const auto& [k, sh] : o.shares) {
            if (item_share_[k] == 0) touched_.push_back(k);
            item_share_[k] = std::max(item_share_[k], sh);
          }
        }
      }
      for (size_t k : touched_) {
        unserved_[k] *= 1 - item_share_[k];
        item_share_[k] = 0;
      }
      if (must_[i] && !any) return std::nullopt;
      total += best;
      own += best_lin;
      if (best > 0) best_gain_.push_back(best);
      pts_.push_back(std::move(mine));
    }
    double saturated = own;
    for (size_t k = 0; k < left_.size(); ++k) saturated += weight_[k] * (left_[k] - unserved_[k]);
    double bound = std::min(total, saturated);
    for (size_t r = 0; r < R_; ++r) {
      const double cap = dbudget_[r] - dcost_[r];
      bound = std::min(bound, knapsack(r, cap));
    }
    if (p_.max_items) {
      const size_t room = *p_.max_items > count_ ? *p_.max_items - count_ : 0;
      std::sort(best_gain_.begin(), best_gain_.end(), std::greater<>());
      double top = 0;
      for (size_t t = 0; t < room && t < best_gain_.size(); ++t) top += best_gain_[t];
      bound = std::min(bound, top);
    }
    return bound;
  }

  // The LP relaxation of one budget over the free items' positive gains: per item, the upper
  // concave hull of (cost, gain) from (0, 0); hull steps taken by gain per cost while they fit,
  // the last one in part. Steps of no cost are taken whole.
  double knapsack(size_t r, double cap) {
    steps_ += pts_.size();
    std::vector<KnapsackStep> steps;
    for (auto& mine : pts_) {
      if (mine.empty()) continue;
      std::sort(mine.begin(), mine.end(), [&](const auto& a, const auto& b) {
        if (a.cost[r] != b.cost[r]) return a.cost[r] < b.cost[r];
        return a.gain > b.gain;
      });
      double c0 = 0, g0 = 0;
      size_t at = 0;
      while (at < mine.size()) {
        // The next hull point: the steepest from (c0, g0) among points beyond it.
        size_t pick = mine.size();
        double slope = 0;
        for (size_t q = at; q < mine.size(); ++q) {
          const double dg = mine[q].gain - g0, dc = mine[q].cost[r] - c0;
          if (dg <= 0) continue;
          const double sl = dc <= 0 ? INFINITY : dg / dc;
          if (pick == mine.size() || sl > slope) {
            pick = q;
            slope = sl;
          }
        }
        if (pick == mine.size()) break;
        steps.push_back({std::max(0.0, mine[pick].cost[r] - c0), mine[pick].gain - g0});  // cost, gain
        c0 = mine[pick].cost[r];
        g0 = mine[pick].gain;
        at = pick + 1;
      }
    }
    return fractional_fill(steps, cap);
  }

  double value_now() const {
    double v = lin_;
    for (size_t k = 0; k < left_.size(); ++k) v += weight_[k] * (1 - left_[k]);
    return v;
  }

  void offer_start(const std::vector<int>& start) {
    for (size_t i = 0; i < n_; ++i) {
      if (start[i] >= static_cast<int>(p_.items[i].options.size())) return;
    }
    Evaluation e = evaluate(p_, start);
    steps_ += 16 * n_;
    if (!e.meets_constraints) return;
    best_exact_ = std::move(e);
    best_choice_ = start;
    best_ = best_exact_->value.convert_to<double>();
    found_ = true;
  }

  void offer_leaf() {
    if (!constraints_hold()) return;
    const double v = value_now();
    if (found_ && v < best_ - margin_) return;
    if (!found_ || v > best_ + margin_) {
      best_choice_ = choice_;
      best_ = v;
      best_exact_.reset();
      found_ = true;
      return;
    }
    // Close: decided exactly, with the tie rule.
    steps_ += 16 * n_;
    if (!best_exact_) best_exact_ = evaluate(p_, best_choice_);
    Evaluation e = evaluate(p_, choice_);
    if (preferred(e, *best_exact_)) {
      best_choice_ = choice_;
      best_ = v;
      best_exact_ = std::move(e);
    }
  }

  bool constraints_hold() const {
    for (size_t m : p_.must) {
      if (choice_[m] < 0) return false;
    }
    for (const auto& [a, b] : p_.implies) {
      if (choice_[a] >= 0 && choice_[b] < 0) return false;
    }
    return true;
  }

  void dfs(size_t d) {
    if (stop_) return;
    if (++steps_ > max_steps_) {
      stop_ = true;
      return;
    }
    if (d == n_) {
      offer_leaf();
      return;
    }
    const auto bound = free_bound(d);
    if (!bound) return;
    if (found_ && value_now() + *bound < best_ - margin_) return;
    const size_t i = order_[d];
    // The options that can be taken here, most gain first.
    std::vector<std::pair<double, size_t>> cand;
    const bool room = (!p_.max_items || count_ < *p_.max_items) && group_free(i);
    if (room) {
      const double lost = penalty_with_taken(i);
      for (size_t o = 0; o < opts_[i].size(); ++o) {
        if (!fits(opts_[i][o])) continue;
        if (p_.max_changes && is_change(i, opts_[i][o].index) && changes_ >= *p_.max_changes) continue;
        const double g = gain(opts_[i][o]) - lost;
        // Coverage only shrinks and costs only grow, so an option that loses value now loses it
        // in every completion: leaving the item out is then at least as good and no dearer,
        // unless something forces the item in (must, requires, a cap on changes).
        if (g < -margin_ && !must_[i] && !keep_all_[i]) continue;
        cand.emplace_back(g, o);
      }
    }
    std::stable_sort(cand.begin(), cand.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    const bool none_ok = !must_[i] && !(p_.max_changes && is_change(i, -1) && changes_ >= *p_.max_changes);
    bool none_done = false;
    auto try_none = [&] {
      none_done = true;
      if (!none_ok) return;
      const bool ch = is_change(i, -1);
      changes_ += ch ? 1 : 0;
      dfs(d + 1);
      changes_ -= ch ? 1 : 0;
    };
    for (const auto& [g, o] : cand) {
      if (!none_done && g <= 0) try_none();
      if (stop_) return;
      take_and_descend(d, i, o);
    }
    if (!none_done) try_none();
  }

  void take_and_descend(size_t d, size_t i, size_t o) {
    const Opt& opt = opts_[i][o];
    saved_.emplace_back();
    auto& save = saved_.back();
    for (const auto& [k, s] : opt.shares) {
      save.emplace_back(k, left_[k]);
      left_[k] *= 1 - s;
    }
    const double lin_before = lin_;
    lin_ += opt.lin - penalty_with_taken(i);
    const std::vector<double> dcost_before = dcost_;
    for (size_t r = 0; r < R_; ++r) {
      cost_[r] += opt.cost[r];
      dcost_[r] += opt.dcost[r];
    }
    for (size_t grp : group_of_[i]) ++group_count_[grp];
    choice_[i] = opt.index;
    ++count_;
    const bool ch = is_change(i, opt.index);
    changes_ += ch ? 1 : 0;
    dfs(d + 1);
    changes_ -= ch ? 1 : 0;
    --count_;
    choice_[i] = -1;
    for (size_t grp : group_of_[i]) --group_count_[grp];
    for (size_t r = 0; r < R_; ++r) cost_[r] -= opt.cost[r];
    dcost_ = dcost_before;
    lin_ = lin_before;
    for (auto it = saved_.back().rbegin(); it != saved_.back().rend(); ++it) left_[it->first] = it->second;
    saved_.pop_back();
  }

  const Problem& p_;
  const Scales& s_;
  const size_t n_, R_;
  const unsigned long long max_steps_;
  const SolveHint* hint_;
  unsigned long long steps_ = 0;
  std::vector<C> budget_, cost_;
  std::vector<double> weight_, left_;
  std::vector<double> unserved_, item_share_;  // free_bound's scratch: the saturation bound
  std::vector<size_t> touched_;
  std::vector<std::vector<Opt>> opts_;
  std::vector<std::vector<std::pair<size_t, double>>> nbr_;
  std::vector<bool> must_, keep_all_;
  std::vector<std::vector<size_t>> group_of_;
  std::vector<size_t> group_count_, order_;
  std::vector<int> choice_, best_choice_;
  std::vector<std::vector<std::pair<size_t, double>>> saved_;
  std::vector<std::vector<Point>> pts_;
  std::vector<double> best_gain_, dbudget_, dcost_;
  double lin_ = 0, best_ = 0, margin_ = 0;
  size_t count_ = 0, changes_ = 0;
  bool dead_ = false, stop_ = false, found_ = false;
  std::optional<Evaluation> best_exact_;
};

}  // namespace

double fractional_fill(std::vector<KnapsackStep>& steps, double cap) {
  std::sort(steps.begin(), steps.end(), [](const KnapsackStep& a, const KnapsackStep& b) {
    const bool fa = a.cost <= 0, fb = b.cost <= 0;
    if (fa != fb) return fa;
    if (fa) return false;
    return a.gain * b.cost > b.gain * a.cost;
  });
  double v = 0;
  for (const KnapsackStep& s : steps) {
    if (s.cost <= cap) {
      v += s.gain;
      cap -= s.cost;
    } else {
      if (cap > 0) v += s.gain * cap / s.cost;
      break;
    }
  }
  return v;
}

SearchResult search_coverage(const Problem& p, unsigned long long max_steps, const SolveHint* hint) {
  const Scales s = scales_of(p);
  if (s.cost_bits + bit_length(cpp_int(p.items.size() + 1)) + 2 <= 126) {
    return CoverageSearch<Int128>(p, s, max_steps, hint).run();
  }
  return CoverageSearch<cpp_int>(p, s, max_steps, hint).run();
}

}  // namespace whichforum::detail
