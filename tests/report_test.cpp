// report.html (export/src/report.cpp, exporter::write_report) from a
// hand-made graph whose names carry markup, quotes, a control character,
// emoji and invalid UTF-8: escaped text in the tables and in the graph's JSON
// (no text of the corpus can end a script), the agreements and
// most-connected tables, the network view's data (nodes, edges, positions,
// places without edges hidden, the sentences of edges), sigma.js and
// graphology written into the page with their licences, the same bytes every
// time, and a file that appears whole or not at all. Also the ForceAtlas2
// layout behind the positions (export/src/layout.hpp).
//
// The page in a browser: tests/report_e2e_test.cpp.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "../export/src/layout.hpp"
#include "../export/src/report_data.hpp"
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
using nlohmann::json;
namespace ex = entente::exporter;

constexpr std::string_view kSentence =
    "Le Maroc et la Belgique ont signé un mémorandum d'entente le 15 octobre 2024.";

Document sample_document() {
  Document d = with_text("001_<accord>.txt", std::string(kSentence));
  d.entities.push_back(entity(EntityType::Country, "Maroc", "MA", "", "Q1028"));   // 0
  d.entities.push_back(entity(EntityType::Country, "Belgique", "BE", "", "Q31"));  // 1
  d.entities.push_back(entity(EntityType::Person, "El Hassan Daki", "", "MA"));    // 2
  d.entities.push_back(entity(EntityType::Institution,                             // 3
                              "Cour <script>alert(1)</script> & \"Suprême\" 'du' Maroc", "", "MA"));
  d.entities.push_back(entity(EntityType::Institution,  // 4
                              "Agence\x01 belge \xFF de coopération 🤝", "", "BE"));
  Entity mou = entity(EntityType::Agreement, "Mémorandum « Maroc–Belgique »");  // 5
  mou.kind = "mémorandum d'entente";
  mou.date = "2024-10-15";
  d.entities.push_back(mou);
  d.entities.push_back(entity(EntityType::Person, "Annelies Verlinden", "", "BE"));  // 6
  d.entities.push_back(entity(EntityType::Place, "Tanger"));                         // 7: no edge
  relate(d, Predicate::memberOf, 2, 3);
  relate(d, Predicate::country, 2, 0);
  relate(d, Predicate::country, 3, 0);
  relate(d, Predicate::country, 4, 1);
  relate(d, Predicate::cooperatesWith, 0, 1);
  relate(d, Predicate::party, 5, 0);
  relate(d, Predicate::party, 5, 1);
  relate(d, Predicate::signatory, 5, 2);
  relate(d, Predicate::participant, 5, 6);
  relate(d, Predicate::memberOf, 6, 4);
  return d;
}

KnowledgeGraph sample_graph() {
  KnowledgeGraph kg("https://w3id.org/entente/id/");
  kg.add(sample_document());
  kg.finish();
  return kg;
}

/// The sample graph with the sentences of its edges kept, as `entente build --report` keeps them.
struct WithSentences {
  KnowledgeGraph kg{"https://w3id.org/entente/id/"};
  ex::ReportSentences sentences;
  WithSentences() {
    const Document d = sample_document();
    sentences.add(ex::EvidenceWriter::draft(d), kg.add(d));
    kg.finish();
  }
};

/// The text between `open` (included) and the next `close`; "" when absent.
std::string section(const std::string& html, std::string_view open, std::string_view close) {
  const std::size_t at = html.find(open);
  if (at == std::string::npos) return {};
  return html.substr(at, html.find(close, at) - at);
}

std::size_t occurrences(const std::string& text, std::string_view what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

/// The graph's JSON inside the page (<script type="application/json" id="entente-data">).
json page_data(const std::string& html) {
  constexpr std::string_view kOpen = "<script type=\"application/json\" id=\"entente-data\">";
  const std::size_t at = html.find(kOpen);
  if (at == std::string::npos) return json();
  const std::size_t begin = at + kOpen.size();
  return json::parse(html.substr(begin, html.find("</script>", begin) - begin), nullptr, false);
}

std::string write_page(const KnowledgeGraph& kg, const ex::ReportSentences* sentences = nullptr) {
  const TempDir dir("entente-report");
  const fs::path file = dir.path() / "report.html";
  const std::string err = ex::write_report(kg, file, sentences);
  EXPECT_EQ(err, "");
  return err.empty() ? read_file(file) : std::string();
}

/// The node of `data` labelled `label`, or null.
json node_labelled(const json& data, std::string_view label) {
  for (const json& n : data["nodes"]) {
    if (n.value("l", "") == label) return n;
  }
  return json();
}

// ---- The tables ----------------------------------------------------------------

TEST(Report, EscapesTextFromTheCorpus) {
  const std::string html = write_page(sample_graph());
  EXPECT_NE(
      html.find("Cour &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Suprême&quot; &#39;du&#39; Maroc"),
      std::string::npos);
  EXPECT_NE(html.find("001_&lt;accord&gt;.txt"), std::string::npos);
  EXPECT_NE(html.find("Agence belge  de coopération 🤝"), std::string::npos)
      << "control and ill-formed bytes dropped";
  EXPECT_EQ(html.find('\x01'), std::string::npos);
  EXPECT_EQ(html.find('\xFF'), std::string::npos);
  EXPECT_EQ(html.find("<script>alert"), std::string::npos);
  EXPECT_EQ(html.find("001_<accord>"), std::string::npos);
  // In the JSON, markup characters are \u escapes: nothing of the corpus can end its script.
  EXPECT_NE(html.find("Cour \\u003cscript\\u003ealert(1)\\u003c/script\\u003e \\u0026 \\\"Suprême\\\""),
            std::string::npos);
  EXPECT_EQ(occurrences(html, "<script>") + occurrences(html, "<script type="), 4u)
      << "the data, graphology, sigma.js and the view's own script";
  EXPECT_EQ(occurrences(html, "</script"), 4u) << "each script ends once, at its end";
  EXPECT_EQ(html.find("<!--"), std::string::npos);
  EXPECT_EQ(html.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0), 0u);
  EXPECT_NE(html.find("<meta charset=\"utf-8\">"), std::string::npos);
  EXPECT_NE(html.find("</html>\n"), std::string::npos);
}

TEST(Report, ListsAgreementsAndTheMostConnected) {
  const std::string html = write_page(sample_graph());

  const std::string agreements = section(html, "<table class=\"agreements\">", "</table>");
  ASSERT_FALSE(agreements.empty());
  EXPECT_NE(agreements.find("Mémorandum « Maroc–Belgique »"), std::string::npos);
  EXPECT_NE(agreements.find("2024-10-15"), std::string::npos);
  EXPECT_NE(agreements.find(">Maroc</a>"), std::string::npos) << "a party, linked to Wikidata";
  EXPECT_NE(agreements.find("https://www.wikidata.org/wiki/Q31"), std::string::npos);
  EXPECT_NE(agreements.find("El Hassan Daki"), std::string::npos) << "the signatory";
  EXPECT_NE(agreements.find("Annelies Verlinden"), std::string::npos) << "the participant";

  // Degree 4 each: Belgique (country of the agency and, through it, of
  // Verlinden; cooperatesWith; party), Maroc (country of Daki and the court;
  // cooperatesWith; party) and the agreement (two parties, a signatory, a
  // participant). Ties go by name. Tanger has no edge and is not listed.
  const std::string connected = section(html, "<table class=\"connected\">", "</table>");
  ASSERT_FALSE(connected.empty());
  const std::size_t belgique = connected.find(">Belgique</a></td><td>Country</td><td class=\"n\">4</td>");
  const std::size_t maroc = connected.find(">Maroc</a></td><td>Country</td><td class=\"n\">4</td>");
  const std::size_t mou =
      connected.find(">Mémorandum « Maroc–Belgique »</span></td><td>Agreement</td><td class=\"n\">4</td>");
  ASSERT_NE(belgique, std::string::npos) << connected;
  ASSERT_NE(maroc, std::string::npos) << connected;
  ASSERT_NE(mou, std::string::npos) << connected;
  EXPECT_LT(belgique, maroc);
  EXPECT_LT(maroc, mou);
  EXPECT_EQ(connected.find("Tanger"), std::string::npos);

  const std::string counts = section(html, "<section id=\"counts\">", "</section>");
  EXPECT_NE(counts.find("<b>8</b><span>nodes (entities)</span>"), std::string::npos) << counts;
  EXPECT_NE(counts.find("<b>11</b><span>edges (relations)</span>"), std::string::npos)
      << counts << "(10 relations and Verlinden's country, through the agency)";
}

// ---- The network view ------------------------------------------------------------

TEST(Report, NetworkDataHoldsEveryNodeAndEdge) {
  const std::string html = write_page(sample_graph());
  EXPECT_NE(html.find("<div id=\"view\""), std::string::npos);
  EXPECT_NE(html.find("<div id=\"timeline\""), std::string::npos);
  const json data = page_data(html);
  ASSERT_TRUE(data.is_object()) << "no readable graph data in the page";
  EXPECT_EQ(data["version"], 1);
  EXPECT_EQ(data["base"], "https://w3id.org/entente/id/");
  ASSERT_EQ(data["types"].size(), 5u);
  EXPECT_EQ(data["types"][0], (json{{"name", "Country"}, {"color", "#59a14f"}}));
  EXPECT_EQ(data["relations"],
            (json{"party", "signatory", "participant", "memberOf", "country", "cooperatesWith"}));
  ASSERT_EQ(data["documents"].size(), 1u);
  EXPECT_EQ(data["documents"][0]["id"], "001_<accord>.txt");

  const json& nodes = data["nodes"];
  const json& edges = data["edges"];
  ASSERT_EQ(nodes.size(), 8u);
  ASSERT_EQ(edges.size(), 11u);
  std::set<std::pair<long long, long long>> places;
  for (const json& n : nodes) {
    ASSERT_TRUE(n["x"].is_number_integer() && n["y"].is_number_integer()) << n.dump();
    EXPECT_GE(n["x"].get<long long>(), 0);
    EXPECT_LE(n["x"].get<long long>(), 10000);
    EXPECT_GE(n["y"].get<long long>(), 0);
    EXPECT_LE(n["y"].get<long long>(), 10000);
    places.insert({n["x"].get<long long>(), n["y"].get<long long>()});
    EXPECT_EQ(n["d"], json::array({0})) << n.dump();
    EXPECT_EQ(n.contains("h"), n["l"] == "Tanger") << "only the place without edges is hidden: " << n.dump();
  }
  EXPECT_EQ(places.size(), nodes.size()) << "every node has a place of its own";

  const json maroc = node_labelled(data, "Maroc");
  EXPECT_EQ(maroc["q"], "Q1028");
  EXPECT_EQ(maroc["c"], "MA");
  EXPECT_EQ(maroc["t"], 0);
  EXPECT_EQ(maroc["i"], "country/ma");
  const json daki = node_labelled(data, "El Hassan Daki");
  EXPECT_EQ(daki["c"], "MA");
  EXPECT_EQ(daki["t"], 2);
  const json mou = node_labelled(data, "Mémorandum « Maroc–Belgique »");
  EXPECT_EQ(mou["k"], "mémorandum d'entente");
  EXPECT_EQ(mou["date"], "2024-10-15");
  EXPECT_FALSE(node_labelled(data, "Agence belge  de coopération 🤝").is_null());

  std::size_t parties = 0;
  for (const json& e : edges) {
    ASSERT_LT(e["s"].get<std::size_t>(), nodes.size());
    ASSERT_LT(e["o"].get<std::size_t>(), nodes.size());
    EXPECT_EQ(e["w"], 1);
    EXPECT_EQ(e["d"], json::array({0}));
    EXPECT_FALSE(e.contains("e")) << "no sentences were given";
    if (data["relations"][e["p"].get<std::size_t>()] == "party") {
      ++parties;
      EXPECT_EQ(nodes[e["s"].get<std::size_t>()]["l"], "Mémorandum « Maroc–Belgique »");
      EXPECT_EQ(e["date"], "2024-10-15") << "a party edge carries its agreement's date";
    }
  }
  EXPECT_EQ(parties, 2u);
  EXPECT_EQ(data["evidence"], false);
  EXPECT_EQ(data["sentences"], json::array());
}

TEST(Report, EdgesCarryTheSentencesTheyWereReadFrom) {
  const WithSentences sample;
  ASSERT_EQ(sample.sentences.size(), 1u) << "the document's one sentence, kept once";
  const json data = page_data(write_page(sample.kg, &sample.sentences));
  ASSERT_TRUE(data.is_object());
  EXPECT_EQ(data["evidence"], true);
  EXPECT_EQ(data["perEdge"], ex::kReportSentencesPerEdge);
  EXPECT_EQ(data["sentences"], json::array({std::string(kSentence)}));
  for (const json& e : data["edges"]) {
    EXPECT_EQ(e["e"], json::array({json::array({0, 0})})) << "sentence 0 of document 0: " << e.dump();
    EXPECT_FALSE(e.contains("n"));
  }
}

TEST(Report, CopiesAndDroppedRelationsAddNoSentence) {
  KnowledgeGraph kg("https://w3id.org/entente/id/");
  ex::ReportSentences sentences;
  const Document d = sample_document();
  sentences.add(ex::EvidenceWriter::draft(d), kg.add(d));
  // A copy of an earlier document (KnowledgeGraph::add says so) adds nothing.
  Document copy = sample_document();
  copy.id = "002_copy.txt";
  entente::graph::AddedDocument as_copy;
  as_copy.index = 1;
  as_copy.copy = true;
  sentences.add(ex::EvidenceWriter::draft(copy), as_copy);
  EXPECT_EQ(sentences.size(), 1u);

  Document unrelated = with_text("003.txt", "Il pleut sur Tanger.");
  unrelated.entities.push_back(entity(EntityType::Place, "Tanger"));
  sentences.add(ex::EvidenceWriter::draft(unrelated), kg.add(unrelated));
  EXPECT_EQ(sentences.size(), 1u) << "a sentence behind no relation is not kept";
}

TEST(Report, LibrariesAreWrittenIntoThePage) {
  const std::string html = write_page(sample_graph());
  // Nothing is fetched when the page is viewed.
  EXPECT_EQ(html.find("<script src"), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_EQ(html.find("@import"), std::string::npos);
  // graphology and sigma.js, each after its licence.
  const std::size_t graphology_licence = html.find("/*! graphology");
  const std::size_t sigma_licence = html.find("/*! sigma.js");
  ASSERT_NE(graphology_licence, std::string::npos);
  ASSERT_NE(sigma_licence, std::string::npos);
  EXPECT_NE(html.find("Permission is hereby granted, free of charge", graphology_licence), std::string::npos);
  EXPECT_NE(html.find("Alexis Jacomy", sigma_licence), std::string::npos);
  EXPECT_NE(html.find(".Sigma=", sigma_licence), std::string::npos) << "sigma.js's UMD bundle";
  EXPECT_NE(html.find("window.ententeReport"), std::string::npos) << "report/report.js";
  EXPECT_NE(html.find(".view {"), std::string::npos) << "report/report.css";
  EXPECT_NE(html.find(".t-Country { background: #59a14f; }"), std::string::npos);
}

TEST(Report, SameBytesEveryTimeAndNoTemporaryFileLeft) {
  const TempDir dir("entente-report");
  const WithSentences sample;
  ASSERT_EQ(ex::write_report(sample.kg, dir.path() / "a.html", &sample.sentences), "");
  ASSERT_EQ(ex::write_report(sample.kg, dir.path() / "b.html", &sample.sentences), "");
  EXPECT_EQ(read_file(dir.path() / "a.html"), read_file(dir.path() / "b.html"));
  EXPECT_EQ(read_file(dir.path() / "a.html"), read_file(dir.path() / "a.html"));
  std::size_t files = 0;
  for (const auto& entry : fs::directory_iterator(dir.path())) {
    (void)entry;
    ++files;
  }
  EXPECT_EQ(files, 2u);
}

TEST(Report, AnUnwritableFileIsAnErrorNamingIt) {
  const TempDir dir("entente-report");
  const fs::path file = dir.path() / "missing" / "report.html";
  const std::string err = ex::write_report(sample_graph(), file);
  EXPECT_NE(err.find("report.html"), std::string::npos) << err;
  EXPECT_FALSE(fs::exists(file));
}

TEST(ReportJson, StringsAreSafeInsideAScript) {
  std::string out;
  ex::append_json_string(out, "a</script><!--b & \"c\"\\\n\t\x01\xFF\u2028d\u202Ee\u2066f");
  EXPECT_EQ(out,
            "\"a\\u003c/script\\u003e\\u003c!--b \\u0026 \\\"c\\\"\\\\\\n\\t"
            "\\u2028d\\u202ee\\u2066f\"");
  const json back = json::parse(out);
  EXPECT_EQ(back.get<std::string>(), "a</script><!--b & \"c\"\\\n\t\u2028d\u202Ee\u2066f")
      << "the same text, less what XML forbids";
}

// ---- ForceAtlas2 -----------------------------------------------------------------

/// Two cliques of `size` nodes (0..size-1 and size..2*size-1) joined by one edge.
std::vector<ex::LayoutEdge> two_cliques(std::uint32_t size) {
  std::vector<ex::LayoutEdge> edges;
  for (std::uint32_t base : {0U, size}) {
    for (std::uint32_t a = 0; a < size; ++a) {
      for (std::uint32_t b = a + 1; b < size; ++b) edges.push_back({base + a, base + b, 1.0});
    }
  }
  edges.push_back({0, size, 1.0});
  return edges;
}

double distance(const ex::Point& a, const ex::Point& b) { return std::hypot(a.x - b.x, a.y - b.y); }

/// How many nodes of each half of `p` stand nearer the centre of the other half than their own's.
std::size_t misplaced(const std::vector<ex::Point>& p) {
  const std::size_t half = p.size() / 2;
  ex::Point c[2];
  for (std::size_t i = 0; i < p.size(); ++i) {
    c[i < half ? 0 : 1].x += p[i].x / static_cast<double>(half);
    c[i < half ? 0 : 1].y += p[i].y / static_cast<double>(half);
  }
  std::size_t wrong = 0;
  for (std::size_t i = 0; i < p.size(); ++i) {
    const std::size_t own = i < half ? 0 : 1;
    if (distance(p[i], c[own]) >= distance(p[i], c[1 - own])) ++wrong;
  }
  return wrong;
}

TEST(Layout, SeparatesClustersTheSameWayEveryTime) {
  const std::vector<ex::LayoutEdge> edges = two_cliques(8);
  const std::vector<ex::Point> p = ex::force_atlas2(16, edges);
  ASSERT_EQ(p.size(), 16u);
  for (const ex::Point& q : p) ASSERT_TRUE(std::isfinite(q.x) && std::isfinite(q.y));
  EXPECT_EQ(misplaced(p), 0u) << "each clique together, the two apart";
  const std::vector<ex::Point> again = ex::force_atlas2(16, edges);
  for (std::size_t i = 0; i < p.size(); ++i) {
    EXPECT_EQ(p[i].x, again[i].x);
    EXPECT_EQ(p[i].y, again[i].y);
  }
  double cx = 0, cy = 0;
  for (const ex::Point& q : p) {
    cx += q.x;
    cy += q.y;
  }
  EXPECT_NEAR(cx / 16, 0.0, 1e-6) << "centred on the origin";
  EXPECT_NEAR(cy / 16, 0.0, 1e-6);
}

TEST(Layout, LargeGraphsUseTheQuadtreeAndStillSeparateClusters) {
  // Above 400 nodes repulsion goes through the Barnes-Hut quadtree.
  const std::vector<ex::LayoutEdge> edges = two_cliques(300);
  const std::vector<ex::Point> p = ex::force_atlas2(600, edges);
  for (const ex::Point& q : p) ASSERT_TRUE(std::isfinite(q.x) && std::isfinite(q.y));
  EXPECT_EQ(misplaced(p), 0u);
  const std::vector<ex::Point> again = ex::force_atlas2(600, edges);
  for (std::size_t i = 0; i < p.size(); ++i) ASSERT_EQ(p[i].x, again[i].x) << i;
}

TEST(Layout, EmptyAndSingleGraphs) {
  EXPECT_TRUE(ex::force_atlas2(0, {}).empty());
  const std::vector<ex::Point> one = ex::force_atlas2(1, {});
  ASSERT_EQ(one.size(), 1u);
  EXPECT_EQ(one[0].x, 0.0);
  EXPECT_EQ(one[0].y, 0.0);
  // Nodes without edges only repel: all apart, none lost to infinity.
  const std::vector<ex::Point> loose = ex::force_atlas2(5, {});
  for (std::size_t a = 0; a < loose.size(); ++a) {
    ASSERT_TRUE(std::isfinite(loose[a].x) && std::isfinite(loose[a].y));
    for (std::size_t b = a + 1; b < loose.size(); ++b) EXPECT_GT(distance(loose[a], loose[b]), 1e-3);
  }
}

TEST(Layout, FewerIterationsAsGraphsGrow) {
  EXPECT_GE(ex::iterations_for(100), ex::iterations_for(1000));
  EXPECT_GE(ex::iterations_for(1000), ex::iterations_for(5000));
  EXPECT_GE(ex::iterations_for(5000), ex::iterations_for(50000));
  EXPECT_GT(ex::iterations_for(50000), 0u);
}

}  // namespace
