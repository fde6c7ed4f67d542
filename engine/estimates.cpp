// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// The model's estimates with their ranges, joint samples of weights and estimates, and each
// estimate's flip value (issue 17; engine/README.md, "How sure, over the estimates").
#include "engine/estimates.h"

#include "engine/numbers.h"
#include "engine/recommend.h"
#include "engine/robust_parts.h"
#include "engine/weight_set.h"

#include <boost/algorithm/string/join.hpp>
#include <boost/algorithm/string/predicate.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace whichforum {

using detail::half_width;

namespace {

const std::vector<std::string_view> kModelRules = {
    "dormant_after_years", "horizon_years", "lead_amortisation_years", "minister_meetings_max",
    "observer_meetings_max", "tenure_full_years",
};

// The keys whose judgements sit in 0..1 take absolute bands; the rest bands relative to the value.
bool unit_interval(std::string_view min, std::string_view max) { return min == "0" && max == "1"; }

Exact clip(const Exact& x, std::string_view min, std::string_view max) {
  Exact y = x;
  if (!min.empty()) y = std::max(y, *parse_exact(min));
  if (!max.empty()) y = std::min(y, *parse_exact(max));
  return y;
}

// An estimate of a fact, or nothing when the fact is not an uncertain number (see model_estimates).
std::optional<Estimate> estimate_of(const std::string& forum, const std::string& key, const Fact& fact,
                                    const KeySpec* spec) {
  const auto* value = std::get_if<Exact>(&fact.value);
  if (!value || !spec) return std::nullopt;
  Estimate e;
  e.forum = forum;
  e.key = key;
  e.value = *value;
  e.reason = fact.prov.reason;
  if (fact.prov.range) {
    e.low = fact.prov.range->first;
    e.high = fact.prov.range->second;
    e.basis = RangeBasis::kStated;
  } else {
    // A sourced number, or an integer (a year, a count) without a range of its own, is held.
    if (!fact.prov.estimate || spec->type != ValueType::kExact) return std::nullopt;
    e.confidence = fact.prov.confidence.value_or(Confidence::kMedium);
    e.basis = fact.prov.confidence ? RangeBasis::kConfidence : RangeBasis::kDefault;
    std::tie(e.low, e.high) = default_band(e.value, e.confidence, spec->min, spec->max);
    if (e.low == e.high) return std::nullopt;  // a zero of a relative band: nothing to vary
  }
  return e;
}

// The ids of `rec`'s forums that offer an option: the only ones whose estimates can move it.
std::set<std::string> live_forums(const Recommendation& rec) {
  std::set<std::string> live;
  for (const auto& item : rec.problem.items) {
    if (!item.options.empty()) live.insert(item.id);
  }
  return live;
}

// A draw uniform over kGridSteps + 1 evenly spaced values of the range, ends included: exact
// numbers with small denominators, since a draw's denominator runs through every product of the
// model (2^32 made one rebuild ten times slower) and a 1% step is finer than any estimate is known.
constexpr std::uint64_t kGridSteps = 100;

Exact uniform(Random& random, const Exact& low, const Exact& high) {
  return low + (high - low) * Exact(static_cast<unsigned long long>(random.below(kGridSteps + 1))) /
                   static_cast<unsigned long long>(kGridSteps);
}

// Rebuilds the model with some estimates set, on a catalogue of the forums that can move it
// (and those the profile's constraints name), and maps its choices back to `rec`'s problem.
class Rebuilder {
 public:
  Rebuilder(const Recommendation& rec, const Profile& profile, const Catalogue& cat, const std::vector<Estimate>& es)
      : rec_(rec), base_(profile), estimates_(es) {
    std::set<std::string> keep = live_forums(rec);
    // Forums the constraints name must be in any model built (the problem indexes them).
    std::set<std::string> named;
    for (const auto& [x, y] : profile.constraints.requires_pairs) named.insert({x.id, y.id});
    for (const auto& g : profile.constraints.at_most_one_of) {
      for (const auto& r : g) named.insert(r.id);
    }
    keep.insert(named.begin(), named.end());
    // An attend option open to the country sizes the needs' events parts even where the profile
    // excludes its forum (recommend.cpp, split_event_needs): the rebuilt model needs it too.
    for (const auto& as : rec.assessments) {
      for (const auto& oa : as.options) {
        if (oa.open && !as.dormant && !as.other_remit && oa.option.kind == OptionKind::kAttend) keep.insert(as.forum.id);
      }
    }
    cat_.criteria = cat.criteria;
    cat_.data = cat.data;
    cat_.per_diem = cat.per_diem;
    cat_.assumptions = cat.assumptions;
    for (const auto& f : cat.forums) {
      if (keep.count(f.id)) cat_.forums.push_back(f);
    }
    // One small catalogue per live forum: a forum's own estimate moves only its own item.
    for (const auto& f : cat_.forums) {
      Catalogue one;
      one.criteria = cat.criteria;
      one.data = cat.data;
      one.per_diem = cat.per_diem;
      one.assumptions = cat.assumptions;
      for (const auto& g : cat_.forums) {
        if (g.id == f.id || named.count(g.id)) one.forums.push_back(g);
      }
      single_.emplace(f.id, std::move(one));
    }
    base_.plan_year = rec.plan_year;  // the reduced catalogue's newest fact may be older
    for (size_t i = 0; i < rec.problem.items.size(); ++i) {
      central_index_[rec.problem.items[i].id] = i;
      for (size_t o = 0; o < rec.problem.items[i].options.size(); ++o) {
        if (rec.assessments[i].problem_option(o).option.kind == OptionKind::kAttend) events_.insert(rec.problem.items[i].id);
      }
    }
    // The needs before their events parts (recommend.cpp's split_event_needs appends one per need).
    for (const auto& n : rec.problem.needs) {
      if (!boost::algorithm::ends_with(n.label, " at events")) ++base_needs_;
    }
  }

  // The model with estimate j at values[j] for every j; nullopt if it cannot be built (it
  // always can when the central one could: the same profile with other numbers).
  std::optional<Recommendation> at(const std::vector<Exact>& values) const {
    Profile p = base_;
    for (size_t j = 0; j < estimates_.size(); ++j) {
      const Estimate& e = estimates_[j];
      if (e.forum.empty()) {
        p.assumptions[e.key] = values[j];
      } else {
        Override o;
        o.forum = e.forum;
        o.key = e.key;
        o.value = values[j];
        p.overrides.push_back(std::move(o));
      }
    }
    auto model = recommendation_model(p, cat_);
    if (!model.ok()) return std::nullopt;
    return std::move(*model.value);
  }

  // rec's problem with estimate j alone at x (the others at their values): a forum's estimate
  // rebuilds that forum's item only and puts it in place of rec's; an assumption, the whole model.
  std::optional<Problem> problem_at_one(size_t j, const Exact& x) const {
    const Estimate& e = estimates_[j];
    // An assumption, or an event's estimate (it may move the size of every need's events part,
    // recommend.cpp's split_event_needs, and with it the other events' shares): the whole model.
    if (e.forum.empty() || events_.count(e.forum) > 0) {
      std::vector<Exact> v;
      for (const auto& est : estimates_) v.push_back(est.value);
      v[j] = x;
      auto model = at(v);
      if (!model) return std::nullopt;
      return std::move(model->problem);
    }
    Profile p = base_;
    Override o;
    o.forum = e.forum;
    o.key = e.key;
    o.value = x;
    p.overrides.push_back(std::move(o));
    auto model = recommendation_model(p, single_.at(e.forum));
    if (!model.ok()) return std::nullopt;
    Problem out = rec_.problem;
    for (auto& item : model.value->problem.items) {
      if (item.id != e.forum) continue;
      for (auto& option : item.options) {
        option.cost.resize(out.resources.size(), Exact(0));
        // Not an event: its shares of the base needs are its own; those of the events parts
        // (need base + n, where n has one in rec's problem) are the same shares again.
        std::vector<std::pair<size_t, Exact>> shares;
        for (const auto& sh : option.shares) {
          if (sh.first < base_needs_) shares.push_back(sh);
        }
        if (out.needs.size() > base_needs_) {
          for (const auto& [n, share] : option.shares) {
            if (n < base_needs_ && out.needs[base_needs_ + n].weight > 0) shares.emplace_back(base_needs_ + n, share);
          }
        }
        option.shares = std::move(shares);
      }
      out.items[central_index_.at(item.id)] = std::move(item);
    }
    return out;
  }

  // A choice of `model`'s problem as a choice of rec's.
  [[nodiscard]] std::vector<int> central(const Problem& model, const std::vector<int>& choice) const {
    std::vector<int> out(rec_.problem.items.size(), -1);
    for (size_t i = 0; i < choice.size(); ++i) {
      if (choice[i] < 0) continue;
      const auto& item = model.items[i];
      const size_t c = central_index_.at(item.id);
      const auto& label = item.options[static_cast<size_t>(choice[i])].label;
      const auto& options = rec_.problem.items[c].options;
      for (size_t o = 0; o < options.size(); ++o) {
        if (options[o].label == label) out[c] = static_cast<int>(o);
      }
    }
    return out;
  }

  // rec's choice as a choice of `model`'s problem.
  [[nodiscard]] std::vector<int> local(const Problem& model, const std::vector<int>& choice) const {
    std::vector<int> out(model.items.size(), -1);
    for (size_t i = 0; i < out.size(); ++i) {
      const auto& item = model.items[i];
      const int c = choice[central_index_.at(item.id)];
      if (c < 0) continue;
      const auto& label = rec_.problem.items[central_index_.at(item.id)].options[static_cast<size_t>(c)].label;
      for (size_t o = 0; o < item.options.size(); ++o) {
        if (item.options[o].label == label) out[i] = static_cast<int>(o);
      }
    }
    return out;
  }

 private:
  const Recommendation& rec_;
  Profile base_;
  const std::vector<Estimate>& estimates_;
  Catalogue cat_;
  std::map<std::string, Catalogue> single_;
  std::map<std::string, size_t> central_index_;
  std::set<std::string> events_;  ///< forums with an attend option in rec's problem
  size_t base_needs_ = 0;
};

NamedChoice named(const Problem& p, const std::vector<int>& choice) {
  NamedChoice out;
  for (size_t i = 0; i < choice.size(); ++i) {
    if (choice[i] >= 0) out.emplace_back(p.items[i].id, p.items[i].options[static_cast<size_t>(choice[i])].label);
  }
  return out;
}

// The search for one estimate's flips, at the central weights with the other estimates held.
class FlipSearch {
 public:
  FlipSearch(const Rebuilder& rebuild, const Recommendation& rec, const std::vector<Estimate>& es, SearchBudget& budget)
      : rebuild_(rebuild), rec_(rec), estimates_(es), budget_(budget) {
    for (const auto& e : es) values_.push_back(e.value);
  }

  [[nodiscard]] bool stopped() const { return stopped_; }

  // The flips of estimate j, falling then rising (at most one each: the nearest to its value).
  std::vector<EstimateFlip> flips(size_t j) {
    std::vector<EstimateFlip> out;
    const Estimate& e = estimates_[j];
    for (bool falling : {true, false}) {
      // The end of the range first: where it gives the recommendation too, the range is taken to
      // hold no flip (one that turns back before the end is missed: engine/README.md).
      const Exact end = falling ? e.low : e.high;
      if (e.value == end) continue;
      Exact a = e.value, b = end;
      auto at_end = best(j, end);
      if (stopped_) return {};
      if (at_end == rec_.solution.choice) continue;
      for (int step = 0; step < 12; ++step) {
        const Exact m = (a + b) / 2;
        auto c = best(j, m);
        if (stopped_) return {};
        (c == rec_.solution.choice ? a : b) = m;
      }
      auto challenger = best(j, b);
      if (stopped_) return {};
      EstimateFlip flip;
      flip.estimate = j;
      flip.falling = falling;
      flip.none_fits = !challenger.empty() && challenger[0] == -2;
      crossing(j, a, b, challenger, flip);
      flip.challenger = named(rec_.problem, challenger);
      const NamedChoice now = named(rec_.problem, rec_.solution.choice);
      for (const auto& x : flip.challenger) {
        if (std::find(now.begin(), now.end(), x) == now.end()) flip.adds.push_back(x.first + " (" + x.second + ")");
      }
      for (const auto& x : now) {
        if (std::find(flip.challenger.begin(), flip.challenger.end(), x) == flip.challenger.end()) {
          flip.drops.push_back(x.first + " (" + x.second + ")");
        }
      }
      out.push_back(std::move(flip));
    }
    return out;
  }

 private:
  // The optimum (as a choice of rec's problem) with estimate j at x; empty once stopped.
  std::vector<int> best(size_t j, const Exact& x) {
    auto model = model_at(j, x);
    if (!model) {
      stopped_ = true;
      return {};
    }
    Solution s = budget_.solve(*model);
    if (!s.optimal()) {
      // Infeasible at x: no portfolio fits, which changes the recommendation too.
      if (s.limit_reached()) stopped_ = true;
      return std::vector<int>(rec_.problem.items.size(), -2);
    }
    return rebuild_.central(*model, s.choice);
  }

  std::optional<Problem> model_at(size_t j, const Exact& x) { return rebuild_.problem_at_one(j, x); }

  // How far the recommendation is ahead of `challenger` at x: the value difference while it fits,
  // else minus its largest excess over a budget (both linear in x where the model is).
  std::optional<Exact> lead(size_t j, const Exact& x, const std::vector<int>& challenger, int resource) {
    auto model = model_at(j, x);
    if (!model) return std::nullopt;
    const Evaluation r = evaluate(*model, rebuild_.local(*model, rec_.solution.choice));
    if (resource >= 0) return model->budget[static_cast<size_t>(resource)] - r.cost[static_cast<size_t>(resource)];
    if (challenger.empty() || challenger[0] == -2) return std::nullopt;
    const Evaluation c = evaluate(*model, rebuild_.local(*model, challenger));
    return r.value - c.value;
  }

  // The exact crossing in [a, b] (the recommendation best at a, not at b) by regula falsi on its
  // lead, or the middle of the bracket when the lead is not linear there.
  void crossing(size_t j, Exact a, Exact b, const std::vector<int>& challenger, EstimateFlip& flip) {
    int resource = -1;
    if (auto model = model_at(j, b)) {
      const Evaluation r = evaluate(*model, rebuild_.local(*model, rec_.solution.choice));
      for (size_t k = 0; k < model->budget.size() && k < r.cost.size(); ++k) {
        if (r.cost[k] > model->budget[k]) resource = static_cast<int>(k);
      }
    }
    for (int round = 0; round < 4; ++round) {
      auto la = lead(j, a, challenger, resource), lb = lead(j, b, challenger, resource);
      if (!la || !lb || *la == *lb || *la < 0 || *lb > 0) break;
      const Exact x = a + (b - a) * *la / (*la - *lb);
      auto lx = lead(j, x, challenger, resource);
      if (!lx) break;
      if (*lx == 0) {
        flip.at = x;
        flip.exact = true;
        flip.bracket = 0;
        return;
      }
      (*lx > 0 ? a : b) = x;
    }
    flip.at = (a + b) / 2;
    flip.exact = false;
    flip.bracket = b > a ? b - a : a - b;
  }

  const Rebuilder& rebuild_;
  const Recommendation& rec_;
  const std::vector<Estimate>& estimates_;
  SearchBudget& budget_;
  std::vector<Exact> values_;
  bool stopped_ = false;
};

}  // namespace

const std::vector<std::string_view>& model_rules() { return kModelRules; }

std::string estimate_number(const Exact& x) {
  const Exact size = x < 0 ? -x : x;
  return display::grouped(x, size < 10 ? 3 : size < 1000 ? 2 : 0);
}

std::string range_text(const Estimate& e) {
  const std::string span = estimate_number(e.low) + ".." + estimate_number(e.high);
  switch (e.basis) {
    case RangeBasis::kStated: return "stated range " + span;
    case RangeBasis::kConfidence: return "range " + span + ", confidence " + std::string(enum_name(e.confidence));
    case RangeBasis::kDefault: break;
  }
  return "range " + span + ", default band";
}

std::string flip_text(const EstimateRobustness& r, const EstimateFlip& f) {
  const Estimate& e = r.estimates[f.estimate];
  std::string s = "if " + e.id() + " (" + estimate_number(e.value) + "; " + range_text(e) + ") " +
                  (f.falling ? "falls below " : "rises above ") + (f.exact ? "" : "about ") + estimate_number(f.at) + ": ";
  if (f.none_fits) return s + "no portfolio fits the budgets";
  std::string change;
  if (!f.adds.empty()) change += "adds " + boost::algorithm::join(f.adds, ", ");
  if (!f.drops.empty()) change += (change.empty() ? "" : "; ") + std::string("drops ") + boost::algorithm::join(f.drops, ", ");
  return s + change;
}

std::vector<const EstimateFlip*> flips_of(const EstimateRobustness& r, std::string_view forum) {
  std::vector<const EstimateFlip*> out;
  const std::string prefix = std::string(forum) + " (";
  auto names = [&](const std::vector<std::string>& xs) {
    return std::any_of(xs.begin(), xs.end(), [&](const std::string& x) { return x.rfind(prefix, 0) == 0; });
  };
  for (const auto& f : r.flips) {
    if (names(f.adds) || names(f.drops)) out.push_back(&f);
  }
  return out;
}

std::pair<Exact, Exact> default_band(const Exact& value, Confidence confidence, std::string_view min,
                                     std::string_view max) {
  const bool unit = unit_interval(min, max);
  Exact half;
  switch (confidence) {
    case Confidence::kLow: half = unit ? Exact(1, 5) : Exact(1, 2); break;
    case Confidence::kMedium: half = unit ? Exact(1, 10) : Exact(1, 4); break;
    case Confidence::kHigh: half = unit ? Exact(1, 20) : Exact(1, 10); break;
  }
  if (!unit) half *= value < 0 ? -value : value;
  return {clip(value - half, min, max), clip(value + half, min, max)};
}

std::vector<Estimate> model_estimates(const Recommendation& rec, const Profile& profile, const Catalogue& cat) {
  std::vector<Estimate> out;
  std::set<std::pair<std::string, std::string>> overridden;
  for (const auto& o : profile.overrides) {
    if (o.option.empty()) overridden.insert({o.forum, o.key});
  }
  const auto live = live_forums(rec);
  for (const auto& f : cat.forums) {
    if (!live.count(f.id)) continue;
    for (const auto& [key, fact] : f.facts) {
      if (overridden.count({f.id, key})) continue;
      if (auto e = estimate_of(f.id, key, fact, forum_schema().find(key))) out.push_back(std::move(*e));
    }
  }
  for (const auto& [key, fact] : cat.assumptions.values) {
    if (profile.assumptions.count(key)) continue;
    if (std::find(kModelRules.begin(), kModelRules.end(), key) != kModelRules.end()) continue;
    if (auto e = estimate_of("", key, fact, assumptions_schema().find(key))) out.push_back(std::move(*e));
  }
  std::sort(out.begin(), out.end(), [](const Estimate& x, const Estimate& y) { return x.id() < y.id(); });
  return out;
}

EstimateRobustness analyse_estimates(const Recommendation& rec, const Profile& profile, const Catalogue& cat,
                                     const EstimateOptions& options, SearchBudget& budget) {
  EstimateRobustness r;
  r.samples = options.samples;
  r.seed = options.seed;
  r.estimates = model_estimates(rec, profile, cat);
  const Rebuilder rebuild(rec, profile, cat, r.estimates);
  const auto& items = rec.problem.items;
  std::vector<std::uint64_t> forum_wins(items.size(), 0);
  std::vector<std::vector<std::uint64_t>> option_wins(items.size());
  for (size_t i = 0; i < items.size(); ++i) option_wins[i].assign(items[i].options.size(), 0);
  std::map<std::vector<int>, size_t> seen;
  std::vector<std::pair<std::vector<int>, std::uint64_t>> portfolios;

  const WeightSet& set = *profile.weight_set;
  const std::vector<Simplex> simplices = triangulate(set);
  WeightSampler sampler(simplices, options.seed);
  // The estimates' own stream, so that the weights drawn are robust's own for the same seed.
  Random random(options.seed ^ 0x9e3779b97f4a7c15ULL);
  std::uint64_t drawn = 0;
  for (; drawn < options.samples; ++drawn) {
    // A single weighting (exact weights) has nothing to draw: every sample uses it.
    const std::vector<Exact> w = set.is_point() ? set.central : sample_weights(set, simplices, sampler.draw());
    std::vector<Exact> values;
    values.reserve(r.estimates.size());
    for (const auto& e : r.estimates) values.push_back(uniform(random, e.low, e.high));
    auto model = rebuild.at(values);
    if (!model) {
      r.status = AnswerStatus::kLimitReached;
      break;
    }
    const Solution s = budget.solve(at_weights(linear_problem(*model), w));
    if (s.limit_reached()) {
      r.status = AnswerStatus::kLimitReached;
      break;
    }
    // An infeasible draw (a cost over a budget) counts for no forum and no portfolio.
    if (!s.optimal()) continue;
    const std::vector<int> choice = rebuild.central(model->problem, s.choice);
    for (size_t i = 0; i < choice.size(); ++i) {
      if (choice[i] < 0) continue;
      ++forum_wins[i];
      ++option_wins[i][static_cast<size_t>(choice[i])];
    }
    auto [it, fresh] = seen.emplace(choice, portfolios.size());
    if (fresh) portfolios.emplace_back(choice, 0);
    ++portfolios[it->second].second;
  }
  if (r.status != AnswerStatus::kOptimal) return r;
  const auto n = static_cast<unsigned long long>(std::max<std::uint64_t>(options.samples, 1));
  for (size_t i = 0; i < items.size(); ++i) {
    if (items[i].options.empty()) continue;
    JointForum f;
    f.forum = items[i].id;
    f.wins = forum_wins[i];
    f.acceptability = Exact(static_cast<unsigned long long>(f.wins)) / n;
    f.half_width = half_width(f.wins, options.samples);
    for (size_t o = 0; o < items[i].options.size(); ++o) {
      if (option_wins[i][o] > 0) f.option_wins.emplace_back(items[i].options[o].label, option_wins[i][o]);
    }
    r.forums.push_back(std::move(f));
  }
  std::stable_sort(portfolios.begin(), portfolios.end(), [](const auto& x, const auto& y) { return x.second > y.second; });
  for (const auto& [choice, wins] : portfolios) {
    JointPortfolio p;
    p.choice = named(rec.problem, choice);
    p.wins = wins;
    p.acceptability = Exact(static_cast<unsigned long long>(wins)) / n;
    p.half_width = half_width(wins, options.samples);
    r.portfolios.push_back(std::move(p));
  }
  if (options.flips) {
    FlipSearch search(rebuild, rec, r.estimates, budget);
    for (size_t j = 0; j < r.estimates.size(); ++j) {
      for (auto& flip : search.flips(j)) r.flips.push_back(std::move(flip));
      if (search.stopped()) {
        r.status = AnswerStatus::kLimitReached;
        return r;
      }
      ++r.estimates_checked;
    }
    // Nearest first: the distance from the value to the flip as a share of the range. The
    // return type is Exact, not auto: an auto lambda returned Boost's expression template of
    // `d / (...)`, which refers to `d` after it is gone (every distance read 0, so the order
    // was the search's, not the nearest first).
    auto distance = [&](const EstimateFlip& f) -> Exact {
      const Estimate& e = r.estimates[f.estimate];
      const Exact d = f.at > e.value ? f.at - e.value : e.value - f.at;
      return d / (e.high - e.low);
    };
    std::stable_sort(r.flips.begin(), r.flips.end(),
                     [&](const auto& x, const auto& y) { return distance(x) < distance(y); });
  }
  return r;
}

}  // namespace whichforum
