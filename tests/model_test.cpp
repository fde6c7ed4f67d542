// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// The model on the shipped catalogue: eligibility, costs, scoring, the recommendation, and the
// properties and source claims it must hold to.
#include "engine/engine.h"
#include "tests/test_support.h"

#include <doctest/doctest.h>

namespace whichforum {

using test::profile_text;
using test::run;
using test::shipped;
using test::shipped_profile;

namespace {

const Assessment& assessment(const Recommendation& rec, const std::string& id) {
  for (const auto& a : rec.assessments) {
    if (a.forum.id == id) return a;
  }
  FAIL("no assessment for " << id);
  return rec.assessments.front();
}

Exact fit(const Assessment& a, const std::string& objective) {
  for (const auto& f : a.score.fits) {
    if (f.criterion->id == objective) return f.fit;
  }
  return -1;
}

const OptionAssessment* option_of(const Assessment& a, const std::string& id) { return a.find_option(id); }

std::vector<std::string> portfolio_ids(const Recommendation& rec) {
  std::vector<std::string> out;
  for (const auto& c : rec.portfolio) out.push_back(c.forum + ":" + c.option);
  return out;
}

const std::string kBase =
    "country = \"URY\"\nname = \"Uruguay\"\n"
    "[objectives]\npeer_learning = \"0.5\"\nnorm_setting = \"0.3\"\nbranding = \"0.2\"\n";

}  // namespace

TEST_SUITE("model") {
  TEST_CASE("model: the problem alone (for an export past the search limit) is the one recommend solves") {
    for (const char* name : {"uruguay", "canada", "estonia"}) {
      CAPTURE(name);
      Profile profile = shipped_profile(name);
      Recommendation rec = run(profile);
      auto alone = portfolio_problem(profile, shipped());
      REQUIRE(alone.ok());
      CHECK(export_lp(*alone.value, "t", nullptr).text == export_lp(rec.problem, "t", nullptr).text);
      CHECK(alone.value->must == rec.problem.must);
      CHECK(alone.value->max_items == rec.problem.max_items);
    }
  }
  TEST_CASE("model: source claim: DN beats OECD E-Leaders on peer learning for an advanced DN member (002)") {
    for (std::string name : {"estonia", "canada"}) {
      CAPTURE(name);
      Recommendation rec = run(shipped_profile(name));
      CHECK(fit(assessment(rec, "dn"), "peer_learning") > fit(assessment(rec, "oecd_eleaders"), "peer_learning"));
    }
  }
  TEST_CASE("model: source claim: in a broad forum an advanced country gains by sharing more than by learning (002)") {
    Recommendation est = run(shipped_profile("estonia"));
    Recommendation ury = run(shipped_profile("uruguay"));
    const Assessment& e = assessment(est, "oecd_eleaders");
    const Assessment& u = assessment(ury, "oecd_eleaders");
    // Estonia (EGDI rank 2) is ahead of E-Leaders' members: stewardship beats peer learning.
    CHECK(fit(e, "stewardship") > fit(e, "peer_learning"));
    // And Estonia learns less there than Uruguay (rank 25) does.
    CHECK(fit(e, "peer_learning") < fit(u, "peer_learning"));
  }
  TEST_CASE("model: source claim: GPAI is not eligible without the OECD AI principles, eligible with them (003)") {
    Recommendation rec = run(profile_text(kBase + "[capacity]\nmoney = 100000\nstaff_days = 100\nministerial_days = 5\n"));
    CHECK(assessment(rec, "gpai").eligibility.status == EligibilityStatus::kNotEligible);
    bool listed = false;
    for (const auto& n : rec.not_chosen) {
      if (n.forum == "gpai") {
        listed = true;
        CHECK(n.status == NotChosenStatus::kNotEligible);
        CHECK(n.detail.find("OECD AI principles") != std::string::npos);
      }
    }
    CHECK(listed);
    Recommendation with = run(profile_text(kBase + "[capacity]\nmoney = 100000\nstaff_days = 100\nministerial_days = 5\n"
                                           "[country_facts]\nadheres = [\"oecd_ai_principles\"]\n"));
    CHECK(assessment(with, "gpai").eligibility.status == EligibilityStatus::kReachable);  // still applies
  }
  TEST_CASE("model: eligibility: DN for a non-member is reachable with the proposer and seconder path") {
    Recommendation rec = run(profile_text("country = \"CHL\"\nname = \"Chile\"\n[objectives]\npeer_learning = 1\n"
                                          "[capacity]\nmoney = 100000\nstaff_days = 100\nministerial_days = 5\n"));
    const Eligibility& e = assessment(rec, "dn").eligibility;
    CHECK(e.status == EligibilityStatus::kReachable);
    bool sponsors = false;
    for (const auto& m : e.missing) sponsors = sponsors || m.find("proposer and a seconder") != std::string::npos;
    CHECK(sponsors);
  }
  TEST_CASE("model: eligibility: current memberships count as met, and lead needs one") {
    Recommendation rec = run(shipped_profile("uruguay"));
    CHECK(assessment(rec, "dn").eligibility.status == EligibilityStatus::kEligible);
    CHECK(assessment(rec, "dn").eligibility.current_member);
    Recommendation chile = run(profile_text("country = \"CHL\"\nname = \"Chile\"\ninvitations = [\"dn\"]\n"
                                            "[objectives]\npeer_learning = 1\n"
                                            "[capacity]\nmoney = 100000\nstaff_days = 100\nministerial_days = 5\n"));
    const Assessment& dn = assessment(chile, "dn");
    CHECK(dn.eligibility.status == EligibilityStatus::kEligible);  // invited; EGDI above 0.75
    REQUIRE(option_of(dn, "member") != nullptr);
    CHECK(option_of(dn, "member")->open);
    // The chair is taken from among the members: a step the country can take (join first).
    for (const auto& o : dn.options) {
      if (!o.option.is_role()) continue;
      CHECK_FALSE(o.open);
      CHECK(o.eligibility.status == EligibilityStatus::kReachable);
      CHECK(o.closed_why.find("needs a current membership of Digital Nations") != std::string::npos);
    }
  }
  TEST_CASE("model: eligibility: a region rule keeps out countries outside it") {
    Recommendation rec = run(shipped_profile("uruguay"));
    CHECK(assessment(rec, "mr_digital").eligibility.status == EligibilityStatus::kNotEligible);
    CHECK(assessment(run(shipped_profile("estonia")), "mr_digital").eligibility.status == EligibilityStatus::kEligible);
  }
  TEST_CASE("model: costs: a rotating forum's trip is the mean over its venues, exactly") {
    Recommendation rec = run(shipped_profile("uruguay"));
    REQUIRE(option_of(assessment(rec, "dn"), "member") != nullptr);
    const OptionAssessment& member = *option_of(assessment(rec, "dn"), "member");
    // 2 meetings x 2 delegates x mean trip, plus the minister's trip; staff days include calls.
    CHECK(member.cost.money_usd > 0);
    CHECK(member.cost.staff_days > 24);  // 12 calls x 1/2 day alone is 6; meetings add more
    Exact sum = 0;
    for (const auto& l : member.cost.lines) sum += l.money_usd;
    CHECK(sum == member.cost.money_usd);
  }
  TEST_CASE("model: costs: a meeting at home costs no fare or nights abroad") {
    auto cat_per_diem = shipped().per_diem;
    auto rate = cat_per_diem.lookup("URY", "Montevideo", shipped().data);
    REQUIRE(rate.has_value());
    CHECK(rate->usd == 281);
    CHECK(cat_per_diem.lookup("FRA", "Paris", shipped().data)->usd == 684);
    CHECK(cat_per_diem.lookup("USA", "Boston", shipped().data)->source == "GSA FY2026: BOSTON / CAMBRIDGE");
    CHECK(cat_per_diem.lookup("KOR", "Busan", shipped().data)->usd == 350);
  }
  TEST_CASE("model: costs: money is converted to the profile's currency exactly") {
    Recommendation usd = run(profile_text(kBase + "[capacity]\nmoney = 100000\nstaff_days = 100\nministerial_days = 5\n"));
    Recommendation eur = run(profile_text(kBase + "[capacity]\nmoney = 100000\ncurrency = \"EUR\"\nusd_rate = \"1.25\"\n"
                                          "staff_days = 100\nministerial_days = 5\n"));
    const auto& a = assessment(usd, "ogp").options.back().cost_vec[0];
    const auto& b = assessment(eur, "ogp").options.back().cost_vec[0];
    CHECK(b * Exact(5, 4) == a);
  }
  TEST_CASE("model: the recommendation fits every budget and is byte-identical when run twice") {
    for (std::string name : {"uruguay", "canada", "estonia"}) {
      CAPTURE(name);
      Profile p = shipped_profile(name);
      Recommendation a = run(p), b = run(p);
      REQUIRE(a.feasible());
      for (size_t r = 0; r < 3; ++r) CHECK(a.total_cost[r] <= a.budget[r]);
      CHECK(render_recommendation(a, Format::kJson) == render_recommendation(b, Format::kJson));
    }
  }
  TEST_CASE("model: the portfolio agrees with brute force on the real problem") {
    for (std::string name : {"uruguay", "canada", "estonia"}) {
      CAPTURE(name);
      Recommendation rec = run(shipped_profile(name));
      Solution slow = solve_brute_force(rec.problem);
      CHECK(slow.value == rec.solution.value);
      CHECK(slow.choice == rec.solution.choice);
    }
  }
  TEST_CASE("model: property: raising the money budget never lowers the optimum") {
    Exact last = -1;
    for (int money = 0; money <= 200000; money += 10000) {
      Recommendation rec = run(profile_text(kBase + "[capacity]\nmoney = " + std::to_string(money) +
                                            "\nstaff_days = 100\nministerial_days = 5\n"));
      CHECK(rec.total_value >= last);
      last = rec.total_value;
    }
  }
  TEST_CASE("model: property: scaling all weights by a constant changes no choice") {
    std::string caps = "[capacity]\nmoney = 60000\nstaff_days = 80\nministerial_days = 4\n";
    Recommendation a = run(profile_text(kBase + caps));
    Recommendation b = run(profile_text("country = \"URY\"\nname = \"Uruguay\"\n[objectives]\npeer_learning = 5\n"
                                        "norm_setting = 3\nbranding = 2\n" + caps));
    CHECK(portfolio_ids(a) == portfolio_ids(b));
    CHECK(a.total_value == b.total_value);
  }
  TEST_CASE("model: property: excluding a forum that was not chosen changes no choice") {
    std::string caps = "[capacity]\nmoney = 60000\nstaff_days = 80\nministerial_days = 4\n";
    Recommendation a = run(profile_text(kBase + caps));
    for (const auto& n : a.not_chosen) {
      CAPTURE(n.forum);
      Recommendation b = run(profile_text(kBase + caps + "[constraints]\nexclude = [\"" + n.forum + "\"]\n"));
      CHECK(portfolio_ids(a) == portfolio_ids(b));
    }
  }
  TEST_CASE("model: overlap: two forums on the same themes are worth less together than apart") {
    Recommendation rec = run(shipped_profile("uruguay"));
    Exact sum = 0;
    for (const auto& c : rec.portfolio) sum += c.value;
    CHECK(rec.total_value == sum - rec.overlap_loss - rec.leave_loss - rec.price_total);
    CHECK(rec.overlap_loss > 0);
  }
  TEST_CASE("model: infeasible: must-include forums over the budget say which and by how much") {
    Recommendation rec = run(profile_text(kBase + "[capacity]\nmoney = 1000\nstaff_days = 100\nministerial_days = 5\n"
                                          "[memberships]\ndn = \"member\"\n[constraints]\nmust = [\"dn\"]\n"));
    CHECK_FALSE(rec.feasible());
    CHECK(rec.infeasible_why.rfind("the must-include forums (dn) need at least ", 0) == 0);
    CHECK(rec.infeasible_why.find("but the budget is 1,000 USD (short by ") != std::string::npos);
  }
  TEST_CASE("model: infeasible: a must-include forum the country cannot take") {
    Recommendation rec = run(profile_text(kBase + "[capacity]\nmoney = 100000\nstaff_days = 100\nministerial_days = 5\n"
                                          "[constraints]\nmust = [\"gpai\"]\n"));
    CHECK_FALSE(rec.feasible());
    CHECK(rec.infeasible_why.rfind("\"must\" includes gpai, which the country cannot take in any of its options", 0) == 0);
  }
  TEST_CASE("model: flip: the reported money change really flips the forum") {
    Recommendation rec = run(shipped_profile("uruguay"));
    for (const auto& a : rec.assessments) {
      auto change = flip_change(rec, a.forum.id, 0);
      if (!change) continue;
      CAPTURE(a.forum.id);
      bool before = false;
      for (const auto& c : rec.portfolio) before = before || c.forum == a.forum.id;
      Problem q = rec.problem;
      q.budget[0] += *change;
      Solution s = solve(q);
      size_t idx = 0;
      while (q.items[idx].id != a.forum.id) ++idx;
      CHECK((s.choice[idx] >= 0) != before);
    }
  }
  TEST_CASE("model: overrides replace a forum's estimate and show as profile overrides") {
    std::string caps = "[capacity]\nmoney = 60000\nstaff_days = 80\nministerial_days = 4\n";
    Recommendation a = run(profile_text(kBase + caps));
    Recommendation b = run(profile_text(kBase + caps + "[overrides.ogp]\ncandour = 1\n"));
    CHECK(fit(assessment(b, "ogp"), "peer_learning") > fit(assessment(a, "ogp"), "peer_learning"));
    CHECK(assessment(b, "ogp").forum.fact("candour")->prov.source == "profile");
  }
  TEST_CASE("model: assumptions in the profile replace the shipped ones") {
    std::string caps = "[capacity]\nmoney = 60000\nstaff_days = 80\nministerial_days = 4\n";
    Recommendation a = run(profile_text(kBase + caps));
    Recommendation b = run(profile_text(kBase + caps + "[assumptions]\nfare_other_region_usd = 4000\n"));
    CHECK(assessment(b, "dgx").options.back().cost.money_usd > assessment(a, "dgx").options.back().cost.money_usd);
  }
}

}  // namespace whichforum

namespace whichforum {

TEST_CASE("model: an infeasible recommendation renders in every format with its reason (fuzz regression)") {
  // Found by fuzz_recommend: reports indexed the totals of an infeasible answer, which had none.
  Profile p = test::shipped_profile("uruguay");
  p.constraints.max_forums = 0;  // "must" keeps dn: no portfolio can meet both
  Recommendation rec = test::run(p);
  REQUIRE_FALSE(rec.feasible());
  CHECK(rec.total_cost.size() == rec.budget.size());
  std::string text = render_recommendation(rec, Format::kText);
  CHECK(text.find("No portfolio meets the constraints: \"must\" names 1 forums but max_forums is 0") != std::string::npos);
  for (Format f : {Format::kJson, Format::kMarkdown, Format::kCsv}) CHECK_FALSE(render_recommendation(rec, f).empty());
}

}  // namespace whichforum
