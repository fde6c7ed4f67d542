// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Events are substitutes (engine/README.md, "Events"; recommend.cpp's split_event_needs): each
// need an attend option serves has an "at events" part that attend options serve at share
// s / c (c the largest attend share, rounded up to two significant digits) and every other
// option at its share s. Exact values on the shipped catalogue and a copy of GovInsider.
#include "engine/engine.h"
#include "tests/test_support.h"

#include <doctest/doctest.h>

#include <map>

namespace whichforum {
namespace {

using test::shipped;

Profile uruguay() {
  return test::profile_text(
      "schema = \"whichforum.profile/1\"\ncountry = \"URY\"\nname = \"Uruguay\"\n"
      "[objectives]\npeer_learning = 2\nnorm_setting = 1\nprofessional_network = 1\n"
      "[capacity]\nmoney = 400000\nstaff_days = 600\nministerial_days = 20\n"
      "[memberships]\ndn = { option = \"member\", since = 2018 }\n");
}

// DN, GovInsider and a second GovInsider festival, identical but for its id, with the shipped
// criteria and data: GovInsider is then the largest event (excluding the others would not do:
// every open attend option sizes the events parts, excluded or not).
Catalogue with_twin_festival() {
  Catalogue cat = shipped();
  Forum copy = *cat.find_forum("govinsider");
  copy.id = "govinsider_twin";
  std::erase_if(cat.forums, [](const Forum& f) { return f.id != "dn" && f.id != "govinsider"; });
  cat.forums.push_back(copy);
  std::stable_sort(cat.forums.begin(), cat.forums.end(), [](const Forum& a, const Forum& b) { return a.id < b.id; });
  return cat;
}

size_t item(const Recommendation& rec, const std::string& id) {
  for (size_t i = 0; i < rec.problem.items.size(); ++i)
    if (rec.problem.items[i].id == id) return i;
  FAIL("no item " << id);
  return 0;
}

// The choice holding only `picks` (item id, option label).
std::vector<int> only(const Recommendation& rec, const std::vector<std::pair<std::string, std::string>>& picks) {
  std::vector<int> c(rec.problem.items.size(), -1);
  for (const auto& [id, label] : picks) {
    const auto& options = rec.problem.items[item(rec, id)].options;
    for (size_t o = 0; o < options.size(); ++o)
      if (options[o].label == label) c[item(rec, id)] = static_cast<int>(o);
    REQUIRE(c[item(rec, id)] >= 0);
  }
  return c;
}

bool decimal(const Exact& x) {
  auto d = boost::multiprecision::denominator(x);
  while (d % 2 == 0) d /= 2;
  while (d % 5 == 0) d /= 5;
  return d == 1;
}

}  // namespace

TEST_SUITE("events") {
  TEST_CASE("events: each need's events part is the largest attend share rounded up to two digits") {
    auto r = recommend(uruguay(), shipped());
    REQUIRE(r.ok());
    const Recommendation& rec = *r.value;
    const Problem& p = rec.problem;
    REQUIRE(p.needs.size() % 2 == 0);
    const size_t base = p.needs.size() / 2;
    std::vector<Exact> largest(base, Exact(0));
    for (size_t i = 0; i < p.items.size(); ++i) {
      for (size_t o = 0; o < p.items[i].options.size(); ++o) {
        if (rec.assessments[i].problem_option(o).option.kind != OptionKind::kAttend) continue;
        // An attend option serves only events parts; the assessment keeps its share of the need.
        for (const auto& [n, s] : p.items[i].options[o].shares) CHECK(n >= base);
      }
    }
    size_t split = 0;
    for (size_t n = 0; n < base; ++n) {
      const Exact whole = p.needs[n].weight + p.needs[base + n].weight;
      CHECK(p.needs[base + n].label == p.needs[n].label + " at events");
      CHECK(rec.need_objective[base + n] == rec.need_objective[n]);
      if (p.needs[base + n].weight == 0) continue;
      ++split;
      const Exact c = p.needs[base + n].weight / whole;
      CHECK(decimal(c));
      CHECK(rec.need_unit[base + n] == (rec.need_unit[n] + rec.need_unit[base + n]) * c);
      // Some attend option fills at least 10/11 of it, none more than all of it.
      Exact best = 0;
      for (const auto& it : p.items)
        for (const auto& o : it.options)
          for (const auto& [k, s] : o.shares)
            if (k == base + n) best = std::max(best, s);
      CHECK(best <= 1);
      CHECK(best * 11 >= 10);
    }
    CHECK(split > 0);  // GovInsider and the Transform Africa Summit are open to Uruguay
  }

  TEST_CASE("events: a second festival adds at most 1/11 of the first's coverage, a membership adds as before") {
    const Catalogue cat = with_twin_festival();
    auto r = recommend(uruguay(), cat);
    REQUIRE(r.ok());
    const Recommendation& rec = *r.value;
    const Problem& p = rec.problem;
    const Exact one = coverage_value(p, only(rec, {{"govinsider", "attend"}}));
    const Exact two = coverage_value(p, only(rec, {{"govinsider", "attend"}, {"govinsider_twin", "attend"}}));
    REQUIRE(one > 0);
    CHECK(two > one);
    CHECK((two - one) * 11 <= one);
    // Alone, each is worth exactly what it serves: the same as its copy.
    CHECK(coverage_value(p, only(rec, {{"govinsider_twin", "attend"}})) == one);
    // Without the split the copy would add (1 - s) of each need's share s: about nine tenths.
    // A membership and an event combine as any two options: 1 - (1 - a)(1 - e) of each need,
    // which the events part keeps: W(1-c)a + Wc(1 - (1 - a)(1 - e/c)) = W(a + e - ae).
    const Exact dn = coverage_value(p, only(rec, {{"dn", "member"}}));
    const Exact both = coverage_value(p, only(rec, {{"dn", "member"}, {"govinsider", "attend"}}));
    Exact expected = 0;
    const size_t base = p.needs.size() / 2;
    const auto& dn_shares = p.items[item(rec, "dn")].options[static_cast<size_t>(only(rec, {{"dn", "member"}})[item(rec, "dn")])].shares;
    const auto& gi_shares = p.items[item(rec, "govinsider")].options[0].shares;
    for (size_t n = 0; n < base; ++n) {
      Exact a = 0, e = 0;
      for (const auto& [k, s] : dn_shares)
        if (k == n) a = s;
      const Exact whole = p.needs[n].weight + p.needs[base + n].weight;
      for (const auto& [k, s] : gi_shares)
        if (k == base + n) e = s * p.needs[base + n].weight / whole;  // back to its share of the need
      expected += whole * (a + e - a * e);
    }
    CHECK(both == expected);
    CHECK(both > dn);
  }
  TEST_CASE("events: a member of a forum with its own event serves that event's part as attending it does") {
    // Kenya, a Smart Africa member (whose Board meets at the Transform Africa Summit), no themes:
    // one need per objective, so each option's share of need n is its share of n's objective.
    const Profile ken = test::profile_text(
        "schema = \"whichforum.profile/1\"\ncountry = \"KEN\"\nname = \"Kenya\"\n"
        "[objectives]\npeer_learning = 1\nprofessional_network = 1\nbranding = 1\n"
        "[capacity]\nmoney = 300000\nstaff_days = 400\nministerial_days = 10\n"
        "[memberships]\nsmart_africa = { option = \"member\", since = 2013, founder = true }\n");
    auto r = recommend(ken, shipped());
    REQUIRE(r.ok());
    const Recommendation& rec = *r.value;
    const Problem& p = rec.problem;
    const size_t base = p.needs.size() / 2, i = item(rec, "smart_africa");
    const Assessment& as = rec.assessments[i];
    const OptionAssessment* attend = nullptr;
    for (const auto& oa : as.options)
      if (oa.option.kind == OptionKind::kAttend) attend = &oa;
    REQUIRE(attend);
    size_t checked = 0;
    for (size_t o = 0; o < p.items[i].options.size(); ++o) {
      const OptionAssessment& oa = as.problem_option(o);
      if (oa.option.kind == OptionKind::kAttend) continue;
      std::map<size_t, Exact> got;
      for (const auto& [k, x] : p.items[i].options[o].shares) got[k] = x;
      for (size_t n = 0; n < base; ++n) {
        const size_t k = rec.need_objective[n];
        const Exact whole = p.needs[n].weight + p.needs[base + n].weight;
        const Exact c = p.needs[base + n].weight / whole;
        const Exact s = oa.share[k], e = attend->share[k];
        if (c == 0 || s == 0) continue;
        // t = max(s, min(s, e) / c) of the events part; the rest keeps what is left of s.
        const Exact t = std::max(s, Exact(std::min(s, e) / c));
        CHECK(got[base + n] == t);
        CHECK(got[n] == (t == s ? s : (s - c * t) / (1 - c)));
        CHECK(whole * ((1 - c) * got[n] + c * got[base + n]) == whole * s);  // alone: exactly W s
        if (t > s) ++checked;
      }
    }
    CHECK(checked > 0);  // the rule moves some share: membership covers the summit's part
    // So another event adds less beside the membership than beside nothing.
    const Exact gi = coverage_value(p, only(rec, {{"govinsider", "attend"}}));
    const Exact with = coverage_value(p, only(rec, {{"smart_africa", "member"}, {"govinsider", "attend"}})) -
                       coverage_value(p, only(rec, {{"smart_africa", "member"}}));
    CHECK(with < gi);
  }
}

}  // namespace whichforum
