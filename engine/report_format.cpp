// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Escaping and alignment for every output format.
#include "engine/report_format.h"

#include "engine/solve/solver.h"

#include <algorithm>
#include <cstdio>

namespace whichforum::detail {

size_t display_width(std::string_view s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    // A terminal style (ESC [ ... final byte) takes no column.
    if (s[i] == '\x1b' && i + 1 < s.size() && s[i + 1] == '[') {
      i += 2;
      while (i < s.size() && !(s[i] >= 0x40 && s[i] <= 0x7E)) ++i;
      continue;
    }
    n += (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 ? 1 : 0;
  }
  return n;
}

std::string Style::bold(std::string_view s) const { return colour ? "\x1b[1m" + std::string(s) + "\x1b[0m" : std::string(s); }
std::string Style::green(std::string_view s) const { return colour ? "\x1b[32m" + std::string(s) + "\x1b[0m" : std::string(s); }
std::string Style::yellow(std::string_view s) const { return colour ? "\x1b[33m" + std::string(s) + "\x1b[0m" : std::string(s); }

std::string aligned_table(const std::vector<std::vector<std::string>>& rows, const std::vector<bool>& right) {
  if (rows.empty()) return "";
  size_t cols = 0;
  for (const auto& r : rows) cols = std::max(cols, r.size());
  std::vector<size_t> widths(cols, 0);
  for (const auto& r : rows) {
    for (size_t i = 0; i < r.size(); ++i) widths[i] = std::max(widths[i], display_width(r[i]));
  }
  std::string out;
  for (const auto& r : rows) {
    std::string line;
    bool wrapped = false;
    for (size_t i = 0; i < r.size(); ++i) {
      if (i) line += "  ";
      size_t pad = widths[i] - display_width(r[i]);
      bool is_right = i < right.size() && right[i];
      // A left-aligned last cell (a reason, a portfolio) that would pass the terminal's width
      // wraps under its own column, as long as the columns before it leave it room.
      const size_t used = display_width(line);
      if (!is_right && i > 0 && i + 1 == r.size() && used + display_width(r[i]) > kTextWidth) {
        if (used + 30 <= kTextWidth) {
          out += wrap(r[i], kTextWidth, line, std::string(used, ' '));
        } else {
          // Too little room beside the other columns: the cell goes under the row, indented.
          while (!line.empty() && line.back() == ' ') line.pop_back();
          out += line + "\n" + wrap(r[i], kTextWidth, "      ", "      ");
        }
        wrapped = true;
        break;
      }
      if (is_right) line += std::string(pad, ' ');
      line += r[i];
      if (!is_right && i + 1 < r.size()) line += std::string(pad, ' ');
    }
    if (wrapped) continue;
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
  return out;
}

std::string json_string(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    auto u = static_cast<unsigned char>(c);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (u < 0x20 || u == 0x7F) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", u);
          out += buf;
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

std::string json_number(const Exact& x) {
  std::string s = format_exact_full(x);
  return s.find('/') == std::string::npos ? s : "\"" + s + "\"";
}

std::string amount(const Exact& x) { return format_exact(x, 2); }

std::string join_words(const std::vector<std::string>& words) {
  std::string s;
  for (size_t i = 0; i < words.size(); ++i) s += (i == 0 ? "" : i + 1 == words.size() ? " and " : ", ") + words[i];
  return s;
}

std::string mid_sentence(std::string name) {
  if (name.size() > 1 && name[0] >= 'A' && name[0] <= 'Z' && name[1] >= 'a' && name[1] <= 'z') name[0] = static_cast<char>(name[0] - 'A' + 'a');
  return name;
}

std::string wrap_lines(std::string_view text, size_t width) {
  std::string out;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(start, end - start);
    if (display_width(line) <= width) {
      out += std::string(line) + "\n";
    } else {
      const size_t indent = line.find_first_not_of(' ');
      const std::string lead(indent == std::string_view::npos ? 0 : indent, ' ');
      out += wrap(line.substr(lead.size()), width, lead, lead + "    ");
    }
    start = end + 1;
  }
  return out;
}

std::string wrap(std::string_view text, size_t width, std::string_view first, std::string_view rest) {
  std::string out, line(first);
  size_t used = display_width(first);
  bool empty = true;  // no word on the line yet
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && text[i] == ' ') ++i;
    size_t j = i;
    while (j < text.size() && text[j] != ' ') ++j;
    if (j == i) break;
    const std::string_view word = text.substr(i, j - i);
    const size_t w = display_width(word);
    if (!empty && used + 1 + w > width) {
      out += line + "\n";
      line = std::string(rest);
      used = display_width(rest);
      empty = true;
    }
    if (!empty) {
      line += ' ';
      ++used;
    }
    line += word;
    used += w;
    empty = false;
    i = j;
  }
  return out + line + "\n";
}

std::string json_resources(const std::vector<Exact>& values, const std::vector<std::string>& names) {
  static const std::vector<std::string> kNames = {"money", "staff_days", "ministerial_days"};
  const auto& n = names.empty() ? kNames : names;
  std::string s = "{";
  for (size_t r = 0; r < values.size() && r < n.size(); ++r) {
    s += (r ? ", " : "") + json_string(n[r]) + ": " + json_number(values[r]);
  }
  return s + "}";
}

std::string html_text(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 && c != '\n') {
          out += ' ';
        } else {
          out += c;
        }
    }
  }
  return out;
}

std::string md_cell(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '|': out += "\\|"; break;
      case '\\': out += "\\\\"; break;
      case '\n':
      case '\r': out += ' '; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      // Brackets escaped, a name cannot become a link or an image (a remote fetch when shown).
      case '[': out += "\\["; break;
      case ']': out += "\\]"; break;
      default: out += c;
    }
  }
  return out;
}

std::string csv_field(std::string_view s, bool numeric) {
  bool risky = !numeric && !s.empty() &&
               (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r');
  std::string text = risky ? "'" : "";
  text += s;
  bool quote = text.find_first_of(",\"\r\n") != std::string::npos;
  if (!quote) return text;
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string choice_text(const Problem& p, const std::vector<int>& choice) {
  std::string s;
  for (size_t i = 0; i < choice.size(); ++i) {
    if (choice[i] >= 0) {
      s += (s.empty() ? "" : ", ") + p.items[i].id + " (" + p.items[i].options[static_cast<size_t>(choice[i])].label + ")";
    }
  }
  return s.empty() ? "(nothing)" : s;
}

std::string json_levels(const Problem& p, const std::vector<int>& choice) {
  std::string o = "{";
  bool first = true;
  for (size_t i = 0; i < choice.size(); ++i) {
    if (choice[i] < 0) continue;
    o += (first ? "" : ", ") + json_string(p.items[i].id) + ": " +
         json_string(p.items[i].options[static_cast<size_t>(choice[i])].label);
    first = false;
  }
  return o + "}";
}

std::string json_weights(const std::vector<std::string>& ids, const std::vector<Exact>& w) {
  if (w.empty()) return "null";
  std::string o = "{";
  for (size_t k = 0; k < ids.size(); ++k) o += (k ? ", " : "") + json_string(ids[k]) + ": " + json_number(w[k]);
  return o + "}";
}

std::string csv_number(const Exact& x) { return csv_field(format_exact_full(x), true); }

std::string csv_line(const std::vector<std::string>& fields) {
  std::string out;
  for (size_t i = 0; i < fields.size(); ++i) out += (i ? "," : "") + fields[i];
  return out + "\r\n";
}

}  // namespace whichforum::detail
