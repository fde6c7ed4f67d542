// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// The user-facing error format: FILE:LINE:COL, message, the line and a caret.
#include "engine/diagnostic.h"

#include <doctest/doctest.h>

namespace whichforum {

TEST_SUITE("diagnostic") {
  TEST_CASE("diagnostic: error shows file, position, line and caret") {
    auto src = SourceText::make("p.toml", "a = 1\nmoney = -5\n");
    auto d = make_error(src.get(), {2, 9}, "\"money\" must be at least 0, not -5");
    CHECK(format_diagnostic(d) ==
          "whichforum: error: p.toml:2:9: \"money\" must be at least 0, not -5\n"
          "  money = -5\n"
          "          ^\n");
  }
  TEST_CASE("diagnostic: a file-level error has no position or caret") {
    Diagnostic d;
    d.file = "x.toml";
    d.message = "cannot open";
    CHECK(format_diagnostic(d) == "whichforum: error: x.toml: cannot open\n");
  }
  TEST_CASE("diagnostic: the caret counts characters, not bytes, and tabs become spaces") {
    auto src = SourceText::make("p.toml", "name = \"Perú\"\tx\n");
    auto d = make_warning(src.get(), {1, 14}, "m");
    CHECK(format_diagnostic(d) ==
          "whichforum: warning: p.toml:1:14: m\n"
          "  name = \"Perú\" x\n"
          "               ^\n");
  }
  TEST_CASE("diagnostic: control characters in the shown line are replaced") {
    auto src = SourceText::make("p.toml", std::string("a = \"\x1b[31m\""));
    auto d = make_error(src.get(), {1, 1}, "m");
    CHECK(format_diagnostic(d) == "whichforum: error: p.toml:1:1: m\n  a = \"?[31m\"\n  ^\n");
  }
  TEST_CASE("diagnostic: issue 7: control characters in the file name and message are replaced") {
    Diagnostic d;
    d.file = "x\x1b]0;t\x07.toml";
    d.message = "unknown forum id \"\x1b[2Jdn\"";
    CHECK(format_diagnostic(d) == "whichforum: error: x?]0;t?.toml: unknown forum id \"?[2Jdn\"\n");
  }
  TEST_CASE("diagnostic: CRLF line ends are not part of the line") {
    auto src = SourceText::make("p.toml", "a = 1\r\nb = 2\r\n");
    CHECK(src->line(2) == "b = 2");
    CHECK(src->line(9).empty());
  }
  TEST_CASE("diagnostic: warnings do not make a list fail") {
    Diagnostics diags;
    diags.add(make_warning(nullptr, {}, "w"));
    CHECK(diags.ok());
    diags.add(make_error(nullptr, {}, "e"));
    CHECK_FALSE(diags.ok());
    CHECK(diags.error_count() == 1);
  }
}

}  // namespace whichforum
