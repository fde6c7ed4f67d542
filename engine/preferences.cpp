// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Reading preference statements and turning them into linear constraints on the weights.
#include "engine/preferences.h"

#include <algorithm>
#include <map>
#include <set>

namespace whichforum {

namespace {

const KeySpec kWeightSpec{"", ValueType::kExact, false, false, "0", "1000", {}, "", "a weight"};
const KeySpec kRatioSpec{"", ValueType::kExact, false, false, "1/9", "9", {}, "", "a judgement on Saaty's scale"};

bool on_saaty_scale(const Exact& x) {
  for (int k = 1; k <= 9; ++k) {
    if (x == k || x == Exact(1, k)) return true;
  }
  return false;
}

std::optional<Interval> read_interval(SchemaReader& reader, const Node& node, const std::string& id) {
  const std::string& t = node.text;
  size_t dots = t.find("..");
  std::string why;
  auto lo = parse_exact(t.substr(0, dots), &why);
  auto hi = lo ? parse_exact(t.substr(dots + 2), &why) : std::nullopt;
  if (!lo || !hi) {
    reader.error(node.pos, "\"" + t + "\" is not an interval: " + why + "; write \"0.3..0.5\"");
    return std::nullopt;
  }
  if (*lo < 0 || *hi > 1 || *lo > *hi) {
    reader.error(node.pos, "interval \"" + t + "\" must have 0 <= low <= high <= 1 (weights are normalised to sum 1)");
    return std::nullopt;
  }
  return Interval{id, *lo, *hi, node.pos};
}

// A ranking of ids, most important first, ties in inner lists: what [objectives] ranking and a
// profile's themes share. `what` names the ids ("objective", "theme"), `key` the list, `example`
// a correct one for the message.
bool read_tiers(SchemaReader& reader, const Node& node, std::string_view what, std::string_view key,
                std::string_view example, std::vector<std::vector<IdRef>>* out) {
  out->clear();
  if (node.kind != Node::Kind::kArray || node.items.empty()) {
    reader.error(node.pos, "\"" + std::string(key) + "\" must be a non-empty list, most important first, ties in inner lists: " +
                               std::string(example));
    return false;
  }
  std::set<std::string> seen;
  for (const auto& item : node.items) {
    std::vector<const Node*> names;
    if (item->kind == Node::Kind::kArray && !item->items.empty()) {
      for (const auto& n : item->items) names.push_back(n.get());
    } else {
      names.push_back(item.get());
    }
    std::vector<IdRef> tier;
    for (const Node* n : names) {
      if (n->kind != Node::Kind::kString) {
        reader.error(n->pos, "a ranking holds " + std::string(what) + " ids (strings) or lists of them, not " +
                                 describe(n->kind));
        return false;
      }
      if (!seen.insert(n->text).second) {
        reader.error(n->pos, "\"" + n->text + "\" appears twice in the ranking");
        return false;
      }
      tier.push_back({n->text, n->pos});
    }
    out->push_back(std::move(tier));
  }
  return true;
}

void read_ranking(SchemaReader& reader, const Node& node, Profile* p) {
  p->ranking_pos = node.pos;
  read_tiers(reader, node, "objective", "ranking", "ranking = [\"peer_learning\", [\"norm_setting\", \"branding\"]]",
             &p->ranking);
}

// One weight `key = number` (>= 0), as [objectives] and [themes] take it.
std::optional<Weight> read_weight(SchemaReader& reader, const Node& node, const std::string& key, SourcePos key_pos) {
  KeySpec spec = kWeightSpec;
  spec.key = key;
  auto w = reader.read(node, spec);
  if (!w) return std::nullopt;
  return Weight{key, std::get<Exact>(*w), key_pos};
}

void read_judgements(SchemaReader& reader, const Node& node, Profile* p) {
  const char* shape = "\"ahp\" must be a list of judgements [more, ratio, less], e.g. "
                      "ahp = [[\"peer_learning\", 3, \"branding\"]] (peer learning is 3 times as important)";
  if (node.kind != Node::Kind::kArray || node.items.empty()) {
    reader.error(node.pos, shape);
    return;
  }
  std::set<std::pair<std::string, std::string>> pairs;
  for (const auto& item : node.items) {
    if (item->kind != Node::Kind::kArray || item->items.size() != 3 ||
        item->items[0]->kind != Node::Kind::kString || item->items[2]->kind != Node::Kind::kString) {
      reader.error(item->pos, shape);
      return;
    }
    const Node& a = *item->items[0];
    const Node& b = *item->items[2];
    KeySpec spec = kRatioSpec;
    spec.key = "ahp";
    auto v = reader.read(*item->items[1], spec);
    if (!v) return;
    Exact ratio = std::get<Exact>(*v);
    if (!on_saaty_scale(ratio)) {
      reader.error(item->items[1]->pos, "AHP judgements use Saaty's scale: 1 to 9, or 1/2 to 1/9; not " +
                                            format_exact_full(ratio));
      return;
    }
    if (a.text == b.text) {
      reader.error(item->pos, "a judgement compares two different objectives, not \"" + a.text + "\" with itself");
      return;
    }
    if (!pairs.insert(std::minmax(a.text, b.text)).second) {
      reader.error(item->pos, "\"" + a.text + "\" and \"" + b.text + "\" are compared twice");
      return;
    }
    p->judgements.push_back({{a.text, a.pos}, {b.text, b.pos}, ratio, item->pos});
  }
}

std::string ratio_text(const Exact& r) { return format_exact_full(r); }

// The statements as constraints on the weights of `objectives`, in the order the file gives them.
class ConstraintBuilder {
 public:
  explicit ConstraintBuilder(const std::vector<std::string>& objectives) : n_(objectives.size()) {
    for (size_t k = 0; k < n_; ++k) index_[objectives[k]] = k;
  }

  void add(const std::vector<std::pair<std::string, Exact>>& terms, Exact rhs, bool equality, std::string text, SourcePos pos) {
    WeightConstraint c;
    c.coef.assign(n_, Exact(0));
    for (auto& [id, coef] : terms) c.coef[index_.at(id)] += coef;
    c.rhs = std::move(rhs);
    c.equality = equality;
    c.text = std::move(text);
    c.pos = pos;
    out.push_back(std::move(c));
  }

  std::vector<WeightConstraint> out;

 private:
  size_t n_;
  std::map<std::string, size_t> index_;
};

// Numbers alone are ratios, normalised to sum 1 (as before preference sets existed).
void add_ratios(ConstraintBuilder& b, const std::vector<Weight>& weights) {
  Exact total = 0;
  for (const auto& w : weights) total += w.weight;
  for (const auto& w : weights) {
    b.add({{w.objective, Exact(1)}}, w.weight / total, true, w.objective + " = " + format_exact(w.weight / total), w.pos);
  }
}

// A ranking: a tier's ids tie with its first, and each tier's first is at least the next's.
void add_ranking(ConstraintBuilder& b, const std::vector<std::vector<IdRef>>& r) {
  for (size_t t = 0; t < r.size(); ++t) {
    for (size_t k = 1; k < r[t].size(); ++k) {
      b.add({{r[t][k].id, Exact(1)}, {r[t][0].id, Exact(-1)}}, 0, true,
            r[t][k].id + " ties with " + r[t][0].id + " in the ranking", r[t][k].pos);
    }
    if (t + 1 < r.size()) {
      b.add({{r[t][0].id, Exact(1)}, {r[t + 1][0].id, Exact(-1)}}, 0, false,
            r[t][0].id + " is ranked above " + r[t + 1][0].id, r[t + 1][0].pos);
    }
  }
}

bool only_weights(const Profile& p) { return p.intervals.empty() && p.ranking.empty() && p.judgements.empty(); }

// AHP over the objectives the judgements name: every pair must be judged.
bool run_ahp(SchemaReader& reader, const Node& node, Profile* p) {
  std::set<std::string> ids;
  for (const auto& j : p->judgements) {
    ids.insert(j.more.id);
    ids.insert(j.less.id);
  }
  AhpSummary s;
  s.objectives.assign(ids.begin(), ids.end());
  s.pos = node.find("ahp")->pos;
  const size_t n = s.objectives.size();
  std::map<std::string, size_t> at;
  for (size_t k = 0; k < n; ++k) at[s.objectives[k]] = k;
  std::vector<std::vector<Exact>> a(n, std::vector<Exact>(n, Exact(0)));
  for (size_t k = 0; k < n; ++k) a[k][k] = 1;
  for (const auto& j : p->judgements) {
    a[at[j.more.id]][at[j.less.id]] = j.ratio;
    a[at[j.less.id]][at[j.more.id]] = 1 / j.ratio;
  }
  for (size_t x = 0; x < n; ++x) {
    for (size_t y = x + 1; y < n; ++y) {
      if (a[x][y] == 0) {
        reader.error(s.pos, "AHP needs a judgement for every pair of the objectives it names; \"" +
                                   s.objectives[x] + "\" and \"" + s.objectives[y] + "\" are not compared");
        return false;
      }
    }
  }
  s.result = ahp(a);
  const AhpResult& r = s.result;
  if (r.cr && *r.cr > Exact(1, 10)) {
    std::string msg = "the AHP judgements are inconsistent: consistency ratio " + format_exact(*r.cr, 3) +
                      " is above 0.10 (random index " + format_fixed(*saaty_random_index(n), 2) + " for " +
                      std::to_string(n) + " objectives, Saaty 1980)";
    if (r.revision) {
      const AhpRevision& v = *r.revision;
      msg += "; the judgement that most reduces consistency is " + s.objectives[v.a] + " vs " + s.objectives[v.b] +
             " = " + ratio_text(v.given) + ": the weights imply about " +
             format_exact(r.weights[v.a] / r.weights[v.b], 2) + "; revising it to " + ratio_text(v.suggested) +
             " gives a consistency ratio of " + format_exact(v.cr_after, 3);
    }
    reader.warning(s.pos, msg);
  }
  p->ahp = std::move(s);
  return true;
}

void build_weight_set(SchemaReader& reader, const Node& node, Profile* p) {
  std::vector<IdRef> named = mentioned_objectives(*p);
  std::vector<std::string> objectives;
  for (const auto& r : named) objectives.push_back(r.id);
  std::sort(objectives.begin(), objectives.end());
  ConstraintBuilder b(objectives);
  if (only_weights(*p)) {
    add_ratios(b, p->weights);
  } else {
    if (!p->judgements.empty() && !run_ahp(reader, node, p)) return;
    // In the order the file gives the statements, so that a contradiction names the later one.
    for (const auto& m : node.members) {
      if (m.key == "ranking") {
        add_ranking(b, p->ranking);
      } else if (m.key == "ahp") {
        const AhpSummary& s = *p->ahp;
        // Weights keep the eigenvector's ratios: v_ref w_k = v_k w_ref for each other objective.
        for (size_t k = 1; k < s.objectives.size(); ++k) {
          b.add({{s.objectives[k], s.result.weights[0]}, {s.objectives[0], -s.result.weights[k]}}, 0, true,
                "the AHP ratio " + s.objectives[k] + " : " + s.objectives[0] + " = " +
                    format_exact(s.result.weights[k] / s.result.weights[0], 4),
                s.pos);
        }
      } else {
        for (const auto& w : p->weights) {
          if (w.objective == m.key) b.add({{w.objective, Exact(1)}}, w.weight, true, w.objective + " = " + format_exact(w.weight), w.pos);
        }
        for (const auto& i : p->intervals) {
          if (i.objective != m.key) continue;
          if (i.lo > 0) b.add({{i.objective, Exact(1)}}, i.lo, false, i.objective + " >= " + format_exact(i.lo), i.pos);
          if (i.hi < 1) b.add({{i.objective, Exact(-1)}}, -i.hi, false, i.objective + " <= " + format_exact(i.hi), i.pos);
        }
      }
    }
  }
  WeightSetBuild built = make_weight_set(objectives, b.out);
  if (!built.set) {
    const WeightConstraint& c = b.out[built.contradiction];
    reader.error(c.pos, "the preference statements admit no weights: \"" + c.text +
                            "\" cannot hold together with the statements before it (weights are >= 0 and sum to 1)");
    return;
  }
  p->weight_set = std::make_shared<const WeightSet>(std::move(*built.set));
}

}  // namespace

void read_objectives(SchemaReader& reader, const Node& node, Profile* p) {
  p->weights.clear();
  p->intervals.clear();
  p->ranking.clear();
  p->judgements.clear();
  p->ahp.reset();
  p->weight_set.reset();
  if (!reader.expect_table(node, "objectives")) return;
  const size_t errors_before = reader.error_count();
  for (const auto& m : node.members) {
    const Node& v = *m.node();
    if (m.key == "ranking") {
      read_ranking(reader, v, p);
    } else if (m.key == "ahp") {
      read_judgements(reader, v, p);
    } else if (v.kind == Node::Kind::kString && v.text.find("..") != std::string::npos) {
      if (auto i = read_interval(reader, v, m.key)) p->intervals.push_back(*i);
    } else {
      if (auto w = read_weight(reader, v, m.key, m.key_pos)) p->weights.push_back(std::move(*w));
    }
  }
  if (reader.error_count() != errors_before) return;
  if (node.members.empty()) {
    reader.error(node.pos, "[objectives] is empty; give a weight to at least one objective, "
                           "e.g. peer_learning = \"0.5\", or a ranking");
    return;
  }
  if (only_weights(*p)) {
    Exact total = 0;
    for (const auto& w : p->weights) total += w.weight;
    if (total == 0) {
      reader.error(node.pos, "all weights in [objectives] are 0; at least one must be positive");
      return;
    }
  } else {
    for (const auto& w : p->weights) {
      if (w.weight > 1) {
        reader.error(w.pos, "with a ranking, intervals or AHP judgements in [objectives], a number is a weight on "
                            "the 0..1 scale (weights sum to 1); " + format_exact(w.weight) + " is above 1");
        return;
      }
    }
  }
  build_weight_set(reader, node, p);
}

std::vector<IdRef> mentioned_objectives(const Profile& p) {
  std::vector<IdRef> out;
  std::set<std::string> seen;
  auto add = [&](const std::string& id, SourcePos pos) {
    if (seen.insert(id).second) out.push_back({id, pos});
  };
  for (const auto& w : p.weights) add(w.objective, w.pos);
  for (const auto& i : p.intervals) add(i.objective, i.pos);
  for (const auto& tier : p.ranking) {
    for (const auto& r : tier) add(r.id, r.pos);
  }
  for (const auto& j : p.judgements) {
    add(j.more.id, j.more.pos);
    add(j.less.id, j.less.pos);
  }
  return out;
}

WeightsBasis weights_basis(const Profile& p) {
  if (only_weights(p)) return WeightsBasis::kGiven;
  if (p.weights.empty() && p.intervals.empty() && p.judgements.empty()) return WeightsBasis::kRankOrderCentroid;
  if (p.weights.empty() && p.intervals.empty() && p.ranking.empty()) return WeightsBasis::kAhpEigenvector;
  if (p.weight_set && p.weight_set->is_point()) return WeightsBasis::kOnlyPoint;
  return WeightsBasis::kCentre;
}

}  // namespace whichforum

namespace whichforum {

void read_themes(SchemaReader& reader, const Node& node, Profile* p) {
  p->themes.clear();
  p->theme_priority.clear();
  std::vector<std::vector<IdRef>> ranking;
  std::vector<Weight> weights;
  if (node.kind == Node::Kind::kArray) {
    if (node.items.empty()) return;  // `themes = []` says what absence says: no stated priorities
    if (!read_tiers(reader, node, "theme", "themes", "themes = [\"ai\", [\"data_governance\", \"digital_identity\"]]",
                    &ranking)) {
      return;
    }
    for (const auto& tier : ranking) p->themes.insert(p->themes.end(), tier.begin(), tier.end());
  } else if (node.kind == Node::Kind::kTable) {
    const size_t errors_before = reader.error_count();
    for (const auto& m : node.members) {
      if (auto w = read_weight(reader, *m.node(), m.key, m.key_pos)) {
        weights.push_back(*w);
        p->themes.push_back({m.key, m.key_pos});
      }
    }
    if (reader.error_count() != errors_before) return;
    Exact total = 0;
    for (const auto& w : weights) total += w.weight;
    if (total == 0) {
      reader.error(node.pos, weights.empty() ? "[themes] is empty; give weights (ai = \"3\") or leave it out: "
                                               "without themes every theme counts the same"
                                             : "all weights in [themes] are 0; at least one must be positive");
      return;
    }
  } else {
    reader.error(node.pos, std::string("\"themes\" is a ranking (a list, most important first, ties in inner lists) "
                                       "or a table of weights, not ") + describe(node.kind));
    return;
  }
  // The same constraints and weight set as [objectives]: a ranking's centre is its rank-order
  // centroid, ratios are normalised; themes only need the centre (no robustness over them).
  std::vector<std::string> ids;
  for (const auto& r : p->themes) ids.push_back(r.id);
  std::sort(ids.begin(), ids.end());
  ConstraintBuilder b(ids);
  if (weights.empty()) {
    add_ranking(b, ranking);
  } else {
    add_ratios(b, weights);
  }
  WeightSetBuild built = make_weight_set(ids, b.out);
  // A ranking and normalised ratios always admit weights; an empty set would be our bug.
  if (!built.set) {
    reader.error(node.pos, "internal error: the themes' priorities admit no weights");
    return;
  }
  for (size_t k = 0; k < ids.size(); ++k) p->theme_priority[ids[k]] = built.set->central[k];
}

}  // namespace whichforum
