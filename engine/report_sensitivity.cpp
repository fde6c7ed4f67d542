// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
#include "engine/report_sensitivity.h"

#include "engine/report_format.h"

#include <boost/algorithm/string/join.hpp>

#include <algorithm>

namespace whichforum::detail {
namespace {

std::string case_name(const PriorityCase& c) { return c.factor == 0 ? "at 0" : "x" + format_exact(c.factor); }

std::string portfolio_text(const PriorityCase& c) {
  std::vector<std::string> parts;
  for (const auto& [f, o] : c.portfolio) parts.push_back(f + " (" + o + ")");
  return parts.empty() ? std::string("nothing") : boost::algorithm::join(parts, ", ");
}

// What the case does to the recommendation, without the head priority_case_text repeats.
std::string change_text(const PriorityCase& c) {
  const std::string full = priority_case_text(c);
  const size_t colon = full.find("): ");
  return colon == std::string::npos ? full : full.substr(colon + 3);
}

const char* kIntro =
    "Each objective's weight, then each theme's priority, doubled and then set to 0, the others "
    "scaled to sum 1 again; the portfolio is the optimum at those weights, nothing else changed.";

// The cases that give the recommendation again, named in one sentence ("" when none does).
std::string same_sentence(const PrioritySensitivity& s) {
  std::vector<std::string> same;
  for (const auto& c : s.cases) {
    if (c.same()) same.push_back(c.id + " " + case_name(c));
  }
  if (same.empty()) return "";
  if (same.size() == s.cases.size()) return "Every one of the " + std::to_string(same.size()) + " cases gives the same portfolio.";
  return "The other " + std::to_string(same.size()) + " cases give the same portfolio (" + boost::algorithm::join(same, ", ") + ").";
}

}  // namespace

std::string sensitivity_markdown(const PrioritySensitivity& s) {
  if (s.cases.empty()) return "";
  // Items wrapped within the terminal's width rather than a table, which cannot wrap.
  auto wrapped = [](const std::string& t, std::string_view first, std::string_view rest) { return wrap(md_cell(t), kTextWidth, first, rest); };
  std::string o = "\n## Annex E. If the priorities change\n\n" + wrapped(kIntro, "", "") + "\n";
  for (const auto& c : s.cases) {
    if (c.same()) continue;
    const bool solved = c.skipped.empty() && c.status == AnswerStatus::kOptimal;
    o += wrapped(std::string(enum_name(c.kind)) + " " + c.id + ", " + case_name(c) + " (" + format_exact(c.before, 2) + " to " +
                     format_exact(c.after, 2) + "): " + (solved ? portfolio_text(c) + "; " : std::string()) + change_text(c) + ".",
                 "- ", "  ");
  }
  const std::string same = same_sentence(s);
  return o + (same.empty() ? "" : "\n" + wrapped(same, "", ""));
}

std::string sensitivity_html(const PrioritySensitivity& s) {
  if (s.cases.empty()) return "";
  const bool any = std::any_of(s.cases.begin(), s.cases.end(), [](const PriorityCase& c) { return !c.same(); });
  std::string o = "<h2>Annex E. If the priorities change</h2>\n<p class=\"small\">" + html_text(kIntro) + "</p>\n";
  if (any) o += "<table><tr><th>priority</th><th>case</th><th>weight</th><th>portfolio</th><th>against the recommendation</th></tr>\n";
  for (const auto& c : s.cases) {
    if (c.same()) continue;
    const bool solved = c.skipped.empty() && c.status == AnswerStatus::kOptimal;
    o += "<tr><td>" + html_text(std::string(enum_name(c.kind)) + " " + c.id) + "</td><td>" + case_name(c) + "</td><td class=\"n\">" +
         format_exact(c.before, 2) + " &rarr; " + format_exact(c.after, 2) + "</td><td>" + (solved ? html_text(portfolio_text(c)) : std::string()) +
         "</td><td>" + html_text(change_text(c)) + "</td></tr>\n";
  }
  const std::string same = same_sentence(s);
  return o + (any ? "</table>\n" : "") + (same.empty() ? "" : "<p class=\"small\">" + html_text(same) + "</p>\n");
}

std::string sensitivity_json(const PriorityCase& c) {
  auto strs = [](const std::vector<std::string>& xs) {
    std::string s = "[";
    for (size_t i = 0; i < xs.size(); ++i) s += (i ? ", " : "") + json_string(xs[i]);
    return s + "]";
  };
  std::string o = "{\"kind\": " + json_string(enum_name(c.kind)) + ", \"id\": " + json_string(c.id) + ", \"factor\": " + json_number(c.factor) +
                  ", \"before\": " + json_number(c.before) + ", \"after\": " + json_number(c.after) + ", \"status\": ";
  o += c.skipped.empty() ? json_string(name(c.status)) : json_string("skipped");
  if (!c.skipped.empty()) return o + ", \"why\": " + json_string(c.skipped) + "}";
  o += ", \"portfolio\": [";
  for (size_t i = 0; i < c.portfolio.size(); ++i) {
    o += (i ? ", " : "") + std::string("{\"forum\": ") + json_string(c.portfolio[i].first) + ", \"option\": " + json_string(c.portfolio[i].second) + "}";
  }
  return o + "], \"entered\": " + strs(c.entered) + ", \"left\": " + strs(c.left) + "}";
}

std::string sensitivity_text(const PrioritySensitivity& s, std::string_view forum) {
  if (s.cases.empty()) return "";
  std::string o = "\nIf the priorities change. " + std::string(kIntro) + "\n";
  for (const auto& c : s.cases) {
    if (c.same()) continue;
    std::string where;
    if (c.skipped.empty() && c.status == AnswerStatus::kOptimal) {
      where = "; " + std::string(forum) + " out";
      for (const auto& [f, opt] : c.portfolio) {
        if (f == forum) where = "; " + std::string(forum) + " in as " + opt;
      }
    }
    o += "  " + std::string(enum_name(c.kind)) + " " + priority_case_text(c) + where + "\n";
  }
  const std::string same = same_sentence(s);
  return o + (same.empty() ? "" : "  " + same + "\n");
}

}  // namespace whichforum::detail
