// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// The non-dominated portfolios of a problem with needs (coverage): a portfolio's value is still
// linear in the weights (each need's weight is a weight times a constant), so it is enough to
// compare values at the weight set's vertices, but an item's worth depends on what else is taken.
// Depth-first over items; at each node, per vertex, an upper bound on every completion: what is
// held plus each free item's best gain given what is already served (coverage only shrinks as
// items are taken, so the sum of gains now bounds what any set of them adds). A branch is cut
// when a portfolio found is above that bound at every vertex by the margin of
// solve/search_coverage.cpp (doubles only choose branches); every leaf that survives is compared
// on exact values, so the set is exact.
#include "engine/robust_parts.h"
#include "engine/solve/search.h"

#include <algorithm>
#include <cmath>
#include <optional>

namespace whichforum::detail {

namespace {

class CoverageNondominated {
 public:
  CoverageNondominated(const LinearProblem& lp, const WeightSet& set, unsigned long long limit)
      : lp_(lp), p_(lp.problem), set_(set), n_(p_.items.size()), R_(p_.resources.size()), m_(set.vertices.size()),
        limit_(limit) {}

  std::optional<std::vector<std::vector<int>>> run() {
    prepare();
    dfs(0);
    if (stop_) return std::nullopt;
    std::vector<std::vector<int>> out;
    for (const auto& f : found_) out.push_back(f.choice);
    return out;
  }

 private:
  struct Found {
    std::vector<int> choice;
    std::vector<Exact> exact;
    std::vector<double> value;
  };

  void prepare() {
    double scale = 1;
    weight_.assign(m_, std::vector<double>(p_.needs.size(), 0.0));
    for (size_t j = 0; j < m_; ++j) {
      double s = 0;
      for (size_t k = 0; k < p_.needs.size(); ++k) {
        weight_[j][k] = (set_.vertices[j][lp_.need_objective[k]] * lp_.need_unit[k]).convert_to<double>();
        s += std::abs(weight_[j][k]);
      }
      scale = std::max(scale, s + 1);
    }
    lin_.resize(n_);
    shares_.resize(n_);
    dcost_.resize(n_);
    for (size_t r = 0; r < R_; ++r) dbudget_.push_back(p_.budget[r].convert_to<double>());
    used_.assign(R_, 0.0);
    must_.assign(n_, false);
    for (size_t x : p_.must) must_[x] = true;
    double most = 0;
    for (size_t i = 0; i < n_; ++i) {
      double item_most = 0;
      for (size_t o = 0; o < p_.items[i].options.size(); ++o) {
        std::vector<double> v;
        for (size_t j = 0; j < m_; ++j) {
          v.push_back(dot(set_.vertices[j], lp_.unit[i][o]).convert_to<double>());
          item_most = std::max(item_most, std::abs(v.back()));
        }
        lin_[i].push_back(std::move(v));
        std::vector<double> c;
        for (size_t r = 0; r < R_; ++r) c.push_back(p_.items[i].options[o].cost[r].convert_to<double>());
        dcost_[i].push_back(std::move(c));
        std::vector<std::pair<size_t, double>> sh;
        for (const auto& [k, s] : p_.items[i].options[o].shares) sh.emplace_back(k, s.convert_to<double>());
        shares_[i].push_back(std::move(sh));
      }
      most += item_most;
    }
    // Overlap penalties, should a problem have them beside needs: per vertex, what each pair
    // loses when both are taken; one that is a gain at a vertex (never, from the model) is added
    // to that vertex's bound once.
    nbr_.resize(n_);
    penalty_gain_.assign(m_, 0.0);
    for (size_t q = 0; q < p_.penalties.size(); ++q) {
      std::vector<double> at;
      double worst = 0;
      for (size_t j = 0; j < m_; ++j) {
        at.push_back(dot(set_.vertices[j], lp_.penalty_unit[q]).convert_to<double>());
        worst = std::max(worst, std::abs(at.back()));
        if (at.back() < 0) {
          penalty_gain_[j] -= at.back();
          any_penalty_gain_ = true;
        }
      }
      most += worst;
      pen_.push_back(std::move(at));
      nbr_[p_.penalties[q].a].emplace_back(p_.penalties[q].b, q);
      if (p_.penalties[q].b != p_.penalties[q].a) nbr_[p_.penalties[q].b].emplace_back(p_.penalties[q].a, q);
    }
    margin_ = 1e-9 * (scale + most);
    left_.assign(p_.needs.size(), 1.0);
    cost_.assign(R_, Exact(0));
    choice_.assign(n_, -1);
    cur_.assign(m_, 0.0);
  }

  // What option o of item i adds at vertex j to what is held (penalties with taken items out).
  double gain(size_t j, size_t i, size_t o) const {
    double g = lin_[i][o][j] - penalty_with_taken(j, i);
    for (const auto& [k, s] : shares_[i][o]) g += weight_[j][k] * left_[k] * s;
    return g;
  }
  // Whether the option fits every budget: decided on doubles where they are clearly apart, and
  // exactly where the sum comes within a hair of the budget.
  double penalty_with_taken(size_t j, size_t i) const {
    double lost = 0;
    for (const auto& [other, q] : nbr_[i]) {
      if (choice_[other] >= 0) lost += pen_[q][j];
    }
    return lost;
  }

  bool fits(size_t i, size_t o) const {
    for (size_t r = 0; r < R_; ++r) {
      const double x = used_[r] + dcost_[i][o][r], b = dbudget_[r], hair = 1e-9 * (1 + std::abs(b));
      if (x < b - hair) continue;
      if (x > b + hair) return false;
      if (cost_[r] + p_.items[i].options[o].cost[r] > p_.budget[r]) return false;
    }
    return true;
  }
  bool group_free(size_t i) const {
    for (const auto& g : p_.at_most_one) {
      if (std::find(g.begin(), g.end(), i) == g.end()) continue;
      for (size_t x : g) {
        if (x != i && choice_[x] >= 0) return false;
      }
    }
    return true;
  }

  double covered(size_t j) const {
    double v = cur_[j];
    for (size_t k = 0; k < left_.size(); ++k) v += weight_[j][k] * (1 - left_[k]);
    return v;
  }

  // Whether some portfolio found beats every completion of this node at every vertex. The bound
  // per vertex: what is held plus, over the free items, the LP relaxation of each budget where
  // an item offers its best gain at its least cost (no option of it gives more or costs less),
  // the plain sum of best gains, and the saturation bound (every free item taken at once at its
  // best own value and largest share of each need, as in solve/search_coverage.cpp); the least.
  bool cut(size_t d) {
    if (found_.empty()) return false;
    std::vector<std::vector<double>> best;  // free item -> vertex
    std::vector<std::vector<double>> least;  // free item -> resource
    std::vector<double> own(m_, 0.0);        // vertex -> sum of the free items' best own values (>= 0)
    std::vector<double> unserved = left_;    // need -> what no free item, all taken, would serve
    std::vector<double> item_share(left_.size(), 0.0);
    for (size_t t = d; t < n_; ++t) {
      std::vector<double> b(m_, 0.0), c(R_, INFINITY), l(m_, 0.0);
      if (group_free(t)) {
        for (size_t o = 0; o < p_.items[t].options.size(); ++o) {
          if (!fits(t, o)) continue;
          for (size_t j = 0; j < m_; ++j) b[j] = std::max(b[j], gain(j, t, o));
          for (size_t j = 0; j < m_; ++j) l[j] = std::max(l[j], lin_[t][o][j]);
          for (size_t r = 0; r < R_; ++r) c[r] = std::min(c[r], dcost_[t][o][r]);
          for (const auto& [k, sh] : shares_[t][o]) item_share[k] = std::max(item_share[k], sh);
        }
      }
      for (size_t k = 0; k < item_share.size(); ++k) {
        unserved[k] *= 1 - item_share[k];
        item_share[k] = 0;
      }
      for (size_t j = 0; j < m_; ++j) own[j] += l[j];
      best.push_back(std::move(b));
      least.push_back(std::move(c));
    }
    std::vector<double> ub(m_);
    std::vector<KnapsackStep> steps;
    for (size_t j = 0; j < m_; ++j) {
      double sum = 0;
      for (const auto& b : best) sum += b[j];
      double saturated = own[j];
      for (size_t k = 0; k < left_.size(); ++k) saturated += weight_[j][k] * (left_[k] - unserved[k]);
      double bound = std::min(sum, saturated);
      for (size_t r = 0; r < R_ && bound > 0; ++r) {
        steps.clear();
        for (size_t q = 0; q < best.size(); ++q) {
          if (best[q][j] > 0) steps.push_back({least[q][r], best[q][j]});
        }
        bound = std::min(bound, fractional_fill(steps, dbudget_[r] - used_[r]));
      }
      ub[j] = covered(j) + bound + penalty_gain_[j];
    }
    for (const auto& f : found_) {
      bool above = true;
      for (size_t j = 0; j < m_ && above; ++j) above = f.value[j] > ub[j] + margin_;
      if (above) return true;
    }
    return false;
  }

  // The constraints other than the budgets (which every branch keeps).
  bool holds() const {
    for (size_t x : p_.must) {
      if (choice_[x] < 0) return false;
    }
    for (const auto& [a, b] : p_.implies) {
      if (choice_[a] >= 0 && choice_[b] < 0) return false;
    }
    return !(p_.max_items && count_ > *p_.max_items);
  }

  // The exact value at each vertex: the options' own values there plus each need's weight
  // there times its coverage (computed once for all vertices).
  std::vector<Exact> exact_values() const {
    const std::vector<Exact> cov = coverage(p_, choice_);
    std::vector<Exact> out;
    for (const auto& w : set_.vertices) {
      Exact v = 0;
      for (size_t i = 0; i < n_; ++i) {
        if (choice_[i] >= 0) v += dot(w, lp_.unit[i][static_cast<size_t>(choice_[i])]);
      }
      for (size_t k = 0; k < cov.size(); ++k) {
        if (cov[k] != 0) v += w[lp_.need_objective[k]] * lp_.need_unit[k] * cov[k];
      }
      for (size_t q = 0; q < p_.penalties.size(); ++q) {
        if (choice_[p_.penalties[q].a] >= 0 && choice_[p_.penalties[q].b] >= 0) v -= dot(w, lp_.penalty_unit[q]);
      }
      out.push_back(std::move(v));
    }
    return out;
  }

  void leaf() {
    if (!holds()) return;
    std::vector<double> v(m_);
    for (size_t j = 0; j < m_; ++j) v[j] = covered(j);
    for (const auto& f : found_) {
      bool below = true;
      for (size_t j = 0; j < m_ && below; ++j) below = f.value[j] > v[j] + margin_;
      if (below) return;
    }
    Found mine;
    mine.choice = choice_;
    mine.value = v;
    mine.exact = exact_values();
    auto dominates = [&](const std::vector<Exact>& a, const std::vector<Exact>& b) {
      bool better = false;
      for (size_t j = 0; j < m_; ++j) {
        if (a[j] < b[j]) return false;
        better = better || a[j] > b[j];
      }
      return better;
    };
    for (const auto& f : found_) {
      if (dominates(f.exact, mine.exact)) return;
    }
    std::erase_if(found_, [&](const Found& f) { return dominates(mine.exact, f.exact); });
    found_.push_back(std::move(mine));
  }

  void dfs(size_t d) {
    if (stop_) return;
    if (++nodes_ > limit_) {
      stop_ = true;
      return;
    }
    if (d == n_) {
      leaf();
      return;
    }
    if (cut(d)) return;
    if (p_.max_items && count_ > *p_.max_items) return;
    const size_t i = d;
    // Options first, most gain over the vertices first, and leaving the item out last, so that
    // the first dive finds a good portfolio to cut with.
    std::vector<std::pair<double, size_t>> order;
    if (group_free(i) && !(p_.max_items && count_ >= *p_.max_items)) {
      for (size_t o = 0; o < p_.items[i].options.size(); ++o) {
        if (!fits(i, o)) continue;
        double g = 0;
        for (size_t j = 0; j < m_; ++j) g += gain(j, i, o);
        order.emplace_back(g, o);
      }
    }
    std::stable_sort(order.begin(), order.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    for (const auto& [score, o] : order) {
      if (stop_) return;
      // An option that loses value at every vertex now loses it in every completion: leaving
      // the item out is as good everywhere and no dearer, unless something forces it in.
      bool loses = !must_[i] && !p_.max_changes && !any_penalty_gain_;
      for (const auto& [a, b] : p_.implies) loses = loses && b != i;
      for (size_t j = 0; j < m_ && loses; ++j) loses = gain(j, i, o) < -margin_;
      if (loses) continue;
      std::vector<std::pair<size_t, double>> saved;
      for (const auto& [k, s] : shares_[i][o]) {
        saved.emplace_back(k, left_[k]);
        left_[k] *= 1 - s;
      }
      const std::vector<double> cur_before = cur_;
      for (size_t j = 0; j < m_; ++j) cur_[j] += lin_[i][o][j] - penalty_with_taken(j, i);
      const auto& c = p_.items[i].options[o].cost;
      const std::vector<double> used_before = used_;
      for (size_t r = 0; r < R_; ++r) {
        cost_[r] += c[r];
        used_[r] += dcost_[i][o][r];
      }
      choice_[i] = static_cast<int>(o);
      ++count_;
      dfs(d + 1);
      --count_;
      choice_[i] = -1;
      for (size_t r = 0; r < R_; ++r) cost_[r] -= c[r];
      used_ = used_before;
      cur_ = cur_before;
      for (auto it = saved.rbegin(); it != saved.rend(); ++it) left_[it->first] = it->second;
    }
    if (!must_[i] && !stop_) dfs(d + 1);
  }

  const LinearProblem& lp_;
  const Problem& p_;
  const WeightSet& set_;
  const size_t n_, R_, m_;
  const unsigned long long limit_;
  unsigned long long nodes_ = 0;
  std::vector<std::vector<double>> weight_;                          // vertex -> need
  std::vector<std::vector<std::vector<double>>> lin_;                // item -> option -> vertex
  std::vector<std::vector<std::vector<std::pair<size_t, double>>>> shares_;
  std::vector<std::vector<std::vector<double>>> dcost_;              // item -> option -> resource
  std::vector<std::vector<double>> pen_;                             // penalty -> vertex
  std::vector<std::vector<std::pair<size_t, size_t>>> nbr_;          // item -> (other item, penalty)
  std::vector<double> penalty_gain_;                                 // vertex -> the negative penalties' sum
  bool any_penalty_gain_ = false;
  std::vector<bool> must_;
  std::vector<double> left_, cur_, dbudget_, used_;
  std::vector<Exact> cost_;
  std::vector<int> choice_;
  size_t count_ = 0;
  double margin_ = 0;
  bool stop_ = false;
  std::vector<Found> found_;
};

}  // namespace

std::optional<std::vector<std::vector<int>>> nondominated_coverage(const LinearProblem& lp, const WeightSet& set,
                                                                   unsigned long long node_limit) {
  return CoverageNondominated(lp, set, node_limit).run();
}

}  // namespace whichforum::detail
