// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// AHP by power iteration on exact rationals, rounded at each step so that numbers stay small.
#include "engine/ahp.h"

#include <algorithm>

namespace whichforum {

namespace {

using boost::multiprecision::cpp_int;

Exact round_to(const Exact& x, const cpp_int& den) {
  // Round half up on the grid 1/den: floor(x * den + 1/2) / den.
  Exact y = x * Exact(den) + Exact(1, 2);
  cpp_int q = boost::multiprecision::numerator(y) / boost::multiprecision::denominator(y);
  if (Exact(q) > y) --q;
  return Exact(q) / Exact(den);
}

std::vector<Exact> multiply(const std::vector<std::vector<Exact>>& a, const std::vector<Exact>& w) {
  std::vector<Exact> out(w.size(), Exact(0));
  for (size_t i = 0; i < w.size(); ++i) {
    for (size_t j = 0; j < w.size(); ++j) out[i] += a[i][j] * w[j];
  }
  return out;
}

struct Eigen {
  std::vector<Exact> w;
  Exact lambda_max;
};

Eigen principal(const std::vector<std::vector<Exact>>& a) {
  const size_t n = a.size();
  const cpp_int step_grid = boost::multiprecision::pow(cpp_int(10), 15);
  const Exact tolerance = Exact(1) / Exact(boost::multiprecision::pow(cpp_int(10), 13));
  std::vector<Exact> w(n, Exact(1, static_cast<long long>(n)));
  for (int it = 0; it < 1000; ++it) {
    std::vector<Exact> next = multiply(a, w);
    Exact sum = 0;
    for (const auto& x : next) sum += x;
    Exact change = 0;
    for (size_t i = 0; i < n; ++i) {
      next[i] = round_to(next[i] / sum, step_grid);
      change = std::max(change, Exact(abs(next[i] - w[i])));
    }
    w = std::move(next);
    if (change < tolerance) break;
  }
  const cpp_int out_grid = boost::multiprecision::pow(cpp_int(10), 12);
  Eigen e;
  for (auto& x : w) x = round_to(x, out_grid);
  std::vector<Exact> aw = multiply(a, w);
  Exact total = 0;
  for (size_t i = 0; i < n; ++i) total += aw[i] / w[i];
  e.lambda_max = total / static_cast<long long>(n);
  e.w = std::move(w);
  return e;
}

std::optional<Exact> ratio(const Exact& lambda_max, size_t n, Exact* ci) {
  *ci = n > 1 ? (lambda_max - static_cast<long long>(n)) / static_cast<long long>(n - 1) : Exact(0);
  auto ri = saaty_random_index(n);
  if (n < 3 || !ri) return std::nullopt;
  return *ci / *ri;
}

}  // namespace

std::optional<Exact> saaty_random_index(size_t n) {
  static const char* const kRi[] = {"0", "0", "0.58", "0.90", "1.12", "1.24", "1.32", "1.41", "1.45", "1.49"};
  if (n < 1 || n > 10) return std::nullopt;
  return parse_exact(kRi[n - 1]);
}

Exact nearest_saaty_value(const Exact& x) {
  // Nearest by ratio: compare x / v and v / x, i.e. the distance of logarithms, without logs.
  Exact best = 1;
  Exact best_gap = std::max(x, Exact(1 / x));
  for (int k = 2; k <= 9; ++k) {
    for (const Exact& v : {Exact(k), Exact(1, k)}) {
      Exact gap = std::max(Exact(x / v), Exact(v / x));
      if (gap < best_gap) {
        best = v;
        best_gap = gap;
      }
    }
  }
  return best;
}

AhpResult ahp(const std::vector<std::vector<Exact>>& a) {
  const size_t n = a.size();
  AhpResult r;
  Eigen e = principal(a);
  r.weights = e.w;
  r.lambda_max = e.lambda_max;
  r.cr = ratio(e.lambda_max, n, &r.ci);
  if (!r.cr || *r.cr <= Exact(1, 10)) return r;
  // Try revising each judgement to the scale value nearest what the weights imply; name the one
  // that lowers the consistency ratio most (the first such in matrix order on a tie).
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = i + 1; j < n; ++j) {
      Exact suggested = nearest_saaty_value(e.w[i] / e.w[j]);
      if (suggested == a[i][j]) continue;
      auto revised = a;
      revised[i][j] = suggested;
      revised[j][i] = 1 / suggested;
      Exact ci;
      auto cr = ratio(principal(revised).lambda_max, n, &ci);
      if (!r.revision || *cr < r.revision->cr_after) r.revision = AhpRevision{i, j, a[i][j], suggested, *cr};
    }
  }
  return r;
}

}  // namespace whichforum
