// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// `explain`: one forum's chain from facts to value, eligibility, costs and decision; and the
// starter profile that `init` writes.
#include "engine/report.h"
#include "engine/report_format.h"

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

  o += "\nEligibility: " + std::string(status_name(as->eligibility.status));
  if (as->eligibility.current_member) o += " (a current member: membership rules count as met)";
  o += "\n";
  for (const auto& c : as->eligibility.checks) {
    o += "  - " + std::string(enum_name(c.rule.rule)) + ": " + c.detail + "\n";
  }
  if (as->eligibility.checks.empty()) o += "  (no entry rules)\n";

  o += "\nValue per objective, at member level (fit 0..100 from the criteria's value functions):\n";
  for (const auto& fit : as->score.fits) {
    o += "  " + fit.criterion->id + ": fit " + amount(fit.fit) + ", weight " + format_exact(fit.weight, 4) + "\n";
    for (const auto& t : fit.terms) {
      o += "      " + t.function->indicator + " = " + format_exact(t.x.value, 4) + " [" + t.x.how + "] -> f = " +
           format_exact(t.y, 4) + " x share " + format_exact(t.function->weight, 4) + " x 100 = " +
           amount(t.contribution) + "\n";
    }
  }
  o += "  performance factor: " + as->score.performance.how + "\n";

  o += "\nOptions (value = sum of weight x fit x the option's factor x performance, and the status-quo terms):\n";
  for (const auto& l : as->options) {
    o += "  " + l.option.id + " (" + l.option.name + ", " + std::string(enum_name(l.option.kind)) + "): value " + amount(l.value);
    o += l.open ? ", eligible" : " (not open: " + l.closed_why + ")";
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
    return o;
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
  return o;
}

std::string render_starter_profile(const CountryRecord& c, const ReferenceData& data, const Catalogue& cat) {
  const EgdiRecord* e = data.latest_egdi(c.iso3);
  std::string o;
  o += "# whichforum profile for " + c.name + ", written by `whichforum init --country " + c.iso3 + "`.\n";
  o += "# Country facts come from data/ (" + data.data_as_of + "); everything else is a starting\n";
  o += "# point to edit. Check it with: whichforum check FILE; run it with: whichforum --profile FILE\n";
  o += "schema = \"whichforum.profile/1\"\n";
  o += "country = \"" + c.iso3 + "\"   # ISO3 code\n";
  o += "name = \"" + c.name + "\"\n";
  o += "# themes = [\"ai\", \"data_governance\"]   # priority themes; see: whichforum schema forum\n";
  o += "# invitations = []                     # forum ids that have invited the country\n\n";
  o += "[objectives]   # weights: exact decimals or fractions, normalised to sum 1; 0 or absent = not pursued\n";
  for (const auto& cr : cat.criteria) {
    o += cr.id + " = \"" + format_exact(Exact(1, static_cast<long long>(cat.criteria.size())), 4) + "\"   # " + cr.name + "\n";
  }
  o += "\n[capacity]     # a year\n";
  o += "money = 100000          # for travel, fees and hosting\n";
  o += "currency = \"USD\"        # other currencies need usd_rate = \"USD per unit\"\n";
  o += "staff_days = 150        # preparation and follow-up included\n";
  o += "ministerial_days = 5    # travel days included\n\n";
  o += "[memberships]  # current: forum id = \"observer\" | \"member\" | \"lead\"; see: whichforum forums\n";
  for (const auto& f : cat.forums) {
    auto members = f.list("members");
    if (std::find(members.begin(), members.end(), c.iso3) != members.end()) {
      o += f.id + " = \"member\"   # listed as a member in forums/" + f.id + ".toml\n";
    }
  }
  o += "\n[constraints]\n";
  o += "must = []       # forum ids to keep whatever the cost\n";
  o += "exclude = []    # forum ids to leave out\n";
  o += "# max_forums = 6\n";
  o += "# requires = [[\"a\", \"b\"]]          # choosing a needs b\n";
  o += "# at_most_one_of = [[\"a\", \"b\"]]\n\n";
  o += "[country_facts]   # replace the reference data where you know better\n";
  if (e) o += "# egdi = \"" + format_exact(e->egdi, 5) + "\"   # UN EGDI " + std::to_string(e->year) + ", rank " + std::to_string(e->rank) + "\n";
  o += "# wb_region = \"" + c.wb_region + "\"\n";
  o += "# income_group = \"" + c.income_group + "\"\n";
  o += "# oecd_member = " + std::string(c.oecd_member ? "true" : "false") + "\n";
  o += "adheres = []   # e.g. \"oecd_ai_principles\", \"open_government_declaration\"\n\n";
  o += "# [overrides.dn]          # replace a forum's estimates, e.g.\n# candour = \"0.8\"\n\n";
  o += "# [assumptions]           # replace cost assumptions (data/assumptions.toml), e.g.\n# fare_other_region_usd = 2400\n";
  return o;
}

}  // namespace whichforum
