// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Exact numbers: parsing every accepted form and refusing the rest; printing and rounding.
#include "engine/exact.h"

#include <doctest/doctest.h>

namespace whichforum {

using boost::multiprecision::cpp_int;

TEST_SUITE("exact") {
  TEST_CASE("exact: decimals are exact, so 0.1 + 0.2 is 3/10") {
    CHECK(*parse_exact("0.1") + *parse_exact("0.2") == Exact(3, 10));
  }
  TEST_CASE("exact: integers, decimals, fractions and signs parse") {
    CHECK(*parse_exact("12") == 12);
    CHECK(*parse_exact("-3") == -3);
    CHECK(*parse_exact("+2.50") == Exact(5, 2));
    CHECK(*parse_exact(".5") == Exact(1, 2));
    CHECK(*parse_exact("5.") == 5);
    CHECK(*parse_exact("2/3") == Exact(2, 3));
    CHECK(*parse_exact("-4/6") == Exact(-2, 3));
  }
  TEST_CASE("exact: issue 7: leading zeros are decimal, not octal (fuzz_profile crash on \"09\")") {
    CHECK(*parse_exact("010") == 10);
    CHECK(*parse_exact("09") == 9);
    CHECK(*parse_exact("-007.50") == Exact(-15, 2));
    CHECK(*parse_exact("010/020") == Exact(1, 2));
    CHECK(*parse_exact("09223372036854775807.2") == Exact(cpp_int("92233720368547758072"), 10));
    CHECK(*parse_exact("0/09") == 0);
  }
  TEST_CASE("exact: nan, inf, exponents, empty and junk are refused with a reason") {
    std::string why;
    for (const char* bad : {"nan", "inf", "-inf", "1e3", "", "-", ".", "1.2.3", "1/", "/2", "0x10", " 1", "1,000"}) {
      CAPTURE(bad);
      CHECK_FALSE(parse_exact(bad, &why).has_value());
      CHECK(why == "not a number");
    }
    CHECK_FALSE(parse_exact("1/0", &why).has_value());
    CHECK(why == "division by zero");
  }
  TEST_CASE("exact: more than 64 characters is refused before any big-integer work") {
    std::string why;
    CHECK_FALSE(parse_exact(std::string(65, '9'), &why).has_value());
    CHECK(why == "too many digits");
    CHECK(parse_exact(std::string(64, '9')).has_value());
  }
  TEST_CASE("exact: format rounds half away from zero and trims zeros") {
    CHECK(format_exact(Exact(1, 3)) == "0.333333");
    CHECK(format_exact(Exact(2, 3)) == "0.666667");
    CHECK(format_exact(Exact(1, 2), 0) == "1");
    CHECK(format_exact(Exact(-1, 2), 0) == "-1");
    CHECK(format_exact(Exact(120000)) == "120000");
    CHECK(format_exact(Exact(35, 100)) == "0.35");
    CHECK(format_exact(Exact(-1, 10000000)) == "0");
  }
  TEST_CASE("exact: full format prints terminating decimals, else a fraction") {
    CHECK(format_exact_full(Exact(1, 3)) == "1/3");
    CHECK(format_exact_full(Exact(1, 8)) == "0.125");
    CHECK(format_exact_full(Exact(-7)) == "-7");
    CHECK(format_exact_full(Exact(9, 10)) == "0.9");
  }
}

}  // namespace whichforum

namespace whichforum {
TEST_CASE("exact: format_fixed pads to its decimals") {
  CHECK(format_fixed(*parse_exact("0.9"), 2) == "0.90");
  CHECK(format_fixed(*parse_exact("1"), 3) == "1.000");
  CHECK(format_fixed(*parse_exact("2/3"), 4) == "0.6667");
  CHECK(format_fixed(*parse_exact("-0.00001"), 2) == "0.00");
  CHECK(format_fixed(*parse_exact("12.5"), 0) == "13");
}
}  // namespace whichforum
