// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// The LP export: names, exact integer rows, and the rows of every kind of constraint.
#include "engine/solve/lp_export.h"

#include <doctest/doctest.h>

namespace whichforum {

namespace {

Problem two_forums() {
  Problem p;
  p.resources = {"money", "staff days"};
  p.budget = {Exact(100), Exact(7, 2)};
  p.items.push_back({"dn", {{"member", Exact(5, 3), {Exact(40), Exact(1)}}, {"lead", Exact(3), {Exact(90), Exact(5, 2)}}}});
  p.items.push_back({"o-g.p", {{"member", Exact(2), {Exact(30), Exact(1, 3)}}}});
  p.penalties.push_back({0, 1, Exact(1, 4)});
  return p;
}

}  // namespace

TEST_SUITE("lp_export") {
  TEST_CASE("lp_export: names keep letters, digits and underscores, and are never empty") {
    CHECK(lp_name("oecd_eleaders") == "oecd_eleaders");
    CHECK(lp_name("o-g.p") == "o_g_p");
    CHECK(lp_name("") == "_");
    CHECK(lp_name(std::string(50, 'a')).size() == 40);
  }
  TEST_CASE("lp_export: every row exact in integers, values and losses on their own denominators") {
    Problem p = two_forums();
    Solution s = solve(p);
    LpExport lp = export_lp(p, "test", &s);
    CHECK(lp.columns == std::vector<std::vector<std::string>>{{"x_dn_member", "x_dn_lead"}, {"x_o_g_p_member"}});
    auto body = lp.text.substr(lp.text.find("Maximize"));
    CHECK(body == R"(Maximize
 value:
    + v_dn + v_o_g_p - l_dn_o_g_p
Subject To
\ dn's value times 3
 value_dn:
    + 3 v_dn - 5 x_dn_member - 9 x_dn_lead = 0
\ o-g.p's value times 1
 value_o_g_p:
    + v_o_g_p - 2 x_o_g_p_member = 0
 one_dn:
    + x_dn_member + x_dn_lead <= 1
\ money times 1; the budget is 100
 budget_money:
    + 40 x_dn_member + 90 x_dn_lead + 30 x_o_g_p_member <= 100
\ staff days times 6; the budget is 3.5
 budget_staff_days:
    + 6 x_dn_member + 15 x_dn_lead + 2 x_o_g_p_member <= 21
 overlap_dn_o_g_p:
    + y_dn_o_g_p - x_dn_member - x_dn_lead - x_o_g_p_member >= -1
\ the loss of dn and o-g.p together times 4
 loss_dn_o_g_p:
    + 4 l_dn_o_g_p - y_dn_o_g_p = 0
Bounds
 v_dn free
 v_o_g_p free
 y_dn_o_g_p >= 0
 l_dn_o_g_p free
Binaries
 x_dn_member
 x_dn_lead
 x_o_g_p_member
End
)");
    CHECK(lp.text.find("\\ whichforum's optimum: 41/12 (3.416667)\n") != std::string::npos);
    CHECK(lp.text.find("\\ whichforum's portfolio: x_dn_member x_o_g_p_member\n") != std::string::npos);
  }
  TEST_CASE("lp_export: a problem whose search stopped at the step limit is still written, with its warning") {
    Problem p = two_forums();
    const Solution full = solve(p);
    REQUIRE(full.optimal());
    const Solution stopped = solve(p, 1);
    REQUIRE(stopped.limit_reached());
    const LpExport lp = export_lp(p, "test", &stopped);
    // The whole problem, row for row as when whichforum found the optimum.
    const LpExport reference = export_lp(p, "test", &full);
    CHECK(lp.columns == reference.columns);
    CHECK(lp.text.substr(lp.text.find("Maximize")) == reference.text.substr(reference.text.find("Maximize")));
    // The warning, and no claim: neither an optimum nor "infeasible".
    CHECK(lp.text.find("\\ whichforum's search stopped at its step limit: it states no optimum for this LP.\n") !=
          std::string::npos);
    CHECK(lp.text.find("whichforum's optimum") == std::string::npos);
    CHECK(lp.text.find("infeasible") == std::string::npos);
  }
  TEST_CASE("lp_export: must, max, requires and at-most-one rows - ids that collide get their position") {
    Problem p = two_forums();
    p.items.push_back({"o_g_p", {{"member", Exact(1), {Exact(1), Exact(0)}}}});
    p.must = {0};
    p.max_items = 2;
    p.implies = {{1, 2}, {1, 2}};
    p.at_most_one = {{0, 2}};
    LpExport lp = export_lp(p, "test", nullptr);
    CHECK(lp.columns[2] == std::vector<std::string>{"x_o_g_p_3_member"});
    CHECK(lp.text.find(" must_dn:\n    + x_dn_member + x_dn_lead = 1\n") != std::string::npos);
    CHECK(lp.text.find(" max_forums:\n    + x_dn_member + x_dn_lead + x_o_g_p_member + x_o_g_p_3_member <= 2\n") !=
          std::string::npos);
    CHECK(lp.text.find(" requires_o_g_p_o_g_p_3:\n    + x_o_g_p_member - x_o_g_p_3_member <= 0\n") != std::string::npos);
    CHECK(lp.text.find("requires", lp.text.find("requires_o_g_p_o_g_p_3") + 1) == std::string::npos);  // once
    CHECK(lp.text.find(" at_most_one_1:\n    + x_dn_member + x_dn_lead + x_o_g_p_3_member <= 1\n") != std::string::npos);
    CHECK(lp.text.find("whichforum's optimum") == std::string::npos);
  }
  TEST_CASE("lp_export: a must-include item with no option makes a row that cannot hold") {
    Problem p = two_forums();
    p.items.push_back({"gpai", {}});
    p.must = {2};
    Solution s = solve(p);
    LpExport lp = export_lp(p, "test", &s);
    CHECK(lp.text.find(" must_gpai:\n    + unavailable = 1\n") != std::string::npos);
    CHECK(lp.text.find(" unavailable = 0\n") != std::string::npos);
    CHECK(lp.text.find("whichforum finds no portfolio that meets every constraint") != std::string::npos);
  }
  TEST_CASE("lp_export: a negative loss (a gain) bounds y by each side") {
    Problem p = two_forums();
    p.penalties[0].amount = Exact(-1, 2);
    LpExport lp = export_lp(p, "test", nullptr);
    CHECK(lp.text.find(" overlap_dn_o_g_p_dn:\n    + y_dn_o_g_p - x_dn_member - x_dn_lead <= 0\n") != std::string::npos);
    CHECK(lp.text.find(" overlap_dn_o_g_p_o_g_p:\n    + y_dn_o_g_p - x_o_g_p_member <= 0\n") != std::string::npos);
    CHECK(lp.text.find(" loss_dn_o_g_p:\n    + 2 l_dn_o_g_p + y_dn_o_g_p = 0\n") != std::string::npos);
  }
}

}  // namespace whichforum
