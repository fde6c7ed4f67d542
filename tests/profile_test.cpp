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
  TEST_CASE("profile: a membership level that does not exist fails") {
    CHECK(first_error(profile_from(minimal_profile("peer_learning = 1\n", "[memberships]\ndn = \"chair\"\n")).diagnostics) ==
          "p.toml:11:6: value \"chair\" for \"dn\" is not one of observer, member, lead");
  }
  TEST_CASE("profile: overriding a non-numeric fact fails with a suggestion") {
    CHECK(first_error(profile_from(minimal_profile("peer_learning = 1\n", "[overrides.dn]\ncandor = \"0.5\"\n")).diagnostics) ==
          "p.toml:11:1: \"candor\" is not a numeric forum fact that a profile can override; did you mean \"candour\"?");
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
          "p.toml:11:1: forum \"dn\" offers no \"observer\" level; it offers member, lead");
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
