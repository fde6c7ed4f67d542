// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// CSV parsing.
#include "engine/csv.h"

namespace whichforum {

int CsvTable::column(std::string_view name) const {
  for (size_t i = 0; i < header.size(); ++i) {
    if (header[i] == name) return static_cast<int>(i);
  }
  return -1;
}

size_t CsvTable::require(std::string_view name, Diagnostics* diags) const {
  int i = column(name);
  if (i < 0) {
    diags->add(make_error(source.get(), {1, 1}, "missing column \"" + std::string(name) + "\""));
    return 0;
  }
  return static_cast<size_t>(i);
}

std::optional<Exact> CsvTable::number(size_t row, size_t col, bool optional, Diagnostics* diags) const {
  const std::string& cell = rows[row][col];
  if (cell.empty() && optional) return std::nullopt;
  auto v = parse_exact(cell);
  if (!v) {
    diags->add(make_error(source.get(), {row_lines[row], 1},
                          "column \"" + header[col] + "\" holds \"" + cell + "\", not a number"));
  }
  return v;
}

Result<CsvTable> parse_csv(std::string_view text, const std::string& file) {
  Result<CsvTable> result;
  CsvTable table;
  table.source = SourceText::make(file, text);
  std::vector<std::string> row;
  std::string field;
  bool quoted = false;
  bool field_started = false;
  int line = 1, col = 1, row_line = 1;
  auto end_row = [&]() {
    row.push_back(field);
    field.clear();
    if (table.header.empty()) {
      table.header = row;
    } else if (!(row.size() == 1 && row[0].empty())) {
      if (row.size() != table.header.size()) {
        result.diagnostics.add(make_error(table.source.get(), {row_line, 1},
            "row has " + std::to_string(row.size()) + " fields; the header has " +
            std::to_string(table.header.size())));
      }
      table.rows.push_back(row);
      table.row_lines.push_back(row_line);
    }
    row.clear();
    field_started = false;
  };
  // A UTF-8 byte-order mark is not part of the first column's name.
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          quoted = false;
        }
      } else {
        field += c;
        if (c == '\n') {
          ++line;
          col = 0;
        }
      }
    } else if (c == '"' && !field_started) {
      quoted = true;
      field_started = true;
    } else if (c == ',') {
      row.push_back(field);
      field.clear();
      field_started = false;
    } else if (c == '\n') {
      end_row();
      ++line;
      col = 0;
      row_line = line;
    } else if (c != '\r') {
      field += c;
      field_started = true;
    }
    ++col;
  }
  if (quoted) {
    result.diagnostics.add(make_error(table.source.get(), {row_line, 1}, "quoted field is not closed"));
  }
  if (!field.empty() || !row.empty()) end_row();
  if (table.header.empty()) {
    result.diagnostics.add(make_error(table.source.get(), {1, 1}, "empty file; a header row is expected"));
  }
  if (result.diagnostics.ok()) result.value = std::move(table);
  return result;
}

}  // namespace whichforum
