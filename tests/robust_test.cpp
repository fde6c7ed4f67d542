// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Robustness: the weight set (extreme points, centre, sampling), AHP, the non-dominated set
// against brute force, core indices, acceptabilities, decision rules and the weight change.
#include "engine/ahp.h"
#include "engine/robust.h"
#include "engine/weight_set.h"

#include <doctest/doctest.h>

#include <map>
#include <set>

namespace whichforum {

namespace {

Exact q(const char* text) { return *parse_exact(text); }

// w_a - w_b >= 0 over `n` objectives.
WeightConstraint above(size_t n, size_t a, size_t b) {
  WeightConstraint c;
  c.coef.assign(n, Exact(0));
  c.coef[a] = 1;
  c.coef[b] = -1;
  c.text = "w" + std::to_string(a) + " >= w" + std::to_string(b);
  return c;
}

WeightSet ordinal(size_t n) {
  std::vector<std::string> ids;
  std::vector<WeightConstraint> cs;
  for (size_t k = 0; k < n; ++k) ids.push_back("c" + std::to_string(k + 1));
  for (size_t k = 0; k + 1 < n; ++k) cs.push_back(above(n, k, k + 1));
  return *make_weight_set(ids, cs).set;
}

// The instance: 8 forums, 3 objectives, 2 resources (cost <= 22, days <= 11).
LinearProblem eight_forums() {
  struct Row {
    const char* id;
    const char* c[3];
    int cost, days;
  };
  const Row rows[] = {
      {"A", {".8", ".2", ".4"}, 4, 3},  {"B", {".3", ".9", ".6"}, 8, 2}, {"C", {".6", ".6", ".9"}, 10, 5},
      {"D", {".2", ".4", ".8"}, 8, 4},  {"E", {".5", ".3", ".2"}, 6, 2}, {"F", {".1", ".7", ".5"}, 5, 3},
      {"G", {".7", ".5", ".1"}, 7, 4},  {"H", {".2", ".1", ".3"}, 3, 1},
  };
  LinearProblem lp;
  lp.objectives = {"c1", "c2", "c3"};
  lp.problem.resources = {"cost", "days"};
  lp.problem.budget = {22, 11};
  for (const auto& r : rows) {
    lp.problem.items.push_back({r.id, {{"member", 0, {Exact(r.cost), Exact(r.days)}}}});
    lp.unit.push_back({{q(r.c[0]), q(r.c[1]), q(r.c[2])}});
  }
  return lp;
}

std::string names(const LinearProblem& lp, const std::vector<int>& choice) {
  std::string s;
  for (size_t i = 0; i < choice.size(); ++i) {
    if (choice[i] >= 0) s += lp.problem.items[i].id;
  }
  return s;
}

std::set<std::string> portfolio_names(const LinearProblem& lp, const std::vector<Nondominated>& nd) {
  std::set<std::string> out;
  for (const auto& x : nd) out.insert(names(lp, x.choice));
  return out;
}

// A random small problem whose values are linear in 2..4 objectives: small integer scores so that
// ties abound, 1..2 options, 1..2 resources, now and then constraints and overlap penalties.
LinearProblem random_linear(Random& rng) {
  auto between = [&](int lo, int hi) { return lo + static_cast<int>(rng.below(static_cast<unsigned>(hi - lo + 1))); };
  LinearProblem lp;
  const size_t k = static_cast<size_t>(between(2, 4));
  for (size_t j = 0; j < k; ++j) lp.objectives.push_back("o" + std::to_string(j));
  const size_t n = static_cast<size_t>(between(1, 7));
  const size_t resources = static_cast<size_t>(between(1, 2));
  Problem& p = lp.problem;
  for (size_t r = 0; r < resources; ++r) p.resources.push_back("r" + std::to_string(r));
  std::vector<Exact> total(resources, Exact(0));
  for (size_t i = 0; i < n; ++i) {
    Item item{"f" + std::to_string(i), {}};
    std::vector<Exact> unit(k, Exact(0)), cost(resources, Exact(0));
    lp.unit.emplace_back();
    for (int o = between(1, 2); o > 0; --o) {
      for (auto& u : unit) u += between(0, 3);
      for (auto& c : cost) c += between(1, 4);
      item.options.push_back({"l" + std::to_string(item.options.size()), 0, cost});
      lp.unit.back().push_back(unit);
    }
    for (size_t r = 0; r < resources; ++r) total[r] += cost[r];
    p.items.push_back(std::move(item));
  }
  for (size_t r = 0; r < resources; ++r) p.budget.push_back(total[r] * between(20, 60) / 100);
  if (between(0, 4) == 0) p.must.push_back(static_cast<size_t>(between(0, static_cast<int>(n) - 1)));
  if (between(0, 4) == 0) p.max_items = static_cast<size_t>(between(1, static_cast<int>(n)));
  if (n >= 2 && between(0, 4) == 0) p.implies.emplace_back(0, n - 1);
  if (n >= 3 && between(0, 4) == 0) p.at_most_one.push_back({0, 1, 2});
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = i + 1; j < n; ++j) {
      if (between(0, 6) != 0) continue;
      p.penalties.push_back({i, j, 0});
      std::vector<Exact> u = lp.unit[i][0];
      for (auto& x : u) x /= 2;
      lp.penalty_unit.push_back(u);
    }
  }
  return lp;
}

// A random statement about k weights: a ranking of two of them, or an interval on one.
WeightConstraint random_statement(Random& rng, size_t k) {
  size_t a = static_cast<size_t>(rng.below(k)), b = (a + 1 + static_cast<size_t>(rng.below(k - 1))) % k;
  if (rng.below(2) == 0) return above(k, a, b);
  WeightConstraint c;
  c.coef.assign(k, Exact(0));
  bool lower = rng.below(2) == 0;
  c.coef[a] = lower ? 1 : -1;
  Exact v(static_cast<long long>(rng.below(9) + 1), 10);
  c.rhs = lower ? Exact(v / 2) : Exact(-v);
  return c;
}

std::vector<std::string> ids(const LinearProblem& lp) { return lp.objectives; }

}  // namespace

TEST_SUITE("robust") {
  TEST_CASE("weight set: an ordinal ranking is a simplex whose centre is the rank-order centroid") {
    WeightSet w = ordinal(3);
    REQUIRE(w.vertices.size() == 3);
    CHECK(w.dimension == 2);
    // ROC for 3: (1 + 1/2 + 1/3)/3, (1/2 + 1/3)/3, (1/3)/3.
    CHECK(w.central == std::vector<Exact>{q("11/18"), q("5/18"), q("1/9")});
    CHECK(w.contains(w.central));
    CHECK_FALSE(w.contains({q("0.2"), q("0.5"), q("0.3")}));
    auto simplices = triangulate(w);
    REQUIRE(simplices.size() == 1);
  }

  TEST_CASE("weight set: intervals cut the simplex - the centre is the mean of the extreme points") {
    // w1 in [0.2, 0.5], w2 in [0.1, 0.3], w3 free: a pentagon? Its vertices by hand:
    // w1=.2: w2=.1 -> w3=.7; w2=.3 -> w3=.5. w1=.5: w2=.1 -> .4; w2=.3 -> .2. Four vertices.
    std::vector<WeightConstraint> cs;
    auto bound = [&](size_t k, const char* v, bool lower) {
      WeightConstraint c;
      c.coef.assign(3, Exact(0));
      c.coef[k] = lower ? 1 : -1;
      c.rhs = lower ? q(v) : -q(v);
      cs.push_back(c);
    };
    bound(0, "0.2", true);
    bound(0, "0.5", false);
    bound(1, "0.1", true);
    bound(1, "0.3", false);
    WeightSet w = *make_weight_set({"a", "b", "c"}, cs).set;
    REQUIRE(w.vertices.size() == 4);
    CHECK(w.vertices[0] == std::vector<Exact>{q("0.2"), q("0.1"), q("0.7")});
    CHECK(w.vertices[3] == std::vector<Exact>{q("0.5"), q("0.3"), q("0.2")});
    CHECK(w.central == std::vector<Exact>{q("0.35"), q("0.2"), q("0.45")});
    auto simplices = triangulate(w);
    REQUIRE(simplices.size() == 2);
    CHECK(simplices[0].volume + simplices[1].volume > 0);
    CHECK(simplices[0].volume == simplices[1].volume);  // a rectangle cut by its diagonal
  }

  TEST_CASE("weight set: contradictory statements name the first one that empties the set") {
    std::vector<WeightConstraint> cs = {above(2, 0, 1)};
    WeightConstraint c;
    c.coef = {Exact(-1), Exact(0)};
    c.rhs = q("-0.3");  // w0 <= 0.3, but w0 >= w1 means w0 >= 0.5
    cs.push_back(c);
    auto built = make_weight_set({"a", "b"}, cs);
    CHECK_FALSE(built.set);
    CHECK(built.contradiction == 1);
  }

  TEST_CASE("weight set: samples are uniform (a seeded run lands on the known shares)") {
    // Ordinal 2-simplex: the share of samples with w1 >= 2 w2 is the area of that part.
    WeightSet w = ordinal(3);
    auto simplices = triangulate(w);
    WeightSampler s(simplices, 7);
    int hits = 0;
    const int n = 20000;
    for (int k = 0; k < n; ++k) {
      auto x = sample_weights(w, simplices, s.draw());
      REQUIRE(w.contains(x));
      hits += x[0] >= 2 * x[1] ? 1 : 0;
    }
    // Area share of {w1 >= 2 w2} in the ordinal simplex: vertices (1,0,0), (1/2,1/2,0),
    // (1/3,1/3,1/3); the line w1 = 2 w2 meets the edges at (2/3,1/3,0) and (1/2,1/4,1/4):
    // share 1/2 (by the barycentric areas). 1.96 sd = 0.0069 at n = 20000.
    CHECK(std::abs(hits / double(n) - 0.5) < 0.0069);
  }

  TEST_CASE("AHP: Saaty's drinks matrix gives the published weights and consistency ratio") {
    // Saaty, T. L. (2008), Decision making with the analytic hierarchy process, Int. J. Services
    // Sciences 1(1) 83-98: "Which drink is consumed more in the U.S.?" Published eigenvector
    // .177 .019 .042 .116 .190 .129 .327 and C.R. .022 (RI for n = 7: 1.32); the same values are
    // asserted by the ahpy package's test suite.
    const char* m[7][7] = {
        {"1", "9", "5", "2", "1", "1", "1/2"},       {"1/9", "1", "1/3", "1/9", "1/9", "1/9", "1/9"},
        {"1/5", "3", "1", "1/3", "1/4", "1/3", "1/9"}, {"1/2", "9", "3", "1", "1/2", "1", "1/3"},
        {"1", "9", "4", "2", "1", "2", "1/2"},       {"1", "9", "3", "1", "1/2", "1", "1/3"},
        {"2", "9", "9", "3", "2", "3", "1"},
    };
    std::vector<std::vector<Exact>> a(7, std::vector<Exact>(7));
    for (size_t i = 0; i < 7; ++i) {
      for (size_t j = 0; j < 7; ++j) a[i][j] = q(m[i][j]);
    }
    AhpResult r = ahp(a);
    const char* published[] = {"0.177", "0.019", "0.042", "0.116", "0.190", "0.129", "0.327"};
    for (size_t i = 0; i < 7; ++i) CHECK(format_exact(r.weights[i], 3) == format_exact(q(published[i]), 3));
    REQUIRE(r.cr);
    CHECK(format_exact(*r.cr, 3) == "0.022");
    CHECK_FALSE(r.revision);  // consistent enough: nothing to revise
  }

  TEST_CASE("AHP: an inconsistent matrix names the judgement whose revision helps most") {
    // a > b (3), b > c (3), but c > a (3): a cycle. Any one revision breaks it.
    std::vector<std::vector<Exact>> a = {{1, 3, q("1/3")}, {q("1/3"), 1, 3}, {3, q("1/3"), 1}};
    AhpResult r = ahp(a);
    REQUIRE(r.cr);
    CHECK(*r.cr > q("0.1"));
    REQUIRE(r.revision);
    CHECK(r.revision->cr_after < *r.cr);
    // A consistent matrix: CR 0 and lambda-max = n.
    AhpResult c = ahp({{1, 2, 4}, {q("1/2"), 1, 2}, {q("1/4"), q("1/2"), 1}});
    CHECK(abs(c.lambda_max - 3) < q("0.000000001") );
    CHECK(abs(*c.cr) < q("0.000000001"));
    CHECK(format_exact(c.weights[0], 9) == "0.571428571");
    CHECK(format_exact(c.weights[2], 9) == "0.142857143");
  }

  TEST_CASE("robust: the 8-forum instance's non-dominated set, core indices and rules") {
    LinearProblem lp = eight_forums();
    WeightSet w = ordinal(3);
    NondominatedSet nd = nondominated(lp, w);
    REQUIRE(nd.status == AnswerStatus::kOptimal);
    CHECK(portfolio_names(lp, nd.portfolios) == std::set<std::string>{"ABC", "ABGH", "AEGH"});
    CHECK(portfolio_names(lp, nondominated_brute_force(lp, w)) == portfolio_names(lp, nd.portfolios));
    Solution central = solve(at_weights(lp, w.central));
    CHECK(names(lp, central.choice) == "ABGH");
    Robustness r = analyse_robustness(lp, w, central.choice, RobustOptions{});
    REQUIRE(r.status == AnswerStatus::kOptimal);
    std::map<std::string, Exact> core;
    for (const auto& f : r.forums) core[lp.problem.items[f.item].id] = f.core_index;
    CHECK(core["A"] == 1);
    CHECK(core["B"] == q("2/3"));
    CHECK(core["G"] == q("2/3"));
    CHECK(core["H"] == q("2/3"));
    CHECK(core["C"] == q("1/3"));
    CHECK(core["E"] == q("1/3"));
    CHECK(core["D"] == 0);
    CHECK(core["F"] == 0);
    // Exact acceptabilities (the issue's): ABGH 0.7298, AEGH 0.2143, ABC 0.0559; the sampled
    // shares must land within their own 95% half-widths.
    std::map<std::string, Exact> exact = {{"ABGH", q("0.7298")}, {"AEGH", q("0.2143")}, {"ABC", q("0.0559")}};
    for (const auto& pr : r.portfolios) {
      std::string id = names(lp, r.nondominated[pr.index].choice);
      INFO(id << " sampled " << format_exact(pr.acceptability, 4) << " +- " << format_exact(pr.half_width, 4));
      CHECK(abs(pr.acceptability - exact[id]) <= pr.half_width);
    }
    CHECK(names(lp, r.nondominated[r.portfolios.front().index].choice) == "ABGH");
    CHECK(names(lp, r.central.choice) == "ABGH");
    REQUIRE(r.smallest_change.status == AnswerStatus::kOptimal);
    REQUIRE(r.smallest_change.change);
    // At the central weights ABGH beats the others; the smallest transfer makes one of them tie.
    const WeightChange& c = *r.smallest_change.change;
    CHECK(c.amount > 0);
    CHECK(solve(at_weights(lp, c.weights)).value == evaluate(at_weights(lp, c.weights), central.choice).value);
  }

  TEST_CASE("robust: a weight change whose solve stops at the step limit is limit_reached, not \"no change\"") {
    LinearProblem lp = eight_forums();
    WeightSet w = ordinal(3);
    Solution central = solve(at_weights(lp, w.central));
    REQUIRE(central.optimal());
    // One step: the first solve of the walk stops. Before the answer carried a status this read
    // as "no transfer changes the recommendation".
    SearchBudget tiny(1);
    WeightChangeAnswer stopped = smallest_weight_change(lp, w, central.choice, tiny);
    CHECK(stopped.status == AnswerStatus::kLimitReached);
    CHECK_FALSE(stopped.change.has_value());
    CHECK(tiny.exhausted());
    // With the steps it needs, the same walk finds the transfer (as without a budget).
    SearchBudget ample;
    WeightChangeAnswer found = smallest_weight_change(lp, w, central.choice, ample);
    REQUIRE(found.status == AnswerStatus::kOptimal);
    REQUIRE(found.change.has_value());
    WeightChangeAnswer unbounded = smallest_weight_change(lp, w, central.choice);
    REQUIRE(unbounded.change.has_value());
    CHECK(found.change->amount == unbounded.change->amount);
    // analyse_robustness passes its max_steps on: the rest of the analysis stands, the change
    // says it was not found.
    RobustOptions options;
    options.samples = 100;
    options.max_steps = 1;
    Robustness r = analyse_robustness(lp, w, central.choice, options);
    CHECK(r.status == AnswerStatus::kOptimal);
    CHECK(r.nondominated.size() == 3);
    CHECK(r.smallest_change.status == AnswerStatus::kLimitReached);
    CHECK_FALSE(r.smallest_change.change.has_value());
  }

  TEST_CASE("robust: a non-dominated search past its node limit makes the answer limit_reached") {
    LinearProblem lp = eight_forums();
    WeightSet w = ordinal(3);
    NondominatedSet nd = nondominated(lp, w, 3);
    CHECK(nd.status == AnswerStatus::kLimitReached);
    CHECK(nd.portfolios.empty());
    RobustOptions options;
    options.node_limit = 3;
    Robustness r = analyse_robustness(lp, w, solve(at_weights(lp, w.central)).choice, options);
    CHECK(r.status == AnswerStatus::kLimitReached);
    CHECK(r.nondominated.empty());
    CHECK(r.forums.empty());
    // A problem no portfolio fits: the search completes and says so.
    LinearProblem none = eight_forums();
    none.problem.must = {2, 3};  // C and D, but at most one forum
    none.problem.max_items = 1;
    NondominatedSet empty = nondominated(none, w);
    CHECK(empty.status == AnswerStatus::kInfeasible);
    CHECK(empty.portfolios.empty());
  }

  TEST_CASE("robust: the non-dominated search agrees with brute force on 300 seeded instances") {
    Random rng(20261123);
    int checked = 0, with_ties = 0;
    for (int t = 0; t < 300; ++t) {
      LinearProblem lp = random_linear(rng);
      const size_t k = lp.objectives.size();
      std::vector<WeightConstraint> cs;
      for (int s = static_cast<int>(rng.below(3)); s > 0; --s) cs.push_back(random_statement(rng, k));
      auto built = make_weight_set(ids(lp), cs);
      if (!built.set) continue;
      NondominatedSet nd = nondominated(lp, *built.set);
      REQUIRE(nd.status != AnswerStatus::kLimitReached);
      const std::vector<Nondominated>* fast = &nd.portfolios;
      auto slow = nondominated_brute_force(lp, *built.set);
      INFO("instance " << t);
      REQUIRE(fast->size() == slow.size());
      for (size_t a = 0; a < slow.size(); ++a) {
        CHECK((*fast)[a].choice == slow[a].choice);
        CHECK((*fast)[a].ties == slow[a].ties);
        with_ties += slow[a].ties.empty() ? 0 : 1;
      }
      ++checked;
    }
    CHECK(checked > 250);
    CHECK(with_ties > 0);  // the instances do exercise ties
  }

  TEST_CASE("robust: with needs (coverage), the non-dominated search agrees with brute force on 300 instances") {
    Random rng(20261202);
    int checked = 0, with_ties = 0, several = 0, with_penalties = 0;
    for (int t = 0; t < 300; ++t) {
      LinearProblem lp = random_linear(rng);
      const size_t k = lp.objectives.size();
      // One or two needs per objective; each option serves a share of its objectives' needs
      // (its unit / 8, at most 1), and keeps a small own value (a price, often negative). Half
      // the instances keep random_linear's overlap penalties beside the needs.
      if (t % 2 == 0) {
        lp.problem.penalties.clear();
        lp.penalty_unit.clear();
      }
      for (size_t j = 0; j < k; ++j) {
        for (int part = 1 + static_cast<int>(rng.below(2)); part > 0; --part) {
          lp.problem.needs.push_back({"o" + std::to_string(j), Exact(0)});
          lp.need_objective.push_back(j);
          lp.need_unit.push_back(Exact(100, 2));
        }
      }
      for (size_t i = 0; i < lp.problem.items.size(); ++i) {
        for (size_t o = 0; o < lp.problem.items[i].options.size(); ++o) {
          auto& opt = lp.problem.items[i].options[o];
          for (size_t n = 0; n < lp.need_objective.size(); ++n) {
            const Exact share = std::min(Exact(1), Exact(lp.unit[i][o][lp.need_objective[n]] / 8));
            if (share > 0 && rng.below(3) != 0) opt.shares.emplace_back(n, share);
          }
          for (auto& u : lp.unit[i][o]) u = -Exact(static_cast<long long>(rng.below(4)));
        }
      }
      std::vector<WeightConstraint> cs;
      for (int s = static_cast<int>(rng.below(3)); s > 0; --s) cs.push_back(random_statement(rng, k));
      auto built = make_weight_set(ids(lp), cs);
      if (!built.set) continue;
      NondominatedSet nd = nondominated(lp, *built.set);
      REQUIRE(nd.status != AnswerStatus::kLimitReached);
      auto slow = nondominated_brute_force(lp, *built.set);
      INFO("instance " << t);
      REQUIRE(nd.portfolios.size() == slow.size());
      for (size_t a = 0; a < slow.size(); ++a) {
        CHECK(nd.portfolios[a].choice == slow[a].choice);
        CHECK(nd.portfolios[a].values == slow[a].values);
        CHECK(nd.portfolios[a].ties == slow[a].ties);
        with_ties += slow[a].ties.empty() ? 0 : 1;
      }
      several += slow.size() > 1 ? 1 : 0;
      with_penalties += lp.problem.penalties.empty() ? 0 : 1;
      ++checked;
    }
    CHECK(checked > 250);
    CHECK(several > 50);  // many instances have more than one non-dominated portfolio
    CHECK(with_penalties > 30);
    MESSAGE(checked << " checked, " << several << " with several non-dominated, " << with_ties << " ties, "
                    << with_penalties << " with penalties");
  }

  TEST_CASE("robust: a further statement adds a non-dominated portfolio only as a tie on the narrowed set") {
    // Narrowing the set can only remove dominance relations' strictness: a portfolio dominated on
    // W (>= everywhere, > somewhere) is still >= on W' and becomes non-dominated there only if it
    // ties its dominator on all of W'. Such ties are reported in Nondominated::ties.
    Random rng(7);
    int narrowed = 0, new_ties = 0;
    for (int t = 0; t < 300; ++t) {
      LinearProblem lp = random_linear(rng);
      const size_t k = lp.objectives.size();
      std::vector<WeightConstraint> cs;
      if (rng.below(2) == 0) cs.push_back(random_statement(rng, k));
      auto wide = make_weight_set(ids(lp), cs);
      cs.push_back(random_statement(rng, k));
      auto narrow = make_weight_set(ids(lp), cs);
      if (!wide.set || !narrow.set) continue;
      auto before = nondominated_brute_force(lp, *wide.set);
      auto after = nondominated_brute_force(lp, *narrow.set);
      std::set<std::vector<int>> old;
      for (const auto& x : before) old.insert(x.choice);
      for (const auto& x : after) {
        if (old.count(x.choice)) continue;
        INFO("instance " << t);
        CHECK_FALSE(x.ties.empty());
        ++new_ties;
      }
      ++narrowed;
    }
    CHECK(narrowed > 200);
    CHECK(new_ties > 0);  // the property is exercised, not vacuous
  }
}

}  // namespace whichforum
