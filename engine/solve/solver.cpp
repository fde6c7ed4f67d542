// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Evaluating a choice, the tie rule, solve() on the shared search, and the brute-force reference.
#include "engine/solve/solver.h"

#include "engine/solve/scaling.h"
#include "engine/solve/search.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <optional>
#include <type_traits>

namespace whichforum {

using boost::multiprecision::cpp_int;

namespace {

bool constraints_hold(const Problem& p, const std::vector<int>& choice, size_t count) {
  if (p.max_changes && changes(p, choice) > *p.max_changes) return false;
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

using detail::Scales;
using detail::scaled;
using detail::scales_of;

// The problem's costs and values as integers of `Ints` on the scales of `s`.
template <class Ints>
detail::IntCosts<typename Ints::Cost> int_costs(const Problem& p, const Scales& s) {
  using C = typename Ints::Cost;
  auto to = [](const Exact& x, const cpp_int& scale) { return static_cast<C>(scaled(x, scale)); };
  detail::IntCosts<C> out;
  for (const auto& item : p.items) {
    out.cost.emplace_back();
    for (const auto& o : item.options) {
      std::vector<C> c;
      for (size_t r = 0; r < p.resources.size(); ++r) c.push_back(to(o.cost[r], s.cost[r]));
      out.cost.back().push_back(std::move(c));
    }
  }
  for (size_t r = 0; r < p.resources.size(); ++r) out.budget.push_back(to(p.budget[r], s.cost[r]));
  return out;
}

template <class Ints>
detail::IntValues<typename Ints::Value> int_values(const Problem& p, const Scales& s) {
  using V = typename Ints::Value;
  auto to = [&](const Exact& x) {
    if constexpr (std::is_same_v<V, cpp_int>) {
      return scaled(x, s.value);
    } else {
      return detail::to_int128(scaled(x, s.value));
    }
  };
  detail::IntValues<V> out;
  for (const auto& item : p.items) {
    out.value.emplace_back();
    for (const auto& o : item.options) out.value.back().push_back(to(o.value));
  }
  for (const auto& q : p.penalties) out.penalties.push_back({{q.a, q.b}, to(q.amount)});
  return out;
}

}  // namespace

size_t changes(const Problem& p, const std::vector<int>& choice) {
  size_t n = 0;
  for (size_t i = 0; i < choice.size(); ++i) {
    const int today = i < p.baseline.size() ? p.baseline[i] : -1;
    n += choice[i] != today ? 1 : 0;
  }
  return n;
}

Problem without_none_values(const Problem& p) {
  Problem q = p;
  for (auto& item : q.items) {
    if (item.none_value == 0) continue;
    for (auto& o : item.options) o.value -= item.none_value;
    item.none_value = 0;
  }
  return q;
}

namespace {

bool has_none_values(const Problem& p) {
  return std::any_of(p.items.begin(), p.items.end(), [](const Item& i) { return i.none_value != 0; });
}

}  // namespace

Evaluation evaluate(const Problem& p, const std::vector<int>& choice) {
  Evaluation s;
  s.choice = choice;
  s.cost.assign(p.resources.size(), Exact(0));
  for (size_t i = 0; i < choice.size(); ++i) {
    if (choice[i] < 0) {
      s.value += p.items[i].none_value;
      continue;
    }
    const Option& o = p.items[i].options[static_cast<size_t>(choice[i])];
    s.value += o.value;
    for (size_t r = 0; r < s.cost.size(); ++r) s.cost[r] += o.cost[r];
    ++s.count;
  }
  for (const auto& q : p.penalties) {
    if (choice[q.a] >= 0 && choice[q.b] >= 0) s.value -= q.amount;
  }
  if (!p.needs.empty()) s.value += coverage_value(p, choice);
  bool within = true;
  for (size_t r = 0; r < s.cost.size(); ++r) within = within && s.cost[r] <= p.budget[r];
  s.meets_constraints = within && constraints_hold(p, choice, s.count);
  return s;
}

std::vector<Exact> coverage(const Problem& p, const std::vector<int>& choice) {
  std::vector<Exact> left(p.needs.size(), Exact(1));
  for (size_t i = 0; i < choice.size() && i < p.items.size(); ++i) {
    if (choice[i] < 0) continue;
    for (const auto& [n, share] : p.items[i].options[static_cast<size_t>(choice[i])].shares) left[n] *= 1 - share;
  }
  for (auto& x : left) x = 1 - x;
  return left;
}

Exact coverage_value(const Problem& p, const std::vector<int>& choice) {
  const std::vector<Exact> c = coverage(p, choice);
  Exact v = 0;
  for (size_t n = 0; n < c.size(); ++n) {
    if (c[n] != 0 && p.needs[n].weight != 0) v += p.needs[n].weight * c[n];
  }
  return v;
}

Exact standalone_value(const Problem& p, size_t i, size_t o) {
  const Option& opt = p.items[i].options[o];
  Exact v = opt.value;
  for (const auto& [n, share] : opt.shares) v += p.needs[n].weight * share;
  return v;
}

Exact shared_loss(const Problem& p, const std::vector<int>& choice) {
  Exact alone = 0, linear = 0;
  for (size_t i = 0; i < choice.size() && i < p.items.size(); ++i) {
    if (choice[i] < 0) continue;
    alone += standalone_value(p, i, static_cast<size_t>(choice[i]));
    linear += p.items[i].options[static_cast<size_t>(choice[i])].value;
  }
  Exact together = linear + coverage_value(p, choice);
  for (const auto& q : p.penalties) {
    if (choice[q.a] >= 0 && choice[q.b] >= 0) together -= q.amount;
  }
  return alone - together;
}

bool preferred(const Portfolio& a, const Portfolio& b) {
  if (a.value != b.value) return a.value > b.value;
  for (size_t r = 0; r < a.cost.size(); ++r) {
    if (a.cost[r] != b.cost[r]) return a.cost[r] < b.cost[r];
  }
  return detail::compare_tail(a.count, a.choice, b.count, b.choice) < 0;
}

Solution solve(const Problem& p, unsigned long long max_steps, const SolveHint* hint) {
  if (has_none_values(p)) {
    Solution s = solve(without_none_values(p), max_steps, hint);
    if (s.optimal()) static_cast<Portfolio&>(s) = evaluate(p, s.choice);
    return s;
  }
  // Scaling to integers and valuing the answer exactly cost about 16 steps' time per option and
  // per penalty; that is charged first, so that a problem too large to prepare within the limit
  // is not prepared at all, and a budget shared by many solves bounds their preparation too.
  size_t options = 0;
  for (const auto& item : p.items) options += item.options.size();
  const unsigned long long prepare = 16ULL * (options + p.penalties.size() + 1);
  if (prepare >= max_steps) {
    Solution stopped;
    stopped.status = AnswerStatus::kLimitReached;
    stopped.steps = max_steps;
    return stopped;
  }
  detail::SearchResult r;
  if (!p.needs.empty()) {
    r = detail::search_coverage(p, max_steps - prepare, hint);
    Solution sol;
    if (r.found) static_cast<Portfolio&>(sol) = evaluate(p, r.choice);
    sol.status = r.limit_reached ? AnswerStatus::kLimitReached : r.found ? AnswerStatus::kOptimal : AnswerStatus::kInfeasible;
    sol.steps = prepare + r.steps;
    return sol;
  }
  const Scales scales = scales_of(p);
  if (detail::fits_fast(scales.value_bits, scales.cost_bits, p.items.size())) {
    r = detail::search<detail::FastInts>(p, int_costs<detail::FastInts>(p, scales),
                                         int_values<detail::FastInts>(p, scales), max_steps - prepare, hint);
  } else {
    r = detail::search<detail::BigInts>(p, int_costs<detail::BigInts>(p, scales),
                                        int_values<detail::BigInts>(p, scales), max_steps - prepare, hint);
  }
  Solution sol;
  if (r.found) static_cast<Portfolio&>(sol) = evaluate(p, r.choice);
  sol.status = r.limit_reached ? AnswerStatus::kLimitReached : r.found ? AnswerStatus::kOptimal : AnswerStatus::kInfeasible;
  sol.steps = prepare + r.steps;
  return sol;
}

Solution SearchBudget::solve(const Problem& p, const SolveHint* hint) {
  Solution s = exhausted_ ? Solution{} : whichforum::solve(p, left_, hint);
  exhausted_ = exhausted_ || s.limit_reached();
  if (exhausted_) s.status = AnswerStatus::kLimitReached;
  left_ -= std::min(left_, s.steps);
  return s;
}

std::string search_limit_message(const Problem& p) {
  size_t options = 0;
  for (const auto& item : p.items) options += item.options.size();
  return "the search for the optimal portfolio stopped at its limit of " + std::to_string(kMaxSearchSteps) +
         " steps (" + std::to_string(p.items.size()) + " forums, " + std::to_string(options) +
         " open levels, " + std::to_string(p.penalties.size()) +
         " overlapping pairs) before proving an optimum; no portfolio is given rather than one that may not be "
         "optimal. Narrow the problem (exclude forums, name must-include ones, set max_forums), or solve the "
         "exported LP (whichforum export --format lp) with a MILP solver";
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
        if (c == 0) c = detail::compare_tail(count, choice, best_count, best_choice);
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
  if (found) {
    static_cast<Portfolio&>(best) = evaluate(p, best_choice);
    best.status = AnswerStatus::kOptimal;
  }
  best.steps = nodes;
  return best;
}

// With needs, values do not add up item by item: every choice is valued exactly with evaluate
// and compared with the tie rule (slow, for the small problems of tests).
Solution brute_force_coverage(const Problem& p) {
  const size_t n = p.items.size(), R = p.resources.size();
  std::vector<int> choice(n, -1);
  std::vector<Exact> cost(R, Exact(0));
  std::optional<Evaluation> best;
  unsigned long long nodes = 0;
  auto rec = [&](auto&& self, size_t i) -> void {
    ++nodes;
    if (i == n) {
      Evaluation e = evaluate(p, choice);
      if (e.meets_constraints && (!best || preferred(e, *best))) best = std::move(e);
      return;
    }
    self(self, i + 1);
    for (size_t o = 0; o < p.items[i].options.size(); ++o) {
      const Option& opt = p.items[i].options[o];
      bool fits = true;
      for (size_t r = 0; r < R && fits; ++r) fits = cost[r] + opt.cost[r] <= p.budget[r];
      if (!fits) continue;
      for (size_t r = 0; r < R; ++r) cost[r] += opt.cost[r];
      choice[i] = static_cast<int>(o);
      self(self, i + 1);
      choice[i] = -1;
      for (size_t r = 0; r < R; ++r) cost[r] -= opt.cost[r];
    }
  };
  rec(rec, 0);
  Solution s;
  if (best) {
    static_cast<Portfolio&>(s) = *best;
    s.status = AnswerStatus::kOptimal;
  }
  s.steps = nodes;
  return s;
}

}  // namespace

Solution solve_brute_force(const Problem& p) {
  if (has_none_values(p)) {
    Solution s = solve_brute_force(without_none_values(p));
    if (s.optimal()) static_cast<Portfolio&>(s) = evaluate(p, s.choice);
    return s;
  }
  if (!p.needs.empty()) return brute_force_coverage(p);
  Scales scales = scales_of(p);
  return scales.fits_int64 ? brute_force<std::int64_t>(p, scales) : brute_force<cpp_int>(p, scales);
}

}  // namespace whichforum
