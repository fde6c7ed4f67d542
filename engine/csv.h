// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// A small RFC 4180 CSV reader for the reference tables in data/.
#pragma once

#include "engine/diagnostic.h"
#include "engine/exact.h"

#include <string>
#include <string_view>
#include <vector>

namespace whichforum {

/// A parsed CSV file: the header and the rows, each row with the line it starts on.
struct CsvTable {
  std::shared_ptr<const SourceText> source;
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::vector<int> row_lines;

  /// The index of column `name`, or -1.
  [[nodiscard]] int column(std::string_view name) const;
  /// The index of column `name`; when there is none, reports "missing column" to `diags` and
  /// returns 0 (check diags before using it).
  size_t require(std::string_view name, Diagnostics* diags) const;
  /// The cell at `row`, `col` as an exact number; an empty cell is nullopt when `optional`, and
  /// anything else that is not a number is reported to `diags` at the row's line.
  std::optional<Exact> number(size_t row, size_t col, bool optional, Diagnostics* diags) const;
};

/// Parses CSV `text` named `file`: quoted fields may hold commas, quotes ("") and newlines.
/// Every row must have as many fields as the header; otherwise an error names the line.
[[nodiscard]] Result<CsvTable> parse_csv(std::string_view text, const std::string& file);

}  // namespace whichforum
