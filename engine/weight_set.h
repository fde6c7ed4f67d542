// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// The admissible weight set: the weight vectors a profile's preference statements allow, as a
// polytope in the simplex, with its extreme points, its centre and uniform sampling.
#pragma once

#include "engine/exact.h"
#include "engine/tree.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace whichforum {

/// One linear statement about the weights: sum_k coef[k] w_k >= rhs, or = rhs.
struct WeightConstraint {
  std::vector<Exact> coef;  ///< one per objective of the set
  Exact rhs;
  bool equality = false;
  std::string text;  ///< the statement it comes from, for messages
  SourcePos pos;
};

/// The weights w >= 0 with sum 1 that meet every constraint: a convex polytope, held exactly by
/// its extreme points. Invariant: at least one vertex; vertices sorted, no two equal.
struct WeightSet {
  std::vector<std::string> objectives;
  std::vector<WeightConstraint> constraints;
  std::vector<std::vector<Exact>> vertices;
  std::vector<Exact> central;  ///< the mean of the vertices
  size_t dimension = 0;        ///< of the polytope (0: a single weight vector)

  [[nodiscard]] bool is_point() const { return vertices.size() == 1; }
  /// Whether `w` (one weight per objective) is in the set.
  [[nodiscard]] bool contains(const std::vector<Exact>& w) const;
};

/// The outcome of building a set: the set, or the index of the first constraint (in order) after
/// which no weight vector is left.
struct WeightSetBuild {
  std::optional<WeightSet> set;
  size_t contradiction = 0;
};

/// Builds the set by the double-description method: from the simplex's corners, each constraint
/// in turn cuts the polytope, new vertices arising on the edges it crosses (exact rationals; the
/// combinatorial adjacency test). For a ranking the centre is the rank-order centroid.
[[nodiscard]] WeightSetBuild make_weight_set(std::vector<std::string> objectives,
                                             std::vector<WeightConstraint> constraints);

/// A simplex of a triangulation of the set: vertex indices and its volume relative to the others.
struct Simplex {
  std::vector<size_t> vertices;
  Exact volume;  ///< in the set's own d-dimensional coordinates; only ratios matter
};

/// Splits the set into simplices (a pulling triangulation from the first vertex), so that a
/// uniform sample of the set is a simplex drawn by volume, then a uniform point inside it.
[[nodiscard]] std::vector<Simplex> triangulate(const WeightSet& set);

/// splitmix64: a small generator whose sequence is the same on every compiler and machine (the
/// standard library's distributions are not), so that a seed reproduces a run exactly.
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next();
  /// Uniform in [0, bound), bound > 0, without modulo bias.
  std::uint64_t below(std::uint64_t bound);

 private:
  std::uint64_t state_;
};

/// A uniform draw from the set: a simplex of the triangulation (index) and barycentric
/// coordinates lambda[k] / 2^32 that sum to 1, spacings of sorted uniform 32-bit integers.
struct WeightSample {
  size_t simplex = 0;
  std::vector<std::uint64_t> lambda;  ///< numerators over 2^32, one per vertex of the simplex
};

/// Draws samples uniformly from a triangulated set. Simplices are chosen with probability
/// proportional to their volume exactly (big-integer weights, rejection for uniformity).
class WeightSampler {
 public:
  WeightSampler(const std::vector<Simplex>& simplices, std::uint64_t seed);
  WeightSample draw();

 private:
  std::vector<boost::multiprecision::cpp_int> cumulative_;
  std::vector<size_t> dims_;
  Random random_;
};

/// The weights of a sample (exact: lambda / 2^32 over the simplex's vertices).
[[nodiscard]] std::vector<Exact> sample_weights(const WeightSet& set, const std::vector<Simplex>& simplices,
                                                const WeightSample& s);

}  // namespace whichforum
