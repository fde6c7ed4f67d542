// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Inverse optimisation: the exact LP, then `infer_weights` on instances with a known answer
// (optimal on a range, at exactly one weighting, nowhere, with a tie) and against brute force.
#include "engine/exact_lp.h"
#include "engine/infer.h"

#include <doctest/doctest.h>

#include <set>

namespace whichforum {

namespace {

Exact q(const char* text) { return *parse_exact(text); }

// Two objectives, one slot (budget 1, each forum costs 1); forum values per unit weight.
LinearProblem one_slot(const std::vector<std::pair<std::string, std::vector<Exact>>>& forums) {
  LinearProblem lp;
  lp.objectives = {"a", "b"};
  lp.problem.resources = {"money"};
  lp.problem.budget = {1};
  for (const auto& [id, unit] : forums) {
    lp.problem.items.push_back({id, {{"member", 0, {Exact(1)}, {}}}, 0});
    lp.unit.push_back({unit});
  }
  return lp;
}

WeightSet whole(size_t n) {
  std::vector<std::string> ids;
  for (size_t k = 0; k < n; ++k) ids.push_back(n == 2 ? std::string(1, static_cast<char>('a' + k)) : "o" + std::to_string(k));
  return *make_weight_set(ids, {}).set;
}

WeightSet point(const std::vector<Exact>& w) {
  std::vector<std::string> ids = {"a", "b"};
  std::vector<WeightConstraint> cs;
  for (size_t k = 0; k < w.size(); ++k) {
    WeightConstraint c;
    c.coef.assign(w.size(), Exact(0));
    c.coef[k] = 1;
    c.rhs = w[k];
    c.equality = true;
    cs.push_back(std::move(c));
  }
  return *make_weight_set(ids, cs).set;
}

Inference run(const LinearProblem& lp, const WeightSet& stated, const std::vector<int>& current) {
  SearchBudget budget;
  return infer_weights(lp, stated, current, budget);
}

// P's regret at w against every feasible portfolio, by brute force.
Exact regret_at(const LinearProblem& lp, const std::vector<int>& current, const std::vector<Exact>& w) {
  const Problem p = at_weights(lp, w);
  const Solution best = solve_brute_force(p);
  return evaluate(p, best.choice).value - evaluate(p, current).value;
}

}  // namespace

TEST_SUITE("exact_lp") {
  TEST_CASE("a two-variable program has its vertex answer exactly") {
    // min -x - y, x + 2y <= 4, 3x + y <= 6: x = 8/5, y = 6/5.
    ExactLp lp{{-1, -1}, {{{1, 2}, RowSense::kAtMost, 4}, {{3, 1}, RowSense::kAtMost, 6}}};
    LpSolution s = solve_exact_lp(lp);
    REQUIRE(s.status == LpStatus::kOptimal);
    CHECK(s.x == std::vector<Exact>{q("8/5"), q("6/5")});
    CHECK(s.objective == q("-14/5"));
  }

  TEST_CASE("equalities, lower bounds, negative right-hand sides and a redundant row") {
    // min x + 2y, x + y = 1, x - y >= -1/2 (i.e. y - x <= 1/2), 2x + 2y = 2 (redundant): y = 0.
    ExactLp lp{{1, 2},
               {{{1, 1}, RowSense::kEqual, 1}, {{1, -1}, RowSense::kAtLeast, q("-1/2")}, {{2, 2}, RowSense::kEqual, 2}}};
    LpSolution s = solve_exact_lp(lp);
    REQUIRE(s.status == LpStatus::kOptimal);
    CHECK(s.x == std::vector<Exact>{1, 0});
    // max y (min -y) pushes y to the bound y - x <= 1/2: y = 3/4.
    lp.cost = {0, -1};
    s = solve_exact_lp(lp);
    REQUIRE(s.status == LpStatus::kOptimal);
    CHECK(s.x == std::vector<Exact>{q("1/4"), q("3/4")});
  }

  TEST_CASE("infeasible and unbounded programs are told apart") {
    ExactLp none{{1}, {{{1}, RowSense::kAtLeast, 2}, {{1}, RowSense::kAtMost, 1}}};
    CHECK(solve_exact_lp(none).status == LpStatus::kInfeasible);
    ExactLp open{{-1}, {{{1}, RowSense::kAtLeast, 2}}};
    CHECK(solve_exact_lp(open).status == LpStatus::kUnbounded);
  }
}

TEST_SUITE("infer") {
  // A is worth w_a, B w_b, C half of either: one slot.
  const std::vector<std::pair<std::string, std::vector<Exact>>> abc = {
      {"A", {1, 0}}, {"B", {0, 1}}, {"C", {q("1/2"), q("1/2")}}};

  TEST_CASE("a portfolio best on a range of weights: the range exactly, its centre, regret 0") {
    LinearProblem lp = one_slot(abc);
    Inference inf = run(lp, whole(2), {0, -1, -1});
    REQUIRE(inf.status == AnswerStatus::kOptimal);
    CHECK(inf.regret == 0);
    // A beats B iff w_a >= w_b; it beats C (1/2) iff w_a >= 1/2: the same here.
    CHECK(inf.set.vertices == std::vector<std::vector<Exact>>{{q("1/2"), q("1/2")}, {1, 0}});
    CHECK(inf.centre == std::vector<Exact>{q("3/4"), q("1/4")});
    // The whole simplex is stated; its centre (1/2, 1/2) is in the set.
    CHECK(inf.distance == 0);
    CHECK(inf.stated_meets);
  }

  TEST_CASE("a portfolio best at exactly one weighting") {
    LinearProblem lp = one_slot(abc);
    Inference inf = run(lp, whole(2), {-1, -1, 0});
    REQUIRE(inf.status == AnswerStatus::kOptimal);
    CHECK(inf.regret == 0);
    CHECK(inf.set.is_point());
    CHECK(inf.set.central == std::vector<Exact>{q("1/2"), q("1/2")});
  }

  TEST_CASE("a portfolio best nowhere: its least regret, where, and the rival there") {
    LinearProblem lp = one_slot({{"A", {1, 0}}, {"B", {0, 1}}, {"C", {q("2/5"), q("2/5")}}});
    Inference inf = run(lp, whole(2), {-1, -1, 0});
    REQUIRE(inf.status == AnswerStatus::kOptimal);
    // max(w_a, w_b) >= 1/2 > 2/5, equal to 1/2 only at the middle.
    CHECK(inf.regret == q("1/10"));
    CHECK(inf.regret == least_regret_brute_force(lp, {-1, -1, 0}));
    CHECK(inf.set.vertices == std::vector<std::vector<Exact>>{{q("1/2"), q("1/2")}});
    CHECK(inf.best_at_centre != std::vector<int>{-1, -1, 0});
  }

  TEST_CASE("a portfolio tied everywhere with another has the same set, and the distance is exact") {
    LinearProblem lp = one_slot({{"A", {1, 0}}, {"B", {0, 1}}, {"C", {q("1/2"), q("1/2")}}, {"D", {1, 0}}});
    Inference inf = run(lp, point({q("1/5"), q("4/5")}), {0, -1, -1, -1});
    REQUIRE(inf.status == AnswerStatus::kOptimal);
    CHECK(inf.regret == 0);
    CHECK(inf.set.vertices == std::vector<std::vector<Exact>>{{q("1/2"), q("1/2")}, {1, 0}});
    // From (1/5, 4/5) to the nearest of the set, (1/2, 1/2): 3/10 of the weight moves.
    CHECK(inf.distance == q("3/10"));
    CHECK(inf.nearest == std::vector<Exact>{q("1/2"), q("1/2")});
    CHECK_FALSE(inf.stated_meets);
  }

  TEST_CASE("a quadrilateral set in three objectives, exactly, with its centre inside") {
    // Three objectives, one slot: A is worth w_a, B w_b + w_c, C 3/4 w_a + w_b. A is best where
    // w_a >= w_b + w_c (w_a >= 1/2) and w_a >= 3/4 w_a + w_b (w_b <= w_a / 4): a quadrilateral.
    LinearProblem lp;
    lp.objectives = {"a", "b", "c"};
    lp.problem.resources = {"money"};
    lp.problem.budget = {1};
    const std::vector<std::pair<std::string, std::vector<Exact>>> forums = {
        {"A", {1, 0, 0}}, {"B", {0, 1, 1}}, {"C", {q("3/4"), 1, 0}}};
    for (const auto& [id, unit] : forums) {
      lp.problem.items.push_back({id, {{"member", 0, {Exact(1)}, {}}}, 0});
      lp.unit.push_back({unit});
    }
    Inference inf = run(lp, whole(3), {0, -1, -1});
    REQUIRE(inf.status == AnswerStatus::kOptimal);
    CHECK(inf.regret == 0);
    const std::set<std::vector<Exact>> expected = {
        {1, 0, 0}, {q("1/2"), 0, q("1/2")}, {q("1/2"), q("1/8"), q("3/8")}, {q("4/5"), q("1/5"), 0}};
    CHECK(std::set<std::vector<Exact>>(inf.set.vertices.begin(), inf.set.vertices.end()) == expected);
    for (const auto& v : inf.set.vertices) CHECK(regret_at(lp, {0, -1, -1}, v) == 0);
    CHECK(inf.set.contains(inf.centre));
    // The mean of the four vertices.
    CHECK(inf.centre == std::vector<Exact>{q("7/10"), q("13/160"), q("7/32")});
  }

  TEST_CASE("a portfolio over the budget is infeasible, not inferred") {
    LinearProblem lp = one_slot(abc);
    Inference inf = run(lp, whole(2), {0, 0, -1});
    CHECK(inf.status == AnswerStatus::kInfeasible);
  }

  TEST_CASE("random instances: the least regret and the set match brute force") {
    Random rng(20261203);
    auto between = [&](int lo, int hi) { return lo + static_cast<int>(rng.below(static_cast<unsigned>(hi - lo + 1))); };
    int checked = 0;
    for (int trial = 0; trial < 60; ++trial) {
      LinearProblem lp;
      const size_t k = static_cast<size_t>(between(2, 3));
      for (size_t j = 0; j < k; ++j) lp.objectives.push_back("o" + std::to_string(j));
      const size_t n = static_cast<size_t>(between(2, 6));
      Problem& p = lp.problem;
      p.resources = {"money"};
      p.budget = {between(2, 8)};
      // A need per objective now and then: values with diminishing returns, still linear in w.
      const bool needs = between(0, 1) == 1;
      if (needs) {
        for (size_t j = 0; j < k; ++j) {
          p.needs.push_back({"n" + std::to_string(j), 0});
          lp.need_objective.push_back(j);
          lp.need_unit.push_back(between(1, 4));
        }
      }
      for (size_t i = 0; i < n; ++i) {
        Item item{"f" + std::to_string(i), {}, 0};
        lp.unit.emplace_back();
        std::vector<Exact> unit(k, Exact(0));
        for (int o = between(1, 2); o > 0; --o) {
          for (auto& u : unit) u += between(0, 3);
          Option opt{"l" + std::to_string(item.options.size()), 0, {Exact(between(1, 4))}, {}};
          if (needs) {
            for (size_t j = 0; j < k; ++j) {
              if (between(0, 1) == 1) opt.shares.emplace_back(j, Exact(between(1, 4), 4));
            }
          }
          item.options.push_back(std::move(opt));
          lp.unit.back().push_back(unit);
        }
        p.items.push_back(std::move(item));
      }
      // Today's portfolio: a random feasible one.
      std::vector<int> current(n, -1);
      for (size_t i = 0; i < n; ++i) {
        current[i] = between(-1, static_cast<int>(p.items[i].options.size()) - 1);
        if (!evaluate(p, current).meets_constraints) current[i] = -1;
      }
      Inference inf = run(lp, whole(k), current);
      REQUIRE(inf.status == AnswerStatus::kOptimal);
      CHECK(inf.regret == least_regret_brute_force(lp, current));
      for (const auto& v : inf.set.vertices) CHECK(regret_at(lp, current, v) == inf.regret);
      CHECK(regret_at(lp, current, inf.centre) == inf.regret);
      CHECK(inf.set.contains(inf.nearest));
      // On a grid of weightings: in the set exactly where the regret is the least.
      const int steps = 6;
      for (int a = 0; a <= steps; ++a) {
        for (int b = 0; b + a <= steps; ++b) {
          std::vector<Exact> w(k, Exact(0));
          w[0] = Exact(a, steps);
          if (k == 2) {
            if (b > 0) continue;
            w[1] = 1 - w[0];
          } else {
            w[1] = Exact(b, steps);
            w[2] = 1 - w[0] - w[1];
          }
          CHECK(inf.set.contains(w) == (regret_at(lp, current, w) == inf.regret));
          ++checked;
        }
      }
    }
    CHECK(checked > 500);
  }
}

}  // namespace whichforum
