// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Writing a portfolio problem in CPLEX LP format with integer coefficients.
#include "engine/solve/lp_export.h"

#include "engine/solve/scaling.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <sstream>

namespace whichforum {

using boost::multiprecision::cpp_int;

std::string lp_name(std::string_view s) {
  std::string out;
  for (char c : s) {
    bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    out += keep ? c : '_';
    if (out.size() == 40) break;
  }
  return out.empty() ? "_" : out;
}

namespace {

// A linear expression being written: terms wrapped so that no line grows long, since some LP
// readers stop at a few hundred characters a line.
class Row {
 public:
  explicit Row(std::string head) : text_(" " + std::move(head) + ":") {}
  void add(const cpp_int& coef, const std::string& column) {
    if (coef == 0) return;
    if (line_ > 70) {
      text_ += "\n   ";
      line_ = 0;
    }
    std::string term = coef < 0 ? " -" : " +";
    cpp_int mag = coef < 0 ? cpp_int(-coef) : coef;
    if (mag != 1) term += " " + mag.str();
    term += " " + column;
    text_ += term;
    line_ += term.size();
    ++terms_;
  }
  /// A term with a zero coefficient, for a row that must name a column but count nothing.
  void add_zero(const std::string& column) {
    text_ += " + 0 " + column;
    ++terms_;
  }
  [[nodiscard]] bool empty() const { return terms_ == 0; }
  [[nodiscard]] std::string expression() const { return text_ + "\n"; }
  [[nodiscard]] std::string close(std::string_view sense, const cpp_int& rhs) const {
    return text_ + " " + std::string(sense) + " " + rhs.str() + "\n";
  }

 private:
  std::string text_;
  size_t line_ = 100;  // the first term starts a new line, under the row's name
  size_t terms_ = 0;
};

std::string comment(std::string_view text) { return "\\ " + std::string(text) + "\n"; }

}  // namespace

LpExport export_lp(const Problem& given, std::string_view title, const Solution* optimum) {
  // Leaving a current membership is worth its none value; the LP values options relative to it
  // (solver.h), so its optimum is whichforum's total minus their sum, stated below.
  const Problem p = without_none_values(given);
  Exact constant = 0;
  for (const auto& item : given.items) constant += item.none_value;
  LpExport out;
  const detail::Scales scales = detail::scales_of(p);
  const size_t n = p.items.size();

  // Names: each item's id made an identifier, made unique by its position where two collide.
  std::vector<std::string> item_name(n);
  std::set<std::string> taken;
  for (size_t i = 0; i < n; ++i) {
    std::string name = lp_name(p.items[i].id);
    if (!taken.insert(name).second) {
      name += "_" + std::to_string(i + 1);
      taken.insert(name);
    }
    item_name[i] = name;
  }
  out.columns.resize(n);
  for (size_t i = 0; i < n; ++i) {
    for (const auto& o : p.items[i].options) out.columns[i].push_back("x_" + item_name[i] + "_" + lp_name(o.label));
  }
  auto add_item = [&](Row& row, size_t i, const cpp_int& coef) {
    for (const auto& c : out.columns[i]) row.add(coef, c);
  };
  // Items whose value is not 0 at every level get a value column.
  std::vector<bool> valued(n, false);
  for (size_t i = 0; i < n; ++i) {
    for (const auto& o : p.items[i].options) valued[i] = valued[i] || o.value != 0;
  }

  // One pair of columns per overlapping pair: y (both taken) and its loss, the sum of the
  // pair's penalties.
  std::map<std::pair<size_t, size_t>, Exact> pair_loss;
  for (const auto& q : p.penalties) {
    if (q.a == q.b || out.columns[q.a].empty() || out.columns[q.b].empty()) continue;
    pair_loss[{std::min(q.a, q.b), std::max(q.a, q.b)}] += q.amount;
  }
  struct Overlap {
    size_t a, b;
    Exact loss;
    std::string pair;  // "<a>_<b>"
  };
  std::vector<Overlap> overlaps;
  for (const auto& [ab, loss] : pair_loss) {
    if (loss != 0) overlaps.push_back({ab.first, ab.second, loss, item_name[ab.first] + "_" + item_name[ab.second]});
  }

  // Needs: the items that serve each, in order (the product chain below).
  std::vector<std::vector<size_t>> serving(p.needs.size());
  for (size_t i = 0; i < n; ++i) {
    std::set<size_t> mine;
    for (const auto& o : p.items[i].options) {
      for (const auto& [k, share] : o.shares) mine.insert(k);
    }
    for (size_t k : mine) serving[k].push_back(i);
  }
  auto need_used = [&](size_t k) { return p.needs[k].weight != 0 && !serving[k].empty(); };

  std::string& t = out.text;
  t += comment(title);
  t += comment("CPLEX LP format; solve it with `cbc FILE solve` or `glpsol --lp FILE`.");
  t += "\\\n";
  t += comment("Exact: every coefficient is an integer. The objective adds v_<forum>, the forum's value,");
  t += comment("and subtracts l_<a>_<b>, the loss of two overlapping forums taken together; each is");
  t += comment("defined by a row multiplied by its own common denominator (stated above the row), so");
  t += comment("the objective's scale is 1: this LP's optimum is the total.value that");
  t += comment("`whichforum --format json` reports. Budget rows are their resource times that resource's");
  t += comment("common denominator; the other rows count forums and need no scaling.");
  if (optimum && optimum->optimal()) {
    t += comment("whichforum's optimum: " + format_exact_full(optimum->value) + " (" + format_exact(optimum->value) + ")");
    if (constant != 0) {
      t += comment("leaving current memberships is worth " + format_exact_full(constant) + " in whichforum's total; this LP's optimum is");
      t += comment("the total minus that: " + format_exact_full(optimum->value - constant) + " (" + format_exact(optimum->value - constant) + ")");
    }
    std::string chosen;
    for (size_t i = 0; i < n; ++i) {
      if (optimum->choice[i] >= 0) chosen += " " + out.columns[i][static_cast<size_t>(optimum->choice[i])];
    }
    t += comment("whichforum's portfolio:" + (chosen.empty() ? std::string(" none") : chosen));
    t += comment("Among portfolios of equal value whichforum prefers less money, then fewer staff days,");
    t += comment("then fewer ministerial days, then fewer forums, then earlier ids at less committed levels;");
    t += comment("a solver may return another portfolio of the same value.");
  } else if (optimum && optimum->limit_reached()) {
    // Not "infeasible": a search that stopped proves nothing, and this is when another solver
    // is wanted most.
    t += comment("whichforum's search stopped at its step limit: it states no optimum for this LP.");
  } else if (optimum) {
    t += comment("whichforum finds no portfolio that meets every constraint: this LP is infeasible.");
  }
  t += "\\\n";
  t += comment("Columns: x_<forum>_<level> is 1 when the forum is taken at that level; y_<a>_<b> >= 0");
  t += comment("is at least x_a + x_b - 1, so 1 when both overlapping forums a and b are taken.");
  for (size_t i = 0; i < n; ++i) {
    for (size_t o = 0; o < out.columns[i].size(); ++o) {
      t += comment(out.columns[i][o] + ": " + p.items[i].id + " at " + p.items[i].options[o].label);
    }
  }

  if (!p.needs.empty()) {
    t += comment("Needs (coverage): c_n<k> = weight x (1 - r_n<k>_<last>) is what need k adds. r_n<k>_<j> is");
    t += comment("the share of it left unserved after the j-th forum that serves it: r_j = r_(j-1) x (1 - s)");
    t += comment("for the share s of the option taken, linearised exactly with z = r_(j-1) x x (McCormick:");
    t += comment("z <= x, z <= r_(j-1), z >= r_(j-1) - 1 + x, z >= 0, exact for binary x).");
    for (size_t k = 0; k < p.needs.size(); ++k) {
      if (need_used(k)) t += comment("n" + std::to_string(k) + ": " + p.needs[k].label + ", weight " + format_exact_full(p.needs[k].weight));
    }
  }
  t += "\nMaximize\n";
  Row objective("value");
  for (size_t i = 0; i < n; ++i) {
    if (valued[i]) objective.add(1, "v_" + item_name[i]);
  }
  for (const auto& ov : overlaps) objective.add(-1, "l_" + ov.pair);
  for (size_t k = 0; k < p.needs.size(); ++k) {
    if (need_used(k)) objective.add(1, "c_n" + std::to_string(k));
  }
  // Some readers refuse an objective or a constraint section with no term: then a column
  // with a zero coefficient, the fixed-at-0 "unavailable" when there is no other.
  std::string any_column;
  for (const auto& cols : out.columns) {
    if (any_column.empty() && !cols.empty()) any_column = cols.front();
  }
  bool unavailable = any_column.empty();
  if (unavailable) any_column = "unavailable";
  if (objective.empty()) objective.add_zero(any_column);
  t += objective.expression();

  t += "Subject To\n";
  const size_t rows_start = t.size();
  for (size_t i = 0; i < n; ++i) {
    if (!valued[i]) continue;
    std::vector<Exact> values;
    for (const auto& o : p.items[i].options) values.push_back(o.value);
    cpp_int den = common_denominator(values);
    t += comment(p.items[i].id + "'s value times " + den.str());
    Row row("value_" + item_name[i]);
    row.add(den, "v_" + item_name[i]);
    for (size_t o = 0; o < values.size(); ++o) row.add(-detail::scaled(values[o], den), out.columns[i][o]);
    t += row.close("=", 0);
  }
  for (size_t i = 0; i < n; ++i) {
    if (out.columns[i].size() < 2) continue;  // a binary alone is at most one already
    Row row("one_" + item_name[i]);
    add_item(row, i, 1);
    t += row.close("<=", 1);
  }
  for (size_t r = 0; r < p.resources.size(); ++r) {
    Row row("budget_" + lp_name(p.resources[r]));
    for (size_t i = 0; i < n; ++i) {
      for (size_t o = 0; o < out.columns[i].size(); ++o) {
        row.add(detail::scaled(p.items[i].options[o].cost[r], scales.cost[r]), out.columns[i][o]);
      }
    }
    t += comment(p.resources[r] + " times " + scales.cost[r].str() + "; the budget is " + format_exact_full(p.budget[r]));
    if (!row.empty()) t += row.close("<=", detail::scaled(p.budget[r], scales.cost[r]));
  }
  for (size_t m : p.must) {
    Row row("must_" + item_name[m]);
    add_item(row, m, 1);
    if (row.empty()) {
      t += comment(p.items[m].id + " has no open level: this row cannot hold");
      row.add(1, "unavailable");
      unavailable = true;
    }
    t += row.close("=", 1);
  }
  if (p.max_items) {
    Row row("max_forums");
    for (size_t i = 0; i < n; ++i) add_item(row, i, 1);
    if (!row.empty()) t += row.close("<=", *p.max_items);
  }
  if (p.max_changes) {
    // changes = (options taken of items held by none today) + (items held today not at today's
    // option: 1 - x_today) <= max  <=>  sum x(new items) - sum x(today's options) <= max - held.
    Row row("max_changes");
    long long held = 0;
    for (size_t i = 0; i < n; ++i) {
      const int today = i < p.baseline.size() ? p.baseline[i] : -1;
      if (today < 0) {
        add_item(row, i, 1);
      } else {
        ++held;
        row.add(-1, out.columns[i][static_cast<size_t>(today)]);
      }
    }
    t += comment("at most " + std::to_string(*p.max_changes) + " forums joined, changed or left against today's " +
                 std::to_string(held));
    if (!row.empty()) t += row.close("<=", cpp_int(static_cast<long long>(*p.max_changes) - held));
  }
  std::set<std::pair<size_t, size_t>> implied;
  for (const auto& [a, b] : p.implies) {
    if (a == b || !implied.insert({a, b}).second) continue;
    Row row("requires_" + item_name[a] + "_" + item_name[b]);
    add_item(row, a, 1);
    add_item(row, b, -1);
    if (!row.empty()) t += row.close("<=", 0);
  }
  for (size_t g = 0; g < p.at_most_one.size(); ++g) {
    Row row("at_most_one_" + std::to_string(g + 1));
    std::map<size_t, int> times;
    for (size_t i : p.at_most_one[g]) ++times[i];
    for (const auto& [i, k] : times) add_item(row, i, k);
    if (!row.empty()) t += row.close("<=", 1);
  }
  for (const auto& ov : overlaps) {
    Row row("overlap_" + ov.pair);
    row.add(1, "y_" + ov.pair);
    add_item(row, ov.a, -1);
    add_item(row, ov.b, -1);
    t += row.close(">=", -1);
    if (ov.loss < 0) {
      // A gain rather than a loss would push y up: bound it by each side, y <= x_a and y <= x_b.
      for (size_t side : {ov.a, ov.b}) {
        Row cap("overlap_" + ov.pair + "_" + item_name[side]);
        cap.add(1, "y_" + ov.pair);
        add_item(cap, side, -1);
        t += cap.close("<=", 0);
      }
    }
    cpp_int den = boost::multiprecision::denominator(ov.loss);
    t += comment("the loss of " + p.items[ov.a].id + " and " + p.items[ov.b].id + " together times " + den.str());
    Row loss("loss_" + ov.pair);
    loss.add(den, "l_" + ov.pair);
    loss.add(-cpp_int(boost::multiprecision::numerator(ov.loss)), "y_" + ov.pair);
    t += loss.close("=", 0);
  }
  std::vector<std::string> need_columns;
  for (size_t k = 0; k < p.needs.size(); ++k) {
    if (!need_used(k)) continue;
    const std::string nk = "n" + std::to_string(k);
    std::string prev;  // "" while nothing has served it: r = 1
    for (size_t step = 0; step < serving[k].size(); ++step) {
      const size_t i = serving[k][step];
      const std::string r = "r_" + nk + "_" + std::to_string(step + 1);
      need_columns.push_back(r);
      std::vector<Exact> shares;
      std::vector<std::pair<size_t, Exact>> served_by;
      for (size_t o = 0; o < p.items[i].options.size(); ++o) {
        for (const auto& [kk, share] : p.items[i].options[o].shares) {
          if (kk == k) {
            shares.push_back(share);
            served_by.emplace_back(o, share);
          }
        }
      }
      const cpp_int den = common_denominator(shares);
      t += comment(p.needs[k].label + " left after " + p.items[i].id + ", times " + den.str());
      Row chain("chain_" + nk + "_" + std::to_string(step + 1));
      chain.add(den, r);
      if (prev.empty()) {
        // r_0 = 1, so z = x exactly: r_1 = 1 - sum s x.
        for (const auto& [o, share] : served_by) chain.add(detail::scaled(share, den), out.columns[i][o]);
        t += chain.close("=", den);
        prev = r;
        continue;
      }
      chain.add(-den, prev);
      for (const auto& [o, share] : served_by) {
        const std::string z = "z_" + nk + "_" + std::to_string(step + 1) + "_" + std::to_string(o + 1);
        need_columns.push_back(z);
        chain.add(detail::scaled(share, den), z);
        const std::string& x = out.columns[i][o];
        Row a("mc_" + z + "_x");
        a.add(1, z);
        a.add(-1, x);
        t += a.close("<=", 0);
        Row b("mc_" + z + "_r");
        b.add(1, z);
        b.add(-1, prev);
        t += b.close("<=", 0);
        Row c("mc_" + z + "_both");
        c.add(1, z);
        c.add(-1, prev);
        c.add(-1, x);
        t += c.close(">=", -1);
      }
      t += chain.close("=", 0);
      prev = r;
    }
    const Exact& w = p.needs[k].weight;
    const cpp_int den = boost::multiprecision::denominator(w);
    const cpp_int num = boost::multiprecision::numerator(w);
    t += comment(p.needs[k].label + "'s value times " + den.str());
    Row value("cover_" + nk);
    value.add(den, "c_" + nk);
    value.add(num, prev);
    t += value.close("=", num);
  }
  if (t.find(':', rows_start) == std::string::npos) {
    Row row("nothing");
    row.add_zero(any_column);
    t += row.close(">=", 0);
  }

  t += "Bounds\n";
  for (size_t i = 0; i < n; ++i) {
    if (valued[i]) t += " v_" + item_name[i] + " free\n";
  }
  for (const auto& ov : overlaps) t += " y_" + ov.pair + " >= 0\n l_" + ov.pair + " free\n";
  for (size_t k = 0; k < p.needs.size(); ++k) {
    if (need_used(k)) t += " c_n" + std::to_string(k) + " free\n";
  }
  for (const auto& c : need_columns) t += " 0 <= " + c + " <= 1\n";
  if (unavailable) t += " unavailable = 0\n";
  t += "Binaries\n";
  for (const auto& cols : out.columns) {
    for (const auto& c : cols) t += " " + c + "\n";
  }
  t += "End\n";
  return out;
}

}  // namespace whichforum

namespace whichforum {
namespace {

// One term of a row: a coefficient and its column.
struct Term {
  Exact coef;
  std::string column;
};

std::string decimal(const Exact& x) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.15g", x.convert_to<double>());
  return buf;
}

// A constraint row of export_lp's text ("name: + 3 x - y <= 7", over one or more lines),
// scaled; the row as it was when it is not of that shape.
std::string scale_row(const std::string& row) {
  const size_t colon = row.find(':');
  if (colon == std::string::npos) return row;
  std::istringstream in(row.substr(colon + 1));
  std::vector<Term> terms;
  std::string tok, sense;
  Exact rhs;
  while (in >> tok) {
    if (tok == "<=" || tok == ">=" || tok == "=") {
      sense = tok;
      std::string r;
      in >> r;
      auto v = parse_exact(r);
      if (!v) return row;
      rhs = *v;
      break;
    }
    if (tok != "+" && tok != "-") return row;
    const bool negative = tok == "-";
    std::string next;
    if (!(in >> next)) return row;
    Exact coef = 1;
    if (auto v = parse_exact(next)) {
      coef = *v;
      if (!(in >> next)) return row;
    }
    terms.push_back({negative ? Exact(-coef) : coef, next});
  }
  if (sense.empty() || terms.empty()) return row;
  Exact largest = 0;
  for (const auto& t : terms) largest = std::max(largest, t.coef < 0 ? Exact(-t.coef) : t.coef);
  if (largest == 0) return row;  // a row that names columns but counts nothing
  std::string out = row.substr(0, colon + 1);
  size_t line = 100;
  for (const auto& t : terms) {
    if (line > 70) {
      out += "\n   ";
      line = 0;
    }
    const Exact c = t.coef / largest;
    std::string term = (c < 0 ? " - " : " + ") + decimal(c < 0 ? Exact(-c) : c) + " " + t.column;
    out += term;
    line += term.size();
  }
  return out + " " + sense + " " + decimal(rhs / largest) + "\n";
}

}  // namespace

std::string scaled_lp(const std::string& exact) {
  std::istringstream in(exact);
  std::string out, line, row;
  bool constraints = false, first_comment = true;
  auto flush = [&] {
    if (!row.empty()) out += scale_row(row);
    row.clear();
  };
  while (std::getline(in, line)) {
    if (constraints && line.starts_with("   ")) {
      row += " " + line.substr(3);
      continue;
    }
    flush();
    if (line == "Subject To") {
      constraints = true;
    } else if (line == "Bounds" || line == "Binaries" || line == "End") {
      constraints = false;
    } else if (constraints && line.starts_with(" ")) {
      row = line;
      continue;
    }
    out += line + "\n";
    if (first_comment && line.starts_with("\\ ")) {
      // Right under the title: what this file is.
      out += "\\ Scaled for floating-point solvers: each constraint row divided by its largest coefficient and\n"
             "\\ written in decimals (15 significant digits); the comments below speak of the exact rows, whose\n"
             "\\ optimum this one equals to about 1e-12 relative (`whichforum export --format lp` writes them).\n";
      first_comment = false;
    }
  }
  flush();
  return out;
}

}  // namespace whichforum
