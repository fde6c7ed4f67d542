// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Figures for people (issue 18): how text, Markdown and HTML show money, days, values and shares.
// JSON and CSV never go through these; they keep exact values (report_format.h's json_number and
// exact strings), so nothing a script reads is rounded.
#pragma once

#include "engine/exact.h"

#include <string>
#include <string_view>

namespace whichforum::display {

/// `x` rounded to a multiple of `step` (> 0), half away from zero; exact.
[[nodiscard]] Exact round_to(const Exact& x, const Exact& step);

/// A decimal with thousands separators ("49,800", "-1,234.5", "0.4"): at most `max_decimals`
/// decimals, half away from zero, trailing zeros dropped, never "-0".
[[nodiscard]] std::string grouped(const Exact& x, int max_decimals = 0);

/// Money rounded for its size and followed by its currency code: below 100 to the unit, below
/// 1,000 to the nearest 10, below a million to the nearest 100, from a million to the nearest
/// 10,000 ("49,800 USD", "1,250,000 EUR", "430 USD", "-2,000 USD"). An amount that rounds to 0
/// but is not 0 reads "under 1 USD".
[[nodiscard]] std::string money(const Exact& x, std::string_view currency);

/// The amount `money` shows, as a number: `x` rounded for its size by the same steps.
[[nodiscard]] Exact money_rounded(const Exact& x);

/// The same figure without the currency code, for a table whose heading names it.
[[nodiscard]] std::string money_figure(const Exact& x);

/// Days to one decimal, ".0" dropped ("97", "5.7", "0.3").
[[nodiscard]] std::string days(const Exact& x);

/// Days with their unit, singular for exactly one as shown: days_of(1, "staff") is "1 staff
/// day", days_of(2.5, "ministerial") "2.5 ministerial days".
[[nodiscard]] std::string days_of(const Exact& x, std::string_view kind);

/// A value in points of 0..100 to one decimal ("48.6", "-31.5", "0"); a value that is not 0 but
/// rounds to it shows two ("0.04"), or "under 0.01", so that a real difference never reads "0".
[[nodiscard]] std::string points(const Exact& x);

/// A share given in 0..100 as a whole percentage ("72%"); below 1 but above 0, to one decimal
/// ("0.4%"; "under 0.1%"), so that a share the portfolio does serve never reads "0%".
[[nodiscard]] std::string percent(const Exact& share_of_100);

}  // namespace whichforum::display
