// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Inverse optimisation by cutting planes. A portfolio Q's value is a_Q . w (a_Q: its values at
// the simplex's corners), so today's regret at w is max_Q (a_Q - a_P) . w. Over a working set
// of rivals the least regret is a small exact LP; a solve at its answer either confirms it (no
// portfolio beats P there by more) or brings the rival that does. The set of least regret is then
// the polytope of the rivals' cuts, checked at each of its vertices the same way: the regret is
// convex, so a polytope whose every vertex has the least regret has it everywhere.
#include "engine/infer.h"

#include "engine/exact_lp.h"
#include "engine/robust_parts.h"

#include <map>
#include <set>

namespace whichforum {

namespace {

// A portfolio's values at the simplex's corners: what value_at gives at each e_k, worked out
// from the parts instead of building the problem at eight weightings (which took most of the
// time): the options' units, less the overlaps, plus each need's unit times its coverage, plus
// the constant none values (a constant is linear on the simplex: the same at every corner).
std::vector<Exact> corner_values(const LinearProblem& lp, const std::vector<int>& choice) {
  const Problem& p = lp.problem;
  const size_t d = lp.objectives.size();
  std::vector<Exact> a(d, Exact(0));
  Exact constant = 0;
  for (size_t i = 0; i < choice.size(); ++i) {
    if (choice[i] < 0) {
      constant += p.items[i].none_value;
      continue;
    }
    const auto& u = lp.unit[i][static_cast<size_t>(choice[i])];
    for (size_t k = 0; k < d && k < u.size(); ++k) a[k] += u[k];
  }
  for (size_t q = 0; q < p.penalties.size(); ++q) {
    if (choice[p.penalties[q].a] < 0 || choice[p.penalties[q].b] < 0) continue;
    for (size_t k = 0; k < d && k < lp.penalty_unit[q].size(); ++k) a[k] -= lp.penalty_unit[q][k];
  }
  if (!p.needs.empty()) {
    const std::vector<Exact> served = coverage(p, choice);
    for (size_t n = 0; n < served.size(); ++n) a[lp.need_objective[n]] += lp.need_unit[n] * served[n];
  }
  if (constant != 0) {
    for (auto& x : a) x += constant;
  }
  return a;
}

// min t over (w, t): w in the simplex, g . w <= t for each cut g (and t >= 0, as the regret is).
ExactLp least_regret_program(size_t d, const std::vector<std::vector<Exact>>& cuts) {
  ExactLp prog;
  prog.cost.assign(d + 1, Exact(0));
  prog.cost[d] = 1;
  LpRow sum{std::vector<Exact>(d + 1, Exact(1)), RowSense::kEqual, 1};
  sum.coef[d] = 0;
  prog.rows.push_back(std::move(sum));
  for (const auto& g : cuts) {
    LpRow r{g, RowSense::kAtMost, 0};
    r.coef.push_back(-1);
    prog.rows.push_back(std::move(r));
  }
  return prog;
}

class Inferrer {
 public:
  Inferrer(const LinearProblem& lp, const std::vector<int>& current, SearchBudget& budget)
      : lp_(lp), budget_(budget), base_(corner_values(lp, current)) {}

  // Q's values at the simplex's corners, worked out once per portfolio.
  const std::vector<Exact>& values_of(const std::vector<int>& q) {
    auto it = values_.find(q);
    if (it == values_.end()) it = values_.emplace(q, corner_values(lp_, q)).first;
    return it->second;
  }

  // Adds Q's cut (a_Q - a_P) unless it is already there; true when new.
  bool add(const std::vector<int>& q) {
    if (!seen_.insert(q).second) return false;
    std::vector<Exact> g = values_of(q);
    for (size_t k = 0; k < g.size(); ++k) g[k] -= base_[k];
    bool zero = true;
    for (const auto& x : g) zero = zero && x == 0;
    if (!zero) cuts_.push_back(std::move(g));  // a portfolio worth P's everywhere cuts nothing
    return true;
  }

  // The best portfolio at w and P's regret there; false when the solve stopped at the limit.
  bool best_at(const std::vector<Exact>& w, std::vector<int>& best, Exact& regret) {
    ++solves;
    Solution s = budget_.solve(at_weights(lp_, w));
    if (!s.optimal()) return false;
    best = s.choice;
    // Values are linear in w: from the corner values, kept per portfolio (evaluating a portfolio
    // at w builds the whole problem there, which took most of the time).
    const std::vector<Exact>& a = values_of(best);
    regret = 0;
    for (size_t k = 0; k < w.size(); ++k) {
      if (w[k] != 0) regret += (a[k] - base_[k]) * w[k];
    }
    return true;
  }

  // The least of max over the cuts (and 0) on the simplex, and a weighting reaching it.
  [[nodiscard]] std::pair<Exact, std::vector<Exact>> least_over_cuts() const {
    const size_t d = base_.size();
    LpSolution s = solve_exact_lp(least_regret_program(d, cuts_));
    std::vector<Exact> w(s.x.begin(), s.x.begin() + static_cast<long>(d));
    return {s.x[d], std::move(w)};
  }

  // The cuts (a_Q - a_P) . w <= regret as weight-set constraints, each scaled to integer
  // coefficients with no common factor: the same half-space, but the double description then
  // works on small integers instead of the corner values' long fractions (a fuzzed Canada with
  // 66 extreme points took 0.9 s before).
  [[nodiscard]] std::vector<WeightConstraint> constraints(const Exact& regret) const {
    using boost::multiprecision::cpp_int;
    std::vector<WeightConstraint> out;
    for (const auto& g : cuts_) {
      cpp_int l = boost::multiprecision::denominator(regret);
      for (const auto& x : g) l = boost::multiprecision::lcm(l, cpp_int(boost::multiprecision::denominator(x)));
      cpp_int f = 0;
      for (const auto& x : g) f = boost::multiprecision::gcd(f, cpp_int(boost::multiprecision::numerator(x) * (l / boost::multiprecision::denominator(x))));
      if (f == 0) f = 1;
      const Exact scale = Exact(l) / Exact(f);
      WeightConstraint c;
      for (const auto& x : g) c.coef.push_back(-x * scale);
      c.rhs = -regret * scale;
      c.text = "a rival portfolio's regret";
      out.push_back(std::move(c));
    }
    return out;
  }

  [[nodiscard]] const std::vector<std::vector<Exact>>& cuts() const { return cuts_; }
  size_t solves = 0;

 private:
  const LinearProblem& lp_;
  SearchBudget& budget_;
  std::vector<Exact> base_;
  std::set<std::vector<int>> seen_;
  std::map<std::vector<int>, std::vector<Exact>> values_;
  std::vector<std::vector<Exact>> cuts_;
};

// The least weight moved from the stated central weights c to a weighting w of the set: half of
// sum |c - w|, an LP in (w, p, q) with w - c = q - p.
void nearest(const WeightSet& stated, const std::vector<std::vector<Exact>>& cuts, const Exact& regret,
             Inference& out) {
  const size_t d = stated.objectives.size();
  ExactLp prog;
  prog.cost.assign(3 * d, Exact(0));
  for (size_t k = d; k < 3 * d; ++k) prog.cost[k] = Exact(1, 2);
  LpRow sum{std::vector<Exact>(3 * d, Exact(0)), RowSense::kEqual, 1};
  for (size_t k = 0; k < d; ++k) sum.coef[k] = 1;
  prog.rows.push_back(std::move(sum));
  for (size_t k = 0; k < d; ++k) {
    LpRow r{std::vector<Exact>(3 * d, Exact(0)), RowSense::kEqual, stated.central[k]};
    r.coef[k] = 1;
    r.coef[d + k] = 1;
    r.coef[2 * d + k] = -1;
    prog.rows.push_back(std::move(r));
  }
  for (const auto& g : cuts) {
    LpRow r{g, RowSense::kAtMost, regret};
    r.coef.resize(3 * d);
    prog.rows.push_back(std::move(r));
  }
  LpSolution s = solve_exact_lp(prog);
  if (s.status != LpStatus::kOptimal) return;  // cannot happen: the set is not empty
  out.distance = s.objective;
  out.nearest.assign(s.x.begin(), s.x.begin() + static_cast<long>(d));
}

// Whether a weighting meets both the stated constraints and the set's cuts (a feasibility LP).
bool sets_meet(const WeightSet& stated, const std::vector<std::vector<Exact>>& cuts, const Exact& regret) {
  const size_t d = stated.objectives.size();
  ExactLp prog;
  prog.cost.assign(d, Exact(0));
  prog.rows.push_back({std::vector<Exact>(d, Exact(1)), RowSense::kEqual, 1});
  for (const auto& c : stated.constraints) {
    prog.rows.push_back({c.coef, c.equality ? RowSense::kEqual : RowSense::kAtLeast, c.rhs});
  }
  for (const auto& g : cuts) prog.rows.push_back({g, RowSense::kAtMost, regret});
  return solve_exact_lp(prog).status == LpStatus::kOptimal;
}

}  // namespace

Inference infer_weights(const LinearProblem& lp, const WeightSet& stated, const std::vector<int>& current,
                        SearchBudget& budget) {
  Inference out;
  out.current = current;
  const size_t d = lp.objectives.size();
  if (!evaluate(lp.problem, current).meets_constraints) {
    out.status = AnswerStatus::kInfeasible;
    out.why = "today's portfolio does not meet the model's budgets and constraints";
    return out;
  }
  Inferrer inf(lp, current, budget);
  inf.add(current);
  auto stopped = [&] {
    out.status = AnswerStatus::kLimitReached;
    out.solves = inf.solves;
    return out;
  };
  // First rivals: the best portfolio at each corner of the simplex and at the stated centre.
  std::vector<std::vector<Exact>> starts;
  for (size_t k = 0; k < d; ++k) {
    std::vector<Exact> e(d, Exact(0));
    e[k] = 1;
    starts.push_back(std::move(e));
  }
  starts.push_back(stated.central);
  std::vector<int> best;
  Exact r;
  for (const auto& w : starts) {
    if (!inf.best_at(w, best, r)) return stopped();
    inf.add(best);
  }
  // Cutting planes for the least regret.
  for (;;) {
    auto [t, w] = inf.least_over_cuts();
    if (!inf.best_at(w, best, r)) return stopped();
    if (r <= t) {
      out.regret = t;
      break;
    }
    inf.add(best);
  }
  // The set of least regret: its polytope's every vertex checked.
  std::set<std::vector<Exact>> checked;
  for (;;) {
    WeightSetBuild built = make_weight_set(lp.objectives, inf.constraints(out.regret));
    if (!built.set) {  // cannot happen: the LP's answer is in it
      out.status = AnswerStatus::kInfeasible;
      out.why = "no weighting reaches the least regret";
      return out;
    }
    bool grew = false;
    for (const auto& v : built.set->vertices) {
      // A vertex checked in an earlier round still has the least regret: the set only shrank.
      if (checked.count(v)) continue;
      if (!inf.best_at(v, best, r)) return stopped();
      if (r > out.regret) {
        grew = inf.add(best) || grew;
      } else {
        checked.insert(v);
      }
    }
    if (!grew) {
      out.set = std::move(*built.set);
      break;
    }
  }
  out.centre = out.set.central;
  if (!inf.best_at(out.centre, out.best_at_centre, r)) return stopped();
  nearest(stated, inf.cuts(), out.regret, out);
  out.stated_meets = sets_meet(stated, inf.cuts(), out.regret);
  out.solves = inf.solves;
  return out;
}

Exact least_regret_brute_force(const LinearProblem& lp, const std::vector<int>& current) {
  const std::vector<Exact> base = corner_values(lp, current);
  std::vector<std::vector<Exact>> cuts;
  for (const auto& q : detail::feasible_choices(lp.problem)) {
    std::vector<Exact> g = corner_values(lp, q);
    for (size_t k = 0; k < g.size(); ++k) g[k] -= base[k];
    cuts.push_back(std::move(g));
  }
  return solve_exact_lp(least_regret_program(lp.objectives.size(), cuts)).objective;
}

}  // namespace whichforum
