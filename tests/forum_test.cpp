// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Forum files: identity, fact tables and their provenance rules, entry rules.
#include "engine/forum.h"
#include "tests/test_support.h"

#include <doctest/doctest.h>

namespace whichforum {

using test::first_error;
using test::forum_from;
using test::minimal_forum;

TEST_SUITE("forum") {
  TEST_CASE("forum: a minimal forum loads with its facts") {
    auto f = forum_from(minimal_forum("dn"));
    REQUIRE(f.ok());
    CHECK(f.value->id == "dn");
    CHECK(*f.value->number("member_count") == 10);
    CHECK(f.value->list("tiers") == std::vector<std::string>{"ministerial"});
    CHECK(f.value->fact("founded")->prov.source == "data:S20");
    CHECK(f.value->fact("candour") == nullptr);
  }
  TEST_CASE("forum: a fact without a source fails") {
    auto f = forum_from(minimal_forum("dn", "candour = { value = \"0.5\", as_of = \"2020\" }\n"));
    CHECK(first_error(f.diagnostics) ==
          "t.toml:14:11: \"candour\" has no source; every fact needs source and as_of, or "
          "estimate = true with a reason");
  }
  TEST_CASE("forum: a fact without as_of fails") {
    auto f = forum_from(minimal_forum("dn", "candour = { value = \"0.5\", source = \"data:S20\" }\n"));
    CHECK(first_error(f.diagnostics) ==
          "t.toml:14:11: \"candour\" has no as_of; every fact needs source and as_of, or "
          "estimate = true with a reason");
  }
  TEST_CASE("forum: an estimate needs a reason") {
    auto f = forum_from(minimal_forum("dn", "candour = { value = \"0.5\", estimate = true }\n"));
    CHECK(first_error(f.diagnostics) ==
          "t.toml:14:11: \"candour\" is an estimate without a reason; add reason = \"...\"");
  }
  TEST_CASE("forum: an estimate with a reason needs no source") {
    auto f = forum_from(minimal_forum("dn", "candour = { value = \"0.5\", estimate = true, reason = \"r\" }\n"));
    REQUIRE(f.ok());
    CHECK(f.value->fact("candour")->prov.estimate);
  }
  TEST_CASE("forum: a seed citation needs a quote") {
    auto f = forum_from(minimal_forum(
        "dn", "candour = { value = \"0.5\", source = \"002_e132a8afec64e78b.txt\", as_of = \"2020\" }\n"));
    CHECK(first_error(f.diagnostics) ==
          "t.toml:14:11: \"candour\" cites seed 002_e132a8afec64e78b.txt without a quote; add "
          "quote = \"...\" with the supporting words");
  }
  TEST_CASE("forum: a source that is neither a seed nor data ids fails") {
    auto f = forum_from(minimal_forum("dn", "candour = { value = \"0.5\", source = \"wikipedia\", as_of = \"2020\" }\n"));
    CHECK(first_error(f.diagnostics) ==
          "t.toml:14:37: source of \"candour\" must be a seed file name such as "
          "\"002_e132a8afec64e78b.txt\" or data source ids such as \"data:S20,S22\"");
  }
  TEST_CASE("forum: a bare value instead of a fact table fails") {
    auto f = forum_from(minimal_forum("dn", "candour = \"0.5\"\n"));
    CHECK(first_error(f.diagnostics) ==
          "t.toml:14:11: \"candour\" must be a fact table: { value = ..., source = \"...\", as_of = "
          "\"...\" } or { value = ..., estimate = true, reason = \"...\" }");
  }
  TEST_CASE("forum: a misspelt provenance key is named with its fact") {
    auto f = forum_from(minimal_forum("dn", "candour = { value = \"0.5\", sorce = \"data:S20\", as_of = \"2020\" }\n"));
    CHECK(first_error(f.diagnostics) ==
          "t.toml:14:28: unknown key \"sorce\" in fact \"candour\"; did you mean \"source\"?");
  }
  TEST_CASE("forum: a judgement outside 0..1 fails") {
    auto f = forum_from(minimal_forum("dn", "candour = { value = \"1.5\", estimate = true, reason = \"r\" }\n"));
    CHECK(first_error(f.diagnostics) == "t.toml:14:21: \"candour\" must be at most 1, not 1.5");
  }
  TEST_CASE("forum: a missing required fact fails") {
    std::string text = minimal_forum("dn");
    text.erase(text.find("themes ="));
    auto f = forum_from(text);
    CHECK(first_error(f.diagnostics) ==
          "t.toml:1:1: missing required key \"themes\" in forum (topics it works on)");
  }
  TEST_CASE("forum: an unknown theme is suggested") {
    std::string text = minimal_forum("dn");
    text.replace(text.find("[\"ai\"]"), 6, "[\"a1\"]");
    auto f = forum_from(text);
    CHECK(first_error(f.diagnostics).find("value \"a1\" for \"themes\" is not one of ai, ") != std::string::npos);
    CHECK(first_error(f.diagnostics).find("; did you mean \"ai\"?") != std::string::npos);
  }
  TEST_CASE("forum: more named members than the member count fails") {
    auto f = forum_from(minimal_forum("dn", "members = { value = [\"URY\", \"CAN\"], source = \"data:S20\", as_of = \"2021\" }\n")
                            .replace(minimal_forum("dn").find("value = 10"), 10, "value = 1 "));
    CHECK(first_error(f.diagnostics) == "t.toml:14:11: \"members\" names 2 states but \"member_count\" is 1");
  }
  TEST_CASE("forum: the id must match the file name") {
    auto doc = read_toml(minimal_forum("dn"), "forums/gpai.toml");
    REQUIRE(doc.ok());
    auto f = parse_forum(*doc.value, "gpai");
    CHECK(first_error(f.diagnostics) ==
          "forums/gpai.toml:2:6: forum id \"dn\" differs from the file name \"gpai.toml\"");
  }
  TEST_CASE("forum: ids are lowercase") {
    auto f = forum_from(minimal_forum("DN"));
    CHECK(first_error(f.diagnostics) ==
          "t.toml:2:6: forum id \"DN\" must be lowercase letters, digits and _, starting with a letter");
  }
  TEST_CASE("forum: entry rules load with their parameters") {
    auto f = forum_from(minimal_forum("dn",
        "[[entry_rule]]\nrule = \"sponsors\"\ncount = 2\ntext = \"needs a proposer and a seconder\"\n"
        "source = \"data:S20\"\nas_of = \"2020\"\n"));
    REQUIRE(f.ok());
    REQUIRE(f.value->entry_rules.size() == 1);
    CHECK(f.value->entry_rules[0].count == 2);
    CHECK(f.value->entry_rules[0].text == "needs a proposer and a seconder");
  }
  TEST_CASE("forum: an entry rule missing its parameter fails") {
    auto f = forum_from(minimal_forum("dn",
        "[[entry_rule]]\nrule = \"sponsors\"\ntext = \"t\"\nsource = \"data:S20\"\nas_of = \"2020\"\n"));
    CHECK(first_error(f.diagnostics) == "t.toml:14:1: entry rule \"sponsors\" needs \"count\"");
  }
  TEST_CASE("forum: an entry rule without provenance fails") {
    auto f = forum_from(minimal_forum("dn", "[[entry_rule]]\nrule = \"open\"\ntext = \"anyone\"\n"));
    CHECK(first_error(f.diagnostics) ==
          "t.toml:14:1: \"entry_rule open\" has no source; every fact needs source and as_of, or "
          "estimate = true with a reason");
  }
  TEST_CASE("forum: entry_rule written as a single table fails with the fix") {
    auto f = forum_from(minimal_forum("dn", "[entry_rule]\nrule = \"open\"\n"));
    CHECK(first_error(f.diagnostics) ==
          "t.toml:14:1: \"entry_rule\" must be an array of tables: write [[entry_rule]] (or [[option.entry_rule]])");
  }
  TEST_CASE("forum: a wrong schema version is refused") {
    std::string text = minimal_forum("dn");
    text.replace(text.find("forum/1"), 7, "forum/9");
    auto f = forum_from(text);
    CHECK(first_error(f.diagnostics) ==
          "t.toml:1:10: value \"whichforum.forum/9\" for \"schema\" is not one of whichforum.forum/1; "
          "did you mean \"whichforum.forum/1\"?");
  }
}

}  // namespace whichforum
