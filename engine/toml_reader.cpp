// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// The one place that includes toml++: TOML text in, a library-free Node tree out.
#include "engine/tree.h"

#include <toml++/toml.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <sstream>

namespace whichforum {

namespace {

SourcePos pos_of(const toml::source_region& r) {
  return {static_cast<int>(r.begin.line), static_cast<int>(r.begin.column)};
}

// Checks that `text` is UTF-8 before toml++ sees it, so that the message names the exact byte
// and its place the same way in every build.
bool check_utf8(std::string_view text, SourcePos* where, unsigned* bad) {
  int line = 1, col = 1;
  size_t i = 0;
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

// toml++ 3.3.0 reaches TOML_UNREACHABLE on some non-ASCII bare keys (upstream #190/#295, fixed
// by #305), which is undefined behaviour in a release build. TOML 1.0 allows only ASCII letters,
// digits, '-' and '_' in bare keys, so a non-ASCII byte outside quotes before the '=' of a
// key/value line, or inside a [table] header, is an error we can report ourselves first.
bool check_bare_keys(std::string_view text, SourcePos* where) {
  int line = 1;
  size_t start = 0;
  bool in_multiline = false;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view l = text.substr(start, end - start);
    // Lines inside a multi-line string hold no keys.
    size_t triple = 0, pos = 0;
    while ((pos = l.find("\"\"\"", pos)) != std::string_view::npos) { ++triple; pos += 3; }
    pos = 0;
    while ((pos = l.find("'''", pos)) != std::string_view::npos) { ++triple; pos += 3; }
    bool was_in = in_multiline;
    if (triple % 2 == 1) in_multiline = !in_multiline;
    if (!was_in) {
      char quote = 0;
      int col = 1;
      for (size_t i = 0; i < l.size(); ++i) {
        char c = l[i];
        auto u = static_cast<unsigned char>(c);
        if (quote) {
          if (c == '\\' && quote == '"') { ++i; continue; }
          if (c == quote) quote = 0;
        } else if (c == '"' || c == '\'') {
          quote = c;
        } else if (c == '#' || c == '=') {
          break;
        } else if (u >= 0x80) {
          *where = {line, col};
          return false;
        }
        if ((u & 0xC0) != 0x80) ++col;
      }
    }
    if (end == text.size()) break;
    start = end + 1;
    ++line;
  }
  return true;
}

std::unique_ptr<Node> convert(const toml::node& n) {
  auto out = std::make_unique<Node>();
  out->pos = pos_of(n.source());
  if (const auto* t = n.as_table()) {
    out->kind = Node::Kind::kTable;
    for (auto&& [k, v] : *t) {
      Node::Member m;
      m.key = std::string(k.str());
      m.key_pos = pos_of(k.source());
      if (m.key_pos.line == 0) m.key_pos = pos_of(v.source());
      m.value = convert(v);
      out->members.push_back(std::move(m));
    }
    std::stable_sort(out->members.begin(), out->members.end(), [](const auto& a, const auto& b) {
      return a.key_pos.line != b.key_pos.line ? a.key_pos.line < b.key_pos.line
                                              : a.key_pos.col < b.key_pos.col;
    });
  } else if (const auto* a = n.as_array()) {
    out->kind = Node::Kind::kArray;
    for (const auto& item : *a) out->items.push_back(convert(item));
  } else if (const auto* s = n.as_string()) {
    out->kind = Node::Kind::kString;
    out->text = s->get();
  } else if (const auto* i = n.as_integer()) {
    out->kind = Node::Kind::kInteger;
    out->text = std::to_string(i->get());
  } else if (const auto* f = n.as_floating_point()) {
    out->kind = Node::Kind::kFloat;
    char buf[64];
    auto r = std::to_chars(buf, buf + sizeof buf, f->get());
    out->text.assign(buf, r.ptr);
  } else if (const auto* b = n.as_boolean()) {
    out->kind = Node::Kind::kBool;
    out->text = b->get() ? "true" : "false";
  } else {
    out->kind = Node::Kind::kDate;
    std::ostringstream os;
    n.visit([&os](const auto& v) { os << v; });
    out->text = os.str();
  }
  return out;
}

}  // namespace

Result<Document> read_toml(std::string_view text, const std::string& file) {
  Result<Document> result;
  auto src = SourceText::make(file, text);
  SourcePos where;
  unsigned bad = 0;
  if (!check_utf8(text, &where, &bad)) {
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X", bad);
    result.diagnostics.add(make_error(src.get(), where,
        std::string("invalid UTF-8 byte ") + hex + "; save the file as UTF-8"));
    return result;
  }
  if (!check_bare_keys(text, &where)) {
    result.diagnostics.add(make_error(src.get(), where,
        "non-ASCII character in a bare key; put the key in quotes"));
    return result;
  }
  try {
    toml::table table = toml::parse(text, std::string_view(file));
    Document doc;
    doc.source = src;
    auto root = convert(table);
    doc.root = std::move(*root);
    doc.root.pos = {1, 1};
    result.value = std::move(doc);
  } catch (const toml::parse_error& e) {
    SourcePos p{static_cast<int>(e.source().begin.line), static_cast<int>(e.source().begin.column)};
    result.diagnostics.add(make_error(src.get(), p,
        "TOML syntax: " + std::string(e.description())));
  } catch (const std::exception& e) {
    result.diagnostics.add(make_error(src.get(), {1, 1}, std::string("cannot read: ") + e.what()));
  }
  return result;
}

}  // namespace whichforum
