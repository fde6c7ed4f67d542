// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// The branch and bound's class, shared by the files that define its parts (internal): the
// preparation and multipliers (search_prepare.cpp), a caller's starting portfolio
// (search_start.cpp), and the bound, moves and depth-first search (search_branch.cpp, one file so
// that the compiler can inline the bound and the moves into the search). search.cpp runs it.
#pragma once

#include "engine/solve/lagrangian.h"
#include "engine/solve/search.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

namespace whichforum::detail {

inline double to_double(const Int128& x) { return static_cast<double>(x); }
inline double to_double(const boost::multiprecision::cpp_int& x) { return x.convert_to<double>(); }

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

  // ---- preparation: search_prepare.cpp ----------------------------------------------------------
  void prepare();
  void prepare_pairs();
  void prepare_options();
  void prepare_rows();
  void install();
  void set_lambda(Row& row);
  void set_best(Row& row);
  void tune_multipliers();
  Row tuned_row(const std::vector<size_t>& priced, const std::vector<double>& lambda, double norm, double scale);
  void lagrangian_heuristic(const DualProblem& d, const DualMultipliers& m);

  // ---- a caller's starting portfolio: search_start.cpp ------------------------------------------

  // A portfolio being built or repaired (the Lagrangian heuristic's, or a caller's start):
  // option indices into opts_ (-1 for none) and its running totals.
  struct Start {
    std::vector<int> taken;
    std::vector<C> cost;
    size_t count = 0;
    std::vector<size_t> groups;  // items taken per at_most_one group
  };
  void offer_start(const std::vector<int>& start);
  void offer_repaired(const std::vector<int>& taken, bool improve);
  void move_to(Start& s, size_t i, int o) const;
  V start_gain(const Start& s, size_t i, int o) const;
  bool droppable(const Start& s, size_t i) const;
  bool charge(unsigned long long k);
  bool make_fit(Start& s);
  void fill(Start& s);
  V start_value(const Start& s) const;
  void improve_once(Start& s);
  void offer_if_feasible(const Start& s);

  // ---- the bound: search_branch.cpp -------------------------------------------------------------
  bool could_take(size_t b) const;
  V h(const Row& row, size_t i) const;
  bool prune() const;
  bool tie_lost() const;

  // ---- moves: search_branch.cpp -----------------------------------------------------------------
  void unfree(size_t i);
  void refree(size_t i);
  void shift(size_t j, const V& by);
  V take(size_t i, size_t o);
  void untake(size_t i, size_t o, const V& added);
  void leave(size_t i);
  void unleave(size_t i);

  // ---- the search: search_branch.cpp ------------------------------------------------------------

  void leaf() { offer(cur_value_, cur_cost_, count_, choice_); }
  void offer(const V& value, const std::vector<C>& cost, size_t count, const std::vector<int>& choice);
  void dfs(size_t depth);

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
  size_t changes_ = 0;  // items decided differently from the problem's baseline (max_changes)
  /// Whether taking option index `index` (the problem's; -1 for none) of item i is a change.
  [[nodiscard]] bool is_change(size_t i, int index) const {
    return index != (i < p_.baseline.size() ? p_.baseline[i] : -1);
  }
  bool dead_ = false, stop_ = false, found_ = false, hinted_ = false;
  std::vector<int> best_choice_;
  std::vector<C> best_cost_;
  V best_value_ = 0;
  size_t best_count_ = 0;
};

}  // namespace whichforum::detail
