// GraphML export (export/src/graphml.cpp): what Gephi, networkx, igraph and
// boost::read_graphml need from the file.
//
// The graph is built through KnowledgeGraph::add from hand-made documents whose
// names carry markup characters, quotes, a control character, accents, emoji
// and invalid UTF-8. The file is read back three ways: boost::read_graphml
// (every key declared in dynamic_properties), boost::property_tree (structure)
// and networkx (tests/graphml_check.py).
#include <gtest/gtest.h>

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/graphml.hpp>
#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>
#include <charconv>
#include <clocale>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <locale>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "entente/export/writers.hpp"
#include "entente/graph/graph.hpp"
#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;
using entente::extract::Document;
using entente::extract::Entity;
using entente::extract::EntityType;
using entente::extract::Predicate;
using entente::graph::KnowledgeGraph;
using entente::testing::entity;
using entente::testing::read_file;
using entente::testing::relate;
using entente::testing::TempDir;
using entente::testing::with_text;

constexpr const char* kBase = "https://w3id.org/entente/id/";

// ---- XML 1.0 characters, decided independently of the writer ---------------

/// The next UTF-8 sequence of `s` at `i` as a code point, advancing `i`; an
/// ill-formed byte gives nullopt and advances by one byte.
std::optional<char32_t> next_code_point(std::string_view s, std::size_t& i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  std::size_t len = 0;
  char32_t cp = 0;
  char32_t min = 0;
  if (b0 < 0x80) {
    ++i;
    return char32_t{b0};
  }
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2;
    cp = b0 & 0x1Fu;
    min = 0x80;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3;
    cp = b0 & 0x0Fu;
    min = 0x800;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4;
    cp = b0 & 0x07u;
    min = 0x10000;
  } else {
    ++i;
    return std::nullopt;
  }
  if (i + len > s.size()) {
    ++i;
    return std::nullopt;
  }
  for (std::size_t k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0u) != 0x80u) {
      ++i;
      return std::nullopt;
    }
    cp = (cp << 6) | (b & 0x3Fu);
  }
  if (cp < min || cp > 0x10FFFF) {
    ++i;
    return std::nullopt;
  }
  i += len;
  return cp;
}

/// The Char production of XML 1.0.
bool xml_char(char32_t c) {
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) ||
         (c >= 0x10000 && c <= 0x10FFFF);
}

/// What the writer must make of a string: forbidden characters and ill-formed bytes dropped.
std::string xml_filtered(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t start = i;
    const auto c = next_code_point(s, i);
    if (c && xml_char(*c)) {
      out.append(s.substr(start, i - start));
    }
  }
  return out;
}

/// Empty when every byte of `xml` is well-formed UTF-8 of XML 1.0 characters,
/// character references included; else what is wrong and where.
std::string forbidden_characters(std::string_view xml) {
  for (std::size_t i = 0; i < xml.size();) {
    const std::size_t at = i;
    const auto c = next_code_point(xml, i);
    if (!c) {
      return "ill-formed UTF-8 at byte " + std::to_string(at);
    }
    if (!xml_char(*c)) {
      return "forbidden character at byte " + std::to_string(at);
    }
  }
  for (std::size_t at = xml.find("&#"); at != std::string_view::npos; at = xml.find("&#", at + 2)) {
    std::string_view ref = xml.substr(at + 2);
    const bool hex = !ref.empty() && ref[0] == 'x';
    if (hex) {
      ref.remove_prefix(1);
    }
    unsigned long value = 0;
    const auto r = std::from_chars(ref.data(), ref.data() + ref.size(), value, hex ? 16 : 10);
    if (r.ec != std::errc() || value > 0x10FFFF || !xml_char(static_cast<char32_t>(value))) {
      return "forbidden character reference at byte " + std::to_string(at);
    }
  }
  return {};
}

// ---- Input -------------------------------------------------------------------

/// An agreement between Morocco and Belgium, with persons and institutions
/// whose names are hard on XML writers.
Document agreement_document() {
  Document d = with_text("001_accord.txt",
                         "Le Maroc et la Belgique ont signé un mémorandum d'entente le 15 octobre 2024.");
  d.entities.push_back(entity(EntityType::Country, "Maroc", "MA", "", "Q1028"));   // 0
  d.entities.push_back(entity(EntityType::Country, "Belgique", "BE", "", "Q31"));  // 1
  Entity daki = entity(EntityType::Person, "El Hassan Daki", "", "MA");            // 2
  daki.labels = {"Daki"};
  daki.roles.push_back({"procureur général du Roi <près> la Cour", 3});
  d.entities.push_back(daki);
  Entity court = entity(EntityType::Institution,  // 3
                        "Cour <de> cassation & \"Suprême\" 'du' Maroc", "", "MA");
  court.labels = {"CC&S"};
  d.entities.push_back(court);
  d.entities.push_back(entity(EntityType::Institution,  // 4
                              "Agence\x01 belge de coopération 🤝 Éèàçœ", "", "BE"));
  Entity mou = entity(EntityType::Agreement, "Mémorandum d'entente « Maroc–Belgique »");  // 5
  mou.kind = "mémorandum d'entente";
  mou.date = "2024-10-15";
  d.entities.push_back(mou);
  Entity verlinden = entity(EntityType::Person, "Annelies Verlinden", "", "BE");  // 6
  // Invalid UTF-8, an encoded surrogate, U+FFFE, a vertical tab and CR LF.
  verlinden.labels = {"Verlinden\xFF", "A. \xED\xA0\x80Verlinden", "Verlinden \xEF\xBF\xBE\x0B"};
  verlinden.roles.push_back({"ministre de la Justice\r\n", -1});
  d.entities.push_back(verlinden);

  relate(d, Predicate::memberOf, 2, 3);
  relate(d, Predicate::country, 2, 0);
  relate(d, Predicate::country, 3, 0);
  relate(d, Predicate::country, 4, 1);
  relate(d, Predicate::cooperatesWith, 0, 1);
  relate(d, Predicate::party, 5, 0);
  relate(d, Predicate::party, 5, 1);
  relate(d, Predicate::signatory, 5, 2);
  relate(d, Predicate::signatory, 5, 6);
  relate(d, Predicate::memberOf, 6, 4);
  return d;
}

/// Morocco and Belgium cooperating again, so that one edge has weight 2.
Document cooperation_document(const std::string& id) {
  Document d = with_text(id, "Le Maroc et la Belgique renforcent leur coopération.");
  d.meta.url = "https://quotidien.example/2024/11/02/cooperation";
  d.meta.title = "Coopération & \"sécurité\" <Maroc–Belgique>";
  d.meta.date = "2024-11-02";
  d.meta.publisher = "Le Quotidien fictif";
  d.meta.language = "fr";
  d.entities.push_back(entity(EntityType::Country, "Maroc", "MA", "", "Q1028"));
  d.entities.push_back(entity(EntityType::Country, "Belgique", "BE", "", "Q31"));
  relate(d, Predicate::cooperatesWith, 1, 0);
  return d;
}

KnowledgeGraph sample_graph() {
  KnowledgeGraph kg(kBase);
  kg.add(agreement_document());
  kg.add(cooperation_document("002_cooperation.txt"));
  return kg;
}

// ---- Reading back with boost::read_graphml ------------------------------------

struct ReadNode {
  std::string label, type, iri, wikidata, country, alt_labels, roles, kind, date;
  std::string identifier, url, publisher, language;  // document nodes
  int documents = -1;
};
struct ReadEdge {
  std::string label, relation, date, sources;
  double weight = -1.0;
  int documents = -1;
};
using ReadGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, ReadNode, ReadEdge>;

/// Reads with every key declared and no generator: an undeclared key throws.
void read_back(const fs::path& file, ReadGraph& rg) {
  boost::dynamic_properties dp;
  dp.property("label", boost::get(&ReadNode::label, rg));
  dp.property("type", boost::get(&ReadNode::type, rg));
  dp.property("iri", boost::get(&ReadNode::iri, rg));
  dp.property("wikidata", boost::get(&ReadNode::wikidata, rg));
  dp.property("country", boost::get(&ReadNode::country, rg));
  dp.property("alt_labels", boost::get(&ReadNode::alt_labels, rg));
  dp.property("roles", boost::get(&ReadNode::roles, rg));
  dp.property("documents", boost::get(&ReadNode::documents, rg));
  dp.property("kind", boost::get(&ReadNode::kind, rg));
  dp.property("date", boost::get(&ReadNode::date, rg));
  dp.property("identifier", boost::get(&ReadNode::identifier, rg));
  dp.property("url", boost::get(&ReadNode::url, rg));
  dp.property("publisher", boost::get(&ReadNode::publisher, rg));
  dp.property("language", boost::get(&ReadNode::language, rg));
  dp.property("label", boost::get(&ReadEdge::label, rg));
  dp.property("relation", boost::get(&ReadEdge::relation, rg));
  dp.property("weight", boost::get(&ReadEdge::weight, rg));
  dp.property("date", boost::get(&ReadEdge::date, rg));
  dp.property("documents", boost::get(&ReadEdge::documents, rg));
  dp.property("sources", boost::get(&ReadEdge::sources, rg));
  std::ifstream in(file, std::ios::binary);
  boost::read_graphml(in, rg, dp);
}

/// `s` with runs of XML whitespace as one space, trimmed: what boost::read_graphml
/// (property_tree's trim_whitespace) makes of a value.
std::string squeezed(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
    } else {
      if (space) {
        out += ' ';
      }
      space = false;
      out += c;
    }
  }
  return out;
}

/// Every edge, through out_edges (boost::edges trips GCC 12's maybe-uninitialized).
std::vector<ReadGraph::edge_descriptor> all_edges(const ReadGraph& rg) {
  std::vector<ReadGraph::edge_descriptor> out;
  for (auto v : boost::make_iterator_range(boost::vertices(rg))) {
    for (auto e : boost::make_iterator_range(boost::out_edges(v, rg))) {
      out.push_back(e);
    }
  }
  return out;
}

std::string joined(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) {
    const std::string f = xml_filtered(p);
    if (f.empty()) {
      continue;
    }
    if (!out.empty()) {
      out += " | ";
    }
    out += f;
  }
  return out;
}

/// The mentionedIn edges GraphML and GEXF write: one per (node, document that mentions it).
std::size_t mention_count(const KnowledgeGraph& kg) {
  std::size_t n = 0;
  for (auto v : boost::make_iterator_range(boost::vertices(kg.graph()))) n += kg.graph()[v].documents.size();
  return n;
}

// ---- Tests -------------------------------------------------------------------

TEST(GraphML, WritesAFileAndReturnsNoError) {
  TempDir dir;
  const fs::path file = dir.path() / "graph.graphml";
  EXPECT_EQ(entente::exporter::write_graphml(sample_graph(), file), "");
  ASSERT_TRUE(fs::exists(file));
  const std::string xml = read_file(file);
  EXPECT_EQ(xml.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", 0), 0u);
  EXPECT_NE(xml.find("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\""), std::string::npos);
  EXPECT_NE(xml.find("<graph id=\"G\" edgedefault=\"directed\">"), std::string::npos);
  // Nothing left beside it.
  EXPECT_EQ(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()), 1);
}

TEST(GraphML, ReadsBackWithBoostReadGraphmlWithEveryKeyDeclared) {
  const KnowledgeGraph kg = sample_graph();
  const auto& g = kg.graph();
  TempDir dir;
  const fs::path file = dir.path() / "graph.graphml";
  ASSERT_EQ(entente::exporter::write_graphml(kg, file), "");

  ReadGraph rg;  // filled in place: copying an adjacency_list trips GCC 12's maybe-uninitialized
  ASSERT_NO_THROW(read_back(file, rg));
  // The entities, then one node per document; the relations, then one
  // mentionedIn edge per (node, document that mentions it).
  std::size_t mentions = 0;
  for (auto v : boost::make_iterator_range(boost::vertices(g))) mentions += g[v].documents.size();
  const std::size_t entities = boost::num_vertices(g);
  ASSERT_EQ(kg.documents().size(), 2u);
  ASSERT_EQ(boost::num_vertices(rg), entities + kg.documents().size());
  ASSERT_EQ(boost::num_edges(rg), boost::num_edges(g) + mentions);
  ASSERT_GE(boost::num_vertices(g), 7u);
  ASSERT_GE(boost::num_edges(g), 10u);

  // Nodes are read in file order, which is sorted_vertices() order.
  const auto vertices = kg.sorted_vertices();
  std::vector<std::size_t> index(boost::num_vertices(g));
  for (std::size_t i = 0; i < vertices.size(); ++i) {
    index[vertices[i]] = i;
    const auto& n = g[vertices[i]];
    const auto& r = rg[i];
    SCOPED_TRACE(n.iri);
    // boost::read_graphml trims and collapses whitespace in values; the exact
    // text is checked in StringsRoundTripExactly.
    EXPECT_EQ(squeezed(r.label), squeezed(xml_filtered(n.label)));
    EXPECT_FALSE(r.label.empty());
    EXPECT_EQ(r.type, entente::extract::to_string(n.type));
    EXPECT_EQ(r.iri, n.iri);
    EXPECT_EQ(r.wikidata, n.qid);
    EXPECT_EQ(r.country, n.country);
    EXPECT_EQ(squeezed(r.alt_labels), squeezed(joined(n.alt_labels)));
    EXPECT_EQ(squeezed(r.roles), squeezed(joined(n.roles)));
    EXPECT_EQ(r.documents, static_cast<int>(n.documents.size()));
    EXPECT_EQ(squeezed(r.kind), squeezed(xml_filtered(n.kind)));
    EXPECT_EQ(r.date, n.date);
  }
  // Document nodes, after the entities, with their metadata.
  const ReadNode& plain = rg[entities];
  EXPECT_EQ(plain.type, "Document");
  EXPECT_EQ(plain.label, "001_accord.txt");  // no title: its name
  EXPECT_EQ(plain.identifier, "001_accord.txt");
  EXPECT_EQ(plain.iri, kg.documents()[0].iri);
  EXPECT_EQ(plain.url, "");
  EXPECT_EQ(plain.date, "");
  const ReadNode& news = rg[entities + 1];
  EXPECT_EQ(news.type, "Document");
  EXPECT_EQ(news.label, "Coopération & \"sécurité\" <Maroc–Belgique>");
  EXPECT_EQ(news.identifier, "002_cooperation.txt");
  EXPECT_EQ(news.iri, kg.documents()[1].iri);
  EXPECT_EQ(news.url, "https://quotidien.example/2024/11/02/cooperation");
  EXPECT_EQ(news.date, "2024-11-02");
  EXPECT_EQ(news.publisher, "Le Quotidien fictif");
  EXPECT_EQ(news.language, "fr");

  // Edges: compare as sorted lists of (source, target, label, relation, weight, documents, date, sources).
  using Row = std::tuple<std::size_t, std::size_t, std::string, std::string, double, int, std::string, std::string>;
  std::vector<Row> expected;
  for (auto e : kg.sorted_edges()) {
    const auto& p = g[e];
    const std::string name(entente::extract::to_string(p.predicate));
    std::string sources;  // the documents' URLs, else their names
    for (const std::uint32_t d : p.documents) {
      const auto& doc = kg.documents()[d];
      sources += (sources.empty() ? "" : " | ") + (doc.url.empty() ? doc.id : doc.url);
    }
    expected.emplace_back(index[boost::source(e, g)], index[boost::target(e, g)], name, name, p.weight,
                          static_cast<int>(p.documents.size()), p.date, sources);
  }
  for (std::size_t i = 0; i < vertices.size(); ++i) {
    for (const std::uint32_t d : g[vertices[i]].documents) {
      const auto& doc = kg.documents()[d];
      expected.emplace_back(i, entities + d, "mentionedIn", "mentionedIn", 1.0, 1, doc.date,
                            doc.url.empty() ? doc.id : doc.url);
    }
  }
  std::vector<Row> read;
  for (auto e : all_edges(rg)) {
    const auto& p = rg[e];
    read.emplace_back(boost::source(e, rg), boost::target(e, rg), p.label, p.relation, p.weight, p.documents,
                      p.date, p.sources);
  }
  std::sort(expected.begin(), expected.end());
  std::sort(read.begin(), read.end());
  EXPECT_EQ(read, expected);

  // The hard names came through, escaped and read back intact.
  std::set<std::string> labels;
  for (auto v : boost::make_iterator_range(boost::vertices(rg))) {
    labels.insert(rg[v].label);
  }
  EXPECT_TRUE(labels.count("Cour <de> cassation & \"Suprême\" 'du' Maroc") == 1);
  EXPECT_TRUE(labels.count("Agence belge de coopération 🤝 Éèàçœ") == 1);
  // Weight 2 for the cooperation both documents report.
  EXPECT_TRUE(std::any_of(read.begin(), read.end(), [](const Row& r) {
    return std::get<2>(r) == "cooperatesWith" && std::get<4>(r) == 2.0 && std::get<5>(r) == 2;
  }));
  // The agreement's date, on the node and on its edges.
  EXPECT_TRUE(std::any_of(read.begin(), read.end(), [](const Row& r) {
    return std::get<2>(r) == "party" && std::get<6>(r) == "2024-10-15";
  }));
}

TEST(GraphML, StringsRoundTripExactly) {
  // Read with property_tree without whitespace trimming: every string value
  // is the graph's, minus what XML 1.0 forbids, byte for byte.
  const KnowledgeGraph kg = sample_graph();
  const auto& g = kg.graph();
  TempDir dir;
  const fs::path file = dir.path() / "graph.graphml";
  ASSERT_EQ(entente::exporter::write_graphml(kg, file), "");
  namespace pt = boost::property_tree;
  pt::ptree doc;
  std::ifstream in(file, std::ios::binary);
  ASSERT_NO_THROW(pt::read_xml(in, doc));
  const auto vertices = kg.sorted_vertices();
  std::size_t i = 0;
  bool saw_cr_lf = false;
  std::vector<std::string> document_labels;
  for (const auto& [tag, node] : doc.get_child("graphml.graph")) {
    if (tag != "node") {
      continue;
    }
    if (node.get<std::string>("<xmlattr>.id").rfind('d', 0) == 0) {  // a document
      for (const auto& [dtag, data] : node) {
        if (dtag == "data" && data.get<std::string>("<xmlattr>.key") == "node_label") {
          document_labels.push_back(data.get_value<std::string>());
        }
      }
      continue;
    }
    ASSERT_LT(i, vertices.size());
    const auto& n = g[vertices[i++]];
    std::map<std::string, std::string> values;
    for (const auto& [dtag, data] : node) {
      if (dtag == "data") {
        values[data.get<std::string>("<xmlattr>.key")] = data.get_value<std::string>();
      }
    }
    SCOPED_TRACE(n.iri);
    EXPECT_EQ(values["node_label"], xml_filtered(n.label));
    EXPECT_EQ(values["node_alt_labels"], joined(n.alt_labels));
    EXPECT_EQ(values["node_roles"], joined(n.roles));
    EXPECT_EQ(values["node_kind"], xml_filtered(n.kind));
    EXPECT_EQ(values["node_iri"], n.iri);
    if (values["node_roles"].find("Justice\r\n") != std::string::npos) {
      saw_cr_lf = true;
    }
  }
  EXPECT_EQ(i, vertices.size());
  EXPECT_EQ(document_labels,
            (std::vector<std::string>{"001_accord.txt", "Coopération & \"sécurité\" <Maroc–Belgique>"}));
  EXPECT_TRUE(saw_cr_lf) << "CR LF in a role should survive as written";
}

TEST(GraphML, HasNoCharacterThatXml10Forbids) {
  TempDir dir;
  const fs::path file = dir.path() / "graph.graphml";
  ASSERT_EQ(entente::exporter::write_graphml(sample_graph(), file), "");
  const std::string xml = read_file(file);
  EXPECT_EQ(forbidden_characters(xml), "");
  EXPECT_EQ(xml.find('\x01'), std::string::npos);
  EXPECT_EQ(xml.find('\x0B'), std::string::npos);
  EXPECT_EQ(xml.find("\xEF\xBF\xBE"), std::string::npos);
  EXPECT_EQ(xml.find("\xED\xA0\x80"), std::string::npos);
  // The checker itself catches what it must.
  EXPECT_NE(forbidden_characters("a\x01"), "");
  EXPECT_NE(forbidden_characters("a\xFF"), "");
  EXPECT_NE(forbidden_characters("a&#1;"), "");
  EXPECT_NE(forbidden_characters("a&#xFFFE;"), "");
  EXPECT_EQ(forbidden_characters("a&#10;&#x1F91D;é\t"), "");
}

TEST(GraphML, KeysAndIdsAreWhatImportersAccept) {
  const KnowledgeGraph kg = sample_graph();
  TempDir dir;
  const fs::path file = dir.path() / "graph.graphml";
  ASSERT_EQ(entente::exporter::write_graphml(kg, file), "");

  namespace pt = boost::property_tree;
  pt::ptree doc;
  std::ifstream in(file, std::ios::binary);
  ASSERT_NO_THROW(pt::read_xml(in, doc));
  const auto attr = [](const pt::ptree& t, const std::string& name) {
    return t.get<std::string>(pt::ptree::path_type("<xmlattr>/" + name, '/'), "");
  };
  const pt::ptree& root = doc.get_child("graphml");
  EXPECT_EQ(attr(root, "xmlns"), "http://graphml.graphdrawing.org/xmlns");

  const std::set<std::string> types{"boolean", "int", "long", "float", "double", "string"};
  std::set<std::string> key_ids, node_keys, edge_keys;
  std::size_t graphs = 0;
  for (const auto& [tag, child] : root) {
    if (tag == "key") {
      SCOPED_TRACE(attr(child, "id"));
      const std::string domain = attr(child, "for");
      EXPECT_TRUE(domain == "node" || domain == "edge") << domain;
      EXPECT_EQ(types.count(attr(child, "attr.type")), 1u) << attr(child, "attr.type");
      EXPECT_FALSE(attr(child, "id").empty());
      EXPECT_TRUE(key_ids.insert(attr(child, "id")).second);
      (domain == "node" ? node_keys : edge_keys).insert(attr(child, "attr.name"));
      if (attr(child, "attr.name") == "weight") {
        EXPECT_EQ(attr(child, "attr.type"), "double");
      }
      if (attr(child, "attr.name") == "documents") {
        EXPECT_EQ(attr(child, "attr.type"), "int");
      }
    } else if (tag == "graph") {
      ++graphs;
    }
  }
  EXPECT_EQ(node_keys, (std::set<std::string>{"label", "type", "iri", "wikidata", "country", "alt_labels",
                                              "roles", "documents", "kind", "date", "identifier", "url",
                                              "publisher", "language"}));
  EXPECT_EQ(edge_keys, (std::set<std::string>{"label", "relation", "weight", "date", "documents", "sources"}));
  ASSERT_EQ(graphs, 1u);

  const pt::ptree& graph = root.get_child("graph");
  EXPECT_EQ(attr(graph, "id"), "G");
  EXPECT_EQ(attr(graph, "edgedefault"), "directed");
  std::set<std::string> node_ids;
  // Ids: a letter that says what it names, then a count from 0 per letter,
  // the letters in this order: nodes n (entities), d (documents); edges e
  // (relations), m (mentionedIn), c (copyOf).
  std::map<char, std::size_t> count;
  std::string order;
  const auto next_id = [&](const std::string& id) {
    if (id.empty()) return false;
    if (order.empty() || order.back() != id[0]) order += id[0];
    return id == id[0] + std::to_string(count[id[0]]++);
  };
  std::size_t nodes = 0, edges = 0;
  for (const auto& [tag, child] : graph) {
    if (tag == "node") {
      const std::string id = attr(child, "id");
      EXPECT_TRUE(next_id(id)) << id;
      node_ids.insert(id);
      ++nodes;
    }
  }
  EXPECT_EQ(order, "nd");
  order.clear();
  for (const auto& [tag, child] : graph) {
    if (tag != "edge") {
      continue;
    }
    EXPECT_TRUE(next_id(attr(child, "id"))) << attr(child, "id");
    EXPECT_EQ(node_ids.count(attr(child, "source")), 1u) << attr(child, "source");
    EXPECT_EQ(node_ids.count(attr(child, "target")), 1u) << attr(child, "target");
    bool has_label = false, has_weight = false;
    for (const auto& [dtag, data] : child) {
      if (dtag != "data") {
        continue;
      }
      const std::string key = attr(data, "key");
      EXPECT_EQ(key_ids.count(key), 1u) << key;
      const std::string value = data.get_value<std::string>();
      if (key == "edge_label") {
        has_label = !value.empty();
      }
      if (key == "edge_weight") {
        double w = -1.0;
        const auto r = std::from_chars(value.data(), value.data() + value.size(), w);
        EXPECT_TRUE(r.ec == std::errc() && r.ptr == value.data() + value.size()) << value;
        EXPECT_GT(w, 0.0);
        has_weight = true;
      }
    }
    EXPECT_TRUE(has_label);
    EXPECT_TRUE(has_weight);
    ++edges;
  }
  EXPECT_EQ(order, "em");  // no copies here
  std::size_t mentions = 0;
  for (auto v : boost::make_iterator_range(boost::vertices(kg.graph()))) mentions += kg.graph()[v].documents.size();
  EXPECT_EQ(nodes, boost::num_vertices(kg.graph()) + kg.documents().size());
  EXPECT_EQ(edges, boost::num_edges(kg.graph()) + mentions);
  for (const auto& [tag, child] : graph) {
    if (tag != "node") {
      continue;
    }
    bool has_label = false;
    for (const auto& [dtag, data] : child) {
      if (dtag == "data" && attr(data, "key") == "node_label") {
        has_label = !data.get_value<std::string>().empty();
      }
    }
    EXPECT_TRUE(has_label) << attr(child, "id");
  }
}

TEST(GraphML, IdenticalGraphsGiveByteIdenticalFiles) {
  TempDir dir;
  const KnowledgeGraph kg = sample_graph();
  ASSERT_EQ(entente::exporter::write_graphml(kg, dir.path() / "a.graphml"), "");
  ASSERT_EQ(entente::exporter::write_graphml(kg, dir.path() / "b.graphml"), "");
  ASSERT_EQ(entente::exporter::write_graphml(sample_graph(), dir.path() / "c.graphml"), "");
  const std::string a = read_file(dir.path() / "a.graphml");
  EXPECT_FALSE(a.empty());
  EXPECT_EQ(a, read_file(dir.path() / "b.graphml"));
  EXPECT_EQ(a, read_file(dir.path() / "c.graphml"));
}

/// Comma decimals and dot thousands, as in de_DE.
struct CommaDecimals : std::numpunct<char> {
  char do_decimal_point() const override { return ','; }
  char do_thousands_sep() const override { return '.'; }
  std::string do_grouping() const override { return "\3"; }
  std::string do_truename() const override { return "wahr"; }
  std::string do_falsename() const override { return "falsch"; }
};

/// A locale that writes comma decimals and dot thousands, and the name of the
/// C locale to set with it (empty when none of the named ones is installed).
struct CommaLocale {
  std::locale cxx;
  std::string c_name;
};

CommaLocale comma_locale() {
  for (const char* name : {"de_DE.UTF-8", "de_DE.utf8", "fr_FR.UTF-8", "fr_FR.utf8", "de_DE", "fr_FR"}) {
    try {
      // The named locale, with grouping forced on (fr_FR groups with a space);
      // made before the facet, which the locale owns only once constructed.
      const std::locale named(name);
      return {std::locale(named, new CommaDecimals), name};
    } catch (const std::runtime_error&) {
    }
  }
  return {std::locale(std::locale::classic(), new CommaDecimals), {}};
}

/// Sets the global C++ locale and, when named, the C locale; restores both.
class GlobalLocale {
 public:
  explicit GlobalLocale(const CommaLocale& loc) : previous_(std::locale::global(loc.cxx)) {
    if (!loc.c_name.empty()) {
      std::setlocale(LC_ALL, loc.c_name.c_str());
    }
  }
  ~GlobalLocale() {
    std::locale::global(previous_);
    std::setlocale(LC_ALL, "C");
  }
  GlobalLocale(const GlobalLocale&) = delete;
  GlobalLocale& operator=(const GlobalLocale&) = delete;

 private:
  std::locale previous_;
};

TEST(GraphML, NumbersIgnoreTheGlobalLocale) {
  // 1234 documents report one cooperation: weight 1234, written "1234".
  KnowledgeGraph kg(kBase);
  for (int i = 0; i < 1234; ++i) {
    kg.add(cooperation_document("doc-" + std::to_string(i) + ".txt"));
  }
  TempDir dir;
  const fs::path file = dir.path() / "graph.graphml";
  {
    GlobalLocale guard(comma_locale());
    std::ostringstream probe;
    probe << 1234.0 << ' ' << 0.5;
    ASSERT_EQ(probe.str(), "1.234 0,5") << "the test locale is not in force";
    ASSERT_EQ(entente::exporter::write_graphml(kg, file), "");
  }
  const std::string xml = read_file(file);
  EXPECT_NE(xml.find("<data key=\"edge_weight\">1234</data>"), std::string::npos);
  EXPECT_NE(xml.find("<data key=\"edge_documents\">1234</data>"), std::string::npos);
  EXPECT_NE(xml.find("<data key=\"node_documents\">1234</data>"), std::string::npos);
  EXPECT_EQ(xml.find("1.234"), std::string::npos);
  EXPECT_EQ(xml.find("1,234"), std::string::npos);
  // And it reads back under the classic locale.
  ReadGraph rg;
  ASSERT_NO_THROW(read_back(file, rg));
  std::vector<ReadGraph::edge_descriptor> relations;
  for (const auto e : all_edges(rg)) {
    if (rg[e].relation != "mentionedIn") relations.push_back(e);
  }
  ASSERT_EQ(relations.size(), 1u);
  EXPECT_EQ(rg[relations.front()].weight, 1234.0);
}

TEST(GraphML, UnwritablePathGivesAnErrorAndNoFile) {
  TempDir dir;
  const KnowledgeGraph kg = sample_graph();

  // A directory that does not exist.
  const fs::path missing = dir.path() / "no-such-dir" / "graph.graphml";
  const std::string error = entente::exporter::write_graphml(kg, missing);
  EXPECT_NE(error, "");
  EXPECT_NE(error.find(missing.string()), std::string::npos) << error;
  EXPECT_FALSE(fs::exists(missing));
  EXPECT_FALSE(fs::exists(missing.parent_path()));

  // A target that is a directory: the rename fails, the temporary file goes.
  const fs::path occupied = dir.path() / "occupied.graphml";
  fs::create_directory(occupied);
  const std::string error2 = entente::exporter::write_graphml(kg, occupied);
  EXPECT_NE(error2, "");
  EXPECT_NE(error2.find(occupied.string()), std::string::npos) << error2;
  EXPECT_TRUE(fs::is_directory(occupied));
  EXPECT_TRUE(fs::is_empty(occupied));
  EXPECT_EQ(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()), 1)
      << "a temporary file was left behind";
}

TEST(GraphML, NetworkxReadsIt) {
  const KnowledgeGraph kg = sample_graph();
  TempDir dir;
  const fs::path file = dir.path() / "graph.graphml";
  ASSERT_EQ(entente::exporter::write_graphml(kg, file), "");
  const std::string command = std::string("'") + ENTENTE_PYTHON + "' '" + ENTENTE_SOURCE_DIR +
                              "/tests/graphml_check.py' '" + file.string() + "' " +
                              std::to_string(boost::num_vertices(kg.graph()) + kg.documents().size()) + " " +
                              std::to_string(boost::num_edges(kg.graph()) + mention_count(kg));
  EXPECT_EQ(std::system(command.c_str()), 0) << command;
}

}  // namespace
