// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Escaping for every output format: hostile text must not become markup, formulas or broken JSON.
#include "engine/report_format.h"

#include <doctest/doctest.h>

namespace whichforum::detail {

TEST_SUITE("report_format") {
  TEST_CASE("report_format: JSON strings escape quotes, backslashes and every control character") {
    CHECK(json_string("a\"b\\c") == "\"a\\\"b\\\\c\"");
    CHECK(json_string("line\nnext\ttab\r") == "\"line\\nnext\\ttab\\r\"");
    CHECK(json_string(std::string("\x01\x1f\x7f", 3)) == "\"\\u0001\\u001f\\u007f\"");
    CHECK(json_string("Perú") == "\"Perú\"");
  }
  TEST_CASE("report_format: wrap breaks at spaces within the width, with a hanging indent") {
    CHECK(wrap("one two three four", 9) == "one two\nthree\nfour\n");
    CHECK(wrap("one two three four", 10, "- ", "  ") == "- one two\n  three\n  four\n");
    CHECK(wrap("a verylongwordindeed b", 6) == "a\nverylongwordindeed\nb\n");  // a long word stays whole
    CHECK(wrap("Perú Perú", 9) == "Perú Perú\n");  // width counts characters, not bytes
    CHECK(wrap("Perú Perú", 8) == "Perú\nPerú\n");
    CHECK(wrap("", 10, "x: ") == "x: \n");
  }
  TEST_CASE("report_format: JSON and CSV numbers are exact: a decimal in full, else a fraction string") {
    CHECK(json_number(Exact(1, 3)) == "\"1/3\"");
    CHECK(json_number(Exact(-2, 3)) == "\"-2/3\"");
    CHECK(json_number(Exact(-5, 2)) == "-2.5");
    CHECK(json_number(Exact(120000)) == "120000");
    CHECK(json_number(Exact(1, 1024)) == "0.0009765625");  // 10 decimals, none dropped
    CHECK(json_number(Exact(0)) == "0");
    CHECK(csv_number(Exact(7, 3)) == "7/3");
    CHECK(csv_number(Exact(-1, 8)) == "-0.125");  // a number, so not neutralised as a formula
  }
  TEST_CASE("report_format: Markdown cells escape pipes, backslashes, angle brackets and line breaks") {
    CHECK(md_cell("a | b") == "a \\| b");
    CHECK(md_cell("x\\y") == "x\\\\y");
    CHECK(md_cell("<script>") == "&lt;script&gt;");
    CHECK(md_cell("two\nlines\r") == "two lines ");
  }
  TEST_CASE("report_format: issue 7: Markdown cells escape brackets, so a name is no link or image") {
    CHECK(md_cell("![x](https://t.example/p.png)") == "!\\[x\\](https://t.example/p.png)");
    CHECK(md_cell("[click](javascript:alert(1))") == "\\[click\\](javascript:alert(1))");
  }
  TEST_CASE("report_format: issue 7: HTML text escapes markup, quotes and control characters") {
    CHECK(html_text("<script>alert('x')</script>") == "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
    CHECK(html_text("a & \"b\"") == "a &amp; &quot;b&quot;");
    CHECK(html_text("\" onmouseover=\"x") == "&quot; onmouseover=&quot;x");
    CHECK(html_text(std::string("tab\tnl\nnul\0", 11)) == "tab nl\nnul ");
  }
  TEST_CASE("report_format: CSV quotes per RFC 4180 and neutralises formula-like text") {
    CHECK(csv_field("plain") == "plain");
    CHECK(csv_field("a,b") == "\"a,b\"");
    CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(csv_field("two\nlines") == "\"two\nlines\"");
    CHECK(csv_field("=SUM(A1)") == "'=SUM(A1)");
    CHECK(csv_field("+1") == "'+1");
    CHECK(csv_field("-1") == "'-1");
    CHECK(csv_field("@cmd") == "'@cmd");
    CHECK(csv_field("\tx") == "'\tx");
    CHECK(csv_field("=a,b") == "\"'=a,b\"");
    CHECK(csv_field("-2.5", true) == "-2.5");
    CHECK(csv_line({"a", "b"}) == "a,b\r\n");
  }
  TEST_CASE("report_format: aligned tables pad by characters and trim trailing spaces") {
    CHECK(aligned_table({{"id", "n"}, {"perú", "10"}, {"x", "2"}}, {false, true}) == "id     n\nperú  10\nx      2\n");
  }
}

}  // namespace whichforum::detail
