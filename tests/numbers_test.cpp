// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Figures for people (issue 18 item 2): rounding at each boundary, negatives, other currencies.
#include <doctest/doctest.h>

#include "engine/numbers.h"

using whichforum::Exact;
using namespace whichforum::display;

namespace {
Exact x(const char* s) { return *whichforum::parse_exact(s); }
}  // namespace

TEST_CASE("numbers - round_to is exact and rounds half away from zero") {
  CHECK(round_to(x("149.99"), 100) == 100);
  CHECK(round_to(x("150"), 100) == 200);
  CHECK(round_to(x("-150"), 100) == -200);
  CHECK(round_to(x("-149.99"), 100) == -100);
  CHECK(round_to(x("1/3"), x("0.1")) == x("0.3"));
}

TEST_CASE("numbers - grouped puts a separator every three digits and no -0") {
  CHECK(grouped(0) == "0");
  CHECK(grouped(999) == "999");
  CHECK(grouped(1000) == "1,000");
  CHECK(grouped(x("1234567.891"), 2) == "1,234,567.89");
  CHECK(grouped(x("-1234.5"), 1) == "-1,234.5");
  CHECK(grouped(x("-0.04"), 1) == "0");
  CHECK(grouped(x("2.50"), 2) == "2.5");
  CHECK(grouped(x("0.05"), 1) == "0.1");
}

TEST_CASE("numbers - money is rounded for its size") {
  CHECK(money(x("16347.14"), "USD") == "16,300 USD");
  CHECK(money(x("16350"), "USD") == "16,400 USD");
  CHECK(money(60000, "USD") == "60,000 USD");
  CHECK(money(x("999949.99"), "USD") == "999,900 USD");
  CHECK(money(x("999950"), "USD") == "1,000,000 USD");  // rounds up across the million: still exact
  CHECK(money(x("1254999"), "EUR") == "1,250,000 EUR");
  CHECK(money(x("1255000"), "EUR") == "1,260,000 EUR");
  CHECK(money(x("999.4"), "UYU") == "1,000 UYU");
  CHECK(money(x("434.9"), "USD") == "430 USD");
  CHECK(money(x("99.5"), "USD") == "100 USD");
  CHECK(money(x("42.4"), "USD") == "42 USD");
  CHECK(money(x("-2049"), "USD") == "-2,000 USD");
  CHECK(money(x("-2050"), "USD") == "-2,100 USD");
  CHECK(money(x("0.4"), "USD") == "under 1 USD");
  CHECK(money(0, "USD") == "0 USD");
  CHECK(money_figure(x("22467.67")) == "22,500");
}

TEST_CASE("numbers - days to one decimal, values in points, shares in percent") {
  CHECK(days(x("36.86")) == "36.9");
  CHECK(days(x("97.04")) == "97");
  CHECK(days(x("8/3")) == "2.7");
  CHECK(days(x("-0.25")) == "-0.3");
  // Singular only for what shows as exactly one day.
  CHECK(days_of(1, "ministerial") == "1 ministerial day");
  CHECK(days_of(x("1.04"), "staff") == "1 staff day");
  CHECK(days_of(x("1.05"), "staff") == "1.1 staff days");
  CHECK(days_of(0, "staff") == "0 staff days");
  CHECK(points(x("48.613994")) == "48.6");
  CHECK(points(x("-31.51")) == "-31.5");
  CHECK(points(0) == "0");
  CHECK(points(x("0.04")) == "0.04");
  CHECK(points(x("-0.004")) == "under 0.01");
  CHECK(percent(x("72.2")) == "72%");
  CHECK(percent(x("72.5")) == "73%");
  CHECK(percent(100) == "100%");
  CHECK(percent(0) == "0%");
  CHECK(percent(x("0.44")) == "0.4%");
  CHECK(percent(x("0.04")) == "under 0.1%");
}

TEST_CASE("numbers - money_rounded is the amount money shows, as a number") {
  CHECK(money_rounded(x("9302.33")) == x("9300"));
  CHECK(money_rounded(x("149.99")) == x("150"));
  CHECK(money_rounded(x("-1254999")) == x("-1250000"));
  CHECK(money(money_rounded(x("9302.33")), "EUR") == "9,300 EUR");
}
