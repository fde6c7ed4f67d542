// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Parsing and printing of exact numbers.
#include "engine/exact.h"

#include <cctype>

namespace whichforum {

namespace {

using boost::multiprecision::cpp_int;

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

// Digits read as a decimal integer. Not through cpp_int's string constructor: it reads a leading
// 0 as octal, so "010" was 8 and "09" threw (found by fuzz_profile).
cpp_int decimal(std::string_view digits) {
  cpp_int n = 0;
  for (char c : digits) n = n * 10 + (c - '0');
  return n;
}

std::optional<Exact> fail(std::string* why, const char* text) {
  if (why) *why = text;
  return std::nullopt;
}

}  // namespace

std::optional<Exact> parse_exact(std::string_view text, std::string* why) {
  // A bound on length keeps absurd inputs from costing big-integer time; 64 digits is far
  // beyond any budget or weight an official would write.
  if (text.size() > 64) return fail(why, "too many digits");
  std::string_view s = text;
  bool negative = false;
  if (!s.empty() && (s.front() == '-' || s.front() == '+')) {
    negative = s.front() == '-';
    s.remove_prefix(1);
  }
  if (s.empty()) return fail(why, "not a number");
  Exact result;
  if (auto slash = s.find('/'); slash != std::string_view::npos) {
    std::string_view num = s.substr(0, slash);
    std::string_view den = s.substr(slash + 1);
    if (!all_digits(num) || !all_digits(den)) return fail(why, "not a number");
    cpp_int d = decimal(den);
    if (d == 0) return fail(why, "division by zero");
    result = Exact(decimal(num), d);
  } else {
    std::string_view whole = s;
    std::string_view frac;
    if (auto dot = s.find('.'); dot != std::string_view::npos) {
      whole = s.substr(0, dot);
      frac = s.substr(dot + 1);
      if (!frac.empty() && !all_digits(frac)) return fail(why, "not a number");
      if (whole.empty() && frac.empty()) return fail(why, "not a number");
    }
    if (!whole.empty() && !all_digits(whole)) return fail(why, "not a number");
    cpp_int numerator = decimal(whole);
    cpp_int denominator = 1;
    for (char c : frac) {
      numerator = numerator * 10 + (c - '0');
      denominator *= 10;
    }
    result = Exact(numerator, denominator);
  }
  return negative ? Exact(-result) : result;
}

std::string format_exact(const Exact& x, int max_decimals) {
  cpp_int scale = 1;
  for (int i = 0; i < max_decimals; ++i) scale *= 10;
  cpp_int num = boost::multiprecision::numerator(x);
  cpp_int den = boost::multiprecision::denominator(x);
  bool negative = num < 0;
  if (negative) num = -num;
  // Round half away from zero: floor((2*num*scale + den) / (2*den)).
  cpp_int scaled = (2 * num * scale + den) / (2 * den);
  if (scaled == 0) negative = false;
  cpp_int whole = scaled / scale;
  cpp_int frac = scaled % scale;
  std::string out = negative ? "-" : "";
  out += whole.str();
  if (frac != 0) {
    std::string digits = frac.str();
    digits.insert(0, static_cast<size_t>(max_decimals) - digits.size(), '0');
    while (!digits.empty() && digits.back() == '0') digits.pop_back();
    out += "." + digits;
  }
  return out;
}

std::string format_exact_full(const Exact& x) {
  cpp_int den = boost::multiprecision::denominator(x);
  cpp_int d = den;
  int twos = 0, fives = 0;
  while (d % 2 == 0) { d /= 2; ++twos; }
  while (d % 5 == 0) { d /= 5; ++fives; }
  if (d != 1) {
    return boost::multiprecision::numerator(x).str() + "/" + den.str();
  }
  return format_exact(x, std::max(twos, fives));
}

std::string format_fixed(const Exact& x, int decimals) {
  std::string s = format_exact(x, decimals);
  if (decimals <= 0) return s;
  size_t dot = s.find('.');
  if (dot == std::string::npos) {
    s += '.';
    dot = s.size() - 1;
  }
  s.append(static_cast<size_t>(decimals) - (s.size() - dot - 1), '0');
  return s;
}

}  // namespace whichforum
