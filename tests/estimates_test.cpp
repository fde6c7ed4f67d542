// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// How sure over the estimates (issue 17): ranges and their checks, default bands, the flip of a
// small instance known by hand, a range with no flip, and the joint acceptability of a
// two-portfolio case exactly and by sampling.
#include "engine/engine.h"
#include "tests/test_support.h"

#include <doctest/doctest.h>

#include <algorithm>

namespace whichforum {
namespace {

using test::first_error;
using test::shipped;

// A virtual forum (no trips) with one option whose yearly staff days are written down: 3 of its
// own and joining's accession_staff_days / horizon_years (15 / 3) = 8 in all.
std::string forum_text(const std::string& candour) {
  return R"toml(schema = "whichforum.forum/1"
id = "tf"
name = "Test forum"
kind = "minilateral_network"
founded = { value = 2014, source = "data:S20", as_of = "2021" }
membership_mode = { value = "open", source = "data:S20", as_of = "2021" }
member_count = { value = 10, source = "data:S20", as_of = "2021" }
meetings_per_year = { value = 0, source = "data:S20", as_of = "2021" }
venue_mode = { value = "virtual", source = "data:S20", as_of = "2021" }
venues = { value = ["GBR:London"], source = "data:S20", as_of = "2021" }
tiers = { value = ["lead"], source = "data:S20", as_of = "2021" }
engagement_levels = { value = ["member"], source = "data:S20", as_of = "2021" }
themes = { value = ["ai"], source = "data:S20", as_of = "2021" }
)toml" + candour + R"toml(

[[option]]
id = "member"
name = "Member"
kind = "join"
entry = "open"
meetings_per_year = "0"
staff_days = "3"
estimate = true
reason = "r"
)toml";
}

Catalogue catalogue(const std::string& candour) {
  Catalogue cat = shipped();
  auto f = test::forum_from(forum_text(candour));
  INFO(test::messages(f.diagnostics));
  REQUIRE(f.ok());
  cat.forums = {*f.value};
  return cat;
}

// Exact weights; the staff-day budget holds the option while accession_staff_days <= 17:
// 3 + 17 / 3 = 26 / 3.
Profile profile() {
  auto p = test::profile_from(
      "schema = \"whichforum.profile/1\"\ncountry = \"URY\"\nname = \"Uruguay\"\nplan_year = 2027\n"
      "baseline = \"none\"\n[objectives]\npeer_learning = 1\nnorm_setting = 1\n"
      "[capacity]\nmoney = 1000000\nstaff_days = \"26/3\"\nministerial_days = 10\n");
  INFO(test::messages(p.diagnostics));
  REQUIRE(p.ok());
  return std::move(*p.value);
}

Recommendation model(const Profile& p, const Catalogue& cat) {
  auto r = recommend(p, cat);
  INFO(test::messages(r.diagnostics));
  REQUIRE(r.ok());
  REQUIRE(r.value->feasible());
  return std::move(*r.value);
}

const EstimateFlip* flip_of(const EstimateRobustness& r, const std::string& id) {
  for (const auto& f : r.flips) {
    if (r.estimates[f.estimate].id() == id) return &f;
  }
  return nullptr;
}

const Estimate* estimate_of(const EstimateRobustness& r, const std::string& id) {
  for (const auto& e : r.estimates) {
    if (e.id() == id) return &e;
  }
  return nullptr;
}

std::string forum_error(const std::string& fact) { return first_error(test::forum_from(forum_text(fact)).diagnostics); }

}  // namespace

TEST_SUITE("estimates") {
  TEST_CASE("estimates: default bands - absolute for a share in 0..1, relative for other numbers, clipped") {
    CHECK(default_band(Exact(1, 2), Confidence::kMedium, "0", "1") == std::pair{Exact(2, 5), Exact(3, 5)});
    CHECK(default_band(Exact(1, 2), Confidence::kLow, "0", "1") == std::pair{Exact(3, 10), Exact(7, 10)});
    CHECK(default_band(Exact(1, 2), Confidence::kHigh, "0", "1") == std::pair{Exact(9, 20), Exact(11, 20)});
    CHECK(default_band(Exact(19, 20), Confidence::kLow, "0", "1") == std::pair{Exact(3, 4), Exact(1)});
    CHECK(default_band(Exact(15), Confidence::kLow, "0", "1000") == std::pair{Exact(15, 2), Exact(45, 2)});
    CHECK(default_band(Exact(2000), Confidence::kMedium, "0", "100000") == std::pair{Exact(1500), Exact(2500)});
    CHECK(default_band(Exact(2000), Confidence::kHigh, "0", "2100") == std::pair{Exact(1800), Exact(2100)});
  }

  TEST_CASE("estimates: a stated range is read - one that does not contain its value is refused at FILE:LINE:COL") {
    auto f = test::forum_from(forum_text("candour = { value = \"0.7\", estimate = true, reason = \"r\", range = \"0.6..0.95\" }"));
    REQUIRE(f.ok());
    const auto& prov = f.value->facts.at("candour").prov;
    REQUIRE(prov.range.has_value());
    CHECK(prov.range->first == Exact(3, 5));
    CHECK(prov.range->second == Exact(19, 20));
    CHECK(forum_error("candour = { value = \"0.5\", estimate = true, reason = \"r\", range = \"0.6..0.95\" }") ==
          "t.toml:14:67: range 0.6..0.95 of \"candour\" does not contain its value 0.5");
    CHECK(forum_error("candour = { value = \"0.5\", estimate = true, reason = \"r\", range = \"0.6\" }") ==
          "t.toml:14:67: range must be \"LOW..HIGH\" with two numbers, e.g. \"0.3..0.6\" (got \"0.6\")");
    CHECK(forum_error("candour = { value = \"0.5\", estimate = true, reason = \"r\", range = \"0.5..0.5\" }") ==
          "t.toml:14:67: range 0.5..0.5 of \"candour\" is empty: LOW must be below HIGH (a value known exactly needs no range)");
    CHECK(forum_error("candour = { value = \"0.5\", estimate = true, reason = \"r\", range = \"0.2..1.2\" }") ==
          "t.toml:14:67: range 0.2..1.2 of \"candour\" goes outside what the key allows (0..1)");
    CHECK(forum_error("candour = { value = \"0.5\", source = \"data:S20\", as_of = \"2021\", confidence = \"low\" }") ==
          "t.toml:14:78: \"candour\" is sourced: a confidence is for estimates (where the source gives a range, write it "
          "as range = \"LOW..HIGH\")");
    CHECK(forum_error("candour = { value = \"0.5\", estimate = true, reason = \"r\", range = \"0.4..0.6\", confidence = \"low\" }")
              .find("states a range and a confidence: keep one") != std::string::npos);
    CHECK(forum_error("candour = { value = \"0.5\", estimate = true, reason = \"r\", confidence = \"lo\" }")
              .find("did you mean \"low\"") != std::string::npos);
  }

  TEST_CASE("estimates: which numbers vary - estimates of offered forums and assumptions, not rules, overrides or years") {
    const Catalogue cat = catalogue("candour = { value = \"1\", estimate = true, reason = \"r\", confidence = \"high\" }");
    const Recommendation rec = model(profile(), cat);
    const auto es = model_estimates(rec, profile(), cat);
    SearchBudget budget;
    const EstimateRobustness r = analyse_estimates(rec, profile(), cat, {0, 1, false}, budget);
    const Estimate* candour = estimate_of(r, "tf.candour");
    REQUIRE(candour != nullptr);
    CHECK(candour->basis == RangeBasis::kConfidence);
    CHECK(candour->low == Exact(19, 20));
    CHECK(candour->high == Exact(1));
    const Estimate* accession = estimate_of(r, "assumptions.accession_staff_days");
    REQUIRE(accession != nullptr);
    CHECK(accession->basis == RangeBasis::kDefault);
    CHECK(accession->low == Exact(45, 4));
    CHECK(accession->high == Exact(75, 4));
    CHECK(estimate_of(r, "assumptions.horizon_years") == nullptr);       // a rule of the model
    CHECK(estimate_of(r, "tf.member_count") == nullptr);                // sourced
    CHECK(estimate_of(r, "assumptions.travel_days_same_country") == nullptr);  // 0: a relative band is empty
    Profile overriding = profile();
    overriding.assumptions["accession_staff_days"] = 15;
    const auto without = model_estimates(rec, overriding, cat);
    CHECK(std::none_of(without.begin(), without.end(),
                       [](const Estimate& e) { return e.id() == "assumptions.accession_staff_days"; }));
    CHECK(es.size() == r.estimates.size());
  }

  TEST_CASE("estimates: the flip known by hand - the staff budget holds tf until accession_staff_days rises above 17") {
    // Staff days 3 + a / 3 against a budget of 26/3: the option fits exactly while a <= 17, in
    // the default band 11.25..18.75 of a = 15. The candour's stated range 0.9..1 holds no flip:
    // the option is worth far more than the price of its 8 staff days anywhere in it.
    const Catalogue cat = catalogue("candour = { value = \"1\", estimate = true, reason = \"r\", range = \"0.9..1\" }");
    const Profile p = profile();
    const Recommendation rec = model(p, cat);
    REQUIRE(rec.portfolio.size() == 1);
    SearchBudget budget;
    const EstimateRobustness r = analyse_estimates(rec, p, cat, {0, 1, true}, budget);
    REQUIRE(r.status == AnswerStatus::kOptimal);
    const EstimateFlip* f = flip_of(r, "assumptions.accession_staff_days");
    REQUIRE(f != nullptr);
    CHECK_FALSE(f->falling);
    CHECK(f->exact);
    CHECK(f->at == 17);
    CHECK(f->adds.empty());
    CHECK(f->drops == std::vector<std::string>{"tf (member)"});
    CHECK(flip_text(r, *f) ==
          "if assumptions.accession_staff_days (15; range 11.25..18.75, default band) rises above 17: drops tf (member)");
    CHECK(flip_of(r, "tf.candour") == nullptr);
    CHECK(estimate_of(r, "tf.candour")->basis == RangeBasis::kStated);
    CHECK(flips_of(r, "tf").size() == r.flips.size());
  }

  TEST_CASE("estimates: joint acceptability of a two-portfolio case, exact and sampled within its margin") {
    // Only accession_staff_days moves the answer (the flip above is the only one): tf is in the
    // best portfolio when a draw of it is at most 17. Draws are uniform over the 101 points
    // 11.25 + 7.5 k / 100, k = 0..100, so exactly those with k <= 76: 77 of 101.
    const Catalogue cat = catalogue("candour = { value = \"1\", estimate = true, reason = \"r\", range = \"0.9..1\" }");
    const Profile p = profile();
    const Recommendation rec = model(p, cat);
    SearchBudget budget;
    const EstimateRobustness all = analyse_estimates(rec, p, cat, {0, 1, true}, budget);
    REQUIRE(all.flips.size() == 1);
    const Exact exact(77, 101);
    const EstimateRobustness r = analyse_estimates(rec, p, cat, {2000, 20261123, false}, budget);
    REQUIRE(r.status == AnswerStatus::kOptimal);
    REQUIRE(r.forums.size() == 1);
    REQUIRE(r.portfolios.size() == 2);
    CHECK(r.portfolios[0].wins + r.portfolios[1].wins == 2000);
    const Exact sampled = r.forums[0].acceptability;
    const Exact gap = sampled > exact ? sampled - exact : exact - sampled;
    INFO("sampled " << format_exact(sampled) << " +- " << format_exact(r.forums[0].half_width));
    CHECK(gap <= r.forums[0].half_width);
    CHECK(r.forums[0].half_width > 0);
    // Same seed, same figures.
    const EstimateRobustness again = analyse_estimates(rec, p, cat, {2000, 20261123, false}, budget);
    CHECK(again.forums[0].wins == r.forums[0].wins);
  }
}

}  // namespace whichforum
