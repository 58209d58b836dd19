// Turtle export (export/src/turtle.cpp): what serdi, score.py and sord_validate
// need from the file.
//
// The graph is built through KnowledgeGraph::add from hand-made documents whose
// names carry quotes, backslashes, line breaks, tabs, accents, angle brackets
// and ill-formed UTF-8. The file is read back with `serdi -i turtle -o
// ntriples` and compared, triple for triple, with what the graph holds; it is
// validated with sord_validate against ontology/coop.ttl and its schemas.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "entente/export/writers.hpp"
#include "entente/graph/graph.hpp"
#include "entente/ontology/vocab.hpp"
#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;
namespace v = entente::ontology;
using entente::extract::Document;
using entente::extract::Entity;
using entente::extract::EntityType;
using entente::extract::Predicate;
using entente::graph::KnowledgeGraph;
using entente::testing::entity;
using entente::testing::read_file;
using entente::testing::relate;
using entente::testing::run;
using entente::testing::TempDir;
using entente::testing::ToolRun;
using entente::testing::with_text;

constexpr const char* kBase = "https://w3id.org/entente/id/";

// ---- Input -------------------------------------------------------------------

Entity agreement(std::string name, std::string kind, std::string date, std::string date_end = {}) {
  Entity e = entity(EntityType::Agreement, std::move(name));
  e.kind = std::move(kind);
  e.date = std::move(date);
  e.date_end = std::move(date_end);
  return e;
}

const std::string kQuoted = "Jean \"Le Juste\" Dupont\\Martin";
const std::string kMultiline = "Sûreté de l'État\nbelge\t(VSSE)\r\n";
const std::string kAngled = "Ministère de l'Intérieur <Maroc> & {co}";

/// An agreement between Morocco and Belgium, with names that are hard on Turtle writers.
Document agreement_document() {
  Document d = with_text("001_accord.txt",
                         "Le Maroc et la Belgique signent un mémorandum d'entente\n"
                         "Rabat, le 15 octobre 2024. Le ministre a signé.");
  d.entities.push_back(entity(EntityType::Country, "Maroc", "MA", "", "Q1028"));   // 0
  d.entities.push_back(entity(EntityType::Country, "Belgique", "BE", "", "Q31"));  // 1
  Entity jean = entity(EntityType::Person, kQuoted, "", "MA");                    // 2
  jean.labels = {"M. <Dupont>", "J. \"D.\""};
  jean.roles.push_back({"ministre de la Justice\net des Libertés", 3});
  d.entities.push_back(jean);
  Entity ministry = entity(EntityType::Institution, kAngled, "", "MA");           // 3
  ministry.labels = {"MI\\MA"};
  d.entities.push_back(ministry);
  d.entities.push_back(agreement("Mémorandum d'entente « Maroc–Belgique »",        // 4
                                 "mémorandum d'entente", "2024-10-15", "2026"));
  d.entities.push_back(entity(EntityType::Institution, kMultiline, "", "BE"));     // 5
  d.entities.push_back(entity(EntityType::Person, "Annelies Verlinden", "", "BE"));  // 6
  d.entities.push_back(entity(EntityType::Place, "Rabat"));                         // 7
  relate(d, Predicate::memberOf, 2, 3);
  relate(d, Predicate::country, 2, 0);
  relate(d, Predicate::country, 3, 0);
  relate(d, Predicate::country, 5, 1);
  relate(d, Predicate::cooperatesWith, 0, 1);
  relate(d, Predicate::cooperatesWith, 3, 5);
  relate(d, Predicate::party, 4, 0);
  relate(d, Predicate::party, 4, 1);
  relate(d, Predicate::signatory, 4, 2);
  relate(d, Predicate::participant, 4, 6);
  return d;
}

/// Morocco and Belgium again, with agreements dated only in part.
Document follow_up_document() {
  Document d = with_text("002_suivi.txt",
                         "La Belgique et le Maroc renforcent leur coopération. Un plan d'action est lancé.");
  d.entities.push_back(entity(EntityType::Country, "Belgique", "BE", "", "Q31"));  // 0
  d.entities.push_back(entity(EntityType::Country, "Maroc", "MA", "", "Q1028"));   // 1
  d.entities.push_back(agreement("plan d'action", "plan d'action", "2025"));       // 2
  d.entities.push_back(agreement("déclaration conjointe", "déclaration conjointe", "2024-11"));  // 3
  d.entities.push_back(agreement("protocole", "protocole", "--10-15"));            // 4
  d.entities.push_back(agreement("accord", "", ""));                               // 5
  relate(d, Predicate::cooperatesWith, 0, 1);
  relate(d, Predicate::party, 2, 0);
  relate(d, Predicate::party, 2, 1);
  return d;
}

KnowledgeGraph sample_graph() {
  KnowledgeGraph kg(kBase);
  kg.add(agreement_document());
  kg.add(follow_up_document());
  return kg;
}

/// Writes `kg` as Turtle into `dir`, failing the test on error.
fs::path write(const KnowledgeGraph& kg, const fs::path& dir, const std::string& name = "graph.ttl") {
  const fs::path file = dir / name;
  const std::string error = entente::exporter::write_turtle(kg, file);
  EXPECT_EQ(error, "");
  return file;
}

// ---- N-Triples, read independently of Serd ---------------------------------------

void append_utf8(std::string& out, unsigned long cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

/// Reads up to (not including) `end` at `i`, undoing N-Triples escapes.
std::string unescaped(std::string_view line, std::size_t& i, char end) {
  std::string out;
  while (i < line.size() && line[i] != end) {
    if (line[i] != '\\' || i + 1 >= line.size()) {
      out += line[i++];
      continue;
    }
    const char e = line[i + 1];
    i += 2;
    switch (e) {
      case 't': out += '\t'; break;
      case 'b': out += '\b'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 'f': out += '\f'; break;
      case 'u':
      case 'U': {
        const std::size_t len = e == 'u' ? 4 : 8;
        append_utf8(out, std::stoul(std::string(line.substr(i, len)), nullptr, 16));
        i += len;
        break;
      }
      default: out += e; break;  // \" \' \\ (and anything else, kept)
    }
  }
  ++i;  // the end character
  return out;
}

/// One term as text: "<iri>", "_:b", or "\"value\"@lang" / "\"value\"^^<dt>" with
/// the value unescaped.
std::string term(std::string_view line, std::size_t& i) {
  while (i < line.size() && line[i] == ' ') ++i;
  if (i >= line.size()) return {};
  if (line[i] == '<') {
    ++i;
    return "<" + unescaped(line, i, '>') + ">";
  }
  if (line[i] == '"') {
    ++i;
    std::string out = "\"" + unescaped(line, i, '"') + "\"";
    if (i < line.size() && line[i] == '@') {
      const std::size_t end = line.find(' ', i);
      out += std::string(line.substr(i, end - i));
      i = end;
    } else if (line.substr(i, 3) == "^^<") {
      i += 3;
      out += "^^<" + unescaped(line, i, '>') + ">";
    }
    return out;
  }
  const std::size_t end = line.find(' ', i);
  std::string out(line.substr(i, end - i));
  i = end;
  return out;
}

using Triple = std::tuple<std::string, std::string, std::string>;

std::set<Triple> parse_ntriples(const std::string& text) {
  std::set<Triple> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    std::size_t i = 0;
    std::string s = term(line, i);
    std::string p = term(line, i);
    std::string o = term(line, i);
    out.emplace(std::move(s), std::move(p), std::move(o));
  }
  return out;
}

/// The triples of a Turtle file, through serdi; empty (and a test failure) if
/// serdi rejects it.
std::set<Triple> read_back(const fs::path& file) {
  const ToolRun r = run({ENTENTE_SERDI, "-i", "turtle", "-o", "ntriples", file.string()},
                        file.string() + ".serdi-err");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.err, "");
  return parse_ntriples(r.out);
}

std::string iri(std::string_view s) { return "<" + std::string(s) + ">"; }
std::string fr(std::string_view s) { return "\"" + std::string(s) + "\"@fr"; }
std::string typed(std::string_view s, std::string_view dt) {
  return "\"" + std::string(s) + "\"^^<" + std::string(dt) + ">";
}
std::string plain(std::string_view s) { return "\"" + std::string(s) + "\""; }

/// A date as it must be typed, decided here with regular expressions.
std::string date_literal(const std::string& d) {
  if (std::regex_match(d, std::regex(R"(\d{4}-\d{2}-\d{2})"))) return typed(d, v::xsd::date);
  if (std::regex_match(d, std::regex(R"(\d{4}-\d{2})"))) return typed(d, v::xsd::gYearMonth);
  if (std::regex_match(d, std::regex(R"(\d{4})"))) return typed(d, v::xsd::gYear);
  if (std::regex_match(d, std::regex(R"(--\d{2}-\d{2})"))) return typed(d, v::xsd::gMonthDay);
  return plain(d);
}

/// What the Turtle of `kg` must hold, read off the graph's bundled properties.
std::set<Triple> expected_triples(const KnowledgeGraph& kg) {
  const auto& g = kg.graph();
  const std::string coop(v::ns::coop);
  std::set<Triple> out;
  for (const auto vx : boost::make_iterator_range(boost::vertices(g))) {
    const auto& n = g[vx];
    const std::string s = iri(n.iri);
    out.emplace(s, iri(v::rdf::type), iri(coop + std::string(entente::extract::to_string(n.type))));
    if (!n.label.empty()) out.emplace(s, iri(v::rdfs::label), fr(n.label));
    for (const auto& a : n.alt_labels) out.emplace(s, iri(v::skos::altLabel), fr(a));
    for (const auto& r : n.roles) out.emplace(s, iri(coop + "role"), fr(r));
    if (!n.kind.empty()) out.emplace(s, iri(coop + "kind"), fr(n.kind));
    if (!n.date.empty()) out.emplace(s, iri(coop + "date"), date_literal(n.date));
    if (!n.date_end.empty()) out.emplace(s, iri(coop + "dateEnd"), date_literal(n.date_end));
    if (!n.qid.empty()) out.emplace(s, iri(v::owl::sameAs), iri("http://www.wikidata.org/entity/" + n.qid));
    for (const auto& former : n.same_as) out.emplace(s, iri(v::owl::sameAs), iri(former));
    for (const auto d : n.documents) out.emplace(s, iri(coop + "mentionedIn"), iri(kg.documents()[d].iri));
  }
  for (const auto e : boost::make_iterator_range(boost::edges(g))) {
    out.emplace(iri(g[boost::source(e, g)].iri),
                iri(coop + std::string(entente::extract::to_string(g[e].predicate))),
                iri(g[boost::target(e, g)].iri));
  }
  for (const auto& d : kg.documents()) {
    out.emplace(iri(d.iri), iri(v::rdf::type), iri(v::coop::Document));
    if (!d.title.empty()) out.emplace(iri(d.iri), iri(v::rdfs::label), fr(d.title));
    out.emplace(iri(d.iri), iri(v::dcterms::identifier), plain(d.id));
    if (d.copy_of) out.emplace(iri(d.iri), iri(v::coop::copyOf), iri(kg.documents()[d.copy_of->original].iri));
  }
  return out;
}

/// The IRI of the one node with this label (rdfs:label or skos:altLabel).
std::string node_iri(const KnowledgeGraph& kg, const std::string& name) {
  const auto& g = kg.graph();
  std::string found;
  for (const auto vx : boost::make_iterator_range(boost::vertices(g))) {
    const auto& n = g[vx];
    if (n.label == name || std::count(n.alt_labels.begin(), n.alt_labels.end(), name) != 0) {
      EXPECT_EQ(found, "") << name << " names two nodes";
      found = n.iri;
    }
  }
  EXPECT_NE(found, "") << name << " names no node";
  return found;
}

std::set<std::string> objects(const std::set<Triple>& ts, const std::string& s, std::string_view p) {
  std::set<std::string> out;
  for (const auto& [ts_s, ts_p, ts_o] : ts) {
    if (ts_s == s && ts_p == iri(p)) out.insert(ts_o);
  }
  return out;
}

// ---- The tests -------------------------------------------------------------------

TEST(Turtle, SerdiReadsTheFile) {
  TempDir dir;
  const fs::path file = write(sample_graph(), dir.path());
  const ToolRun r = run({ENTENTE_SERDI, "-i", "turtle", "-o", "ntriples", file.string()},
                        dir.path() / "serdi.err");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_GT(std::count(r.out.begin(), r.out.end(), '\n'), 40);
}

TEST(Turtle, TriplesAreExactlyThoseOfTheGraph) {
  TempDir dir;
  const KnowledgeGraph kg = sample_graph();
  const std::set<Triple> got = read_back(write(kg, dir.path()));
  const std::set<Triple> want = expected_triples(kg);
  for (const auto& [s, p, o] : want) {
    EXPECT_EQ(got.count({s, p, o}), 1u) << "missing: " << s << " " << p << " " << o;
  }
  for (const auto& [s, p, o] : got) {
    EXPECT_EQ(want.count({s, p, o}), 1u) << "unexpected: " << s << " " << p << " " << o;
  }
}

TEST(Turtle, NamesWithQuotesBackslashesLineBreaksAndBracketsSurvive) {
  TempDir dir;
  const KnowledgeGraph kg = sample_graph();
  const std::set<Triple> got = read_back(write(kg, dir.path()));
  const std::string jean = node_iri(kg, kQuoted);
  std::set<std::string> names = objects(got, iri(jean), v::rdfs::label);
  names.merge(objects(got, iri(jean), v::skos::altLabel));
  EXPECT_EQ(names.count(fr(kQuoted)), 1u);
  EXPECT_EQ(names.count(fr("M. <Dupont>")) + names.count(fr("<Dupont>")), 1u);
  EXPECT_EQ(names.count(fr("J. \"D.\"")), 1u);
  EXPECT_EQ(objects(got, iri(jean), v::coop::role),
            std::set<std::string>{fr("ministre de la Justice\net des Libertés")});
  const std::string vsse = node_iri(kg, kMultiline);
  EXPECT_EQ(objects(got, iri(vsse), v::rdfs::label), std::set<std::string>{fr(kMultiline)});
  const std::string ministry = node_iri(kg, kAngled);
  EXPECT_EQ(objects(got, iri(ministry), v::rdfs::label), std::set<std::string>{fr(kAngled)});
  EXPECT_EQ(objects(got, iri(ministry), v::skos::altLabel), std::set<std::string>{fr("MI\\MA")});
}

TEST(Turtle, NodesHaveTheirClassAndDocuments) {
  TempDir dir;
  const KnowledgeGraph kg = sample_graph();
  const std::set<Triple> got = read_back(write(kg, dir.path()));
  ASSERT_EQ(kg.documents().size(), 2u);
  const std::string doc1 = iri(kg.documents()[0].iri);
  const std::string doc2 = iri(kg.documents()[1].iri);
  EXPECT_EQ(objects(got, doc1, v::rdf::type), std::set<std::string>{iri(v::coop::Document)});
  EXPECT_EQ(objects(got, doc1, v::dcterms::identifier), std::set<std::string>{plain("001_accord.txt")});
  EXPECT_EQ(objects(got, doc2, v::dcterms::identifier), std::set<std::string>{plain("002_suivi.txt")});
  EXPECT_EQ(objects(got, doc1, v::rdfs::label),
            std::set<std::string>{fr("Le Maroc et la Belgique signent un mémorandum d'entente")});

  const std::string maroc = iri(node_iri(kg, "Maroc"));
  EXPECT_EQ(objects(got, maroc, v::rdf::type), std::set<std::string>{iri(v::coop::Country)});
  EXPECT_EQ(objects(got, maroc, v::coop::mentionedIn), (std::set<std::string>{doc1, doc2}));
  EXPECT_EQ(objects(got, maroc, v::owl::sameAs),
            std::set<std::string>{iri("http://www.wikidata.org/entity/Q1028")});
  const std::string jean = iri(node_iri(kg, kQuoted));
  EXPECT_EQ(objects(got, jean, v::rdf::type), std::set<std::string>{iri(v::coop::Person)});
  EXPECT_EQ(objects(got, jean, v::coop::mentionedIn), std::set<std::string>{doc1});
  EXPECT_EQ(objects(got, jean, v::coop::country), std::set<std::string>{maroc});
  EXPECT_EQ(objects(got, jean, v::coop::memberOf), std::set<std::string>{iri(node_iri(kg, kAngled))});
  EXPECT_EQ(objects(got, iri(node_iri(kg, "Rabat")), v::rdf::type),
            std::set<std::string>{iri(v::coop::Place)});
}

// A graph that grows (graph/stable_iris.hpp): the IRIs a node had in earlier
// builds are stated owl:sameAs, beside its Wikidata item.
TEST(Turtle, FormerIrisOfANodeAreOwlSameAs) {
  TempDir dir;
  KnowledgeGraph kg = sample_graph();
  std::string maroc_iri = node_iri(kg, "Maroc");
  for (auto vx : boost::make_iterator_range(boost::vertices(kg.graph())))
    if (kg.graph()[vx].iri == maroc_iri)
      kg.mutable_graph()[vx].same_as = {kg.base() + "country/maroc", kg.base() + "country/royaume-du-maroc"};
  const std::set<Triple> got = read_back(write(kg, dir.path()));
  EXPECT_EQ(objects(got, iri(maroc_iri), v::owl::sameAs),
            (std::set<std::string>{iri("http://www.wikidata.org/entity/Q1028"), iri(kg.base() + "country/maroc"),
                                   iri(kg.base() + "country/royaume-du-maroc")}));
  EXPECT_EQ(got, expected_triples(kg));
}

TEST(Turtle, AgreementsHaveKindPartiesPersonsAndTypedDates) {
  TempDir dir;
  const KnowledgeGraph kg = sample_graph();
  const std::set<Triple> got = read_back(write(kg, dir.path()));
  const std::string mou = iri(node_iri(kg, "Mémorandum d'entente « Maroc–Belgique »"));
  EXPECT_EQ(objects(got, mou, v::rdf::type), std::set<std::string>{iri(v::coop::Agreement)});
  EXPECT_EQ(objects(got, mou, v::coop::kind), std::set<std::string>{fr("mémorandum d'entente")});
  EXPECT_EQ(objects(got, mou, v::coop::date), std::set<std::string>{typed("2024-10-15", v::xsd::date)});
  EXPECT_EQ(objects(got, mou, v::coop::dateEnd), std::set<std::string>{typed("2026", v::xsd::gYear)});
  EXPECT_EQ(objects(got, mou, v::coop::party),
            (std::set<std::string>{iri(node_iri(kg, "Maroc")), iri(node_iri(kg, "Belgique"))}));
  EXPECT_EQ(objects(got, mou, v::coop::signatory), std::set<std::string>{iri(node_iri(kg, kQuoted))});
  EXPECT_EQ(objects(got, mou, v::coop::participant),
            std::set<std::string>{iri(node_iri(kg, "Annelies Verlinden"))});
  EXPECT_EQ(objects(got, iri(node_iri(kg, "plan d'action")), v::coop::date),
            std::set<std::string>{typed("2025", v::xsd::gYear)});
  EXPECT_EQ(objects(got, iri(node_iri(kg, "déclaration conjointe")), v::coop::date),
            std::set<std::string>{typed("2024-11", v::xsd::gYearMonth)});
  EXPECT_EQ(objects(got, iri(node_iri(kg, "protocole")), v::coop::date),
            std::set<std::string>{typed("--10-15", v::xsd::gMonthDay)});
  EXPECT_EQ(objects(got, iri(node_iri(kg, "accord")), v::coop::date), std::set<std::string>{});
}

TEST(Turtle, CooperatesWithIsWrittenOncePerPair) {
  TempDir dir;
  const KnowledgeGraph kg = sample_graph();
  const std::set<Triple> got = read_back(write(kg, dir.path()));
  const std::string maroc = iri(node_iri(kg, "Maroc"));
  const std::string belgique = iri(node_iri(kg, "Belgique"));
  const std::size_t one_way = objects(got, maroc, v::coop::cooperatesWith).count(belgique);
  const std::size_t other_way = objects(got, belgique, v::coop::cooperatesWith).count(maroc);
  EXPECT_EQ(one_way + other_way, 1u);
}

TEST(Turtle, UsesSortedPrefixesAndAbbreviates) {
  TempDir dir;
  const std::string text = read_file(write(sample_graph(), dir.path()));
  const std::string prefixes =
      "@prefix coop: <https://w3id.org/entente/coop#> .\n"
      "@prefix dcterms: <http://purl.org/dc/terms/> .\n"
      "@prefix ent: <https://w3id.org/entente/id/> .\n"
      "@prefix owl: <http://www.w3.org/2002/07/owl#> .\n"
      "@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .\n"
      "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
      "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
      "@prefix wd: <http://www.wikidata.org/entity/> .\n"
      "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n";
  EXPECT_EQ(text.substr(0, prefixes.size()), prefixes);
  for (const char* s : {"\n\ta coop:Person ;", "\trdfs:label ", " ;\n", " ,\n", "owl:sameAs wd:Q1028",
                        "coop:mentionedIn ", "dcterms:identifier \"001_accord.txt\"",
                        "coop:date \"2024-10-15\"^^xsd:date"}) {
    EXPECT_NE(text.find(s), std::string::npos) << s;
  }
}

TEST(Turtle, SameGraphGivesByteIdenticalFiles) {
  TempDir dir;
  const KnowledgeGraph kg = sample_graph();
  const std::string first = read_file(write(kg, dir.path(), "a.ttl"));
  const std::string again = read_file(write(kg, dir.path(), "b.ttl"));
  const std::string rebuilt = read_file(write(sample_graph(), dir.path(), "c.ttl"));
  EXPECT_FALSE(first.empty());
  EXPECT_EQ(first, again);
  EXPECT_EQ(first, rebuilt);
  // Overwriting keeps the same bytes too.
  EXPECT_EQ(read_file(write(kg, dir.path(), "a.ttl")), first);
}

TEST(Turtle, IllFormedUtf8BecomesReplacementCharacters) {
  TempDir dir;
  KnowledgeGraph kg(kBase);
  Document d = with_text("003_octets.txt", "Texte.");
  d.entities.push_back(entity(EntityType::Person, "Verlinden\xFF"));
  d.entities.push_back(entity(EntityType::Institution, "Agence \xED\xA0\x80 belge\x01"));
  kg.add(d);
  const std::set<Triple> got = read_back(write(kg, dir.path()));
  std::set<std::string> labels;
  for (const auto& [s, p, o] : got) {
    if (p == iri(v::rdfs::label)) labels.insert(o);
  }
  EXPECT_EQ(labels.count(fr("Verlinden\xEF\xBF\xBD")), 1u);
  EXPECT_EQ(labels.count(fr("Agence \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD belge\x01")), 1u);
}

TEST(Turtle, UnwritablePathGivesAnErrorAndNoFile) {
  TempDir dir;
  const KnowledgeGraph kg = sample_graph();
  const fs::path missing = dir.path() / "no" / "such" / "dir" / "graph.ttl";
  const std::string error = entente::exporter::write_turtle(kg, missing);
  EXPECT_NE(error, "");
  EXPECT_NE(error.find("graph.ttl"), std::string::npos) << error;
  EXPECT_FALSE(fs::exists(missing));

  // A directory in the way: the rename fails, the temporary file goes away.
  const fs::path taken = dir.path() / "taken.ttl";
  fs::create_directories(taken / "inside");
  const std::string error2 = entente::exporter::write_turtle(kg, taken);
  EXPECT_NE(error2, "");
  EXPECT_NE(error2.find("taken.ttl"), std::string::npos) << error2;
  EXPECT_TRUE(fs::is_directory(taken));
  std::vector<std::string> left;
  for (const auto& entry : fs::directory_iterator(dir.path())) left.push_back(entry.path().filename());
  EXPECT_EQ(left, std::vector<std::string>{"taken.ttl"});
}

TEST(Turtle, SordValidateFindsNoErrorsWithTheOntology) {
  TempDir dir;
  const fs::path file = write(sample_graph(), dir.path());
  entente::testing::expect_sord_validate_finds_no_errors(file, dir.path() / "sord_validate.err");
}

/// The agreement document again, with a longer text (copies are judged from 25 words on).
Document long_agreement_document(std::string id) {
  Document d = agreement_document();
  d.id = std::move(id);
  d.path = "corpus/" + d.id;
  d.text += " Le texte prévoit des échanges d'informations entre les polices, des formations communes et "
            "une commission mixte qui se réunira chaque année, alternativement à Rabat et à Bruxelles.";
  d.sentences.back().span.end = d.text.size();
  return d;
}

TEST(Turtle, ACopyIsOnlyADocumentCopyOfItsOriginal) {
  TempDir dir;
  KnowledgeGraph alone(kBase);
  alone.add(long_agreement_document("001_accord.txt"));
  KnowledgeGraph kg(kBase);
  kg.add(long_agreement_document("001_accord.txt"));
  kg.add(long_agreement_document("009_reprise.txt"));
  ASSERT_TRUE(kg.documents()[1].copy_of);
  const fs::path file = write(kg, dir.path());
  const std::set<Triple> got = read_back(file);
  EXPECT_EQ(got, expected_triples(kg));
  const std::string copy = iri(kg.documents()[1].iri);
  EXPECT_EQ(objects(got, copy, v::coop::copyOf), std::set<std::string>{iri(kg.documents()[0].iri)});
  EXPECT_EQ(objects(got, copy, v::dcterms::identifier), std::set<std::string>{plain("009_reprise.txt")});
  // Everything else is the original's graph, unchanged: no node is mentionedIn the copy.
  std::set<Triple> rest;
  for (const auto& t : got) {
    if (std::get<0>(t) != copy) rest.insert(t);
  }
  EXPECT_EQ(rest, read_back(write(alone, dir.path(), "alone.ttl")));
  entente::testing::expect_sord_validate_finds_no_errors(file, dir.path() / "sord_validate.err");
}

}  // namespace
