// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Reading a criterion file and evaluating its piecewise-linear value functions.
#include "engine/criterion.h"

#include "engine/spelling.h"

#include <algorithm>
#include <cctype>

namespace whichforum {

Exact ValueFunction::at(const Exact& x) const {
  if (x <= points.front().first) return points.front().second;
  if (x >= points.back().first) return points.back().second;
  for (size_t i = 1; i < points.size(); ++i) {
    const auto& [x1, y1] = points[i];
    if (x <= x1) {
      const auto& [x0, y0] = points[i - 1];
      return y0 + (y1 - y0) * (x - x0) / (x1 - x0);
    }
  }
  return points.back().second;
}

Exact Criterion::factor(std::string_view level) const {
  auto it = level_factor.find(std::string(level));
  return it == level_factor.end() ? Exact(0) : it->second;
}

Exact ThemeRelevance::at(const std::string& theme) const {
  auto it = by_theme.find(theme);
  return it == by_theme.end() ? value : it->second;
}

namespace criterion_read {

namespace {

bool function(SchemaReader& reader, const Node& node, ValueFunction* out) {
  if (!reader.expect_table(node, "function")) return false;
  if (!reader.check_keys(node, value_function_schema())) return false;
  out->pos = node.pos;
  if (!value_function_fields().read(reader, node, *out)) return false;
  if (!check_provenance(reader, node, "function " + out->indicator, &out->prov)) return false;
  const Node* pts = node.find("points");
  if (out->points.size() < 2) {
    reader.error(pts->pos, "\"points\" of function \"" + out->indicator + "\" needs at least two points");
    return false;
  }
  for (size_t i = 0; i < out->points.size(); ++i) {
    const auto& [x, y] = out->points[i];
    if (i > 0 && x <= out->points[i - 1].first) {
      reader.error(pts->items[i]->pos, "x values of \"points\" must increase; " + format_exact_full(x) +
                                           " follows " + format_exact_full(out->points[i - 1].first));
      return false;
    }
    if (y < 0 || y > 1) {
      reader.error(pts->items[i]->pos, "y values of \"points\" must lie in 0..1, not " + format_exact_full(y));
      return false;
    }
  }
  return true;
}

}  // namespace

bool id(SchemaReader& reader, const Node& node, const KeySpec& spec, CriterionDraft& c) {
  auto v = reader.read(node, spec);
  if (!v) return false;
  const std::string& s = std::get<std::string>(*v);
  c.id = s;
  // "ranking" and "ahp" are keys of a profile's [objectives], so they cannot be objective ids.
  bool good = !s.empty() && std::islower(static_cast<unsigned char>(s[0])) != 0 && s != "ranking" && s != "ahp";
  for (char ch : s) {
    good = good && (std::islower(static_cast<unsigned char>(ch)) || std::isdigit(static_cast<unsigned char>(ch)) || ch == '_');
  }
  if (!good) {
    reader.error(node.pos, "criterion id \"" + s + "\" must be lowercase letters, digits and _, starting with a "
                           "letter, and not \"ranking\" or \"ahp\"");
    return false;
  }
  if (!c.expected_id.empty() && s != c.expected_id) {
    reader.error(node.pos, "criterion id \"" + s + "\" differs from the file name \"" +
                               std::string(c.expected_id) + ".toml\"");
    return false;
  }
  return true;
}

bool evidence(SchemaReader& reader, const Node& node, CriterionDraft& c) {
  if (node.kind != Node::Kind::kArray || node.items.empty()) {
    reader.error(node.pos, "\"evidence\" must be a non-empty array of { source, quote, as_of } tables");
    return false;
  }
  bool good = true;
  for (const auto& item : node.items) {
    Provenance p;
    if (!reader.expect_table(*item, "evidence") || !reader.check_keys(*item, provenance_schema(), "evidence") ||
        !read_provenance(reader, *item, "evidence", &p)) {
      good = false;
      continue;
    }
    c.evidence.push_back(p);
  }
  return good;
}

bool level_factor(SchemaReader& reader, const Node& node, CriterionDraft& c) {
  if (!reader.expect_table(node, "level_factor")) return false;
  if (!reader.check_keys(node, level_factor_schema())) return false;
  return level_factor_fields().read(reader, node, c);
}

bool functions(SchemaReader& reader, const Node& node, CriterionDraft& c) {
  if (node.kind != Node::Kind::kArray || node.items.empty()) {
    reader.error(node.pos, "\"function\" must be one or more [[function]] tables");
    return false;
  }
  bool good = true;
  for (const auto& item : node.items) {
    ValueFunction f;
    if (function(reader, *item, &f)) {
      c.functions.push_back(std::move(f));
    } else {
      good = false;
    }
  }
  return good;
}

bool theme_relevance(SchemaReader& reader, const Node& node, CriterionDraft& c) {
  if (!reader.expect_table(node, "theme_relevance")) return false;
  if (!reader.check_keys(node, theme_relevance_schema())) return false;
  ThemeRelevance& r = c.theme_relevance;
  if (!theme_relevance_fields().read(reader, node, r)) return false;
  if (const Node* by = node.find("by_theme")) {
    if (!reader.expect_table(*by, "by_theme")) return false;
    const auto& allowed = forum_schema().find("themes")->allowed;
    const std::vector<std::string> themes(allowed.begin(), allowed.end());
    bool good = true;
    for (const auto& m : by->members) {
      if (std::find(themes.begin(), themes.end(), m.key) == themes.end()) {
        reader.error(m.key_pos, "unknown theme \"" + m.key + "\" in theme_relevance.by_theme" + did_you_mean(m.key, themes) +
                                    " (see: whichforum schema forum)");
        good = false;
        continue;
      }
      KeySpec spec{.key = m.key, .type = ValueType::kExact, .min = "0", .max = "1", .default_text = "", .description = "relevance of one theme"};
      auto v = reader.read(*m.node(), spec);
      if (!v) {
        good = false;
        continue;
      }
      r.by_theme[m.key] = std::get<Exact>(*v);
    }
    if (!good) return false;
  }
  return check_provenance(reader, node, "theme_relevance", &r.prov);
}

namespace {

bool barrier(SchemaReader& reader, const Node& node, std::string_view key, const Fields<FitBarrier>& fields,
             std::optional<FitBarrier>* out) {
  if (!reader.expect_table(node, key)) return false;
  if (!reader.check_keys(node, fields.schema())) return false;
  FitBarrier b;
  if (!fields.read(reader, node, b)) return false;
  if (!check_provenance(reader, node, std::string(key), &b.prov)) return false;
  *out = std::move(b);
  return true;
}

}  // namespace

bool language_barrier(SchemaReader& reader, const Node& node, CriterionDraft& c) {
  return barrier(reader, node, "language_barrier", language_barrier_fields(), &c.language_barrier);
}

bool outside_region(SchemaReader& reader, const Node& node, CriterionDraft& c) {
  return barrier(reader, node, "outside_region", outside_region_fields(), &c.outside_region);
}

}  // namespace criterion_read

Result<Criterion> parse_criterion(const Document& doc, std::string_view expected_id) {
  Result<Criterion> result;
  SchemaReader reader(doc, &result.diagnostics);
  const Schema& cs = criterion_schema();
  const Node& root = doc.root;
  if (!reader.check_kind(root, cs)) return result;
  reader.check_keys(root, cs);
  CriterionDraft c;
  c.source = doc.source;
  c.expected_id = expected_id;
  criterion_fields().read(reader, root, c);
  if (result.diagnostics.ok() && !c.functions.empty()) {
    Exact total = 0;
    for (const auto& f : c.functions) total += f.weight;
    if (total != 1) {
      reader.error(root.key_pos("function"), "the weights of the [[function]] tables of criterion \"" +
                                                 c.id + "\" add up to " + format_exact_full(total) +
                                                 "; they must add up to 1");
    }
  }
  if (result.diagnostics.ok()) result.value = std::move(static_cast<Criterion&>(c));
  return result;
}

}  // namespace whichforum
