// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// The one place that includes toml++: TOML text in, a library-free Node tree out.
#include "engine/tree.h"
#include "engine/toml_guard.h"

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

std::unique_ptr<Node> convert(const toml::node& n, const detail::GuardedToml& g) {
  auto out = std::make_unique<Node>();
  out->pos = g.original(pos_of(n.source()));
  if (const auto* t = n.as_table()) {
    out->kind = Node::Kind::kTable;
    for (auto&& [k, v] : *t) {
      Node::Member m;
      m.key = std::string(k.str());
      m.key_pos = g.original(pos_of(k.source()));
      if (m.key_pos.line == 0) m.key_pos = g.original(pos_of(v.source()));
      m.value = convert(v, g);
      out->members.push_back(std::move(m));
    }
    std::stable_sort(out->members.begin(), out->members.end(), [](const auto& a, const auto& b) {
      return a.key_pos.line != b.key_pos.line ? a.key_pos.line < b.key_pos.line
                                              : a.key_pos.col < b.key_pos.col;
    });
  } else if (const auto* a = n.as_array()) {
    out->kind = Node::Kind::kArray;
    for (const auto& item : *a) out->items.push_back(convert(item, g));
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

// The first control character other than tab and line breaks in a key or string of `n`. TOML
// lets escapes write any of them ("\u001b[2J"), but whichforum prints names and ids to terminals
// and into reports, where one would be a command, not text.
bool find_control(const Node& n, SourcePos* where, unsigned* found) {
  auto scan = [&](const std::string& text, SourcePos pos) {
    for (char c : text) {
      auto u = static_cast<unsigned char>(c);
      if ((u < 0x20 && c != '\t' && c != '\n' && c != '\r') || u == 0x7F) {
        *where = pos;
        *found = u;
        return true;
      }
    }
    return false;
  };
  if (n.kind == Node::Kind::kString && scan(n.text, n.pos)) return true;
  for (const auto& m : n.members) {
    if (scan(m.key, m.key_pos) || find_control(*m.node(), where, found)) return true;
  }
  for (const auto& item : n.items) {
    if (find_control(*item, where, found)) return true;
  }
  return false;
}

}  // namespace

Result<Document> read_toml(std::string_view text, const std::string& file) {
  Result<Document> result;
  auto src = SourceText::make(file, text);
  detail::GuardedToml guarded = detail::guard_toml(text);
  auto syntax_error = [&](const toml::parse_error& e) {
    return make_error(src.get(), guarded.original(pos_of(e.source())), "TOML syntax: " + std::string(e.description()));
  };
  if (!guarded.error.empty()) {
    // Errors are reported in reading order: a syntax error before the guard's wins. The text
    // before the guard's error is safe to parse.
    try {
      (void)toml::parse(std::string_view(guarded.text).substr(0, guarded.error_offset), std::string_view(file));
    } catch (const toml::parse_error& e) {
      SourcePos p = guarded.original(pos_of(e.source()));
      if (p.line < guarded.error_pos.line || (p.line == guarded.error_pos.line && p.col < guarded.error_pos.col)) {
        result.diagnostics.add(syntax_error(e));
        return result;
      }
    }
    result.diagnostics.add(make_error(src.get(), guarded.error_pos, guarded.error));
    return result;
  }
  try {
    toml::table table = toml::parse(std::string_view(guarded.text), std::string_view(file));
    Document doc;
    doc.source = src;
    auto root = convert(table, guarded);
    doc.root = std::move(*root);
    doc.root.pos = {1, 1};
    SourcePos where;
    unsigned control = 0;
    if (find_control(doc.root, &where, &control)) {
      char code[8];
      std::snprintf(code, sizeof code, "U+%04X", control);
      result.diagnostics.add(make_error(src.get(), where, std::string("control character ") + code +
          " in a string; only tabs and line breaks may be written there"));
      return result;
    }
    result.value = std::move(doc);
  } catch (const toml::parse_error& e) {
    result.diagnostics.add(syntax_error(e));
  } catch (const std::exception& e) {
    result.diagnostics.add(make_error(src.get(), {1, 1}, std::string("cannot read: ") + e.what()));
  }
  return result;
}

}  // namespace whichforum
