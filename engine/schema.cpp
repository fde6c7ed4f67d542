// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// The generic reader: type, range and allowed-value checks with exact messages.
#include "engine/schema.h"

#include "engine/report_format.h"

#include "engine/spelling.h"

#include <cctype>
#include <set>

namespace whichforum {

const KeySpec* Schema::find(std::string_view key) const {
  for (const auto& k : keys) {
    if (k.key == key) return &k;
  }
  return nullptr;
}

std::vector<std::string> Schema::key_names() const {
  std::vector<std::string> names;
  for (const auto& k : keys) names.emplace_back(k.key);
  return names;
}

Exact bound(std::string_view text) { return parse_exact(text).value_or(Exact(0)); }

namespace {

std::string join(const std::vector<std::string_view>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out += ", ";
    out += items[i];
  }
  return out;
}

bool is_iso3(std::string_view s) {
  return s.size() == 3 && std::isupper(static_cast<unsigned char>(s[0])) &&
         std::isupper(static_cast<unsigned char>(s[1])) &&
         std::isupper(static_cast<unsigned char>(s[2]));
}

bool is_date(std::string_view s) {
  auto digits = [&](size_t from, size_t n) {
    for (size_t i = from; i < from + n; ++i) {
      if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
    }
    return true;
  };
  if (s.size() != 4 && s.size() != 7 && s.size() != 10) return false;
  if (!digits(0, 4)) return false;
  if (s.size() >= 7) {
    if (s[4] != '-' || !digits(5, 2)) return false;
    int month = (s[5] - '0') * 10 + (s[6] - '0');
    if (month < 1 || month > 12) return false;
  }
  if (s.size() == 10) {
    if (s[7] != '-' || !digits(8, 2)) return false;
    int day = (s[8] - '0') * 10 + (s[9] - '0');
    if (day < 1 || day > 31) return false;
  }
  return true;
}

std::string quote_text(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (static_cast<unsigned char>(c) < 0x20) {
      out += '?';
    } else {
      out += c;
    }
    if (out.size() > 80) {
      out += "...";
      break;
    }
  }
  return out + "\"";
}

}  // namespace

std::string expected_text(const KeySpec& spec) {
  switch (spec.type) {
    case ValueType::kString: return "a string";
    case ValueType::kBool: return "true or false";
    case ValueType::kInteger: return "an integer";
    case ValueType::kExact: return "a number (an integer, or a string such as \"0.15\" or \"1/3\")";
    case ValueType::kEnum: return "one of " + join(spec.allowed);
    case ValueType::kStringList: return "an array of strings";
    case ValueType::kEnumList: return "an array of strings from " + join(spec.allowed);
    case ValueType::kIso3: return "an ISO3 country code such as \"URY\"";
    case ValueType::kCurrency: return "an ISO 4217 currency code such as \"UYU\"";
    case ValueType::kIso3List: return "an array of ISO3 country codes such as [\"URY\", \"CAN\"]";
    case ValueType::kVenueList: return "an array of \"ISO3:City\" strings such as [\"FRA:Paris\"]";
    case ValueType::kDate: return "a date \"YYYY\", \"YYYY-MM\" or \"YYYY-MM-DD\"";
    case ValueType::kPoints: return "an array of [x, y] pairs of numbers";
    case ValueType::kIdGroups: return "an array of arrays of ids, such as [[\"dn\", \"ogp\"]]";
    case ValueType::kTable: return "a table";
  }
  return "a value";
}

void SchemaReader::error(SourcePos pos, std::string message) {
  diags_->add(make_error(source(), pos, std::move(message)));
}

void SchemaReader::warning(SourcePos pos, std::string message) {
  diags_->add(make_warning(source(), pos, std::move(message)));
}

bool SchemaReader::check_kind(const Node& root, const Schema& schema) {
  const Node* given = root.find("schema");
  const KeySpec* spec = schema.find("schema");
  if (!given || given->kind != Node::Kind::kString || !spec || spec->allowed.empty()) return true;
  auto kind_of = [](std::string_view text) -> std::string_view {
    constexpr std::string_view prefix = "whichforum.";
    if (text.substr(0, prefix.size()) != prefix) return {};
    text.remove_prefix(prefix.size());
    return text.substr(0, text.find('/'));
  };
  std::string_view kind = kind_of(given->text);
  std::string_view expected = kind_of(spec->allowed.front());
  bool known = kind == "profile" || kind == "forum" || kind == "criterion" || kind == "assumptions";
  if (!known || kind == expected) return true;
  auto a_file = [](std::string_view k) { return (k == "assumptions" ? "an " : "a ") + std::string(k) + " file"; };
  error(given->pos, "this is " + a_file(kind) + " (schema = " + quote_text(given->text) + "), not " +
                        a_file(expected) + " (see: whichforum schema " + std::string(expected) + ")");
  return false;
}

bool SchemaReader::check_keys(const Node& table, const Schema& schema, std::string_view where) {
  bool clean = true;
  const std::string name(where.empty() ? schema.name : where);
  // An empty file would otherwise get one "missing key" line per required key; one message
  // that lists them all says the same thing better.
  if (&table == &doc_.root && table.members.empty()) {
    std::string required;
    for (const auto& k : schema.keys) {
      if (k.required) required += (required.empty() ? "" : ", ") + std::string(k.key);
    }
    error({1, 1}, "the file is empty; a " + name + " file needs " + required +
                      " (see: whichforum schema " + name + ")");
    return false;
  }
  auto names = schema.key_names();
  for (const auto& m : table.members) {
    if (!schema.find(m.key)) {
      error(m.key_pos, "unknown key " + quote_text(m.key) + " in " + name +
                           did_you_mean(m.key, names));
      clean = false;
    }
  }
  for (const auto& k : schema.keys) {
    if (k.required && !table.find(k.key)) {
      error(table.pos, "missing required key \"" + std::string(k.key) + "\" in " +
                           name + " (" + std::string(k.description) + ")");
      clean = false;
    }
  }
  return clean;
}

bool SchemaReader::expect_table(const Node& node, std::string_view key) {
  if (node.kind == Node::Kind::kTable) return true;
  error(node.pos, "\"" + std::string(key) + "\" must be a table, not " + describe(node.kind));
  return false;
}

std::optional<Exact> SchemaReader::read_exact(const Node& node, std::string_view key) {
  std::string k(key);
  switch (node.kind) {
    case Node::Kind::kInteger:
      return parse_exact(node.text);
    case Node::Kind::kString: {
      std::string why;
      auto v = parse_exact(node.text, &why);
      if (!v) {
        error(node.pos, "\"" + k + "\" must be a number such as \"0.15\" or \"1/3\", not " +
                            quote_text(node.text) + " (" + why + ")");
      }
      return v;
    }
    case Node::Kind::kFloat:
      error(node.pos, "\"" + k + "\" is a TOML float (" + node.text +
                          "); write exact numbers as integers or strings, such as \"0.15\"");
      return std::nullopt;
    case Node::Kind::kTable:
    case Node::Kind::kArray:
    case Node::Kind::kBool:
    case Node::Kind::kDate:
      error(node.pos, "\"" + k + "\" must be a number (an integer, or a string such as \"0.15\" "
                          "or \"1/3\"), not " + describe(node.kind));
      return std::nullopt;
  }
  return std::nullopt;
}

std::optional<std::string> SchemaReader::read_enum(const Node& node, const KeySpec& spec) {
  if (node.kind != Node::Kind::kString) {
    error(node.pos, "\"" + std::string(spec.key) + "\" must be one of " + join(spec.allowed) +
                        ", not " + describe(node.kind));
    return std::nullopt;
  }
  for (auto a : spec.allowed) {
    if (a == node.text) return node.text;
  }
  std::vector<std::string> names(spec.allowed.begin(), spec.allowed.end());
  error(node.pos, "value " + quote_text(node.text) + " for \"" + std::string(spec.key) +
                      "\" is not one of " + join(spec.allowed) + did_you_mean(node.text, names));
  return std::nullopt;
}

std::optional<Value> SchemaReader::read_member(const Node& table, const KeySpec& spec) {
  const Node* n = table.find(spec.key);
  if (!n) return std::nullopt;
  return read(*n, spec);
}

std::optional<Value> SchemaReader::read(const Node& node, const KeySpec& spec) {
  const std::string key(spec.key);
  auto wrong = [&](const Node& n) {
    error(n.pos, "\"" + key + "\" must be " + expected_text(spec) + ", not " + describe(n.kind));
    return std::nullopt;
  };
  switch (spec.type) {
    case ValueType::kString:
      if (node.kind != Node::Kind::kString) return wrong(node);
      if (node.text.empty()) {
        error(node.pos, "\"" + key + "\" must not be empty");
        return std::nullopt;
      }
      return Value(node.text);
    case ValueType::kBool:
      if (node.kind != Node::Kind::kBool) return wrong(node);
      return Value(node.text == "true");
    case ValueType::kInteger:
    case ValueType::kExact: {
      if (spec.type == ValueType::kInteger && node.kind != Node::Kind::kInteger) return wrong(node);
      auto v = read_exact(node, key);
      if (!v) return std::nullopt;
      if (!spec.min.empty() && *v < bound(spec.min)) {
        error(node.pos, "\"" + key + "\" must be at least " + std::string(spec.min) + ", not " +
                            format_exact_full(*v));
        return std::nullopt;
      }
      if (!spec.max.empty() && *v > bound(spec.max)) {
        error(node.pos, "\"" + key + "\" must be at most " + std::string(spec.max) + ", not " +
                            format_exact_full(*v));
        return std::nullopt;
      }
      return Value(*v);
    }
    case ValueType::kEnum: {
      auto v = read_enum(node, spec);
      if (!v) return std::nullopt;
      return Value(*v);
    }
    case ValueType::kIso3:
    case ValueType::kCurrency:
      if (node.kind != Node::Kind::kString) return wrong(node);
      if (!is_iso3(node.text)) {
        error(node.pos, "\"" + key + "\" must be " + expected_text(spec) + ", not " + quote_text(node.text));
        return std::nullopt;
      }
      return Value(node.text);
    case ValueType::kDate:
      if (node.kind != Node::Kind::kString) return wrong(node);
      if (!is_date(node.text)) {
        error(node.pos, "\"" + key + "\" must be a date \"YYYY\", \"YYYY-MM\" or \"YYYY-MM-DD\", not " +
                            quote_text(node.text));
        return std::nullopt;
      }
      return Value(node.text);
    case ValueType::kStringList:
    case ValueType::kEnumList:
    case ValueType::kIso3List:
    case ValueType::kVenueList: {
      if (node.kind != Node::Kind::kArray) return wrong(node);
      std::vector<std::string> out;
      std::set<std::string> seen;
      bool good = true;
      for (const auto& item : node.items) {
        if (item->kind != Node::Kind::kString || item->text.empty()) {
          error(item->pos, "\"" + key + "\" must be " + expected_text(spec) + "; this item is " +
                               (item->kind == Node::Kind::kString ? std::string("empty")
                                                                  : describe(item->kind)));
          good = false;
          continue;
        }
        const std::string& s = item->text;
        if (spec.type == ValueType::kEnumList) {
          if (!read_enum(*item, spec)) {
            good = false;
            continue;
          }
        } else if (spec.type == ValueType::kIso3List && !is_iso3(s)) {
          error(item->pos, quote_text(s) + " in \"" + key +
                               "\" is not an ISO3 country code (three capital letters)");
          good = false;
          continue;
        } else if (spec.type == ValueType::kVenueList &&
                   (s.size() < 5 || s[3] != ':' || !is_iso3(s.substr(0, 3)))) {
          error(item->pos, quote_text(s) + " in \"" + key + "\" must be \"ISO3:City\", such as \"FRA:Paris\"");
          good = false;
          continue;
        }
        if (!seen.insert(s).second) {
          error(item->pos, quote_text(s) + " appears twice in \"" + key + "\"");
          good = false;
          continue;
        }
        out.push_back(s);
      }
      if (!good) return std::nullopt;
      return Value(std::move(out));
    }
    case ValueType::kPoints: {
      if (node.kind != Node::Kind::kArray) return wrong(node);
      PointList points;
      for (const auto& item : node.items) {
        if (item->kind != Node::Kind::kArray || item->items.size() != 2) {
          error(item->pos, "each point of \"" + key + "\" must be a pair [x, y]");
          return std::nullopt;
        }
        auto x = read_exact(*item->items[0], key);
        auto y = read_exact(*item->items[1], key);
        if (!x || !y) return std::nullopt;
        points.emplace_back(*x, *y);
      }
      return Value(std::move(points));
    }
    case ValueType::kIdGroups: {
      if (node.kind != Node::Kind::kArray) return wrong(node);
      IdGroups groups;
      for (const auto& item : node.items) {
        if (item->kind != Node::Kind::kArray || item->items.size() < 2) {
          error(item->pos, "each entry of \"" + key + "\" must be an array of two or more ids, such as [\"dn\", \"ogp\"]");
          return std::nullopt;
        }
        std::vector<std::string> group;
        for (const auto& id : item->items) {
          if (id->kind != Node::Kind::kString || id->text.empty()) {
            error(id->pos, "\"" + key + "\" holds ids (strings); this is " + describe(id->kind));
            return std::nullopt;
          }
          group.push_back(id->text);
        }
        groups.push_back(std::move(group));
      }
      return Value(std::move(groups));
    }
    case ValueType::kTable:
      if (node.kind != Node::Kind::kTable) return wrong(node);
      return Value(true);
  }
  return std::nullopt;
}

std::string schema_keys_markdown(const Schema& schema) {
  // One list item per key, wrapped within the terminal's width (issue 18): a table of long
  // descriptions cannot wrap and ran to 400 columns.
  std::string out;
  for (const auto& k : schema.keys) {
    std::string range;
    if (!k.allowed.empty()) {
      range = "one of " + join(k.allowed);
    } else if (!k.min.empty() || !k.max.empty()) {
      range = (k.min.empty() ? std::string("..") : std::string(k.min) + "..") + std::string(k.max);
    }
    std::string type = expected_text(k);
    if (k.type == ValueType::kEnum) type = "string";
    if (k.type == ValueType::kEnumList) type = "array of strings";
    if (k.fact) type += ", as a fact table";
    std::string head = "`" + std::string(k.key) + "` (" + type + "; " + (k.required ? "required" : "optional");
    if (!range.empty()) head += "; " + range;
    if (!k.default_text.empty()) head += "; default " + std::string(k.default_text);
    out += detail::wrap(head + "): " + std::string(k.description), detail::kTextWidth, "- ", "  ");
  }
  return out;
}

}  // namespace whichforum
