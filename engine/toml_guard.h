// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// The checks a TOML text passes before toml++ sees it: what toml++ 3.3.0 cannot be trusted with.
#pragma once

#include "engine/diagnostic.h"

#include <string>
#include <string_view>
#include <vector>

namespace whichforum::detail {

/// The deepest nesting read: tables, arrays, inline tables and each part of a dotted key or
/// table header count one level. Shipped files need 4; toml++ itself recurses per level (and
/// overflows the stack on a header of 20,000 parts), as does the reader above it.
inline constexpr int kMaxTomlDepth = 64;

/// A TOML text made safe for toml++ 3.3.0, or the first reason it cannot be.
///
/// toml++ 3.3.0 asks "is this whitespace?" of characters outside strings, of the first
/// character after a line-ending backslash in a multi-line string, and of a comment glued to a
/// date-time with a space ("1990-05-13 1#..."); for U+00A1..U+0499, U+2C5E..U+3057 (but U+3000)
/// and U+FB26..U+FEFE that question reaches TOML_UNREACHABLE (upstream #190/#295, fixed by #305),
/// which is undefined behaviour. TOML 1.0 allows non-ASCII characters only in strings and
/// comments, so one outside them, or in a comment that touches the token before it, is refused
/// here with our own message; the valid case, a
/// non-ASCII character first after a line-ending backslash, is rewritten as its \u escape (same
/// string) and columns after it are mapped back. Deep nesting is refused too (kMaxTomlDepth).
struct GuardedToml {
  /// A rewrite that moved the rest of a line right: from rewritten column `col` of `line`, by
  /// `extra` columns.
  struct Shift {
    int line = 0;
    int col = 0;
    int extra = 0;
  };

  std::string text;            ///< what to hand toml++ (the input, with the rewrites)
  std::vector<Shift> shifts;   ///< in text order
  std::string error;           ///< "" when the text may be parsed
  SourcePos error_pos;         ///< in the input
  size_t error_offset = 0;     ///< where in `text` the error stands: the text before it is safe

  /// A position toml++ reported in `text`, as a position in the input.
  [[nodiscard]] SourcePos original(SourcePos in_text) const;
};

/// Checks `input` (UTF-8, no non-ASCII character outside strings and comments, nesting at most
/// kMaxTomlDepth) and makes the text toml++ may parse. Never throws.
[[nodiscard]] GuardedToml guard_toml(std::string_view input);

}  // namespace whichforum::detail
