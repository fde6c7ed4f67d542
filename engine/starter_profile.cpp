// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// The starter profile that `init` writes: the country's facts from data/, its recorded
// memberships (data/memberships.csv, then forums' `members` lists) and what the data says it
// adheres to, so that a new user starts from the country's record, not from nothing.
#include "engine/memberships.h"
#include "engine/report.h"
#include "engine/report_format.h"

namespace whichforum {

namespace {

// Where a membership line's facts come from, for its comment.
std::string membership_origin(const RecordedMembership& m) {
  if (m.event.empty()) return "listed as a member in forums/" + m.forum + ".toml";
  std::string o = m.event + ", memberships.csv:";
  for (size_t i = 0; i < m.lines.size(); ++i) o += (i ? "," : "") + std::to_string(m.lines[i]);
  for (const auto& s : m.sources) o += " " + s;
  return o;
}

// One [memberships] line: `forum = { option = "...", since = YEAR }`, or `forum = "..."` when
// the start year is not recorded.
std::string membership_line(const RecordedMembership& m) {
  std::string o = m.forum + " = ";
  if (m.since || m.founder) {
    o += "{ option = \"" + m.option + "\"" + (m.since ? ", since = " + std::to_string(*m.since) : std::string()) +
         (m.founder ? ", founder = true" : "") + " }";
  } else {
    o += "\"" + m.option + "\"";
  }
  o += "   # " + membership_origin(m);
  if (m.option_guessed) o += "; no option of the forum lists this event: its least committed of that kind";
  return o + "\n";
}

}  // namespace

namespace {

// The smallest multiple of `step` at or above x.
Exact round_up(const Exact& x, long long step) {
  const Exact q = x / step;
  auto n = boost::multiprecision::numerator(q) / boost::multiprecision::denominator(q);
  Exact whole(n);
  if (whole < q) whole += 1;
  return whole * step;
}

// One capacity line: the default, or what today's memberships need when that is more.
std::string capacity_line(const std::string& key, long long fallback, const std::vector<Exact>* today, size_t r,
                          long long step, const std::string& what) {
  std::string o = key + " = ";
  if (today && r < today->size() && (*today)[r] > fallback) {
    const Exact need = round_up((*today)[r], step);
    o += format_exact(need) + "   # " + what + "; today's memberships need " + format_exact((*today)[r], 2) +
         " in this model, more than the default " + std::to_string(fallback) + ": raised to hold them\n";
  } else {
    o += std::to_string(fallback) + "   # " + what + "\n";
  }
  return o;
}

}  // namespace

std::string render_starter_profile(const CountryRecord& c, const ReferenceData& data, const Catalogue& cat,
                                   const std::vector<Exact>* today) {
  const EgdiRecord* e = data.latest_egdi(c.iso3);
  const auto memberships = current_memberships(cat, c.iso3);
  const auto adheres = recorded_adherence(cat, c, memberships);
  std::string o;
  o += "# whichforum profile for " + c.name + ", written by `whichforum init --country " + c.iso3 + "`.\n";
  o += "# Country facts come from data/ (" + data.data_as_of + "); everything else is a starting\n";
  o += "# point to edit. Check it with: whichforum check FILE; run it with: whichforum --profile FILE\n";
  o += "schema = \"whichforum.profile/1\"\n";
  o += "country = \"" + c.iso3 + "\"   # ISO3 code\n";
  o += "name = \"" + c.name + "\"\n";
  o += "# themes = [\"ai\", \"data_governance\"]   # priority themes, most important first (ties: [[\"a\", \"b\"]]); absent: themes change no value\n";
  o += "# languages = [\"English\"]                # your delegates' working languages (default: English)\n";
  o += "# invitations = []                     # forum ids that have invited the country\n";
  o += "# baseline = \"none\"                    # compare as if starting from nothing (default: the memberships below)\n\n";
  o += "[objectives]   # weights: exact decimals or fractions, normalised to sum 1; 0 or absent = not pursued\n";
  for (const auto& cr : cat.criteria) {
    o += cr.id + " = \"" + format_exact(Exact(1, static_cast<long long>(cat.criteria.size())), 4) + "\"   # " + cr.name + "\n";
  }
  o += "\n[capacity]     # a year\n";
  o += "# A starting point: the defaults, or what today's memberships need where that is more.\n";
  o += capacity_line("money", 100000, today, 0, 10000, "USD for travel, fees and hosting");
  o += "currency = \"USD\"        # other currencies need usd_rate = \"USD per unit\"\n";
  o += capacity_line("staff_days", 150, today, 1, 10, "preparation and follow-up included");
  o += capacity_line("ministerial_days", 5, today, 2, 1, "travel days included") + "\n";
  o += "[memberships]  # current: forum id = option id, or { option = id, since = year }; see: whichforum forums show ID\n";
  o += "# From data/memberships.csv (a forum's events for the country in date order, the last one a\n";
  o += "# membership; since = the year the current spell began), else a forum file's members list.\n";
  for (const auto& m : memberships) o += membership_line(m);
  o += "\n[constraints]\n";
  o += "must = []       # forum ids to keep whatever the cost\n";
  o += "exclude = []    # forum ids to leave out\n";
  o += "# max_forums = 6\n";
  o += "# max_changes = 2                      # most forums joined, changed or left\n";
  o += "# keep_current = true                  # leave no current membership\n";
  o += "# requires = [[\"a\", \"b\"]]          # choosing a needs b\n";
  o += "# at_most_one_of = [[\"a\", \"b\"]]\n\n";
  o += "[country_facts]   # replace the reference data where you know better\n";
  if (e) o += "# egdi = \"" + format_exact(e->egdi, 5) + "\"   # UN EGDI " + std::to_string(e->year) + ", rank " + std::to_string(e->rank) + "\n";
  o += "# wb_region = \"" + c.wb_region + "\"\n";
  o += "# income_group = \"" + c.income_group + "\"\n";
  o += "# oecd_member = " + std::string(c.oecd_member ? "true" : "false") + "\n";
  o += "# What data/ says the country adheres to; the OECD AI principles' later non-member adherents\n";
  o += "# are not in data/ (S174 names the adopters of 22 May 2019), so add them where they apply.\n";
  if (adheres.empty()) {
    o += "adheres = []   # e.g. \"oecd_ai_principles\", \"open_government_declaration\"\n\n";
  } else {
    o += "adheres = [\n";
    for (const auto& a : adheres) o += "  \"" + a.principle + "\",   # " + a.why + "\n";
    o += "]\n\n";
  }
  o += "# [overrides.dn]          # replace a forum's estimates, e.g.\n# candour = \"0.8\"\n\n";
  o += "# [assumptions]           # replace cost assumptions (data/assumptions.toml), e.g.\n# fare_other_region_usd = 2400\n";
  return o;
}

}  // namespace whichforum
