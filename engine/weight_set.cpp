// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// The admissible weight set: double description, triangulation and uniform sampling, exactly.
#include "engine/weight_set.h"

#include "engine/solve/scaling.h"

#include <algorithm>
#include <set>

namespace whichforum {

using boost::multiprecision::cpp_int;

namespace {

using Point = std::vector<Exact>;

// Rows reduced in place to row echelon form; returns the pivot columns.
std::vector<size_t> echelon(std::vector<Point>* rows) {
  std::vector<size_t> pivots;
  size_t r = 0;
  const size_t cols = rows->empty() ? 0 : rows->front().size();
  for (size_t c = 0; c < cols && r < rows->size(); ++c) {
    size_t p = r;
    while (p < rows->size() && (*rows)[p][c] == 0) ++p;
    if (p == rows->size()) continue;
    std::swap((*rows)[r], (*rows)[p]);
    for (size_t i = r + 1; i < rows->size(); ++i) {
      if ((*rows)[i][c] == 0) continue;
      Exact f = (*rows)[i][c] / (*rows)[r][c];
      for (size_t k = c; k < cols; ++k) (*rows)[i][k] -= f * (*rows)[r][k];
    }
    pivots.push_back(c);
    ++r;
  }
  return pivots;
}

std::vector<Point> differences(const std::vector<Point>& points, const std::vector<size_t>& which) {
  std::vector<Point> rows;
  for (size_t k = 1; k < which.size(); ++k) {
    Point d = points[which[k]];
    for (size_t j = 0; j < d.size(); ++j) d[j] -= points[which[0]][j];
    rows.push_back(std::move(d));
  }
  return rows;
}

size_t affine_dimension(const std::vector<Point>& points, const std::vector<size_t>& which) {
  auto rows = differences(points, which);
  return echelon(&rows).size();
}

Exact determinant(std::vector<Point> m) {
  Exact det = 1;
  const size_t n = m.size();
  for (size_t c = 0; c < n; ++c) {
    size_t p = c;
    while (p < n && m[p][c] == 0) ++p;
    if (p == n) return 0;
    if (p != c) {
      std::swap(m[p], m[c]);
      det = -det;
    }
    det *= m[c][c];
    for (size_t i = c + 1; i < n; ++i) {
      if (m[i][c] == 0) continue;
      Exact f = m[i][c] / m[c][c];
      for (size_t k = c; k < n; ++k) m[i][k] -= f * m[c][k];
    }
  }
  return det;
}

// The constraints as the algorithm sees them: w_k >= 0 for each objective first, then the
// statements' constraints in order.
std::vector<WeightConstraint> all_constraints(size_t n, const std::vector<WeightConstraint>& user) {
  std::vector<WeightConstraint> out;
  for (size_t k = 0; k < n; ++k) {
    WeightConstraint c;
    c.coef.assign(n, Exact(0));
    c.coef[k] = 1;
    out.push_back(std::move(c));
  }
  out.insert(out.end(), user.begin(), user.end());
  return out;
}

Exact slack(const WeightConstraint& c, const Point& w) {
  Exact s = -c.rhs;
  for (size_t k = 0; k < w.size(); ++k) {
    if (c.coef[k] != 0) s += c.coef[k] * w[k];
  }
  return s;
}

std::vector<bool> tight_set(const std::vector<WeightConstraint>& cs, size_t upto, const Point& w) {
  std::vector<bool> t(upto, false);
  for (size_t i = 0; i < upto; ++i) t[i] = slack(cs[i], w) == 0;
  return t;
}

bool subset(const std::vector<bool>& a, const std::vector<bool>& b) {
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i] && !b[i]) return false;
  }
  return true;
}

}  // namespace

bool WeightSet::contains(const std::vector<Exact>& w) const {
  if (w.size() != objectives.size()) return false;
  Exact sum = 0;
  for (const auto& x : w) {
    if (x < 0) return false;
    sum += x;
  }
  if (sum != 1) return false;
  for (const auto& c : constraints) {
    Exact s = slack(c, w);
    if (c.equality ? s != 0 : s < 0) return false;
  }
  return true;
}

WeightSetBuild make_weight_set(std::vector<std::string> objectives, std::vector<WeightConstraint> constraints) {
  const size_t n = objectives.size();
  const auto cs = all_constraints(n, constraints);
  std::vector<Point> points;
  std::vector<std::vector<bool>> tight;
  for (size_t k = 0; k < n; ++k) {
    Point e(n, Exact(0));
    e[k] = 1;
    tight.push_back(tight_set(cs, n, e));
    points.push_back(std::move(e));
  }
  WeightSetBuild out;
  for (size_t t = n; t < cs.size(); ++t) {
    const WeightConstraint& c = cs[t];
    std::vector<Exact> s;
    for (const auto& p : points) s.push_back(slack(c, p));
    std::vector<Point> next;
    for (size_t u = 0; u < points.size(); ++u) {
      if (s[u] == 0 || (s[u] > 0 && !c.equality)) next.push_back(points[u]);
    }
    // New vertices where the constraint's hyperplane crosses an edge: u and v are adjacent when
    // no third vertex is tight on every constraint both are tight on.
    for (size_t u = 0; u < points.size(); ++u) {
      if (s[u] <= 0) continue;
      for (size_t v = 0; v < points.size(); ++v) {
        if (s[v] >= 0) continue;
        std::vector<bool> common(t, false);
        for (size_t i = 0; i < t; ++i) common[i] = tight[u][i] && tight[v][i];
        bool adjacent = true;
        for (size_t w = 0; w < points.size() && adjacent; ++w) {
          if (w != u && w != v && subset(common, tight[w])) adjacent = false;
        }
        if (!adjacent) continue;
        Point x(n);
        for (size_t k = 0; k < n; ++k) x[k] = (s[u] * points[v][k] - s[v] * points[u][k]) / (s[u] - s[v]);
        next.push_back(std::move(x));
      }
    }
    std::sort(next.begin(), next.end());
    next.erase(std::unique(next.begin(), next.end()), next.end());
    if (next.empty()) {
      out.contradiction = t - n;
      return out;
    }
    points = std::move(next);
    tight.clear();
    for (const auto& p : points) tight.push_back(tight_set(cs, t + 1, p));
  }
  WeightSet set;
  set.objectives = std::move(objectives);
  set.constraints = std::move(constraints);
  std::sort(points.begin(), points.end());
  set.central.assign(n, Exact(0));
  for (const auto& p : points) {
    for (size_t k = 0; k < n; ++k) set.central[k] += p[k];
  }
  for (auto& x : set.central) x /= static_cast<long long>(points.size());
  std::vector<size_t> all(points.size());
  for (size_t i = 0; i < all.size(); ++i) all[i] = i;
  set.dimension = affine_dimension(points, all);
  set.vertices = std::move(points);
  out.set = std::move(set);
  return out;
}

namespace {

class Triangulator {
 public:
  explicit Triangulator(const WeightSet& set)
      : set_(set), cs_(all_constraints(set.objectives.size(), set.constraints)) {
    for (const auto& p : set.vertices) tight_.push_back(tight_set(cs_, cs_.size(), p));
  }

  // Pulling triangulation of the face with vertices `face` (sorted) and dimension `dim`: the
  // cones from its first vertex over the triangulated facets that do not contain it.
  void pull(const std::vector<size_t>& face, size_t dim, std::vector<std::vector<size_t>>* out) const {
    if (face.size() == dim + 1) {
      out->push_back(face);
      return;
    }
    const size_t apex = face.front();
    std::set<std::vector<size_t>> facets;
    for (size_t c = 0; c < cs_.size(); ++c) {
      if (tight_[apex][c]) continue;
      std::vector<size_t> f;
      for (size_t v : face) {
        if (tight_[v][c]) f.push_back(v);
      }
      if (f.size() < dim || facets.count(f)) continue;
      if (affine_dimension(set_.vertices, f) == dim - 1) facets.insert(f);
    }
    for (const auto& f : facets) {
      std::vector<std::vector<size_t>> sub;
      pull(f, dim - 1, &sub);
      for (auto& s : sub) {
        s.insert(s.begin(), apex);
        out->push_back(std::move(s));
      }
    }
  }

 private:
  const WeightSet& set_;
  std::vector<WeightConstraint> cs_;
  std::vector<std::vector<bool>> tight_;
};

}  // namespace

std::vector<Simplex> triangulate(const WeightSet& set) {
  std::vector<size_t> all(set.vertices.size());
  for (size_t i = 0; i < all.size(); ++i) all[i] = i;
  std::vector<std::vector<size_t>> simplices;
  Triangulator(set).pull(all, set.dimension, &simplices);
  // Volumes in the coordinates the set's affine hull projects onto one-to-one (the pivot
  // columns of its differences): every volume is scaled alike, so their ratios are exact.
  auto hull = differences(set.vertices, all);
  std::vector<size_t> pivots = echelon(&hull);
  std::vector<Simplex> out;
  for (auto& s : simplices) {
    Simplex x;
    x.vertices = s;
    std::vector<Point> m;
    for (const auto& row : differences(set.vertices, s)) {
      Point r;
      for (size_t c : pivots) r.push_back(row[c]);
      m.push_back(std::move(r));
    }
    x.volume = abs(determinant(std::move(m)));
    out.push_back(std::move(x));
  }
  return out;
}

std::uint64_t Random::next() {
  std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

std::uint64_t Random::below(std::uint64_t bound) {
  // Rejects the top partial block of 2^64 so that every residue is equally likely.
  const std::uint64_t limit = -bound % bound;
  for (;;) {
    std::uint64_t r = next();
    if (r >= limit) return r % bound;
  }
}

WeightSampler::WeightSampler(const std::vector<Simplex>& simplices, std::uint64_t seed) : random_(seed) {
  const cpp_int den = common_denominator(simplices, &Simplex::volume);
  cpp_int total = 0;
  for (const auto& s : simplices) {
    total += scaled(s.volume, den);
    cumulative_.push_back(total);
    dims_.push_back(s.vertices.size());
  }
}

WeightSample WeightSampler::draw() {
  WeightSample out;
  if (cumulative_.size() > 1) {
    // A uniform integer below the total volume: random bits of its length, rejected when too big.
    const cpp_int& total = cumulative_.back();
    const unsigned bits = boost::multiprecision::msb(total) + 1;
    cpp_int r;
    do {
      r = 0;
      for (unsigned got = 0; got < bits; got += 64) r = (r << 64) | random_.next();
      r >>= (bits + 63) / 64 * 64 - bits;
    } while (r >= total);
    out.simplex = static_cast<size_t>(std::upper_bound(cumulative_.begin(), cumulative_.end(), r) - cumulative_.begin());
  }
  const size_t m = dims_[out.simplex];
  std::vector<std::uint64_t> cut;
  for (size_t k = 0; k + 1 < m; ++k) cut.push_back(random_.next() >> 32);
  std::sort(cut.begin(), cut.end());
  std::uint64_t prev = 0;
  for (auto c : cut) {
    out.lambda.push_back(c - prev);
    prev = c;
  }
  out.lambda.push_back((std::uint64_t{1} << 32) - prev);
  return out;
}

std::vector<Exact> sample_weights(const WeightSet& set, const std::vector<Simplex>& simplices, const WeightSample& s) {
  std::vector<Exact> w(set.objectives.size(), Exact(0));
  const auto& vs = simplices[s.simplex].vertices;
  const Exact unit = Exact(1) / Exact(cpp_int(1) << 32);
  for (size_t k = 0; k < vs.size(); ++k) {
    if (s.lambda[k] == 0) continue;
    Exact f = Exact(static_cast<unsigned long long>(s.lambda[k])) * unit;
    for (size_t j = 0; j < w.size(); ++j) w[j] += f * set.vertices[vs[k]][j];
  }
  return w;
}

}  // namespace whichforum
