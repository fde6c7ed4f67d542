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
using detail::kTextWidth;

namespace {

// Figures for people in Markdown and HTML (engine/numbers.h); CSV and JSON keep exact values.
std::string costs(const std::vector<Exact>& c, const std::string& currency) {
  return display::money(c[0], currency) + ", " + display::days_of(c[1], "staff") + ", " + display::days_of(c[2], "ministerial");
}

std::string plus(const Exact& x, std::string s) { return (x > 0 ? "+" : "") + s; }
std::string capital(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}
std::string signed_points(const Exact& x) { return plus(x, display::points(x)); }
std::string signed_money(const Exact& x) { return plus(x, display::money_figure(x)); }
std::string signed_days(const Exact& x) { return plus(x, display::days(x)); }

std::string footer_text(const Briefing& b) {
  return "whichforum " + b.version + "; inputs " + b.input_hash + "; data: " + b.data_as_of;
}

// A Markdown paragraph or list item wrapped within the terminal's width (issue 18 item 4): a
// briefing read with `cat` fits 100 columns as the text reports do; Markdown joins the lines.
std::string para(std::string_view text) { return detail::wrap(md_cell(text), kTextWidth) + "\n"; }
std::string item(std::string_view text) { return detail::wrap(md_cell(text), kTextWidth, "- ", "  "); }

std::string serves_words(const BriefRow& r) {
  std::vector<std::string> names;
  for (const auto& n : r.serves) names.push_back(detail::mid_sentence(n));
  return detail::join_words(names);
}

std::string change_why(const Briefing& b, const ChangeRow& c) {
  if (!c.note.empty()) return c.note;
  for (const auto& r : b.portfolio) {
    if (r.forum == c.forum && !r.serves.empty()) return "serves mostly " + serves_words(r);
  }
  return "";
}

// Page one lists what changes first: joins, upgrades, downgrades and leaves, then what is kept,
// then what another ministry holds; forum id order within each (the annex keeps id order).
std::vector<ChangeRow> page_one_order(const std::vector<ChangeRow>& rows) {
  static const std::vector<std::string> order{"join", "upgrade", "downgrade", "leave", "keep", "coordinate"};
  auto rank = [&](const ChangeRow& c) { return std::find(order.begin(), order.end(), c.action) - order.begin(); };
  std::vector<ChangeRow> out = rows;
  std::stable_sort(out.begin(), out.end(), [&](const ChangeRow& x, const ChangeRow& y) { return rank(x) < rank(y); });
  return out;
}

std::string change_words(const ChangeRow& c) {
  if (c.action == "keep") return "Keep " + c.name + " as " + c.to_option;
  if (c.action == "join") return "Join " + c.name + " as " + c.to_option;
  if (c.action == "leave") return "Leave " + c.name + " (" + c.from_option + ")";
  if (c.action == "coordinate") return "Coordinate on " + c.name;
  return capital(c.action) + " " + c.name + " from " + c.from_option + " to " + c.to_option;
}

// Paragraphs end in a blank line and headings start after one: at most one blank line between.
std::string single_blank_lines(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '\n' && out.size() >= 2 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') continue;
    out += c;
  }
  while (out.size() >= 2 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') out.pop_back();
  return out;
}

std::string budget_words(const Briefing& b) { return costs(b.budget, b.currency); }

std::string weights_words(const Briefing& b) {
  std::string s;
  for (const auto& [name, w] : b.objectives) s += (s.empty() ? "" : ", ") + name + " " + display::percent(w * 100);
  return s;
}

std::string chart_step_words(const ChartPoint& p) {
  std::vector<std::string> parts;
  if (!p.entered.empty()) parts.push_back("enters: " + boost::algorithm::join(p.entered, ", "));
  if (!p.left.empty()) parts.push_back("leaves: " + boost::algorithm::join(p.left, ", "));
  return boost::algorithm::join(parts, "; ");
}

std::string markdown(const Briefing& b) {
  std::string o = "# Forum portfolio: " + md_cell(b.country) + " (" + b.iso3 + ")\n\n";
  // Page one: the decision, the changes, the trade-off, how sure.
  o += "## The decision\n\n";
  std::string summary;
  for (const auto& s : b.summary) summary += (summary.empty() ? "" : " ") + s;
  o += para(summary);
  o += para("Budget a year: " + budget_words(b) + ". Weights: " + weights_words(b) + ".");
  if (!b.feasible()) return single_blank_lines(o + "\n---\n" + para(footer_text(b)));
  o += "\n## Changes against today\n\n";
  for (const auto& c : page_one_order(b.changes)) {
    const std::string why = change_why(b, c);
    o += item(change_words(c) + (why.empty() ? "" : ": " + why) + ".");
  }
  if (!b.trade_offs.empty()) {
    o += "\n## The key trade-off\n\n";
    for (const auto& t : b.trade_offs) o += item(t);
  }
  if (!b.how_sure.empty()) o += "\n## How sure\n\n" + para(b.how_sure);

  // Annexes.
  o += "\n## Annex A. Charts in figures\n\n### Coverage by objective\n\n| objective | today | recommended |\n|---|---:|---:|\n";
  for (const auto& r : b.coverage_rows) {
    o += "| " + md_cell(r.objective) + " | " + display::percent(r.today) + " | " + display::percent(r.recommended) + " |\n";
  }
  o += "| **all, at the weights** | **" + display::percent(b.current_coverage) + "** | **" + display::percent(b.coverage_total) + "** |\n";
  o += "\n### Resources used against the budgets\n\n| resource | today | recommended | budget |\n|---|---:|---:|---:|\n";
  for (size_t r = 0; r < b.resources.size() && r < b.budget.size(); ++r) {
    auto fig = [&](const Exact& x) { return r == 0 ? display::money(x, b.currency) : display::days(x); };
    o += "| " + md_cell(b.resources[r]) + " | " + (r < b.current_cost.size() ? fig(b.current_cost[r]) : "") + " | " +
         fig(b.total_cost[r]) + " | " + fig(b.budget[r]) + " |\n";
  }
  o += "\n### Value against the money budget\n\n";
  if (b.chart.empty()) {
    o += para("No curve: the money budget is 0, or the sweep passed the search limit.");
  } else {
    o += "| money " + md_cell(b.currency) + " | value |\n|---:|---:|\n";
    for (const auto& p : b.chart) o += "| " + display::money_figure(p.money) + " | " + display::points(p.value) + " |\n";
    o += "\n";
    for (const auto& p : b.chart) {
      const std::string w = chart_step_words(p);
      if (!w.empty()) o += item("At " + display::money(p.money, b.currency) + ": " + w + ".");
    }
  }

  o += "\n## Annex B. The recommended portfolio\n\n";
  for (const auto& r : b.portfolio) {
    // A list item, not a heading: a heading cannot wrap, and forum names run to 100 characters.
    std::string d = "**" + md_cell(r.name) + "**, " + md_cell(r.level) + ". Value " + display::points(r.value) + " points; " +
                    md_cell(costs(r.cost, b.currency)) + " a year.";
    if (!r.serves.empty()) d += " Serves mostly " + md_cell(serves_words(r)) + ".";
    d += " Robustness: " + md_cell(r.robustness) + ".";
    if (!r.risks.empty()) d += " Risks: " + md_cell(boost::algorithm::join(r.risks, "; ")) + ".";
    d += " Path: " + md_cell(r.path) + ".";
    o += detail::wrap(d, kTextWidth, "- ", "  ");
  }
  o += "\n";
  o += para(b.robustness_note);
  o += "\n" + para("Total value " + display::points(b.total_value) + " (after " + display::points(b.overlap_loss) + " lost to overlap, " +
                   display::points(b.leave_loss) + " to leaving and " + display::points(b.price_total) +
                   " for the resources at their price); cost " + costs(b.total_cost, b.currency) + ".");
  o += "\n" + para("Figures are rounded for reading (money to the nearest 100 below a million, days to one decimal); "
                   "`--format json` has the exact ones.");
  if (!b.coverage.empty()) o += "\n" + para(b.coverage);
  o += "\n## Annex C. Against the current memberships\n\n| forum | change | value | money " + md_cell(b.currency) +
       " | staff days | ministerial days |\n|---|---|---:|---:|---:|---:|\n";
  for (const auto& c : b.changes) {
    o += "| " + md_cell(c.forum) + " | " + c.action + " | " + signed_points(c.value_change) + " | " + signed_money(c.cost_change[0]) + " | " +
         signed_days(c.cost_change[1]) + " | " + signed_days(c.cost_change[2]) + " |\n";
  }
  if (b.overlap_change != 0) o += "| overlap between forums | | " + signed_points(b.overlap_change) + " | | | |\n";
  o += "| **total** | | **" + signed_points(b.total_value - b.current_value) + "** | | | |\n\n";
  o += para("The overlap row is today's overlap losses against the recommendation's; the total is the recommended value " +
            display::points(b.total_value) + " against today's " + display::points(b.current_value) + ".");
  o += "\n";
  for (const auto& c : b.changes) {
    if (c.note.empty()) continue;
    o += item(c.name + " (" + c.action + (c.from_level.empty() ? "" : ", from " + c.from_level) + (c.to_level.empty() ? "" : ", to " + c.to_level) +
              "): " + c.note + ".");
  }
  o += "\n## Annex D. Left out\n\n";
  for (const auto& n : b.left_out) o += item(n.forum + " (" + n.status_name() + "): " + n.detail);
  o += detail::sensitivity_markdown(b.sensitivity);
  o += "\n## Annex F. Assumptions\n\n";
  for (const auto& a : b.assumptions) {
    o += item(a.key + (a.overridden ? " (profile)" : "") + " = " + a.value + ": " + a.reason);
  }
  o += "\n### Estimates about the chosen forums\n\n";
  for (const auto& a : b.estimates) {
    o += item(a.key + (a.overridden ? " (profile)" : "") + " = " + a.value + ": " + a.reason);
  }
  o += "\n## Annex G. Sources\n\n";
  for (const auto& s : b.sources) o += item(s);
  o += "\n" + para("Seeds are in data/seeds/; data: source ids are listed in data/SOURCES.md.") + "\n---\n" + para(footer_text(b));
  return single_blank_lines(o);
}

std::string num(int v) { return std::to_string(v); }

// Inline SVG (no scripts, printable). Coordinates are exact fractions rounded to 0.1 px.
std::string px(const Exact& v) { return format_exact(v, 1); }

std::string svg_open(int w, int h, const std::string& label) {
  return "<svg viewBox=\"0 0 " + num(w) + " " + num(h) + "\" role=\"img\" aria-label=\"" + html_text(label) + "\" class=\"chart\">\n";
}

std::string svg_text(const std::string& x, const std::string& y, const std::string& text, const std::string& extra = "") {
  return "<text x=\"" + x + "\" y=\"" + y + "\" font-size=\"11\"" + extra + ">" + html_text(text) + "</text>\n";
}

std::string svg_rect(const std::string& x, const std::string& y, const std::string& w, const std::string& h, const std::string& fill) {
  return "<rect x=\"" + x + "\" y=\"" + y + "\" width=\"" + w + "\" height=\"" + h + "\" fill=\"" + fill + "\"/>\n";
}

const char* kToday = "#9aa7b1";
const char* kRecommended = "#1f5f8b";

std::string legend(int x, int y) {
  return svg_rect(num(x), num(y - 9), "10", "10", kToday) + svg_text(num(x + 14), num(y), "today") +
         svg_rect(num(x + 70), num(y - 9), "10", "10", kRecommended) + svg_text(num(x + 84), num(y), "recommended");
}

// Each objective's coverage today and with the recommendation, as paired bars on 0..100%.
std::string coverage_svg(const Briefing& b) {
  if (b.coverage_rows.empty()) return "";
  const int w = 640, left = 230, right = 50, row = 30, top = 22;
  const int h = top + row * static_cast<int>(b.coverage_rows.size() + 1) + 6;
  const int bar_w = w - left - right;
  std::string s = svg_open(w, h, "Coverage by objective, today and recommended") + legend(left, 12);
  auto bar = [&](int y, const Exact& share, const char* fill) {
    const Exact len = share / 100 * bar_w;
    return svg_rect(num(left), num(y), px(len), "10", fill) +
           svg_text(px(Exact(left) + len + 4), num(y + 9), display::percent(share), " font-size=\"10\"");
  };
  int y = top;
  for (const auto& r : b.coverage_rows) {
    s += svg_text(num(left - 6), num(y + 14), r.objective, " text-anchor=\"end\" font-size=\"10\"");
    s += bar(y + 2, r.today, kToday) + bar(y + 14, r.recommended, kRecommended);
    y += row;
  }
  s += svg_text(num(left - 6), num(y + 14), "all, at the weights", " text-anchor=\"end\" font-weight=\"bold\"");
  s += bar(y + 2, b.current_coverage, kToday) + bar(y + 14, b.coverage_total, kRecommended);
  s += "<line x1=\"" + num(left) + "\" y1=\"" + num(top) + "\" x2=\"" + num(left) + "\" y2=\"" + num(h - 4) + "\" stroke=\"#444\"/>\n";
  return s + "</svg>\n";
}

// Each budget: what today's memberships and the recommendation use, against the budget (dashed).
std::string resources_svg(const Briefing& b) {
  const size_t n = std::min(b.resources.size(), b.budget.size());
  if (n == 0 || b.total_cost.size() < n) return "";
  const int w = 640, left = 130, right = 190, row = 40, top = 22;
  const int h = top + row * static_cast<int>(n) + 4;
  const int bar_w = w - left - right;
  std::string s = svg_open(w, h, "Resources used against each budget") + legend(left, 12);
  int y = top;
  for (size_t r = 0; r < n; ++r) {
    const Exact today = r < b.current_cost.size() ? b.current_cost[r] : Exact(0);
    Exact scale = std::max({b.budget[r], today, b.total_cost[r]});
    if (scale == 0) scale = 1;
    auto fig = [&](const Exact& x) { return r == 0 ? display::money(x, b.currency) : display::days(x) + " days"; };
    std::string name = b.resources[r];
    std::replace(name.begin(), name.end(), '_', ' ');
    s += svg_text(num(left - 6), num(y + 19), name, " text-anchor=\"end\"");
    const Exact lt = today / scale * bar_w, lr = b.total_cost[r] / scale * bar_w, lb = b.budget[r] / scale * bar_w;
    s += svg_rect(num(left), num(y + 3), px(lt), "11", kToday) + svg_rect(num(left), num(y + 16), px(lr), "11", kRecommended);
    s += "<line x1=\"" + px(Exact(left) + lb) + "\" y1=\"" + num(y) + "\" x2=\"" + px(Exact(left) + lb) + "\" y2=\"" + num(y + 30) +
         "\" stroke=\"#b44\" stroke-dasharray=\"4 3\"/>\n";
    // The budget is the dashed line; the figures go to the right, clear of the bars.
    s += svg_text(num(w - right + 10), num(y + 10), "today " + fig(today), " font-size=\"9.5\"");
    s += svg_text(num(w - right + 10), num(y + 22), "recommended " + fig(b.total_cost[r]), " font-size=\"9.5\"");
    s += svg_text(num(w - right + 10), num(y + 34), "budget " + fig(b.budget[r]), " font-size=\"9.5\" fill=\"#b44\"");
    y += row;
  }
  return s + "</svg>\n";
}

// Value against the money budget; each point where the optimum changes is numbered, and the
// list after the chart says what enters and leaves there.
std::string chart_svg(const Briefing& b) {
  if (b.chart.size() < 2) return "";
  // The value axis runs from the lowest point or 0 (leaving costs can make a small budget's
  // optimum negative) to the highest.
  Exact max_m = b.chart.back().money, max_v = 0, min_v = 0;
  for (const auto& p : b.chart) max_v = std::max(max_v, p.value), min_v = std::min(min_v, p.value);
  if (max_m == 0) max_m = 1;
  if (max_v == min_v) max_v = min_v + 1;
  const int w = 640, h = 260, left = 56, bottom = 44, top = 16, right = 16;
  auto x = [&](const Exact& m) { return px(Exact(left) + m / max_m * (w - left - right)); };
  // Exact, not auto: Boost's expression template of the sum would refer to its temporaries.
  auto yv = [&](const Exact& v) -> Exact { return Exact(h - bottom) - (v - min_v) / (max_v - min_v) * (h - bottom - top); };
  auto y = [&](const Exact& v) { return px(yv(v)); };
  std::string points;
  for (const auto& p : b.chart) points += (points.empty() ? "" : " ") + x(p.money) + "," + y(p.value);
  std::string s = svg_open(w, h, "Value against the money budget");
  s += "<line x1=\"" + num(left) + "\" y1=\"" + y(Exact(0)) + "\" x2=\"" + num(w - right) + "\" y2=\"" + y(Exact(0)) + "\" stroke=\"#444\"/>\n";
  s += "<line x1=\"" + num(left) + "\" y1=\"" + num(top) + "\" x2=\"" + num(left) + "\" y2=\"" + num(h - bottom) + "\" stroke=\"#444\"/>\n";
  s += "<line x1=\"" + x(b.budget[0]) + "\" y1=\"" + num(top) + "\" x2=\"" + x(b.budget[0]) + "\" y2=\"" + num(h - bottom) +
       "\" stroke=\"#b44\" stroke-dasharray=\"4 3\"/>\n";
  s += svg_text(x(b.budget[0]), num(top + 10), " budget " + display::money(b.budget[0], b.currency), " fill=\"#b44\"");
  s += "<polyline fill=\"none\" stroke=\"#1f5f8b\" stroke-width=\"2\" points=\"" + points + "\"/>\n";
  int mark = 0;
  for (const auto& p : b.chart) {
    s += "<circle cx=\"" + x(p.money) + "\" cy=\"" + y(p.value) + "\" r=\"3\" fill=\"#1f5f8b\"><title>" + html_text(display::money(p.money, b.currency)) +
         ": " + display::points(p.value) + "</title></circle>\n";
    if (!p.entered.empty() || !p.left.empty()) {
      s += svg_text(x(p.money), px(yv(p.value) - 7), std::to_string(++mark), " text-anchor=\"middle\" font-weight=\"bold\"");
    }
  }
  s += svg_text(num(left), num(h - bottom + 14), "0");
  s += svg_text(num(w - right), num(h - bottom + 14), display::money(max_m, b.currency), " text-anchor=\"end\"");
  s += svg_text(num((left + w - right) / 2), num(h - 8), "money budget a year", " text-anchor=\"middle\"");
  s += svg_text(num(left - 6), num(top + 10), display::points(max_v), " text-anchor=\"end\"");
  s += svg_text(num(left - 6), y(Exact(0)), "0", " text-anchor=\"end\"");
  if (min_v < 0) s += svg_text(num(left - 6), num(h - bottom), display::points(min_v), " text-anchor=\"end\"");
  s += svg_text("12", num((top + h - bottom) / 2), "value (points)", " text-anchor=\"middle\" transform=\"rotate(-90 12 " + num((top + h - bottom) / 2) + ")\"");
  s += "</svg>\n<ol class=\"small steps\">\n";
  for (const auto& p : b.chart) {
    if (p.entered.empty() && p.left.empty()) continue;
    s += "<li>At " + html_text(display::money(p.money, b.currency)) + " (value " + display::points(p.value) + "): " + html_text(chart_step_words(p)) + "</li>\n";
  }
  return s + "</ol>\n";
}

std::string html(const Briefing& b) {
  auto e = [](std::string_view s) { return html_text(s); };
  std::string o =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n"
      "<title>Forum portfolio: " + e(b.country) + "</title>\n<style>\n"
      "@page { size: A4; margin: 15mm; }\n"
      "body { font-family: 'DejaVu Sans', Arial, sans-serif; font-size: 10pt; color: #111; max-width: 190mm; margin: 0 auto; }\n"
      "h1 { font-size: 16pt; margin: 0 0 4pt; } h2 { font-size: 12pt; margin: 12pt 0 4pt; border-bottom: 1px solid #999; }\n"
      "h3 { font-size: 10.5pt; margin: 10pt 0 2pt; }\n"
      ".decision { font-size: 11.5pt; line-height: 1.4; }\n"
      "table { border-collapse: collapse; width: 100%; margin: 4pt 0; font-size: 9pt; } th, td { border: 1px solid #bbb; padding: 2pt 4pt; vertical-align: top; text-align: left; }\n"
      "th { background: #eef2f5; } td { overflow-wrap: break-word; } td.n { text-align: right; white-space: nowrap; }\n"
      "tr { page-break-inside: avoid; } .chart { width: 100%; max-width: 170mm; height: auto; }\n"
      ".small { font-size: 8pt; color: #444; } footer { margin-top: 12pt; font-size: 8pt; color: #444; }\n"
      "section.annexes { page-break-before: always; } ol.steps { margin: 2pt 0 8pt; }\n"
      "@media print { h2, h3 { page-break-after: avoid; } svg { page-break-inside: avoid; } }\n"
      "</style>\n</head>\n<body>\n";
  o += "<section id=\"page-one\">\n<h1>Forum portfolio: " + e(b.country) + " (" + e(b.iso3) + ")</h1>\n";
  std::string summary;
  for (const auto& s : b.summary) summary += (summary.empty() ? "" : " ") + s;
  o += "<p class=\"decision\" id=\"decision\">" + e(summary) + "</p>\n";
  o += "<p class=\"small\">Budget a year: " + e(budget_words(b)) + ". Weights: " + e(weights_words(b)) + ".</p>\n";
  if (b.feasible()) {
    o += "<h2>Changes against today</h2>\n<table id=\"changes\"><tr><th>forum</th><th>change</th><th>today</th><th>recommended</th><th>why</th></tr>\n";
    for (const auto& c : page_one_order(b.changes)) {
      o += "<tr><td>" + e(c.name) + "</td><td>" + e(c.action) + "</td><td>" + e(c.from_level.empty() ? "-" : c.from_level) + "</td><td>" +
           e(c.to_level.empty() ? "-" : c.to_level) + "</td><td>" + e(change_why(b, c)) + "</td></tr>\n";
    }
    o += "</table>\n";
    if (!b.trade_offs.empty()) {
      o += "<h2>The key trade-off</h2>\n<ul>\n";
      for (const auto& t : b.trade_offs) o += "<li>" + e(t) + "</li>\n";
      o += "</ul>\n";
    }
    if (!b.how_sure.empty()) o += "<h2>How sure</h2>\n<p>" + e(b.how_sure) + "</p>\n";
    o += "<p class=\"small\">Figures are rounded for reading (money to the nearest 100 below a million, days to one decimal); "
         "the JSON briefing has the exact ones. The annexes that follow give the charts, each forum's detail, the assumptions "
         "and the sources.</p>\n";
  }
  o += "</section>\n<section class=\"annexes\">\n";
  if (b.feasible()) {
    o += "<h2>Annex A. Charts</h2>\n<h3>Coverage by objective</h3>\n" + coverage_svg(b);
    o += "<h3>Resources used against the budgets (dashed: the budget)</h3>\n" + resources_svg(b);
    o += "<h3>Value against the money budget</h3>\n" + chart_svg(b);
    o += "<h2>Annex B. Recommended portfolio</h2>\n<table id=\"portfolio\"><tr><th>forum</th><th>level</th><th>value</th><th>serves</th>"
         "<th>money " + e(b.currency) + "</th><th>staff days</th><th>ministerial days</th><th>robustness</th><th>risks</th><th>path</th></tr>\n";
    for (const auto& r : b.portfolio) {
      o += "<tr><td>" + e(r.name) + "</td><td>" + e(r.level) + "</td><td class=\"n\">" + display::points(r.value) + "</td><td>" +
           e(boost::algorithm::join(r.serves, ", ")) + "</td><td class=\"n\">" + display::money_figure(r.cost[0]) + "</td><td class=\"n\">" + display::days(r.cost[1]) +
           "</td><td class=\"n\">" + display::days(r.cost[2]) + "</td><td>" + e(r.robustness) + "</td><td>" + e(boost::algorithm::join(r.risks, "; ")) +
           "</td><td>" + e(r.path) + "</td></tr>\n";
    }
    o += "</table>\n<p class=\"small\">" + e(b.robustness_note) + "</p>\n<p>Total value " + display::points(b.total_value) + " (after " + display::points(b.overlap_loss) + " lost to overlap, " + display::points(b.leave_loss) + " to leaving and " +
         display::points(b.price_total) + " for the resources at their price); cost " + e(costs(b.total_cost, b.currency)) + ".</p>\n";
    if (!b.coverage.empty()) o += "<p>" + e(b.coverage) + "</p>\n";
    o += "<h2>Annex C. Against the current memberships</h2>\n<table><tr><th>forum</th><th>change</th><th>from</th><th>to</th><th>value change</th>"
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
    o += "</table>\n<h2>Annex D. Left out</h2>\n<table><tr><th>forum</th><th>why</th><th>detail</th></tr>\n";
    for (const auto& n : b.left_out) o += "<tr><td>" + e(n.forum) + "</td><td>" + e(n.status_name()) + "</td><td>" + e(n.detail) + "</td></tr>\n";
    o += "</table>\n" + detail::sensitivity_html(b.sensitivity);
  }
  o += "<h2>Annex F. Assumptions</h2>\n<table class=\"small\"><tr><th>assumption</th><th>value</th><th>reason</th></tr>\n";
  for (const auto& a : b.assumptions) {
    o += "<tr><td>" + e(a.key) + (a.overridden ? " (profile)" : "") + "</td><td class=\"n\">" + e(a.value) + "</td><td>" + e(a.reason) + "</td></tr>\n";
  }
  o += "</table>\n<h3>Estimates about the chosen forums</h3>\n<table class=\"small\"><tr><th>estimate</th><th>value</th><th>reason</th></tr>\n";
  for (const auto& a : b.estimates) {
    o += "<tr><td>" + e(a.key) + (a.overridden ? " (profile)" : "") + "</td><td class=\"n\">" + e(a.value) + "</td><td>" + e(a.reason) + "</td></tr>\n";
  }
  o += "</table>\n<h2>Annex G. Sources</h2>\n<ul class=\"small\">\n";
  for (const auto& s : b.sources) o += "<li>" + e(s) + "</li>\n";
  o += "</ul>\n<p class=\"small\">Seeds are in data/seeds/; data: source ids are listed in data/SOURCES.md.</p>\n</section>\n";
  o += "<footer>" + e(footer_text(b)) + "</footer>\n</body>\n</html>\n";
  return o;
}

std::string csv(const Briefing& b) {
  auto num = [](const Exact& x) { return detail::csv_number(x); };
  std::string o = csv_line({"section", "forum", "level", "value", "money", "staff_days", "ministerial_days", "detail"});
  for (const auto& s : b.summary) o += csv_line({"summary", "", "", "", "", "", "", csv_field(s)});
  for (const auto& t : b.trade_offs) o += csv_line({"trade_off", "", "", "", "", "", "", csv_field(t)});
  if (!b.how_sure.empty()) o += csv_line({"how_sure", "", "", "", "", "", "", csv_field(b.how_sure)});
  // One row per objective: today's coverage in `level`, the recommendation's in `value` (0..100).
  for (const auto& r : b.coverage_rows) o += csv_line({"coverage", csv_field(r.objective), num(r.today), num(r.recommended), "", "", "", ""});
  for (const auto& [name, w] : b.objectives) o += csv_line({"objective", csv_field(name), "", num(w), "", "", "", ""});
  for (const auto& r : b.portfolio) {
    o += csv_line({"portfolio", csv_field(r.name), csv_field(r.level), num(r.value), num(r.cost[0]), num(r.cost[1]), num(r.cost[2]),
                   csv_field("serves: " + boost::algorithm::join(r.serves, ", ") + "; robustness: " + r.robustness +
                             (r.risks.empty() ? "" : "; risks: " + boost::algorithm::join(r.risks, "; ")) + "; " + r.path)});
  }
  if (b.feasible()) {
    o += csv_line({"total", "", "", num(b.total_value), num(b.total_cost[0]), num(b.total_cost[1]), num(b.total_cost[2]),
                   csv_field("overlap loss " + format_exact_full(b.overlap_loss))});
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
                   csv_field("today " + format_exact_full(b.current_value) + ", recommended " + format_exact_full(b.total_value))});
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
  std::string o = "{\"schema\": \"whichforum.brief/4\", \"country\": " + json_string(b.iso3) + ", \"name\": " + json_string(b.country) +
                  ", \"currency\": " + json_string(b.currency) + ",\n \"budget\": " + cost(b.budget) + ",\n \"summary\": " + strs(b.summary) +
                  ",\n \"trade_offs\": " + strs(b.trade_offs) + ",\n \"how_sure\": " + json_string(b.how_sure) +
                  ",\n \"estimate_flips\": " + strs(b.estimate_flips) + ",\n \"coverage\": [";
  for (size_t i = 0; i < b.coverage_rows.size(); ++i) {
    const auto& r = b.coverage_rows[i];
    o += (i ? ", " : "") + std::string("{\"objective\": ") + json_string(r.objective) + ", \"today\": " + json_number(r.today) +
         ", \"recommended\": " + json_number(r.recommended) + "}";
  }
  o += "],\n \"coverage_total\": {\"today\": " + json_number(b.current_coverage) + ", \"recommended\": " + json_number(b.coverage_total) +
       "},\n \"current_cost\": " + (b.current_cost.size() == b.budget.size() ? cost(b.current_cost) : std::string("null")) + ",\n \"objectives\": [";
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
         ", \"over_estimates\": " +
         (r.joint_acceptability ? "{\"acceptability\": " + json_number(*r.joint_acceptability) + ", \"hinges_on\": " +
                                      strs(r.hinges_on) + "}"
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
    o += (i ? ",\n  " : "\n  ") + std::string("{\"money\": ") + json_number(b.chart[i].money) + ", \"value\": " + json_number(b.chart[i].value) +
         ", \"entered\": " + strs(b.chart[i].entered) + ", \"left\": " + strs(b.chart[i].left) + "}";
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
