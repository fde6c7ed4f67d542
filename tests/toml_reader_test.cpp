// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Reading TOML into nodes: positions, order, and clean errors for bad bytes and syntax.
#include "engine/tree.h"
#include "tests/test_support.h"

#include <doctest/doctest.h>

namespace whichforum {

using test::first_error;

TEST_SUITE("toml_reader") {
  TEST_CASE("toml_reader: members keep source order and positions") {
    auto doc = read_toml("zeta = 1\nalpha = \"x\"\n[t]\nk = true\n", "a.toml");
    REQUIRE(doc.ok());
    const Node& root = doc.value->root;
    REQUIRE(root.members.size() == 3);
    CHECK(root.members[0].key == "zeta");
    CHECK(root.members[1].key == "alpha");
    CHECK(root.members[2].key == "t");
    CHECK(root.key_pos("alpha").line == 2);
    CHECK(root.find("zeta")->kind == Node::Kind::kInteger);
    CHECK(root.find("t")->find("k")->text == "true");
  }
  TEST_CASE("toml_reader: a syntax error has its line and column") {
    auto doc = read_toml("a = 1\nb = \n", "a.toml");
    CHECK_FALSE(doc.ok());
    CHECK(first_error(doc.diagnostics).rfind("a.toml:2:", 0) == 0);
    CHECK(first_error(doc.diagnostics).find("TOML syntax: ") != std::string::npos);
  }
  TEST_CASE("toml_reader: invalid UTF-8 is reported at the byte") {
    auto doc = read_toml("a = \"ok\"\nb = \"\xff\"\n", "a.toml");
    CHECK(first_error(doc.diagnostics) == "a.toml:2:6: invalid UTF-8 byte 0xFF; save the file as UTF-8");
  }
  TEST_CASE("toml_reader: a truncated UTF-8 sequence is reported") {
    auto doc = read_toml("a = \"\xc3\"", "a.toml");
    CHECK(first_error(doc.diagnostics) == "a.toml:1:6: invalid UTF-8 byte 0xC3; save the file as UTF-8");
  }
  TEST_CASE("toml_reader: a non-ASCII bare key is refused before toml++ sees it (upstream #190)") {
    auto doc = read_toml("ключ = 1\n", "a.toml");
    CHECK(first_error(doc.diagnostics) == "a.toml:1:1: non-ASCII character in a bare key; put the key in quotes");
    auto header = read_toml("[tablé]\nx = 1\n", "a.toml");
    CHECK(first_error(header.diagnostics) == "a.toml:1:6: non-ASCII character in a bare key; put the key in quotes");
  }
  TEST_CASE("toml_reader: non-ASCII text in values, quoted keys and comments is fine") {
    auto doc = read_toml("\"ключ\" = \"Perú\" # ñ\ns = \"\"\"\nmulti ñ = line\n\"\"\"\n", "a.toml");
    CHECK(doc.ok());
  }
  TEST_CASE("toml_reader: issue 7: a control character written as an escape is refused at its string") {
    auto doc = read_toml("a = \"tab\\tand\\nline\"\nname = \"Uru\\u001b[31mguay\"\n", "a.toml");
    CHECK(first_error(doc.diagnostics) ==
          "a.toml:2:8: control character U+001B in a string; only tabs and line breaks may be written there");
    auto key = read_toml("[t]\n\"k\\u0000\" = 1\n", "a.toml");
    CHECK(first_error(key.diagnostics) ==
          "a.toml:2:1: control character U+0000 in a string; only tabs and line breaks may be written there");
    CHECK(read_toml("a = \"tab\\tand\\r\\nline\"\n", "a.toml").ok());
  }
  TEST_CASE("toml_reader: an empty file is an empty table") {
    auto doc = read_toml("", "a.toml");
    REQUIRE(doc.ok());
    CHECK(doc.value->root.members.empty());
  }
  TEST_CASE("toml_reader: integers beyond 64 bits are a syntax error, not a wrap") {
    auto doc = read_toml("a = 99999999999999999999\n", "a.toml");
    CHECK_FALSE(doc.ok());
    CHECK(first_error(doc.diagnostics).rfind("a.toml:1:", 0) == 0);
  }
  TEST_CASE("toml_reader: duplicate keys are a syntax error") {
    auto doc = read_toml("a = 1\na = 2\n", "a.toml");
    CHECK_FALSE(doc.ok());
    CHECK(first_error(doc.diagnostics).rfind("a.toml:2:", 0) == 0);
  }
}

}  // namespace whichforum
