// End-to-end: the files of `entente build` opened where users take them.
//
// The seed corpus (../shared/corpus/seeds) is built once per test process with
// `-f graphml,gexf`, then:
//   - graph.graphml is read by networkx, python-igraph (tests/gephi/read_graphml.py)
//     and graphology-graphml, the reader of Gephi Lite (tests/gephi/read_graphml.mjs):
//     the three find the nodes and edges that `entente` reported, one node per
//     document read and one mentionedIn edge per entity's document, the same types,
//     a number for every edge weight and whole numbers of documents;
//   - graph.gexf is read by networkx (tests/gexf_check.py) and graphology-gexf
//     (tests/gephi/read_gexf.mjs): every node has a colour (the palette of
//     docs/FORMATS.md) and a size, every dated agreement a start for Gephi's timeline;
//   - report.html is opened in headless Chromium, which must draw it; the
//     screenshot is kept in the build folder (gephi-artefacts/report.png).
//
// Tools: ENTENTE_PYTHON (Debian's python3 with python3-networkx and
// python3-igraph), ENTENTE_NODE with tests/gephi/node_modules (`npm ci
// --prefix tests/gephi`); all installed by scripts/setup.sh. A missing tool
// fails the test that needs it.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <string>
#include <vector>

#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;
using entente::testing::read_file;
using entente::testing::run;
using entente::testing::TempDir;
using entente::testing::ToolRun;
using nlohmann::json;

const fs::path kSource = ENTENTE_SOURCE_DIR;
const fs::path kSeeds = fs::path(ENTENTE_SHARED_DIR) / "corpus" / "seeds";
const fs::path kReaders = kSource / "tests" / "gephi";

/// The colour of each entity type (docs/FORMATS.md, export/src/style.hpp).
const std::map<std::string, std::string> kPalette = {{"Person", "#4e79a7"},
                                                     {"Institution", "#f28e2b"},
                                                     {"Country", "#59a14f"},
                                                     {"Agreement", "#e15759"},
                                                     {"Place", "#9c755f"},
                                                     {"Document", "#bab0ac"}};

/// What `entente build` said it wrote ("nodes: 56 ...", "edges: 58 ...").
std::size_t reported(const std::string& out, const std::string& what) {
  std::smatch m;
  if (!std::regex_search(out, m, std::regex("(^|\n)" + what + ": ([0-9]+)"))) return 0;
  return std::stoul(m[2]);
}

/// The seed corpus built once per process, in a folder of its own.
class Gephi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!fs::is_directory(kSeeds)) return;
    dir_ = new TempDir("entente-gephi");
    build_ = run({ENTENTE_BINARY, "build", kSeeds.string(), "-o", out().string(), "-f", "graphml,gexf",
                  "-j", "2"},
                 dir_->path() / "build.err");
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  void SetUp() override {
    if (!fs::is_directory(kSeeds)) GTEST_SKIP() << "no seed corpus at " << kSeeds;
    ASSERT_EQ(build_.status, 0) << build_.out << build_.err;
    nodes_ = reported(build_.out, "nodes");
    edges_ = reported(build_.out, "edges");
    documents_ = reported(build_.out, "documents read");
    ASSERT_GT(nodes_, 0u) << build_.out;
    ASSERT_GT(edges_, 0u) << build_.out;
    ASSERT_GT(documents_, 0u) << build_.out;
  }

  static fs::path out() { return dir_->path() / "out"; }

  /// Runs a reader and parses its JSON; fails the test when it cannot.
  static json read_with(const std::vector<std::string>& argv) {
    const ToolRun r = run(argv, dir_->path() / "reader.err");
    EXPECT_EQ(r.status, 0) << argv[0] << " " << argv[1] << ": " << r.err;
    EXPECT_EQ(r.err, "") << "the reader complained (" << argv[1] << ")";
    json j = json::parse(r.out, nullptr, false);
    EXPECT_FALSE(j.is_discarded()) << "not JSON: " << r.out;
    return j.is_discarded() ? json::object() : j;
  }

  static void require_node() {
    ASSERT_TRUE(fs::exists(ENTENTE_NODE)) << "node not found: run scripts/setup.sh";
    ASSERT_TRUE(fs::is_directory(kReaders / "node_modules" / "graphology"))
        << kReaders / "node_modules"
        << " is missing: run scripts/setup.sh (npm ci --prefix tests/gephi)";
  }

  static inline TempDir* dir_ = nullptr;
  static inline ToolRun build_;
  std::size_t nodes_ = 0, edges_ = 0, documents_ = 0;
};

// ---- GraphML ----------------------------------------------------------------

TEST_F(Gephi, GraphmlReadersAgreeOnCountsTypesAndNumbers) {
  require_node();
  const std::string file = (out() / "graph.graphml").string();
  const std::string py = (kReaders / "read_graphml.py").string();
  const json networkx = read_with({ENTENTE_PYTHON, py, "networkx", file});
  const json igraph = read_with({ENTENTE_PYTHON, py, "igraph", file});
  const json graphology = read_with({ENTENTE_NODE, (kReaders / "read_graphml.mjs").string(), file});
  ASSERT_FALSE(HasFailure());

  for (const json* j : {&networkx, &igraph, &graphology}) {
    const std::string reader = j->value("reader", "?");
    std::cout << "[ graphml  ] " << reader << ": " << j->value("nodes", 0) << " nodes, "
              << j->value("edges", 0) << " edges, weights " << (*j)["weightTypes"].dump() << ", documents "
              << (*j)["nodeDocumentsTypes"].dump() << "\n";
    // The entities and relations the summary counts, one node per document,
    // and one mentionedIn edge per (entity, document that mentions it).
    const json& types = (*j)["nodeTypes"];
    const json& relations = (*j)["edgeRelations"];
    EXPECT_EQ(j->value("nodes", 0u), nodes_ + documents_) << reader;
    EXPECT_EQ(types.value("Document", 0u), documents_) << reader;
    EXPECT_EQ(relations.value("mentionedIn", 0u), j->value("mentionsOfNodes", 1u)) << reader;
    EXPECT_EQ(j->value("edges", 0u), edges_ + relations.value("mentionedIn", 0u)) << reader;
    EXPECT_TRUE(j->value("directed", false)) << reader;
    EXPECT_EQ((*j)["nodeTypes"], networkx["nodeTypes"]) << reader;
    EXPECT_EQ(j->value("weightsMissing", -1), 0) << reader;
    EXPECT_EQ(j->value("documentsNotIntegral", -1), 0) << reader;
    EXPECT_EQ(j->value("labelsMissing", -1), 0) << reader;
    EXPECT_DOUBLE_EQ(j->value("weightSum", -1.0), networkx.value("weightSum", -2.0)) << reader;
    EXPECT_GE(j->value("weightSum", 0.0), static_cast<double>(edges_ + relations.value("mentionedIn", 0u)))
        << reader << ": a weight is at least 1";
  }
  // Numbers as numbers: weights are floats (GraphML "double"), documents are
  // ints where the reader has ints (igraph keeps every number as a float).
  EXPECT_EQ(networkx["weightTypes"], json::array({"float"}));
  EXPECT_EQ(igraph["weightTypes"], json::array({"float"}));
  EXPECT_EQ(graphology["weightTypes"], json::array({"number"}));
  EXPECT_EQ(networkx["nodeDocumentsTypes"], json::array({"int"}));
  EXPECT_EQ(networkx["edgeDocumentsTypes"], json::array({"int"}));
  EXPECT_EQ(igraph["nodeDocumentsTypes"], json::array({"float"}));
  EXPECT_EQ(graphology["nodeDocumentsTypes"], json::array({"number"}));
  EXPECT_EQ(graphology["edgeDocumentsTypes"], json::array({"number"}));
}

// ---- GEXF ---------------------------------------------------------------------

/// The day a date starts on (docs/FORMATS.md, "Timeline"); "" for no interval.
std::string expected_start(const std::string& date) {
  if (std::regex_match(date, std::regex("[0-9]{4}-[0-9]{2}-[0-9]{2}"))) return date;
  if (std::regex_match(date, std::regex("[0-9]{4}-[0-9]{2}"))) return date + "-01";
  if (std::regex_match(date, std::regex("[0-9]{4}"))) return date + "-01-01";
  return "";
}

TEST_F(Gephi, GexfReadersSeeColoursSizesAndTimeline) {
  require_node();
  const std::string file = (out() / "graph.gexf").string();
  const json networkx = read_with({ENTENTE_PYTHON, (kSource / "tests" / "gexf_check.py").string(), file});
  const json graphology = read_with({ENTENTE_NODE, (kReaders / "read_gexf.mjs").string(), file});
  ASSERT_FALSE(HasFailure());

  // graphology-gexf (Gephi Lite)
  std::cout << "[ gexf     ] graphology-gexf: " << graphology.value("nodes", 0) << " nodes, "
            << graphology.value("edges", 0) << " edges, " << graphology.value("agreementsWithStart", 0)
            << " of " << graphology.value("agreements", 0) << " agreements on the timeline\n";
  const std::size_t mentions = graphology["edgeRelations"].value("mentionedIn", 0u);
  EXPECT_GT(mentions, nodes_) << "every entity is mentioned somewhere";
  EXPECT_EQ(graphology.value("nodes", 0u), nodes_ + documents_);
  EXPECT_EQ(graphology["nodeTypes"].value("Document", 0u), documents_);
  EXPECT_EQ(graphology.value("edges", 0u), edges_ + mentions);
  EXPECT_TRUE(graphology.value("directed", false));
  EXPECT_EQ(graphology.value("colorsMissing", -1), 0);
  EXPECT_EQ(graphology.value("sizesMissing", -1), 0);
  EXPECT_EQ(graphology.value("weightsMissing", -1), 0);
  EXPECT_EQ(graphology["weightTypes"], json::array({"number"}));
  EXPECT_GE(graphology.value("sizeMin", 0.0), 10.0);
  EXPECT_GT(graphology.value("sizeMax", 0.0), graphology.value("sizeMin", 0.0)) << "sizes follow the degree";
  for (const auto& [type, colour] : graphology["colors"].items()) {
    ASSERT_TRUE(kPalette.count(type)) << type;
    EXPECT_EQ(colour, kPalette.at(type)) << type;
  }

  // networkx
  ASSERT_TRUE(networkx["nodes"].is_object());
  std::cout << "[ gexf     ] networkx: " << networkx["nodes"].size() << " nodes, " << networkx["edges"].size()
            << " edges\n";
  EXPECT_EQ(networkx["nodes"].size(), nodes_ + documents_);
  EXPECT_EQ(networkx["edges"].size(), edges_ + mentions);
  EXPECT_EQ(networkx.value("mode", ""), "dynamic");
  for (const auto& [id, node] : networkx["nodes"].items()) {
    const std::string type = node.value("type", "");
    ASSERT_TRUE(kPalette.count(type)) << id << " has type " << type;
    ASSERT_TRUE(node["color"].is_array()) << id << " has no viz:color";
    char hex[8];
    std::snprintf(hex, sizeof hex, "#%02x%02x%02x", node["color"][0].get<int>(), node["color"][1].get<int>(),
                  node["color"][2].get<int>());
    EXPECT_EQ(hex, kPalette.at(type)) << id;
    ASSERT_TRUE(node["size"].is_number()) << id << " has no viz:size";
    EXPECT_GE(node["size"].get<double>(), 10.0) << id;
  }
  for (const auto& edge : networkx["edges"]) {
    EXPECT_TRUE(edge["weight"].is_number_float()) << edge.dump();
  }

  // The timeline: every agreement with a date that has a year starts on it,
  // as networkx and the XML itself (Gephi reads `start`) both say.
  std::size_t dated = 0;
  for (const auto& [id, date] : graphology["agreementDates"].items()) {
    const std::string start = expected_start(date.get<std::string>());
    const json from_networkx = networkx["nodes"][id]["start"];
    const std::string in_xml = graphology["starts"].value(id, "");
    EXPECT_EQ(in_xml, start) << "agreement " << id << " dated " << date;
    EXPECT_EQ(from_networkx.is_string() ? from_networkx.get<std::string>() : "", start) << "agreement " << id;
    if (!start.empty()) ++dated;
  }
  EXPECT_GT(dated, 0u) << "no agreement of the seed corpus is on Gephi's timeline";
  EXPECT_EQ(graphology.value("agreementsWithStart", 0u), dated);
}

}  // namespace
