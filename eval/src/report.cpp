// The report as text and as JSON. Numbers are written without the global
// locale (std::to_chars), so the output is the same everywhere.
#include <nlohmann/json.hpp>

#include <array>
#include <charconv>
#include <cmath>
#include <string>
#include <string_view>

#include "entente/eval/score.hpp"

namespace entente::eval {
namespace {

using nlohmann::ordered_json;

constexpr std::array<std::string_view, 5> kPredicates = {"memberOf", "country", "cooperatesWith", "party",
                                                         "person"};
constexpr std::array<Class, 3> kTypes = {Class::person, Class::institution, Class::country};

/// "0.953"
std::string fixed3(double x) {
  std::array<char, 32> buf{};
  const auto [end, ec] = std::to_chars(buf.data(), buf.data() + buf.size(), x, std::chars_format::fixed, 3);
  return ec == std::errc() ? std::string(buf.data(), end) : std::string("?");
}

std::string pad(std::string s, std::size_t width, bool right = false) {
  if (s.size() >= width) return s;
  const std::string fill(width - s.size(), ' ');
  return right ? fill + s : s + fill;
}

std::string row(std::string_view name, const Counts& c) {
  return pad(std::string(name), 16) + pad(fixed3(c.precision()), 6, true) + pad(fixed3(c.recall()), 7, true) +
         pad(fixed3(c.f1()), 7, true) + "   " + std::to_string(c.tp) + "/" + std::to_string(c.fp) + "/" +
         std::to_string(c.fn) + "\n";
}

std::string types_text(const std::vector<Class>& types) {
  std::string out;
  for (const Class c : types) out += (out.empty() ? "" : ",") + std::string(to_string(c));
  return out.empty() ? "-" : out;
}

/// A node in text: its label in quotes, then its IRI.
std::string node_text(const NodeRef& n) {
  return (n.label.empty() ? std::string() : "\"" + n.label + "\" ") + "<" + n.id + ">";
}

std::string end_text(const End& e) {
  if (e.matched) return e.id;
  return e.label.empty() ? "<" + e.id + ">" : "\"" + e.label + "\"";
}

/// One section of the lists: "title (n)" then one line per item.
template <class List, class F>
void section(std::string& out, std::string_view title, const List& list, F line) {
  out += std::string(title) + " (" + std::to_string(list.size()) + ")" + (list.empty() ? "\n" : ":\n");
  for (const auto& item : list) out += "  " + line(item) + "\n";
}

double rounded(double x) { return std::round(x * 10000.0) / 10000.0; }

ordered_json counts_json(const Counts& c) {
  return {{"tp", c.tp},
          {"fp", c.fp},
          {"fn", c.fn},
          {"precision", rounded(c.precision())},
          {"recall", rounded(c.recall())},
          {"f1", rounded(c.f1())}};
}

ordered_json types_json(const std::vector<Class>& types) {
  ordered_json out = ordered_json::array();
  for (const Class c : types) out.push_back(to_string(c));
  return out;
}

/// A fact's end in JSON: the gold id, or the node's IRI in angle brackets.
std::string end_json(const End& e) { return e.matched ? e.id : "<" + e.id + ">"; }

const Counts& counts_of(const std::map<std::string, Counts>& m, std::string_view key) {
  static const Counts kZero;
  const auto it = m.find(std::string(key));
  return it == m.end() ? kZero : it->second;
}

const Counts& counts_of(const std::map<Class, Counts>& m, Class key) {
  static const Counts kZero;
  const auto it = m.find(key);
  return it == m.end() ? kZero : it->second;
}

}  // namespace

std::string to_text(const Report& r) {
  std::string out = "scored " + r.graph_file + " against " + r.gold_file + "\n\n";
  out += pad("", 16) + pad("P", 6, true) + pad("R", 7, true) + pad("F1", 7, true) + "   tp/fp/fn\n";
  out += row("entities", r.entities);
  for (const Class c : kTypes) out += row("  " + std::string(to_string(c)), counts_of(r.entities_by_type, c));
  out += row("agreements", r.agreements);
  out += row("relations", r.relations);
  for (const auto p : kPredicates) out += row("  " + std::string(p), counts_of(r.relations_by_predicate, p));
  out += "\nagreement dates: " + std::to_string(r.agreement_dates.exact) + " exact, " +
         std::to_string(r.agreement_dates.partial) + " partial, of " +
         std::to_string(r.agreement_dates.total) + "\nwikidata links: " + std::to_string(r.wikidata.right) +
         " right, " + std::to_string(r.wikidata.wrong) + " wrong, of " + std::to_string(r.wikidata.gold) +
         " gold entities with a QID (" + std::to_string(r.wikidata.nodes_linked) + " nodes linked)\n\n";

  section(out, "missed entities", r.missed_entities, [](const GoldRef& g) {
    return g.id + "  " + std::string(to_string(g.type)) + "  \"" + g.name + "\"";
  });
  section(out, "spurious nodes (no gold entity has their name)", r.spurious_nodes,
          [](const NodeRef& n) { return types_text(n.types) + "  " + node_text(n); });
  section(out, "duplicates (a further node for one gold entity)", r.duplicates,
          [](const NodeForGold& d) { return d.gold + "  " + node_text(d.node); });
  section(out, "type errors (a gold name on a node of another class)", r.type_errors,
          [](const NodeForGold& d) {
            return d.gold + "  " + types_text(d.node.types) + "  " + node_text(d.node);
          });
  section(out, "missed agreements", r.missed_agreements, [](const std::string& id) { return id; });
  section(out, "spurious agreements", r.spurious_agreements, [](const NodeRef& n) { return node_text(n); });
  const auto fact = [](const Fact& f) {
    return end_text(f.subject) + " " + f.predicate + " " + end_text(f.object);
  };
  section(out, "missed relations", r.missed_relations, fact);
  section(out, "spurious relations", r.spurious_relations, fact);
  section(out, "wrong wikidata links", r.wrong_wikidata, [](const WrongLink& w) {
    std::string line = w.gold + ":";
    for (const auto& q : w.qids) line += " " + q;
    line += " (gold:";
    for (const auto& q : w.expected) line += " " + q;
    return line + ")";
  });
  out += "\nentity F1 " + fixed3(r.entities.f1()) + ", relation F1 " + fixed3(r.relations.f1()) +
         ", agreement F1 " + fixed3(r.agreements.f1()) + "\n";
  return out;
}

std::string to_json(const Report& r) {
  ordered_json j;
  j["graph"] = r.graph_file;
  j["gold"] = r.gold_file;
  j["entities"] = counts_json(r.entities);
  j["entities_by_type"] = ordered_json::object();
  for (const Class c : kTypes)
    j["entities_by_type"][std::string(to_string(c))] = counts_json(counts_of(r.entities_by_type, c));
  j["agreements"] = counts_json(r.agreements);
  j["agreement_dates"] = {{"exact", r.agreement_dates.exact},
                          {"partial", r.agreement_dates.partial},
                          {"total", r.agreement_dates.total}};
  j["relations"] = counts_json(r.relations);
  j["relations_by_predicate"] = ordered_json::object();
  for (const auto p : kPredicates)
    j["relations_by_predicate"][std::string(p)] = counts_json(counts_of(r.relations_by_predicate, p));
  j["wikidata"] = {{"right", r.wikidata.right},
                   {"wrong", r.wikidata.wrong},
                   {"gold", r.wikidata.gold},
                   {"nodes_linked", r.wikidata.nodes_linked}};

  auto& missed = j["missed_entities"] = ordered_json::array();
  for (const auto& g : r.missed_entities)
    missed.push_back({{"id", g.id}, {"type", to_string(g.type)}, {"name", g.name}});
  auto& spurious = j["spurious_nodes"] = ordered_json::array();
  for (const auto& n : r.spurious_nodes)
    spurious.push_back({{"node", n.id}, {"label", n.label}, {"types", types_json(n.types)}});
  auto& duplicates = j["duplicates"] = ordered_json::array();
  for (const auto& d : r.duplicates)
    duplicates.push_back({{"node", d.node.id}, {"label", d.node.label}, {"gold", d.gold}});
  auto& type_errors = j["type_errors"] = ordered_json::array();
  for (const auto& d : r.type_errors)
    type_errors.push_back({{"node", d.node.id},
                           {"label", d.node.label},
                           {"types", types_json(d.node.types)},
                           {"gold", d.gold}});
  j["missed_agreements"] = r.missed_agreements;
  auto& spurious_agreements = j["spurious_agreements"] = ordered_json::array();
  for (const auto& n : r.spurious_agreements)
    spurious_agreements.push_back({{"node", n.id}, {"label", n.label}});
  for (const auto& [key, list] : {std::pair{"missed_relations", &r.missed_relations},
                                  std::pair{"spurious_relations", &r.spurious_relations}}) {
    auto& facts = j[key] = ordered_json::array();
    for (const auto& f : *list) facts.push_back({end_json(f.subject), f.predicate, end_json(f.object)});
  }
  auto& wrong = j["wrong_wikidata"] = ordered_json::array();
  for (const auto& w : r.wrong_wikidata)
    wrong.push_back({{"gold", w.gold}, {"qids", w.qids}, {"expected", w.expected}});
  return j.dump(1) + "\n";
}

}  // namespace entente::eval
