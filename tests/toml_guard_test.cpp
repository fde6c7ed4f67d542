// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// The checks before toml++ (issue 7): no non-ASCII character outside strings reaches it, deep
// nesting is refused, and the valid texts it would mishandle are rewritten to the same meaning.
#include "engine/toml_guard.h"
#include "tests/test_support.h"

#include <doctest/doctest.h>

namespace whichforum {

using test::first_error;

namespace {

// The first error reading `text` as "a.toml": "a.toml:LINE:COL: message".
std::string error_of(const std::string& text) { return first_error(read_toml(text, "a.toml").diagnostics); }

std::string nested_key(int parts) {
  std::string key = "a";
  for (int i = 1; i < parts; ++i) key += ".a";
  return key;
}

}  // namespace

TEST_SUITE("toml_guard") {
  TEST_CASE("toml_guard: issue 7: a non-ASCII character in a value position is refused, not parsed") {
    // Each of these reached TOML_UNREACHABLE in toml++ 3.3.0 (found by fuzz_profile).
    CHECK(error_of("a = é\n") ==
          "a.toml:1:5: non-ASCII character outside a string; put text in quotes");
    CHECK(error_of("a = [\"x\", 1,é]\n") ==
          "a.toml:1:13: non-ASCII character outside a string; put text in quotes");
    CHECK(error_of("a = \"x\"ȸ\n") ==
          "a.toml:1:8: non-ASCII character outside a string; put text in quotes");
    CHECK(error_of("[t] ⸀\n") ==
          "a.toml:1:5: non-ASCII character outside a string; put text in quotes");
  }
  TEST_CASE("toml_guard: issue 7: a quote inside a value's token opens no string (fuzz_profile crash)") {
    // toml++ reads on through the token, quote and all, asking of each character whether it is
    // whitespace; the guard must not take the quote for a string and let the é through.
    CHECK(error_of("scenario = -\"norm-settié first\"\n") ==
          "a.toml:1:13: TOML syntax: Error while parsing floating-point: expected decimal digit, saw '\"'");
    CHECK(error_of("a = 1\"é\"\n") ==
          "a.toml:1:6: TOML syntax: Error while parsing decimal integer: expected digit, saw '\"'");
    CHECK(error_of("\"a\"\"é\" = 1\n") ==
          "a.toml:1:4: TOML syntax: Error while parsing key-value pair: expected '=', saw '\"'");
  }
  TEST_CASE("toml_guard: issue 7: a non-ASCII key inside an inline table is a bare-key error") {
    CHECK(error_of("a = { b = 1, é = 2 }\n") ==
          "a.toml:1:14: non-ASCII character in a bare key; put the key in quotes");
    CHECK(error_of("a = [{ ok = 1 }, { aé = 2 }]\n") ==
          "a.toml:1:21: non-ASCII character in a bare key; put the key in quotes");
  }
  TEST_CASE("toml_guard: issue 7: a UTF-8 byte-order mark is skipped, not taken for a key") {
    auto doc = read_toml("\xEF\xBB\xBFname = \"Perú\"\n", "a.toml");
    REQUIRE(doc.ok());
    CHECK(doc.value->root.find("name")->text == "Perú");
    // Columns on the first line are counted as toml++ counts them, without the mark.
    CHECK(error_of("\xEF\xBB\xBF" "a = \"\xFF\"\n") == "a.toml:1:6: invalid UTF-8 byte 0xFF; save the file as UTF-8");
    CHECK(error_of("\xEF\xBB\xBF" "a = 1 é\n") == "a.toml:1:7: non-ASCII character outside a string; put text in quotes");
  }
  TEST_CASE("toml_guard: a syntax error before the guard's error is reported first") {
    CHECK(error_of("a = \nb = é\n").rfind("a.toml:1:5: TOML syntax: ", 0) == 0);
    CHECK(error_of("a = 1\nb = é\nc = \n") ==
          "a.toml:2:5: non-ASCII character outside a string; put text in quotes");
  }
  TEST_CASE("toml_guard: issue 7: non-ASCII after a line-ending backslash keeps its meaning") {
    // Valid TOML that reached TOML_UNREACHABLE: the character is handed to toml++ as \u00C9.
    auto doc = read_toml("s = \"\"\"\\\n    Évaluation 😀\\\n  😀 ok\"\"\"\n", "a.toml");
    REQUIRE(doc.ok());
    CHECK(doc.value->root.find("s")->text == "Évaluation 😀😀 ok");
  }
  TEST_CASE("toml_guard: columns after a rewritten character are the input's") {
    CHECK(error_of("s = \"\"\"\\\nÉ\"\"\" x\n").rfind("a.toml:2:6: TOML syntax: ", 0) == 0);
    auto keys = read_toml("t = { s = \"\"\"\\\nÉ😀\"\"\", k = 1 }\n", "a.toml");
    REQUIRE(keys.ok());
    const Node* t = keys.value->root.find("t");
    CHECK(t->find("s")->text == "É😀");
    CHECK(t->key_pos("k").line == 2);
    CHECK(t->key_pos("k").col == 8);
  }
  TEST_CASE("toml_guard: a backslash before a non-ASCII character in a multi-line string is refused") {
    CHECK(error_of("s = \"\"\"\\é\"\"\"\n") ==
          "a.toml:1:9: a backslash followed by a non-ASCII character is not an escape sequence");
    CHECK(error_of("s = \"\"\"x\\ é\"\"\"\n") ==
          "a.toml:1:11: a line-ending backslash must be followed by the end of its line");
  }
  TEST_CASE("toml_guard: literal strings have no escapes, so a backslash there is text") {
    auto doc = read_toml("s = '''a\\\n é'''\nt = 'b\\'\n", "a.toml");
    REQUIRE(doc.ok());
    CHECK(doc.value->root.find("s")->text == "a\\\n é");
    CHECK(doc.value->root.find("t")->text == "b\\");
  }
  TEST_CASE("toml_guard: a non-ASCII character in a comment glued to its value is refused (fuzz_criterion)") {
    // toml++ 3.3.0 scans a date-time with a space on through a glued '#', asking of U+FCFF
    // whether it is whitespace: TOML_UNREACHABLE (the fuzzer's input, and the shortest form).
    CHECK(error_of("ousi=0990-05-e3 1#01-13\xEF\xB3\xBF# ue\n").rfind("a.toml:1:6: TOML syntax: ", 0) == 0);
    CHECK(error_of("a = 1\nb = 1990-05-13#\xEF\xB3\xBF\n") ==
          "a.toml:2:16: non-ASCII character in a comment that touches the value before it; put a space before \"#\"");
    CHECK(error_of("a = 1#é\n") ==
          "a.toml:1:7: non-ASCII character in a comment that touches the value before it; put a space before \"#\"");
    // A space before '#', an ASCII comment, or a comment on its own line: read as before.
    CHECK(read_toml("a = 1 #\xEF\xB3\xBF é\n", "a.toml").ok());
    CHECK(read_toml("a = 1#ascii\n", "a.toml").ok());
    CHECK(read_toml("#é\na = 1\n", "a.toml").ok());
  }
  TEST_CASE("toml_guard: quotes and brackets inside strings and comments do not count") {
    CHECK(error_of("a = \"[{\\\"é\" # ]] é\nb = '\"' # \"\"\"\nc = \"\"\"x\"\"\"\"\né = 1\n") ==
          "a.toml:4:1: non-ASCII character in a bare key; put the key in quotes");
  }
  TEST_CASE("toml_guard: issue 7: nesting is read to 64 levels and refused beyond") {
    const std::string refused =
        "tables and arrays nested more than 64 levels deep (each part of a dotted key counts); "
        "whichforum reads at most 64";
    CHECK(read_toml(nested_key(64) + " = 1\n", "a.toml").ok());
    CHECK(error_of(nested_key(65) + " = 1\n") == "a.toml:1:128: " + refused);
    CHECK(read_toml("[" + nested_key(63) + "]\nx = 1\n", "a.toml").ok());
    CHECK(error_of("[" + nested_key(64) + "]\nx = 1\n") == "a.toml:2:3: " + refused);
    CHECK(read_toml("a = " + std::string(63, '[') + std::string(63, ']') + "\n", "a.toml").ok());
    CHECK(error_of("a = " + std::string(64, '[') + std::string(64, ']') + "\n") ==
          "a.toml:1:68: " + refused);
    CHECK(error_of("a = {" + nested_key(64) + " = 1}\n") == "a.toml:1:131: " + refused);
  }
  TEST_CASE("toml_guard: issue 7: a table header of 100,000 parts is refused, not a stack overflow") {
    CHECK(error_of("[" + nested_key(100000) + "]\n").rfind("a.toml:1:129: tables and arrays nested more than 64", 0) == 0);
  }
}

}  // namespace whichforum
