// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// The non-dominated portfolios over a weight set, exactly: a depth-first search on integers
// valued at the set's vertices, with a Lagrangian bound per vertex; and the brute force for tests.
#include "engine/robust.h"

#include "engine/robust_parts.h"
#include "engine/solve/lagrangian.h"
#include "engine/solve/scaling.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace whichforum {

using boost::multiprecision::cpp_int;
using detail::dot;
using detail::value_at;

namespace {

// The tie rule's order of portfolios that are worth the same: costs, count, choice.
bool tail_before(const Problem& p, const std::vector<int>& a, const std::vector<int>& b) {
  Evaluation sa = evaluate(p, a), sb = evaluate(p, b);
  sa.value = 0;
  sb.value = 0;
  return preferred(sa, sb);
}

// -1: a dominates b; 1: b dominates a; 0: neither (or equal: `equal` set).
template <class Int>
int compare_vectors(const std::vector<Int>& a, const std::vector<Int>& b, bool* equal) {
  bool a_better = false, b_better = false;
  for (size_t j = 0; j < a.size(); ++j) {
    if (a[j] > b[j]) a_better = true;
    if (b[j] > a[j]) b_better = true;
  }
  *equal = !a_better && !b_better;
  if (a_better && !b_better) return -1;
  if (b_better && !a_better) return 1;
  return 0;
}

// The values of every option and penalty at each vertex of the set, scaled per vertex to
// integers; and costs and budgets scaled per resource.
struct ScaledVectors {
  std::vector<std::vector<std::vector<cpp_int>>> value;  // item, option, vertex
  std::vector<std::vector<cpp_int>> penalty;             // penalty, vertex
  std::vector<std::vector<std::vector<cpp_int>>> cost;   // item, option, resource
  std::vector<cpp_int> budget;
  bool fits_int64 = false;
};

ScaledVectors scale_vectors(const LinearProblem& lp, const WeightSet& set) {
  const Problem& p = lp.problem;
  const size_t m = set.vertices.size(), R = p.resources.size();
  std::vector<std::vector<std::vector<Exact>>> v(p.items.size());
  std::vector<std::vector<Exact>> pen(p.penalties.size());
  std::vector<std::vector<Exact>> per_vertex(m);
  for (size_t i = 0; i < p.items.size(); ++i) {
    for (size_t o = 0; o < p.items[i].options.size(); ++o) {
      std::vector<Exact> row;
      for (size_t j = 0; j < m; ++j) {
        row.push_back(dot(set.vertices[j], lp.unit[i][o]));
        per_vertex[j].push_back(row.back());
      }
      v[i].push_back(std::move(row));
    }
  }
  for (size_t q = 0; q < p.penalties.size(); ++q) {
    for (size_t j = 0; j < m; ++j) {
      pen[q].push_back(dot(set.vertices[j], lp.penalty_unit[q]));
      per_vertex[j].push_back(pen[q].back());
    }
  }
  std::vector<cpp_int> vscale;
  for (size_t j = 0; j < m; ++j) vscale.push_back(common_denominator(per_vertex[j]));
  std::vector<std::vector<Exact>> per_resource(R);
  for (const auto& item : p.items) {
    for (const auto& o : item.options) {
      for (size_t r = 0; r < R; ++r) per_resource[r].push_back(o.cost[r]);
    }
  }
  for (size_t r = 0; r < R; ++r) per_resource[r].push_back(p.budget[r]);
  std::vector<cpp_int> cscale;
  for (size_t r = 0; r < R; ++r) cscale.push_back(common_denominator(per_resource[r]));

  ScaledVectors s;
  const cpp_int limit = cpp_int(1) << 62;
  std::vector<cpp_int> vtotal(m, cpp_int(0)), ctotal(R, cpp_int(0));
  s.value.resize(p.items.size());
  s.cost.resize(p.items.size());
  for (size_t i = 0; i < p.items.size(); ++i) {
    for (size_t o = 0; o < p.items[i].options.size(); ++o) {
      std::vector<cpp_int> row, crow;
      for (size_t j = 0; j < m; ++j) {
        row.push_back(scaled(v[i][o][j], vscale[j]));
        vtotal[j] += abs(row.back());
      }
      for (size_t r = 0; r < R; ++r) {
        crow.push_back(scaled(p.items[i].options[o].cost[r], cscale[r]));
        ctotal[r] += crow.back();
      }
      s.value[i].push_back(std::move(row));
      s.cost[i].push_back(std::move(crow));
    }
  }
  for (size_t q = 0; q < p.penalties.size(); ++q) {
    std::vector<cpp_int> row;
    for (size_t j = 0; j < m; ++j) {
      row.push_back(scaled(pen[q][j], vscale[j]));
      vtotal[j] += abs(row.back());
    }
    s.penalty.push_back(std::move(row));
  }
  s.fits_int64 = true;
  for (size_t r = 0; r < R; ++r) {
    s.budget.push_back(scaled(p.budget[r], cscale[r]));
    s.fits_int64 = s.fits_int64 && ctotal[r] + s.budget[r] < limit;
  }
  for (size_t j = 0; j < m; ++j) s.fits_int64 = s.fits_int64 && vtotal[j] < limit;
  return s;
}

// The rows the non-dominated search prices at each vertex: every resource with a budget, then
// the count of forums when max_forums binds.
size_t priced_rows(const Problem& p) { return p.resources.size() + 1; }

// Per vertex, multipliers of the Lagrangian dual of the budgets and the count (all at once),
// in value units per unit of each row, from the dual of that vertex's values (doubles: any
// multipliers >= 0 give a valid bound, so they only choose how tight it is). Also, per item,
// what the duals credit it with, averaged over the vertices: the search takes items in that
// order, so that its first dives meet good portfolios.
struct VertexDuals {
  std::vector<std::vector<double>> lambda;  // vertex -> row (resources, then the count)
  std::vector<std::vector<double>> mu;      // vertex -> penalty: the pair's charge, in value units
  std::vector<double> credit;               // item
};

VertexDuals vertex_duals(const Problem& p, const ScaledVectors& s, size_t m) {
  const size_t n = p.items.size(), R = p.resources.size();
  VertexDuals out;
  out.lambda.assign(m, std::vector<double>(priced_rows(p), 0.0));
  out.mu.assign(m, std::vector<double>(p.penalties.size(), 0.0));
  out.credit.assign(n, 0.0);
  std::vector<double> capacity(R + 1, 0.0);
  for (size_t r = 0; r < R; ++r) capacity[r] = s.budget[r].convert_to<double>();
  if (p.max_items) capacity[R] = static_cast<double>(*p.max_items);
  std::vector<size_t> rows;  // rows with room: a zero budget admits no option that uses it anyway
  for (size_t k = 0; k <= R; ++k) {
    if (capacity[k] > 0) rows.push_back(k);
  }
  std::vector<bool> must(n, false);
  for (size_t i : p.must) must[i] = true;
  for (size_t j = 0; j < m; ++j) {
    detail::DualProblem d;
    double scale = 1;
    for (const auto& item : s.value) {
      for (const auto& v : item) scale = std::max(scale, std::abs(v[j].convert_to<double>()));
    }
    d.must = must;
    d.shift.assign(n, 0.0);
    d.weight.assign(rows.size(), {});
    for (size_t i = 0; i < n; ++i) {
      d.value.emplace_back();
      for (size_t k = 0; k < rows.size(); ++k) d.weight[k].emplace_back();
      for (size_t o = 0; o < s.value[i].size(); ++o) {
        d.value[i].push_back(s.value[i][o][j].convert_to<double>() / scale);
        for (size_t k = 0; k < rows.size(); ++k) {
          const size_t row = rows[k];
          double w = row < R ? s.cost[i][o][row].convert_to<double>() : 1.0;
          d.weight[k][i].push_back(w / capacity[row]);
        }
      }
    }
    std::vector<size_t> pairs;  // penalties of two distinct items that take value away
    for (size_t q = 0; q < p.penalties.size(); ++q) {
      const double amount = s.penalty[q][j].convert_to<double>() / scale;
      if (p.penalties[q].a == p.penalties[q].b || !(amount > 0)) continue;
      pairs.push_back(q);
      d.pair.push_back({p.penalties[q].a, p.penalties[q].b});
      d.penalty.push_back(amount);
    }
    detail::DualMultipliers start;
    start.lambda.assign(rows.size(), 0.0);
    start.mu.assign(pairs.size(), 0.0);
    detail::DualMultipliers best = detail::optimise_dual(d, start, std::nullopt, 2000);
    for (size_t k = 0; k < rows.size(); ++k) {
      out.lambda[j][rows[k]] = std::max(0.0, best.lambda[k]) * scale / capacity[rows[k]];
    }
    for (size_t e = 0; e < pairs.size(); ++e) out.mu[j][pairs[e]] = std::max(0.0, best.mu[e]) * scale;
    for (size_t i = 0; i < n; ++i) {
      double top = -1e300;
      for (size_t o = 0; o < d.value[i].size(); ++o) {
        double r = d.value[i][o];
        for (size_t k = 0; k < rows.size(); ++k) r -= best.lambda[k] * d.weight[k][i][o];
        top = std::max(top, r);
      }
      out.credit[i] += d.value[i].empty() ? -1e300 : top / static_cast<double>(m);
    }
  }
  return out;
}

// The problem's structure and scaled vectors with the items in `order` (new index k holds old
// item order[k]); values and costs of `p` itself are not carried (the search reads `s`).
struct Permuted {
  Problem problem;
  ScaledVectors scaled;
};

Permuted permute(const Problem& p, const ScaledVectors& s, const std::vector<size_t>& order) {
  std::vector<size_t> at(order.size());
  for (size_t k = 0; k < order.size(); ++k) at[order[k]] = k;
  Permuted out;
  Problem& q = out.problem;
  q.resources = p.resources;
  q.budget = p.budget;
  q.max_items = p.max_items;
  for (size_t k = 0; k < order.size(); ++k) q.items.push_back(p.items[order[k]]);
  for (size_t i : p.must) q.must.push_back(at[i]);
  for (const auto& [a, b] : p.implies) q.implies.emplace_back(at[a], at[b]);
  for (const auto& g : p.at_most_one) {
    std::vector<size_t> h;
    for (size_t i : g) h.push_back(at[i]);
    q.at_most_one.push_back(std::move(h));
  }
  for (const auto& pen : p.penalties) q.penalties.push_back({at[pen.a], at[pen.b], pen.amount});
  ScaledVectors& t = out.scaled;
  for (size_t k = 0; k < order.size(); ++k) {
    t.value.push_back(s.value[order[k]]);
    t.cost.push_back(s.cost[order[k]]);
  }
  t.penalty = s.penalty;
  t.budget = s.budget;
  t.fits_int64 = s.fits_int64;
  return out;
}

// Products of two values (or a value and a cost) need twice the bits: 128-bit for int64.
template <class Int>
struct WideOf {
  using type = Int;
};
template <>
struct WideOf<std::int64_t> {
  __extension__ using type = __int128;
};

template <class Int>
class NondominatedSearch {
  using Wide = typename WideOf<Int>::type;

 public:
  NondominatedSearch(const Problem& p, const ScaledVectors& s, size_t vertices, const VertexDuals& duals,
                     unsigned long long limit)
      : p_(p), limit_(limit), m_(vertices) {
    const size_t n = p.items.size();
    auto conv = [](const std::vector<cpp_int>& xs) {
      std::vector<Int> out;
      for (const auto& x : xs) out.push_back(static_cast<Int>(x));
      return out;
    };
    for (size_t i = 0; i < n; ++i) {
      value_.emplace_back();
      cost_.emplace_back();
      for (size_t o = 0; o < s.value[i].size(); ++o) {
        value_[i].push_back(conv(s.value[i][o]));
        cost_[i].push_back(conv(s.cost[i][o]));
      }
    }
    budget_ = conv(s.budget);
    pen_.assign(n, {});
    for (size_t q = 0; q < p.penalties.size(); ++q) penalty_.push_back(conv(s.penalty[q]));
    for (size_t q = 0; q < p.penalties.size(); ++q) {
      size_t hi = std::max(p.penalties[q].a, p.penalties[q].b), lo = std::min(p.penalties[q].a, p.penalties[q].b);
      pen_[hi].emplace_back(lo, conv(s.penalty[q]));
    }
    // What the items from i on can add at most, at each vertex (penalties only take away).
    rest_.assign(n + 1, std::vector<Int>(m_, Int(0)));
    for (size_t i = n; i-- > 0;) {
      for (size_t j = 0; j < m_; ++j) {
        Int best = 0;
        for (const auto& v : value_[i]) best = std::max(best, v[j]);
        rest_[i][j] = rest_[i + 1][j] + best;
      }
    }
    // For the budget bound: at each vertex and for each resource, the options with positive value
    // there by value per unit of that resource, best first (free ones first of all).
    order_.assign(m_, std::vector<std::vector<std::pair<size_t, size_t>>>(budget_.size()));
    for (size_t j = 0; j < m_; ++j) {
      for (size_t r = 0; r < budget_.size(); ++r) {
        auto& list = order_[j][r];
        for (size_t i = 0; i < n; ++i) {
          for (size_t o = 0; o < value_[i].size(); ++o) {
            if (value_[i][o][j] > 0) list.emplace_back(i, o);
          }
        }
        // a/ca > b/cb  <=>  a cb > b ca (costs >= 0; a zero cost ranks first).
        std::stable_sort(list.begin(), list.end(), [&](const auto& x, const auto& y) {
          const Int& vx = value_[x.first][x.second][j];
          const Int& vy = value_[y.first][y.second][j];
          const Int& cx = cost_[x.first][x.second][r];
          const Int& cy = cost_[y.first][y.second][r];
          return Wide(vx) * Wide(cy) > Wide(vy) * Wide(cx);
        });
      }
    }
    set_dual_bound(duals);
    must_.assign(n, false);
    for (size_t i : p.must) must_[i] = true;
    group_of_.assign(n, {});
    for (size_t g = 0; g < p.at_most_one.size(); ++g) {
      for (size_t i : p.at_most_one[g]) group_of_[i].push_back(g);
    }
    group_count_.assign(p.at_most_one.size(), 0);
    choice_.assign(n, -1);
    cur_.assign(m_, Int(0));
    bound_.assign(m_, Int(0));
    lowered_.assign(m_, 0);
    delta_.assign(n, std::vector<Int>(m_, Int(0)));
    used_.assign(budget_.size(), Int(0));
  }

  bool run() {
    dfs(0);
    return !stopped_;
  }

  std::vector<std::vector<int>> choices;
  std::vector<std::vector<Int>> vectors;

 private:
  // The Lagrangian bound at each vertex j, on integers scaled by 2^shift_j. Relaxing every row
  // k (each budget, the count) with a multiplier L_jk / 2^shift_j >= 0, and each overlap pair
  // of two free items with a charge mu in [0, its penalty] (choosing both loses the penalty >=
  // mu (x_a + x_b - 1)), the free items add at most
  //   sum over free i of max(0, g_ji - charge_ji)  +  sum over free pairs of mu  +  sum_k L_jk left_k
  // where g_ji = max_o (2^shift_j v - sum_k L_jk w_k) and charge_ji is i's pairs' mu with free
  // items plus the whole penalty of its pairs with taken ones. The sums are kept as items are
  // decided (dual_decide), so a node pays only for the rows. Every budget is priced at once,
  // which the single-resource knapsack bounds below cannot do, and overlap is charged, which
  // they ignore. Sizes: values, penalties and costs add up to < 2^62 (fits_int64), 2^shift_j x
  // the values to < 2^100, each L_jk x a row's total to < 2^123, so every sum fits 127 bits;
  // cpp_int needs no such care. Vertices where a penalty is a gain (never, from the model) go
  // without this bound.
  void set_dual_bound(const VertexDuals& duals) {
    const size_t n = p_.items.size(), R = budget_.size();
    const size_t columns = m_ * kDualVariants;
    dual_mult_.assign(columns, std::vector<Wide>(R + 1, Wide(0)));
    dual_shift_.assign(columns, 0);
    dual_on_.assign(columns, false);
    dual_g_.assign(columns, std::vector<Wide>(n, Wide(0)));
    dual_charge_.assign(columns, std::vector<Wide>(n, Wide(0)));
    dual_sum_.assign(columns, Wide(0));
    dual_later_.assign(n, {});
    std::vector<Wide> row_total(R + 1, Wide(0));
    for (size_t r = 0; r < R; ++r) row_total[r] = Wide(budget_[r]);
    for (size_t i = 0; i < n; ++i) {
      for (size_t o = 0; o < cost_[i].size(); ++o) {
        for (size_t r = 0; r < R; ++r) row_total[r] += Wide(cost_[i][o][r]);
        row_total[R] += 1;
      }
    }
    for (size_t c = 0; c < columns; ++c) {
      const size_t j = c / kDualVariants;
      const double factor = kDualFactor[c % kDualVariants];
      Wide vtotal = 1;
      for (size_t i = 0; i < n; ++i) {
        for (const auto& v : value_[i]) vtotal += Wide(v[j] < 0 ? -v[j] : v[j]);
      }
      bool gains = false;
      for (const auto& amount : penalty_) gains = gains || amount[j] < 0;
      int vbits = 0;
      while (vbits < 200 && (Wide(1) << vbits) <= vtotal) ++vbits;
      if (gains || vbits > 99) continue;
      double top = 0;
      for (double l : duals.lambda[j]) top = std::max(top, l * factor);
      // 2^shift x the largest multiplier about 2^40, for precision; within the sizes above.
      int shift = top > 0 ? 40 - static_cast<int>(std::ceil(std::log2(top))) : 20;
      shift = std::clamp(shift, 0, 100 - vbits);
      dual_shift_[c] = shift;
      dual_on_[c] = true;
      for (size_t k = 0; k <= R; ++k) {
        if (k == R && !p_.max_items) continue;
        double scaled = std::ldexp(duals.lambda[j][k] * factor, shift);
        if (!(scaled >= 1)) continue;
        Wide cap = (Wide(1) << 123) / (row_total[k] + 1);
        Wide mult = scaled >= 0x1p61 ? (Wide(1) << 61) : Wide(static_cast<std::int64_t>(scaled));
        dual_mult_[c][k] = std::min(mult, cap);
      }
      for (size_t i = 0; i < n; ++i) {
        Wide best = 0;  // no option: nothing to add
        for (size_t o = 0; o < value_[i].size(); ++o) {
          Wide r = Wide(value_[i][o][j]) * (Wide(1) << shift);  // a value may be negative: no shift of it
          for (size_t k = 0; k < R; ++k) r -= dual_mult_[c][k] * Wide(cost_[i][o][k]);
          r -= dual_mult_[c][R];
          best = o == 0 ? r : std::max(best, r);
        }
        dual_g_[c][i] = best;
      }
    }
    for (size_t q = 0; q < p_.penalties.size(); ++q) {
      size_t a = p_.penalties[q].a, b = p_.penalties[q].b;
      if (a == b) continue;
      if (a > b) std::swap(a, b);
      DualPair pair{b, {}, {}};
      for (size_t c = 0; c < columns; ++c) {
        const size_t j = c / kDualVariants;
        const Wide whole = dual_on_[c] ? Wide(penalty_[q][j]) << dual_shift_[c] : Wide(0);
        Wide mu = 0;
        double scaled = dual_on_[c] ? std::ldexp(duals.mu[j][q], dual_shift_[c]) : 0.0;
        if (scaled >= 1) {
          mu = scaled < 0x1p62    ? Wide(static_cast<std::int64_t>(scaled))
               : scaled < 0x1p100 ? Wide(static_cast<std::int64_t>(std::ldexp(scaled, -40))) << 40
                                  : whole;
        }
        mu = std::min(mu, whole);
        pair.whole.push_back(whole);
        pair.mu.push_back(mu);
        dual_charge_[c][a] += mu;
        dual_charge_[c][b] += mu;
        dual_sum_[c] += mu;
      }
      dual_later_[a].push_back(std::move(pair));
    }
    for (size_t c = 0; c < columns; ++c) {
      for (size_t i = 0; i < n; ++i) dual_sum_[c] += dual_h(c, i);
    }
  }

  // What free item i can add at vertex j on the dual bound's scale.
  Wide dual_h(size_t j, size_t i) const {
    Wide x = dual_g_[j][i] - dual_charge_[j][i];
    return x > 0 ? x : Wide(0);
  }

  // Item i leaves the free items, taken or not; `undo` reverses the same call exactly.
  void dual_decide(size_t i, bool taken, bool undo) {
    for (size_t j = 0; j < dual_on_.size(); ++j) {
      if (!dual_on_[j]) continue;
      if (!undo) dual_sum_[j] -= dual_h(j, i);
      for (const auto& pair : dual_later_[i]) {
        // A taken item's free neighbour pays the whole penalty; a left one's pays nothing.
        const Wide by = taken ? Wide(pair.whole[j] - pair.mu[j]) : Wide(-pair.mu[j]);
        const Wide before = dual_h(j, pair.other);
        dual_charge_[j][pair.other] += undo ? -by : by;
        dual_sum_[j] += dual_h(j, pair.other) - before + (undo ? pair.mu[j] : -pair.mu[j]);
      }
      if (undo) dual_sum_[j] += dual_h(j, i);
    }
  }

  // The most the free items can add at vertex j by the Lagrangian bound (nonnegative).
  Wide dual_bound(size_t j) const {
    Wide b = dual_sum_[j];
    const size_t R = budget_.size();
    for (size_t k = 0; k < R; ++k) b += dual_mult_[j][k] * Wide(budget_[k] - used_[k]);
    if (p_.max_items) b += dual_mult_[j][R] * Wide(static_cast<std::int64_t>(*p_.max_items - count_));
    return b >> dual_shift_[j];
  }

  // The most the items from i on can add at vertex j within what is left of resource r: the
  // fractional knapsack over their options taken as independent items (a relaxation of "one
  // option per item"), rounded up.
  Int knapsack_bound(size_t i, size_t j, size_t r) const {
    Int left = budget_[r] - used_[r];
    Int total = 0;
    for (const auto& [item, o] : order_[j][r]) {
      if (item < i) continue;
      const Int& v = value_[item][o][j];
      const Int& c = cost_[item][o][r];
      if (c <= left) {
        total += v;
        left -= c;
        continue;
      }
      total += static_cast<Int>((Wide(v) * Wide(left) + Wide(c) - 1) / Wide(c));
      break;
    }
    return total;
  }

  // The bound at extreme point j, tightened step by step (each remaining item's best option,
  // then each of the dual bounds, or each budget's knapsack bound) only while it is not yet
  // below `x`: most nodes are decided by the first steps. lowered_[j] counts the steps done.
  const Int& bound_below(size_t i, size_t j, const Int& x) {
    const bool dual = dual_on_[j * kDualVariants];
    const size_t steps = dual ? kDualVariants : budget_.size();
    while (lowered_[j] == 0 || (lowered_[j] <= steps && bound_[j] >= x)) {
      const size_t k = lowered_[j]++;
      if (k == 0) {
        bound_[j] = cur_[j] + rest_[i][j];
      } else if (dual) {
        const Wide lag = dual_bound(j * kDualVariants + k - 1);
        if (lag < Wide(bound_[j] - cur_[j])) bound_[j] = cur_[j] + static_cast<Int>(lag);
      } else {
        bound_[j] = std::min(bound_[j], cur_[j] + knapsack_bound(i, j, k - 1));
      }
    }
    return bound_[j];
  }

  // Whether a portfolio found is at least as good as the node's bound at every extreme point and
  // better at one (the bound tightened only as far as that question needs).
  bool pruned(size_t i) {
    std::fill(lowered_.begin(), lowered_.end(), 0);
    for (const auto& v : vectors) {
      bool better = false, worse = false;
      for (size_t j = 0; j < m_ && !worse; ++j) {
        const Int& b = bound_below(i, j, v[j]);
        worse = v[j] < b;
        better = better || v[j] > b;
      }
      if (better && !worse) return true;
    }
    return false;
  }

  void leaf() {
    for (const auto& [a, b] : p_.implies) {
      if (choice_[a] >= 0 && choice_[b] < 0) return;
    }
    // Most leaves are dominated by a portfolio already found: that test first, stopping at the
    // first point where the found one is worse.
    for (const auto& v : vectors) {
      bool better = false, worse = false;
      for (size_t j = 0; j < m_ && !worse; ++j) {
        better = better || v[j] > cur_[j];
        worse = v[j] < cur_[j];
      }
      if (better && !worse) return;
    }
    size_t keep = 0;
    for (size_t k = 0; k < vectors.size(); ++k) {
      bool equal = false;
      if (compare_vectors(cur_, vectors[k], &equal) == -1) continue;
      if (keep != k) {
        vectors[keep] = std::move(vectors[k]);
        choices[keep] = std::move(choices[k]);
      }
      ++keep;
    }
    vectors.resize(keep);
    choices.resize(keep);
    vectors.push_back(cur_);
    choices.push_back(choice_);
  }

  void dfs(size_t i) {
    if (stopped_ || ++nodes_ > limit_) {
      stopped_ = true;
      return;
    }
    if (!vectors.empty() && pruned(i)) return;
    if (i == p_.items.size()) {
      leaf();
      return;
    }
    bool can = !p_.max_items || count_ < *p_.max_items;
    for (size_t g : group_of_[i]) can = can && group_count_[g] == 0;
    for (const auto& [a, b] : p_.implies) {
      if (a == i && b < i && choice_[b] < 0) can = false;
    }
    if (can) {
      dual_decide(i, true, false);
      for (size_t o = 0; o < value_[i].size(); ++o) {
        bool fits = true;
        for (size_t r = 0; r < budget_.size() && fits; ++r) fits = used_[r] + cost_[i][o][r] <= budget_[r];
        if (!fits) continue;
        for (size_t r = 0; r < budget_.size(); ++r) used_[r] += cost_[i][o][r];
        for (size_t g : group_of_[i]) ++group_count_[g];
        std::vector<Int>& delta = delta_[i];
        delta = value_[i][o];
        for (const auto& [j, amount] : pen_[i]) {
          if (choice_[j] < 0) continue;
          for (size_t k = 0; k < m_; ++k) delta[k] -= amount[k];
        }
        for (size_t k = 0; k < m_; ++k) cur_[k] += delta[k];
        choice_[i] = static_cast<int>(o);
        ++count_;
        dfs(i + 1);
        --count_;
        choice_[i] = -1;
        for (size_t k = 0; k < m_; ++k) cur_[k] -= delta[k];
        for (size_t g : group_of_[i]) --group_count_[g];
        for (size_t r = 0; r < budget_.size(); ++r) used_[r] -= cost_[i][o][r];
      }
      dual_decide(i, true, true);
    }
    if (must_[i]) return;
    for (const auto& [a, b] : p_.implies) {
      if (b == i && a < i && choice_[a] >= 0) return;
    }
    dual_decide(i, false, false);
    dfs(i + 1);
    dual_decide(i, false, true);
  }

  const Problem& p_;
  unsigned long long limit_;
  unsigned long long nodes_ = 0;
  bool stopped_ = false;
  size_t m_ = 0;
  std::vector<std::vector<std::vector<Int>>> value_, cost_;
  std::vector<Int> budget_;
  std::vector<std::vector<std::pair<size_t, std::vector<Int>>>> pen_;
  std::vector<std::vector<Int>> rest_;
  std::vector<std::vector<std::vector<std::pair<size_t, size_t>>>> order_;  // vertex, resource -> options
  std::vector<bool> must_;
  std::vector<std::vector<size_t>> group_of_;
  std::vector<size_t> group_count_;
  std::vector<int> choice_;
  std::vector<Int> cur_, used_, bound_;
  std::vector<size_t> lowered_;          // extreme point -> steps of bound_below() done at this node
  std::vector<std::vector<Int>> delta_;  // item -> what taking it added (for undoing)
  size_t count_ = 0;
  // Each extreme point's bound is kept with its multipliers as tuned at the root and scaled by
  // 7/8 and 9/8: deeper in the tree the budgets left move the best multiplier, and the least of
  // these follows it part of the way (as the single-objective search does).
  static constexpr size_t kDualVariants = 3;
  static constexpr double kDualFactor[kDualVariants] = {1.0, 0.875, 1.125};
  struct DualPair {
    size_t other;             // the later item of the pair
    std::vector<Wide> whole;  // vertex -> the penalty x 2^shift
    std::vector<Wide> mu;     // vertex -> the charge while both are free, in [0, whole]
  };
  std::vector<std::vector<Wide>> dual_mult_;    // vertex -> row: L_jk
  std::vector<int> dual_shift_;                 // vertex
  std::vector<bool> dual_on_;                   // vertex: the bound is kept there
  std::vector<std::vector<Wide>> dual_g_;       // vertex -> item
  std::vector<std::vector<Wide>> dual_charge_;  // vertex -> free item
  std::vector<Wide> dual_sum_;                  // vertex: sum of dual_h over free items + free pairs' mu
  std::vector<std::vector<DualPair>> dual_later_;  // item -> its pairs with later items
  std::vector<std::vector<Int>> penalty_;          // penalty -> vertex
};

std::vector<Nondominated> finish(const LinearProblem& lp, const WeightSet& set, std::vector<std::vector<int>> choices) {
  std::sort(choices.begin(), choices.end(),
            [&](const auto& a, const auto& b) { return tail_before(lp.problem, a, b); });
  std::vector<Nondominated> out;
  for (auto& c : choices) {
    Nondominated nd;
    for (const auto& v : set.vertices) nd.values.push_back(value_at(lp, c, v));
    nd.choice = std::move(c);
    out.push_back(std::move(nd));
  }
  for (size_t a = 0; a < out.size(); ++a) {
    for (size_t b = 0; b < out.size(); ++b) {
      if (a != b && out[a].values == out[b].values) out[a].ties.push_back(b);
    }
  }
  return out;
}

template <class Int>
std::optional<std::vector<std::vector<int>>> search(const LinearProblem& lp, const ScaledVectors& s, size_t vertices,
                                                    unsigned long long limit) {
  const VertexDuals duals = vertex_duals(lp.problem, s, vertices);
  std::vector<size_t> order(lp.problem.items.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return duals.credit[a] > duals.credit[b]; });
  const Permuted q = permute(lp.problem, s, order);
  NondominatedSearch<Int> nd(q.problem, q.scaled, vertices, duals, limit);
  if (!nd.run()) return std::nullopt;
  std::vector<std::vector<int>> choices;
  for (const auto& c : nd.choices) {
    std::vector<int> back(c.size(), -1);
    for (size_t k = 0; k < c.size(); ++k) back[order[k]] = c[k];
    choices.push_back(std::move(back));
  }
  return choices;
}

}  // namespace

NondominatedSet nondominated(const LinearProblem& lp, const WeightSet& set, unsigned long long node_limit) {
  std::optional<std::vector<std::vector<int>>> choices;
  if (!lp.problem.needs.empty()) {
    choices = detail::nondominated_coverage(lp, set, node_limit);
  } else {
    ScaledVectors s = scale_vectors(lp, set);
    const size_t m = set.vertices.size();
    choices = s.fits_int64 ? search<std::int64_t>(lp, s, m, node_limit) : search<cpp_int>(lp, s, m, node_limit);
  }
  NondominatedSet out;
  if (!choices) {
    out.status = AnswerStatus::kLimitReached;
    return out;
  }
  out.portfolios = finish(lp, set, std::move(*choices));
  if (out.portfolios.empty()) out.status = AnswerStatus::kInfeasible;
  return out;
}

namespace detail {

std::vector<std::vector<int>> feasible_choices(const Problem& p) {
  std::vector<std::vector<int>> feasible;
  std::vector<int> choice(p.items.size(), -1);
  auto rec = [&](auto&& self, size_t i) -> void {
    if (i == p.items.size()) {
      if (evaluate(p, choice).meets_constraints) feasible.push_back(choice);
      return;
    }
    for (int o = -1; o < static_cast<int>(p.items[i].options.size()); ++o) {
      choice[i] = o;
      self(self, i + 1);
    }
    choice[i] = -1;
  };
  rec(rec, 0);
  return feasible;
}

}  // namespace detail

std::vector<Nondominated> nondominated_brute_force(const LinearProblem& lp, const WeightSet& set) {
  const std::vector<std::vector<int>> feasible = detail::feasible_choices(lp.problem);
  std::vector<std::vector<Exact>> values;
  for (const auto& c : feasible) {
    std::vector<Exact> v;
    for (const auto& w : set.vertices) v.push_back(value_at(lp, c, w));
    values.push_back(std::move(v));
  }
  std::vector<std::vector<int>> kept;
  for (size_t a = 0; a < feasible.size(); ++a) {
    bool dominated = false;
    for (size_t b = 0; b < feasible.size() && !dominated; ++b) {
      bool equal = false;
      dominated = compare_vectors(values[b], values[a], &equal) == -1;
    }
    if (!dominated) kept.push_back(feasible[a]);
  }
  return finish(lp, set, std::move(kept));
}

}  // namespace whichforum
