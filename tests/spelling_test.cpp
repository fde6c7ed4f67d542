// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// "Did you mean": near typos are suggested, far words are not.
#include "engine/spelling.h"

#include <doctest/doctest.h>

namespace whichforum {

TEST_SUITE("spelling") {
  const std::vector<std::string> kKeys = {"money", "staff_days", "ministerial_days", "currency"};

  TEST_CASE("spelling: a transposition or a missing letter is suggested") {
    CHECK(closest_match("mony", kKeys) == "money");
    CHECK(closest_match("staf_days", kKeys) == "staff_days");
    CHECK(closest_match("ministerial_dayz", kKeys) == "ministerial_days");
  }
  TEST_CASE("spelling: case is ignored") { CHECK(closest_match("MONEY", kKeys) == "money"); }
  TEST_CASE("spelling: an unrelated word gets no suggestion") {
    CHECK(closest_match("budget", kKeys).empty());
    CHECK(did_you_mean("budget", kKeys).empty());
  }
  TEST_CASE("spelling: did_you_mean formats the suggestion") {
    CHECK(did_you_mean("curency", kKeys) == "; did you mean \"currency\"?");
  }
  TEST_CASE("spelling: ties go to the earliest candidate") {
    CHECK(closest_match("ab", {"ac", "ad"}) == "ac");
  }
}

}  // namespace whichforum
