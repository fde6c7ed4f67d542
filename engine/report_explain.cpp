// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// `explain`: one forum's chain from facts to value, eligibility, costs and decision.
#include "engine/report.h"
#include "engine/report_format.h"
#include "engine/report_sensitivity.h"

namespace whichforum {

using detail::amount;

namespace {

const char* kResourceWords[] = {"money", "staff days", "ministerial days"};

}  // namespace

std::string render_explain(const Explanation& e) {
  const Recommendation& rec = e.recommendation;
  const Assessment* as = &rec.assessments[e.index];
  const Forum& f = as->forum;
  std::string o = f.name + " (" + f.id + ") for " + rec.country.name + " (" + rec.country.iso3 + ")\n";

  // The forum's membership rules; each option's own eligibility (what decides whether it can be
  // chosen) is listed with the options below.
  o += "\nMembership rules: " + std::string(status_name(as->eligibility.status));
  if (as->eligibility.current_member) o += " (a current member: membership rules count as met)";
  o += "\n";
  for (const auto& c : as->eligibility.checks) {
    o += "  - " + std::string(enum_name(c.rule.rule)) + ": " + c.detail + "\n";
  }
  if (as->eligibility.checks.empty()) o += "  (no entry rules)\n";

  o += "\nValue per objective, at member level (fit 0..100: the criteria's value functions x the theme and "
       "language factors):\n";
  for (const auto& fit : as->score.fits) {
    o += "  " + fit.criterion->id + ": fit " + amount(fit.fit) + ", weight " + format_exact(fit.weight, 4) + "\n";
    for (const auto& t : fit.terms) {
      o += "      " + t.function->indicator + " = " + format_exact(t.x.value, 4) + " [" + t.x.how + "] -> f = " +
           format_exact(t.y, 4) + " x share " + format_exact(t.function->weight, 4) + " x 100 = " +
           amount(t.contribution) + "\n";
    }
    if (!fit.terms.empty()) {
      o += "      themes: " + fit.theme.how + "\n";
      o += "      languages: " + fit.language.how + "\n";
      o += "      region: " + fit.region.how + "\n";
    }
  }
  o += "  performance factor: " + as->score.performance.how + "\n";

  o += "\nOptions (value = sum of weight x fit x the option's factor x performance, and the status-quo terms):\n";
  for (const auto& l : as->options) {
    o += "  " + l.option.id + " (" + l.option.name + ", " + std::string(enum_name(l.option.kind)) + "): value " + amount(l.value);
    o += l.open ? ", eligible: open to the country" : " (not open: " + l.closed_why + ")";
    if (l.current) o += " [held today]";
    if (!l.status_quo.how.empty()) o += "\n    status quo: " + l.status_quo.how.substr(0, l.status_quo.how.size() - 2);
    o += "\n    cost: " + amount(l.cost_vec[0]) + " " + rec.currency + ", " + amount(l.cost_vec[1]) + " staff days, " +
         amount(l.cost_vec[2]) + " ministerial days";
    if (rec.currency != "USD") o += " (" + amount(l.cost.money_usd) + " USD at " + format_exact(rec.usd_rate) + " USD per " + rec.currency + ")";
    o += "\n";
    for (const auto& line : l.cost.lines) o += "      " + line.what + "\n";
  }

  o += "\nDecision: ";
  if (!rec.feasible()) {
    o += "no portfolio meets the constraints: " + rec.infeasible_why + "\n";
    return detail::wrap_lines(o, detail::kTextWidth);
  }
  for (const auto& c : rec.portfolio) {
    if (c.forum == f.id) {
      o += "in the portfolio as " + c.name + " (" + c.option + ", " + status_name(c.eligibility) + "; value " + amount(c.value) + ")\n";
      if (!c.change.empty()) o += c.change + "\n";
    }
  }
  if (!e.in_portfolio) {
    for (const auto& n : rec.not_chosen) {
      if (n.forum == f.id) o += "left out (" + n.status_name() + "): " + n.detail + "\n" + (n.leave.empty() ? "" : n.leave + "\n");
    }
  }
  if (!e.flips.empty()) {
    o += "Smallest budget change that would " + std::string(e.in_portfolio ? "drop it" : "bring it in") +
         " (the other budgets as they are):\n";
    for (size_t r = 0; r < e.flips.size(); ++r) {
      const BudgetFlip& flip = e.flips[r];
      o += "  " + std::string(kResourceWords[r]) + ": ";
      if (flip.status == AnswerStatus::kLimitReached) {
        o += "not known: the search stopped at its limit of " + std::to_string(kMaxSearchSteps) + " steps\n";
      } else if (flip.change) {
        o += (*flip.change > 0 ? "+" : "") + amount(*flip.change) + " (to " + amount(rec.budget[r] + *flip.change) + ")\n";
      } else {
        o += "no change of this budget alone does it\n";
      }
    }
  }
  o += detail::sensitivity_text(e.sensitivity, f.id);
  if (e.estimates_checked > 0) {
    o += "\nEstimates it hangs on (each alone within its range, at the central weights; " +
         std::to_string(e.estimates_checked) + " checked):\n";
    if (e.estimate_flips.empty()) o += "  none: no estimate moves it within its range\n";
    for (const auto& flip : e.estimate_flips) o += "  - " + flip + "\n";
  }
  return detail::wrap_lines(o, detail::kTextWidth);
}

}  // namespace whichforum
