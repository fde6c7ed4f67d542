// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Priority sensitivity (issue 14 item 6): the portfolio with each objective's weight and each
// theme's priority doubled and dropped, exactly, and the same as a recommendation of a profile
// that states those weights outright.
#include "engine/engine.h"
#include "engine/sensitivity.h"
#include "tests/test_support.h"

#include <doctest/doctest.h>

namespace whichforum {
namespace {

const PriorityCase& find_case(const PrioritySensitivity& s, PriorityKind kind, const std::string& id, const Exact& factor) {
  for (const auto& c : s.cases)
    if (c.kind == kind && c.id == id && c.factor == factor) return c;
  FAIL("no case " << id << " x" << format_exact(factor));
  throw std::logic_error("unreachable");
}

std::vector<std::pair<std::string, std::string>> portfolio_of(const Recommendation& rec) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& c : rec.portfolio) out.emplace_back(c.forum, c.option);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_SUITE("sensitivity") {
  TEST_CASE("sensitivity: Estonia - doubling code sharing drops ESNA - the weights are renormalised exactly") {
    const Profile p = test::shipped_profile("estonia");
    const Recommendation rec = test::run(p);
    const PrioritySensitivity s = priority_sensitivity(p, test::shipped(), rec);
    size_t objectives = 0;
    for (const auto& [k, w] : rec.weights) objectives += w > 0 ? 1 : 0;
    CHECK(s.cases.size() == 2 * (objectives + p.theme_priority.size()));
    const PriorityCase& c = find_case(s, PriorityKind::kObjective, "code_sharing", 2);
    CHECK(c.before == rec.weights.at("code_sharing"));
    CHECK(c.after == 2 * c.before / (1 + c.before));  // doubled, then all scaled to sum 1
    REQUIRE(c.status == AnswerStatus::kOptimal);
    CHECK(c.entered.empty());
    CHECK(c.left == std::vector<std::string>{"esna (member)"});
    CHECK(priority_case_text(c) == "code_sharing x2 (0.2 -> 0.33): drops esna (member)");
    const PriorityCase& zero = find_case(s, PriorityKind::kObjective, "code_sharing", 0);
    CHECK(zero.after == 0);
    // The same portfolio as a profile that states the doubled weights outright.
    std::string text = "schema = \"whichforum.profile/1\"\ncountry = \"EST\"\nname = \"Estonia\"\n[objectives]\n";
    for (const auto& [k, w] : rec.weights) text += k + " = \"" + format_exact_full(k == "code_sharing" ? 2 * w : w) + "\"\n";
    text += "[capacity]\nmoney = 1\nstaff_days = 1\nministerial_days = 1\n";  // only its weights are used
    Profile stated = p;
    Profile weights_only = test::profile_text(text);
    stated.weights = weights_only.weights;
    stated.weight_set = weights_only.weight_set;
    stated.ranking.clear();
    stated.intervals.clear();
    CHECK(portfolio_of(test::run(stated)) == c.portfolio);
  }
  TEST_CASE("sensitivity: Canada - without the human-rights-online theme OGP goes - its other cases keep it") {
    const Profile p = test::shipped_profile("canada");
    const Recommendation rec = test::run(p);
    const PrioritySensitivity s = priority_sensitivity(p, test::shipped(), rec);
    const PriorityCase& c = find_case(s, PriorityKind::kTheme, "human_rights_online", 0);
    REQUIRE(c.status == AnswerStatus::kOptimal);
    CHECK(c.left == std::vector<std::string>{"ogp (member)"});
    CHECK(c.entered.empty());
    // The theme case agrees with the profile whose themes leave it out.
    Profile without = p;
    without.theme_priority.erase("human_rights_online");
    Exact total = 0;
    for (const auto& [t, x] : without.theme_priority) total += x;
    for (auto& [t, x] : without.theme_priority) x /= total;
    CHECK(portfolio_of(test::run(without)) == c.portfolio);
    const PriorityCase& doubled = find_case(s, PriorityKind::kTheme, "human_rights_online", 2);
    CHECK(doubled.same());
  }
  TEST_CASE("sensitivity: a single objective or theme is not a case to run, and says why") {
    Profile p = test::profile_text("schema = \"whichforum.profile/1\"\ncountry = \"URY\"\nname = \"Uruguay\"\nthemes = [\"ai\"]\n"
                                   "[objectives]\npeer_learning = 1\n[capacity]\nmoney = 60000\nstaff_days = 120\nministerial_days = 4\n");
    const Recommendation rec = test::run(p);
    const PrioritySensitivity s = priority_sensitivity(p, test::shipped(), rec);
    REQUIRE(s.cases.size() == 4);
    for (const auto& c : s.cases) {
      CHECK_FALSE(c.skipped.empty());
      CHECK_FALSE(c.same());
    }
    CHECK(s.cases[1].skipped == "the only objective pursued: without it nothing is");
    CHECK(s.cases[3].kind == PriorityKind::kTheme);
    CHECK(priority_case_text(s.cases[3]).find("not run, the only theme stated") != std::string::npos);
  }
}

}  // namespace whichforum
