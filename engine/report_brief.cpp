// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// The briefing as Markdown, self-contained printable HTML (inline CSS and SVG), CSV and JSON.
#include "engine/report.h"
#include "engine/numbers.h"
#include "engine/report_format.h"
#include "engine/report_sensitivity.h"

#include <boost/algorithm/string/join.hpp>

namespace whichforum {

using detail::amount;
using detail::csv_field;
using detail::csv_line;
using detail::html_text;
using detail::json_number;
using detail::json_string;
using detail::md_cell;

namespace {

// Figures for people in Markdown and HTML (engine/numbers.h); CSV and JSON keep exact values.
std::string costs(const std::vector<Exact>& c, const std::string& currency) {
  return display::money(c[0], currency) + ", " + display::days(c[1]) + " staff days, " + display::days(c[2]) + " ministerial days";
}

std::string plus(const Exact& x, std::string s) { return (x > 0 ? "+" : "") + s; }
std::string signed_points(const Exact& x) { return plus(x, display::points(x)); }
std::string signed_money(const Exact& x) { return plus(x, display::money_figure(x)); }
std::string signed_days(const Exact& x) { return plus(x, display::days(x)); }

std::string footer_text(const Briefing& b) {
  return "whichforum " + b.version + "; inputs " + b.input_hash + "; data: " + b.data_as_of;
}

std::string markdown(const Briefing& b) {
  std::string o = "# Forum portfolio: " + md_cell(b.country) + " (" + b.iso3 + ")\n\n";
  o += "Budget a year: " + md_cell(costs(b.budget, b.currency)) + ".\n\n## Objectives\n\n| objective | weight |\n|---|---:|\n";
  for (const auto& [name, w] : b.objectives) o += "| " + md_cell(name) + " | " + format_exact(w, 4) + " |\n";
  if (!b.feasible()) return o + "\n**No portfolio meets the constraints:** " + md_cell(b.infeasible_why) + "\n";
  o += "\n## Recommended portfolio\n\n| forum | level | value | serves | money " + md_cell(b.currency) + " | staff days | ministerial days | robustness | risks | path |\n|---|---|---:|---|---:|---:|---:|---|---|---|\n";
  for (const auto& r : b.portfolio) {
    o += "| " + md_cell(r.name) + " | " + r.level + " | " + display::points(r.value) + " | " + md_cell(boost::algorithm::join(r.serves, ", ")) + " | " +
         display::money_figure(r.cost[0]) + " | " + display::days(r.cost[1]) + " | " + display::days(r.cost[2]) + " | " + md_cell(r.robustness) + " | " +
         md_cell(boost::algorithm::join(r.risks, "; ")) + " | " + md_cell(r.path) + " |\n";
  }
  o += "\n" + md_cell(b.robustness_note) + "\n";
  o += "\nTotal value " + display::points(b.total_value) + " (after " + display::points(b.overlap_loss) + " lost to overlap, " + display::points(b.leave_loss) + " to leaving and " + display::points(b.price_total) +
       " for the resources at their price); cost " +
       md_cell(costs(b.total_cost, b.currency)) + ".\n\nFigures are rounded for reading (money to the nearest 100 below a million, days to "
       "one decimal); `--format json` has the exact ones.\n";
  if (!b.coverage.empty()) o += "\n" + md_cell(b.coverage) + "\n";
  o += "\n## Against the current memberships\n\n| forum | change | from | to | value change | money " + md_cell(b.currency) + " | staff days | ministerial days | note |\n|---|---|---|---|---:|---:|---:|---:|---|\n";
  for (const auto& c : b.changes) {
    o += "| " + md_cell(c.name) + " | " + c.action + " | " + c.from_level + " | " + c.to_level + " | " + signed_points(c.value_change) +
         " | " + signed_money(c.cost_change[0]) + " | " + signed_days(c.cost_change[1]) + " | " + signed_days(c.cost_change[2]) +
         " | " + md_cell(c.note) + " |\n";
  }
  if (b.overlap_change != 0) o += "| overlap between forums | |  |  | " + signed_points(b.overlap_change) + " |  |  |  | today's overlap losses against the recommendation's |\n";
  o += "| **total** | |  |  | **" + signed_points(b.total_value - b.current_value) + "** |  |  |  | today " + display::points(b.current_value) +
       ", recommended " + display::points(b.total_value) + " |\n";
  o += "\n## Left out\n\n| forum | why | detail |\n|---|---|---|\n";
  for (const auto& n : b.left_out) o += "| " + md_cell(n.forum) + " | " + md_cell(n.status_name()) + " | " + md_cell(n.detail) + " |\n";
  o += detail::sensitivity_markdown(b.sensitivity);
  o += "\n## Value against the money budget\n\n| money " + md_cell(b.currency) + " | value |\n|---:|---:|\n";
  for (const auto& [m, v] : b.chart) o += "| " + display::money_figure(m) + " | " + display::points(v) + " |\n";
  o += "\n## Assumptions\n\n| assumption | value | reason |\n|---|---:|---|\n";
  for (const auto& a : b.assumptions) {
    o += "| " + md_cell(a.key) + (a.overridden ? " (profile)" : "") + " | " + a.value + " | " + md_cell(a.reason) + " |\n";
  }
  o += "\n### Estimates about the chosen forums\n\n| estimate | value | reason |\n|---|---:|---|\n";
  for (const auto& a : b.estimates) {
    o += "| " + md_cell(a.key) + (a.overridden ? " (profile)" : "") + " | " + a.value + " | " + md_cell(a.reason) + " |\n";
  }
  o += "\n## Sources\n\n";
  for (const auto& s : b.sources) o += "- " + md_cell(s) + "\n";
  o += "\nSeeds are in data/seeds/; data: source ids are listed in data/SOURCES.md.\n\n---\n" + md_cell(footer_text(b)) + "\n";
  return o;
}

// An inline SVG line chart of value against the money budget, with the profile's budget marked.
std::string chart_svg(const Briefing& b) {
  if (b.chart.size() < 2) return "";
  Exact max_m = b.chart.back().first, max_v = 0;
  for (const auto& [m, v] : b.chart) max_v = std::max(max_v, v);
  if (max_m == 0) max_m = 1;
  if (max_v == 0) max_v = 1;
  const int w = 640, h = 240, left = 56, bottom = 36, top = 12, right = 16;
  auto x = [&](const Exact& m) { return format_exact(Exact(left) + m / max_m * (w - left - right), 1); };
  auto y = [&](const Exact& v) { return format_exact(Exact(h - bottom) - v / max_v * (h - bottom - top), 1); };
  std::string points;
  for (const auto& [m, v] : b.chart) points += (points.empty() ? "" : " ") + x(m) + "," + y(v);
  std::string s = "<svg viewBox=\"0 0 " + std::to_string(w) + " " + std::to_string(h) +
                  "\" role=\"img\" aria-label=\"Value against the money budget\" class=\"chart\">\n";
  s += "<line x1=\"" + std::to_string(left) + "\" y1=\"" + std::to_string(h - bottom) + "\" x2=\"" + std::to_string(w - right) +
       "\" y2=\"" + std::to_string(h - bottom) + "\" stroke=\"#444\"/>\n";
  s += "<line x1=\"" + std::to_string(left) + "\" y1=\"" + std::to_string(top) + "\" x2=\"" + std::to_string(left) + "\" y2=\"" +
       std::to_string(h - bottom) + "\" stroke=\"#444\"/>\n";
  s += "<line x1=\"" + x(b.budget[0]) + "\" y1=\"" + std::to_string(top) + "\" x2=\"" + x(b.budget[0]) + "\" y2=\"" +
       std::to_string(h - bottom) + "\" stroke=\"#b44\" stroke-dasharray=\"4 3\"/>\n";
  s += "<text x=\"" + x(b.budget[0]) + "\" y=\"" + std::to_string(top + 10) + "\" font-size=\"11\" fill=\"#b44\"> budget</text>\n";
  s += "<polyline fill=\"none\" stroke=\"#1f5f8b\" stroke-width=\"2\" points=\"" + points + "\"/>\n";
  for (const auto& [m, v] : b.chart) {
    s += "<circle cx=\"" + x(m) + "\" cy=\"" + y(v) + "\" r=\"3\" fill=\"#1f5f8b\"><title>" + display::money_figure(m) + " " +
         html_text(b.currency) + ": " + display::points(v) + "</title></circle>\n";
  }
  s += "<text x=\"" + std::to_string(left) + "\" y=\"" + std::to_string(h - 8) + "\" font-size=\"11\">0</text>\n";
  s += "<text x=\"" + std::to_string(w - right) + "\" y=\"" + std::to_string(h - 8) + "\" font-size=\"11\" text-anchor=\"end\">" +
       display::money_figure(max_m) + " " + html_text(b.currency) + "</text>\n";
  s += "<text x=\"" + std::to_string(left - 6) + "\" y=\"" + std::to_string(top + 10) + "\" font-size=\"11\" text-anchor=\"end\">" +
       display::points(max_v) + "</text>\n";
  s += "<text x=\"" + std::to_string(left - 6) + "\" y=\"" + std::to_string(h - bottom) + "\" font-size=\"11\" text-anchor=\"end\">0</text>\n";
  return s + "</svg>\n";
}

std::string html(const Briefing& b) {
  auto e = [](std::string_view s) { return html_text(s); };
  std::string o =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n"
      "<title>Forum portfolio: " + e(b.country) + "</title>\n<style>\n"
      "@page { size: A4; margin: 15mm; }\n"
      "body { font-family: 'DejaVu Sans', Arial, sans-serif; font-size: 10pt; color: #111; max-width: 190mm; margin: 0 auto; }\n"
      "h1 { font-size: 16pt; margin: 0 0 4pt; } h2 { font-size: 12pt; margin: 14pt 0 4pt; border-bottom: 1px solid #999; }\n"
      "table { border-collapse: collapse; width: 100%; margin: 4pt 0; font-size: 9pt; } th, td { border: 1px solid #bbb; padding: 2pt 4pt; vertical-align: top; text-align: left; }\n"
      "th { background: #eef2f5; } td { overflow-wrap: break-word; } td.n { text-align: right; white-space: nowrap; }\n"
      "tr { page-break-inside: avoid; } .chart { width: 100%; max-width: 160mm; height: auto; }\n"
      ".small { font-size: 8pt; color: #444; } footer { margin-top: 12pt; font-size: 8pt; color: #444; }\n"
      "@media print { h2 { page-break-after: avoid; } }\n"
      "</style>\n</head>\n<body>\n";
  o += "<h1>Forum portfolio: " + e(b.country) + " (" + e(b.iso3) + ")</h1>\n";
  o += "<p>Budget a year: " + e(costs(b.budget, b.currency)) + ".</p>\n";
  o += "<h2>Objectives</h2>\n<table><tr><th>objective</th><th>weight</th></tr>\n";
  for (const auto& [name, w] : b.objectives) o += "<tr><td>" + e(name) + "</td><td class=\"n\">" + format_exact(w, 4) + "</td></tr>\n";
  o += "</table>\n";
  if (!b.feasible()) {
    o += "<p><strong>No portfolio meets the constraints:</strong> " + e(b.infeasible_why) + "</p>\n";
  } else {
    o += "<h2>Recommended portfolio</h2>\n<table id=\"portfolio\"><tr><th>forum</th><th>level</th><th>value</th><th>serves</th>"
         "<th>money " + e(b.currency) + "</th><th>staff days</th><th>ministerial days</th><th>robustness</th><th>risks</th><th>path</th></tr>\n";
    for (const auto& r : b.portfolio) {
      o += "<tr><td>" + e(r.name) + "</td><td>" + e(r.level) + "</td><td class=\"n\">" + display::points(r.value) + "</td><td>" +
           e(boost::algorithm::join(r.serves, ", ")) + "</td><td class=\"n\">" + display::money_figure(r.cost[0]) + "</td><td class=\"n\">" + display::days(r.cost[1]) +
           "</td><td class=\"n\">" + display::days(r.cost[2]) + "</td><td>" + e(r.robustness) + "</td><td>" + e(boost::algorithm::join(r.risks, "; ")) +
           "</td><td>" + e(r.path) + "</td></tr>\n";
    }
    o += "</table>\n<p class=\"small\">" + e(b.robustness_note) + "</p>\n<p>Total value " + display::points(b.total_value) + " (after " + display::points(b.overlap_loss) + " lost to overlap, " + display::points(b.leave_loss) + " to leaving and " +
         display::points(b.price_total) + " for the resources at their price); cost " +
         e(costs(b.total_cost, b.currency)) + ".</p>\n<p class=\"small\">Figures are rounded for reading (money to the nearest 100 "
         "below a million, days to one decimal); the JSON briefing has the exact ones.</p>\n";
    if (!b.coverage.empty()) o += "<p>" + e(b.coverage) + "</p>\n";
    o += "<h2>Value against the money budget</h2>\n" + chart_svg(b);
    o += "<h2>Against the current memberships</h2>\n<table><tr><th>forum</th><th>change</th><th>from</th><th>to</th><th>value change</th>"
         "<th>money " + e(b.currency) + "</th><th>staff days</th><th>ministerial days</th><th>note</th></tr>\n";
    for (const auto& c : b.changes) {
      o += "<tr><td>" + e(c.name) + "</td><td>" + e(c.action) + "</td><td>" + e(c.from_level) + "</td><td>" + e(c.to_level) +
           "</td><td class=\"n\">" + signed_points(c.value_change) + "</td><td class=\"n\">" + signed_money(c.cost_change[0]) +
           "</td><td class=\"n\">" + signed_days(c.cost_change[1]) + "</td><td class=\"n\">" + signed_days(c.cost_change[2]) +
           "</td><td>" + e(c.note) + "</td></tr>\n";
    }
    if (b.overlap_change != 0) {
      o += "<tr><td>overlap between forums</td><td></td><td></td><td></td><td class=\"n\">" + signed_points(b.overlap_change) +
           "</td><td></td><td></td><td></td><td>today's overlap losses against the recommendation's</td></tr>\n";
    }
    o += "<tr><td><b>total</b></td><td></td><td></td><td></td><td class=\"n\"><b>" + signed_points(b.total_value - b.current_value) +
         "</b></td><td></td><td></td><td></td><td>today " + display::points(b.current_value) + ", recommended " + display::points(b.total_value) + "</td></tr>\n";
    o += "</table>\n<h2>Left out</h2>\n<table><tr><th>forum</th><th>why</th><th>detail</th></tr>\n";
    for (const auto& n : b.left_out) o += "<tr><td>" + e(n.forum) + "</td><td>" + e(n.status_name()) + "</td><td>" + e(n.detail) + "</td></tr>\n";
    o += "</table>\n" + detail::sensitivity_html(b.sensitivity);
  }
  o += "<h2>Assumptions</h2>\n<table class=\"small\"><tr><th>assumption</th><th>value</th><th>reason</th></tr>\n";
  for (const auto& a : b.assumptions) {
    o += "<tr><td>" + e(a.key) + (a.overridden ? " (profile)" : "") + "</td><td class=\"n\">" + e(a.value) + "</td><td>" + e(a.reason) + "</td></tr>\n";
  }
  o += "</table>\n<h2>Estimates about the chosen forums</h2>\n<table class=\"small\"><tr><th>estimate</th><th>value</th><th>reason</th></tr>\n";
  for (const auto& a : b.estimates) {
    o += "<tr><td>" + e(a.key) + (a.overridden ? " (profile)" : "") + "</td><td class=\"n\">" + e(a.value) + "</td><td>" + e(a.reason) + "</td></tr>\n";
  }
  o += "</table>\n<h2>Sources</h2>\n<ul class=\"small\">\n";
  for (const auto& s : b.sources) o += "<li>" + e(s) + "</li>\n";
  o += "</ul>\n<p class=\"small\">Seeds are in data/seeds/; data: source ids are listed in data/SOURCES.md.</p>\n";
  o += "<footer>" + e(footer_text(b)) + "</footer>\n</body>\n</html>\n";
  return o;
}

std::string csv(const Briefing& b) {
  auto num = [](const Exact& x) { return csv_field(format_exact(x, 6), true); };
  std::string o = csv_line({"section", "forum", "level", "value", "money", "staff_days", "ministerial_days", "detail"});
  for (const auto& [name, w] : b.objectives) o += csv_line({"objective", csv_field(name), "", num(w), "", "", "", ""});
  for (const auto& r : b.portfolio) {
    o += csv_line({"portfolio", csv_field(r.name), csv_field(r.level), num(r.value), num(r.cost[0]), num(r.cost[1]), num(r.cost[2]),
                   csv_field("serves: " + boost::algorithm::join(r.serves, ", ") + "; robustness: " + r.robustness +
                             (r.risks.empty() ? "" : "; risks: " + boost::algorithm::join(r.risks, "; ")) + "; " + r.path)});
  }
  if (b.feasible()) {
    o += csv_line({"total", "", "", num(b.total_value), num(b.total_cost[0]), num(b.total_cost[1]), num(b.total_cost[2]),
                   csv_field("overlap loss " + format_exact(b.overlap_loss, 6))});
  } else {
    o += csv_line({"infeasible", "", "", "", "", "", "", csv_field(b.infeasible_why)});
  }
  for (const auto& c : b.changes) {
    o += csv_line({"change", csv_field(c.name), csv_field(c.action + ": " + c.from_level + " -> " + c.to_level), num(c.value_change),
                   num(c.cost_change[0]), num(c.cost_change[1]), num(c.cost_change[2]), csv_field(c.note)});
  }
  if (b.feasible()) {
    o += csv_line({"change", "overlap between forums", "", num(b.overlap_change), "", "", "", ""});
    o += csv_line({"change_total", "", "", num(b.total_value - b.current_value), "", "", "",
                   csv_field("today " + format_exact(b.current_value, 6) + ", recommended " + format_exact(b.total_value, 6))});
  }
  for (const auto& n : b.left_out) o += csv_line({"left_out", csv_field(n.forum), csv_field(n.status_name()), "", "", "", "", csv_field(n.detail)});
  // One row per case: the priority in `forum`, its case in `level`, its weight after in `value`.
  for (const auto& c : b.sensitivity.cases) {
    o += csv_line({"sensitivity", csv_field(std::string(enum_name(c.kind)) + ":" + c.id), csv_field(c.factor == 0 ? "at 0" : "x" + format_exact(c.factor)), num(c.after), "", "", "",
                   csv_field(priority_case_text(c))});
  }
  for (const auto& a : b.assumptions) {
    o += csv_line({"assumption", csv_field(a.key), "", csv_field(a.value, parse_exact(a.value).has_value()), "", "", "", csv_field(a.reason)});
  }
  for (const auto& s : b.sources) o += csv_line({"source", "", "", "", "", "", "", csv_field(s)});
  o += csv_line({"footer", "", "", "", "", "", "", csv_field(footer_text(b))});
  return o;
}

std::string json(const Briefing& b) {
  auto cost = [](const std::vector<Exact>& v) { return detail::json_resources(v); };
  auto strs = [](const std::vector<std::string>& xs) {
    std::string s = "[";
    for (size_t i = 0; i < xs.size(); ++i) s += (i ? ", " : "") + json_string(xs[i]);
    return s + "]";
  };
  std::string o = "{\"schema\": \"whichforum.brief/1\", \"country\": " + json_string(b.iso3) + ", \"name\": " + json_string(b.country) +
                  ", \"currency\": " + json_string(b.currency) + ",\n \"budget\": " + cost(b.budget) + ",\n \"objectives\": [";
  for (size_t i = 0; i < b.objectives.size(); ++i) {
    o += (i ? ", " : "") + std::string("{\"objective\": ") + json_string(b.objectives[i].first) + ", \"weight\": " + json_number(b.objectives[i].second) + "}";
  }
  o += "],\n \"feasible\": " + std::string(b.feasible() ? "true" : "false");
  if (!b.feasible()) o += ", \"infeasible\": " + json_string(b.infeasible_why);
  o += ",\n \"portfolio\": [";
  for (size_t i = 0; i < b.portfolio.size(); ++i) {
    const auto& r = b.portfolio[i];
    o += std::string(i ? ",\n  " : "\n  ") + "{\"forum\": " + json_string(r.forum) + ", \"option\": " + json_string(r.option) +
         ", \"option_name\": " + json_string(r.level) + ", \"eligibility\": {\"status\": " + json_string(r.eligibility) + "}" +
         ", \"value\": " + json_number(r.value) + ", \"serves\": " + strs(r.serves) + ", \"cost\": " + cost(r.cost) +
         ", \"robustness\": " +
         (r.robust ? "{\"core_index\": " + json_number(r.robust->core_index) + ", \"label\": " + json_string(r.robust->label_name()) +
                         ", \"acceptability\": " + json_number(r.robust->acceptability) + ", \"half_width\": " +
                         json_number(r.robust->half_width) + "}"
                   : std::string("null")) +
         ", \"risks\": " + strs(r.risks) + ", \"path\": " + json_string(r.path) + "}";
  }
  o += "],\n \"total\": {\"value\": " + json_number(b.total_value) + ", \"overlap_loss\": " + json_number(b.overlap_loss) +
       ", \"leave_loss\": " + json_number(b.leave_loss) +
       ", \"price\": " + json_number(b.price_total) + ", \"current_value\": " + json_number(b.current_value) +
       ", \"overlap_change\": " + json_number(b.overlap_change) +
       (b.feasible() ? ", \"cost\": " + cost(b.total_cost) : "") + "},\n \"changes\": [";
  for (size_t i = 0; i < b.changes.size(); ++i) {
    const auto& c = b.changes[i];
    o += std::string(i ? ",\n  " : "\n  ") + "{\"forum\": " + json_string(c.forum) + ", \"action\": " + json_string(c.action) +
         ", \"from\": " + json_string(c.from_level) + ", \"to\": " + json_string(c.to_level) + ", \"value_change\": " +
         json_number(c.value_change) + ", \"cost_change\": " + cost(c.cost_change) + ", \"note\": " + json_string(c.note) + "}";
  }
  o += "],\n \"left_out\": [";
  for (size_t i = 0; i < b.left_out.size(); ++i) {
    const auto& n = b.left_out[i];
    o += std::string(i ? ",\n  " : "\n  ") + "{\"forum\": " + json_string(n.forum) + ", \"status\": " + json_string(n.status_name()) +
         ", \"detail\": " + json_string(n.detail) + "}";
  }
  o += "],\n \"assumptions\": {";
  for (size_t i = 0; i < b.assumptions.size(); ++i) {
    // Numbers as numbers; the theme priorities and languages are text.
    const std::string& v = b.assumptions[i].value;
    o += (i ? ", " : "") + json_string(b.assumptions[i].key) + ": " + (parse_exact(v) ? v : json_string(v));
  }
  o += "},\n \"sensitivity\": [";
  for (size_t i = 0; i < b.sensitivity.cases.size(); ++i) o += std::string(i ? ",\n  " : "\n  ") + detail::sensitivity_json(b.sensitivity.cases[i]);
  o += "],\n \"chart\": [";
  for (size_t i = 0; i < b.chart.size(); ++i) {
    o += (i ? ", " : "") + std::string("{\"money\": ") + json_number(b.chart[i].first) + ", \"value\": " + json_number(b.chart[i].second) + "}";
  }
  o += "],\n \"sources\": " + strs(b.sources) + ",\n \"footer\": {\"version\": " + json_string(b.version) + ", \"inputs\": " +
       json_string(b.input_hash) + ", \"data\": " + json_string(b.data_as_of) + "}}\n";
  return o;
}

}  // namespace

std::string render_brief(const Briefing& b, BriefFormat format) {
  switch (format) {
    case BriefFormat::kMarkdown: return markdown(b);
    case BriefFormat::kHtml: return html(b);
    case BriefFormat::kCsv: return csv(b);
    case BriefFormat::kJson: return json(b);
  }
  return "";
}

}  // namespace whichforum
