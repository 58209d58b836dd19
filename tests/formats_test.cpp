// Every output format (entente/export/writers.hpp, docs/FORMATS.md): what the
// tools that read them need.
//
// The graph is built through KnowledgeGraph::add from hand-made documents with
// several sentences, mentions after multi-byte characters (accents, an emoji
// flag, typographic apostrophes), names with quotes and backslashes, a fact
// that two documents support, agreements dated in full, in part and without a
// year, and one text with ill-formed UTF-8.
//
//   RDF (ttl, nt, nq, trig): serdi reads each (`serdi -i <syntax> -o nquads`),
//     and Serd's reader reads serdi's output: the same triples in all four,
//     one named graph per document in N-Quads and TriG.
//   evidence.ttl: serdi reads it; every NIF offset picks out nif:anchorOf in
//     nif:isString (counted here in code points); every mention and every
//     edge is there; sord_validate finds no error.
//   GEXF: libxml2 parses it (namespaces, viz, dates); networkx reads it
//     (gexf_check.py).
//   DOT: written and quoted; `dot -Tsvg` reads it when Graphviz is installed.
#include <gtest/gtest.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <serd/serd.h>

#include <algorithm>
#include <filesystem>
#include <locale>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <string_view>
#include <thread>
#include <tuple>
#include <vector>

#include "entente/export/writers.hpp"
#include "entente/graph/graph.hpp"
#include "entente/ontology/vocab.hpp"
#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;
namespace v = entente::ontology;
namespace ex = entente::exporter;
using entente::extract::Document;
using entente::extract::Entity;
using entente::extract::EntityType;
using entente::extract::Predicate;
using entente::graph::KnowledgeGraph;
using namespace entente::testing;  // NOLINT(google-build-using-namespace): the tests' own helpers

constexpr const char* kBase = "https://w3id.org/entente/id/";

// ---- Input -------------------------------------------------------------------

/// A document made of these sentences, one after the other.
Document sentences(std::string id, const std::vector<std::string>& parts) {
  Document d;
  d.id = std::move(id);
  d.path = "corpus/" + d.id;
  for (const auto& part : parts) {
    entente::extract::Sentence s;
    s.span = {d.text.size(), d.text.size() + part.size()};
    d.text += part;
    d.sentences.push_back(s);
  }
  return d;
}

/// Entity `e` of `d` is named by the first `words` of the text at or after byte `from`.
void mention(Document& d, int e, std::string_view words, std::size_t from = 0) {
  const std::size_t at = d.text.find(words, from);
  ASSERT_NE(at, std::string::npos) << words;
  entente::extract::Mention m;
  m.span = {at, at + words.size()};
  m.type = d.entities[static_cast<std::size_t>(e)].type;
  m.stage = "test";
  m.entity = e;
  d.entities[static_cast<std::size_t>(e)].mentions.push_back(static_cast<int>(d.mentions.size()));
  d.mentions.push_back(m);
}

Entity agreement(std::string name, std::string kind, std::string date) {
  Entity e = entity(EntityType::Agreement, std::move(name));
  e.kind = std::move(kind);
  e.date = std::move(date);
  return e;
}

const std::string kQuoted = "Jean \"Le Juste\" Dupont\\Martin";

/// Morocco and Belgium sign a memorandum; mentions after an emoji and accents.
Document accord_document() {
  Document d =
      sentences("010_accord.txt", {"Le Maroc 🇲🇦 et la Belgique signent un mémorandum d’entente à Rabat.",
                                   " " + kQuoted + ", ministre, l’a signé le 15 octobre 2024."});
  d.entities.push_back(entity(EntityType::Country, "Maroc", "MA", "", "Q1028"));                  // 0
  d.entities.push_back(entity(EntityType::Country, "Belgique", "BE", "", "Q31"));                 // 1
  d.entities.push_back(entity(EntityType::Person, kQuoted, "", "MA"));                            // 2
  d.entities.push_back(agreement("mémorandum d’entente", "mémorandum d’entente", "2024-10-15"));  // 3
  d.entities.push_back(entity(EntityType::Place, "Rabat"));                                       // 4
  mention(d, 0, "Maroc");
  mention(d, 1, "Belgique");
  mention(d, 2, kQuoted);
  mention(d, 3, "mémorandum d’entente");
  mention(d, 4, "Rabat");
  relate(d, Predicate::cooperatesWith, 0, 1, 0);
  relate(d, Predicate::party, 3, 0, 0);
  relate(d, Predicate::party, 3, 1, 0);
  relate(d, Predicate::signatory, 3, 2, 1);
  relate(d, Predicate::country, 2, 0, 1);
  return d;
}

/// Belgium and Morocco again (the cooperation has two documents), and
/// agreements dated by year, by month, and without a year.
Document follow_up_document() {
  Document d = sentences(
      "020_suivi.txt", {"La Belgique et le Maroc renforcent leur coopération.",
                        " Un plan d’action 2025 est lancé ; une déclaration conjointe date de novembre 2024, "
                        "un protocole du 15 octobre."});
  d.entities.push_back(entity(EntityType::Country, "Belgique", "BE", "", "Q31"));                // 0
  d.entities.push_back(entity(EntityType::Country, "Maroc", "MA", "", "Q1028"));                 // 1
  d.entities.push_back(agreement("plan d’action", "plan d’action", "2025"));                     // 2
  d.entities.push_back(agreement("déclaration conjointe", "déclaration conjointe", "2024-11"));  // 3
  d.entities.push_back(agreement("protocole", "protocole", "--10-15"));                          // 4
  mention(d, 0, "Belgique");
  mention(d, 1, "Maroc");
  mention(d, 2, "plan d’action");
  mention(d, 3, "déclaration conjointe");
  mention(d, 4, "protocole");
  relate(d, Predicate::cooperatesWith, 0, 1, 0);
  relate(d, Predicate::party, 2, 0, 1);
  relate(d, Predicate::party, 2, 1, 1);
  relate(d, Predicate::party, 4, 1, 1);
  return d;
}

/// A text with an ill-formed byte and a truncated emoji before its mentions.
Document broken_document() {
  Document d = sentences("030_octets.txt", {"Agence\xFF belge \xF0\x9F\x98 de coopération, à Bruxelles."});
  d.entities.push_back(entity(EntityType::Institution, "Agence belge", "", "BE"));  // 0
  d.entities.push_back(entity(EntityType::Country, "Belgique", "BE", "", "Q31"));   // 1
  d.entities.push_back(entity(EntityType::Place, "Bruxelles"));                     // 2
  mention(d, 0, "Agence\xFF belge");
  mention(d, 1, "belge");
  mention(d, 2, "Bruxelles");
  relate(d, Predicate::country, 0, 1, 0);
  return d;
}

std::vector<Document> sample_documents() { return {accord_document(), follow_up_document(), broken_document()}; }

KnowledgeGraph sample_graph() {
  KnowledgeGraph kg(kBase);
  for (const Document& d : sample_documents()) kg.add(d);
  return kg;
}

fs::path write_format(const KnowledgeGraph& kg, ex::Format f, const fs::path& dir) {
  const fs::path file = dir / ("graph." + std::string(ex::extension(f)));
  EXPECT_EQ(ex::write(kg, f, file), "");
  return file;
}

/// The sample's evidence.ttl, written as `entente build` writes it: each
/// document spooled as it is added, the file written once the graph is whole.
fs::path write_evidence(const fs::path& dir) {
  const fs::path file = dir / "evidence.ttl";
  KnowledgeGraph kg(kBase);
  ex::EvidenceWriter evidence(file);
  for (const Document& d : sample_documents()) evidence.add(d, kg.add(d));
  EXPECT_EQ(evidence.finish(kg), "");
  return file;
}

std::string iri(std::string_view s) { return "<" + std::string(s) + ">"; }

// ---- RDF read back: serdi, then Serd's reader on serdi's N-Quads -----------------

/// One statement as read: terms as "<iri>", "_:id" or "\"value\"@lang" /
/// "\"value\"^^<datatype>" (values unescaped); `value` is a literal's text.
struct Quad {
  std::string s, p, o, g;  ///< g: the graph's "<iri>", or "" for the default graph
  std::string value;
};

std::string term(const SerdNode* n, const SerdNode* datatype = nullptr, const SerdNode* lang = nullptr) {
  if (n == nullptr || n->type == SERD_NOTHING) return {};
  const std::string text(reinterpret_cast<const char*>(n->buf), n->n_bytes);
  if (n->type == SERD_URI) return "<" + text + ">";
  if (n->type == SERD_BLANK) return "_:" + text;
  std::string out = "\"" + text + "\"";
  if (lang != nullptr && lang->buf != nullptr)
    out += "@" + std::string(reinterpret_cast<const char*>(lang->buf));
  if (datatype != nullptr && datatype->buf != nullptr) {
    out += "^^<" + std::string(reinterpret_cast<const char*>(datatype->buf)) + ">";
  }
  return out;
}

SerdStatus on_statement(void* handle, SerdStatementFlags, const SerdNode* graph, const SerdNode* s,
                        const SerdNode* p, const SerdNode* o, const SerdNode* datatype,
                        const SerdNode* lang) {
  auto* quads = static_cast<std::vector<Quad>*>(handle);
  Quad q{term(s), term(p), term(o, datatype, lang), term(graph), {}};
  if (o->type == SERD_LITERAL) q.value.assign(reinterpret_cast<const char*>(o->buf), o->n_bytes);
  quads->push_back(std::move(q));
  return SERD_SUCCESS;
}

struct ReaderDeleter {
  void operator()(SerdReader* r) const { serd_reader_free(r); }
};

/// The statements of `file`, written in `syntax` ("turtle", "ntriples",
/// "nquads", "trig"): serdi must read it without a word on stderr.
std::vector<Quad> read_quads(const fs::path& file, const std::string& syntax) {
  const ToolRun r = run({ENTENTE_SERDI, "-i", syntax, "-o", "nquads", file.string()}, file.string() + ".err");
  EXPECT_EQ(r.status, 0) << file << ": " << r.err;
  EXPECT_EQ(r.err, "") << file;
  std::vector<Quad> quads;
  std::unique_ptr<SerdReader, ReaderDeleter> reader(
      serd_reader_new(SERD_NQUADS, &quads, nullptr, nullptr, nullptr, on_statement, nullptr));
  EXPECT_EQ(serd_reader_read_string(reader.get(), reinterpret_cast<const uint8_t*>(r.out.c_str())),
            SERD_SUCCESS);
  return quads;
}

using Triple = std::tuple<std::string, std::string, std::string>;

std::set<Triple> triples(const std::vector<Quad>& quads) {
  std::set<Triple> out;
  for (const Quad& q : quads) out.emplace(q.s, q.p, q.o);
  return out;
}

/// Subject -> predicate -> quads: the statements of a file by subject.
using BySubject = std::map<std::string, std::multimap<std::string, Quad>>;

BySubject by_subject(const std::vector<Quad>& quads) {
  BySubject out;
  for (const Quad& q : quads) out[q.s].emplace(q.p, q);
  return out;
}

/// The objects of `p` on `s` (terms), sorted.
std::set<std::string> objects(const BySubject& all, const std::string& s, std::string_view p) {
  std::set<std::string> out;
  const auto it = all.find(s);
  if (it == all.end()) return out;
  const auto [first, last] = it->second.equal_range(iri(p));
  for (auto i = first; i != last; ++i) out.insert(i->second.o);
  return out;
}

/// The one literal value of `p` on `s`; "" (and a test failure) when there is not exactly one.
std::string value(const BySubject& all, const std::string& s, std::string_view p) {
  const auto it = all.find(s);
  if (it == all.end() || it->second.count(iri(p)) != 1) {
    ADD_FAILURE() << s << " has not exactly one " << p;
    return {};
  }
  return it->second.find(iri(p))->second.value;
}

/// Byte offsets of the code points of valid UTF-8 text, and its size at the end.
std::vector<std::size_t> code_point_starts(const std::string& text) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0u) != 0x80u) out.push_back(i);
  }
  out.push_back(text.size());
  return out;
}

// ---- Formats ------------------------------------------------------------------

TEST(Formats, NamesAreTheirExtensions) {
  std::set<std::string_view> names;
  for (const ex::Format f : ex::kFormats) {
    EXPECT_EQ(ex::parse_format(ex::extension(f)), f);
    names.insert(ex::extension(f));
  }
  EXPECT_EQ(names, (std::set<std::string_view>{"ttl", "graphml", "nt", "nq", "trig", "gexf", "dot"}));
  for (const char* bad : {"", "TTL", "turtle", ".ttl", "xml", "ttl "}) {
    EXPECT_EQ(ex::parse_format(bad), std::nullopt) << bad;
  }
}

TEST(Formats, EveryRdfSyntaxHoldsTheTriplesOfTheTurtle) {
  TempDir dir;
  const KnowledgeGraph kg = sample_graph();
  const std::set<Triple> turtle =
      triples(read_quads(write_format(kg, ex::Format::ttl, dir.path()), "turtle"));
  ASSERT_GT(turtle.size(), 50u);
  // write(ttl) is write_turtle, which turtle_test checks against the graph.
  ASSERT_EQ(ex::write_turtle(kg, dir.path() / "direct.ttl"), "");
  EXPECT_EQ(read_file(dir.path() / "graph.ttl"), read_file(dir.path() / "direct.ttl"));
  for (const auto& [format, syntax] :
       {std::pair{ex::Format::nt, "ntriples"}, std::pair{ex::Format::nq, "nquads"},
        std::pair{ex::Format::trig, "trig"}}) {
    SCOPED_TRACE(syntax);
    const std::set<Triple> got = triples(read_quads(write_format(kg, format, dir.path()), syntax));
    for (const auto& t : turtle)
      EXPECT_EQ(got.count(t), 1u) << "missing: " << std::get<0>(t) << " " << std::get<1>(t) << " "
                                  << std::get<2>(t);
    for (const auto& t : got)
      EXPECT_EQ(turtle.count(t), 1u) << "unexpected: " << std::get<0>(t) << " " << std::get<1>(t) << " "
                                     << std::get<2>(t);
  }
}

TEST(Formats, NTriplesIsOneTriplePerLineWithoutPrefixes) {
  TempDir dir;
  const std::string text = read_file(write_format(sample_graph(), ex::Format::nt, dir.path()));
  EXPECT_EQ(text.find("@prefix"), std::string::npos);
  EXPECT_EQ(text.find("coop:"), std::string::npos);
  EXPECT_EQ(text.rfind("<https://w3id.org/entente/id/", 0), 0u);
  EXPECT_EQ(text.back(), '\n');
}

TEST(Formats, NQuadsAndTrigHaveOneNamedGraphPerDocument) {
  TempDir dir;
  const KnowledgeGraph kg = sample_graph();
  const auto& g = kg.graph();
  std::set<std::string> documents;
  for (const auto& d : kg.documents()) documents.insert(iri(d.iri));
  ASSERT_EQ(documents.size(), 3u);

  const std::vector<Quad> nq = read_quads(write_format(kg, ex::Format::nq, dir.path()), "nquads");
  const std::vector<Quad> trig = read_quads(write_format(kg, ex::Format::trig, dir.path()), "trig");
  const auto as_set = [](const std::vector<Quad>& qs) {
    std::set<std::tuple<std::string, std::string, std::string, std::string>> out;
    for (const Quad& q : qs) out.emplace(q.s, q.p, q.o, q.g);
    return out;
  };
  EXPECT_EQ(as_set(nq), as_set(trig)) << "TriG and N-Quads put statements in the same graphs";

  std::set<std::string> graphs;
  for (const Quad& q : nq) {
    if (!q.g.empty()) graphs.insert(q.g);
  }
  EXPECT_EQ(graphs, documents);

  const auto holds = [&](const std::string& graph, const std::string& s, std::string_view p,
                         const std::string& o) {
    return std::any_of(nq.begin(), nq.end(),
                       [&](const Quad& q) { return q.g == graph && q.s == s && q.p == iri(p) && q.o == o; });
  };
  // Each document's graph: its own description, what it mentions, the edges it supports.
  for (const auto& d : kg.documents()) {
    SCOPED_TRACE(d.id);
    EXPECT_TRUE(holds(iri(d.iri), iri(d.iri), v::rdf::type, iri(v::coop::Document)));
    EXPECT_TRUE(holds(iri(d.iri), iri(d.iri), v::dcterms::identifier, "\"" + d.id + "\""));
  }
  for (const auto vx : boost::make_iterator_range(boost::vertices(g))) {
    const auto& n = g[vx];
    // The corpus's description of a node: the default graph.
    EXPECT_TRUE(
        holds("", iri(n.iri), v::rdf::type,
              iri("https://w3id.org/entente/coop#" + std::string(entente::extract::to_string(n.type)))))
        << n.iri;
    for (const auto d : n.documents) {
      const std::string doc = iri(kg.documents()[d].iri);
      EXPECT_TRUE(holds(doc, iri(n.iri), v::coop::mentionedIn, doc)) << n.iri;
    }
  }
  std::size_t in_two = 0;
  for (const auto e : boost::make_iterator_range(boost::edges(g))) {
    const std::string s = iri(g[boost::source(e, g)].iri);
    const std::string o = iri(g[boost::target(e, g)].iri);
    const std::string p =
        "https://w3id.org/entente/coop#" + std::string(entente::extract::to_string(g[e].predicate));
    std::set<std::string> in;
    for (const Quad& q : nq) {
      if (q.s == s && q.p == iri(p) && q.o == o) in.insert(q.g);
    }
    std::set<std::string> want;
    for (const auto d : g[e].documents) want.insert(iri(kg.documents()[d].iri));
    EXPECT_EQ(in, want) << s << " " << p << " " << o;
    if (want.size() == 2) ++in_two;
  }
  EXPECT_EQ(in_two, 1u) << "Morocco and Belgium cooperate in both documents";
}

TEST(Formats, TrigAndTurtleUsePrefixes) {
  TempDir dir;
  const KnowledgeGraph kg = sample_graph();
  for (const ex::Format f : {ex::Format::ttl, ex::Format::trig}) {
    const std::string text = read_file(write_format(kg, f, dir.path()));
    EXPECT_EQ(text.rfind("@prefix coop: <https://w3id.org/entente/coop#> .\n", 0), 0u) << ex::extension(f);
    EXPECT_NE(text.find("coop:mentionedIn"), std::string::npos) << ex::extension(f);
  }
}

// ---- Evidence -------------------------------------------------------------------

TEST(Evidence, OffsetsPickOutTheAnchorsInCodePoints) {
  TempDir dir;
  const KnowledgeGraph kg = sample_graph();
  const BySubject ev = by_subject(read_quads(write_evidence(dir.path()), "turtle"));

  std::size_t contexts = 0;
  std::size_t strings = 0;
  bool saw_multibyte_before = false;
  for (const auto& [s, props] : ev) {
    const std::set<std::string> types = objects(ev, s, v::rdf::type);
    if (types.count(iri(v::nif::Context)) != 0) {
      ++contexts;
      const std::string text = value(ev, s, v::nif::isString);
      const std::size_t size = code_point_starts(text).size() - 1;
      EXPECT_EQ(value(ev, s, v::nif::beginIndex), "0");
      EXPECT_EQ(value(ev, s, v::nif::endIndex), std::to_string(size));
      EXPECT_TRUE(s.ends_with("#char=0," + std::to_string(size) + ">")) << s;
      EXPECT_EQ(objects(ev, s, v::nif::referenceContext), std::set<std::string>{});
      if (types.count(iri(v::nif::Sentence)) != 0) {
        EXPECT_EQ(value(ev, s, v::nif::anchorOf), text) << "a one-sentence text is its own sentence";
      }
      continue;
    }
    const bool phrase = types.count(iri(v::nif::Phrase)) != 0;
    if (!phrase && types.count(iri(v::nif::Sentence)) == 0) continue;
    ++strings;
    SCOPED_TRACE(s);
    EXPECT_EQ(types.count(iri(v::nif::String)), 1u);
    const std::set<std::string> context = objects(ev, s, v::nif::referenceContext);
    ASSERT_EQ(context.size(), 1u);
    const std::string text = value(ev, *context.begin(), v::nif::isString);
    const std::vector<std::size_t> cps = code_point_starts(text);
    const std::size_t begin = std::stoul(value(ev, s, v::nif::beginIndex));
    const std::size_t end = std::stoul(value(ev, s, v::nif::endIndex));
    ASSERT_LE(begin, end);
    ASSERT_LT(end, cps.size());
    EXPECT_EQ(text.substr(cps[begin], cps[end] - cps[begin]), value(ev, s, v::nif::anchorOf));
    EXPECT_TRUE(s.ends_with("#char=" + std::to_string(begin) + "," + std::to_string(end) + ">"));
    if (cps[begin] != begin) saw_multibyte_before = true;
  }
  EXPECT_EQ(contexts, kg.documents().size());
  EXPECT_GT(strings, 15u);
  EXPECT_TRUE(saw_multibyte_before) << "the sample should put multi-byte characters before a mention";
}

TEST(Evidence, EveryMentionIsAPhraseThatNamesItsNode) {
  TempDir dir;
  const KnowledgeGraph kg = sample_graph();
  const BySubject ev = by_subject(read_quads(write_evidence(dir.path()), "turtle"));
  const auto& g = kg.graph();
  const std::vector<Document> docs = sample_documents();
  std::size_t mentions = 0;
  for (std::size_t d = 0; d < docs.size(); ++d) {
    for (const auto& m : docs[d].mentions) {
      ++mentions;
      // The node of the mention's entity: the one named by its label.
      const std::string& name = docs[d].entities[static_cast<std::size_t>(m.entity)].name;
      std::string node;
      for (const auto vx : boost::make_iterator_range(boost::vertices(g))) {
        if (g[vx].label == name || std::count(g[vx].alt_labels.begin(), g[vx].alt_labels.end(), name) != 0) node = g[vx].iri;
      }
      ASSERT_FALSE(node.empty()) << name;
      // The phrases that name this node in this document, by anchor.
      std::multiset<std::string> anchors;
      for (const auto& [s, props] : ev) {
        if (objects(ev, s, v::itsrdf::taIdentRef).count(iri(node)) == 0) continue;
        EXPECT_EQ(objects(ev, s, v::rdf::type).count(iri(v::nif::Phrase)), 1u) << s;
        if (s.starts_with("<" + kg.documents()[d].iri + "#")) anchors.insert(value(ev, s, v::nif::anchorOf));
      }
      // The bad byte of the third text is U+FFFD there, as in nif:isString.
      const std::string anchor(docs[d].slice(m.span));
      const bool valid = anchor.find('\xFF') == std::string::npos;
      EXPECT_EQ(anchors.count(valid ? anchor : "Agence\xEF\xBF\xBD belge"), 1u) << node << " " << anchor;
    }
  }
  EXPECT_EQ(mentions, 13u);
}

TEST(Evidence, EveryEdgeIsAStatementDerivedFromItsSentences) {
  TempDir dir;
  const KnowledgeGraph kg = sample_graph();
  const BySubject ev = by_subject(read_quads(write_evidence(dir.path()), "turtle"));
  const auto& g = kg.graph();
  std::size_t statements = 0;
  for (const auto& [s, props] : ev) {
    if (objects(ev, s, v::rdf::type).count(iri(v::rdf::Statement)) != 0) ++statements;
  }
  EXPECT_EQ(statements, boost::num_edges(g));

  for (const auto e : boost::make_iterator_range(boost::edges(g))) {
    const std::string s = iri(g[boost::source(e, g)].iri);
    const std::string o = iri(g[boost::target(e, g)].iri);
    const std::string p =
        iri("https://w3id.org/entente/coop#" + std::string(entente::extract::to_string(g[e].predicate)));
    SCOPED_TRACE(s + " " + p + " " + o);
    std::size_t found = 0;
    for (const auto& [st, props] : ev) {
      if (objects(ev, st, v::rdf::subject) != std::set{s} ||
          objects(ev, st, v::rdf::predicate) != std::set{p} ||
          objects(ev, st, v::rdf::object) != std::set{o}) {
        continue;
      }
      ++found;
      EXPECT_EQ(objects(ev, st, v::rdf::type), std::set{iri(v::rdf::Statement)});
      // Its sentences: nif:Sentence strings at the edge's evidence offsets.
      std::set<std::string> sources;
      for (const std::string& sentence : objects(ev, st, v::prov::wasDerivedFrom)) {
        EXPECT_EQ(objects(ev, sentence, v::rdf::type).count(iri(v::nif::Sentence)), 1u) << sentence;
        EXPECT_FALSE(value(ev, sentence, v::nif::anchorOf).empty()) << sentence;
        sources.insert(sentence);
      }
      std::set<std::string> want;
      for (const auto& evidence : g[e].evidence) {
        want.insert(iri(kg.documents()[evidence.document].iri + "#char=" + std::to_string(evidence.begin) + "," +
                        std::to_string(evidence.end)));
      }
      EXPECT_FALSE(sources.empty());
      EXPECT_EQ(sources, want);
    }
    EXPECT_EQ(found, 1u);
  }
}

TEST(Evidence, SordValidateFindsNoErrors) {
  TempDir dir;
  const fs::path file = write_evidence(dir.path());
  entente::testing::expect_sord_validate_finds_no_errors(file, dir.path() / "sord_validate.err");
}

// ---- GEXF -----------------------------------------------------------------------

struct DocDeleter {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
struct ContextDeleter {
  void operator()(xmlXPathContext* c) const { xmlXPathFreeContext(c); }
};
struct ObjectDeleter {
  void operator()(xmlXPathObject* o) const { xmlXPathFreeObject(o); }
};

/// A GEXF file parsed by libxml2, queried with XPath (prefixes g: and viz:).
class GexfDoc {
 public:
  explicit GexfDoc(const fs::path& file)
      : doc_(xmlReadFile(file.c_str(), "UTF-8", XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING)) {
    if (doc_ == nullptr) return;
    ctx_.reset(xmlXPathNewContext(doc_.get()));
    xmlXPathRegisterNs(ctx_.get(), xml("g"), xml("http://www.gexf.net/1.2draft"));
    xmlXPathRegisterNs(ctx_.get(), xml("viz"), xml("http://www.gexf.net/1.2draft/viz"));
  }
  bool ok() const { return doc_ != nullptr && ctx_ != nullptr; }

  /// The string values of what `path` selects, in document order.
  std::vector<std::string> all(const std::string& path) const {
    std::vector<std::string> out;
    std::unique_ptr<xmlXPathObject, ObjectDeleter> r(xmlXPathEvalExpression(xml(path.c_str()), ctx_.get()));
    if (r == nullptr || r->nodesetval == nullptr) return out;
    for (int i = 0; i < r->nodesetval->nodeNr; ++i) {
      xmlChar* s = xmlXPathCastNodeToString(r->nodesetval->nodeTab[i]);
      out.emplace_back(reinterpret_cast<const char*>(s));
      xmlFree(s);
    }
    return out;
  }
  std::size_t count(const std::string& path) const { return all(path).size(); }

 private:
  static const xmlChar* xml(const char* s) { return reinterpret_cast<const xmlChar*>(s); }
  std::unique_ptr<xmlDoc, DocDeleter> doc_;
  std::unique_ptr<xmlXPathContext, ContextDeleter> ctx_;
};

TEST(Gexf, LibXml2ReadsNodesWithVizAndAgreementDates) {
  TempDir dir;
  const KnowledgeGraph kg = sample_graph();
  const GexfDoc gexf(write_format(kg, ex::Format::gexf, dir.path()));
  ASSERT_TRUE(gexf.ok());
  const auto& g = kg.graph();
  EXPECT_EQ(gexf.all("/g:gexf/@version"), std::vector<std::string>{"1.2"});
  EXPECT_EQ(gexf.all("/g:gexf/g:graph/@mode"), std::vector<std::string>{"dynamic"});
  EXPECT_EQ(gexf.all("/g:gexf/g:graph/@timeformat"), std::vector<std::string>{"date"});
  EXPECT_EQ(gexf.all("/g:gexf/g:graph/@defaultedgetype"), std::vector<std::string>{"directed"});
  std::size_t mentions = 0;
  for (auto v : boost::make_iterator_range(boost::vertices(g))) mentions += g[v].documents.size();
  // The entities, then a node per document; the relations, then an edge per
  // (entity, document that mentions it).
  EXPECT_EQ(gexf.count("//g:nodes/g:node"), boost::num_vertices(g) + kg.documents().size());
  EXPECT_EQ(gexf.count("//g:edges/g:edge"), boost::num_edges(g) + mentions);
  EXPECT_EQ(gexf.count("//g:node[g:attvalues/g:attvalue[@for='type' and @value='Document']]"),
            kg.documents().size());
  EXPECT_EQ(gexf.count("//g:edge[@label='mentionedIn']"), mentions);
  EXPECT_EQ(gexf.count("//g:node[not(viz:color[@r and @g and @b])]"), 0u);
  EXPECT_EQ(gexf.count("//g:node[not(viz:size/@value > 0)]"), 0u);
  EXPECT_EQ(gexf.count("//g:edge[not(@weight > 0)]"), 0u);
  // Declared attributes, and every node has its type.
  EXPECT_EQ(gexf.all("//g:attributes[@class='node']/g:attribute/@id"),
            (std::vector<std::string>{"type", "iri", "wikidata", "country", "kind", "date", "documents",
                                      "identifier", "url", "publisher", "language"}));
  EXPECT_EQ(gexf.count("//g:node[not(g:attvalues/g:attvalue[@for='type'])]"), 0u);

  // Agreement dates: full, year (-> 1 January), month (-> the 1st), and no year (no interval).
  const auto start_of = [&](const std::string& label) {
    return gexf.all("//g:node[@label=\"" + label + "\"]/@start");
  };
  EXPECT_EQ(start_of("mémorandum d’entente"), std::vector<std::string>{"2024-10-15"});
  EXPECT_EQ(start_of("plan d’action"), std::vector<std::string>{"2025-01-01"});
  EXPECT_EQ(start_of("déclaration conjointe"), std::vector<std::string>{"2024-11-01"});
  EXPECT_EQ(start_of("protocole"), std::vector<std::string>{});
  EXPECT_EQ(start_of("Maroc"), std::vector<std::string>{});
  EXPECT_EQ(gexf.count("//g:node[@start]"), 3u);
  // Edges of an agreement start with it; others have no interval.
  EXPECT_EQ(gexf.count("//g:edge[@label='party' and @start]"), 4u);
  EXPECT_EQ(gexf.count("//g:edge[@label='party' and not(@start)]"), 1u);  // the protocol's
  EXPECT_EQ(gexf.count("//g:edge[@label='cooperatesWith' and @start]"), 0u);
  // One colour per type.
  const auto colours =
      gexf.all("//g:node[g:attvalues/g:attvalue[@for='type' and @value='Country']]/viz:color/@r");
  EXPECT_EQ(std::set<std::string>(colours.begin(), colours.end()).size(), 1u);
  EXPECT_NE(gexf.all("//g:node[@label='Maroc']/viz:color/@r"),
            gexf.all("//g:node[@label='Rabat']/viz:color/@r"));
}

TEST(Gexf, DocumentsAreNodesWithTheirMetadataOnTheTimeline) {
  TempDir dir;
  KnowledgeGraph kg(kBase);
  kg.add(accord_document());
  Document news = follow_up_document();
  news.meta.url = "https://quotidien.example/2024/12/03/suivi";
  news.meta.title = "Suivi & « coopération »";
  news.meta.date = "2024-12-03";
  news.meta.publisher = "Le Quotidien fictif";
  news.meta.language = "fr";
  kg.add(news);
  const GexfDoc gexf(write_format(kg, ex::Format::gexf, dir.path()));
  ASSERT_TRUE(gexf.ok());
  const auto value = [&](const std::string& node, const std::string& attribute) {
    return gexf.all("//g:node[@id='" + node + "']/g:attvalues/g:attvalue[@for='" + attribute + "']/@value");
  };
  using V = std::vector<std::string>;
  // The accord: no metadata, named by its file, not on the timeline.
  EXPECT_EQ(gexf.all("//g:node[@id='d0']/@label"), V{"010_accord.txt"});
  EXPECT_EQ(value("d0", "type"), V{"Document"});
  EXPECT_EQ(value("d0", "identifier"), V{"010_accord.txt"});
  EXPECT_EQ(value("d0", "url"), V{});
  EXPECT_EQ(gexf.all("//g:node[@id='d0']/@start"), V{});
  // The news page: its title, URL, outlet, language and publication date.
  EXPECT_EQ(gexf.all("//g:node[@id='d1']/@label"), V{"Suivi & « coopération »"});
  EXPECT_EQ(value("d1", "iri"), V{kg.documents()[1].iri});
  EXPECT_EQ(value("d1", "url"), V{"https://quotidien.example/2024/12/03/suivi"});
  EXPECT_EQ(value("d1", "publisher"), V{"Le Quotidien fictif"});
  EXPECT_EQ(value("d1", "language"), V{"fr"});
  EXPECT_EQ(value("d1", "date"), V{"2024-12-03"});
  EXPECT_EQ(gexf.all("//g:node[@id='d1']/@start"), V{"2024-12-03"});
  EXPECT_EQ(gexf.all("//g:node[@id='d1']/viz:color/@r"), V{"186"});
  // Its mentions point to it and start on its date; the accord's have no interval.
  const std::size_t to_news = gexf.count("//g:edge[@label='mentionedIn' and @target='d1']");
  EXPECT_EQ(to_news, 5u);  // Belgique, Maroc and the three agreements
  EXPECT_EQ(gexf.count("//g:edge[@label='mentionedIn' and @target='d1' and @start='2024-12-03']"), to_news);
  EXPECT_GT(gexf.count("//g:edge[@label='mentionedIn' and @target='d0']"), 0u);
  EXPECT_EQ(gexf.count("//g:edge[@label='mentionedIn' and @target='d0' and @start]"), 0u);
  // Maroc is in both: an edge to each.
  const V maroc = gexf.all("//g:node[@label='Maroc']/@id");
  ASSERT_EQ(maroc.size(), 1u);
  EXPECT_EQ(gexf.all("//g:edge[@label='mentionedIn' and @source='" + maroc[0] + "']/@target"), (V{"d0", "d1"}));
}

TEST(Gexf, NetworkxReadsIt) {
  TempDir dir;
  const KnowledgeGraph kg = sample_graph();
  const fs::path file = write_format(kg, ex::Format::gexf, dir.path());
  const ToolRun r =
      run({ENTENTE_PYTHON, std::string(ENTENTE_SOURCE_DIR) + "/tests/gexf_check.py", file.string()},
          dir.path() / "networkx.err");
  ASSERT_EQ(r.status, 0) << r.err;
  const auto read = nlohmann::json::parse(r.out);
  EXPECT_EQ(read["directed"], true);
  EXPECT_EQ(read["mode"], "dynamic");
  std::size_t mentions = 0;
  for (auto v : boost::make_iterator_range(boost::vertices(kg.graph()))) mentions += kg.graph()[v].documents.size();
  ASSERT_EQ(read["nodes"].size(), boost::num_vertices(kg.graph()) + kg.documents().size());
  ASSERT_EQ(read["edges"].size(), boost::num_edges(kg.graph()) + mentions);
  std::set<std::string> labels;
  for (const auto& [id, node] : read["nodes"].items()) {
    SCOPED_TRACE(id);
    EXPECT_TRUE(node["color"].is_array());
    EXPECT_GT(node["size"].get<double>(), 0.0);
    EXPECT_TRUE(node["type"].is_string());
    labels.insert(node["label"].get<std::string>());
    if (node["label"] == "plan d’action") {
      EXPECT_EQ(node["start"], "2025-01-01");
    }
  }
  EXPECT_EQ(labels.count(kQuoted), 1u);
  for (const auto& edge : read["edges"]) {
    EXPECT_GT(edge["weight"].get<double>(), 0.0);
    EXPECT_EQ(edge["label"], edge["relation"]);
  }
}

// ---- DOT ------------------------------------------------------------------------

TEST(Dot, IsWrittenQuotedAndInOrder) {
  TempDir dir;
  const KnowledgeGraph kg = sample_graph();
  const std::string text = read_file(write_format(kg, ex::Format::dot, dir.path()));
  EXPECT_EQ(text.rfind("digraph G {\n", 0), 0u);
  EXPECT_TRUE(text.ends_with("}\n"));
  // One line per node and per edge, ids by rank.
  const auto& g = kg.graph();
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'),
            static_cast<long>(boost::num_vertices(g) + boost::num_edges(g) + 5));
  EXPECT_NE(text.find("\nn0[label="), std::string::npos);
  EXPECT_NE(text.find("\nn" + std::to_string(boost::num_vertices(g) - 1) + "[label="), std::string::npos);
  // Quotes and backslashes escaped; a line break as \n; the bad byte as U+FFFD.
  EXPECT_NE(text.find(R"(label="Jean \"Le Juste\" Dupont\\Martin")"), std::string::npos) << text;
  EXPECT_NE(text.find("label=\"mémorandum d’entente\\n2024-10-15\""), std::string::npos);
  EXPECT_NE(text.find("shape=hexagon"), std::string::npos);
  EXPECT_NE(text.find("dir=both"), std::string::npos);
  // Every quote opens and closes on its line.
  std::size_t line_start = 0;
  while (line_start < text.size()) {
    const std::size_t end = text.find('\n', line_start);
    const std::string line = text.substr(line_start, end - line_start);
    std::size_t quotes = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
      if (line[i] == '\\') {
        ++i;
      } else if (line[i] == '"') {
        ++quotes;
      }
    }
    EXPECT_EQ(quotes % 2, 0u) << line;
    line_start = end + 1;
  }
}

TEST(Dot, GraphvizReadsIt) {
  const std::string dot = ENTENTE_DOT;
  if (dot.empty()) GTEST_SKIP() << "Graphviz's dot is not installed";
  TempDir dir;
  const fs::path file = write_format(sample_graph(), ex::Format::dot, dir.path());
  const ToolRun r = run({dot, "-Tsvg", file.string()}, dir.path() / "dot.err");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("<svg"), std::string::npos);
}

// ---- Every file -------------------------------------------------------------------

/// Comma decimals and dot thousands, as in de_DE.
struct Grouping : std::numpunct<char> {
  char do_decimal_point() const override { return ','; }
  char do_thousands_sep() const override { return '.'; }
  std::string do_grouping() const override { return "\1"; }
};

TEST(Formats, EveryFileIsByteIdenticalAcrossRunsAndLocales) {
  TempDir a, b;
  const KnowledgeGraph kg = sample_graph();
  for (const ex::Format f : ex::kFormats) write_format(kg, f, a.path());
  write_evidence(a.path());
  {
    // Again from a rebuilt graph, under a global locale that groups digits.
    const std::locale previous = std::locale::global(std::locale(std::locale::classic(), new Grouping));
    const KnowledgeGraph again = sample_graph();
    for (const ex::Format f : ex::kFormats) write_format(again, f, b.path());
    write_evidence(b.path());
    std::locale::global(previous);
  }
  std::size_t files = 0;
  for (const auto& entry : fs::directory_iterator(a.path())) {
    SCOPED_TRACE(entry.path().filename());
    const std::string first = read_file(entry.path());
    EXPECT_FALSE(first.empty());
    EXPECT_EQ(first, read_file(b.path() / entry.path().filename()));
    ++files;
  }
  EXPECT_EQ(files, ex::kFormats.size() + 1);
}

TEST(Formats, UnwritablePathGivesAnErrorNamingTheFileAndNoFile) {
  TempDir dir;
  const KnowledgeGraph kg = sample_graph();
  const fs::path missing = dir.path() / "no" / "such" / "dir";
  for (const ex::Format f : ex::kFormats) {
    const fs::path file = missing / ("graph." + std::string(ex::extension(f)));
    const std::string error = ex::write(kg, f, file);
    EXPECT_NE(error.find(file.string()), std::string::npos) << ex::extension(f) << ": " << error;
  }
  ex::EvidenceWriter evidence(missing / "evidence.ttl");
  EXPECT_NE(evidence.error().find("evidence.ttl"), std::string::npos) << evidence.error();
  EXPECT_NE(evidence.finish(kg).find("evidence.ttl"), std::string::npos);

  // A directory in the way: the rename fails, no temporary file is left.
  const fs::path taken = dir.path() / "graph.gexf";
  fs::create_directories(taken / "inside");
  EXPECT_NE(ex::write(kg, ex::Format::gexf, taken), "");
  std::vector<std::string> left;
  for (const auto& entry : fs::directory_iterator(dir.path())) left.push_back(entry.path().filename());
  EXPECT_EQ(left, std::vector<std::string>{"graph.gexf"});
}

}  // namespace

namespace {

TEST(Evidence, PiecesWrittenOnSeveralThreadsGiveTheSameBytes) {
  // 150 documents: three pieces of up to 64 documents, rendered by 1 or 3 threads.
  TempDir dir;
  std::vector<std::string> files;
  for (const unsigned jobs : {1u, 3u}) {
    const fs::path file = dir.path() / ("evidence-" + std::to_string(jobs) + ".ttl");
    KnowledgeGraph kg(kBase);
    ex::EvidenceWriter evidence(file);
    for (int i = 0; i < 50; ++i) {
      for (Document d : sample_documents()) {
        d.id = std::to_string(i) + "-" + d.id;
        evidence.add(d, kg.add(d));
      }
    }
    ASSERT_EQ(evidence.finish(kg, jobs), "");
    files.push_back(read_file(file));
    EXPECT_EQ(by_subject(read_quads(file, "turtle")).size() > 150 * 3, true);
  }
  EXPECT_EQ(files[0], files[1]);
  EXPECT_EQ(files[0].find("\n\n\n"), std::string::npos) << "one blank line between blocks, also between pieces";
}

TEST(Evidence, DraftsMadeOnOtherThreadsGiveTheSameFile) {
  // As `entente build --jobs N`: each document's draft made on a thread of
  // its own, added in document order on this one.
  TempDir dir;
  std::vector<std::string> files;
  for (const bool threads : {false, true}) {
    const fs::path file = dir.path() / (threads ? "threads.ttl" : "direct.ttl");
    const std::vector<Document> docs = sample_documents();
    std::vector<ex::EvidenceDraft> drafts(docs.size());
    if (threads) {
      std::vector<std::thread> pool;
      for (std::size_t i = 0; i < docs.size(); ++i) {
        pool.emplace_back([&, i] { drafts[i] = ex::EvidenceWriter::draft(docs[i]); });
      }
      for (auto& t : pool) t.join();
    }
    KnowledgeGraph kg(kBase);
    ex::EvidenceWriter evidence(file);
    for (std::size_t i = 0; i < docs.size(); ++i) {
      if (threads) {
        evidence.add(drafts[i], kg.add(docs[i]));
      } else {
        evidence.add(docs[i], kg.add(docs[i]));
      }
    }
    ASSERT_EQ(evidence.finish(kg, 2), "");
    files.push_back(read_file(file));
  }
  EXPECT_EQ(files[0], files[1]);
}

TEST(Evidence, OnlyWhatTheGraphKeptIsWritten) {
  // A draft holds every mention and every relation's sentence; add() writes
  // those of the entities and relations that KnowledgeGraph::add kept.
  TempDir dir;
  const Document doc = accord_document();
  const ex::EvidenceDraft draft = ex::EvidenceWriter::draft(doc);
  std::size_t with_entities = 0, with_relations = 0;
  for (const auto& s : draft.stretches) {
    with_entities += s.entities.empty() ? 0U : 1U;
    with_relations += s.relations.empty() ? 0U : 1U;
    EXPECT_LE(s.begin, s.end);
    EXPECT_EQ(std::string_view(draft.text).substr(s.byte_begin, s.byte_end - s.byte_begin).empty(), s.begin == s.end);
  }
  ASSERT_GT(with_entities, 1u);
  ASSERT_GT(with_relations, 0u);

  KnowledgeGraph kg(kBase);
  entente::graph::AddedDocument added = kg.add(doc);
  ASSERT_GT(added.vertices.size(), 1u);
  added.vertices.resize(1);                                    // only the first entity kept
  added.relations.assign(added.relations.size(), false);      // and no relation
  const fs::path file = dir.path() / "evidence.ttl";
  ex::EvidenceWriter evidence(file);
  evidence.add(draft, added);
  ASSERT_EQ(evidence.finish(kg), "");
  const BySubject ev = by_subject(read_quads(file, "turtle"));
  std::set<std::string> named;
  std::size_t phrases = 0, sentences = 0;
  for (const auto& [s, props] : ev) {
    phrases += objects(ev, s, v::rdf::type).count(iri(v::nif::Phrase));
    sentences += objects(ev, s, v::rdf::type).count(iri(v::nif::Sentence));
    for (const std::string& node : objects(ev, s, v::itsrdf::taIdentRef)) named.insert(node);
  }
  EXPECT_EQ(named, std::set{iri(kg.graph()[added.vertices[0]].iri)});
  EXPECT_EQ(phrases, doc.entities[0].mentions.size());
  EXPECT_EQ(sentences, 0u);
}

TEST(Evidence, ACopyOfAnEarlierDocumentAddsNothing) {
  // The accord document with a longer text (copies are judged from 25 words
  // on), then the same under another name: the evidence of both is the
  // evidence of the first alone.
  auto document = [](std::string id) {
    Document d = accord_document();
    d.id = std::move(id);
    d.path = "corpus/" + d.id;
    d.text += " Une commission mixte se réunira chaque année, alternativement à Rabat et à Bruxelles, "
              "pour suivre les échanges d’informations et les formations communes.";
    d.sentences.back().span.end = d.text.size();
    return d;
  };
  TempDir dir;
  std::vector<std::string> files;
  for (const bool with_copy : {false, true}) {
    KnowledgeGraph kg(kBase);
    const fs::path file = dir.path() / (with_copy ? "with_copy.ttl" : "alone.ttl");
    ex::EvidenceWriter evidence(file);
    const Document original = document("010_accord.txt");
    evidence.add(original, kg.add(original));
    if (with_copy) {
      const Document copy = document("011_copie.txt");
      const entente::graph::AddedDocument added = kg.add(copy);
      EXPECT_TRUE(added.copy);
      evidence.add(copy, added);
    }
    kg.finish();
    ASSERT_EQ(evidence.finish(kg), "");
    files.push_back(read_file(file));
  }
  EXPECT_GT(files[0].size(), 1000u);
  EXPECT_EQ(files[0], files[1]);
}

}  // namespace

// The graph's document list goes to a spool file past its first MiB
// (graph/documents.hpp); the writers read it back in order and by index.
// Every format and report.html are the same bytes whether the list stayed in
// memory (no folder to spool into) or was spooled.
TEST(Formats, ASpooledDocumentListWritesTheSameBytes) {
  TempDir dir;
  const auto build = [&](const std::filesystem::path& spool) {
    auto kg = std::make_unique<KnowledgeGraph>("https://w3id.org/entente/id/");
    kg->spool_documents_in(spool);
    kg->add(accord_document());
    kg->add(follow_up_document());
    // Enough documents for a few MiB of list: short texts (too short to be
    // copies), exact copies of one long text (coop:copyOf, every seventh but
    // the first), each naming an entity (coop:mentionedIn).
    const std::string long_sentence =
        "Les ministres de l'intérieur de Valmorie et d'Ostrelande ont signé hier un accord de "
        "coopération policière qui prévoit des patrouilles communes, l'échange de fichiers et la "
        "formation d'officiers de liaison dans les deux capitales pendant trois ans.";
    for (int i = 0; i < 12000; ++i) {
      Document d = sentences("depeche-" + std::to_string(i) + ".txt",
                             {i % 7 == 3 ? long_sentence  // under 25 words: never a copy
                                         : "Dépêche numéro " + std::to_string(i) + " : coopération policière."});
      d.meta.url = i % 3 == 0 ? "" : "https://journal-exemple.test/depeches/" + std::to_string(i);
      d.meta.title = i % 2 == 0 ? "Dépêche " + std::to_string(i) : "";
      d.meta.date = "2026-11-" + std::to_string(10 + i % 18);
      d.meta.publisher = i % 5 == 0 ? "" : "Le Quotidien d'Exemple";
      d.meta.language = "fr";
      d.entities.push_back(entity(i % 2 == 0 ? EntityType::Country : EntityType::Institution,
                                  i % 2 == 0 ? "Maroc" : "Police fédérale", i % 2 == 0 ? "MA" : "", "", ""));
      kg->add(d);
    }
    kg->finish();
    return kg;
  };
  const auto in_memory = build(dir.path() / "no such folder");
  const auto spooled = build(dir.path());
  ASSERT_FALSE(in_memory->documents().spooled());
  ASSERT_TRUE(spooled->documents().spooled());
  ASSERT_EQ(spooled->documents().size(), 12002U);
  for (const ex::Format f : ex::kFormats) {
    const std::string name = "graph." + std::string(ex::extension(f));
    std::filesystem::create_directories(dir.path() / "a");
    std::filesystem::create_directories(dir.path() / "b");
    ASSERT_EQ(ex::write(*in_memory, f, dir.path() / "a" / name), "");
    ASSERT_EQ(ex::write(*spooled, f, dir.path() / "b" / name), "");
    const std::string a = read_file(dir.path() / "a" / name);
    if (f != ex::Format::dot) {  // DOT lists no documents
      EXPECT_GT(a.size(), 1000000U) << name;
    }
    EXPECT_TRUE(a == read_file(dir.path() / "b" / name)) << name;
  }
  ASSERT_EQ(ex::write_report(*in_memory, dir.path() / "a" / "report.html"), "");
  ASSERT_EQ(ex::write_report(*spooled, dir.path() / "b" / "report.html"), "");
  EXPECT_TRUE(read_file(dir.path() / "a" / "report.html") == read_file(dir.path() / "b" / "report.html"));
}
