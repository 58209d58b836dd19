// KnowledgeGraph: documents in, one node per real-world entity out.
//
// Identity policy (what makes two document entities one node):
// - countries: the same ISO code;
// - places: the same name key;
// - institutions: the same gazetteer id, or the same name (any of their
//   labels: "DGSN" and "Direction générale de la Sûreté nationale" once an
//   article tied them; names compared by extract::institution_identity_key,
//   so "ministère algérien de la Justice" is "ministère de la Justice") and
//   the same country: two institutions of one name in different countries
//   stay two, and a name without a country never joins one that has a
//   country (the "ministère de l'Intérieur" of an article that does not say
//   whose is nobody's in particular);
// - persons: the same full-name key ("Mohamed Hassad" == "Mohammed Hassad"),
//   or a lone surname that exactly one known person carries, never across
//   different countries;
// - agreements: one node per agreement per document.
// A name key folds case, accents, punctuation and doubled letters (names.hpp).
#include <algorithm>
#include <limits>
#include <optional>

#include "entente/graph/graph.hpp"
#include "entente/extract/names.hpp"
#include "entente/extract/offsets.hpp"

namespace entente::graph {
namespace {

constexpr Vertex kAmbiguous = std::numeric_limits<Vertex>::max();

std::string_view type_path(EntityType t) {
  switch (t) {
    case EntityType::Person: return "person/";
    case EntityType::Institution: return "institution/";
    case EntityType::Country: return "country/";
    case EntityType::Agreement: return "agreement/";
    case EntityType::Place: return "place/";
  }
  return "entity/";
}

void add_sorted(std::vector<std::string>& v, const std::string& x) {
  auto it = std::lower_bound(v.begin(), v.end(), x);
  if (it == v.end() || *it != x) v.insert(it, x);
}

std::size_t word_count(const std::string& name) {
  return extract::key_words(extract::name_key(name)).size();
}

bool compatible_country(const Node& n, const extract::Entity& e) {
  return n.country.empty() || e.country.empty() || n.country == e.country;
}

/// An entity's name, then its other labels, without copying them.
class NameList {
 public:
  explicit NameList(const extract::Entity& e) : e_(e) {}
  class iterator {
   public:
    iterator(const extract::Entity& e, std::size_t i) : e_(&e), i_(i) {}
    const std::string& operator*() const { return i_ == 0 ? e_->name : e_->labels[i_ - 1]; }
    iterator& operator++() {
      ++i_;
      return *this;
    }
    bool operator!=(const iterator& o) const { return i_ != o.i_; }

   private:
    const extract::Entity* e_;
    std::size_t i_;
  };
  iterator begin() const { return {e_, 0}; }
  iterator end() const { return {e_, e_.labels.size() + 1}; }

 private:
  const extract::Entity& e_;
};

std::string first_line_title(std::string_view text) {
  std::size_t start = text.find_first_not_of(" \t\n");
  if (start == std::string::npos) return {};
  std::size_t end = text.find('\n', start);
  std::string line(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.pop_back();
  if (line.size() > 250 || line.empty() || line.back() == '.') return {};
  return line;
}

}  // namespace

std::string slug(std::string_view text) {
  std::string folded = extract::fold_ascii(text);
  std::string out;
  for (char ch : folded) {
    auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) != 0 && c < 0x80) {
      out.push_back(static_cast<char>(std::tolower(c)));
    } else if (!out.empty() && out.back() != '-') {
      out.push_back('-');
    }
    if (out.size() >= 80) break;
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  if (out.empty()) out = "x";
  return out;
}

KnowledgeGraph::KnowledgeGraph(std::string base, bool keep_evidence)
    : base_(std::move(base)), keep_evidence_(keep_evidence) {}

void KnowledgeGraph::claim(const std::string& key, Vertex v) {
  auto [it, inserted] = by_key_.emplace(key, v);
  if (!inserted && it->second != v) it->second = kAmbiguous;
}

void KnowledgeGraph::register_keys(Vertex v) {
  const Node& n = g_[v];
  std::vector<std::string> names = n.alt_labels;
  names.push_back(n.label);
  switch (n.type) {
    case EntityType::Country:
      claim("C|" + n.key, v);
      break;
    case EntityType::Place:
      for (const auto& name : names) claim("L|" + extract::name_key(name), v);
      break;
    case EntityType::Institution:
      if (!n.key.empty()) claim("I#" + n.key, v);
      for (const auto& name : names) claim("I|" + extract::institution_identity_key(name) + "|" + n.country, v);
      break;
    case EntityType::Person:
      for (const auto& name : names) {
        std::string k = extract::person_key(name);
        claim("P|" + k, v);
        auto words = extract::key_words(k);
        if (words.size() >= 2) claim("S|" + words.back(), v);
      }
      break;
    case EntityType::Agreement:
      break;
  }
}

Vertex KnowledgeGraph::resolve(const extract::Entity& e) {
  auto lookup = [&](const std::string& key) -> Vertex {
    auto it = by_key_.find(key);
    if (it == by_key_.end() || it->second == kAmbiguous) return kAmbiguous;
    const Node& n = g_[it->second];
    if (n.type != e.type || !compatible_country(n, e)) return kAmbiguous;
    return it->second;
  };
  const NameList names(e);
  Vertex found = kAmbiguous;
  switch (e.type) {
    case EntityType::Country:
      found = lookup("C|" + e.key);
      break;
    case EntityType::Place:
      for (const auto& name : names)
        if (found == kAmbiguous) found = lookup("L|" + extract::name_key(name));
      break;
    case EntityType::Institution:
      if (!e.key.empty()) found = lookup("I#" + e.key);
      for (const auto& name : names) {
        if (found != kAmbiguous) break;
        found = lookup("I|" + extract::institution_identity_key(name) + "|" + e.country);
      }
      break;
    case EntityType::Person:
      for (const auto& name : names) {
        if (found != kAmbiguous) break;
        std::string k = extract::person_key(name);
        found = lookup("P|" + k);
        if (found == kAmbiguous && extract::key_words(k).size() == 1) found = lookup("S|" + k);
      }
      break;
    case EntityType::Agreement:
      break;
  }
  const bool is_new = found == kAmbiguous;
  if (is_new) {
    Node n;
    n.type = e.type;
    n.label = e.name;
    n.key = e.key;
    found = boost::add_vertex(n, g_);
  }
  // Keys and IRI depend on the names, key and country only: most mentions of
  // a known entity change none of them, and then need no new claim.
  const Node& n = g_[found];
  const std::size_t names_before = n.alt_labels.size();
  const std::string label_before = n.label, key_before = n.key, country_before = n.country;
  merge_into(found, e);
  if (is_new || n.alt_labels.size() != names_before || n.label != label_before || n.key != key_before ||
      n.country != country_before) {
    register_keys(found);
    assign_iri(found);
  }
  return found;
}

void KnowledgeGraph::merge_into(Vertex v, const extract::Entity& e) {
  Node& n = g_[v];
  for (const std::string& name : NameList(e)) {
    if (name.empty() || name == n.label) continue;
    // The preferred label is the fullest name, unless a gazetteer fixed it.
    if (n.key.empty() && n.type != EntityType::Agreement && word_count(name) > word_count(n.label)) {
      add_sorted(n.alt_labels, n.label);
      n.label = name;
    } else {
      add_sorted(n.alt_labels, name);
    }
  }
  std::erase(n.alt_labels, n.label);
  if (n.key.empty() && !e.key.empty()) n.key = e.key;
  if (n.country.empty()) n.country = e.country;
  if (n.qid.empty()) n.qid = e.qid;
  for (const auto& r : e.roles) add_sorted(n.roles, r.title);
  if (n.type == EntityType::Agreement) {
    if (n.kind.empty()) n.kind = e.kind;
    if (n.date.empty()) n.date = e.date;
    if (n.date_end.empty()) n.date_end = e.date_end;
  }
}

void KnowledgeGraph::assign_iri(Vertex v) {
  Node& n = g_[v];
  std::string local;
  if (n.type == EntityType::Country) {
    local = slug(n.key.empty() ? n.label : n.key);
  } else if (n.type == EntityType::Institution && !n.country.empty() && n.key.empty()) {
    local = slug(n.label + " " + n.country);
  } else if (n.type == EntityType::Agreement) {
    local = slug(n.label);
  } else {
    local = slug(n.key.empty() ? n.label : n.key);
  }
  std::string iri = base_ + std::string(type_path(n.type)) + local;
  if (iri == n.iri) return;
  std::string candidate = iri;
  for (int i = 2; by_iri_.count(candidate) != 0 && by_iri_[candidate] != v; ++i) {
    candidate = iri + "-" + std::to_string(i);
  }
  if (!n.iri.empty()) {
    // Keep an IRI once given unless the new one is free: a label that grows
    // renames the node, a clash never does.
    if (candidate != iri) return;
    by_iri_.erase(n.iri);
  }
  n.iri = candidate;
  by_iri_[candidate] = v;
}

bool KnowledgeGraph::add_edge(Vertex s, Predicate p, Vertex o, std::uint32_t doc, const Evidence* evidence) {
  if (s == o) return false;
  if (p == Predicate::cooperatesWith && o < s) std::swap(s, o);
  auto key = std::make_tuple(s, static_cast<int>(p), o);
  auto it = edges_.find(key);
  EdgeDescriptor ed;
  if (it == edges_.end()) {
    Edge e;
    e.predicate = p;
    ed = boost::add_edge(s, o, e, g_).first;
    edges_.emplace(key, ed);
  } else {
    ed = it->second;
  }
  Edge& e = g_[ed];
  if (e.documents.empty() || e.documents.back() != doc) e.documents.push_back(doc);
  e.weight = static_cast<double>(e.documents.size());
  if (keep_evidence_ && evidence != nullptr &&
      std::find(e.evidence.begin(), e.evidence.end(), *evidence) == e.evidence.end()) {
    e.evidence.push_back(*evidence);
  }
  if (g_[s].type == EntityType::Agreement && e.date.empty()) e.date = g_[s].date;
  return true;
}

AddedDocument KnowledgeGraph::add(const extract::Document& doc) {
  const auto doc_index = static_cast<std::uint32_t>(docs_.size());
  const std::string_view text = extract::evidence_text(doc);
  const extract::CodePoints code_points(text);
  DocumentInfo info;
  info.id = doc.id;
  info.path = doc.path;
  info.title = first_line_title(text);
  info.length = code_points.size();
  std::string iri = base_ + "doc/" + slug(doc.id);
  std::string candidate = iri;
  for (int i = 2; by_iri_.count(candidate) != 0; ++i) candidate = iri + "-" + std::to_string(i);
  by_iri_[candidate] = std::numeric_limits<Vertex>::max() - 1;
  info.iri = candidate;
  docs_.push_back(std::move(info));

  AddedDocument added;
  added.index = doc_index;
  added.vertices.resize(doc.entities.size());
  extract::Entity agreement;
  for (std::size_t i = 0; i < doc.entities.size(); ++i) {
    const extract::Entity* entity = &doc.entities[i];
    if (entity->type == EntityType::Agreement) {
      // One node per agreement per document; its label names kind, document and rank.
      agreement = *entity;
      agreement.name = (agreement.kind.empty() ? std::string("accord") : agreement.kind) + " " + doc.id + " " +
                       std::to_string(i);
      agreement.labels.clear();
      entity = &agreement;
    }
    const extract::Entity& e = *entity;
    Vertex v = resolve(e);
    if (e.type == EntityType::Agreement) {
      Node& n = g_[v];
      n.label = doc.entities[i].name.empty() ? n.label : doc.entities[i].name;
    }
    added.vertices[i] = v;
    Node& n = g_[v];
    if (n.documents.empty() || n.documents.back() != doc_index) n.documents.push_back(doc_index);
  }
  added.relations.resize(doc.relations.size());
  for (std::size_t i = 0; i < doc.relations.size(); ++i) {
    const auto& r = doc.relations[i];
    if (r.subject < 0 || r.object < 0) continue;
    auto s = static_cast<std::size_t>(r.subject);
    auto o = static_cast<std::size_t>(r.object);
    if (s >= added.vertices.size() || o >= added.vertices.size()) continue;
    std::optional<Evidence> ev;
    if (r.sentence < doc.sentences.size()) {
      const extract::Span span = doc.sentences[r.sentence].span;
      ev = Evidence{doc_index, code_points.at(extract::source_offset(doc, span.begin)),
                    code_points.at(extract::source_offset(doc, span.end))};
    }
    added.relations[i] = add_edge(added.vertices[s], r.predicate, added.vertices[o], doc_index,
                                  ev ? &*ev : nullptr);
  }
  return added;
}

void KnowledgeGraph::finish() {
  struct Pending {
    Vertex person, country;
    Edge membership;
  };
  std::vector<Pending> pending;
  for (auto v : boost::make_iterator_range(boost::vertices(g_))) {
    if (g_[v].type != EntityType::Person) continue;
    bool has_country = false;
    std::vector<std::pair<Vertex, EdgeDescriptor>> via;
    for (auto e : boost::make_iterator_range(boost::out_edges(v, g_))) {
      if (g_[e].predicate == Predicate::country) has_country = true;
      if (g_[e].predicate != Predicate::memberOf) continue;
      for (auto f : boost::make_iterator_range(boost::out_edges(boost::target(e, g_), g_)))
        if (g_[f].predicate == Predicate::country) via.emplace_back(boost::target(f, g_), e);
    }
    if (has_country || via.empty()) continue;
    bool one = std::all_of(via.begin(), via.end(), [&](const auto& x) { return x.first == via.front().first; });
    if (one) pending.push_back({v, via.front().first, g_[via.front().second]});
  }
  for (const auto& p : pending) {
    auto key = std::make_tuple(p.person, static_cast<int>(Predicate::country), p.country);
    if (edges_.count(key) != 0) continue;
    Edge e = p.membership;
    e.predicate = Predicate::country;
    edges_.emplace(key, boost::add_edge(p.person, p.country, e, g_).first);
  }
}

std::vector<Vertex> KnowledgeGraph::sorted_vertices() const {
  std::vector<Vertex> out;
  for (auto v : boost::make_iterator_range(boost::vertices(g_))) out.push_back(v);
  std::sort(out.begin(), out.end(), [&](Vertex a, Vertex b) { return g_[a].iri < g_[b].iri; });
  return out;
}

std::vector<EdgeDescriptor> KnowledgeGraph::sorted_edges() const {
  std::vector<EdgeDescriptor> out;
  for (auto e : boost::make_iterator_range(boost::edges(g_))) out.push_back(e);
  auto key = [&](EdgeDescriptor e) {
    return std::make_tuple(std::cref(g_[boost::source(e, g_)].iri), static_cast<int>(g_[e].predicate),
                           std::cref(g_[boost::target(e, g_)].iri));
  };
  std::sort(out.begin(), out.end(), [&](EdgeDescriptor a, EdgeDescriptor b) { return key(a) < key(b); });
  return out;
}

}  // namespace entente::graph
