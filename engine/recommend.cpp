// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Putting the model together: assessments, the problem, the solve, and the reasons for what is out.
#include "engine/recommend.h"
#include "engine/numbers.h"
#include "engine/solve/scaling.h"

#include "engine/preferences.h"

#include <algorithm>
#include <set>

#include <boost/algorithm/string/join.hpp>

namespace whichforum {

namespace {

const std::vector<std::string> kLevels = {"observer", "member", "lead"};

// An option's number replaced through the option schema's own binding (the row that reads it
// from a forum file), so the key is declared once; the profile's reader checked type and range.
void override_option(Forum& f, const Override& o, const Profile& p) {
  auto opt = std::find_if(f.options.begin(), f.options.end(), [&](const EngagementOption& x) { return x.id == o.option; });
  const Binding<EngagementOption>* bind = option_fields().binding(o.key);
  const KeySpec* spec = option_schema().find(o.key);
  if (opt == f.options.end() || !bind || !spec) return;  // validate_profile reported it
  Document doc{p.source, {}};
  Node value;
  value.kind = Node::Kind::kString;
  value.pos = o.pos;
  value.text = format_exact_full(o.value);
  Diagnostics ignored;
  SchemaReader reader(doc, &ignored);
  if (!(*bind)(reader, value, *spec, *opt)) throw std::logic_error("override of " + o.key + " did not apply");
  if (o.key == "fee_usd") opt->fee_usd_by_income.clear();  // one fee for every income group now
  opt->prov.source = "profile";
  opt->prov.reason = "profile override of " + o.key;
}

Forum with_overrides(const Forum& f, const Profile& p) {
  Forum out = f;
  for (const auto& o : p.overrides) {
    if (o.forum != f.id) continue;
    if (!o.option.empty()) {
      override_option(out, o, p);
      continue;
    }
    Fact fact;
    fact.value = o.value;
    fact.prov.source = "profile";
    fact.prov.reason = "profile override";
    fact.pos = o.pos;
    out.facts[o.key] = fact;
  }
  return out;
}

std::string resource_amount(size_t r, const Exact& amount, const std::string& currency, const Problem& p) {
  if (p.resources[r] == "chair_or_host_roles") return display::grouped(amount, 2) + " chair or host roles";
  if (p.resources[r] != kResources[std::min<size_t>(r, 2)]) return display::grouped(amount, 2) + " " + p.resources[r];
  if (r == 0) return display::money(amount, currency);
  return display::days_of(amount, r == 1 ? "staff" : "ministerial");
}

// Costs a forum gives directly ([given] costs.<level>) replace the computed ones, resource by
// resource (money in USD, converted); with abstract resources every one must be given for each
// level the forum offers. Returns false (with an error) when one is missing.
bool given_costs(const Forum& f, const std::string& level, const Profile& profile, const Recommendation& rec,
                 std::vector<Exact>* cost, Diagnostics* diags) {
  const std::map<std::string, Exact>* given = nullptr;
  if (f.given) {
    auto it = f.given->costs.find(level);
    if (it != f.given->costs.end()) given = &it->second;
  }
  if (profile.resources.empty()) {
    if (!given) return true;
    for (size_t r = 0; r < kResources.size(); ++r) {
      auto it = given->find(kResources[r]);
      if (it != given->end()) (*cost)[r] = r == 0 ? it->second / rec.usd_rate : it->second;
    }
    return true;
  }
  auto offered = f.list("engagement_levels");
  bool offers = std::find(offered.begin(), offered.end(), level) != offered.end();
  cost->assign(rec.resources.size(), Exact(0));
  for (size_t r = 0; r < rec.resources.size() && offers; ++r) {
    const Exact* amount = nullptr;
    if (given) {
      auto it = given->find(rec.resources[r]);
      if (it != given->end()) amount = &it->second;
    }
    if (!amount) {
      diags->add(make_error(f.source.get(), f.given ? f.given->pos : SourcePos{1, 1},
                            "forum " + f.id + " gives no " + level + " cost in \"" + rec.resources[r] +
                                "\", a resource the profile defines; add it to [given] costs." + level));
      return false;
    }
    (*cost)[r] = *amount;
  }
  return true;
}

// "29,700 USD, 6.7 staff days and 1 ministerial day": the resources an option uses.
std::string resources_text(const std::vector<Exact>& cost, const Recommendation& rec) {
  std::vector<std::string> parts;
  for (size_t r = 0; r < rec.resources.size() && r < cost.size(); ++r) {
    if (cost[r] != 0) parts.push_back(resource_amount(r, cost[r], rec.currency, rec.problem));
  }
  if (parts.empty()) return "nothing";
  std::string last = parts.back();
  parts.pop_back();
  return parts.empty() ? last : boost::algorithm::join(parts, ", ") + " and " + last;
}

}  // namespace

size_t index_of(const Problem& p, std::string_view id) {
  for (size_t i = 0; i < p.items.size(); ++i) {
    if (p.items[i].id == id) return i;
  }
  return p.items.size();
}

std::string why_infeasible(const Problem& p, const std::vector<Assessment>& assessments, const std::string& currency) {
  // The forums every portfolio must hold: the must-include ones and, through "requires", what
  // they need; `via` keeps the forum that pulled each one in, so a message can give the chain.
  const size_t none = p.items.size();
  std::vector<size_t> via(p.items.size(), none);
  std::vector<bool> forced(p.items.size(), false);
  std::vector<size_t> order;
  for (size_t m : p.must) {
    if (!forced[m]) order.push_back(m);
    forced[m] = true;
  }
  for (size_t k = 0; k < order.size(); ++k) {
    for (const auto& [x, y] : p.implies) {
      if (x != order[k] || forced[y]) continue;
      forced[y] = true;
      via[y] = x;
      order.push_back(y);
    }
  }
  auto path = [&](size_t i) {
    std::string s = p.items[i].id;
    for (size_t j = via[i]; j != none; j = via[j]) s = p.items[j].id + ", which requires " + s;
    return s;
  };
  auto chain = [&](size_t i) { return "\"must\" includes " + path(i); };
  for (size_t i : order) {
    const Assessment& a = assessments[i];
    if (a.excluded) return chain(i) + ", but " + a.forum.id + " is excluded";
    if (!p.items[i].options.empty()) continue;
    std::string why;
    for (const auto& o : a.options) why += (why.empty() ? "" : "; ") + o.option.name + ": " + o.closed_why;
    return chain(i) + ", which the country cannot take in any of its options (" + why + ")";
  }
  for (const auto& group : p.at_most_one) {
    std::vector<size_t> in;
    for (size_t i : group) {
      if (forced[i]) in.push_back(i);
    }
    if (in.size() < 2) continue;
    std::vector<std::string> ids;
    for (size_t i : group) ids.push_back(p.items[i].id);
    return chain(in[0]) + " and " + path(in[1]) + ", but at_most_one_of allows only one of " + boost::algorithm::join(ids, ", ");
  }
  std::vector<std::string> forced_ids;
  for (size_t i : order) forced_ids.push_back(p.items[i].id);
  std::string what = forced_ids.size() == p.must.size() ? "the must-include forums (" + boost::algorithm::join(forced_ids, ", ") + ")"
                                                        : "the must-include forums and those they require (" +
                                                              boost::algorithm::join(forced_ids, ", ") + ")";
  if (p.max_items && order.size() > *p.max_items) {
    if (order.size() == p.must.size()) {
      return "\"must\" names " + std::to_string(p.must.size()) + " forums but max_forums is " +
             std::to_string(*p.max_items) + " (" + std::to_string(p.must.size() - *p.max_items) + " too many)";
    }
    return what + " are " + std::to_string(order.size()) + " forums but max_forums is " +
           std::to_string(*p.max_items) + " (" + std::to_string(order.size() - *p.max_items) + " too many)";
  }
  // The least each resource the forced forums need, each at its cheapest open level.
  for (size_t r = 0; r < p.resources.size(); ++r) {
    Exact need = 0;
    for (size_t m : order) {
      Exact least = -1;
      for (const auto& o : p.items[m].options) {
        if (least < 0 || o.cost[r] < least) least = o.cost[r];
      }
      need += least;
    }
    if (need > p.budget[r]) {
      return what + " need at least " + resource_amount(r, need, currency, p) + " but the budget is " +
             resource_amount(r, p.budget[r], currency, p) + " (short by " +
             resource_amount(r, need - p.budget[r], currency, p) + ")";
    }
  }
  return "no portfolio meets all of must (" + boost::algorithm::join(forced_ids, ", ") +
         "), the budgets, max_forums, requires and at_most_one_of together";
}

std::vector<int> today_choice(const Recommendation& rec) {
  std::vector<int> today(rec.assessments.size(), -1);
  for (size_t i = 0; i < rec.assessments.size(); ++i) {
    const Assessment& as = rec.assessments[i];
    if (as.current) today[i] = as.options[*as.current].problem_option;
  }
  return today;
}

const OptionAssessment& Assessment::problem_option(size_t o) const {
  for (const auto& oa : options) {
    if (oa.problem_option == static_cast<int>(o)) return oa;
  }
  throw std::logic_error("forum " + forum.id + " has no problem option " + std::to_string(o));
}

const OptionAssessment* Assessment::find_option(std::string_view id) const {
  for (const auto& oa : options) {
    if (oa.option.id == id) return &oa;
  }
  return nullptr;
}

std::vector<std::string> serves_most(const Recommendation& rec, const Choice& c) {
  auto name_of = [&](const std::string& k) {
    for (const auto& as : rec.assessments) {
      if (as.forum.id != c.forum) continue;
      for (const auto& fit : as.score.fits) {
        if (fit.criterion && fit.criterion->id == k) return fit.criterion->name;
      }
    }
    return k;
  };
  std::vector<std::pair<Exact, std::string>> parts;
  for (const auto& [k, v] : c.by_objective) {
    if (c.value > 0 && v * 5 >= c.value) parts.emplace_back(v, name_of(k));
  }
  std::stable_sort(parts.begin(), parts.end(), [](const auto& x, const auto& y) { return x.first > y.first; });
  std::vector<std::string> out;
  for (const auto& p : parts) out.push_back(p.second);
  return out;
}

std::string coverage_sentence(const Recommendation& rec) {
  if (rec.problem.needs.empty() || !rec.feasible()) return "";
  std::string per;
  for (size_t k = 0; k < rec.objectives.size(); ++k) {
    if (rec.weights.at(rec.objectives[k]) == 0) continue;
    per += (per.empty() ? "" : ", ") + rec.objectives[k] + " " + display::percent(rec.objective_coverage[k]);
  }
  return "Serves " + display::percent(rec.coverage_total) +
         " of what these priorities could gain from forums (by objective: " + per +
         "). Forums serving the same need add with diminishing returns (two that each serve half of it serve three "
         "quarters): a forum's value is what it serves alone, the overlap row what the chosen serve twice.";
}

std::vector<Exact> objective_coverage(const Recommendation& rec, const std::vector<int>& choice, Exact* total) {
  const std::vector<Exact> c = coverage(rec.problem, choice);
  std::vector<Exact> out(rec.objectives.size(), Exact(0));
  Exact sum = 0;
  for (size_t n = 0; n < c.size(); ++n) {
    out[rec.need_objective[n]] += rec.need_unit[n] * c[n];
    sum += rec.problem.needs[n].weight * c[n];
  }
  if (total) *total = sum;
  return out;
}

namespace {

// Sets objective_coverage and coverage_total for `choice` of rec.problem.
void set_coverage(Recommendation& rec, const std::vector<int>& choice) {
  rec.objective_coverage = objective_coverage(rec, choice, &rec.coverage_total);
}

}  // namespace

namespace {

// Events are substitutes (engine/README.md, "Events"): attending a conference or summit gives
// talks, contacts and a stage, and a second event gives much the same again, while the
// diminishing returns of coverage (1 - (1 - a)(1 - b)) barely bite on the small shares single
// events serve, so every cheap event with a positive value was taken beside the others (SEMIC
// beside GovInsider for 133 countries). Each need n that an attend option serves is split in
// two: its "at events" part, of size c_n, and the rest. c_n (`size`) is the largest share any
// attend option open to the country serves of n, excluded by the profile or not (so that
// excluding a forum not chosen changes no value), rounded up to two significant digits. Attend
// options serve only the events part, at share s / c_n; every other option serves both parts at
// its share s. So each option alone, and any mix of
// non-events, is worth exactly what it was; an event next to a non-event too; and events
// next to each other add only where they serve what the best of them leaves: the best event
// of a need fills (at least 10/11 of) its events part; a forum's other options (membership,
// seats, roles) include its own event, so they serve the events part at least as attending it
// does (below). The twin of base need n is need N + n (N base needs): a
// deterministic index whatever the catalogue (the estimates' one-forum rebuilds rely on it),
// of weight 0 and served by none where no event serves n.
void split_event_needs(Recommendation& rec, std::vector<Exact> size) {
  Problem& p = rec.problem;
  const size_t base = p.needs.size();
  if (std::all_of(size.begin(), size.end(), [](const Exact& c) { return c == 0; })) return;
  // Rounded up to two significant digits (so the best event fills at least 10/11 of it): the
  // exact share made the rows' coefficients 16 digits long, on which CBC's cuts cut off the
  // optimum; a decimal size adds only factors 2 and 5 to the rows' denominators.
  for (auto& c : size) {
    if (c == 0) continue;
    Exact unit(1, 100);
    while (c < unit * 10) unit /= 10;
    const Exact m = c / unit;
    c = std::min(Exact(1), unit * Exact(boost::multiprecision::numerator(m) / boost::multiprecision::denominator(m) +
                                        (boost::multiprecision::denominator(m) == 1 ? 0 : 1)));
  }
  for (size_t n = 0; n < base; ++n) {
    p.needs.push_back({p.needs[n].label + " at events", p.needs[n].weight * size[n]});
    p.needs[n].weight *= Exact(1) - size[n];
    rec.need_objective.push_back(rec.need_objective[n]);
    rec.need_unit.push_back(rec.need_unit[n] * size[n]);
    rec.need_unit[n] *= Exact(1) - size[n];
  }
  for (size_t i = 0; i < p.items.size(); ++i) {
    // The forum's own event: its members sit at it too (Smart Africa's Board meets at the
    // Transform Africa Summit, S208, S425), so another option of the forum serves the events part
    // at least as attending does, t = max(s, min(s, e) / c), and the rest at (s - c t) / (1 - c):
    // alone it is still worth W(1 - c)(s - ct)/(1 - c) + Wct = Ws, exactly.
    std::vector<Exact> own_event(base, Exact(0));
    for (size_t o = 0; o < p.items[i].options.size(); ++o) {
      if (rec.assessments[i].problem_option(o).option.kind != OptionKind::kAttend) continue;
      for (const auto& [n, s] : p.items[i].options[o].shares) own_event[n] = std::max(own_event[n], s);
    }
    for (size_t o = 0; o < p.items[i].options.size(); ++o) {
      auto& shares = p.items[i].options[o].shares;
      const bool event = rec.assessments[i].problem_option(o).option.kind == OptionKind::kAttend;
      std::vector<std::pair<size_t, Exact>> rest, part;
      for (const auto& [n, s] : shares) {
        if (event) {
          part.emplace_back(base + n, s / size[n]);
          continue;
        }
        Exact t = s;
        if (size[n] > 0 && own_event[n] > 0) t = std::max(s, Exact(std::min(s, own_event[n]) / size[n]));
        const Exact r = t == s ? s : (size[n] == 1 ? Exact(0) : (s - size[n] * t) / (Exact(1) - size[n]));
        if (r > 0) rest.emplace_back(n, r);
        if (size[n] > 0) part.emplace_back(base + n, t);
      }
      rest.insert(rest.end(), part.begin(), part.end());
      shares = std::move(rest);
    }
  }
}

}  // namespace

LinearProblem linear_problem(const Recommendation& rec) {
  // Per unit weight, each option relative to leaving (its unit plus the leave cost's): every
  // portfolio's value then moves by the same amount at each weighting, so comparisons hold.
  std::vector<std::vector<std::vector<Exact>>> option_unit;
  Problem p = without_none_values(rec.problem);
  for (size_t i = 0; i < p.items.size(); ++i) {
    const Assessment& as = rec.assessments[i];
    std::vector<std::vector<Exact>> item;
    for (size_t o = 0; o < p.items[i].options.size(); ++o) {
      const OptionAssessment& oa = as.problem_option(o);
      // Coverage is in the needs (need_objective, need_unit); the option's own part is outside it.
      std::vector<Exact> u = oa.linear_unit;
      // The price does not depend on the weights; as the weights sum to 1 it is the same
      // amount off every objective's unit value.
      for (auto& x : u) x -= oa.price;
      for (size_t k = 0; k < u.size() && k < as.leave_unit.size(); ++k) u[k] += as.leave_unit[k];
      item.push_back(std::move(u));
    }
    option_unit.push_back(std::move(item));
  }
  return {p, rec.objectives, option_unit, rec.penalty_unit, rec.need_objective, rec.need_unit};
}

Robustness robustness(const Recommendation& rec, const Profile& profile, const RobustOptions& options) {
  return analyse_robustness(linear_problem(rec), *profile.weight_set, rec.solution.choice, options);
}

Assumptions effective_assumptions(const Catalogue& cat, const Profile& p) {
  Assumptions a = cat.assumptions;
  for (const auto& [key, value] : p.assumptions) {
    Fact& f = a.values[key];
    f.value = value;
    f.prov = Provenance{};
    f.prov.source = "profile";
    f.prov.reason = "profile override";
    a.overridden[key] = true;
  }
  return a;
}

namespace {

// The year after the newest fact in the catalogue: the default year planned for.
int default_plan_year(const Catalogue& cat) {
  int newest = 0;
  auto year_of = [](const std::string& as_of) { return as_of.size() >= 4 ? std::atoi(as_of.substr(0, 4).c_str()) : 0; };
  for (const auto& f : cat.forums) {
    for (const auto& [key, fact] : f.facts) newest = std::max(newest, year_of(fact.prov.as_of));
    for (const auto& o : f.options) newest = std::max(newest, year_of(o.prov.as_of));
  }
  return newest > 0 ? newest + 1 : 2027;
}

Exact dot(const std::map<std::string, Exact>& weights, const std::vector<std::string>& objectives,
          const std::vector<Exact>& unit) {
  Exact v = 0;
  for (size_t k = 0; k < objectives.size(); ++k) v += weights.at(objectives[k]) * unit[k];
  return v;
}

// The status-quo terms of one forum's options (engine/README.md, "Status quo"): tenure on the
// forum's membership options, lead time on a new membership (both scale the shares it serves,
// which stay at most 1), the reputation cost of a lesser option than today's and of leaving
// (outside coverage: linear_unit and the leave cost). `theme` is the forum's theme factor per
// objective; unit = 100 x share x theme + linear_unit throughout.
void apply_status_quo(Assessment& as, const Recommendation& rec, const Assumptions& a, const Exact& tenure_years,
                      bool member_today, const std::vector<Exact>& theme) {
  const Exact horizon = a.get("horizon_years");
  // A founder's exit is read as the network failing (seed 002: with few members, one or two
  // absent made progress difficult), so leaving what one founded costs its own share.
  const Exact rep = a.get(as.founder ? "founder_leave_share" : "leave_reputation_share");
  const Exact full = a.get("tenure_full_years");
  const Exact tenure_part = std::min(tenure_years, full) / full;
  const size_t K = rec.objectives.size();
  auto at_weights = [&](const std::vector<Exact>& u) { return dot(rec.weights, rec.objectives, u); };
  auto set_share = [&](OptionAssessment& oa, size_t k, const Exact& x) {
    oa.share[k] = std::min(Exact(1), x);
    oa.unit[k] = 100 * oa.share[k] * theme[k] + oa.linear_unit[k];
  };
  // 2. Tenure: the years held raise the objectives data/assumptions.toml names
  // (tenure_gain_<objective>) on every membership option of the forum.
  if (member_today && tenure_part > 0) {
    for (auto& oa : as.options) {
      if (oa.option.kind == OptionKind::kAttend) continue;
      const Exact before = at_weights(oa.unit);
      for (size_t k = 0; k < K; ++k) {
        if (auto gain = a.find("tenure_gain_" + rec.objectives[k])) set_share(oa, k, oa.share[k] * (1 + *gain * tenure_part));
      }
      oa.status_quo.tenure = at_weights(oa.unit) - before;
      if (oa.status_quo.tenure != 0) {
        oa.status_quo.how += format_exact(tenure_years) + " years held: tenure adds " + format_exact(oa.status_quo.tenure, 2) + "; ";
      }
    }
  }
  // 3. Lead time: a forum the country does not belong to yields nothing until the option starts.
  if (!member_today) {
    for (auto& oa : as.options) {
      const Exact months = oa.option.lead_time_months.value_or(0);
      if (months == 0 || oa.current) continue;
      const Exact keep = std::max(Exact(0), Exact(1 - months / (12 * horizon)));
      const Exact before = at_weights(oa.unit);
      for (size_t k = 0; k < K; ++k) set_share(oa, k, oa.share[k] * keep);
      oa.status_quo.lead_time = before - at_weights(oa.unit);
      oa.status_quo.how += format_exact(months) + " months' lead time over a " + format_exact(horizon) + "-year horizon; ";
    }
  }
  // 4. Leaving and lesser options: a share of what today's option yields, counted against
  // giving it up (all of it by leaving; per objective, what a lesser option yields less).
  if (as.current) {
    const OptionAssessment& cur = as.options[*as.current];
    as.leave_unit.assign(K, Exact(0));
    for (size_t k = 0; k < K; ++k) as.leave_unit[k] = rep * cur.unit[k];
    as.leave_cost = at_weights(as.leave_unit);
    const std::vector<Exact> cur_unit = cur.unit;
    for (size_t j = 0; j < *as.current; ++j) {
      auto& oa = as.options[j];
      const Exact before = at_weights(oa.unit);
      for (size_t k = 0; k < K; ++k) {
        const Exact lost = rep * std::max(Exact(0), Exact(cur_unit[k] - oa.unit[k]));
        oa.linear_unit[k] -= lost;
        oa.unit[k] -= lost;
      }
      oa.status_quo.downgrade = before - at_weights(oa.unit);
      if (oa.status_quo.downgrade != 0) {
        oa.status_quo.how += "gives up part of today's " + cur.option.name + ": " + format_exact(oa.status_quo.downgrade, 2) + "; ";
      }
    }
  } else {
    as.leave_unit.assign(K, Exact(0));
  }
  for (auto& oa : as.options) {
    oa.value = 0;
    oa.by_objective.clear();
    for (size_t k = 0; k < K; ++k) {
      Exact v = rec.weights.at(rec.objectives[k]) * oa.unit[k];
      oa.by_objective[rec.objectives[k]] = v;
      oa.value += v;
    }
  }
}

}  // namespace

namespace {
// Why a dormant forum offers nothing, with how to say it meets again.
std::string dormant_text(const Assessment& as, const Exact& dormant_after_years, int plan_year) {
  const Fact* f = as.forum.fact("last_meeting_year");
  std::string out = "no meeting recorded since " + format_exact(*as.forum.number("last_meeting_year")) + " (last_meeting_year";
  if (f && !f->prov.note.empty()) out += ": " + f->prov.note;
  return out + "), more than " + format_exact(dormant_after_years) + " years before " + std::to_string(plan_year) +
         " ([assumptions] dormant_after_years): nothing to take part in; [overrides." + as.forum.id + "] last_meeting_year = YEAR where it meets again";
}

}  // namespace

std::string other_remit_text(const Assessment& as) {
  std::vector<std::string> words;
  for (auto r : as.remit) {
    std::replace(r.begin(), r.end(), '_', ' ');
    words.push_back(r);
  }
  std::string t = "another ministry's file (" + boost::algorithm::join(words, ", ") + "): coordinate with " +
                  (as.coordinate_with.empty() ? "whoever holds it ([remit] coordinate_with names them)" : as.coordinate_with);
  if (as.current) {
    t += "; held today as " + as.options[*as.current].option.name + (as.since ? " since " + std::to_string(as.since) : "") +
         (as.founder ? " (a founder)" : "");
  }
  // What to write for the profile to take the file on itself, rather than the key's bare name.
  t += "; to take it on here, add its remit to [remit] covers";
  return t;
}

namespace {

// Whose file the forum is: its remit fact against what the profile covers. A forum the profile
// names in `must` is its decision whatever the remit (the profile says so); one without a remit
// fact is read as digital government's (the schema's documented default).
void set_remit(Assessment& as, const Profile& profile) {
  as.remit = {"digital_government"};
  if (const Fact* f = as.forum.fact("remit")) as.remit = std::get<std::vector<std::string>>(f->value);
  const auto& covers = profile.remit.covers;
  as.other_remit = !as.must && std::none_of(as.remit.begin(), as.remit.end(), [&](const std::string& r) {
    return std::find(covers.begin(), covers.end(), r) != covers.end();
  });
  if (!as.other_remit) return;
  std::vector<std::string> who;
  for (const auto& r : as.remit) {
    if (auto w = profile.remit.coordinate_with.find(r); w != profile.remit.coordinate_with.end()) {
      if (std::find(who.begin(), who.end(), w->second) == who.end()) who.push_back(w->second);
    }
  }
  as.coordinate_with = boost::algorithm::join(who, " and ");
}

// The model for `profile`: assessments of every forum and the problem, not yet solved.
Result<Recommendation> build_model(const Profile& profile, const Catalogue& cat) {
  Result<Recommendation> result;
  auto country = make_country(profile, cat.data);
  result.diagnostics.append(country.diagnostics);
  if (!country.ok()) return result;
  Recommendation rec;
  rec.country = *country.value;
  rec.weights = normalised_weights(profile);
  rec.weights_basis = weights_basis(profile);
  rec.currency = profile.capacity.currency;
  rec.usd_rate = profile.capacity.usd_rate;
  rec.baseline = profile.baseline;
  rec.plan_year = profile.plan_year.value_or(default_plan_year(cat));
  if (profile.resources.empty()) {
    rec.resources = kResources;
    rec.budget = {profile.capacity.money, profile.capacity.staff_days, profile.capacity.ministerial_days};
  } else {
    for (const auto& r : profile.resources) {
      rec.resources.push_back(r.name);
      rec.budget.push_back(r.budget);
    }
  }
  Assumptions a = effective_assumptions(cat, profile);
  // Prices per unit of each budget, in the profile's units (money: its currency); an abstract
  // resource has none (its unit means nothing to the assumptions).
  rec.prices.assign(rec.resources.size(), Exact(0));
  if (profile.resources.empty()) {
    rec.prices = {a.get("price_per_1000_usd") * rec.usd_rate / 1000, a.get("price_per_staff_day"),
                  a.get("price_per_ministerial_day")};
  }
  std::set<std::string> excluded, must;
  for (const auto& r : profile.constraints.exclude) excluded.insert(r.id);
  for (const auto& r : profile.constraints.must) must.insert(r.id);
  // The fresh-start view counts nothing as held today.
  CountryView mc = rec.country;
  if (rec.baseline == Baseline::kNone) {
    mc.memberships.clear();
    mc.member_since.clear();
    mc.founded.clear();
  }

  // The model is linear in the weights: shares and units are per unit weight of each objective.
  for (const auto& [k, w] : rec.weights) rec.objectives.push_back(k);
  Problem& p = rec.problem;
  p.resources = rec.resources;
  p.budget = rec.budget;
  // The needs (engine/README.md, coverage): per objective, the part that depends on no theme
  // (1 - r) and one per country theme t its criterion makes relevant (p_t x r_t); forums serve
  // them with diminishing returns, so a portfolio's value per objective stays within 0..100.
  // Each need's theme ("" for the part no theme holds); its objective is rec.need_objective.
  std::vector<std::string> need_theme;
  for (size_t k = 0; k < rec.objectives.size(); ++k) {
    const Criterion* crit = cat.find_criterion(rec.objectives[k]);
    std::vector<std::pair<std::string, Exact>> parts;
    Exact r = 0;
    if (crit) {
      for (const auto& [theme, priority] : mc.themes) {
        const Exact part = priority * crit->theme_relevance.at(theme);
        r += part;
        if (part > 0) parts.emplace_back(theme, part);
      }
    }
    if (r < 1) parts.insert(parts.begin(), {std::string(), Exact(1 - r)});
    for (const auto& [theme, part] : parts) {
      need_theme.push_back(theme);
      p.needs.push_back({rec.objectives[k] + (theme.empty() ? "" : "/" + theme), 100 * rec.weights.at(rec.objectives[k]) * part});
      rec.need_objective.push_back(k);
      rec.need_unit.push_back(100 * part);
    }
  }
  // At most max_roles chair or host roles at once: a count kept as one more resource of the
  // problem (after the profile's, so reports never show it), used only when a role is open.
  bool any_role = false;
  std::map<std::string, size_t> index;
  std::vector<Exact> event_size(p.needs.size(), Exact(0));  // split_event_needs
  for (const auto& f : cat.forums) {
    Assessment as;
    as.forum = with_overrides(f, profile);
    as.eligibility = check_eligibility(as.forum, mc);
    const std::vector<EngagementOption> opts = model_options(as.forum);
    as.score = score_forum(as.forum, opts, mc, cat, rec.weights, a);
    const ForumScore& unit = as.score;
    // The forum's theme factor per objective (1 where a given score stands for its whole value).
    std::vector<Exact> theme(rec.objectives.size(), Exact(1));
    std::vector<bool> themed(rec.objectives.size(), false);
    for (const auto& fit : unit.fits) {
      if (!fit.themed) continue;
      for (size_t k = 0; k < rec.objectives.size(); ++k) {
        if (rec.objectives[k] == fit.criterion->id) {
          theme[k] = fit.theme.factor;
          themed[k] = true;
        }
      }
    }
    as.excluded = excluded.count(f.id) > 0;
    as.must = must.count(f.id) > 0;
    if (auto last = as.forum.number("last_meeting_year")) as.dormant = Exact(rec.plan_year) - *last > a.get("dormant_after_years");
    if (as.dormant) as.dormant_why = dormant_text(as, a.get("dormant_after_years"), rec.plan_year);
    if (auto founded = as.forum.number("founded"); founded && *founded > rec.plan_year) {
      as.dormant = as.not_founded = true;
      as.dormant_why = "founded in " + format_exact(*founded) + ", after " + std::to_string(rec.plan_year) +
                       " (plan_year): it does not exist yet";
    }
    set_remit(as, profile);
    auto held = mc.memberships.find(f.id);
    const bool member_today = holds_membership(as.forum, mc);
    Exact tenure_years = a.get("tenure_unknown_years");
    if (auto since = mc.member_since.find(f.id); since != mc.member_since.end()) {
      as.since = since->second;
      tenure_years = std::max(0, rec.plan_year - since->second);
    }
    for (const auto& o : opts) {
      OptionAssessment oa;
      oa.option = o;
      oa.current = held != mc.memberships.end() && held->second == o.id;
      if (oa.current) as.current = as.options.size();
      oa.eligibility = option_eligibility(as.forum, o, as.eligibility, mc);
      bool turn_closed = false;
      // A turn (a chair, a host, an elected seat that rotates among N) is the country's in a
      // year it knows: offered in the year [turns] states, or kept by the country that holds it
      // today; never spread over the years as 1/N of a role, which made every role look cheap.
      if (o.rotates() && o.rotation_years && o.generic_level.empty() && !oa.current) {
        auto turn = profile.turns.find(f.id);
        if (turn == profile.turns.end()) {
          turn_closed = true;
          oa.closed_why = "taken in turns, about once in " + format_exact(*o.rotation_years) +
                          " years: offered in the year of the country's turn ([turns] " + f.id + " = YEAR)";
        } else if (turn->second != rec.plan_year) {
          turn_closed = true;
          oa.closed_why = "the profile's turn is " + std::to_string(turn->second) + ", not the planned year " +
                          std::to_string(rec.plan_year) + " (plan_year)";
        }
      }
      oa.open = !turn_closed && oa.eligibility.status == EligibilityStatus::kEligible;
      // What the country lacks comes first; a turn matters once it could take the option.
      if (!oa.open && oa.eligibility.status != EligibilityStatus::kEligible) oa.closed_why.clear();
      if (!oa.open && oa.closed_why.empty()) {
        oa.closed_why = std::string(status_name(oa.eligibility.status)) + ": " + boost::algorithm::join(oa.eligibility.missing, "; ");
      }
      // Shares start at the option's yield before themes (at most all of a need); unit is
      // what it serves alone: 100 x share x the theme factor.
      for (size_t k = 0; k < rec.objectives.size(); ++k) {
        oa.share.push_back(std::min(Exact(1), Exact(unit.yield.at(o.id).at(rec.objectives[k]) / 100)));
        oa.linear_unit.push_back(0);
        oa.unit.push_back(100 * oa.share.back() * theme[k]);
      }
      oa.cost = o.generic_level.empty() ? option_cost(as.forum, o, mc, a, cat.per_diem, cat.data)
                                        : level_cost(as.forum, o.generic_level, mc, a, cat.per_diem, cat.data);
      if (!member_today && o.kind != OptionKind::kAttend && o.generic_level.empty()) {
        const Exact once = a.get("accession_staff_days");
        if (once > 0) {
          oa.cost.lines.push_back({"joining: " + format_exact(once) + " staff days once, over a " +
                                       format_exact(a.get("horizon_years")) + "-year horizon",
                                   0, once / a.get("horizon_years"), 0});
          oa.cost.staff_days += once / a.get("horizon_years");
        }
      }
      oa.cost_vec = {oa.cost.money_usd / rec.usd_rate, oa.cost.staff_days, oa.cost.ministerial_days};
      if (!given_costs(as.forum, o.id, profile, rec, &oa.cost_vec, &result.diagnostics)) return result;
      as.options.push_back(std::move(oa));
    }
    as.founder = mc.founded.count(f.id) > 0;
    apply_status_quo(as, rec, a, tenure_years, member_today, theme);
    if (as.dormant) {
      // A forum that no longer meets: leaving it gives up nothing, so it costs nothing.
      as.leave_unit.assign(rec.objectives.size(), Exact(0));
      as.leave_cost = 0;
    }
    for (auto& oa : as.options) {
      for (size_t r = 0; r < rec.prices.size(); ++r) oa.price += rec.prices[r] * oa.cost_vec[r];
    }
    Item item;
    item.id = f.id;
    const auto theme_list = as.forum.list("themes");
    const std::set<std::string> forum_themes(theme_list.begin(), theme_list.end());
    // Another ministry's forum is not this profile's to keep or leave: no leave cost.
    item.none_value = as.other_remit ? Exact(0) : -as.leave_cost;
    // The needs an option serves, with their shares: the theme-free one and those of the themes
    // the forum works on, where it serves the objective at all.
    auto need_shares = [&](const OptionAssessment& oa) {
      std::vector<std::pair<size_t, Exact>> out;
      for (size_t n = 0; n < need_theme.size(); ++n) {
        const size_t k = rec.need_objective[n];
        if (oa.share[k] == 0) continue;
        if (need_theme[n].empty() || !themed[k] || forum_themes.count(need_theme[n]) > 0) out.emplace_back(n, oa.share[k]);
      }
      return out;
    };
    for (auto& oa : as.options) {
      // The events parts' sizes count this attend option even where the profile excludes it.
      if (oa.open && !as.dormant && !as.other_remit && oa.option.kind == OptionKind::kAttend) {
        for (const auto& [n, share] : need_shares(oa)) event_size[n] = std::max(event_size[n], share);
      }
      if (!oa.open || as.excluded || as.dormant || as.other_remit) continue;
      oa.problem_option = static_cast<int>(item.options.size());
      std::vector<Exact> c = oa.cost_vec;
      // Its coverage goes through the needs; the option's own value is what lies outside it.
      Exact own = dot(rec.weights, rec.objectives, oa.linear_unit) - oa.price;
      item.options.push_back({oa.option.id, std::move(own), std::move(c), need_shares(oa)});
      if (oa.option.is_role() && oa.option.generic_level.empty()) any_role = true;
    }
    if (profile.constraints.keep_current && as.current && !as.excluded && !as.dormant && !as.other_remit) as.must = true;
    index[f.id] = p.items.size();
    if (as.must) p.must.push_back(p.items.size());
    p.items.push_back(std::move(item));
    rec.assessments.push_back(std::move(as));
  }
  split_event_needs(rec, std::move(event_size));
  // Today's choice, for max_changes: an option held today that the problem does not offer
  // (excluded) is a change the profile has already made.
  p.baseline = today_choice(rec);
  if (profile.constraints.max_changes) p.max_changes = static_cast<size_t>(*profile.constraints.max_changes);
  if (any_role) {
    p.resources.push_back("chair_or_host_roles");
    p.budget.push_back(profile.constraints.max_roles);
    for (size_t i = 0; i < p.items.size(); ++i) {
      for (const auto& oa : rec.assessments[i].options) {
        if (oa.problem_option < 0) continue;
        const bool role = oa.option.is_role() && oa.option.generic_level.empty();
        p.items[i].options[static_cast<size_t>(oa.problem_option)].cost.push_back(role ? Exact(1) : Exact(0));
      }
    }
  }
  if (profile.constraints.max_forums) p.max_items = static_cast<size_t>(*profile.constraints.max_forums);
  for (const auto& [x, y] : profile.constraints.requires_pairs) p.implies.emplace_back(index.at(x.id), index.at(y.id));
  for (const auto& g : profile.constraints.at_most_one_of) {
    std::vector<size_t> group;
    for (const auto& r : g) group.push_back(index.at(r.id));
    p.at_most_one.push_back(std::move(group));
  }
  // Today's memberships in this model: what they need against each budget.
  {
    Evaluation e = evaluate(p, today_choice(rec));
    rec.current_value = e.value;
    rec.current_cost.assign(e.cost.begin(), e.cost.begin() + static_cast<long>(rec.resources.size()));
    rec.current_feasible = e.meets_constraints;
    for (size_t r = 0; r < p.resources.size(); ++r) {
      if (e.cost[r] > p.budget[r]) {
        rec.current_short.push_back(resource_amount(r, e.cost[r] - p.budget[r], rec.currency, p) + " over the " +
                                    resource_amount(r, p.budget[r], rec.currency, p) + " budget");
      }
    }
  }
  result.value = std::move(rec);
  return result;
}

}  // namespace

Result<Recommendation> recommend(const Profile& profile, const Catalogue& cat) {
  Result<Recommendation> result = build_model(profile, cat);
  if (!result.ok()) return result;
  Recommendation rec = std::move(*result.value);
  result.value.reset();
  Problem& p = rec.problem;

  // One budget of search steps for the optimum and every forced solve of the reasons below.
  SearchBudget budget;
  // A search that stops at its limit is an answer too (no claim is made), not a failed call.
  auto stopped = [&] {
    rec.status = AnswerStatus::kLimitReached;
    rec.portfolio.clear();
    rec.not_chosen.clear();
    rec.total_value = 0;
    rec.total_cost.assign(rec.resources.size(), Exact(0));
    result.value = std::move(rec);
    return result;
  };
  // Reports index the totals by resource, feasible or not.
  rec.total_cost.assign(rec.resources.size(), Exact(0));
  rec.solution = budget.solve(p);
  if (budget.exhausted()) return stopped();
  rec.status = rec.solution.status;
  if (!rec.feasible()) {
    rec.infeasible_why = why_infeasible(p, rec.assessments, rec.currency);
    result.value = std::move(rec);
    return result;
  }
  const Solution& s = rec.solution;
  rec.total_value = s.value;
  rec.total_cost.assign(s.cost.begin(), s.cost.begin() + static_cast<long>(rec.resources.size()));
  for (size_t i = 0; i < s.choice.size(); ++i) {
    if (s.choice[i] < 0) continue;
    const OptionAssessment& oa = rec.assessments[i].problem_option(static_cast<size_t>(s.choice[i]));
    rec.price_total += oa.price;
    rec.portfolio.push_back({p.items[i].id, oa.option.id, oa.option.name, oa.value, oa.price, oa.by_objective,
                             {oa.cost_vec.begin(), oa.cost_vec.begin() + static_cast<long>(rec.resources.size())}, "",
                             oa.eligibility.status});
  }
  rec.overlap_loss = shared_loss(p, s.choice);
  set_coverage(rec, s.choice);
  for (size_t i = 0; i < p.items.size(); ++i) {
    if (s.choice[i] < 0) rec.leave_loss -= p.items[i].none_value;
  }

  // A membership kept at another option than today's says why, against keeping today's.
  for (auto& c : rec.portfolio) {
    const size_t i = index_of(p, c.forum);
    const Assessment& as = rec.assessments[i];
    if (!as.current || as.options[*as.current].option.id == c.option) continue;
    const OptionAssessment& cur = as.options[*as.current];
    if (cur.problem_option < 0) continue;
    Problem kept = p;
    kept.items[i].options = {p.items[i].options[static_cast<size_t>(cur.problem_option)]};
    kept.must.push_back(i);
    Solution alt = budget.solve(kept);
    if (budget.exhausted()) return stopped();
    if (!alt.optimal()) {
      c.change = "Change " + as.forum.name + " from " + cur.option.name + " to " + c.name + ": no portfolio that keeps " + cur.option.name + " meets the budgets and constraints";
      continue;
    }
    const OptionAssessment& now = as.problem_option(static_cast<size_t>(s.choice[i]));
    std::vector<Exact> freed;
    for (size_t r = 0; r < rec.resources.size(); ++r) freed.push_back(cur.cost_vec[r] - now.cost_vec[r]);
    bool frees = std::all_of(freed.begin(), freed.end(), [](const Exact& x) { return x >= 0; });
    for (auto& x : freed) x = x < 0 ? -x : x;
    c.change = "Change " + as.forum.name + " from " + cur.option.name + " to " + c.name + ": " + (frees ? "frees " : "changes use by ") + resources_text(freed, rec) +
               " a year; the portfolio is worth " + display::points(s.value - alt.value) + " more than the best that keeps " +
               cur.option.name;
  }

  for (size_t i = 0; i < p.items.size(); ++i) {
    if (s.choice[i] >= 0) continue;
    const Assessment& as = rec.assessments[i];
    NotChosen nc;
    nc.forum = as.forum.id;
    if (as.excluded) {
      nc.status = NotChosenStatus::kExcluded;
      nc.detail = "excluded by the profile";
    } else if (as.dormant) {
      nc.status = as.not_founded ? NotChosenStatus::kNotFounded : NotChosenStatus::kDormant;
      nc.detail = as.dormant_why;
      if (as.current) nc.leave = "Leave " + as.forum.name + ": " + nc.detail;
    } else if (as.other_remit) {
      nc.status = NotChosenStatus::kOtherRemit;
      nc.detail = other_remit_text(as);
      nc.held_elsewhere = as.current.has_value();
    } else if (p.items[i].options.empty()) {
      const Eligibility& e = as.eligibility;
      nc.status = e.status == EligibilityStatus::kReachable ? NotChosenStatus::kReachable : NotChosenStatus::kNotEligible;
      nc.missing = e.missing;
      if (nc.missing.empty()) {
        for (const auto& o : as.options) nc.missing.push_back(o.option.name + ": " + o.closed_why);
      }
      nc.detail = (nc.status == NotChosenStatus::kReachable ? "not yet eligible; missing: " : "not eligible: ") + boost::algorithm::join(nc.missing, "; ");
      // The conditions already met belong to the path too: "track record: EGDI ..., met".
      for (const auto& c : e.checks) {
        if (c.met && c.rule.rule == EntryRuleKind::kTrackRecord) nc.detail += "; track record " + c.detail;
      }
    } else {
      Problem forced = p;
      forced.must.push_back(i);
      // The optimum with i added and repaired is near the forced optimum: it prunes from the start.
      const SolveHint near{s.choice};
      Solution alt = budget.solve(forced, &near);
      if (budget.exhausted()) return stopped();
      if (!alt.optimal()) {
        // Over budget: the cheapest option next to the must-include forums' cheapest options.
        size_t cheapest = 0;
        for (size_t o = 1; o < p.items[i].options.size(); ++o) {
          if (p.items[i].options[o].cost[0] < p.items[i].options[cheapest].cost[0]) cheapest = o;
        }
        const Option& opt = p.items[i].options[cheapest];
        std::vector<std::string> over;
        for (size_t r = 0; r < p.resources.size(); ++r) {
          Exact need = opt.cost[r];
          for (size_t m : p.must) {
            Exact least = p.items[m].options.front().cost[r];
            for (const auto& o : p.items[m].options) least = std::min(least, o.cost[r]);
            need += least;
          }
          if (need > p.budget[r]) over.push_back(resource_amount(r, need - p.budget[r], rec.currency, p));
        }
        nc.status = NotChosenStatus::kOverBudget;
        nc.detail = over.empty() ? "no portfolio with it meets max_forums, requires and at_most_one_of"
                                 : "even as " + rec.assessments[i].problem_option(cheapest).option.name + " it exceeds the budget by " + boost::algorithm::join(over, " and ");
        if (as.current) {
          nc.leave = "Leave " + as.forum.name + ": no portfolio that keeps it fits the budgets and constraints (" + nc.detail +
                     "); leaving costs " + display::points(as.leave_cost);
        }
      } else {
        nc.status = NotChosenStatus::kOutvalued;
        std::vector<std::string> dropped, changed;
        std::string level;
        for (size_t j = 0; j < p.items.size(); ++j) {
          if (j == i) {
            level = rec.assessments[i].problem_option(static_cast<size_t>(alt.choice[i])).option.name;
            continue;
          }
          if (s.choice[j] >= 0 && alt.choice[j] < 0) dropped.push_back(p.items[j].id);
          if (s.choice[j] < 0 && alt.choice[j] >= 0) changed.push_back("adds " + p.items[j].id);
          if (s.choice[j] >= 0 && alt.choice[j] >= 0 && s.choice[j] != alt.choice[j]) {
            changed.push_back(p.items[j].id + " as " + rec.assessments[j].problem_option(static_cast<size_t>(alt.choice[j])).option.name);
          }
        }
        Exact gap = s.value - alt.value;
        nc.detail = "the best portfolio with it (" + level + ") is worth " + display::points(alt.value) +
                    (gap > 0 ? ", " + display::points(gap) + " less" : ", the same (the tie rule prefers the recommendation)");
        if (!dropped.empty()) nc.detail += "; it would drop " + boost::algorithm::join(dropped, ", ");
        if (!changed.empty()) nc.detail += "; " + boost::algorithm::join(changed, ", ");
        if (as.current) {
          // A membership given up says what it frees and what that buys against what it is
          // worth: the portfolio without it gains D on everything else, more than F + G.
          const OptionAssessment& kept = as.problem_option(static_cast<size_t>(alt.choice[i]));
          // What keeping it would give up, in words: another membership kept, or one joined.
          std::vector<std::string> uses;
          for (const auto& id : dropped) {
            const Assessment& other = rec.assessments[index_of(p, id)];
            uses.push_back((other.current ? "keeping " : "joining ") + id);
          }
          // With prices, keeping is worth its value less the price of what it uses; resources
          // left unspent are worth their price, so D counts that use too. Its value is what it
          // adds next to the rest of that portfolio (coverage: less than alone where the others
          // serve the same needs), so K is exactly what taking it out of that portfolio loses.
          std::vector<int> without = alt.choice;
          without[i] = -1;
          const Exact P = kept.price, G = as.leave_cost, K = alt.value - evaluate(p, without).value, V = K + P - G,
                      D = gap + K;
          // Where it adds less next to the others than alone, say who serves the same needs.
          std::string next_to = "its value next to the others " + display::points(V);
          if (V < kept.value) {
            std::set<size_t> mine;
            for (const auto& [k, share] : p.items[i].options[static_cast<size_t>(alt.choice[i])].shares) mine.insert(k);
            std::vector<std::string> same;
            for (size_t j = 0; j < p.items.size(); ++j) {
              if (j == i || alt.choice[j] < 0) continue;
              const auto& sh = p.items[j].options[static_cast<size_t>(alt.choice[j])].shares;
              if (std::any_of(sh.begin(), sh.end(), [&](const auto& x) { return mine.count(x.first) > 0; })) same.push_back(p.items[j].id);
            }
            next_to += " of " + display::points(kept.value) + " alone, as " + boost::algorithm::join(same, ", ") +
                       " serve much of the same";
          }
          const bool priced = P != 0;
          const std::string leaving = std::string(" that leaving ") + (as.founder ? "a forum it founded" : "it") + " costs";
          const std::string best_use = dropped.empty() ? std::string(priced ? "what the other forums gain, or left unspent" : "what the other forums gain")
                                                       : boost::algorithm::join(uses, ", ");
          if (priced && K <= 0) {
            // Its resources are worth more elsewhere than all that keeping it gives: say that
            // first, with no negative "worth" in the sentence.
            nc.leave = "Leave " + as.forum.name + ": frees " + resources_text(kept.cost_vec, rec) + " a year, worth " +
                       display::points(P) + " at their price, more than the " + display::points(V + G) +
                       " that keeping it as " + kept.option.name + " gives (" + next_to + ", and the " +
                       display::points(G) + leaving + ")" +
                       (dropped.empty() ? std::string() : "; their best use (" + best_use + ") adds " + display::points(D));
          } else {
            nc.leave = "Leave " + as.forum.name + ": frees " + resources_text(kept.cost_vec, rec) + " a year" +
                       (priced ? ", worth " + display::points(P) + " at their price" : std::string()) + "; their best use (" +
                       best_use + ") adds " + display::points(D) + ", more than the " + display::points(K) + " that keeping it as " +
                       kept.option.name + " is worth (" + next_to +
                       (priced ? ", less the " + display::points(P) + " its resources are worth," : std::string()) + " and the " +
                       display::points(G) + leaving + ")";
          }
        }
      }
    }
    rec.not_chosen.push_back(std::move(nc));
  }
  result.value = std::move(rec);
  return result;
}

Result<std::vector<Exact>> current_needs(const Profile& profile, const Catalogue& cat) {
  auto model = build_model(profile, cat);
  Result<std::vector<Exact>> result;
  result.diagnostics = model.diagnostics;
  if (model.ok()) result.value = std::move(model.value->current_cost);
  return result;
}

Result<Recommendation> recommendation_model(const Profile& profile, const Catalogue& cat) {
  return build_model(profile, cat);
}

Result<Problem> portfolio_problem(const Profile& profile, const Catalogue& cat) {
  auto model = build_model(profile, cat);
  Result<Problem> result;
  result.diagnostics = model.diagnostics;
  if (model.ok()) result.value = std::move(model.value->problem);
  return result;
}

std::optional<Exact> flip_change(const Recommendation& rec, std::string_view forum, size_t r, bool* stopped) {
  SearchBudget budget;
  auto result = flip_change_within(rec, forum, r, budget);
  if (stopped) *stopped = budget.exhausted();
  return budget.exhausted() ? std::nullopt : result;
}

std::optional<Exact> flip_change_within(const Recommendation& rec, std::string_view forum, size_t r, SearchBudget& budget) {
  const Problem& p = rec.problem;
  size_t idx = p.items.size();
  for (size_t i = 0; i < p.items.size(); ++i) {
    if (p.items[i].id == forum) idx = i;
  }
  if (idx == p.items.size() || !rec.feasible() || p.items[idx].options.empty()) return std::nullopt;
  // The unit below which two budgets are the same: the common denominator of that resource.
  Exact total = 0;
  for (const auto& item : p.items) {
    Exact most = 0;
    for (const auto& o : item.options) most = std::max(most, o.cost[r]);
    total += most;
  }
  const Exact unit = resource_unit(p, r);
  const Exact current = p.budget[r];
  bool in = rec.solution.choice[idx] >= 0;
  Problem q = p;
  constexpr int kMaxSteps = 100000;
  if (in) {
    // Walk down: the optimum at budget b stays while b >= its cost; just below, it changes.
    Solution s = rec.solution;
    for (int step = 0; step < kMaxSteps; ++step) {
      Exact next = s.cost[r] - unit;
      if (next < 0) return std::nullopt;
      q.budget[r] = next;
      const SolveHint near{s.choice};  // the last optimum, repaired to the lower budget
      Solution t = budget.solve(q, &near);
      if (!t.optimal()) return std::nullopt;
      if (t.choice[idx] < 0) return next - current;
      s = t;
    }
    return std::nullopt;
  }
  // Walk down from a budget that binds nothing, keeping the smallest budget above the current
  // one at which the optimum includes the forum.
  q.budget[r] = std::max(total, current);
  Solution s = budget.solve(q);
  std::optional<Exact> best;
  for (int step = 0; step < kMaxSteps && s.optimal() && s.cost[r] > current; ++step) {
    if (s.choice[idx] >= 0) best = s.cost[r] - current;
    q.budget[r] = s.cost[r] - unit;
    const SolveHint near{s.choice};
    s = budget.solve(q, &near);
  }
  return best;
}

}  // namespace whichforum
