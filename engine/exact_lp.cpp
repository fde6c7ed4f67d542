// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// The two-phase simplex method on rationals (exact_lp.h). Columns: the variables, then a slack
// or surplus per inequality, then an artificial per row that has no slack to start from.
#include "engine/exact_lp.h"

#include <cstddef>

namespace whichforum {

namespace {

struct Tableau {
  std::vector<std::vector<Exact>> a;  // one per row, one entry per column
  std::vector<Exact> b;
  std::vector<size_t> basis;  // the basic column of each row
  size_t columns = 0;

  void pivot(size_t r, size_t c) {
    const Exact p = a[r][c];
    for (auto& x : a[r]) {
      if (x != 0) x /= p;
    }
    b[r] /= p;
    for (size_t i = 0; i < a.size(); ++i) {
      if (i == r || a[i][c] == 0) continue;
      const Exact f = a[i][c];
      for (size_t j = 0; j < columns; ++j) {
        if (a[r][j] != 0) a[i][j] -= f * a[r][j];
      }
      b[i] -= f * b[r];
    }
    basis[r] = c;
  }

  // Minimises cost over the allowed columns from the current basis, by Bland's rule: the entering
  // column is the first with a negative reduced cost, the leaving row the least ratio, ties to the
  // least basic column. False when the program is unbounded.
  bool optimise(const std::vector<Exact>& cost, const std::vector<bool>& allowed) {
    for (;;) {
      size_t enter = columns;
      for (size_t j = 0; j < columns && enter == columns; ++j) {
        if (!allowed[j]) continue;
        Exact d = cost[j];
        for (size_t i = 0; i < a.size(); ++i) {
          if (a[i][j] != 0 && cost[basis[i]] != 0) d -= cost[basis[i]] * a[i][j];
        }
        if (d < 0) enter = j;
      }
      if (enter == columns) return true;
      size_t leave = a.size();
      Exact best;
      for (size_t i = 0; i < a.size(); ++i) {
        if (a[i][enter] <= 0) continue;
        const Exact ratio = b[i] / a[i][enter];
        if (leave == a.size() || ratio < best || (ratio == best && basis[i] < basis[leave])) {
          leave = i;
          best = ratio;
        }
      }
      if (leave == a.size()) return false;
      pivot(leave, enter);
    }
  }
};

}  // namespace

LpSolution solve_exact_lp(const ExactLp& lp) {
  const size_t n = lp.cost.size();
  const size_t m = lp.rows.size();
  // Each row with a non-negative right-hand side (a row times -1 flips its sense).
  std::vector<LpRow> rows = lp.rows;
  for (auto& r : rows) {
    r.coef.resize(n);
    if (r.rhs < 0) {
      for (auto& c : r.coef) c = -c;
      r.rhs = -r.rhs;
      if (r.sense == RowSense::kAtMost) {
        r.sense = RowSense::kAtLeast;
      } else if (r.sense == RowSense::kAtLeast) {
        r.sense = RowSense::kAtMost;
      }
    }
  }
  size_t slacks = 0, artificials = 0;
  for (const auto& r : rows) {
    slacks += r.sense == RowSense::kEqual ? 0 : 1;
    artificials += r.sense == RowSense::kAtMost ? 0 : 1;
  }
  Tableau t;
  t.columns = n + slacks + artificials;
  t.a.assign(m, std::vector<Exact>(t.columns));
  t.b.resize(m);
  t.basis.resize(m);
  size_t s = n, art = n + slacks;
  std::vector<bool> artificial(t.columns, false);
  for (size_t i = 0; i < m; ++i) {
    for (size_t j = 0; j < n; ++j) t.a[i][j] = rows[i].coef[j];
    t.b[i] = rows[i].rhs;
    if (rows[i].sense == RowSense::kAtMost) {
      t.a[i][s] = 1;
      t.basis[i] = s++;
    } else {
      if (rows[i].sense == RowSense::kAtLeast) t.a[i][s++] = -1;
      t.a[i][art] = 1;
      artificial[art] = true;
      t.basis[i] = art++;
    }
  }
  LpSolution out;
  // Phase 1: minimise the artificials' sum.
  if (artificials > 0) {
    std::vector<Exact> phase1(t.columns);
    for (size_t j = 0; j < t.columns; ++j) phase1[j] = artificial[j] ? 1 : 0;
    t.optimise(phase1, std::vector<bool>(t.columns, true));  // bounded below by 0
    Exact infeasibility = 0;
    for (size_t i = 0; i < m; ++i) {
      if (artificial[t.basis[i]]) infeasibility += t.b[i];
    }
    if (infeasibility > 0) return out;  // kInfeasible
    // Artificials left in the basis (at 0): pivot them out, or drop their row as redundant.
    for (size_t i = 0; i < t.a.size();) {
      if (!artificial[t.basis[i]]) {
        ++i;
        continue;
      }
      size_t c = 0;
      while (c < t.columns && (artificial[c] || t.a[i][c] == 0)) ++c;
      if (c < t.columns) {
        t.pivot(i, c);
        ++i;
      } else {
        t.a.erase(t.a.begin() + static_cast<std::ptrdiff_t>(i));
        t.b.erase(t.b.begin() + static_cast<std::ptrdiff_t>(i));
        t.basis.erase(t.basis.begin() + static_cast<std::ptrdiff_t>(i));
      }
    }
  }
  // Phase 2: the real costs over the non-artificial columns.
  std::vector<Exact> cost(t.columns);
  for (size_t j = 0; j < n; ++j) cost[j] = lp.cost[j];
  std::vector<bool> allowed(t.columns);
  for (size_t j = 0; j < t.columns; ++j) allowed[j] = !artificial[j];
  if (!t.optimise(cost, allowed)) {
    out.status = LpStatus::kUnbounded;
    return out;
  }
  out.status = LpStatus::kOptimal;
  out.x.assign(n, Exact(0));
  for (size_t i = 0; i < t.a.size(); ++i) {
    if (t.basis[i] < n) out.x[t.basis[i]] = t.b[i];
  }
  for (size_t j = 0; j < n; ++j) {
    if (out.x[j] != 0 && lp.cost[j] != 0) out.objective += lp.cost[j] * out.x[j];
  }
  return out;
}

}  // namespace whichforum
