// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// What-if tables as text, JSON ("whichforum.whatif/3"), Markdown and CSV.
#include "engine/report.h"
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

const char* kRounded =
    "Figures are rounded for reading (money to the nearest 100 below a million, days to one decimal); --format json has "
    "the exact ones.";

std::string list(const std::vector<Pick>& ps) {
  std::string out;
  for (const auto& p : ps) out += (out.empty() ? "" : ", ") + p.forum + " (" + p.level + ")";
  return out.empty() ? "(none)" : out;
}

std::string names(const std::vector<std::string>& xs) {
  std::string out;
  for (const auto& x : xs) out += (out.empty() ? "" : ", ") + x;
  return out;
}

// Figures for people (engine/numbers.h): money rounded for its size, days to one decimal.
std::string fig(size_t resource, const Exact& x) { return resource == 0 ? display::money_figure(x) : display::days(x); }

std::string marginal(const WhatIfPoint& p) {
  std::string out;
  for (size_t r = 0; r < p.marginal_gain.size(); ++r) {
    out += (out.empty() ? "" : "; ") + std::string("+") + display::points(p.marginal_gain[r]) + " per +" +
           fig(r, p.marginal_step[r]) + " " + kResources[r];
  }
  return out;
}

std::string text(const WhatIf& w) {
  std::vector<std::vector<std::string>> rows = {{"point", "value", "money", "staff_days", "ministerial_days", "portfolio"}};
  for (const auto& p : w.points) {
    if (!p.feasible && p.cost.empty()) {
      rows.push_back({p.label, "infeasible", "", "", "", p.infeasible_why});
      continue;
    }
    rows.push_back({p.label, display::points(p.value), fig(0, p.cost[0]), fig(1, p.cost[1]), fig(2, p.cost[2]), list(p.portfolio)});
  }
  std::string out = "What if (money in " + w.currency + "; cost columns are what the portfolio uses):\n\n" +
                    aligned_table(rows, {false, true, true, true, true, false});
  std::string changes;
  for (size_t k = 1; k < w.points.size(); ++k) {
    const auto& p = w.points[k];
    if (p.entered.empty() && p.left.empty()) continue;
    changes += "  " + p.label + ":";
    if (!p.entered.empty()) changes += " + " + names(p.entered);
    if (!p.left.empty()) changes += (p.entered.empty() ? " - " : "; - ") + names(p.left);
    changes += "\n";
  }
  if (!changes.empty()) out += "\nChanges against the row before:\n" + changes;
  std::string notes;
  for (const auto& p : w.points) {
    if (!p.feasible && !p.infeasible_why.empty() && !p.cost.empty()) notes += "  " + p.label + ": " + p.infeasible_why + "\n";
  }
  if (!notes.empty()) out += "\nDoes not fit:\n" + notes;
  if (!w.swaps.empty()) out += "\nSwaps as the budget grows:\n  " + names(w.swaps) + "\n";
  std::string marg;
  for (const auto& p : w.points) {
    if (!p.marginal_gain.empty()) marg += "  " + p.label + ": " + marginal(p) + "\n";
  }
  if (!marg.empty()) out += "\nValue of the next step of each resource:\n" + marg;
  if (w.has_frontier) {
    std::vector<std::vector<std::string>> fr = {{"value", kResources[w.frontier_resource], "convex", "portfolio"}};
    for (const auto& f : w.frontier) {
      fr.push_back({display::points(f.value), fig(w.frontier_resource, f.cost[w.frontier_resource]), f.convex ? "yes" : "no", list(f.portfolio)});
    }
    out += "\n" + detail::wrap("Efficient portfolios over the range (no other costs no more and is worth as much); \"convex\": on the "
                                "upper convex hull of value against cost, which a benefit/cost prioritisation reaches as a "
                                "prefix of its order (the others are non-convex):", detail::kTextWidth) +
           "\n" + aligned_table(fr, {true, true, false, false});
  }
  return out + "\n" + detail::wrap(kRounded, detail::kTextWidth);
}

std::string json(const WhatIf& w) {
  auto cost = [](const std::vector<Exact>& v) { return detail::json_resources(v); };
  auto port = [](const std::vector<Pick>& ps) {
    std::string s = "[";
    for (size_t i = 0; i < ps.size(); ++i) {
      s += (i ? ", " : "") + std::string("{\"forum\": ") + json_string(ps[i].forum) + ", \"level\": " + json_string(ps[i].level) + "}";
    }
    return s + "]";
  };
  auto strs = [](const std::vector<std::string>& xs) {
    std::string s = "[";
    for (size_t i = 0; i < xs.size(); ++i) s += (i ? ", " : "") + json_string(xs[i]);
    return s + "]";
  };
  std::string o = "{\"schema\": \"whichforum.whatif/3\", \"currency\": " + json_string(w.currency) + ",\n \"points\": [";
  for (size_t k = 0; k < w.points.size(); ++k) {
    const auto& p = w.points[k];
    o += std::string(k ? ",\n  " : "\n  ") + "{\"label\": " + json_string(p.label) + ", \"budget\": " + cost(p.budget) +
         ", \"feasible\": " + (p.feasible ? "true" : "false");
    if (!p.infeasible_why.empty()) o += ", \"infeasible\": " + json_string(p.infeasible_why);
    if (!p.cost.empty()) o += ", \"value\": " + json_number(p.value) + ", \"cost\": " + cost(p.cost);
    o += ", \"portfolio\": " + port(p.portfolio) + ", \"entered\": " + strs(p.entered) + ", \"left\": " + strs(p.left);
    if (!p.marginal_gain.empty()) {
      o += ", \"marginal\": {";
      for (size_t r = 0; r < p.marginal_gain.size(); ++r) {
        o += (r ? ", " : "") + json_string(kResources[r]) + ": {\"step\": " + json_number(p.marginal_step[r]) +
             ", \"gain\": " + json_number(p.marginal_gain[r]) + "}";
      }
      o += "}";
    }
    o += "}";
  }
  o += "],\n \"swaps\": " + strs(w.swaps) + ",\n \"frontier\": [";
  for (size_t k = 0; k < w.frontier.size(); ++k) {
    const auto& f = w.frontier[k];
    o += std::string(k ? ",\n  " : "\n  ") + "{\"value\": " + json_number(f.value) + ", \"cost\": " + cost(f.cost) +
         ", \"portfolio\": " + port(f.portfolio) + ", \"convex\": " + (f.convex ? "true" : "false") + "}";
  }
  return o + "]}\n";
}

std::string markdown(const WhatIf& w) {
  std::string o = "# What if\n\nMoney in " + md_cell(w.currency) + ".\n\n| point | value | money | staff_days | ministerial_days | portfolio | entered | left |\n|---|---:|---:|---:|---:|---|---|---|\n";
  for (const auto& p : w.points) {
    if (p.cost.empty()) {
      o += "| " + md_cell(p.label) + " | infeasible |  |  |  | " + md_cell(p.infeasible_why) + " |  |  |\n";
      continue;
    }
    o += "| " + md_cell(p.label) + " | " + display::points(p.value) + " | " + fig(0, p.cost[0]) + " | " + fig(1, p.cost[1]) + " | " +
         fig(2, p.cost[2]) + " | " + md_cell(list(p.portfolio)) + " | " + md_cell(names(p.entered)) + " | " +
         md_cell(names(p.left)) + " |\n";
  }
  if (!w.swaps.empty()) o += "\nSwaps as the budget grows: " + md_cell(names(w.swaps)) + "\n";
  if (w.has_frontier) {
    o += "\n## Efficient portfolios\n\n| value | " + kResources[w.frontier_resource] + " | convex | portfolio |\n|---:|---:|---|---|\n";
    for (const auto& f : w.frontier) {
      o += "| " + display::points(f.value) + " | " + fig(w.frontier_resource, f.cost[w.frontier_resource]) + " | " + (f.convex ? "yes" : "no") +
           " | " + md_cell(list(f.portfolio)) + " |\n";
    }
  }
  return o + "\n" + detail::wrap(kRounded, detail::kTextWidth);
}

std::string csv(const WhatIf& w) {
  std::string o = csv_line({"section", "label", "value", "money", "staff_days", "ministerial_days", "portfolio", "entered", "left", "note"});
  auto num = [](const Exact& x) { return detail::csv_number(x); };
  for (const auto& p : w.points) {
    std::vector<std::string> r = {"point", csv_field(p.label)};
    if (p.cost.empty()) {
      r.insert(r.end(), {"", "", "", "", "", "", ""});
    } else {
      r.insert(r.end(), {num(p.value), num(p.cost[0]), num(p.cost[1]), num(p.cost[2]), csv_field(list(p.portfolio)),
                         csv_field(names(p.entered)), csv_field(names(p.left))});
    }
    r.push_back(csv_field(p.infeasible_why));
    o += csv_line(r);
  }
  for (const auto& f : w.frontier) {
    o += csv_line({"frontier", "", num(f.value), num(f.cost[0]), num(f.cost[1]), num(f.cost[2]), csv_field(list(f.portfolio)),
                   "", "", f.convex ? "convex" : "non-convex"});
  }
  return o;
}

}  // namespace

std::string render_whatif(const WhatIf& w, Format format) {
  switch (format) {
    case Format::kText: return text(w);
    case Format::kJson: return json(w);
    case Format::kMarkdown: return markdown(w);
    case Format::kCsv: return csv(w);
  }
  return "";
}

}  // namespace whichforum
