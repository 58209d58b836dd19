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
// - agreements, resolved after the document's other entities so that their
//   parties are known nodes: one node per real agreement across the corpus.
//   An agreement of a document joins an agreement node when
//     * their kinds are of one family (graph/data/agreement-kinds.tsv:
//       "convention" and "traité" are "accord"; a memorandum never is), and
//     * their dates agree (dates_agree: "2024-10-15" agrees with "2024-10",
//       "2024", "--10-15" and no date, not with "2024-10-16"), and
//     * they have the same parties (the nodes of the document's `party`
//       relations): at least two, or one when both give the same full date;
//       or they have parties and the same signatories and participants, at
//       least two;
//   and that node is the only one that fits, and no other agreement of the
//   same document joined it. Otherwise it is a new node. An agreement with no
//   party never joins one of another document. A merged agreement keeps its
//   first kind and label (later names are altLabels), the most precise date
//   (merge_dates) and the union of its parties; it is mentionedIn every
//   article.
// - documents: an article that repeats an earlier one (duplicates.hpp: the
//   same text, or most of its word 5-shingles) adds no node, edge or weight;
//   only its document is listed, copy_of the earlier one.
// A name key folds case, accents, punctuation and doubled letters (names.hpp).
//
// IRIs: base + type path + slug of the key or label, made unique by -2, -3...
// in the order nodes get them. An agreement's is
// agreement/<kind>-<party keys>-<date> (its kind as first reported; party
// keys sorted: the ISO code of a country, the IRI's last segment for an
// institution; the date when known), or agreement/<kind>-<12 hex digits of
// its document's text hash> without parties: never a file name. finish()
// gives agreements their final IRIs, from their parties' final IRIs, in node
// creation order.
#include <algorithm>
#include <array>
#include <charconv>
#include <limits>
#include <map>
#include <optional>
#include <stdexcept>

#include "data.hpp"
#include "entente/common/hash.hpp"
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

/// graph/data/agreement-kinds.tsv: kind -> family.
const std::map<std::string, std::string, std::less<>>& agreement_families() {
  static const std::map<std::string, std::string, std::less<>> families = [] {
    constexpr std::string_view kFile = "agreement-kinds.tsv";
    const std::string_view bytes = data_file(kFile);
    std::map<std::string, std::string, std::less<>> out;
    bool header = true;
    std::size_t line_number = 0;
    for (std::size_t at = 0; at < bytes.size();) {
      std::size_t end = bytes.find('\n', at);
      if (end == std::string_view::npos) end = bytes.size();
      std::string_view line = bytes.substr(at, end - at);
      at = end + 1;
      ++line_number;
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (line.empty() || line.front() == '#') continue;
      const std::size_t tab = line.find('\t');
      if (header) {
        if (line != "kind\tfamily") {
          throw std::logic_error(std::string(kFile) + ": the header must be kind<TAB>family");
        }
        header = false;
        continue;
      }
      if (tab == std::string_view::npos || tab == 0 || tab + 1 == line.size() ||
          line.find('\t', tab + 1) != std::string_view::npos) {
        throw std::logic_error(std::string(kFile) + ":" + std::to_string(line_number) +
                               ": expected kind<TAB>family");
      }
      out.emplace(std::string(line.substr(0, tab)), std::string(line.substr(tab + 1)));
    }
    return out;
  }();
  return families;
}

/// An agreement date taken apart; -1 where a part is not given.
struct DateParts {
  int year = -1, month = -1, day = -1;
  bool valid = true;  ///< one of the ISO forms of dates_agree
};

DateParts parse_date(std::string_view s) {
  DateParts d;
  if (s.empty()) return d;
  auto number = [](std::string_view t, std::size_t digits, int& out) {
    if (t.size() != digits) return false;
    const auto r = std::from_chars(t.data(), t.data() + t.size(), out);
    return r.ec == std::errc() && r.ptr == t.data() + t.size();
  };
  std::array<std::string_view, 3> parts{};
  std::size_t n = 0;
  const bool no_year = s.starts_with("--");
  std::string_view rest = no_year ? s.substr(2) : s;
  while (n < parts.size()) {
    const std::size_t dash = rest.find('-');
    parts[n++] = rest.substr(0, dash);
    if (dash == std::string_view::npos) {
      rest = {};
      break;
    }
    rest.remove_prefix(dash + 1);
    if (rest.empty()) {  // a trailing dash
      d.valid = false;
      return d;
    }
  }
  if (!rest.empty()) d.valid = false;
  if (no_year) {
    d.valid = d.valid && n >= 1 && n <= 2 && number(parts[0], 2, d.month) &&
              (n < 2 || number(parts[1], 2, d.day));
  } else {
    d.valid = d.valid && number(parts[0], 4, d.year) && (n < 2 || number(parts[1], 2, d.month)) &&
              (n < 3 || number(parts[2], 2, d.day));
  }
  return d;
}

bool full_date(std::string_view s) {
  const DateParts d = parse_date(s);
  return d.valid && d.year >= 0 && d.month >= 0 && d.day >= 0;
}

void two_digits(std::string& out, int x) {
  out.push_back(static_cast<char>('0' + x / 10 % 10));
  out.push_back(static_cast<char>('0' + x % 10));
}

/// "12,40,41": the vertices of a sorted list, for identity keys.
std::string vertex_list(const std::vector<Vertex>& vs) {
  std::string out;
  for (const Vertex v : vs) {
    if (!out.empty()) out.push_back(',');
    out += std::to_string(v);
  }
  return out;
}

void sort_unique(std::vector<Vertex>& vs) {
  std::sort(vs.begin(), vs.end());
  vs.erase(std::unique(vs.begin(), vs.end()), vs.end());
}

}  // namespace

std::string_view agreement_family(std::string_view kind) {
  const auto& families = agreement_families();
  auto it = families.find(kind);
  return it == families.end() ? kind : std::string_view(it->second);
}

bool agreement_kind_listed(std::string_view kind) { return agreement_families().count(kind) != 0; }

bool dates_agree(std::string_view a, std::string_view b) {
  if (a.empty() || b.empty() || a == b) return true;
  const DateParts x = parse_date(a), y = parse_date(b);
  if (!x.valid || !y.valid) return false;
  auto differ = [](int p, int q) { return p >= 0 && q >= 0 && p != q; };
  return !differ(x.year, y.year) && !differ(x.month, y.month) && !differ(x.day, y.day);
}

std::string merge_dates(std::string_view a, std::string_view b) {
  if (b.empty() || a == b || !dates_agree(a, b)) return std::string(a);
  if (a.empty()) return std::string(b);
  const DateParts x = parse_date(a), y = parse_date(b);
  const int year = std::max(x.year, y.year), month = std::max(x.month, y.month), day = std::max(x.day, y.day);
  std::string out;
  if (year >= 0) {
    out = std::to_string(year);
    while (out.size() < 4) out.insert(out.begin(), '0');
    if (month < 0) return out;
    out.push_back('-');
  } else {
    out = "--";
  }
  two_digits(out, month);
  if (day >= 0) {
    out.push_back('-');
    two_digits(out, day);
  }
  return out;
}

namespace {

/// FNV-1a, 64 bits, then MurmurHash3's finaliser (so that URLs that differ
/// by one character differ in every digit): a stable hash, the same on every
/// machine and run.
std::uint64_t url_hash(std::string_view s) { return common::mix64(common::fnv1a(s)); }

std::string hex12(std::uint64_t v) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (int shift = 60; shift >= 16; shift -= 4) out.push_back(kHex[(v >> shift) & 0xfU]);
  return out;
}

}  // namespace

std::string document_local_name(std::string_view url, std::uint64_t content) {
  if (url.empty()) return hex12(content);
  std::string u(url.substr(0, url.find('#')));
  // Scheme and host in lower case: "HTTPS://Example.ORG/a" names "https://example.org/a".
  const std::size_t scheme = u.find("://");
  std::size_t host_begin = scheme == std::string::npos ? 0 : scheme + 3;
  std::size_t host_end = u.find_first_of("/?", host_begin);
  if (host_end == std::string::npos) host_end = u.size();
  for (std::size_t i = 0; i < host_end; ++i)
    if (u[i] >= 'A' && u[i] <= 'Z') u[i] = static_cast<char>(u[i] - 'A' + 'a');
  std::string host = u.substr(host_begin, host_end - host_begin);
  if (const std::size_t at = host.rfind('@'); at != std::string::npos) host = host.substr(at + 1);
  if (const std::size_t colon = host.find(':'); colon != std::string::npos) host.resize(colon);
  if (host.starts_with("www.")) host.erase(0, 4);
  std::string readable = slug(host);
  if (readable.size() > 40) readable.resize(40);
  return readable + "-" + hex12(url_hash(u));
}

std::string url_as_iri(std::string_view url) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(url.size());
  for (const char c : url) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u == 0x7F || c == '<' || c == '>' || c == '"' || c == '{' || c == '}' || c == '|' ||
        c == '\\' || c == '^' || c == '`') {
      out += '%';
      out += kHex[u >> 4U];
      out += kHex[u & 0xFU];
    } else {
      out += c;
    }
  }
  return out;
}

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
    n.date = merge_dates(n.date, e.date);
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
  } else {
    local = slug(n.key.empty() ? n.label : n.key);
  }
  claim_iri(v, base_ + std::string(type_path(n.type)) + local);
}

void KnowledgeGraph::claim_iri(Vertex v, const std::string& iri) {
  Node& n = g_[v];
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
  if (g_[s].type == EntityType::Agreement) e.date = g_[s].date;
  return true;
}

Vertex KnowledgeGraph::resolve_agreement(const DocumentFacts& doc, std::size_t entity,
                                         const std::vector<Vertex>& vertices, const std::vector<Vertex>& taken,
                                         std::uint64_t content) {
  const extract::Entity& e = doc.entities[entity];
  // Its parties and persons, as nodes.
  std::vector<Vertex> parties, persons;
  for (const auto& r : doc.relations) {
    if (r.subject < 0 || static_cast<std::size_t>(r.subject) != entity || r.object < 0) continue;
    const auto o = static_cast<std::size_t>(r.object);
    if (o >= vertices.size() || doc.entities[o].type == EntityType::Agreement) continue;
    if (r.predicate == Predicate::party) parties.push_back(vertices[o]);
    if (r.predicate == Predicate::signatory || r.predicate == Predicate::participant) {
      persons.push_back(vertices[o]);
    }
  }
  sort_unique(parties);
  sort_unique(persons);
  const std::string family(agreement_family(e.kind));

  // Identity keys: only with parties (an agreement without any never joins another document's).
  std::vector<std::string> keys;
  if (!parties.empty()) {
    keys.push_back(family + "|P|" + vertex_list(parties));
    if (persons.size() >= 2) keys.push_back(family + "|S|" + vertex_list(persons));
  }
  Vertex found = kAmbiguous;
  bool ambiguous = false;
  for (std::size_t k = 0; k < keys.size(); ++k) {
    auto it = agreement_keys_.find(keys[k]);
    if (it == agreement_keys_.end()) continue;
    for (const Vertex v : it->second) {
      if (std::find(taken.begin(), taken.end(), v) != taken.end()) continue;
      const std::string& date = g_[v].date;
      if (!dates_agree(date, e.date)) continue;
      // One party is little to go by: then the same full date too.
      if (k == 0 && parties.size() == 1 && !(full_date(e.date) && date == e.date)) continue;
      if (found != kAmbiguous && found != v) ambiguous = true;
      found = v;
    }
  }
  if (ambiguous || found == kAmbiguous) {
    Node n;
    n.type = EntityType::Agreement;
    n.label = e.name.empty() ? (e.kind.empty() ? std::string("accord") : e.kind) : e.name;
    found = boost::add_vertex(n, g_);
    AgreementState& state = agreements_[found];
    state.family = family;
    if (parties.empty()) state.content = content;
  }
  const std::string date_before = g_[found].date;
  merge_into(found, e);
  AgreementState& state = agreements_[found];
  state.parties.insert(state.parties.end(), parties.begin(), parties.end());
  sort_unique(state.parties);
  for (const std::string& key : keys) {
    std::vector<Vertex>& claimed = agreement_keys_[key];
    if (std::find(claimed.begin(), claimed.end(), found) == claimed.end()) claimed.push_back(found);
  }
  if (g_[found].date != date_before) refresh_agreement_edges(found);
  assign_agreement_iri(found);
  return found;
}

void KnowledgeGraph::assign_agreement_iri(Vertex v) {
  const Node& n = g_[v];
  const AgreementState& state = agreements_[v];
  // Its kind as first reported (coop:kind), else its family.
  const std::string_view kind = !n.kind.empty() ? std::string_view(n.kind) : std::string_view(state.family);
  std::string local = slug(kind.empty() ? std::string_view("accord") : kind);
  if (state.parties.empty()) {
    // The text's hash, not the file's name: a renamed copy does not rename it.
    constexpr std::string_view kHex = "0123456789abcdef";
    local.push_back('-');
    for (int shift = 60; shift >= 16; shift -= 4) local.push_back(kHex[(state.content >> shift) & 0xfU]);
  } else {
    std::vector<std::string> keys;
    for (const Vertex p : state.parties) {
      const Node& party = g_[p];
      if (party.type == EntityType::Country && !party.key.empty()) {
        keys.push_back(slug(party.key));
      } else {
        keys.push_back(party.iri.substr(party.iri.rfind('/') + 1));
      }
    }
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    for (const std::string& key : keys) local += "-" + key;
    if (!n.date.empty()) local += "-" + slug(n.date);
  }
  claim_iri(v, base_ + std::string(type_path(EntityType::Agreement)) + local);
}

void KnowledgeGraph::refresh_agreement_edges(Vertex v) {
  for (auto e : boost::make_iterator_range(boost::out_edges(v, g_))) g_[e].date = g_[v].date;
}

std::string KnowledgeGraph::country_of(Vertex v) const {
  if (!g_[v].country.empty()) return g_[v].country;
  std::string out;
  for (auto e : boost::make_iterator_range(boost::out_edges(v, g_))) {
    if (g_[e].predicate != Predicate::country) continue;
    const std::string& c = g_[boost::target(e, g_)].key;
    if (!out.empty() && out != c) return {};
    out = c;
  }
  return out;
}

bool KnowledgeGraph::existing_institution(const extract::Entity& e, const std::string& country) const {
  for (const std::string& name : NameList(e)) {
    auto it = by_key_.find("I|" + extract::institution_identity_key(name) + "|" + country);
    if (it != by_key_.end() && it->second != kAmbiguous) return true;
  }
  return false;
}

DocumentFacts facts_of(const extract::Document& doc) {
  const std::string_view text = extract::evidence_text(doc);
  const extract::CodePoints code_points(text);
  DocumentFacts f;
  f.id = doc.id;
  f.path = doc.path;
  f.meta = doc.meta;
  f.first_line = first_line_title(text);
  f.length = code_points.size();
  f.entities = doc.entities;
  for (auto& e : f.entities) e.mentions.clear();
  f.relations = doc.relations;
  f.sentences.reserve(doc.relations.size());
  for (const auto& r : doc.relations) {
    if (r.sentence < doc.sentences.size()) {
      const extract::Span span = doc.sentences[r.sentence].span;
      f.sentences.emplace_back(code_points.at(extract::source_offset(doc, span.begin)),
                               code_points.at(extract::source_offset(doc, span.end)));
    } else {
      f.sentences.emplace_back(0, 0);
    }
  }
  return f;
}

void KnowledgeGraph::spool_documents_in(std::filesystem::path directory) {
  if (!docs_.empty()) return;
  copies_ = CopyFinder(directory);
  docs_ = DocumentList(std::move(directory));
}

AddedDocument KnowledgeGraph::add(const extract::Document& doc) { return add(facts_of(doc), fingerprint(doc)); }

AddedDocument KnowledgeGraph::add(const extract::Document& doc, const Fingerprint& fp) { return add(facts_of(doc), fp); }

AddedDocument KnowledgeGraph::add(const DocumentFacts& doc, const Fingerprint& fp) {
  const auto doc_index = static_cast<std::uint32_t>(docs_.size());
  DocumentInfo info;
  info.id = doc.id;
  info.path = doc.path;
  info.title_from_metadata = !doc.meta.title.empty();
  info.title = info.title_from_metadata ? doc.meta.title : doc.first_line;
  info.url = doc.meta.url;
  info.date = doc.meta.date;
  info.publisher = doc.meta.publisher;
  info.language = doc.meta.language;
  info.length = doc.length;
  std::string iri = base_ + "doc/" + document_local_name(doc.meta.url, fp.exact);
  std::string candidate = iri;
  // Document IRIs (under doc/, where no node's is) are kept unique by their
  // 64-bit hashes: 8 bytes each, not the string. Two IRIs of one hash (about
  // one chance in 10^7 in a million documents) would only give the second a
  // needless suffix, the same in every build.
  const std::uint64_t hash = common::fnv1a(iri);
  if (doc_iris_.count(hash) != 0) {
    // Namesakes (copies without a URL share their text's IRI) take -2, -3...:
    // the search goes on from the last suffix given, every one below it is
    // taken (document IRIs are never given up), so n copies cost n lookups, not n².
    int& last = doc_suffixes_[hash];
    for (int i = std::max(last + 1, 2);; ++i) {
      candidate = iri + "-" + std::to_string(i);
      if (doc_iris_.count(common::fnv1a(candidate)) == 0) {
        last = i;
        break;
      }
    }
  }
  doc_iris_.insert(common::fnv1a(candidate));
  info.iri = candidate;
  info.copy_of = copies_.add(fp, doc_index);
  docs_.push_back(info);

  AddedDocument added;
  added.index = doc_index;
  if (info.copy_of) {
    added.copy = true;  // it says nothing that its original has not said
    return added;
  }
  added.vertices.resize(doc.entities.size());
  auto mentioned = [&](Vertex v) {
    Node& n = g_[v];
    if (n.documents.empty() || n.documents.back() != doc_index) n.documents.push_back(doc_index);
  };
  // Institutions after persons, agreements last: their identity depends on
  // the nodes of their members and parties.
  for (std::size_t i = 0; i < doc.entities.size(); ++i) {
    const auto t = doc.entities[i].type;
    if (t == EntityType::Agreement || t == EntityType::Institution) continue;
    added.vertices[i] = resolve(doc.entities[i]);
    mentioned(added.vertices[i]);
  }
  for (std::size_t i = 0; i < doc.entities.size(); ++i) {
    const extract::Entity& e = doc.entities[i];
    if (e.type != EntityType::Institution) continue;
    // "Élodie Marchetti, directrice générale de l'Office central ...": an
    // article that does not say whose the office is, when its member is known
    // (from other articles) to be French and a French office of that name
    // exists, speaks of that one.
    if (e.country.empty() && e.key.empty()) {
      std::string hint;
      bool one = true;
      for (const auto& r : doc.relations) {
        if (r.predicate != Predicate::memberOf || r.object != static_cast<int>(i) || r.subject < 0) continue;
        const std::string c = country_of(added.vertices[static_cast<std::size_t>(r.subject)]);
        if (c.empty()) continue;
        if (!hint.empty() && hint != c) one = false;
        hint = c;
      }
      if (!hint.empty() && one && existing_institution(e, hint)) {
        extract::Entity situated = e;
        situated.country = hint;
        added.vertices[i] = resolve(situated);
        mentioned(added.vertices[i]);
        continue;
      }
    }
    added.vertices[i] = resolve(e);
    mentioned(added.vertices[i]);
  }
  std::vector<Vertex> agreements;  // of this document: never one node for two of them
  for (std::size_t i = 0; i < doc.entities.size(); ++i) {
    if (doc.entities[i].type != EntityType::Agreement) continue;
    added.vertices[i] = resolve_agreement(doc, i, added.vertices, agreements, fp.exact);
    agreements.push_back(added.vertices[i]);
    mentioned(added.vertices[i]);
  }
  added.relations.resize(doc.relations.size());
  for (std::size_t i = 0; i < doc.relations.size(); ++i) {
    const auto& r = doc.relations[i];
    if (r.subject < 0 || r.object < 0) continue;
    auto s = static_cast<std::size_t>(r.subject);
    auto o = static_cast<std::size_t>(r.object);
    if (s >= added.vertices.size() || o >= added.vertices.size()) continue;
    std::optional<Evidence> ev;
    if (i < doc.sentences.size() && doc.sentences[i] != std::pair<std::uint32_t, std::uint32_t>{0, 0})
      ev = Evidence{doc_index, doc.sentences[i].first, doc.sentences[i].second};
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
  // Agreements: IRIs from their parties' final IRIs, given afresh in node
  // creation order (so that suffixes do not depend on when parties were renamed).
  std::vector<Vertex> agreements;
  for (const auto& [v, state] : agreements_) agreements.push_back(v);
  std::sort(agreements.begin(), agreements.end());
  for (const Vertex v : agreements) {
    by_iri_.erase(g_[v].iri);
    g_[v].iri.clear();
  }
  for (const Vertex v : agreements) {
    assign_agreement_iri(v);
    refresh_agreement_edges(v);
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
