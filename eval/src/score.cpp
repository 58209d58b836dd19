// score(): nodes matched to gold entities, agreements paired within their
// documents, relations compared in gold terms. docs/EVALUATION.md explains
// each step to users; the comments here say how it is done.
#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "entente/eval/score.hpp"

namespace entente::eval {
namespace {

constexpr std::size_t kNone = static_cast<std::size_t>(-1);

bool has(const std::vector<Class>& v, Class c) { return std::find(v.begin(), v.end(), c) != v.end(); }

bool is_entity_class(Class c) { return c == Class::person || c == Class::institution || c == Class::country; }

/// A gold entity that counts: neither optional nor a place.
bool required(const GoldEntity& e) { return !e.optional && e.type != Class::place; }

/// The classes that stand for `e` in a graph.
bool fits(const std::vector<Class>& node_types, const GoldEntity& e) {
  if (has(node_types, e.type)) return true;
  return std::any_of(e.alt_types.begin(), e.alt_types.end(), [&](Class c) { return has(node_types, c); });
}

NodeRef ref(const Node& n) {
  NodeRef r{n.id, n.label.empty() && !n.labels.empty() ? n.labels.front() : n.label, {}};
  for (const Class c : n.types)
    if (is_entity_class(c) || c == Class::agreement) r.types.push_back(c);
  return r;
}

/// Documents are compared by file name: "corpus/a.txt" is "a.txt".
std::string file_name(const std::string& path) {
  const std::size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

/// cooperatesWith is symmetric: its ends in one order.
Fact oriented(Fact f) {
  if (f.predicate == "cooperatesWith" && f.object < f.subject) std::swap(f.subject, f.object);
  return f;
}

Fact gold_fact(const std::string& s, const std::string& p, const std::string& o) {
  return oriented(Fact{End{s, {}, true}, p, End{o, {}, true}});
}

/// A date partly right for gold `date` ("2024-10-15"): the same year and
/// month ("2024-10", or another day of October 2024), or the month and day
/// without the year ("--10-15").
bool partly_right(const std::string& date, const std::string& value) {
  if (date.size() != 10) return false;
  return value.starts_with(date.substr(0, 7)) || value == "--" + date.substr(5);
}

class Scorer {
 public:
  Scorer(const Graph& graph, const Gold& gold) : graph_(graph), gold_(gold) {
    for (std::size_t i = 0; i < graph.nodes.size(); ++i) node_at_[graph.nodes[i].id] = i;
    for (std::size_t i = 0; i < gold.entities.size(); ++i) entity_at_[gold.entities[i].id] = i;
    for (const auto& e : graph.edges) {
      const auto s = node_at_.find(e.subject), o = node_at_.find(e.object);
      if (s != node_at_.end() && o != node_at_.end()) edges_.push_back({s->second, e.predicate, o->second});
    }
    match_.assign(graph.nodes.size(), kNone);
    paired_.assign(graph.nodes.size(), kNone);
  }

  Report run() {
    report_.graph_file = graph_.file;
    report_.gold_file = gold_.file;
    match_entities();
    count_entities();
    pair_agreements();
    count_relations();
    count_wikidata();
    return std::move(report_);
  }

 private:
  // ---- entities

  void match_entities() {
    // Gold names and aliases by their folded key.
    std::unordered_map<std::string, std::vector<std::size_t>> by_key;
    std::vector<std::string> name_key(gold_.entities.size());
    for (std::size_t g = 0; g < gold_.entities.size(); ++g) {
      const GoldEntity& e = gold_.entities[g];
      name_key[g] = fold_label(e.name);
      std::vector<std::string> keys = {name_key[g]};
      for (const auto& a : e.aliases) keys.push_back(fold_label(a));
      std::sort(keys.begin(), keys.end());
      keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
      for (const auto& k : keys)
        if (!k.empty()) by_key[k].push_back(g);
    }
    // The countries gold gives each entity (required or optional facts).
    std::vector<std::set<std::size_t>> gold_countries(gold_.entities.size());
    for (const auto* list : {&gold_.relations, &gold_.optional_relations})
      for (const auto& t : *list) {
        const auto s = entity_at_.find(t.subject), o = entity_at_.find(t.object);
        if (t.predicate == "country" && s != entity_at_.end() && o != entity_at_.end())
          gold_countries[s->second].insert(o->second);
      }
    // The country nodes each node points to.
    std::vector<std::vector<std::size_t>> node_countries(graph_.nodes.size());
    for (const auto& e : edges_)
      if (e.predicate == Predicate::country) node_countries[e.subject].push_back(e.object);

    // Country nodes first: the others' coop:country edges can then be read in gold terms.
    std::vector<std::size_t> order;
    for (std::size_t n = 0; n < graph_.nodes.size(); ++n)
      if (has(graph_.nodes[n].types, Class::country)) order.push_back(n);
    for (std::size_t n = 0; n < graph_.nodes.size(); ++n) {
      const auto& types = graph_.nodes[n].types;
      if (!has(types, Class::country) && std::any_of(types.begin(), types.end(), is_entity_class))
        order.push_back(n);
    }
    for (const std::size_t n : order) {
      const Node& node = graph_.nodes[n];
      // Candidates: gold entities with a key among the node's labels, and how many of its keys they share.
      std::vector<std::string> keys;
      for (const auto& l : node.labels) keys.push_back(fold_label(l));
      std::sort(keys.begin(), keys.end());
      keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
      std::map<std::size_t, std::size_t> shared;
      for (const auto& k : keys) {
        const auto it = by_key.find(k);
        if (it == by_key.end()) continue;
        for (const std::size_t g : it->second) ++shared[g];
      }
      const std::string preferred = fold_label(node.label);
      // Best: right class, then a country gold agrees with, then required,
      // then the preferred label is the gold name, then more shared keys,
      // then the smallest id.
      using Rank = std::tuple<bool, bool, bool, bool, std::size_t>;
      std::size_t best = kNone;
      Rank best_rank{};
      for (const auto& [g, count] : shared) {
        const GoldEntity& e = gold_.entities[g];
        bool country = false;
        for (const std::size_t c : node_countries[n])
          country = country || (match_[c] != kNone && gold_countries[g].contains(match_[c]));
        const Rank rank{fits(node.types, e), country, required(e),
                        !preferred.empty() && preferred == name_key[g], count};
        if (best == kNone || rank > best_rank || (rank == best_rank && e.id < gold_.entities[best].id)) {
          best = g;
          best_rank = rank;
        }
      }
      match_[n] = best;
      if (best == kNone) unmatched_.push_back(n);
    }
  }

  void count_entities() {
    for (const Class c : {Class::person, Class::institution, Class::country})
      report_.entities_by_type[c] = {};
    std::vector<std::vector<std::size_t>> good(gold_.entities.size());
    for (const std::size_t n : unmatched_) {
      report_.spurious_nodes.push_back(ref(graph_.nodes[n]));
      for (const Class c : graph_.nodes[n].types)
        if (is_entity_class(c)) ++report_.entities_by_type[c].fp;
    }
    for (std::size_t n = 0; n < graph_.nodes.size(); ++n) {
      if (match_[n] == kNone) continue;
      const GoldEntity& e = gold_.entities[match_[n]];
      if (!required(e)) continue;  // optional: neither found nor wrong
      if (fits(graph_.nodes[n].types, e)) {
        good[match_[n]].push_back(n);
      } else {
        report_.type_errors.push_back({ref(graph_.nodes[n]), e.id});
        for (const Class c : graph_.nodes[n].types)
          if (is_entity_class(c)) ++report_.entities_by_type[c].fp;
      }
    }
    for (std::size_t g = 0; g < gold_.entities.size(); ++g) {
      const GoldEntity& e = gold_.entities[g];
      if (!required(e)) continue;
      Counts& counts = report_.entities_by_type[e.type];
      if (good[g].empty()) {
        ++counts.fn;
        report_.missed_entities.push_back({e.id, e.type, e.name});
        continue;
      }
      // The node named as gold names it is the one found; the others are duplicates.
      const std::string name = fold_label(e.name);
      std::stable_partition(good[g].begin(), good[g].end(),
                            [&](std::size_t n) { return fold_label(graph_.nodes[n].label) == name; });
      ++counts.tp;
      for (std::size_t i = 1; i < good[g].size(); ++i) {
        ++counts.fp;
        report_.duplicates.push_back({ref(graph_.nodes[good[g][i]]), e.id});
      }
    }
    for (const auto& [c, counts] : report_.entities_by_type) {
      report_.entities.tp += counts.tp;
      report_.entities.fp += counts.fp;
      report_.entities.fn += counts.fn;
    }
  }

  /// The gold id an edge's end stands for: a paired agreement or a matched entity.
  const std::string* gold_id(std::size_t n) const {
    if (paired_[n] != kNone) return &gold_.agreements[paired_[n]].id;
    if (match_[n] != kNone) return &gold_.entities[match_[n]].id;
    return nullptr;
  }

  // ---- agreements

  void pair_agreements() {
    std::vector<std::size_t> nodes;
    std::unordered_map<std::string, std::vector<std::size_t>> by_document;
    for (std::size_t n = 0; n < graph_.nodes.size(); ++n) {
      if (!has(graph_.nodes[n].types, Class::agreement)) continue;
      nodes.push_back(n);
      for (const auto& d : graph_.nodes[n].documents) by_document[d].push_back(n);
    }
    // What each agreement node says, in gold ids.
    std::vector<std::set<std::string>> parties(graph_.nodes.size()), persons(graph_.nodes.size());
    for (const auto& e : edges_) {
      const std::size_t s = e.subject, o = e.object;
      if (match_[o] == kNone) continue;
      if (e.predicate == Predicate::party) parties[s].insert(gold_.entities[match_[o]].id);
      if (e.predicate == Predicate::signatory || e.predicate == Predicate::participant)
        persons[s].insert(gold_.entities[match_[o]].id);
    }
    // Every (gold, node) pair that shares a document, strongest first: shared
    // parties, shared persons, the same date, a required gold agreement.
    using Strength = std::tuple<std::size_t, std::size_t, bool, bool>;
    struct Candidate {
      Strength strength;
      std::size_t gold, node;
    };
    std::vector<Candidate> candidates;
    for (std::size_t a = 0; a < gold_.agreements.size(); ++a) {
      const GoldAgreement& g = gold_.agreements[a];
      std::set<std::size_t> near;
      for (const auto& d : g.docs) {
        const auto it = by_document.find(file_name(d));
        if (it != by_document.end()) near.insert(it->second.begin(), it->second.end());
      }
      std::set<std::string> gold_parties(g.parties.begin(), g.parties.end());
      gold_parties.insert(g.optional_parties.begin(), g.optional_parties.end());
      std::set<std::string> gold_persons(g.signatories.begin(), g.signatories.end());
      gold_persons.insert(g.participants.begin(), g.participants.end());
      gold_persons.insert(g.optional_participants.begin(), g.optional_participants.end());
      for (const std::size_t n : near) {
        const auto count = [](const std::set<std::string>& x, const std::set<std::string>& y) {
          return static_cast<std::size_t>(
              std::count_if(x.begin(), x.end(), [&](const auto& i) { return y.contains(i); }));
        };
        const auto& dates = graph_.nodes[n].dates;
        const bool same_date =
            !g.date.empty() && std::find(dates.begin(), dates.end(), g.date) != dates.end();
        candidates.push_back(
            {{count(parties[n], gold_parties), count(persons[n], gold_persons), same_date, !g.optional},
             a,
             n});
      }
    }
    std::stable_sort(candidates.begin(), candidates.end(), [&](const Candidate& x, const Candidate& y) {
      if (x.strength != y.strength) return x.strength > y.strength;
      if (x.gold != y.gold) return gold_.agreements[x.gold].id < gold_.agreements[y.gold].id;
      return x.node < y.node;
    });
    std::vector<std::size_t> node_of(gold_.agreements.size(), kNone);
    for (const auto& c : candidates) {
      if (paired_[c.node] != kNone || node_of[c.gold] != kNone) continue;
      paired_[c.node] = c.gold;
      node_of[c.gold] = c.node;
    }
    // Counts, dates and lists.
    for (const std::size_t n : nodes) {
      if (paired_[n] == kNone) {
        ++report_.agreements.fp;
        report_.spurious_agreements.push_back(ref(graph_.nodes[n]));
      } else if (!gold_.agreements[paired_[n]].optional) {
        ++report_.agreements.tp;
      }
    }
    for (std::size_t a = 0; a < gold_.agreements.size(); ++a) {
      const GoldAgreement& g = gold_.agreements[a];
      if (g.optional) continue;
      if (node_of[a] == kNone) {
        ++report_.agreements.fn;
        report_.missed_agreements.push_back(g.id);
      }
      if (g.date.empty()) continue;
      ++report_.agreement_dates.total;
      if (node_of[a] == kNone) continue;
      const auto& dates = graph_.nodes[node_of[a]].dates;
      if (std::find(dates.begin(), dates.end(), g.date) != dates.end()) {
        ++report_.agreement_dates.exact;
      } else if (std::any_of(dates.begin(), dates.end(), [&](const std::string& d) {
                   return partly_right(g.date, d) || (!g.date_partial.empty() && d == g.date_partial);
                 })) {
        ++report_.agreement_dates.partial;
      }
    }
  }

  // ---- relations

  void count_relations() {
    // Gold facts, required and optional; a fact that touches an optional
    // entity (or a place) is optional whatever list it is in.
    std::set<Fact> expected, optional;
    const auto is_required = [&](const std::string& id) {
      const auto it = entity_at_.find(id);
      return it == entity_at_.end() || required(gold_.entities[it->second]);
    };
    const auto add = [&](const std::string& s, const std::string& p, const std::string& o, bool req) {
      (req && is_required(s) && is_required(o) ? expected : optional).insert(gold_fact(s, p, o));
    };
    for (const auto& t : gold_.relations) add(t.subject, t.predicate, t.object, true);
    for (const auto& t : gold_.optional_relations) add(t.subject, t.predicate, t.object, false);
    for (const auto& a : gold_.agreements) {
      if (a.optional) continue;  // none of its facts is predicted (see below)
      for (const auto& x : a.parties) add(a.id, "party", x, true);
      for (const auto& x : a.optional_parties) add(a.id, "party", x, false);
      for (const auto* list : {&a.signatories, &a.participants})
        for (const auto& x : *list) add(a.id, "person", x, true);
      for (const auto& x : a.optional_participants) add(a.id, "person", x, false);
    }
    for (const auto& f : optional) expected.erase(f);

    // Predicted facts in gold terms; an unmatched end stays a node.
    std::set<Fact> predicted;
    for (const auto& e : edges_) {
      const std::size_t s = e.subject, o = e.object;
      const std::string predicate =
          e.predicate == Predicate::signatory || e.predicate == Predicate::participant
              ? "person"
              : std::string(to_string(e.predicate));
      if (paired_[s] != kNone && gold_.agreements[paired_[s]].optional) continue;
      if (match_[s] != kNone && !required(gold_.entities[match_[s]])) continue;
      if (match_[o] != kNone && !required(gold_.entities[match_[o]])) continue;
      const std::string* gs = gold_id(s);
      const std::string* go = match_[o] != kNone ? &gold_.entities[match_[o]].id : nullptr;
      const auto end = [&](std::size_t n, const std::string* id) {
        return id != nullptr ? End{*id, {}, true}
                             : End{graph_.nodes[n].id, ref(graph_.nodes[n]).label, false};
      };
      Fact f = oriented(Fact{end(s, gs), predicate, end(o, go)});
      if (!optional.contains(f)) predicted.insert(std::move(f));
    }

    for (const char* p : {"memberOf", "country", "cooperatesWith", "party", "person"})
      report_.relations_by_predicate[p] = {};
    for (const auto& f : expected) {
      Counts& c = report_.relations_by_predicate[f.predicate];
      if (predicted.contains(f)) {
        ++c.tp;
      } else {
        ++c.fn;
        report_.missed_relations.push_back(f);
      }
    }
    for (const auto& f : predicted) {
      if (expected.contains(f)) continue;
      ++report_.relations_by_predicate[f.predicate].fp;
      report_.spurious_relations.push_back(f);
    }
    for (const auto& [p, c] : report_.relations_by_predicate) {
      report_.relations.tp += c.tp;
      report_.relations.fp += c.fp;
      report_.relations.fn += c.fn;
    }
  }

  // ---- Wikidata

  void count_wikidata() {
    std::vector<std::set<std::string>> linked(gold_.entities.size());
    for (std::size_t n = 0; n < graph_.nodes.size(); ++n) {
      const Node& node = graph_.nodes[n];
      if (!node.qids.empty() && std::any_of(node.types.begin(), node.types.end(), is_entity_class))
        ++report_.wikidata.nodes_linked;
      if (match_[n] != kNone) linked[match_[n]].insert(node.qids.begin(), node.qids.end());
    }
    for (std::size_t g = 0; g < gold_.entities.size(); ++g) {
      const GoldEntity& e = gold_.entities[g];
      if (!required(e) || e.wikidata.empty()) continue;
      ++report_.wikidata.gold;
      const std::set<std::string> right(e.wikidata.begin(), e.wikidata.end());
      std::vector<std::string> wrong;
      bool found = false;
      for (const auto& q : linked[g]) {
        if (right.contains(q)) {
          found = true;
        } else {
          wrong.push_back(q);
        }
      }
      if (found) ++report_.wikidata.right;
      if (!wrong.empty()) {
        ++report_.wikidata.wrong;
        report_.wrong_wikidata.push_back({e.id, wrong, {right.begin(), right.end()}});
      }
    }
  }

  const Graph& graph_;
  const Gold& gold_;
  /// An edge between nodes, by their index.
  struct NodeEdge {
    std::size_t subject;
    Predicate predicate;
    std::size_t object;
  };

  std::unordered_map<std::string, std::size_t> node_at_, entity_at_;
  std::vector<NodeEdge> edges_;      ///< the graph's edges whose two ends are nodes (all, from parse_graph)
  std::vector<std::size_t> match_;   ///< per node: the gold entity it stands for, or kNone
  std::vector<std::size_t> paired_;  ///< per agreement node: its gold agreement, or kNone
  std::vector<std::size_t> unmatched_;
  Report report_;
};

}  // namespace

double Counts::precision() const {
  return tp + fp == 0 ? 0.0 : static_cast<double>(tp) / static_cast<double>(tp + fp);
}

double Counts::recall() const {
  return tp + fn == 0 ? 0.0 : static_cast<double>(tp) / static_cast<double>(tp + fn);
}

double Counts::f1() const {
  const double p = precision(), r = recall();
  return p + r == 0.0 ? 0.0 : 2 * p * r / (p + r);
}

Report score(const Graph& graph, const Gold& gold) {
  Report r = Scorer(graph, gold).run();
  std::sort(r.missed_entities.begin(), r.missed_entities.end());
  std::sort(r.spurious_nodes.begin(), r.spurious_nodes.end());
  std::sort(r.duplicates.begin(), r.duplicates.end());
  std::sort(r.type_errors.begin(), r.type_errors.end());
  std::sort(r.missed_agreements.begin(), r.missed_agreements.end());
  std::sort(r.spurious_agreements.begin(), r.spurious_agreements.end());
  std::sort(r.missed_relations.begin(), r.missed_relations.end());
  std::sort(r.spurious_relations.begin(), r.spurious_relations.end());
  std::sort(r.wrong_wikidata.begin(), r.wrong_wikidata.end());
  return r;
}

}  // namespace entente::eval
