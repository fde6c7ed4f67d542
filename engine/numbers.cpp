// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
#include "engine/numbers.h"

#include <algorithm>

namespace whichforum::display {

namespace {

using boost::multiprecision::cpp_int;

// |x| / step rounded half away from zero, as a non-negative integer.
cpp_int rounded_multiples(const Exact& x, const Exact& step) {
  const Exact q = abs(x) / step;
  const cpp_int num = numerator(q), den = denominator(q);
  return (2 * num + den) / (2 * den);
}

// Inserts ',' every three digits of a run of digits.
std::string with_separators(const std::string& digits) {
  std::string out;
  const size_t n = digits.size();
  for (size_t i = 0; i < n; ++i) {
    if (i > 0 && (n - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

}  // namespace

Exact round_to(const Exact& x, const Exact& step) {
  const Exact r = Exact(rounded_multiples(x, step)) * step;
  return x < 0 ? Exact(-r) : r;
}

// format_exact's rounding and form, with separators in the whole part.
std::string grouped(const Exact& x, int max_decimals) {
  const std::string s = format_exact(x, max_decimals);
  const size_t start = s[0] == '-' ? 1 : 0;
  const size_t dot = std::min(s.find('.'), s.size());
  return s.substr(0, start) + with_separators(s.substr(start, dot - start)) + s.substr(dot);
}

Exact money_rounded(const Exact& x) {
  const Exact size = abs(x);
  const Exact step = size < 100 ? Exact(1) : size < 1000 ? Exact(10) : size < 1000000 ? Exact(100) : Exact(10000);
  return round_to(x, step);
}

std::string money_figure(const Exact& x) { return grouped(money_rounded(x)); }

std::string money(const Exact& x, std::string_view currency) {
  const std::string figure = money_figure(x);
  if (figure == "0" && x != 0) return "under 1 " + std::string(currency);
  return figure + " " + std::string(currency);
}

std::string days(const Exact& x) { return grouped(x, 1); }

std::string days_of(const Exact& x, std::string_view kind) {
  const std::string d = days(x);
  return d + " " + std::string(kind) + (d == "1" ? " day" : " days");
}

std::string points(const Exact& x) {
  if (x == 0) return "0";
  std::string s = grouped(x, 1);
  if (s == "0") s = grouped(x, 2);
  return s == "0" ? "under 0.01" : s;
}

std::string percent(const Exact& share_of_100) {
  if (share_of_100 > 0 && share_of_100 < 1) {
    const std::string s = grouped(share_of_100, 1);
    return s == "0" ? "under 0.1%" : s + "%";
  }
  return grouped(share_of_100, 0) + "%";
}

}  // namespace whichforum::display
