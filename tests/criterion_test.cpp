// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Criteria files: value functions, their invariants and their evaluation.
#include "engine/criterion.h"
#include "tests/test_support.h"

#include <doctest/doctest.h>

namespace whichforum {

using test::criterion_from;
using test::first_error;
using test::minimal_criterion;

namespace {

std::string replace(std::string text, const std::string& from, const std::string& to) {
  text.replace(text.find(from), from.size(), to);
  return text;
}

}  // namespace

TEST_SUITE("criterion") {
  TEST_CASE("criterion: a minimal criterion loads") {
    auto c = criterion_from(minimal_criterion("candour_only"));
    REQUIRE(c.ok());
    CHECK(c.value->functions.size() == 1);
    CHECK(c.value->functions[0].indicator == "forum.candour");
  }
  TEST_CASE("criterion: value functions interpolate exactly and are flat outside") {
    ValueFunction f;
    f.points = {{Exact(0), Exact(0)}, {Exact(5), Exact(3, 5)}, {Exact(8), Exact(1)}, {Exact(40), Exact(3, 5)}};
    CHECK(f.at(Exact(-1)) == 0);
    CHECK(f.at(Exact(5, 2)) == Exact(3, 10));
    CHECK(f.at(Exact(8)) == 1);
    CHECK(f.at(Exact(24)) == Exact(4, 5));
    CHECK(f.at(Exact(1000)) == Exact(3, 5));
  }
  TEST_CASE("criterion: an unknown indicator is suggested") {
    auto c = criterion_from(replace(minimal_criterion("c"), "forum.candour", "forum.candor"));
    CHECK(first_error(c.diagnostics).find("value \"forum.candor\" for \"indicator\" is not one of ") != std::string::npos);
    CHECK(first_error(c.diagnostics).find("did you mean \"forum.candour\"?") != std::string::npos);
  }
  TEST_CASE("criterion: weights must add up to exactly 1") {
    auto c = criterion_from(replace(minimal_criterion("c"), "weight = 1", "weight = \"9/10\""));
    CHECK(first_error(c.diagnostics) ==
          "t.toml:8:3: the weights of the [[function]] tables of criterion \"c\" add up to 0.9; they must add up to 1");
  }
  TEST_CASE("criterion: x must increase") {
    auto c = criterion_from(replace(minimal_criterion("c"), "[[0, 0], [1, 1]]", "[[0, 0], [0, 1]]"));
    CHECK(first_error(c.diagnostics) == "t.toml:11:19: x values of \"points\" must increase; 0 follows 0");
  }
  TEST_CASE("criterion: y must lie in 0..1") {
    auto c = criterion_from(replace(minimal_criterion("c"), "[[0, 0], [1, 1]]", "[[0, 0], [1, 2]]"));
    CHECK(first_error(c.diagnostics) == "t.toml:11:19: y values of \"points\" must lie in 0..1, not 2");
  }
  TEST_CASE("criterion: one point is not a function") {
    auto c = criterion_from(replace(minimal_criterion("c"), "[[0, 0], [1, 1]]", "[[0, 0]]"));
    CHECK(first_error(c.diagnostics) == "t.toml:11:10: \"points\" of function \"forum.candour\" needs at least two points");
  }
  TEST_CASE("criterion: a function needs a reason") {
    auto c = criterion_from(replace(minimal_criterion("c"), "reason = \"r\"\n", ""));
    CHECK(first_error(c.diagnostics) ==
          "t.toml:8:1: missing required key \"reason\" in [[function]] (why the curve has this shape)");
  }
  TEST_CASE("criterion: evidence must be sourced") {
    auto c = criterion_from(replace(minimal_criterion("c"), "{ source = \"data:S20\", as_of = \"2021\" }", "{ as_of = \"2021\" }"));
    CHECK(first_error(c.diagnostics) ==
          "t.toml:5:13: \"evidence\" has no source; every fact needs source and as_of, or estimate = true with a reason");
  }
  TEST_CASE("criterion: level factors are read and an unknown level key is refused") {
    auto c = criterion_from(minimal_criterion("c"));
    REQUIRE(c.ok());
    CHECK(c.value->factor("observer") == Exact(1, 2));
    CHECK(c.value->factor("lead") == Exact(3, 2));
    CHECK(c.value->factor("chair") == 0);
    auto bad = criterion_from(replace(minimal_criterion("c"), "lead = \"3/2\"", "leader = \"3/2\""));
    CHECK(first_error(bad.diagnostics) == "t.toml:6:48: unknown key \"leader\" in level_factor; did you mean \"lead\"?");
  }
  TEST_CASE("criterion: every shipped indicator has a range and a description") {
    for (const auto& i : indicators()) {
      CAPTURE(i.name);
      CHECK(parse_exact(i.min).has_value());
      CHECK(parse_exact(i.max).has_value());
      CHECK(*parse_exact(i.min) < *parse_exact(i.max));
      CHECK_FALSE(i.description.empty());
    }
  }
}

}  // namespace whichforum
