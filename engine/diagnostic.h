// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Diagnostics and results: how the engine says that a call failed, and where in which file.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace whichforum {

/// A 1-based line and column in a source file; {0, 0} means "the file as a whole".
struct SourcePos {
  int line = 0;
  int col = 0;
};

/// The text of one input file, kept so that a later check (a cross-file reference, say) can
/// still quote the offending line.
struct SourceText {
  std::string file;
  std::vector<std::string> lines;

  /// Splits `text` into lines (LF or CRLF); `file` is the name to print in messages.
  static std::shared_ptr<const SourceText> make(std::string file, std::string_view text);
  /// The text of 1-based `line`, or "" when out of range.
  [[nodiscard]] std::string_view line(int line) const;
};

enum class Severity { kError, kWarning };

/// One message about an input: FILE:LINE:COL, what is wrong, and the line it is on.
struct Diagnostic {
  Severity severity = Severity::kError;
  std::string file;
  SourcePos pos;
  std::string message;
  std::string line_text;  ///< the offending line, or "" when there is none to show
};

/// Makes an error at `pos` of `src` (which may be null: then the file is "" and no line shows).
[[nodiscard]] Diagnostic make_error(const SourceText* src, SourcePos pos, std::string message);
/// Makes a warning, as make_error.
[[nodiscard]] Diagnostic make_warning(const SourceText* src, SourcePos pos, std::string message);

/// Formats as the user sees it: "whichforum: error: FILE:LINE:COL: message", then the line
/// and a caret under the column; each line ends in '\n'.
[[nodiscard]] std::string format_diagnostic(const Diagnostic& d);

/// A list of diagnostics with a verdict: ok() while it holds no error.
class [[nodiscard]] Diagnostics {
 public:
  void add(Diagnostic d) { items_.push_back(std::move(d)); }
  void append(const Diagnostics& other);
  [[nodiscard]] bool ok() const;
  [[nodiscard]] const std::vector<Diagnostic>& items() const { return items_; }
  [[nodiscard]] size_t error_count() const;

 private:
  std::vector<Diagnostic> items_;
};

/// A value or the diagnostics that explain why there is none (warnings may come with a value).
template <class T>
struct [[nodiscard]] Result {
  std::optional<T> value;
  Diagnostics diagnostics;

  [[nodiscard]] bool ok() const { return value.has_value() && diagnostics.ok(); }
};

}  // namespace whichforum
