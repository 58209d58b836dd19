// End-to-end: `entente build` on the inputs users have (tests/fixtures/ingest,
// fictional articles written for the project): the same two articles as
// plain text, JSON Lines, CSV, an HTML page, a WARC.gz and a zip give the
// same entities and relations; document nodes carry their metadata in every
// output; the summary counts what was skipped. The archives are made with
// python3's standard library at run time.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "command_support.hpp"

namespace {

namespace fs = std::filesystem;

const fs::path kBinary = ENTENTE_BINARY;
const fs::path kFixtures = fs::path(ENTENTE_SOURCE_DIR) / "tests" / "fixtures" / "ingest";
const std::string kPython = ENTENTE_PYTHON;
const std::string kUrlSn = "https://courrier-dakar.example/2025/03/12/senegal-gambie-accord-police";
const std::string kUrlTn = "https://maghreb-soir.example/migration/tunisie-malte-plan-action";
const std::string kDcterms = "http://purl.org/dc/terms/";

using entente::testing::read_file;
using entente::testing::sh;
using entente::testing::shell_quoted;
using entente::testing::ToolRun;

class TempDir : public entente::testing::TempDir {
 public:
  TempDir() : entente::testing::TempDir("entente-ingest-e2e") {}
};

std::string q(const fs::path& p) { return shell_quoted(p.string()); }

ToolRun entente(const std::string& args, const fs::path& dir) { return sh(q(kBinary) + " " + args, dir); }

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t eol = text.find('\n', at);
    if (eol == std::string::npos) eol = text.size();
    if (eol > at) out.push_back(text.substr(at, eol - at));
    at = eol + 1;
  }
  return out;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

/// What a graph says of the world, without its documents: every N-Triples
/// statement that names no document, outlet or language (entities, their
/// names and types, relations, agreements with their dates).
std::set<std::string> facts(const fs::path& nt) {
  std::set<std::string> out;
  for (const std::string& line : lines_of(read_file(nt))) {
    if (contains(line, "/id/doc/") || contains(line, "/id/publisher/") || contains(line, "iso639-1")) continue;
    out.insert(line);
  }
  return out;
}

/// The statements of one document IRI.
std::vector<std::string> about(const fs::path& nt, const std::string& subject) {
  std::vector<std::string> out;
  for (const std::string& line : lines_of(read_file(nt)))
    if (line.starts_with(subject + " ")) out.push_back(line);
  return out;
}

/// The IRIs of the documents of a graph (subjects of rdf:type coop:Document).
std::vector<std::string> documents(const fs::path& nt) {
  std::vector<std::string> out;
  for (const std::string& line : lines_of(read_file(nt)))
    if (contains(line, "> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/entente/coop#Document>"))
      out.push_back(line.substr(0, line.find(' ')));
  return out;
}

/// Builds `inputs` (already quoted) into dir/name as N-Triples; the run.
ToolRun build(const std::string& inputs, const fs::path& dir, const std::string& name,
              const std::string& more = "") {
  return entente("build " + inputs + " -o " + q(dir / name) + " -f nt --no-evidence " + more, dir);
}

/// Makes dir/crawl.warc.gz, dir/mixed.zip (the page, the JSON Lines file and
/// the second article as text, in folders) with python3's gzip and zipfile.
void make_archives(const fs::path& dir) {
  const std::string script =
      "import gzip, shutil, sys, zipfile\n"
      "src, out = sys.argv[1], sys.argv[2]\n"
      "with open(src + '/crawl.warc', 'rb') as f, gzip.GzipFile(out + '/crawl.warc.gz', 'wb', mtime=0) as g:\n"
      "    shutil.copyfileobj(f, g)\n"
      "with zipfile.ZipFile(out + '/mixed.zip', 'w', zipfile.ZIP_DEFLATED) as z:\n"
      "    z.write(src + '/senegal-gambie.html', 'pages/Senegal-Gambie.HTML')\n"
      "    z.write(src + '/tunisie-malte.txt', 'texte/tunisie-malte.txt')\n"
      "    z.write(src + '/english.txt', 'texte/english.txt')\n"
      "    z.writestr('LISEZMOI.md', 'not an article')\n";
  const fs::path py = dir / "make_archives.py";
  std::ofstream(py) << script;
  const ToolRun r = sh(shell_quoted(kPython) + " " + q(py) + " " + q(kFixtures) + " " + q(dir), dir);
  ASSERT_EQ(r.status, 0) << r.err;
}

TEST(IngestE2e, TheSameArticlesInEveryFormatGiveTheSameEntitiesAndRelations) {
  TempDir t;
  make_archives(t.path());
  fs::create_directories(t.path() / "txt");
  fs::copy_file(kFixtures / "senegal-gambie.txt", t.path() / "txt" / "senegal-gambie.txt");
  fs::copy_file(kFixtures / "tunisie-malte.txt", t.path() / "txt" / "TUNISIE-MALTE.TXT");  // any case

  ToolRun txt = build(q(t.path() / "txt"), t.path(), "txt");
  ASSERT_EQ(txt.status, 0) << txt.err;
  EXPECT_TRUE(contains(txt.out, "documents read: 2")) << txt.out;
  const std::set<std::string> expected = facts(t.path() / "txt" / "graph.nt");
  ASSERT_GT(expected.size(), 40u);
  // The two agreements and their four signatories, whatever the input.
  for (const char* part : {"/agreement/accord-", "/agreement/plan-d-action-", "/person/abdoulaye-ndiaye-faye>",
                           "/person/lamin-jallow-ceesay>", "/person/karim-ben-salah>", "/person/clara-vella-grech>"}) {
    EXPECT_TRUE(std::any_of(expected.begin(), expected.end(), [&](const std::string& f) { return contains(f, part); }))
        << part;
  }

  struct Case {
    std::string name, inputs;
    std::size_t documents;
  };
  const std::vector<Case> cases = {
      {"jsonl", q(kFixtures / "scrape.jsonl"), 2},  // its English line is skipped
      {"csv", q(kFixtures / "export.csv"), 2},
      {"warc", q(t.path() / "crawl.warc.gz"), 2},
      {"zip", q(t.path() / "mixed.zip"), 2},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    ToolRun r = build(c.inputs, t.path(), c.name);
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "documents read: " + std::to_string(c.documents))) << r.out;
    EXPECT_EQ(facts(t.path() / c.name / "graph.nt"), expected);
  }

  // The page alone gives what the text of its article alone gives.
  fs::create_directories(t.path() / "one");
  fs::copy_file(kFixtures / "senegal-gambie.txt", t.path() / "one" / "senegal-gambie.txt");
  ASSERT_EQ(build(q(t.path() / "one"), t.path(), "txt-sn").status, 0);
  ToolRun html = build(q(kFixtures / "senegal-gambie.html"), t.path(), "html");
  ASSERT_EQ(html.status, 0) << html.err;
  EXPECT_EQ(facts(t.path() / "html" / "graph.nt"), facts(t.path() / "txt-sn" / "graph.nt"));
}

TEST(IngestE2e, TheCountriesOfAPagesSidebarMenusAndRelatedLinksNeverReachTheGraph) {
  TempDir t;
  const std::string page = read_file(kFixtures / "senegal-gambie.html");
  // The page names them outside its article...
  for (const char* name : {"Maroc", "Algérie", "Mali", "Niger", "Ghana"}) ASSERT_TRUE(contains(page, name)) << name;
  ToolRun r = entente("build " + q(kFixtures / "senegal-gambie.html") + " -o " + q(t.path() / "o") + " -f ttl,nt", t.path());
  ASSERT_EQ(r.status, 0) << r.err;
  // ...and only Senegal and the Gambia are countries of the graph.
  std::set<std::string> countries;
  for (const std::string& line : lines_of(read_file(t.path() / "o" / "graph.nt"))) {
    const std::size_t at = line.find("<https://w3id.org/entente/id/country/");
    if (at == 0) countries.insert(line.substr(0, line.find('>') + 1));
  }
  EXPECT_EQ(countries, (std::set<std::string>{"<https://w3id.org/entente/id/country/gm>",
                                              "<https://w3id.org/entente/id/country/sn>"}));
  const std::string ttl = read_file(t.path() / "o" / "graph.ttl");
  const std::string evidence = read_file(t.path() / "o" / "evidence.ttl");
  for (const char* name : {"Maroc", "Algérie", "Mali", "Niger", "Ghana", "cookies", "Lire aussi", "commentaire"}) {
    EXPECT_FALSE(contains(ttl, name)) << name;
    EXPECT_FALSE(contains(evidence, name)) << name;
  }
}

TEST(IngestE2e, DocumentNodesCarryTheirMetadataInEveryOutput) {
  TempDir t;
  ToolRun r = entente("build " + q(kFixtures / "scrape.jsonl") + " -o " + q(t.path() / "o") +
                          " -f ttl,nt,nq,trig,graphml,gexf --report",
                      t.path());
  ASSERT_EQ(r.status, 0) << r.err;
  const fs::path o = t.path() / "o";
  const std::vector<std::string> docs = documents(o / "graph.nt");
  ASSERT_EQ(docs.size(), 2u);
  // Named by its URL: the host and a hash.
  EXPECT_TRUE(docs[0].starts_with("<https://w3id.org/entente/id/doc/courrier-dakar-example-")) << docs[0];
  const std::vector<std::string> sn = about(o / "graph.nt", docs[0]);
  auto says = [&](const std::string& predicate, const std::string& object) {
    return std::find(sn.begin(), sn.end(), docs[0] + " <" + kDcterms + predicate + "> " + object + " .") != sn.end();
  };
  const std::string headline = "\"Sécurité : le Sénégal et la Gambie signent un accord de coopération policière\"@fr";
  EXPECT_TRUE(says("identifier", "\"scrape.jsonl:1\""));
  EXPECT_TRUE(says("source", "<" + kUrlSn + ">"));
  EXPECT_TRUE(says("title", headline));
  EXPECT_TRUE(says("date", "\"2025-03-12\"^^<http://www.w3.org/2001/XMLSchema#date>"));
  EXPECT_TRUE(says("language", "<http://id.loc.gov/vocabulary/iso639-1/fr>"));
  EXPECT_TRUE(std::any_of(sn.begin(), sn.end(), [&](const std::string& s) {
    return contains(s, "<" + kDcterms + "publisher> <https://w3id.org/entente/id/publisher/");
  })) << sn.size();
  // The same statements in the other RDF syntaxes (N-Quads: in the document's graph).
  const std::string nq = read_file(o / "graph.nq");
  EXPECT_TRUE(contains(nq, docs[0] + " <" + kDcterms + "source> <" + kUrlSn + "> " + docs[0] + " .")) << nq.substr(0, 400);
  for (const char* file : {"graph.ttl", "graph.trig"}) {
    const std::string text = read_file(o / file);
    EXPECT_TRUE(contains(text, "dcterms:source <" + kUrlSn + ">")) << file;
    EXPECT_TRUE(contains(text, "dcterms:date \"2025-03-12\"^^xsd:date")) << file;
    EXPECT_TRUE(contains(text, "dcterms:language <http://id.loc.gov/vocabulary/iso639-1/fr>")) << file;
    EXPECT_TRUE(contains(text, "dcterms:publisher")) << file;
  }
  // GraphML and GEXF: every edge names the pages behind it, and each page is
  // a node of type Document with its metadata (docs/FORMATS.md).
  for (const char* file : {"graph.graphml", "graph.gexf"}) {
    const std::string text = read_file(o / file);
    EXPECT_TRUE(contains(text, kUrlSn)) << file;
    EXPECT_TRUE(contains(text, kUrlTn)) << file;
  }
  const std::string graphml = read_file(o / "graph.graphml");
  const std::size_t sn_node = graphml.find("<data key=\"node_url\">" + kUrlSn + "</data>");
  ASSERT_NE(sn_node, std::string::npos);
  const std::size_t begin = graphml.rfind("<node id=", sn_node), end = graphml.find("</node>", sn_node);
  const std::string node = graphml.substr(begin, end - begin);
  EXPECT_TRUE(contains(node, "<node id=\"d")) << node;
  EXPECT_TRUE(contains(node, "<data key=\"node_type\">Document</data>")) << node;
  EXPECT_TRUE(contains(node, "<data key=\"node_label\">Sécurité : le Sénégal et la Gambie")) << node;
  EXPECT_TRUE(contains(node, "<data key=\"node_date\">2025-03-12</data>")) << node;
  EXPECT_TRUE(contains(node, "<data key=\"node_identifier\">scrape.jsonl:1</data>")) << node;
  EXPECT_TRUE(contains(node, "<data key=\"node_publisher\">courrier-dakar.example</data>")) << node;
  EXPECT_TRUE(contains(node, "<data key=\"node_language\">fr</data>")) << node;
  EXPECT_TRUE(contains(node, "<data key=\"node_iri\">" + docs[0].substr(1, docs[0].size() - 2) + "</data>")) << node;
  EXPECT_TRUE(contains(graphml, "<data key=\"edge_relation\">mentionedIn</data>"));
  const std::string gexf = read_file(o / "graph.gexf");
  EXPECT_TRUE(contains(gexf, "<attvalue for=\"url\" value=\"" + kUrlSn + "\"/>"));
  EXPECT_TRUE(contains(gexf, "label=\"Sécurité : le Sénégal et la Gambie signent un accord de coopération policière\" "
                             "start=\"2025-03-12\""));
  EXPECT_TRUE(contains(gexf, "<attvalue for=\"publisher\" value=\"courrier-dakar.example\"/>"));
  // The report: a table of the documents, each headline a link to its page.
  const std::string report = read_file(o / "report.html");
  EXPECT_TRUE(contains(report, "<a href=\"" + kUrlSn + "\">")) << "no link to the page";
  EXPECT_TRUE(contains(report, "2025-03-12"));
  EXPECT_TRUE(contains(report, "courrier-dakar.example"));
}

TEST(IngestE2e, OnePageGivesOneDocumentNodeWhateverFileItCameIn) {
  TempDir t;
  make_archives(t.path());
  ASSERT_EQ(build(q(kFixtures / "scrape.jsonl"), t.path(), "jsonl").status, 0);
  ASSERT_EQ(build(q(t.path() / "crawl.warc.gz"), t.path(), "warc").status, 0);
  ASSERT_EQ(build(q(kFixtures / "senegal-gambie.html"), t.path(), "html").status, 0);
  const std::vector<std::string> jsonl = documents(t.path() / "jsonl" / "graph.nt");
  EXPECT_EQ(jsonl, documents(t.path() / "warc" / "graph.nt"));
  ASSERT_FALSE(jsonl.empty());
  EXPECT_EQ(documents(t.path() / "html" / "graph.nt"), std::vector<std::string>{jsonl.front()});
  // A text without URL is named by its content: the same under another name.
  fs::create_directories(t.path() / "a");
  fs::create_directories(t.path() / "b");
  fs::copy_file(kFixtures / "tunisie-malte.txt", t.path() / "a" / "tunisie-malte.txt");
  fs::copy_file(kFixtures / "tunisie-malte.txt", t.path() / "b" / "autre-nom.txt");
  ASSERT_EQ(build(q(t.path() / "a"), t.path(), "a").status, 0);
  ASSERT_EQ(build(q(t.path() / "b"), t.path(), "b").status, 0);
  EXPECT_EQ(documents(t.path() / "a" / "graph.nt"), documents(t.path() / "b" / "graph.nt"));
}

TEST(IngestE2e, StandardInputIsReadAsAnyFile) {
  TempDir t;
  // (sh() gives the command no standard input: the pipe is inside a shell of its own.)
  const std::string pipe = "cat " + q(kFixtures / "scrape.jsonl") + " | " + q(kBinary) + " build - -o " +
                           q(t.path() / "o") + " -f nt --no-evidence";
  ToolRun r = sh("sh -c " + shell_quoted(pipe), t.path());
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(contains(r.out, "documents read: 2")) << r.out;
  EXPECT_TRUE(contains(r.err, "stdin:3: warning: in English")) << r.err;
  ASSERT_EQ(build(q(kFixtures / "scrape.jsonl"), t.path(), "file").status, 0);
  EXPECT_EQ(facts(t.path() / "o" / "graph.nt"), facts(t.path() / "file" / "graph.nt"));
}

TEST(IngestE2e, BrokenRecordsAndOtherLanguagesAreWarningsNamedAndCountedAndTheRestIsBuilt) {
  TempDir t;
  std::string jsonl = read_file(kFixtures / "scrape.jsonl");
  // Line 2 broken: a truncated object.
  std::vector<std::string> lines = lines_of(jsonl);
  ASSERT_EQ(lines.size(), 3u);
  lines[1] = lines[1].substr(0, lines[1].size() / 2);
  std::ofstream(t.path() / "scrape.jsonl", std::ios::binary) << lines[0] << "\n" << lines[1] << "\n" << lines[2] << "\n";
  ToolRun r = build(q(t.path() / "scrape.jsonl") + " " + q(kFixtures / "english.txt"), t.path(), "o");
  EXPECT_EQ(r.status, 0) << r.err;  // warnings only: the build is made
  EXPECT_TRUE(contains(r.err, "scrape.jsonl:2:")) << r.err;
  EXPECT_TRUE(contains(r.err, "not JSON")) << r.err;
  EXPECT_TRUE(contains(r.err, "scrape.jsonl:3: warning: in English")) << r.err;
  EXPECT_TRUE(contains(r.err, "english.txt: warning: in English (identified)")) << r.err;
  EXPECT_TRUE(contains(r.out, "documents read: 1")) << r.out;
  EXPECT_TRUE(contains(r.out, "skipped: 2 in other languages (en 2)")) << r.out;
  // --lang reads them.
  ToolRun en = build(q(kFixtures / "english.txt"), t.path(), "en", "--lang fr,en");
  EXPECT_EQ(en.status, 0) << en.err;
  EXPECT_TRUE(contains(en.out, "documents read: 1")) << en.out;
  // Nothing in French: nothing built, and the reason given.
  ToolRun none = build(q(kFixtures / "english.txt"), t.path(), "none");
  EXPECT_EQ(none.status, 1);
  EXPECT_TRUE(contains(none.err, "1 in other languages (en 1)")) << none.err;
  EXPECT_FALSE(fs::exists(t.path() / "none"));
}

TEST(IngestE2e, ALatin1FileIsReadWithAWarningNamingTheEncoding) {
  TempDir t;
  ToolRun r = build(q(kFixtures / "latin1.txt"), t.path(), "o");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(contains(r.err, "latin1.txt")) << r.err;
  EXPECT_TRUE(contains(r.err, "windows-1252")) << r.err;
  ASSERT_EQ(build(q(kFixtures / "latin1.utf8"), t.path(), "utf8").status, 0);
  EXPECT_EQ(facts(t.path() / "o" / "graph.nt"), facts(t.path() / "utf8" / "graph.nt"));
  EXPECT_TRUE(contains(read_file(t.path() / "o" / "graph.nt"), "Brigade centrale des frontières"));
}

}  // namespace
