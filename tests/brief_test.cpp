// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// The briefing's page one (issue 18 item 1) and its charts' figures (item 3), checked against the
// model they come from: the decision names every change, the trade-offs say what re-solving at
// those budgets gives, coverage by objective adds up to the totals, the chart's steps chain.
#include <doctest/doctest.h>

#include "cli/output.h"
#include "engine/brief.h"
#include "engine/numbers.h"
#include "engine/report.h"
#include "engine/report_format.h"
#include "tests/test_support.h"

#include <cstdlib>
#include <set>

namespace whichforum {
namespace {

std::vector<Profile> profiles() {
  std::vector<Profile> out;
  for (const char* name : {"uruguay", "canada", "estonia"}) out.push_back(test::shipped_profile(name));
  for (const char* iso3 : {"KEN", "BRA", "GBR", "PNG", "SAU"}) {
    auto text = test::shipped_session().starter_profile(iso3);
    REQUIRE(text.ok());
    out.push_back(test::profile_text(*text.value));
  }
  return out;
}

size_t widest_line(const std::string& text) {
  size_t start = 0, widest = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    widest = std::max(widest, detail::display_width(std::string_view(text).substr(start, end - start)));
    start = end + 1;
  }
  return widest;
}

TEST_SUITE("brief") {
  TEST_CASE("brief: the decision sentence names every change with its verb, and page one comes before the annexes") {
    for (const Profile& p : profiles()) {
      const Recommendation rec = test::run(p);
      CAPTURE(rec.country.iso3);
      REQUIRE(rec.feasible());
      const Briefing b = make_briefing(rec, p, test::shipped());
      REQUIRE(b.summary.size() == 3);
      const std::string& decision = b.summary[0];
      bool any_leave = false;
      for (const auto& c : b.changes) {
        CAPTURE(c.forum);
        CHECK(decision.find(c.name) != std::string::npos);
        if (c.action == "join") CHECK(decision.find(c.name + " as " + c.to_option) != std::string::npos);
        if (c.action == "leave") any_leave = true;
      }
      CHECK((decision.find("leave nothing") != std::string::npos) == !any_leave);
      // The second sentence's share is the recommendation's coverage.
      CHECK(b.summary[1].find("This serves " + display::percent(rec.coverage_total)) == 0);
      const std::string md = render_brief(b, BriefFormat::kMarkdown);
      const size_t decision_at = md.find("## The decision"), changes_at = md.find("## Changes against today"),
                   annex_at = md.find("## Annex A.");
      CHECK(decision_at < changes_at);
      CHECK(changes_at < annex_at);
      CHECK(annex_at != std::string::npos);
      CHECK(widest_line(md) <= detail::kTextWidth);
      const std::string html = render_brief(b, BriefFormat::kHtml);
      CHECK(html.find("<section id=\"page-one\">") < html.find("<section class=\"annexes\">"));
    }
  }

  TEST_CASE("brief: each trade-off says what the optimum at that budget changes") {
    for (const Profile& p : profiles()) {
      const Recommendation rec = test::run(p);
      CAPTURE(rec.country.iso3);
      const Briefing b = make_briefing(rec, p, test::shipped());
      REQUIRE(b.trade_offs.size() == 3);
      // The cut: solved here again, every forum it drops is named after "drop", and "change
      // nothing" only when the portfolio is the same.
      const Exact cut = rec.budget[0] * Exact(7, 10);
      WhatIf w = what_if_budgets(rec, {{0, cut, cut, Exact(1)}}, false);
      REQUIRE(w.points.size() == 1);
      const std::string& s = b.trade_offs[2];
      CHECK(s.find("A 30% cut in money (to " + display::money(cut, rec.currency) + ")") == 0);
      if (!w.points[0].feasible) {
        CHECK(s.find("leave no portfolio") != std::string::npos);
        continue;
      }
      std::set<std::string> before, after;
      for (const auto& c : rec.portfolio) before.insert(c.forum);
      for (const auto& x : w.points[0].portfolio) after.insert(x.forum);
      bool same = before == after;
      for (const auto& x : w.points[0].portfolio) {
        for (const auto& c : rec.portfolio) {
          if (c.forum == x.forum && c.option != x.level) same = false;
        }
      }
      CHECK((s.find("would change nothing") != std::string::npos) == same);
      for (const auto& f : before) {
        if (after.count(f)) continue;
        const Forum* forum = test::shipped().find_forum(f);
        REQUIRE(forum);
        CHECK(s.find("drop ") != std::string::npos);
        CHECK(s.find(forum->name) != std::string::npos);
      }
    }
  }

  TEST_CASE("brief: coverage by objective adds up, at the weights, to the totals, today and recommended") {
    for (const Profile& p : profiles()) {
      const Recommendation rec = test::run(p);
      CAPTURE(rec.country.iso3);
      const Briefing b = make_briefing(rec, p, test::shipped());
      Exact today = 0, recommended = 0;
      size_t row = 0;
      std::vector<std::pair<Exact, size_t>> order;
      for (size_t k = 0; k < rec.objectives.size(); ++k) {
        if (rec.weights.at(rec.objectives[k]) > 0) order.emplace_back(rec.weights.at(rec.objectives[k]), k);
      }
      std::stable_sort(order.begin(), order.end(), [](const auto& x, const auto& y) { return x.first > y.first; });
      REQUIRE(b.coverage_rows.size() == order.size());
      for (const auto& [w, k] : order) {
        const CoverageRow& r = b.coverage_rows[row++];
        CHECK(r.recommended == rec.objective_coverage[k]);
        CHECK(r.today >= 0);
        CHECK(r.today <= 100);
        today += w * r.today;
        recommended += w * r.recommended;
      }
      CHECK(recommended == b.coverage_total);
      CHECK(today == b.current_coverage);
    }
  }

  TEST_CASE("brief: the chart's steps chain: each point's portfolio is the one before, plus what enters, less what leaves") {
    for (const Profile& p : profiles()) {
      const Recommendation rec = test::run(p);
      CAPTURE(rec.country.iso3);
      const Briefing b = make_briefing(rec, p, test::shipped());
      REQUIRE(b.chart.size() >= 2);
      std::multiset<std::string> held;
      for (const auto& pt : b.chart) {
        for (const auto& x : pt.left) {
          auto it = held.find(x);
          REQUIRE(it != held.end());
          held.erase(it);
        }
        for (const auto& x : pt.entered) held.insert(x);
      }
      // At twice the budget the chart's last point holds as many options as its what-if optimum.
      WhatIf w = what_if_budgets(rec, {{0, rec.budget[0] * 2, rec.budget[0] * 2, Exact(1)}}, false);
      REQUIRE(w.points.size() == 1);
      CHECK(held.size() == w.points[0].portfolio.size());
    }
  }

  TEST_CASE("brief: terminal styles take no column, and are off unless asked") {
    const detail::Style off, on{true};
    CHECK(off.bold("Why:") == "Why:");
    CHECK(on.bold("Why:") == "\x1b[1mWhy:\x1b[0m");
    CHECK(detail::display_width(on.green("esna")) == 4);
    CHECK(detail::display_width(on.yellow("Å")) == 1);
    const Recommendation rec = test::run(test::shipped_profile("estonia"));
    const std::string plain = render_recommendation(rec, Format::kText, false, false);
    const std::string styled = render_recommendation(rec, Format::kText, false, true);
    CHECK(plain.find('\x1b') == std::string::npos);
    CHECK(styled.find("\x1b[32mesna\x1b[0m: Take") != std::string::npos);  // new: green
    CHECK(widest_line(styled) == widest_line(plain));
  }

  TEST_CASE("brief: colour only for standard output on a terminal, NO_COLOR unset or empty") {
    // Under CTest standard output is not a terminal: no colour whatever NO_COLOR says.
    CHECK_FALSE(cli::colour_for("report.txt"));
    CHECK_FALSE(cli::colour_for("/dev/stdout"));
    ::setenv("NO_COLOR", "1", 1);
    CHECK_FALSE(cli::colour_for(""));
    CHECK_FALSE(cli::colour_for("-"));
    ::unsetenv("NO_COLOR");
  }
}

}  // namespace
}  // namespace whichforum
