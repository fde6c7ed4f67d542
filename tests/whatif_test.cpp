// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// What-if: sweep parsing, budget sweeps, the frontier, scenario overlays, the current row.
#include "engine/engine.h"
#include "tests/test_support.h"

#include <doctest/doctest.h>

namespace whichforum {

using test::profile_text;
using test::run;
using test::shipped;
using test::shipped_profile;

TEST_SUITE("whatif") {
  TEST_CASE("whatif: the frontier flags PROBE's Table 1 as the paper does - {2} and {1,2,4} non-convex") {
    // Lourenco, Morton and Bana e Costa (2012), Table 1: four projects, values 3 4 3 2, costs
    // 4 8 10 8 (tests/data/probe_table1: values x 2.5, costs in thousands of USD, no prices).
    const std::string dir = std::string(WHICHFORUM_SOURCE_DIR) + "/tests/data/probe_table1";
    auto s = Session::open({dir + "/forums", dir + "/criteria", std::string(WHICHFORUM_SOURCE_DIR) + "/data"});
    REQUIRE(s.ok());
    auto p = s.value->load_profile(dir + "/profile.toml");
    REQUIRE(p.ok());
    auto rec = s.value->recommend(*p.value);
    REQUIRE(rec.ok());
    WhatIf w = what_if_budgets(*rec.value, {{0, Exact(0), Exact(30000), Exact(30000)}}, true);
    REQUIRE(w.frontier.size() == 7);  // the seven efficient portfolios of the paper
    const std::vector<std::pair<std::string, bool>> expected = {
        {"", true}, {"p1", true}, {"p2", false}, {"p1 p2", true}, {"p1 p2 p4", false}, {"p1 p2 p3", true}, {"p1 p2 p3 p4", true}};
    for (size_t k = 0; k < 7; ++k) {
      std::string ids;
      for (const auto& pick : w.frontier[k].portfolio) ids += (ids.empty() ? "" : " ") + pick.forum;
      CAPTURE(k);
      CHECK(ids == expected[k].first);
      CHECK(w.frontier[k].convex == expected[k].second);
      CHECK(w.frontier[k].value == Exact(std::vector<int>{0, 3, 4, 7, 9, 10, 12}[k]) * Exact(5, 2));
    }
  }
  TEST_CASE("whatif: sweeps parse and bad ones say why") {
    std::string why;
    auto sw = parse_sweep("money=60000:180000:20000", &why);
    REQUIRE(sw.has_value());
    CHECK(sw->resource == 0);
    CHECK(sw->step == 20000);
    CHECK(parse_sweep("staff_days=10:20:\"0.5\"", &why) == std::nullopt);
    CHECK(parse_sweep("staff_days=10:20:1/2", &why)->step == Exact(1, 2));
    CHECK_FALSE(parse_sweep("mony=1:2:1", &why));
    CHECK(why == "unknown resource \"mony\"; resources are money, staff_days, ministerial_days");
    CHECK_FALSE(parse_sweep("money=2:1:1", &why));
    CHECK(why == "need 0 <= FROM <= TO and STEP > 0");
    CHECK_FALSE(parse_sweep("money=0:100000:1", &why));
    CHECK(why == "more than 1000 points; use a larger STEP");
    CHECK_FALSE(parse_sweep("money", &why));
  }
  TEST_CASE("whatif: the value never falls as a swept budget rises, and each point is that budget's optimum") {
    Recommendation rec = run(shipped_profile("uruguay"));
    for (size_t r = 0; r < 3; ++r) {
      CAPTURE(r);
      Exact hi = rec.budget[r] * 2;
      WhatIf w = what_if_budgets(rec, {{r, Exact(0), hi, hi / 8}}, false);
      REQUIRE(w.points.size() == 9);
      Exact last = -1;
      bool seen_feasible = false;
      for (const auto& p : w.points) {
        // Uruguay must keep DN: too small a budget is infeasible, and stays so only at the start.
        if (!p.feasible) {
          CHECK_FALSE(seen_feasible);
          CHECK(p.infeasible_why.find("must-include forums (dn)") != std::string::npos);
          continue;
        }
        seen_feasible = true;
        CHECK(p.value >= last);
        last = p.value;
        for (size_t k = 0; k < 3; ++k) CHECK(p.cost[k] <= p.budget[k]);
      }
    }
  }
  TEST_CASE("whatif: entered and left describe the change from the row before") {
    Recommendation rec = run(shipped_profile("uruguay"));
    WhatIf w = what_if_budgets(rec, {{0, Exact(20000), Exact(60000), Exact(20000)}}, false);
    for (size_t k = 1; k < w.points.size(); ++k) {
      std::set<std::string> before, now;
      for (const auto& x : w.points[k - 1].portfolio) before.insert(x.forum + " (" + x.level + ")");
      for (const auto& x : w.points[k].portfolio) now.insert(x.forum + " (" + x.level + ")");
      for (const auto& e : w.points[k].entered) CHECK((now.count(e) && !before.count(e)));
      for (const auto& l : w.points[k].left) CHECK((before.count(l) && !now.count(l)));
      CHECK(now.size() == before.size() + w.points[k].entered.size() - w.points[k].left.size());
    }
  }
  TEST_CASE("whatif: every frontier portfolio is efficient and is the optimum at its own cost") {
    Recommendation rec = run(shipped_profile("uruguay"));
    // Up to 120,000 USD: DN, then Red GEALC, then OGP enter (three efficient portfolios).
    WhatIf w = what_if_budgets(rec, {{0, Exact(0), Exact(120000), Exact(10000)}}, true);
    REQUIRE(w.frontier.size() >= 3);
    for (size_t i = 0; i < w.frontier.size(); ++i) {
      for (size_t j = 0; j < w.frontier.size(); ++j) {
        if (i == j) continue;
        // No other efficient portfolio is worth at least as much for no more money.
        bool dominated = w.frontier[j].value >= w.frontier[i].value && w.frontier[j].cost[0] <= w.frontier[i].cost[0];
        CHECK_FALSE(dominated);
      }
      Problem q = rec.problem;
      q.budget[0] = w.frontier[i].cost[0];
      CHECK(solve(q).value == w.frontier[i].value);
    }
    for (size_t i = 1; i < w.frontier.size(); ++i) {
      CHECK(w.frontier[i].cost[0] > w.frontier[i - 1].cost[0]);
      CHECK(w.frontier[i].value > w.frontier[i - 1].value);
    }
  }
  TEST_CASE("whatif: a scenario overlay replaces only what it gives") {
    Profile base = shipped_profile("uruguay");
    auto doc = read_toml("scenario = \"cut\"\n[capacity]\nmoney = 1000\n[objectives]\nbranding = 1\n", "s.toml");
    REQUIRE(doc.ok());
    auto merged = apply_overlay(base, *doc.value);
    REQUIRE(merged.ok());
    CHECK(merged.value->scenario == "cut");
    CHECK(merged.value->capacity.money == 1000);
    CHECK(merged.value->capacity.staff_days == base.capacity.staff_days);
    REQUIRE(merged.value->weights.size() == 1);
    CHECK(merged.value->weights[0].objective == "branding");
    CHECK(merged.value->memberships.size() == base.memberships.size());
    CHECK(merged.value->constraints.must.size() == base.constraints.must.size());
  }
  TEST_CASE("whatif: a scenario may not change the country, and its errors point into it") {
    Profile base = shipped_profile("uruguay");
    auto doc = read_toml("country = \"CAN\"\n", "s.toml");
    auto merged = apply_overlay(base, *doc.value);
    CHECK(test::first_error(merged.diagnostics) ==
          "s.toml:1:11: a scenario cannot change the country (URY); make another profile");
    auto bad = read_toml("[capacity]\nmony = 5\n", "s.toml");
    CHECK(test::first_error(apply_overlay(base, *bad.value).diagnostics) ==
          "s.toml:2:1: unknown key \"mony\" in [capacity]; did you mean \"money\"?");
  }
  TEST_CASE("whatif: the current row values and costs the current memberships") {
    Recommendation rec = run(shipped_profile("uruguay"));
    WhatIfPoint cur = current_point(rec);
    std::vector<std::string> forums;
    for (const auto& x : cur.portfolio) forums.push_back(x.forum);
    CHECK(forums == std::vector<std::string>{"dn", "ogp", "redgealc"});
    Exact sum = 0;
    for (const auto& a : rec.assessments) {
      if (a.other_remit) continue;  // the ITU: the telecoms ministry's file, outside today's baseline
      auto m = rec.country.memberships.find(a.forum.id);
      if (m != rec.country.memberships.end()) {
        for (const auto& l : a.options) {
          if (l.option.id == m->second) sum += l.cost_vec[0];
        }
      }
    }
    CHECK(cur.cost[0] == sum);
  }
}

}  // namespace whichforum
