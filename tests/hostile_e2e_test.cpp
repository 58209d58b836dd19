// End-to-end: readers nobody here wrote. Every output of three corpora — the
// bundled examples, the seed corpus (../shared) and a hostile corpus this test
// writes (invented text: file names with spaces, quotes, a newline, '#', '%',
// bytes that are not UTF-8; headlines and metadata with markup, control
// characters, right-to-left marks, zero-width spaces, an emoji; a Latin-1
// file; CR LF lines; JSON Lines records with URLs that are not valid IRIs) —
// is read by:
//   RDF (graph.ttl, .nt, .nq, .trig, evidence.ttl): rapper (Debian
//     raptor2-utils), rdflib (python3-rdflib, tests/readers/rdflib_count.py)
//     and Oxigraph (npm, tests/sparql/run_queries.mjs), which must agree on
//     the number of statements;
//   GraphML and GEXF: xmllint, networkx and igraph (tests/gephi/read_graphml.py),
//     graphology (tests/gephi/read_graphml.mjs, read_gexf.mjs), which must
//     agree on the numbers of nodes and edges.
// All installed by scripts/setup.sh; a missing reader fails the test.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <string>
#include <vector>

#include "command_support.hpp"

namespace {

namespace fs = std::filesystem;
using entente::testing::read_file;
using entente::testing::sh;
using entente::testing::shell_quoted;
using entente::testing::TempDir;
using entente::testing::ToolRun;
using json = nlohmann::json;

const fs::path kSource = ENTENTE_SOURCE_DIR;
const fs::path kBinary = ENTENTE_BINARY;
const fs::path kSeeds = fs::path(ENTENTE_SHARED_DIR) / "corpus" / "seeds";

void write(const fs::path& p, const std::string& bytes) { std::ofstream(p, std::ios::binary) << bytes; }

const std::string kSentences =
    "La France et le Maroc ont signé un accord de coopération policière le 3 mars 2024 à Rabat. "
    "Le texte a été signé par Jeanne Fictive, directrice générale de la Police nationale, et par "
    "Karim Imaginaire, ministre marocain de l'Intérieur.\n";

/// The hostile corpus, in `dir`.
void write_hostile_corpus(const fs::path& dir) {
  fs::create_directories(dir);
  // Markup, quotes, backslashes, CDATA and comment ends, controls, RTL override,
  // zero-width space, an emoji, in the headline (the document's label).
  write(dir / "titre \"cité\" & <balise>.txt",
        "Titre <b>gras</b> & \"guillemets\" 'simples' \\ barre ]]> --> \x01\x0B\x7F \xE2\x80\xAE"
        "inversé \xE2\x80\x8F marque \xE2\x80\x8B zéro \xF0\x9F\xA4\x9D\n\n" +
            kSentences);
  write(dir / "nouvelle\nligne.txt", "Une ligne\n\n" + kSentences);              // a newline in the name
  write(dir / "%20 #dièse ?q=1&r=2.txt", kSentences);                             // IRI-special characters
  write(dir / "octet-\xFF-invalide.txt", kSentences);                             // a name that is not UTF-8
  write(dir / "latin1.txt", "Coop\xE9ration : la Belgique et l'Espagne sign\xE8rent un accord le 4 mai 2023 \xE0 "
                            "Bruxelles, a d\xE9" "clar\xE9 le minist\xE8re belge de l'Int\xE9rieur.\n");
  write(dir / "controles.txt", "\x1B[31mRouge\x1B[0m\r\n\r\nLe Sénégal\x08 et la Mauritanie ont signé un "
                               "mémorandum d'entente\x0C le 12 juin 2022.\r\n");
  write(dir / "inversé.txt", "\xE2\x80\xAB\xD8\xA7\xD9\x84\xD9\x85\xD8\xBA\xD8\xB1\xD8\xA8\xE2\x80\xAC et la "
                             "Tunisie coopèrent : le Maroc et la Tunisie ont signé un accord.\n");
  // JSON Lines: URLs that are not IRIs as written, hostile titles and outlets.
  write(dir / "scrape.jsonl",
        json{{"url", "https://exemple.test/a b\"c>d?x=1&y=<2>#frag"},
             {"title", "Titre\u0001 avec \u202Econtrôle\u200F et <script>alert(1)</script>"},
             {"date", "2024-03-05"},
             {"source", "Le \"Journal\" <fictif> & Cie\u0007"},
             {"text", kSentences}}
                .dump() +
            "\n" +
            json{{"url", "https://exemple.test/café/été?q=é"},
                 {"title", "Accord \\ barre ]]> fin"},
                 {"date", "2023-13-45"},
                 {"source", "exemple.test"},
                 {"text", "L'Algérie et le Niger ont signé un accord de coopération judiciaire.\n"}}
                .dump() +
            "\n");
}

class Readers : public ::testing::TestWithParam<const char*> {
 protected:
  void SetUp() override {
    const std::string name = GetParam();
    fs::path input;
    if (name == "examples") input = kSource / "examples" / "articles";
    if (name == "seeds") {
      if (!fs::is_directory(kSeeds)) GTEST_SKIP() << "no seed corpus at " << kSeeds;
      input = kSeeds;
    }
    if (name == "hostile") {
      input = dir_.path() / "in";
      write_hostile_corpus(input);
    }
    build_ = sh(shell_quoted(kBinary.string()) + " build " + shell_quoted(input.string()) + " -o " +
                    shell_quoted(out().string()) + " -f ttl,nt,nq,trig,graphml,gexf,dot -q",
                dir_.path());
    ASSERT_EQ(build_.status, 0) << build_.err;
  }
  fs::path out() const { return dir_.path() / "out"; }
  ToolRun run(const std::string& command) const { return sh(command, dir_.path()); }

  TempDir dir_;
  ToolRun build_;
};

/// rapper's "Parsing returned N triples", or -1.
long rapper_count(const std::string& err) {
  std::smatch m;
  if (!std::regex_search(err, m, std::regex("Parsing returned ([0-9]+) triples"))) return -1;
  return std::stol(m[1]);
}

TEST_P(Readers, EveryRdfFileIsReadByRapperRdflibAndOxigraphAlike) {
  const std::vector<std::pair<std::string, std::string>> files{{"graph.ttl", "turtle"},
                                                               {"graph.nt", "ntriples"},
                                                               {"graph.nq", "nquads"},
                                                               {"graph.trig", "trig"},
                                                               {"evidence.ttl", "turtle"}};
  // Oxigraph: a store per file, which says how many statements it loaded (a trivial query runs after).
  std::ofstream(dir_.path() / "ask.rq") << "ASK { ?s ?p ?o }\n";
  for (const auto& [file, syntax] : files) {
    SCOPED_TRACE(file);
    const fs::path p = out() / file;
    const ToolRun rapper = run("rapper -q -i " + syntax + " -c " + shell_quoted(p.string()));
    EXPECT_EQ(rapper.status, 0) << rapper.err;
    const ToolRun rapper_n = run("rapper -i " + syntax + " -c " + shell_quoted(p.string()));
    const long by_rapper = rapper_count(rapper_n.err);
    const ToolRun rdflib = run(shell_quoted(ENTENTE_PYTHON) + " " +
                               shell_quoted((kSource / "tests/readers/rdflib_count.py").string()) + " " +
                               shell_quoted(p.string()) + " " + (syntax == "ntriples" ? "nt" : syntax));
    ASSERT_EQ(rdflib.status, 0) << rdflib.err;
    const long by_rdflib = json::parse(rdflib.out).at("statements").get<long>();
    const ToolRun oxigraph = run("node " + shell_quoted((kSource / "tests/sparql/run_queries.mjs").string()) +
                                 " --query " + shell_quoted((dir_.path() / "ask.rq").string()) + " " +
                                 shell_quoted(p.string()));
    ASSERT_EQ(oxigraph.status, 0) << oxigraph.err;
    const long by_oxigraph = json::parse(oxigraph.out).at("loaded").at(file).get<long>();
    EXPECT_GT(by_rapper, 10) << rapper_n.err;
    EXPECT_EQ(by_rapper, by_rdflib);
    EXPECT_EQ(by_rapper, by_oxigraph);
  }
}

TEST_P(Readers, GraphmlAndGexfAreReadByXmllintNetworkxIgraphAndGraphologyAlike) {
  for (const char* file : {"graph.graphml", "graph.gexf"}) {
    const ToolRun lint = run("xmllint --noout " + shell_quoted((out() / file).string()));
    EXPECT_EQ(lint.status, 0) << file << ": " << lint.err;
    EXPECT_EQ(lint.err, "") << file;
  }
  const std::string graphml = shell_quoted((out() / "graph.graphml").string());
  const std::string py = shell_quoted(ENTENTE_PYTHON) + " " + shell_quoted((kSource / "tests/gephi/read_graphml.py").string());
  std::vector<json> read;
  for (const std::string& command :
       {py + " networkx " + graphml, py + " igraph " + graphml,
        "node " + shell_quoted((kSource / "tests/gephi/read_graphml.mjs").string()) + " " + graphml}) {
    const ToolRun r = run(command);
    ASSERT_EQ(r.status, 0) << command << "\n" << r.err;
    read.push_back(json::parse(r.out));
  }
  const std::string gexf = shell_quoted((out() / "graph.gexf").string());
  const ToolRun nx = run(shell_quoted(ENTENTE_PYTHON) + " " + shell_quoted((kSource / "tests/gexf_check.py").string()) +
                         " " + gexf);
  ASSERT_EQ(nx.status, 0) << nx.err;
  const json nx_gexf = json::parse(nx.out);
  const ToolRun gl = run("node " + shell_quoted((kSource / "tests/gephi/read_gexf.mjs").string()) + " " + gexf);
  ASSERT_EQ(gl.status, 0) << gl.err;
  const json gl_gexf = json::parse(gl.out);

  const std::size_t nodes = read[0].at("nodes"), edges = read[0].at("edges");
  EXPECT_GT(nodes, 5u);
  for (const json& j : read) {
    EXPECT_EQ(j.at("nodes"), nodes) << j.at("reader");
    EXPECT_EQ(j.at("edges"), edges) << j.at("reader");
    EXPECT_EQ(j.at("labelsMissing"), 0) << j.at("reader");
  }
  EXPECT_EQ(nx_gexf.at("nodes").size(), nodes);
  EXPECT_EQ(nx_gexf.at("edges").size(), edges);
  EXPECT_EQ(gl_gexf.at("nodes"), nodes);
  EXPECT_EQ(gl_gexf.at("edges"), edges);
}

INSTANTIATE_TEST_SUITE_P(Corpora, Readers, ::testing::Values("examples", "seeds", "hostile"));

TEST(Hostile, TheHostileCorpusIsReadWholeAndItsNamesComeThrough) {
  TempDir t;
  write_hostile_corpus(t.path() / "in");
  const ToolRun r = sh(shell_quoted(kBinary.string()) + " build --json " + shell_quoted((t.path() / "in").string()) +
                           " -o " + shell_quoted((t.path() / "out").string()) + " -f nt",
                       t.path());
  ASSERT_EQ(r.status, 0) << r.err;
  const json j = json::parse(r.out);
  EXPECT_EQ(j.at("documents_read"), 9);  // seven files, two JSON Lines records
  const std::string nt = read_file(t.path() / "out" / "graph.nt");
  // The file name with a newline, escaped; the one that is not UTF-8, repaired.
  EXPECT_NE(nt.find("\"nouvelle\\nligne.txt\""), std::string::npos);
  EXPECT_NE(nt.find("\"octet-\xEF\xBF\xBD-invalide.txt\""), std::string::npos);
  // The Latin-1 file read as such.
  EXPECT_NE(nt.find("Belgique"), std::string::npos);
  // The URL that is not an IRI as written is one once percent-encoded.
  EXPECT_NE(nt.find("<https://exemple.test/a%20b%22c%3Ed?x=1&y=%3C2%3E#frag>"), std::string::npos) << nt.substr(0, 2000);
}

}  // namespace
