// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// CSV parsing and the reference tables built from it.
#include "engine/csv.h"
#include "engine/reference_data.h"
#include "tests/test_support.h"

#include <doctest/doctest.h>

namespace whichforum {

using test::first_error;

TEST_SUITE("csv") {
  TEST_CASE("csv: quoted fields hold commas, doubled quotes and newlines") {
    auto t = parse_csv("a,b\n\"x, y\",\"say \"\"hi\"\"\"\n\"multi\nline\",2\n", "f.csv");
    REQUIRE(t.ok());
    REQUIRE(t.value->rows.size() == 2);
    CHECK(t.value->rows[0][0] == "x, y");
    CHECK(t.value->rows[0][1] == "say \"hi\"");
    CHECK(t.value->rows[1][0] == "multi\nline");
    CHECK(t.value->row_lines[1] == 3);
  }
  TEST_CASE("csv: a row with the wrong number of fields names its line") {
    auto t = parse_csv("a,b\n1,2\n3\n", "f.csv");
    CHECK(first_error(t.diagnostics) == "f.csv:3:1: row has 1 fields; the header has 2");
  }
  TEST_CASE("csv: an unclosed quote is an error") {
    auto t = parse_csv("a\n\"open\n", "f.csv");
    CHECK(first_error(t.diagnostics) == "f.csv:2:1: quoted field is not closed");
  }
  TEST_CASE("csv: CRLF and a byte-order mark are handled") {
    auto t = parse_csv("\xEF\xBB\xBFiso3,v\r\nURY,1\r\n", "f.csv");
    REQUIRE(t.ok());
    CHECK(t.value->column("iso3") == 0);
    CHECK(t.value->rows[0][1] == "1");
  }
  TEST_CASE("reference_data: country facts, EGDI and OECD join up") {
    test::MemoryFileSystem fs;
    test::add_reference_data(fs, "d");
    auto data = load_reference_data(fs, "d");
    REQUIRE(data.ok());
    const CountryRecord* ury = data.value->find("URY");
    REQUIRE(ury != nullptr);
    CHECK(ury->wb_region == "Latin America & Caribbean");
    CHECK_FALSE(ury->oecd_member);
    CHECK(data.value->latest_egdi("URY")->rank == 25);
    CHECK(data.value->latest_egdi("URY")->egdi == Exact(90056, 100000));
    CHECK(data.value->find("CAN")->oecd_member);
    CHECK(*data.value->find("CAN")->dgi_2023 == Exact(7, 10));
  }
  TEST_CASE("reference_data: a non-numeric EGDI cell is an error at its row") {
    test::MemoryFileSystem fs;
    test::add_reference_data(fs, "d");
    fs.files["d/egdi.csv"] = "iso3,country_name_un,survey_year,egdi_rank,egdi,epi,osi,hci,tii,egdi_group\n"
                             "URY,Uruguay,2024,25,high,0.8,0.9,0.9,0.9,Very High\n";
    auto data = load_reference_data(fs, "d");
    CHECK(first_error(data.diagnostics) == "d/egdi.csv:2:1: column \"egdi\" holds \"high\", not a number");
  }
  TEST_CASE("reference_data: a missing table says where to point --data") {
    test::MemoryFileSystem fs;
    auto data = load_reference_data(fs, "d");
    CHECK(test::messages(data.diagnostics).find(
              "whichforum: error: d/countries.csv: no such file (reference data; point --data at a "
              "directory that has it)") == 0);
  }
}

}  // namespace whichforum
