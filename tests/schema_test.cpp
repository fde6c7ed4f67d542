// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// The generic key reader: every type's checks and their exact messages.
#include "engine/schema.h"
#include "engine/report_format.h"

#include <sstream>
#include "tests/test_support.h"

#include <doctest/doctest.h>

namespace whichforum {

using test::first_error;

namespace {

const Schema kSchema{
    "[t]",
    {
        {"amount", ValueType::kExact, true, false, "0", "100", {}, "", "an amount"},
        {"count", ValueType::kInteger, false, false, "1", "10", {}, "", "a count"},
        {"mode", ValueType::kEnum, false, false, "", "", {"open", "invitation"}, "", "a mode"},
        {"codes", ValueType::kIso3List, false, false, "", "", {}, "", "codes"},
        {"venues", ValueType::kVenueList, false, false, "", "", {}, "", "venues"},
        {"when", ValueType::kDate, false, false, "", "", {}, "", "a date"},
        {"flag", ValueType::kBool, false, false, "", "", {}, "", "a flag"},
        {"tags", ValueType::kEnumList, false, false, "", "", {"ai", "data_governance"}, "", "tags"},
        {"name", ValueType::kString, false, false, "", "", {}, "", "a name"},
        {"points", ValueType::kPoints, false, false, "", "", {}, "", "points"},
    }};

// Reads every member of `text`'s root table against kSchema; returns the first error or "ok".
std::string check(const std::string& text) {
  auto doc = read_toml(text, "t.toml");
  if (!doc.ok()) return first_error(doc.diagnostics);
  Diagnostics diags;
  SchemaReader reader(*doc.value, &diags);
  reader.check_keys(doc.value->root, kSchema);
  for (const auto& m : doc.value->root.members) {
    if (const KeySpec* spec = kSchema.find(m.key)) (void)reader.read(*m.node(), *spec);
  }
  return diags.ok() ? "ok" : first_error(diags);
}

}  // namespace

TEST_SUITE("schema") {
  TEST_CASE("schema: a valid table passes") {
    CHECK(check("amount = \"12.5\"\ncount = 3\nmode = \"open\"\ncodes = [\"URY\"]\n"
                "venues = [\"FRA:Paris\"]\nwhen = \"2020-02\"\nflag = true\ntags = [\"ai\"]\n"
                "name = \"x\"\npoints = [[0, 0], [\"1/2\", 1]]\n") == "ok");
  }
  TEST_CASE("schema: unknown key with a suggestion") {
    CHECK(check("amount = 1\namont = 2\n") ==
          "t.toml:2:1: unknown key \"amont\" in [t]; did you mean \"amount\"?");
  }
  TEST_CASE("schema: unknown key without a close match has no suggestion") {
    CHECK(check("amount = 1\nzzzzzzzz = 2\n") == "t.toml:2:1: unknown key \"zzzzzzzz\" in [t]");
  }
  TEST_CASE("schema: missing required key names its meaning") {
    CHECK(check("count = 2\n") == "t.toml:1:1: missing required key \"amount\" in [t] (an amount)");
  }
  TEST_CASE("schema: a TOML float is refused with the exact alternative") {
    CHECK(check("amount = 0.15\n") ==
          "t.toml:1:10: \"amount\" is a TOML float (0.15); write exact numbers as integers or "
          "strings, such as \"0.15\"");
  }
  TEST_CASE("schema: a non-numeric string is refused") {
    CHECK(check("amount = \"lots\"\n") ==
          "t.toml:1:10: \"amount\" must be a number such as \"0.15\" or \"1/3\", not \"lots\" (not a number)");
  }
  TEST_CASE("schema: NaN and infinity spelled in strings are refused") {
    CHECK(check("amount = \"nan\"\n") ==
          "t.toml:1:10: \"amount\" must be a number such as \"0.15\" or \"1/3\", not \"nan\" (not a number)");
    CHECK(check("amount = \"inf\"\n").find("not \"inf\" (not a number)") != std::string::npos);
  }
  TEST_CASE("schema: below the minimum and above the maximum") {
    CHECK(check("amount = -5\n") == "t.toml:1:10: \"amount\" must be at least 0, not -5");
    CHECK(check("amount = \"100.5\"\n") == "t.toml:1:10: \"amount\" must be at most 100, not 100.5");
  }
  TEST_CASE("schema: wrong TOML type") {
    CHECK(check("amount = true\n") ==
          "t.toml:1:10: \"amount\" must be a number (an integer, or a string such as \"0.15\" or "
          "\"1/3\"), not a boolean");
    CHECK(check("amount = 1\ncount = \"3\"\n") == "t.toml:2:9: \"count\" must be an integer, not a string");
    CHECK(check("amount = 1\nflag = 1\n") == "t.toml:2:8: \"flag\" must be true or false, not an integer");
  }
  TEST_CASE("schema: enum value not allowed, with a suggestion") {
    CHECK(check("amount = 1\nmode = \"invitaton\"\n") ==
          "t.toml:2:8: value \"invitaton\" for \"mode\" is not one of open, invitation; did you mean \"invitation\"?");
  }
  TEST_CASE("schema: enum list item not allowed") {
    CHECK(check("amount = 1\ntags = [\"ai\", \"data\"]\n") ==
          "t.toml:2:15: value \"data\" for \"tags\" is not one of ai, data_governance");
  }
  TEST_CASE("schema: ISO3 codes must be three capitals") {
    CHECK(check("amount = 1\ncodes = [\"URY\", \"uy\"]\n") ==
          "t.toml:2:17: \"uy\" in \"codes\" is not an ISO3 country code (three capital letters)");
  }
  TEST_CASE("schema: list items must be unique") {
    CHECK(check("amount = 1\ncodes = [\"URY\", \"URY\"]\n") == "t.toml:2:17: \"URY\" appears twice in \"codes\"");
  }
  TEST_CASE("schema: venues are ISO3:City") {
    CHECK(check("amount = 1\nvenues = [\"Paris\"]\n") ==
          "t.toml:2:11: \"Paris\" in \"venues\" must be \"ISO3:City\", such as \"FRA:Paris\"");
  }
  TEST_CASE("schema: dates are YYYY, YYYY-MM or YYYY-MM-DD with real months") {
    CHECK(check("amount = 1\nwhen = \"2020-13\"\n") ==
          "t.toml:2:8: \"when\" must be a date \"YYYY\", \"YYYY-MM\" or \"YYYY-MM-DD\", not \"2020-13\"");
    CHECK(check("amount = 1\nwhen = \"2020-02-30\"\n") == "ok");
  }
  TEST_CASE("schema: empty strings are refused") {
    CHECK(check("amount = 1\nname = \"\"\n") == "t.toml:2:8: \"name\" must not be empty");
  }
  TEST_CASE("schema: points must be pairs") {
    CHECK(check("amount = 1\npoints = [[0, 0, 1]]\n") == "t.toml:2:11: each point of \"points\" must be a pair [x, y]");
  }
  TEST_CASE("schema: the markdown list gives every key once, within 100 columns") {
    // The amount item is exactly 100 columns: it stays on one line.
    std::string md = schema_keys_markdown(kSchema);
    CHECK(md.find("- `amount` (a number (an integer, or a string such as \"0.15\" or \"1/3\"); required; 0..100): an amount\n") !=
          std::string::npos);
    CHECK(md.find("- `mode` (string; optional; one of open, invitation") != std::string::npos);
    size_t items = 0, pos = 0;
    while ((pos = md.find("\n- `", pos)) != std::string::npos) ++items, ++pos;
    CHECK(items + 1 == kSchema.keys.size());
    std::istringstream lines(md);
    for (std::string line; std::getline(lines, line);) CHECK(detail::display_width(line) <= detail::kTextWidth);
  }
}

}  // namespace whichforum
