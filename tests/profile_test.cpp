// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Profiles: the checks a profile passes alone, and those against a catalogue.
#include "engine/catalogue.h"
#include "tests/test_support.h"

#include <doctest/doctest.h>

namespace whichforum {

using test::first_error;
using test::minimal_profile;
using test::profile_from;

namespace {

// A catalogue of two forums (dn: member and lead; ogp: observer and member) and two criteria.
Catalogue small_catalogue() {
  test::MemoryFileSystem fs;
  fs.files["f/dn.toml"] = test::minimal_forum("dn", "aliases = [\"Digital Nations\", \"D9\"]\n");
  std::string ogp = test::minimal_forum("ogp");
  ogp.replace(ogp.find("[\"member\", \"lead\"]"), 18, "[\"observer\", \"member\"]");
  fs.files["f/ogp.toml"] = ogp;
  fs.files["c/peer_learning.toml"] = test::minimal_criterion("peer_learning");
  fs.files["c/branding.toml"] = test::minimal_criterion("branding");
  test::add_reference_data(fs, "d");
  auto cat = load_catalogue(fs, {"f", "c", "d"});
  REQUIRE(cat.ok());
  return std::move(*cat.value);
}

std::string cross_error(const std::string& text) {
  auto p = profile_from(text);
  if (!p.ok()) return "parse: " + first_error(p.diagnostics);
  return first_error(validate_profile(*p.value, small_catalogue()));
}

}  // namespace

TEST_SUITE("profile") {
  TEST_CASE("profile: a minimal profile loads with defaults") {
    auto p = profile_from(minimal_profile());
    REQUIRE(p.ok());
    CHECK(p.value->country == "URY");
    CHECK(p.value->capacity.money == 1000);
    CHECK(p.value->capacity.currency == "USD");
    CHECK(p.value->capacity.usd_rate == 1);
    CHECK(p.value->weights.size() == 1);
    CHECK_FALSE(p.value->constraints.max_forums.has_value());
  }
  TEST_CASE("profile: weights may be decimals or fractions and are kept exact") {
    auto p = profile_from(minimal_profile("peer_learning = \"1/3\"\nbranding = \"0.1\"\n"));
    REQUIRE(p.ok());
    CHECK(p.value->weights[0].weight == Exact(1, 3));
    CHECK(p.value->weights[1].weight == Exact(1, 10));
  }
  TEST_CASE("profile: a negative budget fails") {
    std::string text = minimal_profile();
    text.replace(text.find("money = 1000"), 12, "money = -1000");
    CHECK(first_error(profile_from(text).diagnostics) == "p.toml:7:9: \"money\" must be at least 0, not -1000");
  }
  TEST_CASE("profile: a non-numeric budget fails") {
    std::string text = minimal_profile();
    text.replace(text.find("money = 1000"), 12, "money = \"a lot\"");
    CHECK(first_error(profile_from(text).diagnostics) ==
          "p.toml:7:9: \"money\" must be a number such as \"0.15\" or \"1/3\", not \"a lot\" (not a number)");
  }
  TEST_CASE("profile: an absurdly large budget fails") {
    std::string text = minimal_profile();
    text.replace(text.find("money = 1000"), 12, "money = \"1" + std::string(20, '0') + "\"");
    CHECK(first_error(profile_from(text).diagnostics) ==
          "p.toml:7:9: \"money\" must be at most 1000000000000, not 100000000000000000000");
  }
  TEST_CASE("profile: all-zero weights fail") {
    CHECK(first_error(profile_from(minimal_profile("peer_learning = 0\nbranding = \"0.0\"\n")).diagnostics) ==
          "p.toml:4:1: all weights in [objectives] are 0; at least one must be positive");
  }
  TEST_CASE("profile: a negative weight fails") {
    CHECK(first_error(profile_from(minimal_profile("peer_learning = \"-0.5\"\n")).diagnostics) ==
          "p.toml:5:17: \"peer_learning\" must be at least 0, not -0.5");
  }
  TEST_CASE("profile: empty objectives fail with an example") {
    CHECK(first_error(profile_from(minimal_profile("")).diagnostics) ==
          "p.toml:4:1: [objectives] is empty; give a weight to at least one objective, e.g. peer_learning = \"0.5\", or a ranking");
  }
  TEST_CASE("profile: a misspelt capacity key is suggested") {
    std::string text = minimal_profile();
    text.replace(text.find("staff_days"), 10, "staf_days");
    auto diags = profile_from(text).diagnostics;
    CHECK(first_error(diags) == "p.toml:8:1: unknown key \"staf_days\" in [capacity]; did you mean \"staff_days\"?");
  }
  TEST_CASE("profile: a currency other than USD needs a rate") {
    CHECK(first_error(profile_from(minimal_profile("peer_learning = 1\n", "currency = \"EUR\"\n")).diagnostics) ==
          "p.toml:10:1: money is in EUR: give usd_rate (USD per EUR) so that costs in USD can be converted");
  }
  TEST_CASE("profile: a forum both required and excluded fails") {
    CHECK(first_error(profile_from(minimal_profile("peer_learning = 1\n",
                                                   "[constraints]\nmust = [\"dn\"]\nexclude = [\"dn\"]\n")).diagnostics) ==
          "p.toml:12:12: \"dn\" is both in \"must\" and in \"exclude\"");
  }
  TEST_CASE("profile: a membership entry must name an option, as a string or { option, since }") {
    CHECK(first_error(profile_from(minimal_profile("peer_learning = 1\n", "[memberships]\ndn = 3\n")).diagnostics) ==
          "p.toml:11:6: \"dn\" must be a string, not an integer");
    CHECK(first_error(profile_from(minimal_profile("peer_learning = 1\n", "[memberships]\ndn = { since = 2018 }\n")).diagnostics) ==
          "p.toml:11:6: missing required key \"option\" in [memberships] dn (the option held: one of the forum's [[option]] ids)");
    auto ok = profile_from(minimal_profile("peer_learning = 1\n", "[memberships]\ndn = { option = \"member\", since = 2018 }\n"));
    REQUIRE(ok.ok());
    CHECK(ok.value->memberships[0].option == "member");
    CHECK(ok.value->memberships[0].since == 2018);
  }
  TEST_CASE("profile: overriding a non-numeric fact fails with a suggestion") {
    CHECK(first_error(profile_from(minimal_profile("peer_learning = 1\n", "[overrides.dn]\ncandor = \"0.5\"\n")).diagnostics) ==
          "p.toml:11:1: \"candor\" is not a numeric forum fact that a profile can override; did you mean \"candour\"? (an option's numbers go in [overrides.dn.OPTION])");
  }
  TEST_CASE("profile: an override outside its range fails") {
    CHECK(first_error(profile_from(minimal_profile("peer_learning = 1\n", "[overrides.dn]\ncandour = 2\n")).diagnostics) ==
          "p.toml:11:11: \"candour\" must be at most 1, not 2");
  }
  TEST_CASE("profile: a lowercase country code fails") {
    std::string text = minimal_profile();
    text.replace(text.find("\"URY\""), 5, "\"ury\"");
    CHECK(first_error(profile_from(text).diagnostics) ==
          "p.toml:2:11: \"country\" must be an ISO3 country code such as \"URY\", not \"ury\"");
  }
  TEST_CASE("profile: an empty file gets one message listing what a profile needs") {
    auto diags = profile_from("# only a comment\n").diagnostics;
    CHECK(diags.error_count() == 1);
    CHECK(first_error(diags) ==
          "p.toml:1:1: the file is empty; a profile file needs country, name, objectives, "
          "capacity (see: whichforum schema profile)");
  }
  TEST_CASE("profile: a profile missing a table names it") {
    std::string text = minimal_profile();
    text.erase(text.find("[capacity]"));
    CHECK(first_error(profile_from(text).diagnostics) ==
          "p.toml:1:1: missing required key \"capacity\" in profile (money, staff days and ministerial days a year)");
  }
  TEST_CASE("profile/catalogue: a valid profile has no cross-file errors") {
    CHECK(cross_error(minimal_profile("peer_learning = 1\n",
                                      "[memberships]\ndn = \"member\"\n[constraints]\nmust = [\"ogp\"]\n")) == "(no error)");
  }
  TEST_CASE("profile/catalogue: an unknown forum id in constraints is suggested") {
    CHECK(cross_error(minimal_profile("peer_learning = 1\n", "[constraints]\nmust = [\"ogpp\"]\n")) ==
          "p.toml:11:9: unknown forum id \"ogpp\"; did you mean \"ogp\"? (see: whichforum forums)");
  }
  TEST_CASE("profile/catalogue: an alias in place of an id names the id") {
    CHECK(cross_error(minimal_profile("peer_learning = 1\n", "[constraints]\nexclude = [\"D9\"]\n")) ==
          "p.toml:11:12: unknown forum id \"D9\"; did you mean \"dn\" (Forum dn)?");
  }
  TEST_CASE("profile/catalogue: an unknown objective is suggested and the list given") {
    CHECK(cross_error(minimal_profile("peer_lerning = 1\n")) ==
          "p.toml:5:1: unknown objective \"peer_lerning\"; did you mean \"peer_learning\"? (objectives: branding, peer_learning)");
  }
  TEST_CASE("profile/catalogue: a level the forum does not offer fails") {
    CHECK(cross_error(minimal_profile("peer_learning = 1\n", "[memberships]\ndn = \"observer\"\n")) ==
          "p.toml:11:1: forum \"dn\" offers no option \"observer\"; it offers member, lead (see: whichforum forums show dn)");
  }
  TEST_CASE("profile/catalogue: an unknown country fails") {
    std::string text = minimal_profile();
    text.replace(text.find("\"URY\""), 5, "\"XYZ\"");
    CHECK(cross_error(text) == "p.toml:2:11: unknown country code \"XYZ\"; it is not in data/countries.csv");
  }
  TEST_CASE("profile/catalogue: an unknown theme is suggested") {
    CHECK(cross_error("themes = [\"a1\"]\n" + minimal_profile()) ==
          "p.toml:1:11: unknown theme \"a1\"; did you mean \"ai\"? (see: whichforum schema forum)");
  }
  TEST_CASE("profile/catalogue: overrides of an unknown forum fail") {
    CHECK(cross_error(minimal_profile("peer_learning = 1\n", "[overrides.dnn]\ncandour = \"0.5\"\n")) ==
          "p.toml:10:12: unknown forum id \"dnn\"; did you mean \"dn\"? (see: whichforum forums)");
  }
}

}  // namespace whichforum

namespace whichforum {

using test::first_error;
using test::minimal_profile;
using test::profile_from;

namespace {

std::vector<std::string> central_of(const std::string& objectives) {
  auto p = profile_from(minimal_profile(objectives));
  REQUIRE(p.ok());
  std::vector<std::string> out;
  const WeightSet& w = *p.value->weight_set;
  for (size_t k = 0; k < w.objectives.size(); ++k) out.push_back(w.objectives[k] + "=" + format_exact_full(w.central[k]));
  return out;
}

std::string warning_of(const std::string& objectives) {
  auto p = profile_from(minimal_profile(objectives));
  for (const auto& d : p.diagnostics.items()) {
    if (d.severity == Severity::kWarning) return d.message;
  }
  return "";
}

}  // namespace

TEST_SUITE("preferences") {
  TEST_CASE("exact weights are normalised, as before") {
    CHECK(central_of("peer_learning = 3\nbranding = 1\n") ==
          std::vector<std::string>{"branding=0.25", "peer_learning=0.75"});
  }

  TEST_CASE("a ranking gives the rank-order centroid - tied objectives share their ranks") {
    CHECK(central_of("ranking = [\"a\", \"b\", \"c\"]\n") ==
          std::vector<std::string>{"a=11/18", "b=5/18", "c=1/9"});
    // Tiers {a}, {b, c}: extreme points (1,0,0) and (1/3,1/3,1/3); centre (2/3, 1/6, 1/6).
    CHECK(central_of("ranking = [\"a\", [\"b\", \"c\"]]\n") ==
          std::vector<std::string>{"a=2/3", "b=1/6", "c=1/6"});
  }

  TEST_CASE("intervals bound normalised weights - the centre is the mean of the extreme points") {
    // a in [0.5, 0.7], b free, c = 0.1: extreme points (0.5,0.4,0.1) and (0.7,0.2,0.1).
    CHECK(central_of("a = \"0.5..0.7\"\nb = \"0..1\"\nc = \"0.1\"\n") ==
          std::vector<std::string>{"a=0.6", "b=0.3", "c=0.1"});
  }

  TEST_CASE("AHP judgements give the eigenvector - a consistent set is the only weighting") {
    auto c = central_of("ahp = [[\"a\", 2, \"b\"], [\"a\", 4, \"c\"], [\"b\", 2, \"c\"]]\n");
    REQUIRE(c.size() == 3);
    CHECK(c[0].rfind("a=0.57142857142", 0) == 0);
    CHECK(warning_of("ahp = [[\"a\", 2, \"b\"], [\"a\", 4, \"c\"], [\"b\", 2, \"c\"]]\n").empty());
  }

  TEST_CASE("inconsistent AHP judgements warn and name the judgement to revisit") {
    std::string w = warning_of("ahp = [[\"a\", 3, \"b\"], [\"b\", 3, \"c\"], [\"c\", 3, \"a\"]]\n");
    CHECK(w.find("consistency ratio") != std::string::npos);
    CHECK(w.find("above 0.10 (random index 0.58 for 3 objectives, Saaty 1980)") != std::string::npos);
    CHECK(w.find("the judgement that most reduces consistency is a vs ") != std::string::npos);
  }

  TEST_CASE("bad statements are errors at their place") {
    CHECK(first_error(profile_from(minimal_profile("a = \"0.6..0.3\"\n")).diagnostics) ==
          "p.toml:5:5: interval \"0.6..0.3\" must have 0 <= low <= high <= 1 (weights are normalised to sum 1)");
    CHECK(first_error(profile_from(minimal_profile("a = \"0.3..x\"\n")).diagnostics).find("is not an interval") !=
          std::string::npos);
    CHECK(first_error(profile_from(minimal_profile("ranking = [\"a\", \"a\"]\n")).diagnostics) ==
          "p.toml:5:17: \"a\" appears twice in the ranking");
    CHECK(first_error(profile_from(minimal_profile("ranking = [\"a\", 3]\n")).diagnostics) ==
          "p.toml:5:17: a ranking holds objective ids (strings) or lists of them, not an integer");
    CHECK(first_error(profile_from(minimal_profile("ahp = [[\"a\", 10, \"b\"]]\n")).diagnostics).find("at most 9") !=
          std::string::npos);
    CHECK(first_error(profile_from(minimal_profile("ahp = [[\"a\", \"2.5\", \"b\"]]\n")).diagnostics) ==
          "p.toml:5:14: AHP judgements use Saaty's scale: 1 to 9, or 1/2 to 1/9; not 2.5");
    CHECK(first_error(profile_from(minimal_profile("ahp = [[\"a\", 2, \"b\"], [\"a\", 2, \"c\"]]\n")).diagnostics) ==
          "p.toml:5:7: AHP needs a judgement for every pair of the objectives it names; \"b\" and \"c\" are not compared");
    CHECK(first_error(profile_from(minimal_profile("ranking = [\"a\", \"b\"]\nc = 5\n")).diagnostics) ==
          "p.toml:6:1: with a ranking, intervals or AHP judgements in [objectives], a number is a weight on the 0..1 "
          "scale (weights sum to 1); 5 is above 1");
  }

  TEST_CASE("contradictory statements name the one that leaves no weights") {
    CHECK(first_error(profile_from(minimal_profile("ranking = [\"a\", \"b\"]\nc = \"0..1\"\na = \"0..0.3\"\nb = \"0.5..1\"\n")).diagnostics) ==
          "p.toml:8:5: the preference statements admit no weights: \"b >= 0.5\" cannot hold together with the "
          "statements before it (weights are >= 0 and sum to 1)");
  }

  TEST_CASE("objectives named only in a ranking or AHP are checked against the catalogue") {
    auto p = profile_from(minimal_profile("ranking = [\"peer_learning\", \"brandin\"]\n"));
    REQUIRE(p.ok());
    test::MemoryFileSystem fs;
    fs.files["f/dn.toml"] = test::minimal_forum("dn");
    fs.files["c/peer_learning.toml"] = test::minimal_criterion("peer_learning");
    fs.files["c/branding.toml"] = test::minimal_criterion("branding");
    test::add_reference_data(fs, "d");
    auto cat = load_catalogue(fs, {"f", "c", "d"});
    REQUIRE(cat.ok());
    CHECK(first_error(validate_profile(*p.value, *cat.value)) ==
          "p.toml:5:29: unknown objective \"brandin\"; did you mean \"branding\"? (objectives: branding, peer_learning)");
  }
}

}  // namespace whichforum
