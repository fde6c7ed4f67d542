// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// The checks before toml++: UTF-8, no non-ASCII character outside strings, bounded nesting.
#include "engine/toml_guard.h"

#include <algorithm>
#include <cstdio>

namespace whichforum::detail {

namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

// Checks that `text` is UTF-8, so that the message names the exact byte and its place the same
// way in every build, and so that the scan below may decode code points.
bool check_utf8(std::string_view text, SourcePos* where, unsigned* bad) {
  int line = 1, col = 1;
  size_t i = text.substr(0, 3) == kByteOrderMark ? 3 : 0;  // as toml++, no column
  while (i < text.size()) {
    auto c = static_cast<unsigned char>(text[i]);
    size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    bool ok = len != 0 && i + len <= text.size();
    for (size_t k = 1; ok && k < len; ++k) {
      ok = (static_cast<unsigned char>(text[i + k]) & 0xC0) == 0x80;
    }
    // Overlong two-byte forms (0xC0, 0xC1) and code points past U+10FFFF are not UTF-8.
    if (ok && (c == 0xC0 || c == 0xC1 || c > 0xF4)) ok = false;
    if (!ok) {
      *where = {line, col};
      *bad = c;
      return false;
    }
    if (c == '\n') {
      ++line;
      col = 1;
    } else {
      ++col;
    }
    i += len;
  }
  return true;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r'; }

// A lexical pass over TOML: strings, comments, brackets and key/value positions; enough to tell
// where a character stands and how deep, exact on valid TOML. On invalid TOML it must not take
// for string text what toml++ may read as outside a string, so where the two could part (a
// quote inside a token) it takes the stricter reading.
class Scanner {
 public:
  explicit Scanner(std::string_view in) : in_(in) { out_.text.reserve(in.size()); }

  GuardedToml run() {
    // A byte-order mark is not a key: toml++ skips it, and so do we (it takes no column).
    if (in_.substr(0, 3) == kByteOrderMark) {
      out_.text.append(in_.substr(0, 3));
      i_ = 3;
    }
    while (i_ < in_.size() && out_.error.empty()) step();
    return std::move(out_);
  }

 private:
  enum class Expect { kKey, kValue, kAfter };
  struct Frame {
    char open;  // '[' array or '{' inline table
    int level;  // the container's own level
  };

  char peek(size_t k = 0) const { return i_ + k < in_.size() ? in_[i_ + k] : '\0'; }

  void advance() {
    char c = in_[i_++];
    out_.text += c;
    if (c == '\n') {
      ++line_;
      col_ = 1;
      shift_ = 0;
    } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
      ++col_;
    }
  }

  void fail(std::string message) {
    out_.error = std::move(message);
    out_.error_pos = {line_, col_};
    out_.error_offset = out_.text.size();
  }

  // The level keys are read at: the [table]'s, or the inline table's.
  int key_base() const { return stack_.empty() ? table_level_ : stack_.back().level; }

  void start_key() {
    expect_ = Expect::kKey;
    key_parts_ = 1;
    part_open_ = true;
  }

  bool too_deep(int level) {
    if (level <= kMaxTomlDepth) return false;
    fail("tables and arrays nested more than " + std::to_string(kMaxTomlDepth) +
         " levels deep (each part of a dotted key counts); whichforum reads at most " +
         std::to_string(kMaxTomlDepth));
    return true;
  }

  void step() {
    char c = peek();
    auto u = static_cast<unsigned char>(c);
    // A quote opens a string only where TOML allows one; elsewhere toml++ reads it as part of the
    // token before it, and looks at what follows as at any character outside a string.
    bool key_part = expect_ == Expect::kKey && part_open_;
    if ((c == '"' || c == '\'') && (key_part || expect_ == Expect::kValue)) {
      string(c);
      if (key_part) {
        part_open_ = false;
      } else {
        expect_ = Expect::kAfter;
      }
      return;
    }
    if (c == '#') {
      // A comment glued to the token before it ("1990-05-13 1#..."): toml++ 3.3.0's scan of a
      // date-time with a space takes the '#' into the value and classifies what follows it as
      // whitespace or not, the undefined question above (U+FCFF reached it under the fuzzer).
      // Such a comment is kept to ASCII; a space before '#' lifts the limit.
      const bool glued = i_ > 0 && !is_space(in_[i_ - 1]) && in_[i_ - 1] != '\n';
      while (i_ < in_.size() && peek() != '\n') {
        if (glued && static_cast<unsigned char>(peek()) >= 0x80) {
          fail("non-ASCII character in a comment that touches the value before it; put a space before \"#\"");
          return;
        }
        advance();
      }
      return;
    }
    if (u >= 0x80) {
      fail(expect_ == Expect::kKey ? "non-ASCII character in a bare key; put the key in quotes"
                                   : "non-ASCII character outside a string; put text in quotes");
      return;
    }
    if (c == '\n' && stack_.empty()) {
      header_ = false;
      start_key();
    } else if (expect_ == Expect::kKey) {
      key_char(c);
      return;
    } else if (c == '[' && expect_ == Expect::kValue) {
      if (too_deep(value_level_ + 1)) return;
      stack_.push_back({'[', value_level_});
      value_level_ += 1;
    } else if (c == '{' && expect_ == Expect::kValue) {
      stack_.push_back({'{', value_level_});
      advance();
      start_key();
      return;
    } else if (c == ',' && !stack_.empty()) {
      if (stack_.back().open == '{') {
        advance();
        start_key();
        return;
      }
      expect_ = Expect::kValue;
      value_level_ = stack_.back().level + 1;
    } else if ((c == ']' || c == '}') && !stack_.empty()) {
      close();
      return;
    } else if (!is_space(c) && c != '\n') {
      expect_ = Expect::kAfter;
    }
    advance();
  }

  void key_char(char c) {
    if (c == '[' && stack_.empty() && !header_) {
      header_ = true;
      advance();
      array_header_ = peek() == '[';
      if (array_header_) advance();
      key_parts_ = 1;
      part_open_ = true;
      too_deep(key_parts_ + array_header_);
      return;
    }
    if (c == '.') {
      ++key_parts_;
      part_open_ = true;
      if (too_deep(header_ ? key_parts_ + array_header_ : key_base() + key_parts_)) return;
    } else if (c == ']' && header_) {
      table_level_ = key_parts_ + array_header_;
      header_ = false;
      expect_ = Expect::kAfter;
      advance();
      if (array_header_ && peek() == ']') advance();
      return;
    } else if (c == '=' && !header_) {
      value_level_ = key_base() + key_parts_;
      if (too_deep(value_level_)) return;
      expect_ = Expect::kValue;
    } else if (c == '}' && !stack_.empty()) {
      close();
      return;
    } else if (!is_space(c) && c != '\n') {
      part_open_ = false;
    }
    advance();
  }

  void close() {
    stack_.pop_back();
    expect_ = Expect::kAfter;
    if (!stack_.empty() && stack_.back().open == '[') value_level_ = stack_.back().level + 1;
    advance();
  }

  void string(char quote) {
    bool multi = peek(1) == quote && peek(2) == quote;
    for (int k = 0; k < (multi ? 3 : 1); ++k) advance();
    while (i_ < in_.size() && out_.error.empty()) {
      char c = peek();
      if (c == quote) {
        size_t run = 0;
        while (peek(run) == quote) ++run;
        if (!multi) run = 1;
        for (size_t k = 0; k < run; ++k) advance();
        if (!multi || run >= 3) return;
      } else if (c == '\n' && !multi) {
        return;  // unterminated: toml++ says so
      } else if (c == '\\' && quote == '"') {
        advance();
        if (multi) {
          line_ending_backslash();
        } else if (i_ < in_.size() && static_cast<unsigned char>(peek()) < 0x80 && peek() != '\n') {
          advance();
        }
      } else {
        advance();
      }
    }
  }

  // After a backslash in a multi-line basic string: toml++ asks whether the next character, and
  // after a line-ending backslash the first one past the skipped whitespace, is whitespace.
  void line_ending_backslash() {
    bool newline = false;
    size_t k = 0;
    for (; is_space(peek(k)) || peek(k) == '\n'; ++k) newline = newline || peek(k) == '\n';
    if (static_cast<unsigned char>(peek(k)) < 0x80) {
      if (k == 0 && i_ < in_.size()) advance();  // an escape such as \" or \n
      return;
    }
    if (!newline) {
      for (size_t n = 0; n < k; ++n) advance();
      fail(k == 0 ? "a backslash followed by a non-ASCII character is not an escape sequence"
                  : "a line-ending backslash must be followed by the end of its line");
      return;
    }
    for (size_t n = 0; n < k; ++n) advance();
    escape_code_point();
  }

  // Writes the code point at the cursor as \uXXXX or \UXXXXXXXX: the same string to TOML.
  void escape_code_point() {
    auto lead = static_cast<unsigned char>(peek());
    size_t len = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
    char32_t cp = lead & (len == 4 ? 0x07 : len == 3 ? 0x0F : 0x1F);
    for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(peek(k)) & 0x3F);
    char buf[16];
    int n = cp > 0xFFFF ? std::snprintf(buf, sizeof buf, "\\U%08X", static_cast<unsigned>(cp))
                        : std::snprintf(buf, sizeof buf, "\\u%04X", static_cast<unsigned>(cp));
    out_.shifts.push_back({line_, col_ + shift_, n - 1});
    shift_ += n - 1;
    out_.text.append(buf, static_cast<size_t>(n));
    i_ += len;
    ++col_;
  }

  std::string_view in_;
  size_t i_ = 0;
  int line_ = 1, col_ = 1;
  int shift_ = 0;  // columns this line's rewrites added so far
  GuardedToml out_;
  Expect expect_ = Expect::kKey;
  std::vector<Frame> stack_;
  bool header_ = false, array_header_ = false;
  int table_level_ = 0;  // of the last [table] header
  int key_parts_ = 1;
  bool part_open_ = true;  // a key part may start here (line start, after '.', '[', '{' or ',')
  int value_level_ = 0;
};

}  // namespace

SourcePos GuardedToml::original(SourcePos p) const {
  int delta = 0;
  for (const auto& s : shifts) {
    if (s.line == p.line && p.col > s.col) delta += std::min(s.extra, p.col - s.col);
  }
  return {p.line, p.col - delta};
}

GuardedToml guard_toml(std::string_view input) {
  SourcePos where;
  unsigned bad = 0;
  if (input.substr(0, 2) == "\xFF\xFE" || input.substr(0, 2) == "\xFE\xFF") {
    GuardedToml g;
    g.error = "the file is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8";
    g.error_pos = {1, 1};
    return g;
  }
  if (!check_utf8(input, &where, &bad)) {
    GuardedToml g;
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X", bad);
    g.error = std::string("invalid UTF-8 byte ") + hex + "; save the file as UTF-8";
    g.error_pos = where;
    return g;
  }
  return Scanner(input).run();
}

}  // namespace whichforum::detail
