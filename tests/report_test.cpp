// report.html (export/src/report.cpp, exporter::write_report) from a
// hand-made graph whose names carry markup, quotes, a control character,
// emoji and invalid UTF-8: escaped text, the agreements and most-connected
// tables, the drawing (or the note that replaces it without Graphviz), the
// same bytes every time, and a file that appears whole or not at all.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>

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
namespace ex = entente::exporter;

KnowledgeGraph sample_graph() {
  Document d = with_text("001_<accord>.txt",
                         "Le Maroc et la Belgique ont signé un mémorandum d'entente le 15 octobre 2024.");
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
  KnowledgeGraph kg("https://w3id.org/entente/id/");
  kg.add(d);
  kg.finish();
  return kg;
}

/// The text between `open` (included) and the next `close`; "" when absent.
std::string section(const std::string& html, std::string_view open, std::string_view close) {
  const std::size_t at = html.find(open);
  if (at == std::string::npos) return {};
  return html.substr(at, html.find(close, at) - at);
}

/// Sets PATH for the life of the object.
class PathSetting {
 public:
  explicit PathSetting(const std::string& path) {
    if (const char* old = std::getenv("PATH")) old_ = old;
    ::setenv("PATH", path.c_str(), 1);
  }
  ~PathSetting() { ::setenv("PATH", old_.c_str(), 1); }
  PathSetting(const PathSetting&) = delete;
  PathSetting& operator=(const PathSetting&) = delete;

 private:
  std::string old_;
};

TEST(Report, EscapesTextFromTheCorpus) {
  const TempDir dir("entente-report");
  const fs::path file = dir.path() / "report.html";
  ASSERT_EQ(ex::write_report(sample_graph(), file), "");
  const std::string html = read_file(file);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_NE(
      html.find("Cour &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Suprême&quot; &#39;du&#39; Maroc"),
      std::string::npos);
  EXPECT_NE(html.find("001_&lt;accord&gt;.txt"), std::string::npos);
  EXPECT_NE(html.find("Agence belge  de coopération 🤝"), std::string::npos)
      << "control and ill-formed bytes dropped";
  EXPECT_EQ(html.find('\x01'), std::string::npos);
  EXPECT_EQ(html.find('\xFF'), std::string::npos);
  EXPECT_EQ(html.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0), 0u);
  EXPECT_NE(html.find("<meta charset=\"utf-8\">"), std::string::npos);
  EXPECT_NE(html.find("</html>\n"), std::string::npos);
}

TEST(Report, ListsAgreementsAndTheMostConnected) {
  const TempDir dir("entente-report");
  const fs::path file = dir.path() / "report.html";
  ASSERT_EQ(ex::write_report(sample_graph(), file), "");
  const std::string html = read_file(file);

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
  // participant). Ties go by name.
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

  const std::string counts = section(html, "<section id=\"counts\">", "</section>");
  EXPECT_NE(counts.find("<b>7</b><span>nodes (entities)</span>"), std::string::npos) << counts;
  EXPECT_NE(counts.find("<b>11</b><span>edges (relations)</span>"), std::string::npos)
      << counts << "(10 relations and Verlinden's country, through the agency)";
}

TEST(Report, DrawsTheGraphWithGraphviz) {
  if (std::string(ENTENTE_DOT).empty()) GTEST_SKIP() << "Graphviz's dot is not installed";
  const TempDir dir("entente-report");
  const fs::path file = dir.path() / "report.html";
  ASSERT_EQ(ex::write_report(sample_graph(), file), "");
  const std::string html = read_file(file);
  const std::string drawing = section(html, "<section id=\"drawing\">", "</section>");
  EXPECT_NE(drawing.find("<svg"), std::string::npos) << drawing;
  EXPECT_NE(drawing.find("</svg>"), std::string::npos);
  EXPECT_EQ(drawing.find("<?xml"), std::string::npos) << "the XML prolog stays out of HTML";
  EXPECT_EQ(drawing.find("<!DOCTYPE"), std::string::npos);
  EXPECT_NE(drawing.find("Belgique"), std::string::npos) << "node labels are drawn";
  EXPECT_EQ(drawing.find("class=\"note\""), std::string::npos);
}

TEST(Report, WithoutGraphvizTheNoteReplacesTheDrawing) {
  const TempDir dir("entente-report");
  fs::create_directories(dir.path() / "empty");
  const fs::path file = dir.path() / "report.html";
  {
    const PathSetting no_dot((dir.path() / "empty").string());
    ASSERT_EQ(ex::write_report(sample_graph(), file), "");
  }
  const std::string html = read_file(file);
  EXPECT_EQ(html.find("<svg"), std::string::npos);
  EXPECT_NE(html.find("<code>dot</code> program was not found"), std::string::npos);
  EXPECT_NE(html.find("<table class=\"agreements\">"), std::string::npos) << "the rest of the page is there";
}

TEST(Report, SameBytesEveryTimeAndNoTemporaryFileLeft) {
  const TempDir dir("entente-report");
  ASSERT_EQ(ex::write_report(sample_graph(), dir.path() / "a.html"), "");
  ASSERT_EQ(ex::write_report(sample_graph(), dir.path() / "b.html"), "");
  EXPECT_EQ(read_file(dir.path() / "a.html"), read_file(dir.path() / "b.html"));
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

}  // namespace
