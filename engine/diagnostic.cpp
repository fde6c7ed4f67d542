// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Diagnostics: construction and the one user-facing format.
#include "engine/diagnostic.h"

namespace whichforum {

std::shared_ptr<const SourceText> SourceText::make(std::string file, std::string_view text) {
  auto src = std::make_shared<SourceText>();
  src->file = std::move(file);
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    src->lines.emplace_back(line);
    if (end == text.size()) break;
    start = end + 1;
  }
  return src;
}

std::string_view SourceText::line(int n) const {
  if (n < 1 || static_cast<size_t>(n) > lines.size()) return {};
  return lines[static_cast<size_t>(n) - 1];
}

namespace {

Diagnostic make(Severity sev, const SourceText* src, SourcePos pos, std::string message) {
  Diagnostic d;
  d.severity = sev;
  d.pos = pos;
  d.message = std::move(message);
  if (src) {
    d.file = src->file;
    d.line_text = std::string(src->line(pos.line));
  }
  return d;
}

// Lines are shown as they are, but a control character would garble the terminal, so it is
// replaced; columns count characters (UTF-8 code points), as the TOML reader's do, so the caret
// stays under the right character. Overlong lines are cut at 200 characters.
std::string printable(std::string_view line) {
  std::string out;
  int chars = 0;
  for (char ch : line) {
    unsigned char c = static_cast<unsigned char>(ch);
    bool continuation = (c & 0xC0) == 0x80;
    if (!continuation && ++chars > 200) break;
    if (c == '\t') {
      out += ' ';
    } else if (c < 0x20 || c == 0x7F) {
      out += '?';
    } else {
      out += ch;
    }
  }
  return out;
}

// A file name or message may quote input (an id, a path); a control character in it would reach
// the terminal as a command.
std::string without_controls(std::string_view text) {
  std::string out(text);
  for (auto& c : out) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = '?';
  }
  return out;
}

}  // namespace

Diagnostic make_error(const SourceText* src, SourcePos pos, std::string message) {
  return make(Severity::kError, src, pos, std::move(message));
}

Diagnostic make_warning(const SourceText* src, SourcePos pos, std::string message) {
  return make(Severity::kWarning, src, pos, std::move(message));
}

std::string format_diagnostic(const Diagnostic& d) {
  std::string out = "whichforum: ";
  out += d.severity == Severity::kError ? "error: " : "warning: ";
  if (!d.file.empty()) {
    out += without_controls(d.file);
    if (d.pos.line > 0) {
      out += ":" + std::to_string(d.pos.line) + ":" + std::to_string(d.pos.col > 0 ? d.pos.col : 1);
    }
    out += ": ";
  }
  out += without_controls(d.message);
  out += '\n';
  bool blank = d.line_text.find_first_not_of(" \t") == std::string::npos;
  if (d.pos.line > 0 && !blank) {
    int caret = d.pos.col > 0 ? d.pos.col : 1;
    std::string_view shown = d.line_text;
    // On a long line, show the part around the caret rather than the start.
    if (caret > 120) {
      size_t skip = 0;
      int chars = 0;
      while (skip < shown.size() && chars < caret - 60) {
        if ((static_cast<unsigned char>(shown[skip]) & 0xC0) != 0x80) ++chars;
        ++skip;
      }
      while (skip < shown.size() && (static_cast<unsigned char>(shown[skip]) & 0xC0) == 0x80) ++skip;
      shown.remove_prefix(skip);
      caret = caret - chars + 3;
      out += "  ..." + printable(shown) + "\n";
    } else {
      out += "  " + printable(shown) + "\n";
    }
    out += "  " + std::string(static_cast<size_t>(caret - 1), ' ') + "^\n";
  }
  return out;
}

void Diagnostics::append(const Diagnostics& other) {
  items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

bool Diagnostics::ok() const { return error_count() == 0; }

size_t Diagnostics::error_count() const {
  size_t n = 0;
  for (const auto& d : items_) n += d.severity == Severity::kError ? 1 : 0;
  return n;
}

}  // namespace whichforum
