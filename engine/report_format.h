// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Output helpers shared by the reports: aligned tables, escaping for JSON, HTML, Markdown and CSV.
#pragma once

#include "engine/exact.h"

#include <string>
#include <string_view>
#include <vector>

namespace whichforum {
struct Problem;
}

namespace whichforum::detail {

/// A portfolio of `p` in words: "dn (member), ogp (member)"; "(nothing)" when empty.
[[nodiscard]] std::string choice_text(const Problem& p, const std::vector<int>& choice);
/// The same as a JSON object of forum id to option id.
[[nodiscard]] std::string json_levels(const Problem& p, const std::vector<int>& choice);
/// Weights as a JSON object of objective id to exact value; null when `w` is empty.
[[nodiscard]] std::string json_weights(const std::vector<std::string>& ids, const std::vector<Exact>& w);

/// Terminal styles for the text reports: on only when the CLI finds standard output is a terminal
/// and NO_COLOR is unset or empty (no-color.org); off, each returns the text as it is.
struct Style {
  bool colour = false;
  [[nodiscard]] std::string bold(std::string_view s) const;
  [[nodiscard]] std::string green(std::string_view s) const;   ///< what the recommendation adds
  [[nodiscard]] std::string yellow(std::string_view s) const;  ///< what it changes
};

/// Display width in characters (UTF-8 code points; a terminal style takes none).
[[nodiscard]] size_t display_width(std::string_view s);

/// Rows as an aligned plain-text table; `right[i]` right-aligns column i; the last column is not
/// padded, and where it is left-aligned and would pass kTextWidth it wraps under itself (or, when
/// the columns before it leave it under 30 columns, goes under the row, indented). Each row ends
/// in '\n'.
[[nodiscard]] std::string aligned_table(const std::vector<std::vector<std::string>>& rows,
                                        const std::vector<bool>& right);

/// `text` as lines of at most `width` display columns, broken at spaces: the first line starts
/// with `first`, the others with `rest` (a hanging indent); a word longer than the width stays
/// whole on its own line. Each line ends in '\n'.
[[nodiscard]] std::string wrap(std::string_view text, size_t width, std::string_view first = "",
                               std::string_view rest = "");

/// Each line of `text` longer than `width` wrapped at spaces, its continuation lines indented four
/// more than the line itself: for line-oriented reports (explain, forums show).
[[nodiscard]] std::string wrap_lines(std::string_view text, size_t width);

/// "A", "A and B", "A, B and C": a list inside a sentence.
[[nodiscard]] std::string join_words(const std::vector<std::string>& words);

/// A name as it reads mid-sentence: "Peer learning" becomes "peer learning"; "OECD ..." stays.
[[nodiscard]] std::string mid_sentence(std::string name);

/// The terminal width every default text output keeps within (issue 18).
inline constexpr size_t kTextWidth = 100;

/// A JSON string literal: quotes, backslashes and every control character escaped.
[[nodiscard]] std::string json_string(std::string_view s);
/// An exact value in JSON, nothing rounded: a terminating decimal as a JSON number ("0.375"),
/// any other rational as a string "p/q" ("\"1/3\""), so a script reads what the engine holds.
[[nodiscard]] std::string json_number(const Exact& x);

/// An amount as reports print it: at most 2 decimals ("16347.14", "0").
[[nodiscard]] std::string amount(const Exact& x);

/// A JSON object of resource amounts: {"money": 1, "staff_days": 2, "ministerial_days": 3}, or
/// under `names` when a profile defines its own resources.
[[nodiscard]] std::string json_resources(const std::vector<Exact>& values, const std::vector<std::string>& names = {});

/// HTML text or attribute value: & < > " ' as entities, control characters other than '\n' as
/// spaces.
[[nodiscard]] std::string html_text(std::string_view s);

/// A Markdown table cell: '|', '\', '[' and ']' escaped (no table break, link or image), line
/// breaks as spaces, '<' and '>' as entities.
[[nodiscard]] std::string md_cell(std::string_view s);

/// An RFC 4180 CSV field. Text fields that begin with =, +, -, @, tab or CR are prefixed with
/// an apostrophe so that a spreadsheet does not run them as formulas; `numeric` fields are
/// written as they are.
[[nodiscard]] std::string csv_field(std::string_view s, bool numeric = false);

/// An exact value as a CSV field: a terminating decimal, or "p/q" for any other rational (a
/// spreadsheet may read p/q as a date: import such a column as text).
[[nodiscard]] std::string csv_number(const Exact& x);

/// A CSV line from fields already made with csv_field, ending in CRLF as RFC 4180 says.
[[nodiscard]] std::string csv_line(const std::vector<std::string>& fields);

}  // namespace whichforum::detail
