// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Resource prices, remit and option overrides (issue 14 items 3 and 4, issue 13): exact values
// on the shipped catalogue, and the property that every chosen forum is worth at least what
// keeping it out would save.
#include "engine/engine.h"
#include "tests/test_support.h"

#include <doctest/doctest.h>

namespace whichforum {
namespace {

using test::shipped;

Profile uruguay_with(const std::string& extra) {
  // The shipped Uruguay profile's memberships and budget, with `extra` keys before [objectives].
  return test::profile_text("schema = \"whichforum.profile/1\"\ncountry = \"URY\"\nname = \"Uruguay\"\n" + extra +
                            "\n[objectives]\npeer_learning = 2\nnorm_setting = 1\n"
                            "[capacity]\nmoney = 110000\nstaff_days = 230\nministerial_days = 6\n"
                            "[memberships]\ndn = { option = \"member\", since = 2018 }\n"
                            "ogp = { option = \"member\", since = 2011 }\nredgealc = \"member\"\n");
}

const Assessment& assessment(const Recommendation& rec, const std::string& forum) {
  for (const auto& as : rec.assessments)
    if (as.forum.id == forum) return as;
  FAIL("no assessment of " << forum);
  throw std::logic_error("unreachable");
}

const NotChosen* not_chosen(const Recommendation& rec, const std::string& forum) {
  for (const auto& n : rec.not_chosen)
    if (n.forum == forum) return &n;
  return nullptr;
}

const Exact& param(const std::string& key) { return shipped().assumptions.get(key); }

// Every chosen forum that the constraints let the portfolio drop adds at least nothing: the
// portfolio without it (and with nothing else changed) is worth no more. Its value, less the
// price of its resources and its overlaps, plus what leaving it would cost, is >= 0.
void check_each_choice_pays(const Recommendation& rec) {
  const Problem& p = rec.problem;
  for (size_t i = 0; i < p.items.size(); ++i) {
    if (rec.solution.choice[i] < 0) continue;
    std::vector<int> without = rec.solution.choice;
    without[i] = -1;
    const Evaluation e = evaluate(p, without);
    if (!e.meets_constraints) continue;  // must, keep_current or requires hold it
    INFO(rec.country.iso3 << " " << p.items[i].id);
    CHECK(e.value <= rec.solution.value);
  }
}

}  // namespace

TEST_SUITE("prices and remit") {
  TEST_CASE("region: a forum serving another region keeps outside_region of the fits that say so") {
    const Forum& gi = *shipped().find_forum("govinsider");
    CHECK(gi.list("focus_regions") == (std::vector<std::string>{"East Asia & Pacific", "South Asia"}));
    auto view = [](const std::string& iso3) {
      Profile p = test::profile_text("schema = \"whichforum.profile/1\"\ncountry = \"" + iso3 +
                                     "\"\nname = \"X\"\n[objectives]\npeer_learning = 1\n"
                                     "[capacity]\nmoney = 1\nstaff_days = 1\nministerial_days = 1\n");
      auto c = make_country(p, shipped().data);
      REQUIRE(c.ok());
      return *c.value;
    };
    const CountryView ury = view("URY"), sgp = view("SGP");
    const Criterion* peer = shipped().find_criterion("peer_learning");
    const Criterion* norm = shipped().find_criterion("norm_setting");
    REQUIRE(peer);
    REQUIRE(norm);
    REQUIRE(peer->outside_region.has_value());
    CHECK(region_fit(gi, *peer, ury).factor == peer->outside_region->factor);
    CHECK(region_fit(gi, *peer, sgp).factor == 1);
    REQUIRE(norm->outside_region.has_value());
    CHECK(region_fit(gi, *norm, ury).factor == norm->outside_region->factor);  // a regional forum's norms: 1/4
    CHECK(norm->outside_region->factor == Exact(1, 4));
    CHECK(region_fit(gi, *norm, sgp).factor == 1);
    CHECK(region_fit(*shipped().find_forum("dn"), *peer, ury).factor == 1);  // no focus_regions: global
    // The fit carries the factor: base x theme x language x region.
    const Recommendation rec = test::run(uruguay_with(""));
    for (const auto& f : assessment(rec, "govinsider").score.fits) {
      CHECK(f.fit == f.base_fit * f.theme.factor * f.language.factor * f.region.factor);
      if (f.criterion->id == "peer_learning") CHECK(f.region.factor == Exact(1, 2));
    }
  }
  TEST_CASE("prices: each option's price is the priced sum of what it uses - the problem values it net") {
    const Recommendation rec = test::run(uruguay_with(""));
    size_t priced = 0;
    for (size_t i = 0; i < rec.assessments.size(); ++i) {
      for (const auto& oa : rec.assessments[i].options) {
        const Exact expected = param("price_per_1000_usd") * oa.cost_vec[0] / 1000 +
                               param("price_per_staff_day") * oa.cost_vec[1] +
                               param("price_per_ministerial_day") * oa.cost_vec[2];
        CHECK(oa.price == expected);
        if (oa.problem_option < 0) continue;
        // Alone, the problem's option (its own part and the needs it serves) is worth the
        // option's value less its price.
        CHECK(standalone_value(rec.problem, i, static_cast<size_t>(oa.problem_option)) == oa.value - oa.price);
        ++priced;
      }
    }
    CHECK(priced > 5);
    // The report's rows add up: the choices' values less overlap, leaving and the price row.
    Exact sum = 0, price = 0;
    for (const auto& c : rec.portfolio) sum += c.value, price += c.price;
    CHECK(price == rec.price_total);
    CHECK(sum - rec.overlap_loss - rec.leave_loss - rec.price_total == rec.total_value);
  }
  TEST_CASE("prices: money is priced in the profile's currency through usd_rate - zero prices price nothing") {
    const Recommendation eur = test::run(test::profile_text(
        "schema = \"whichforum.profile/1\"\ncountry = \"URY\"\nname = \"U\"\n[objectives]\npeer_learning = 1\n"
        "[capacity]\nmoney = 100000\ncurrency = \"EUR\"\nusd_rate = \"5/4\"\nstaff_days = 230\nministerial_days = 6\n"));
    CHECK(eur.prices.at(0) == param("price_per_1000_usd") * Exact(5, 4) / 1000);
    const Recommendation free = test::run(
        uruguay_with("[assumptions]\nprice_per_1000_usd = 0\nprice_per_staff_day = 0\nprice_per_ministerial_day = 0\n"));
    CHECK(free.price_total == 0);
    for (const auto& as : free.assessments)
      for (const auto& oa : as.options) CHECK(oa.price == 0);
  }
  TEST_CASE("init: every starter profile's budgets hold today's memberships - raised ones say so") {
    size_t raised = 0, checked = 0;
    for (const auto& [iso3, country] : shipped().data.countries) {
      auto text = test::shipped_session().starter_profile(iso3);
      REQUIRE(text.ok());
      auto doc = read_toml(*text.value, "init");
      REQUIRE(doc.ok());
      auto p = test::shipped_session().profile_from(*doc.value);
      if (!p.ok()) continue;  // the model cannot use it (batch lists these as skipped)
      auto rec = recommend(*p.value, shipped());
      if (!rec.ok()) continue;
      const std::string& code = iso3;  // clang 14 cannot capture structured bindings
      INFO(code);
      CHECK(rec.value->current_feasible);
      ++checked;
      if (text.value->find("raised to hold them") != std::string::npos) {
        ++raised;
        CHECK(p.value->capacity.staff_days >= rec.value->current_cost[1]);
      }
    }
    CHECK(checked > 150);
    CHECK(raised > 0);
  }
  TEST_CASE("prices: property: no chosen forum is worth less than what dropping it saves (shipped and init profiles)") {
    for (const char* name : {"uruguay", "estonia", "canada"}) check_each_choice_pays(test::run(test::shipped_profile(name)));
    for (const char* iso3 : {"KEN", "JPN", "BRA", "EST", "RWA", "IND", "FRA", "NZL"}) {
      auto text = test::shipped_session().starter_profile(iso3);
      REQUIRE(text.ok());
      check_each_choice_pays(test::run(test::profile_text(*text.value)));
    }
  }
  TEST_CASE("remit: a forum outside [remit] covers is offered nothing, costs nothing to leave, and says whom to coordinate with") {
    const Recommendation rec = test::run(uruguay_with(""));
    const Assessment& paris = assessment(rec, "paris_call");
    CHECK(paris.remit == std::vector<std::string>{"cybersecurity"});
    CHECK(paris.other_remit);
    const size_t i = index_of(rec.problem, "paris_call");
    CHECK(rec.problem.items.at(i).options.empty());
    CHECK(rec.problem.items.at(i).none_value == 0);
    const NotChosen* n = not_chosen(rec, "paris_call");
    REQUIRE(n != nullptr);
    CHECK(n->status == NotChosenStatus::kOtherRemit);
    CHECK(n->detail.find("another ministry's file (cybersecurity)") != std::string::npos);
    CHECK_FALSE(assessment(rec, "dn").other_remit);  // digital government: the profile's own

    const Recommendation named = test::run(uruguay_with("[remit]\ncoordinate_with = { cybersecurity = \"the Foreign Ministry\" }\n"));
    CHECK(not_chosen(named, "paris_call")->detail.find("coordinate with the Foreign Ministry") != std::string::npos);
    const Recommendation covers = test::run(uruguay_with("[remit]\ncovers = [\"digital_government\", \"cybersecurity\"]\n"));
    CHECK_FALSE(assessment(covers, "paris_call").other_remit);
    CHECK_FALSE(covers.problem.items.at(i).options.empty());
    CHECK(assessment(covers, "ogp").other_remit);  // open government no longer covered
    // must decides: the profile has said the forum is its own.
    const Recommendation must = test::run(uruguay_with("[constraints]\nmust = [\"paris_call\"]\n"));
    CHECK_FALSE(assessment(must, "paris_call").other_remit);
  }
  TEST_CASE("remit: another ministry's current membership is neither kept nor left here, nor in today's costs") {
    const Recommendation base = test::run(uruguay_with(""));
    Profile p = uruguay_with("");
    p.memberships.push_back({"foc", "member", 2016, {}});
    const Recommendation rec = test::run(p);
    CHECK(assessment(rec, "foc").other_remit);
    CHECK(assessment(rec, "foc").current.has_value());
    CHECK(rec.current_cost == base.current_cost);
    CHECK(rec.current_value == base.current_value);
    CHECK(today_choice(rec).at(index_of(rec.problem, "foc")) == -1);
    CHECK(not_chosen(rec, "foc")->leave.empty());
    CHECK(not_chosen(rec, "foc")->detail.find("held today as Member") != std::string::npos);
    // The briefing's change table: coordinate, nothing spent or saved here.
    const Briefing b = make_briefing(rec, p, shipped());
    bool seen = false;
    for (const auto& ch : b.changes) {
      if (ch.forum != "foc") continue;
      seen = true;
      CHECK(ch.action == "coordinate");
      CHECK(ch.value_change == 0);
      for (const auto& c : ch.cost_change) CHECK(c == 0);
    }
    CHECK(seen);
    // Nowhere listed among what is not chosen or left out, which a reader takes for a leave:
    // its own list in every format, and the briefing's change row alone.
    CHECK(not_chosen(rec, "foc")->held_elsewhere);
    CHECK_FALSE(not_chosen(rec, "paris_call")->held_elsewhere);  // not held today: just not this profile's
    for (const auto& n : b.left_out) CHECK(n.forum != "foc");
    const std::string json = render_recommendation(rec, Format::kJson);
    const size_t held = json.find("\"held_elsewhere\": [\n  {\"forum\": \"foc\"");
    CHECK(held != std::string::npos);
    CHECK(json.find("\"forum\": \"foc\"", json.find("\"not_chosen\"")) == std::string::npos);
    const std::string md = render_recommendation(rec, Format::kMarkdown);
    CHECK(md.find("## Held today in other ministries' files") < md.find("| foc |"));
    CHECK(md.find("| foc |") < md.find("## Not chosen"));
    const std::string csv = render_recommendation(rec, Format::kCsv);
    CHECK(csv.find("held_elsewhere,foc,") != std::string::npos);
    CHECK(csv.find("not_chosen,foc,") == std::string::npos);
  }
  TEST_CASE("dormant: a forum with no meeting for more than dormant_after_years offers nothing - the profile can say it meets") {
    // OneTeam Gov's latest recorded meeting is 2019 (S415); the assumption is 3 years.
    REQUIRE(shipped().find_forum("oneteamgov")->number("last_meeting_year") == Exact(2019));
    REQUIRE(param("dormant_after_years") == 3);
    auto offered = [](const Recommendation& rec) { return !rec.problem.items.at(index_of(rec.problem, "oneteamgov")).options.empty(); };
    const Recommendation now = test::run(uruguay_with(""));
    CHECK(now.plan_year == 2027);
    CHECK(assessment(now, "oneteamgov").dormant);
    CHECK_FALSE(offered(now));
    const NotChosen* n = not_chosen(now, "oneteamgov");
    REQUIRE(n != nullptr);
    CHECK(n->status == NotChosenStatus::kDormant);
    CHECK(n->detail.rfind("no meeting recorded since 2019 (last_meeting_year: ", 0) == 0);
    CHECK(n->detail.find("more than 3 years before 2027") != std::string::npos);
    CHECK(n->leave.empty());  // not held today: nothing to leave
    CHECK_FALSE(assessment(now, "dn").dormant);  // no last_meeting_year: it meets
    // The boundary: three years after the last meeting it still counts as meeting; four, not.
    CHECK_FALSE(assessment(test::run(uruguay_with("plan_year = 2022")), "oneteamgov").dormant);
    CHECK(offered(test::run(uruguay_with("plan_year = 2022"))));
    CHECK(assessment(test::run(uruguay_with("plan_year = 2023")), "oneteamgov").dormant);
    // A profile that knows of a recent event says so, and the options are back.
    const Recommendation told = test::run(uruguay_with("[overrides.oneteamgov]\nlast_meeting_year = 2026\n"));
    CHECK_FALSE(assessment(told, "oneteamgov").dormant);
    CHECK(offered(told));
    const Recommendation longer = test::run(uruguay_with("[assumptions]\ndormant_after_years = 8\n"));
    CHECK_FALSE(assessment(longer, "oneteamgov").dormant);
    // Held today: left, at no cost, with the reason; keep_current does not hold it (it would be
    // infeasible: nothing is offered).
    Profile held = uruguay_with("[constraints]\nkeep_current = true\n");
    held.memberships.push_back({"oneteamgov", "participate", 2018, {}});
    const Recommendation rec = test::run(held);
    REQUIRE(rec.status == AnswerStatus::kOptimal);
    CHECK(assessment(rec, "oneteamgov").current.has_value());
    CHECK(assessment(rec, "oneteamgov").leave_cost == 0);
    CHECK(rec.problem.items.at(index_of(rec.problem, "oneteamgov")).none_value == 0);
    CHECK(not_chosen(rec, "oneteamgov")->leave.rfind("Leave OneTeam Gov: no meeting recorded since 2019", 0) == 0);
    CHECK(today_choice(rec).at(index_of(rec.problem, "oneteamgov")) == -1);
  }
  TEST_CASE("overrides: an option's number replaced from the profile - its id and key checked") {
    const Recommendation base = test::run(uruguay_with(""));
    const Recommendation unpaid = test::run(uruguay_with("[overrides.ogp.member]\nfee_usd = 0\nstaff_days = \"5/2\"\n"));
    const OptionAssessment* a = assessment(base, "ogp").find_option("member");
    const OptionAssessment* b = assessment(unpaid, "ogp").find_option("member");
    REQUIRE(a);
    REQUIRE(b);
    // Uruguay is high income: the override removes the 50,000 USD tier and 5 - 5/2 staff days.
    CHECK(a->cost.money_usd - b->cost.money_usd == 50000);
    CHECK(a->cost.staff_days - b->cost.staff_days == Exact(5, 2));

    auto doc = read_toml("schema = \"whichforum.profile/1\"\ncountry = \"URY\"\nname = \"U\"\n"
                         "[objectives]\npeer_learning = 1\n[capacity]\nmoney = 1\nstaff_days = 1\nministerial_days = 1\n"
                         "[overrides.ogp.membr]\nfee_usd = 0\n[overrides.dn.member]\nfee_us = 0\n",
                         "p.toml");
    REQUIRE(doc.ok());
    auto p = test::shipped_session().profile_from(*doc.value);
    CHECK_FALSE(p.ok());
    const std::string m = test::messages(p.diagnostics);
    CHECK(m.find("p.toml:13:1: \"fee_us\" is not a number of an option's schedule") != std::string::npos);
    CHECK(m.find("did you mean \"fee_usd\"") != std::string::npos);
    doc = read_toml("schema = \"whichforum.profile/1\"\ncountry = \"URY\"\nname = \"U\"\n"
                    "[objectives]\npeer_learning = 1\n[capacity]\nmoney = 1\nstaff_days = 1\nministerial_days = 1\n"
                    "[overrides.ogp.membr]\nfee_usd = 0\n",
                    "p.toml");
    REQUIRE(doc.ok());
    p = test::shipped_session().profile_from(*doc.value);
    CHECK_FALSE(p.ok());
    CHECK(test::messages(p.diagnostics).find("forum \"ogp\" declares no option \"membr\"; did you mean \"member\"") !=
          std::string::npos);
  }
}

}  // namespace whichforum
