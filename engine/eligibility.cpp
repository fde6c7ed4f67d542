// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Evaluating entry rules.
#include "engine/eligibility.h"

#include <algorithm>

#include <boost/algorithm/string/join.hpp>

namespace whichforum {

const char* status_name(EligibilityStatus s) {
  switch (s) {
    case EligibilityStatus::kEligible: return "eligible";
    case EligibilityStatus::kReachable: return "reachable";
    case EligibilityStatus::kNotEligible: return "not_eligible";
  }
  return "eligible";
}

namespace {

std::string principle_words(const std::string& p) {
  if (p == "oecd_ai_principles") return "the OECD AI principles";
  if (p == "open_government_declaration") return "the Open Government Declaration";
  if (p == "dn_charter") return "the Digital Nations charter";
  if (p == "christchurch_call") return "the Christchurch Call commitments";
  if (p == "paris_call") return "the Paris Call principles";
  if (p == "foc_declaration") return "the Freedom Online Coalition's founding declaration";
  if (p == "eu_startup_nations_standard") return "the EU Startup Nations Standard";
  return p;
}

}  // namespace

Eligibility check_eligibility(const Forum& forum, const CountryView& c) {
  Eligibility e;
  e.current_member = holds_membership(forum, c);
  bool invited = c.invitations.count(forum.id) > 0;
  for (const auto& r : forum.entry_rules) {
    RuleCheck check;
    check.rule = r;
    const std::string egdi_text = "EGDI " + format_exact(c.egdi, 4) + ", rank " + std::to_string(c.egdi_rank) +
                                  " (" + c.egdi_source + ")";
    switch (r.rule) {
      case EntryRuleKind::kOpen:
        check.met = true;
        check.detail = "open to all";
        break;
      case EntryRuleKind::kInvitation:
      case EntryRuleKind::kSponsors:
      case EntryRuleKind::kApplication:
      case EntryRuleKind::kValuesCheck:
        check.procedural = true;
        check.met = e.current_member || invited;
        if (e.current_member) {
          check.detail = "met: a current member";
        } else if (invited) {
          check.detail = "met: the profile lists an invitation";
        } else if (r.rule == EntryRuleKind::kSponsors) {
          check.detail = r.text + " (" + std::to_string(r.count) + " needed; known members: " +
                         boost::algorithm::join(forum.list("members"), ", ") + ")";
        } else {
          check.detail = r.text;
        }
        break;
      case EntryRuleKind::kTrackRecord: {
        const bool record = r.min_egdi && c.egdi >= *r.min_egdi;
        // A reading of a soft condition (an estimate) yields to the members' own reading: an
        // invitation they extended says they accept the country's record (Mexico, DN 2018).
        const bool by_invitation = !record && invited && r.prov.estimate;
        check.met = e.current_member || record || by_invitation;
        check.detail = (check.met ? "met: " : "not met: ") + egdi_text + (r.min_egdi ? ", threshold " + format_exact(*r.min_egdi) : "") +
                       (by_invitation ? " (below our reading of the bar, but the profile lists the members' invitation)" : "");
        break;
      }
      case EntryRuleKind::kOecdMember:
        check.met = e.current_member || c.oecd_member;
        check.detail = check.met ? "met: an OECD member" : "not met: not an OECD member; " + r.text;
        break;
      case EntryRuleKind::kAdheres:
        if (r.on_joining && !c.adheres.count(r.principles)) {
          // Where joining is signing on, adhering is the act of joining, not a condition before it.
          check.met = true;
          check.detail = "met on joining: members sign on to " + principle_words(r.principles);
        } else {
          check.met = e.current_member || c.adheres.count(r.principles) > 0;
          check.detail = check.met ? "met: adheres to " + principle_words(r.principles)
                                   : "not met: the profile does not say the country adheres to " +
                                         principle_words(r.principles) + " ([country_facts] adheres); " + r.text;
        }
        break;
      case EntryRuleKind::kRegion: {
        bool in_region = std::find(r.regions.begin(), r.regions.end(), c.region) != r.regions.end();
        bool listed = std::find(r.countries.begin(), r.countries.end(), c.iso3) != r.countries.end();
        check.met = e.current_member || in_region || listed;
        check.detail = check.met ? "met: " + (listed ? c.iso3 + " is listed" : c.region)
                                 : "not met: " + c.iso3 + " (" + c.region + ") is outside; " + r.text;
        break;
      }
      case EntryRuleKind::kIncome:
        check.met = e.current_member || std::find(r.groups.begin(), r.groups.end(), c.income_group) != r.groups.end();
        check.detail = (check.met ? "met: " : "not met: ") + c.income_group + "; " + r.text;
        break;
    }
    if (!check.met) {
      e.missing.push_back(check.detail);
      if (!check.procedural) {
        e.status = EligibilityStatus::kNotEligible;
      } else if (e.status == EligibilityStatus::kEligible) {
        e.status = EligibilityStatus::kReachable;
      }
    }
    e.checks.push_back(std::move(check));
  }
  return e;
}

bool holds_membership(const Forum& forum, const CountryView& c) {
  auto m = c.memberships.find(forum.id);
  if (m == c.memberships.end()) return false;
  const EngagementOption* o = forum.option(m->second);
  // Attending is no membership; a forum with no declared options names its levels.
  return o ? o->kind != OptionKind::kAttend : m->second != "observer";
}

namespace {

void worsen(Eligibility& e, EligibilityStatus s) {
  if (s == EligibilityStatus::kNotEligible || (s == EligibilityStatus::kReachable && e.status == EligibilityStatus::kEligible)) {
    e.status = s;
  }
}

void add_part(Eligibility& e, const Eligibility& part) {
  worsen(e, part.status);
  e.checks.insert(e.checks.end(), part.checks.begin(), part.checks.end());
  e.missing.insert(e.missing.end(), part.missing.begin(), part.missing.end());
}

}  // namespace

Eligibility option_eligibility(const Forum& forum, const EngagementOption& o, const Eligibility& forum_e,
                               const CountryView& c) {
  Eligibility e;
  e.current_member = forum_e.current_member;
  auto held = c.memberships.find(forum.id);
  if (held != c.memberships.end() && held->second == o.id) return e;  // held today: kept as it is
  switch (o.effective_entry()) {
    case OptionEntry::kForum:
      add_part(e, forum_e);
      break;
    case OptionEntry::kOpen:
      break;
    case OptionEntry::kMembers:
      if (!forum_e.current_member) {
        RuleCheck check;
        check.rule.rule = EntryRuleKind::kInvitation;
        check.rule.text = "taken by a current member";
        check.procedural = true;
        check.detail = "needs a current membership of " + forum.name + ": it is taken from among the members, so join first";
        e.missing.push_back(check.detail);
        e.checks.push_back(std::move(check));
        worsen(e, EligibilityStatus::kReachable);
      }
      break;
  }
  if (!o.entry_rules.empty()) {
    // An option's own rules are conditions of that option (the Nordic states hold the
    // presidency): being a member of the forum does not meet them, as it meets the forum's.
    Forum own = forum;
    own.entry_rules = o.entry_rules;
    CountryView outside = c;
    outside.memberships.erase(forum.id);
    add_part(e, check_eligibility(own, outside));
  }
  if (!o.includes.empty()) {
    if (const EngagementOption* inner = forum.option(o.includes); inner && inner != &o) {
      add_part(e, option_eligibility(forum, *inner, forum_e, c));
    }
  }
  return e;
}

}  // namespace whichforum
