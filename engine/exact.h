// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Exact numbers: the rational type every weight, score and amount is held in, and its text forms.
#pragma once

#include <boost/multiprecision/cpp_int.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace whichforum {

/// An exact rational number. Inputs are read into it at load time so that "0.1 + 0.2" is
/// exactly 3/10 on every machine; hot loops later work on integers over a common denominator.
using Exact = boost::multiprecision::cpp_rational;

/// Parses an exact number written as an integer ("12", "-3"), a decimal ("0.15", "-.5") or a
/// fraction ("2/3"). Returns nullopt for anything else (including "nan", "inf", exponents and
/// texts longer than 64 characters) and, when `why` is given, says why in a few words.
[[nodiscard]] std::optional<Exact> parse_exact(std::string_view text, std::string* why = nullptr);

/// Prints `x` as a decimal with at most `max_decimals` decimals, rounded half away from zero,
/// trailing zeros removed ("0.5", "120000", "0.333333"); "-0" is never printed.
[[nodiscard]] std::string format_exact(const Exact& x, int max_decimals = 6);

/// Prints `x` with exactly `decimals` decimals, rounded half away from zero ("0.90", "1.000").
[[nodiscard]] std::string format_fixed(const Exact& x, int decimals);

/// Prints `x` exactly: an integer, a terminating decimal, or else a fraction "p/q".
[[nodiscard]] std::string format_exact_full(const Exact& x);

}  // namespace whichforum
