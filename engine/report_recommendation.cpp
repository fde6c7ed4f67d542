// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// The recommendation as terminal text, JSON, Markdown and CSV.
#include "engine/report.h"

#include <boost/algorithm/string/join.hpp>
#include <cctype>
#include "engine/numbers.h"
#include "engine/report_format.h"

namespace whichforum {

using detail::aligned_table;
using detail::csv_field;
using detail::csv_line;
using detail::json_number;
using detail::json_string;
using detail::md_cell;

namespace {


std::vector<std::string> objectives(const Recommendation& rec) {
  std::vector<std::string> out;
  for (const auto& [k, w] : rec.weights) {
    if (w > 0) out.push_back(k);
  }
  return out;
}

// Said only when the weights are not simply the ones given: the centre of a stated set.
std::string weights_line(const Recommendation& rec) {
  if (rec.weights_basis == WeightsBasis::kGiven) return "";
  std::string s = "Weights: " + std::string(enum_name(rec.weights_basis)) + ":";
  for (const auto& [k, w] : rec.weights) s += " " + k + " " + format_exact(w, 3);
  return s + " (whichforum robust shows how sure this is)\n";
}

bool standard(const Recommendation& rec) { return rec.resources == kResources; }

// A resource's figure in a table whose heading names its unit: money rounded for its size,
// days to one decimal, an abstract resource to two decimals (engine/numbers.h).
std::string resource_cell(const Recommendation& rec, size_t r, const Exact& x) {
  if (!standard(rec)) return display::grouped(x, 2);
  return r == 0 ? display::money_figure(x) : display::days(x);
}

std::vector<std::string> resource_heads(const Recommendation& rec) {
  if (!standard(rec)) return rec.resources;
  return {"money " + rec.currency, "staff days", "ministerial days"};
}


// "60000 USD, 200 staff days, 6 ministerial days", or "22 cost, 11 days" for abstract resources.
std::string budget_text(const Recommendation& rec) {
  if (standard(rec)) {
    return display::money(rec.budget[0], rec.currency) + ", " + display::days_of(rec.budget[1], "staff") + ", " +
           display::days_of(rec.budget[2], "ministerial");
  }
  std::string s;
  for (size_t r = 0; r < rec.resources.size(); ++r) s += (r ? ", " : "") + display::grouped(rec.budget[r], 2) + " " + rec.resources[r];
  return s;
}


// What today's memberships need against the budgets, and which budget they exceed.
std::string current_text(const Recommendation& rec) {
  if (rec.baseline == Baseline::kNone || rec.current_cost.empty() || rec.country.memberships.empty()) return "";
  std::string o = "Today's memberships are worth " + display::points(rec.current_value) + " in this model and need ";
  std::vector<std::string> parts;
  for (size_t r = 0; r < rec.resources.size(); ++r) {
    const std::string unit = !standard(rec) ? rec.resources[r] : r == 0 ? rec.currency : r == 1 ? "staff days" : "ministerial days";
    parts.push_back(resource_cell(rec, r, rec.current_cost[r]) + " " + unit);
  }
  o += boost::algorithm::join(parts, ", ");
  o += rec.current_short.empty() ? "; they fit the budgets.\n"
                                 : "; they do not fit: " + boost::algorithm::join(rec.current_short, "; ") + ".\n";
  return o;
}

// What the resources are worth elsewhere, and what is left unspent at those prices: by the
// optimum, no option that fits what is left adds more than its price.
std::string prices_text(const Recommendation& rec) {
  auto unit_name = [](size_t r) { return std::string(r == 1 ? "staff day" : "ministerial day"); };
  if (!standard(rec) || std::none_of(rec.prices.begin(), rec.prices.end(), [](const Exact& x) { return x > 0; })) return "";
  std::vector<std::string> per, left;
  for (size_t r = 0; r < rec.prices.size(); ++r) {
    if (rec.prices[r] == 0) continue;
    const bool money = standard(rec) && r == 0;
    per.push_back(money ? display::grouped(rec.prices[r] * 1000, 2) + " per 1,000 " + rec.currency
                        : display::grouped(rec.prices[r], 2) + " per " + unit_name(r));
    const Exact rest = rec.budget[r] - (rec.total_cost.empty() ? Exact(0) : rec.total_cost[r]);
    if (rest > 0) left.push_back(money ? display::money(rest, rec.currency) : display::days(rest) + " " + unit_name(r) + "s");
  }
  std::string o = "Resources are priced at what they are worth elsewhere (" + boost::algorithm::join(per, ", ") +
                  "; [assumptions] price_per_*): an option is taken only when it adds more than the price of what it uses.";
  if (rec.feasible() && !left.empty()) {
    o += " Left unspent: " + boost::algorithm::join(left, ", ") + ": no option that fits them adds more than they are worth at these prices.";
  }
  return o + "\n";
}

// One reason per chosen forum, in words: the change when the option is not today's, else that
// it is kept and which objectives carry most of its value (each at least a fifth of it).
std::string choice_reason(const Recommendation& rec, const Choice& c) {
  if (!c.change.empty()) return c.change;
  const Assessment* as = nullptr;
  for (const auto& x : rec.assessments) {
    if (x.forum.id == c.forum) as = &x;
  }
  const bool today = as && as->current && as->options[*as->current].option.id == c.option;
  // Mid-sentence: "peer learning", but "OECD ..." as written.
  std::vector<std::string> names = serves_most(rec, c);
  for (auto& name : names) name = detail::mid_sentence(name);
  const std::string serves = detail::join_words(names);
  std::string o = (today ? "Keep " : "Take ") + (as ? as->forum.name : c.forum) + " as " + c.name;
  if (!serves.empty()) o += ": mostly " + serves;
  return o;
}

std::string text(const Recommendation& rec, bool wide, const detail::Style& style) {
  const size_t width = detail::kTextWidth;
  auto objs = wide ? objectives(rec) : std::vector<std::string>{};
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> head = {"forum", "option", "value"};
  head.insert(head.end(), objs.begin(), objs.end());
  const auto heads = resource_heads(rec);
  head.insert(head.end(), heads.begin(), heads.end());
  rows.push_back(head);
  for (const auto& c : rec.portfolio) {
    std::vector<std::string> r = {c.forum, c.option, display::points(c.value)};
    for (const auto& o : objs) r.push_back(display::points(c.by_objective.at(o)));
    for (size_t k = 0; k < c.cost.size(); ++k) r.push_back(resource_cell(rec, k, c.cost[k]));
    rows.push_back(r);
  }
  std::vector<std::string> blank(objs.size(), "");
  auto value_row = [&](const std::string& label, const Exact& v) {
    std::vector<std::string> r = {label, "", display::points(v)};
    r.insert(r.end(), blank.begin(), blank.end());
    r.insert(r.end(), rec.resources.size(), "");
    rows.push_back(r);
  };
  if (rec.overlap_loss > 0) value_row("overlap", -rec.overlap_loss);
  if (rec.leave_loss > 0) value_row("leaving", -rec.leave_loss);
  if (rec.price_total > 0) value_row("at their price", -rec.price_total);
  std::vector<std::string> total = {style.bold("total"), "", display::points(rec.total_value)};
  total.insert(total.end(), blank.begin(), blank.end());
  for (size_t k = 0; k < rec.total_cost.size(); ++k) total.push_back(resource_cell(rec, k, rec.total_cost[k]));
  rows.push_back(total);
  std::vector<std::string> left = {"budget left", "", ""};
  left.insert(left.end(), blank.begin(), blank.end());
  for (size_t r = 0; r < rec.budget.size(); ++r) left.push_back(resource_cell(rec, r, rec.budget[r] - rec.total_cost[r]));
  rows.push_back(left);
  std::vector<bool> right(head.size(), true);
  right[0] = right[1] = false;
  std::string out = style.bold("Recommended portfolio for " + rec.country.name + " (" + rec.country.iso3 + ")") + "\n" +
                    detail::wrap("Budget a year: " + budget_text(rec), width, "", "  ");
  if (auto w = weights_line(rec); !w.empty()) out += detail::wrap(w.substr(0, w.size() - 1), width, "", "  ");
  out += "\n";
  if (!rec.feasible()) {
    out += detail::wrap("No portfolio meets the constraints: " + rec.infeasible_why, width) + "\n";
  } else if (rec.portfolio.empty()) {
    out += "No forum is worth its cost within these budgets.\n\n";
  }
  out += aligned_table(rows, right);
  if (!rec.portfolio.empty()) {
    out += "\n" + style.bold("Why:") + "\n";
    for (const auto& c : rec.portfolio) {
      // New in green, changed in yellow, kept as it is plain.
      const bool held = std::any_of(rec.assessments.begin(), rec.assessments.end(),
                                    [&](const Assessment& a) { return a.forum.id == c.forum && a.current; });
      const std::string id = !held ? style.green(c.forum) : !c.change.empty() ? style.yellow(c.forum) : c.forum;
      out += detail::wrap(choice_reason(rec, c), width, "  " + id + ": ", "    ");
    }
  }
  out += "\n" + detail::wrap("Values are points of 100: the share of what these priorities could gain from forums that "
                             "each forum serves alone; overlap is what the chosen serve twice, with today's memberships "
                             "as the baseline (tenure, lead time, leaving). Figures are rounded for reading (" +
                                 std::string(standard(rec) ? "money in " + rec.currency +
                                                                 " to the nearest 100 below a million, days to one decimal"
                                                           : "resources to two decimals") +
                                 "); --format json has the exact ones." +
                                 (wide ? "" : " --wide adds each objective's part of the value."),
                             width);
  if (auto c = coverage_sentence(rec); !c.empty()) out += detail::wrap(c, width);
  if (auto p = prices_text(rec); !p.empty()) out += detail::wrap(p.substr(0, p.size() - 1), width);
  if (auto t = current_text(rec); !t.empty()) out += detail::wrap(t.substr(0, t.size() - 1), width);
  std::string changes;
  for (const auto& c : rec.portfolio) {
    if (!c.change.empty()) changes += detail::wrap(c.change, width, "  ", "    ");
  }
  for (const auto& n : rec.not_chosen) {
    if (!n.leave.empty()) changes += detail::wrap(n.leave, width, "  ", "    ");
  }
  if (!changes.empty()) out += "\n" + style.bold("Changes against today:") + "\n" + changes;
  // Today's memberships in another ministry's file are neither kept nor left by this profile:
  // their own section, so that no reader takes them for a leave.
  std::string elsewhere;
  for (const auto& n : rec.not_chosen) {
    if (n.held_elsewhere) elsewhere += detail::wrap(n.forum + ": " + n.detail, width, "  ", "    ");
  }
  if (!elsewhere.empty()) {
    out += "\n" + detail::wrap("Held today in other ministries' files (not this profile's to keep or leave; coordinate):", width) +
           elsewhere;
  }
  // Not chosen: forum and status in columns, the reason wrapped under its own column.
  size_t fw = 0, sw = 0;
  for (const auto& n : rec.not_chosen) {
    if (n.held_elsewhere) continue;
    fw = std::max(fw, detail::display_width(n.forum));
    sw = std::max(sw, detail::display_width(n.status_name()));
  }
  std::string nc;
  for (const auto& n : rec.not_chosen) {
    if (n.held_elsewhere) continue;
    std::string lead = "  " + n.forum + std::string(fw - detail::display_width(n.forum) + 2, ' ') + n.status_name() +
                       std::string(sw - detail::display_width(n.status_name()) + 2, ' ');
    nc += detail::wrap(n.detail, width, lead, std::string(detail::display_width(lead), ' '));
  }
  if (!nc.empty()) out += "\n" + style.bold("Not chosen:") + "\n" + nc;
  out += "\n" + detail::wrap("whichforum explain --profile FILE FORUM shows how any forum's value, eligibility and cost are worked out.", width);
  return out;
}

std::string json(const Recommendation& rec) {
  std::string o = "{\"schema\": \"whichforum.recommendation/2\", \"country\": " + json_string(rec.country.iso3);
  o += ", \"currency\": " + json_string(rec.currency);
  o += ", \"weights_basis\": " + json_string(std::string(enum_name(rec.weights_basis))) + ", \"weights\": {";
  bool first = true;
  for (const auto& [k, w] : rec.weights) {
    o += (first ? "" : ", ") + json_string(k) + ": " + json_number(w);
    first = false;
  }
  const auto& cost = detail::json_resources;
  o += "},\n \"budget\": " + cost(rec.budget, rec.resources) + ",\n \"portfolio\": [";
  for (size_t i = 0; i < rec.portfolio.size(); ++i) {
    const auto& c = rec.portfolio[i];
    o += std::string(i ? ",\n  " : "\n  ") + "{\"forum\": " + json_string(c.forum) + ", \"option\": " + json_string(c.option) +
         ", \"option_name\": " + json_string(c.name) + ", \"eligibility\": {\"status\": " +
         json_string(status_name(c.eligibility)) + "}, \"change\": " + json_string(c.change) +
         ", \"value\": " + json_number(c.value) + ", \"price\": " + json_number(c.price) + ", \"by_objective\": {";
    bool f = true;
    for (const auto& [k, v] : c.by_objective) {
      o += (f ? "" : ", ") + json_string(k) + ": " + json_number(v);
      f = false;
    }
    o += "}, \"cost\": " + cost(c.cost, rec.resources) + "}";
  }
  o += "],\n \"total\": {\"value\": " + json_number(rec.total_value) + ", \"overlap_loss\": " +
       json_number(rec.overlap_loss) + ", \"leave_loss\": " + json_number(rec.leave_loss) +
       ", \"price\": " + json_number(rec.price_total) + ", \"cost\": " + cost(rec.total_cost, rec.resources) + "},\n";
  // What the portfolio serves of its priorities, 0..100 (the share of what forums could give them).
  o += " \"coverage\": {\"total\": " + json_number(rec.coverage_total) + ", \"by_objective\": {";
  for (size_t k = 0; k < rec.objective_coverage.size(); ++k) {
    o += (k ? ", " : "") + json_string(rec.objectives[k]) + ": " + json_number(rec.objective_coverage[k]);
  }
  // Today's memberships in another ministry's file: their own list, never among the not chosen.
  o += "}},\n \"held_elsewhere\": [";
  first = true;
  for (const auto& n : rec.not_chosen) {
    if (!n.held_elsewhere) continue;
    o += std::string(first ? "\n  " : ",\n  ") + "{\"forum\": " + json_string(n.forum) + ", \"detail\": " + json_string(n.detail) + "}";
    first = false;
  }
  o += "],\n \"not_chosen\": [";
  first = true;
  for (const auto& n : rec.not_chosen) {
    if (n.held_elsewhere) continue;
    o += std::string(first ? "\n  " : ",\n  ") + "{\"forum\": " + json_string(n.forum) + ", \"status\": " + json_string(n.status_name()) +
         ", \"detail\": " + json_string(n.detail) + ", \"leave\": " + json_string(n.leave) + ", \"missing\": [";
    for (size_t m = 0; m < n.missing.size(); ++m) o += (m ? ", " : "") + json_string(n.missing[m]);
    o += "]}";
    first = false;
  }
  return o + "]}\n";
}

std::string markdown(const Recommendation& rec) {
  auto objs = objectives(rec);
  std::string o = "# Recommended portfolio for " + md_cell(rec.country.name) + " (" + rec.country.iso3 + ")\n\n";
  o += "Budget a year: " + md_cell(budget_text(rec)) + ".\n\n";
  if (auto w = weights_line(rec); !w.empty()) o += md_cell(w.substr(0, w.size() - 1)) + "\n\n";
  o += "| forum | option | value |";
  for (const auto& ob : objs) o += " " + md_cell(ob) + " |";
  for (const auto& r : resource_heads(rec)) o += " " + md_cell(r) + " |";
  o += "\n|---|---|---:|";
  for (size_t i = 0; i < objs.size() + rec.resources.size(); ++i) o += "---:|";
  o += "\n";
  for (const auto& c : rec.portfolio) {
    o += "| " + md_cell(c.forum) + " | " + md_cell(c.option) + " | " + display::points(c.value) + " |";
    for (const auto& ob : objs) o += " " + display::points(c.by_objective.at(ob)) + " |";
    for (size_t k = 0; k < c.cost.size(); ++k) o += " " + resource_cell(rec, k, c.cost[k]) + " |";
    o += "\n";
  }
  std::string blanks;
  for (size_t i = 0; i < objs.size(); ++i) blanks += "  |";
  std::string resource_blanks;
  for (size_t i = 0; i < rec.resources.size(); ++i) resource_blanks += "  |";
  if (rec.overlap_loss > 0) o += "| overlap |  | " + display::points(-rec.overlap_loss) + " |" + blanks + resource_blanks + "\n";
  if (rec.leave_loss > 0) o += "| leaving |  | " + display::points(-rec.leave_loss) + " |" + blanks + resource_blanks + "\n";
  if (rec.price_total > 0) o += "| resources at their price |  | " + display::points(-rec.price_total) + " |" + blanks + resource_blanks + "\n";
  o += "| **total** |  | **" + display::points(rec.total_value) + "** |" + blanks;
  for (size_t k = 0; k < rec.total_cost.size(); ++k) o += " " + resource_cell(rec, k, rec.total_cost[k]) + " |";
  o += "\n| budget left |  |  |" + blanks;
  for (size_t r = 0; r < rec.budget.size(); ++r) o += " " + resource_cell(rec, r, rec.budget[r] - rec.total_cost[r]) + " |";
  o += "\n";
  if (auto c = coverage_sentence(rec); !c.empty()) o += "\n" + md_cell(c) + "\n";
  o += "\nFigures are rounded for reading; `--format json` has the exact ones.\n";
  if (!rec.portfolio.empty()) {
    o += "\n## Why\n\n";
    for (const auto& c : rec.portfolio) o += "- **" + md_cell(c.forum) + "**: " + md_cell(choice_reason(rec, c)) + "\n";
  }
  std::string elsewhere, not_chosen;
  for (const auto& n : rec.not_chosen) {
    if (n.held_elsewhere) {
      elsewhere += "| " + md_cell(n.forum) + " | " + md_cell(n.detail) + " |\n";
    } else {
      not_chosen += "| " + md_cell(n.forum) + " | " + md_cell(n.status_name()) + " | " + md_cell(n.detail) + " |\n";
    }
  }
  if (!elsewhere.empty()) {
    o += "\n## Held today in other ministries' files\n\nNot this profile's to keep or leave: coordinate.\n\n"
         "| forum | whose file |\n|---|---|\n" + elsewhere;
  }
  if (!not_chosen.empty()) o += "\n## Not chosen\n\n| forum | status | why |\n|---|---|---|\n" + not_chosen;
  return o;
}

std::string csv(const Recommendation& rec) {
  auto objs = objectives(rec);
  std::vector<std::string> head = {"section", "forum", "option", "value"};
  for (const auto& ob : objs) head.push_back(csv_field(ob));
  for (const auto& r : rec.resources) head.push_back(csv_field(r));
  head.insert(head.end(), {"status", "detail"});
  std::string o = csv_line(head);
  auto num = [](const Exact& x) { return detail::csv_number(x); };
  for (const auto& c : rec.portfolio) {
    std::vector<std::string> r = {"portfolio", csv_field(c.forum), csv_field(c.option), num(c.value)};
    for (const auto& ob : objs) r.push_back(num(c.by_objective.at(ob)));
    for (const auto& x : c.cost) r.push_back(num(x));
    r.insert(r.end(), {"chosen", csv_field(c.change)});
    o += csv_line(r);
  }
  std::vector<std::string> total = {"total", "", "", num(rec.total_value)};
  for (size_t i = 0; i < objs.size(); ++i) total.push_back("");
  for (const auto& x : rec.total_cost) total.push_back(num(x));
  total.insert(total.end(), {"", csv_field("overlap loss " + format_exact_full(rec.overlap_loss) + "; leaving " + format_exact_full(rec.leave_loss) +
                                                      "; resources at their price " + format_exact_full(rec.price_total))});
  o += csv_line(total);
  for (const auto& n : rec.not_chosen) {
    std::vector<std::string> r = {n.held_elsewhere ? "held_elsewhere" : "not_chosen", csv_field(n.forum), "", ""};
    for (size_t i = 0; i < objs.size() + rec.resources.size(); ++i) r.push_back("");
    r.push_back(csv_field(n.status_name()));
    r.push_back(csv_field(n.leave.empty() ? n.detail : n.leave + "; " + n.detail));
    o += csv_line(r);
  }
  return o;
}

}  // namespace

std::string render_recommendation(const Recommendation& rec, Format format, bool wide, bool colour) {
  switch (format) {
    case Format::kText: return text(rec, wide, detail::Style{colour});
    case Format::kJson: return json(rec);
    case Format::kMarkdown: return markdown(rec);
    case Format::kCsv: return csv(rec);
  }
  return "";
}

}  // namespace whichforum
