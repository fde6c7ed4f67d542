// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// The option model (issue 13) on a forum written for the test: each option kind's entry, the
// per-option entry rules, turns, income-tiered fees, obligations, and the status-quo terms
// (leaving, a lesser option, lead time, joining effort, tenure, keep_current, baseline "none"),
// each checked against its exact value from the parameters in data/assumptions.toml.
#include "engine/engine.h"
#include "tests/test_support.h"

#include <doctest/doctest.h>

namespace whichforum {
namespace {

using test::shipped;

// A virtual forum (no trips), so that every cost is a sum the test can write down exactly.
const std::string kForum = R"toml(schema = "whichforum.forum/1"
id = "tf"
name = "Test forum"
kind = "minilateral_network"
founded = { value = 2014, source = "data:S20", as_of = "2021" }
membership_mode = { value = "invitation", source = "data:S20", as_of = "2021" }
member_count = { value = 10, source = "data:S20", as_of = "2021" }
meetings_per_year = { value = 2, source = "data:S20", as_of = "2021" }
meeting_days = { value = 2, source = "data:S20", as_of = "2021" }
venue_mode = { value = "virtual", source = "data:S20", as_of = "2021" }
venues = { value = ["GBR:London"], source = "data:S20", as_of = "2021" }
tiers = { value = ["lead"], source = "data:S20", as_of = "2021" }
engagement_levels = { value = ["member", "lead"], source = "data:S20", as_of = "2021" }
themes = { value = ["ai"], source = "data:S20", as_of = "2021" }
candour = { value = "1", estimate = true, reason = "r" }

[[entry_rule]]
rule = "invitation"
text = "by invitation"
source = "data:S20"
as_of = "2021"

[[option]]
id = "attend"
name = "Attend the open day"
kind = "attend"
meetings_per_year = "1"
estimate = true
reason = "r"

[[option]]
id = "iberian_observer"
name = "Observer (Iberia)"
kind = "attend"
delegates = "1"
meetings_per_year = "1"
estimate = true
reason = "r"
[[option.entry_rule]]
rule = "region"
countries = ["ESP", "PRT"]
text = "observers are Spain and Portugal"
source = "data:S20"
as_of = "2021"

[[option]]
id = "member"
name = "Member"
kind = "join"
delegates = "2"
meetings_per_year = "2"
calls_per_year = "10"
staff_days = "3"
lead_time_months = "12"
fee_usd_by_income = { high = "1000", upper_middle = "500", lower_middle = "200", low = "0" }
estimate = true
reason = "r"
[[option.obligation]]
what = "a plan every two years"
staff_days = "60"
money_usd = "100"
every_years = "2"
estimate = true
reason = "r"

[[option]]
id = "chair"
name = "Chair and host"
kind = "chair"
includes = "member"
hosting_usd = "5000"
rotation_years = "10"
estimate = true
reason = "r"
)toml";

Catalogue test_catalogue() {
  Catalogue cat = shipped();
  auto f = test::forum_from(kForum);
  INFO(test::messages(f.diagnostics));
  REQUIRE(f.ok());
  cat.forums = {*f.value};
  return cat;
}

Profile profile(const std::string& extra) {
  auto p = test::profile_from("schema = \"whichforum.profile/1\"\ncountry = \"URY\"\nname = \"Uruguay\"\nplan_year = 2027\n" +
                              extra +
                              "\n[objectives]\npeer_learning = 1\nnorm_setting = 1\n"
                              "[capacity]\nmoney = 1000000\nstaff_days = 1000\nministerial_days = 10\n");
  INFO(test::messages(p.diagnostics));
  REQUIRE(p.ok());
  return std::move(*p.value);
}

Recommendation model(const Profile& p, const Catalogue& cat) {
  auto r = recommend(p, cat);
  INFO(test::messages(r.diagnostics));
  REQUIRE(r.ok());
  return std::move(*r.value);
}

const OptionAssessment& option(const Recommendation& rec, const std::string& id) {
  const OptionAssessment* o = rec.assessments.at(0).find_option(id);
  REQUIRE(o != nullptr);
  return *o;
}

// The value before the status-quo terms: the scored value at the weights.
Exact raw(const Recommendation& rec, const std::string& id) { return rec.assessments.at(0).score.value.at(id); }

Exact raw_objective(const Recommendation& rec, const std::string& id, const std::string& objective) {
  return rec.assessments.at(0).score.by_objective.at(id).at(objective);
}

const Exact& param(const std::string& key) { return shipped().assumptions.get(key); }

}  // namespace

TEST_SUITE("options") {
  TEST_CASE("options: each kind's entry: attend is open, join takes the forum's rules, chair needs a membership") {
    const Catalogue cat = test_catalogue();
    Recommendation out = model(profile(""), cat);
    CHECK(option(out, "attend").open);
    CHECK(option(out, "member").eligibility.status == EligibilityStatus::kReachable);  // not invited
    CHECK_FALSE(option(out, "member").open);
    CHECK(option(out, "chair").eligibility.status == EligibilityStatus::kReachable);  // join first
    Recommendation invited = model(profile("invitations = [\"tf\"]\n"), cat);
    CHECK(option(invited, "member").open);
  }
  TEST_CASE("options: an option's own rule is not met by being a member") {
    const Catalogue cat = test_catalogue();
    Recommendation member = model(profile("[memberships]\ntf = \"member\"\n"), cat);
    CHECK(option(member, "member").open);
    CHECK(option(member, "iberian_observer").eligibility.status == EligibilityStatus::kNotEligible);
    CHECK_FALSE(option(member, "iberian_observer").open);
  }
  TEST_CASE("options: a rotating chair is offered only in the year of the stated turn") {
    const Catalogue cat = test_catalogue();
    const std::string member = "[memberships]\ntf = \"member\"\n";
    CHECK_FALSE(option(model(profile(member), cat), "chair").open);
    CHECK(option(model(profile(member), cat), "chair").closed_why.find("[turns] tf = YEAR") != std::string::npos);
    CHECK(option(model(profile("[turns]\ntf = 2027\n" + member), cat), "chair").open);
    CHECK_FALSE(option(model(profile("[turns]\ntf = 2029\n" + member), cat), "chair").open);
  }
  TEST_CASE("options: costs: meetings, calls, the income-tiered fee, obligations per year, includes") {
    const Catalogue cat = test_catalogue();
    Recommendation rec = model(profile("[memberships]\ntf = \"member\"\n"), cat);
    const OptionAssessment& m = option(rec, "member");
    // Uruguay is high income: the "high" tier; the plan's 100 USD every two years is 50 a year.
    CHECK(m.cost.money_usd == Exact(1000) + Exact(50));
    // 2 meetings x 2 delegates x (preparation + 2 days in the room + no travel + follow-up),
    // 10 calls, 3 days of its own, 60 plan days every two years; a member does not join again.
    const Exact per_delegate = param("prep_days_per_meeting") + 2 + param("follow_up_days_per_meeting");
    CHECK(m.cost.staff_days == 2 * 2 * per_delegate + 10 * param("call_days") + 3 + 30);
    CHECK(m.cost.ministerial_days == 0);
    // The chair is the member's costs plus its hosting, in full in its year.
    Recommendation turn = model(profile("[turns]\ntf = 2027\n[memberships]\ntf = \"member\"\n"), cat);
    CHECK(option(turn, "chair").cost.money_usd == m.cost.money_usd + 5000);
    CHECK(option(turn, "chair").cost.staff_days == m.cost.staff_days);
  }
  TEST_CASE("options: joining: the lead time discounts the value, accession adds staff days") {
    const Catalogue cat = test_catalogue();
    Recommendation rec = model(profile("invitations = [\"tf\"]\n"), cat);
    const OptionAssessment& m = option(rec, "member");
    const Exact horizon = param("horizon_years");
    CHECK(m.value == raw(rec, "member") * (1 - Exact(12) / (12 * horizon)));
    CHECK(m.status_quo.lead_time == raw(rec, "member") * Exact(12) / (12 * horizon));
    Recommendation member = model(profile("[memberships]\ntf = { option = \"member\", since = 2027 }\n"), cat);
    CHECK(m.cost.staff_days - option(member, "member").cost.staff_days == param("accession_staff_days") / horizon);
    CHECK(option(member, "member").value == raw(member, "member"));  // held: no lead time, no tenure yet
  }
  TEST_CASE("options: tenure raises peer learning only, up to tenure_full_years") {
    const Catalogue cat = test_catalogue();
    Recommendation fresh = model(profile("[memberships]\ntf = { option = \"member\", since = 2027 }\n"), cat);
    Recommendation old = model(profile("[memberships]\ntf = { option = \"member\", since = 2000 }\n"), cat);
    const OptionAssessment& a = option(fresh, "member");
    const OptionAssessment& b = option(old, "member");
    CHECK(b.by_objective.at("peer_learning") == a.by_objective.at("peer_learning") * (1 + param("tenure_gain_peer_learning")));
    CHECK(b.by_objective.at("norm_setting") == a.by_objective.at("norm_setting"));
    Recommendation unknown = model(profile("[memberships]\ntf = \"member\"\n"), cat);
    const Exact part = param("tenure_unknown_years") / param("tenure_full_years");
    CHECK(option(unknown, "member").by_objective.at("peer_learning") ==
          a.by_objective.at("peer_learning") * (1 + param("tenure_gain_peer_learning") * part));
  }
  TEST_CASE("options: leaving costs a share of today's option - a lesser option the share of what it gives up") {
    const Catalogue cat = test_catalogue();
    Recommendation rec = model(profile("[memberships]\ntf = { option = \"member\", since = 2027 }\n"), cat);
    const Assessment& as = rec.assessments.at(0);
    const Exact share = param("leave_reputation_share");
    CHECK(as.leave_cost == share * option(rec, "member").value);
    CHECK(rec.problem.items.at(0).none_value == -as.leave_cost);
    // Attending instead: per objective, the share of what it yields less than membership.
    Exact expected = 0;
    for (const auto& [k, v] : option(rec, "member").by_objective) {
      const Exact att = raw_objective(rec, "attend", k);
      expected += att - share * std::max(Exact(0), Exact(v - att));
    }
    CHECK(option(rec, "attend").value == expected);
  }
  TEST_CASE("options: leaving a forum the country founded costs founder_leave_share - init marks founders") {
    const Catalogue cat = test_catalogue();
    Recommendation rec = model(profile("[memberships]\ntf = { option = \"member\", since = 2027, founder = true }\n"), cat);
    const Assessment& as = rec.assessments.at(0);
    CHECK(as.founder);
    CHECK(param("founder_leave_share") > param("leave_reputation_share"));
    CHECK(as.leave_cost == param("founder_leave_share") * option(rec, "member").value);
    // A lesser option gives up the founder's share of what it yields less.
    Exact expected = 0;
    for (const auto& [k, v] : option(rec, "member").by_objective) {
      const Exact att = raw_objective(rec, "attend", k);
      expected += att - param("founder_leave_share") * std::max(Exact(0), Exact(v - att));
    }
    CHECK(option(rec, "attend").value == expected);
    // Estonia founded DN in 2014 (memberships.csv: founding_member); it joined GPAI in 2024.
    auto text = test::shipped_session().starter_profile("EST");
    REQUIRE(text.ok());
    CHECK(text.value->find("dn = { option = \"member\", since = 2014, founder = true }") != std::string::npos);
    CHECK(text.value->find("gpai = { option = \"member\", since = 2024 }") != std::string::npos);
  }
  TEST_CASE("options: keep_current makes today's forum must-include - baseline none forgets it") {
    const Catalogue cat = test_catalogue();
    const std::string held = "[memberships]\ntf = \"member\"\n";
    Recommendation keep = model(profile(held + "[constraints]\nkeep_current = true\n"), cat);
    CHECK(keep.problem.must == std::vector<size_t>{0});
    Recommendation fresh = model(profile("baseline = \"none\"\n" + held), cat);
    CHECK(fresh.problem.items.at(0).none_value == 0);
    CHECK_FALSE(fresh.assessments.at(0).current.has_value());
    CHECK_FALSE(option(fresh, "member").open);  // as if from nothing: not invited
  }
  TEST_CASE("options: at most max_roles chair or host roles, as one more row of the problem") {
    const Catalogue cat = test_catalogue();
    Recommendation rec = model(profile("[turns]\ntf = 2027\n[memberships]\ntf = \"member\"\n"), cat);
    REQUIRE(rec.problem.resources.size() == 4);
    CHECK(rec.problem.resources[3] == "chair_or_host_roles");
    CHECK(rec.problem.budget[3] == 1);
    CHECK(rec.resources.size() == 3);  // reports never show it
    Recommendation none = model(profile("[turns]\ntf = 2027\n[memberships]\ntf = \"member\"\n[constraints]\nmax_roles = 0\n"), cat);
    for (const auto& c : none.portfolio) CHECK(c.option != "chair");
  }
}

}  // namespace whichforum

namespace whichforum {

TEST_SUITE("options") {
  TEST_CASE("options: max_changes caps the forums joined, changed or left against today's") {
    Profile p = test::shipped_profile("uruguay");
    // Every remit but telecoms, and larger budgets, so that the free optimum changes several forums.
    // Telecoms stays another ministry's: keeping Uruguay's ITU membership (a class of contribution,
    // 318,000 CHF a unit) would not fit these budgets, and max_changes = 0 must keep all it decides.
    p.remit.covers.clear();
    for (const auto& r : remit_names()) {
      if (r != "telecoms") p.remit.covers.emplace_back(r);
    }
    p.capacity.money = 300000;
    p.capacity.staff_days = 600;
    p.capacity.ministerial_days = 12;
    // Resources unpriced, so that every forum worth anything is worth a change.
    for (const char* k : {"price_per_1000_usd", "price_per_staff_day", "price_per_ministerial_day"}) p.assumptions[k] = 0;
    Recommendation free = test::run(p);
    REQUIRE(free.feasible());
    const size_t unconstrained = changes(free.problem, free.solution.choice);
    REQUIRE(unconstrained > 1);  // the free optimum changes several forums
    p.constraints.max_changes = 0;
    Recommendation none = test::run(p);
    REQUIRE(none.feasible());
    std::vector<std::string> kept;
    for (const auto& c : none.portfolio) kept.push_back(c.forum + "=" + c.option);
    CHECK(kept == std::vector<std::string>{"dn=member", "ogp=member", "redgealc=member"});  // today's, exactly
    p.constraints.max_changes = 1;
    Recommendation one = test::run(p);
    REQUIRE(one.feasible());
    CHECK(changes(one.problem, one.solution.choice) == 1);
    CHECK(one.total_value > none.total_value);
    CHECK(one.total_value < free.total_value);
  }
  TEST_CASE("options: property: no chosen option is one the country is not eligible for (shipped and every init profile)") {
    const Session& s = test::shipped_session();
    std::vector<Profile> profiles;
    for (std::string name : {"uruguay", "canada", "estonia"}) profiles.push_back(test::shipped_profile(name));
    for (const auto& [iso3, country] : shipped().data.countries) {
      auto text = s.starter_profile(iso3);
      REQUIRE(text.ok());
      auto doc = read_toml(*text.value, "init " + iso3);
      REQUIRE(doc.ok());
      auto p = s.profile_from(*doc.value);
      if (p.ok()) profiles.push_back(std::move(*p.value));  // those with no EGDI cannot be read
    }
    REQUIRE(profiles.size() > 150);
    size_t chosen = 0;
    for (const auto& p : profiles) {
      auto rec = recommend(p, shipped());
      if (!rec.ok() || !rec.value->feasible()) continue;
      for (const auto& c : rec.value->portfolio) {
        ++chosen;
        const Assessment& as = rec.value->assessments.at(index_of(rec.value->problem, c.forum));
        const OptionAssessment* o = as.find_option(c.option);
        REQUIRE(o != nullptr);
        INFO(p.country << " " << c.forum << " " << c.option);
        CHECK(o->eligibility.status == EligibilityStatus::kEligible);
        CHECK(c.eligibility == EligibilityStatus::kEligible);
        CHECK(o->open);
      }
    }
    CHECK(chosen > 300);  // enough choices looked at: about two per profile
  }
}

}  // namespace whichforum
