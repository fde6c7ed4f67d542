// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Backtests (issue 16): documented decisions of real governments, each from a profile as of its
// year in tests/backtest/ (whose header says which source it reproduces). A case holds when the
// decision holds and its documented reason carries it: the decision flips when the reason is
// taken away. Where the model does not yet reproduce the reason, the case says so and is marked
// should_fail: it passes while the expectation fails, and turns red the day it holds, so that it
// is then made a plain case.
#include "tests/test_support.h"

#include <doctest/doctest.h>

#include <algorithm>

namespace whichforum {

namespace {

using test::run;

std::string backtest_text(const std::string& name) {
  RealFileSystem fs;
  std::string text, err;
  REQUIRE(fs.read(std::string(WHICHFORUM_SOURCE_DIR) + "/tests/backtest/" + name + ".toml", &text, &err));
  return text;
}

// `text` with `from` replaced by `to` (once; the case fails loudly when `from` is not there).
std::string with(std::string text, const std::string& from, const std::string& to) {
  const size_t at = text.find(from);
  REQUIRE_MESSAGE(at != std::string::npos, "the backtest profile lacks: " << from);
  return text.replace(at, from.size(), to);
}

const Choice* chosen(const Recommendation& rec, const std::string& forum) {
  for (const auto& c : rec.portfolio) {
    if (c.forum == forum) return &c;
  }
  return nullptr;
}

const Assessment& assessment(const Recommendation& rec, const std::string& forum) {
  for (const auto& as : rec.assessments) {
    if (as.forum.id == forum) return as;
  }
  FAIL("no forum " << forum);
  return rec.assessments.front();
}

// The objective that carries most of the chosen option's value.
std::string main_objective(const Recommendation& rec, const std::string& forum) {
  const Assessment& as = assessment(rec, forum);
  const Choice* c = chosen(rec, forum);
  REQUIRE(c != nullptr);
  const OptionAssessment* oa = as.find_option(c->option);
  REQUIRE(oa != nullptr);
  auto best = std::max_element(oa->by_objective.begin(), oa->by_objective.end(),
                               [](const auto& a, const auto& b) { return a.second < b.second; });
  return best->first;
}

// The contribution of `indicator` to `objective`'s fit for `forum` (the score chain's term).
Exact term(const Recommendation& rec, const std::string& forum, const std::string& objective,
           const std::string& indicator) {
  for (const auto& fit : assessment(rec, forum).score.fits) {
    if (fit.criterion->id != objective) continue;
    for (const auto& t : fit.terms) {
      if (t.function->indicator == indicator) return t.contribution;
    }
  }
  FAIL("no term " << indicator << " in " << objective << " of " << forum);
  return 0;
}

Exact fit(const Recommendation& rec, const std::string& forum, const std::string& objective) {
  for (const auto& f : assessment(rec, forum).score.fits) {
    if (f.criterion->id == objective) return f.fit;
  }
  FAIL("no objective " << objective);
  return 0;
}

}  // namespace

TEST_SUITE("backtest") {
  TEST_CASE("Uruguay 2018 joins Digital Nations, its value mostly peer learning (002)") {
    Recommendation rec = run(test::profile_text(backtest_text("uruguay_2018")));
    REQUIRE(rec.feasible());
    const Choice* dn = chosen(rec, "dn");
    REQUIRE(dn != nullptr);
    CHECK(dn->option == "member");
    CHECK(assessment(rec, "dn").current == std::nullopt);  // a join, not a keep
    CHECK(main_objective(rec, "dn") == "peer_learning");
    // As of 2018: GPAI (founded 2020) does not exist yet.
    bool gpai_not_founded = false;
    for (const auto& nc : rec.not_chosen) gpai_not_founded = gpai_not_founded || (nc.forum == "gpai" && nc.status == NotChosenStatus::kNotFounded);
    CHECK(gpai_not_founded);
  }

  // Not yet reproduced: DN's value for norm-setting, early warning and the professional network
  // alone beats the price of what it uses, and the 2018 budget (today's, no 2018 figure found)
  // leaves room, so DN stays in whatever peer learning weighs. The note on issue 16 says what
  // would change it (the catalogue as of 2018, a capacity that binds).
  TEST_CASE("Uruguay 2018: DN stays out once peer learning weighs least (not yet reproduced)" * doctest::should_fail()) {
    const std::string low = with(backtest_text("uruguay_2018"),
                                 "ranking = [\"peer_learning\", \"norm_setting\", \"early_warning\",",
                                 "ranking = [\"norm_setting\", \"early_warning\", \"peer_learning\",");
    Recommendation rec = run(test::profile_text(low));
    REQUIRE(rec.feasible());
    CHECK(chosen(rec, "dn") == nullptr);
  }

  TEST_CASE("Mexico and Portugal could join DN in Nov 2018 with their invitations, and not without") {
    for (const char* file : {"mexico_2018", "portugal_2018"}) {
      const std::string name = file;
      CAPTURE(name);
      const std::string text = backtest_text(name);
      Recommendation with_invitation = run(test::profile_text(text));
      const OptionAssessment* member = assessment(with_invitation, "dn").find_option("member");
      REQUIRE(member != nullptr);
      CHECK(member->open);
      // The reason: the invitation (with its proposer and seconder) and the track record.
      Recommendation uninvited = run(test::profile_text(with(text, "invitations = [\"dn\"]\n", "")));
      CHECK_FALSE(assessment(uninvited, "dn").find_option("member")->open);
      const NotChosen* nc = nullptr;
      for (const auto& x : uninvited.not_chosen) nc = x.forum == "dn" ? &x : nc;
      REQUIRE(nc != nullptr);
      CHECK(nc->status == NotChosenStatus::kReachable);
      // The track record is what puts DN within reach: uninvited and below the 'High' EGDI group,
      // DN is not even reachable. (Invited, it stays open: the members' judgement stands over
      // our reading of their bar.)
      const std::string egdi = name == "mexico_2018" ? "egdi = \"0.6818\"" : "egdi = \"0.8031\"";
      Recommendation weak = run(test::profile_text(with(with(text, "invitations = [\"dn\"]\n", ""), egdi, "egdi = \"0.45\"")));
      const NotChosen* weak_nc = nullptr;
      for (const auto& x : weak.not_chosen) weak_nc = x.forum == "dn" ? &x : weak_nc;
      REQUIRE(weak_nc != nullptr);
      CHECK(weak_nc->status == NotChosenStatus::kNotEligible);
    }
  }

  TEST_CASE("Canada 2020 founds GPAI for AI norm-setting, and not when AI is not its first theme") {
    const std::string text = backtest_text("canada_2020");
    Recommendation rec = run(test::profile_text(text));
    REQUIRE(rec.feasible());
    REQUIRE(chosen(rec, "gpai") != nullptr);
    CHECK(main_objective(rec, "gpai") == "norm_setting");
    CHECK(chosen(rec, "dn") != nullptr);  // it keeps the DN seat it carried the principles from
    // AI as one theme among seven equals: GPAI works on two of them, and is left out.
    const std::string flat = with(text, "themes = [\"ai\", [\"data_governance\",", "themes = [[\"ai\", \"data_governance\",");
    Recommendation without = run(test::profile_text(flat));
    REQUIRE(without.feasible());
    CHECK(chosen(without, "gpai") == nullptr);
  }

  // Not yet reproduced: with resources priced (issue 14), an option is taken when it beats the
  // price of what it uses, and Uruguay's budget already leaves room, so four times the capacity
  // buys no further forum: the portfolio is as targeted either way. 000 and 002 say a small
  // country must target more; the model does so only where a budget binds.
  TEST_CASE("a small country with less capacity gets a more targeted portfolio (not yet reproduced)" * doctest::should_fail()) {
    RealFileSystem fs;
    std::string text, err;
    REQUIRE(fs.read(std::string(WHICHFORUM_SOURCE_DIR) + "/profiles/uruguay.toml", &text, &err));
    Recommendation small = run(test::profile_text(text));
    std::string large_text = with(with(with(text, "money = 110000", "money = 400000"), "staff_days = 230", "staff_days = 600"),
                                  "ministerial_days = 6", "ministerial_days = 10");
    Recommendation large = run(test::profile_text(large_text));
    REQUIRE(small.feasible());
    REQUIRE(large.feasible());
    CHECK(small.portfolio.size() < large.portfolio.size());
  }

  TEST_CASE("DN members learn less from OECD E-Leaders than from DN, through the peers' maturity (002)") {
    const std::string text = backtest_text("canada_2020");
    Recommendation rec = run(test::profile_text(text));
    CHECK(fit(rec, "oecd_eleaders", "peer_learning") < fit(rec, "dn", "peer_learning"));
    // The maturity term: E-Leaders' peers are less advanced on average (its inclusivity), so an
    // advanced member learns less from the gap.
    const Exact dn_gap = term(rec, "dn", "peer_learning", "pair.egdi_gap");
    const Exact el_gap = term(rec, "oecd_eleaders", "peer_learning", "pair.egdi_gap");
    CHECK(el_gap < dn_gap);
    // Taken away (a country far behind both, whose gap to either is large), the maturity term no
    // longer tells them apart: "for the more advanced digital governments" was the reason.
    Recommendation behind =
        run(test::profile_text(with(with(text, "egdi = \"0.8258\"", "egdi = \"0.40\""), "egdi_rank = 23", "egdi_rank = 150")));
    CHECK(term(behind, "oecd_eleaders", "peer_learning", "pair.egdi_gap") ==
          term(behind, "dn", "peer_learning", "pair.egdi_gap"));
  }
}

}  // namespace whichforum
