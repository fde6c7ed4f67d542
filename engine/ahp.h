// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// AHP: weights from pairwise comparisons on Saaty's 1-9 scale, with their consistency.
#pragma once

#include "engine/exact.h"

#include <optional>
#include <vector>

namespace whichforum {

/// The judgement whose revision most improves consistency, and to what.
struct AhpRevision {
  size_t a = 0, b = 0;  ///< the matrix entry (a, b), a < b
  Exact given;          ///< a[a][b] as judged
  Exact suggested;      ///< the Saaty-scale value nearest the derived ratio w_a / w_b
  Exact cr_after;       ///< the consistency ratio with that one judgement revised
};

struct AhpResult {
  std::vector<Exact> weights;  ///< the principal eigenvector, summing to 1 (12 decimals)
  Exact lambda_max;            ///< mean of (A w)_i / w_i
  Exact ci;                    ///< (lambda_max - n) / (n - 1)
  std::optional<Exact> cr;     ///< ci / RI(n), for n >= 3 (RI: Saaty 1980, see saaty_random_index)
  std::optional<AhpRevision> revision;  ///< when cr > 1/10
};

/// Saaty's random consistency index for n = 1..10 (Saaty, The Analytic Hierarchy Process, 1980:
/// 0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49); nullopt above 10.
[[nodiscard]] std::optional<Exact> saaty_random_index(size_t n);

/// The nearest value of Saaty's scale (1/9 .. 1/2, 1 .. 9) to `x` > 0, by ratio.
[[nodiscard]] Exact nearest_saaty_value(const Exact& x);

/// Weights of a positive reciprocal matrix (a[i][j] = 1 / a[j][i], a[i][i] = 1), n >= 1, by power
/// iteration in exact rationals rounded to 10^-15 each step until the change is below 10^-13;
/// deterministic on every machine. The result is rounded to 12 decimals.
[[nodiscard]] AhpResult ahp(const std::vector<std::vector<Exact>>& a);

}  // namespace whichforum
