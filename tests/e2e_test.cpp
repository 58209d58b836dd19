// End-to-end: the `entente` command on the seed articles (read from
// ../shared at run time) and on bad input made at test time.
#include <gtest/gtest.h>

#include "command_support.hpp"
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

namespace {

namespace fs = std::filesystem;

const fs::path kBinary = ENTENTE_BINARY;
const fs::path kShared = ENTENTE_SHARED_DIR;
const fs::path kSource = ENTENTE_SOURCE_DIR;
const fs::path kSeeds = kShared / "corpus" / "seeds";

using entente::testing::quote;
using entente::testing::Result;
using entente::testing::sh;
using entente::testing::slurp;

class TempDir : public entente::testing::CommandTempDir {
 public:
  TempDir() : CommandTempDir("entente-e2e") {}
};

Result entente(const std::string& args, const fs::path& dir) { return sh(quote(kBinary.string()) + " " + args, dir); }

void write(const fs::path& p, const std::string& bytes) {
  std::ofstream(p, std::ios::binary) << bytes;
}

bool seeds_available() { return fs::is_directory(kSeeds); }

TEST(Command, HelpTeachesWithAnExample) {
  TempDir t;
  Result r = entente("build --help", t.path());
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.out.find("Example"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("--base"), std::string::npos);
  EXPECT_NE(r.out.find("graph.graphml"), std::string::npos);
}

TEST(Command, VersionPrintsTheVersion) {
  TempDir t;
  Result r = entente("--version", t.path());
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.out.find("entente 0."), std::string::npos) << r.out;
}

TEST(Command, UsageErrorsExitWithTwo) {
  TempDir t;
  EXPECT_EQ(entente("", t.path()).status, 2);
  EXPECT_EQ(entente("build", t.path()).status, 2);
  EXPECT_EQ(entente("build x.txt", t.path()).status, 2);  // no -o
  EXPECT_EQ(entente("frobnicate", t.path()).status, 2);
}

class Seeds : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!seeds_available()) return;
    dir_ = new TempDir();
    run_ = new Result(entente("build " + quote(kSeeds.string()) + " -o " + quote((dir_->path() / "out").string()),
                           dir_->path()));
  }
  static void TearDownTestSuite() {
    delete run_;
    delete dir_;
  }
  void SetUp() override {
    if (!seeds_available()) GTEST_SKIP() << "no seed corpus at " << kSeeds;
    ASSERT_EQ(run_->status, 0) << run_->err;
  }
  static fs::path out() { return dir_->path() / "out"; }
  static TempDir* dir_;
  static Result* run_;
};
TempDir* Seeds::dir_ = nullptr;
Result* Seeds::run_ = nullptr;

TEST_F(Seeds, PrintsASummaryOfWhatItBuilt) {
  EXPECT_NE(run_->out.find("documents read: 5"), std::string::npos) << run_->out;
  EXPECT_NE(run_->out.find("Country"), std::string::npos);
  EXPECT_NE(run_->out.find("memberOf"), std::string::npos);
}

TEST_F(Seeds, TurtleParsesWithSerdi) {
  Result r = sh(std::string(ENTENTE_SERDI) + " -i turtle -o ntriples " + quote((out() / "graph.ttl").string()),
             dir_->path());
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_GT(r.out.size(), 1000u);
}

TEST_F(Seeds, TurtleValidatesAgainstTheOntology) {
  std::string cmd = std::string(ENTENTE_SORD_VALIDATE) + " " + quote((out() / "graph.ttl").string()) + " " +
                    quote((kSource / "ontology" / "coop.ttl").string());
  for (const char* s : {"rdf.ttl", "rdfs.ttl", "owl.ttl", "xsd.ttl", "dct.ttl", "foaf.ttl"})
    cmd += " " + quote(std::string("/usr/lib/lv2/schemas.lv2/") + s);
  for (const auto& e : fs::directory_iterator(kSource / "ontology" / "schemas"))
    if (e.path().extension() == ".ttl") cmd += " " + quote(e.path().string());
  Result r = sh(cmd, dir_->path());
  EXPECT_EQ(r.status, 0) << r.out << r.err;
  EXPECT_EQ(r.err.find("error"), std::string::npos) << r.err;
}

TEST_F(Seeds, ScoresAboveTheQualityFloor) {
  Result r = sh("python3 " + quote((kShared / "eval" / "score.py").string()) + " " +
                 quote((out() / "graph.ttl").string()) + " " + quote((kShared / "eval" / "seed-gold.json").string()) +
                 " --json",
             dir_->path());
  ASSERT_EQ(r.status, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  // The pipeline issue's floor is 0.80 / 0.50; the quality issue raised it.
  EXPECT_GE(j["entities"]["f1"].get<double>(), 0.92) << r.out;
  EXPECT_GE(j["relations"]["f1"].get<double>(), 0.80) << r.out;
  EXPECT_GE(j["agreements"]["f1"].get<double>(), 0.90) << r.out;
  EXPECT_EQ(j["agreement_dates"]["exact"].get<int>(), j["agreement_dates"]["total"].get<int>()) << r.out;
  // Wikidata: precision first, and at least 12 of the 14 gold QIDs.
  EXPECT_EQ(j["wikidata"]["wrong"].get<int>(), 0) << r.out;
  EXPECT_GE(j["wikidata"]["right"].get<int>(), 12) << r.out;
}

TEST_F(Seeds, GraphMLReadsBackInNetworkx) {
  Result r = sh(std::string(ENTENTE_PYTHON) + " -c " +
                 quote("import networkx as nx, sys\n"
                       "g = nx.read_graphml(sys.argv[1])\n"
                       "assert g.number_of_nodes() > 20, g.number_of_nodes()\n"
                       "assert all(isinstance(d['weight'], float) for *_, d in g.edges(data=True))\n"
                       "assert all(d.get('label') for _, d in g.nodes(data=True))\n"
                       "print(g.number_of_nodes(), g.number_of_edges())\n") +
                 " " + quote((out() / "graph.graphml").string()),
             dir_->path());
  EXPECT_EQ(r.status, 0) << r.err;
}

TEST_F(Seeds, OutputIsByteIdenticalAcrossRuns) {
  fs::path again = dir_->path() / "again";
  Result r = entente("build -q " + quote(kSeeds.string()) + " -o " + quote(again.string()), dir_->path());
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(slurp(out() / "graph.ttl"), slurp(again / "graph.ttl"));
  EXPECT_EQ(slurp(out() / "graph.graphml"), slurp(again / "graph.graphml"));
}

TEST_F(Seeds, OutputIsTheSameWhateverTheNumberOfJobs) {
  fs::path one = dir_->path() / "j1", three = dir_->path() / "j3";
  std::string all = " -f ttl,graphml,nq,gexf,dot " + quote(kSeeds.string());
  ASSERT_EQ(entente("build -q -j 1" + all + " -o " + quote(one.string()), dir_->path()).status, 0);
  ASSERT_EQ(entente("build -q -j 3" + all + " -o " + quote(three.string()), dir_->path()).status, 0);
  for (const char* f : {"graph.ttl", "graph.graphml", "graph.nq", "graph.gexf", "graph.dot", "evidence.ttl"}) {
    EXPECT_FALSE(slurp(one / f).empty()) << f;
    EXPECT_EQ(slurp(one / f), slurp(three / f)) << f;
  }
}

TEST_F(Seeds, ExtractShowsMentionsWithOffsetsAndRelationsWithSentences) {
  Result r = entente("extract --json " + quote((kSeeds / "000_c94dad177458769f.txt").string()), dir_->path());
  ASSERT_EQ(r.status, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  ASSERT_FALSE(j["mentions"].empty());
  std::string source = slurp(kSeeds / "000_c94dad177458769f.txt");
  for (const auto& m : j["mentions"]) {
    auto b = m["begin"].get<std::size_t>(), e = m["end"].get<std::size_t>();
    ASSERT_LE(e, source.size());
    EXPECT_LT(b, e);
  }
  ASSERT_FALSE(j["relations"].empty());
  for (const auto& rel : j["relations"]) EXPECT_FALSE(rel["sentence"].get<std::string>().empty());
}

// ---------------------------------------------------------------- bad input

TEST(BadInput, MissingPathIsNamedAndExitsOne) {
  TempDir t;
  Result r = entente("build " + quote((t.path() / "nope.txt").string()) + " -o " + quote((t.path() / "o").string()),
                  t.path());
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("nope.txt"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(t.path() / "o" / "graph.ttl"));
}

TEST(BadInput, EmptyFileIsNamed) {
  TempDir t;
  write(t.path() / "empty.txt", "");
  Result r = entente("build " + quote((t.path() / "empty.txt").string()) + " -o " + quote((t.path() / "o").string()),
                  t.path());
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("empty.txt"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(t.path() / "o" / "graph.ttl"));
}

TEST(BadInput, BinaryFileIsNamedWithItsOffset) {
  TempDir t;
  std::string bytes = "PK\x03\x04";
  bytes.push_back('\0');
  bytes += std::string(100, '\x01');
  write(t.path() / "archive.txt", bytes);
  Result r = entente("build " + quote((t.path() / "archive.txt").string()) + " -o " + quote((t.path() / "o").string()),
                  t.path());
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("archive.txt"), std::string::npos) << r.err;
}

TEST(BadInput, InvalidUtf8IsAWarningNotAFailure) {
  TempDir t;
  write(t.path() / "bad.txt", "Le ministre de la Justice, Paul Verlaine, a signé un accord avec la Belgique \xff\xfe.\n");
  Result r = entente("build " + quote((t.path() / "bad.txt").string()) + " -o " + quote((t.path() / "o").string()),
                  t.path());
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("bad.txt"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("byte"), std::string::npos) << r.err;
  EXPECT_TRUE(fs::exists(t.path() / "o" / "graph.ttl"));
}

TEST(BadInput, DirectoryWithoutTextFilesIsNamed) {
  TempDir t;
  fs::create_directories(t.path() / "docs");
  write(t.path() / "docs" / "a.pdf", "%PDF");
  Result r = entente("build " + quote((t.path() / "docs").string()) + " -o " + quote((t.path() / "o").string()),
                  t.path());
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("docs"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(".txt"), std::string::npos) << r.err;
}

TEST(BadInput, FiftyMegabytesWithoutNewlineDoesNotCrash) {
  TempDir t;
  {
    std::ofstream f(t.path() / "huge.txt", std::ios::binary);
    const std::string chunk = "Le Maroc et la Belgique renforcent leur coopération avec Europol ";
    for (std::size_t n = 0; n < 50u * 1024 * 1024; n += chunk.size()) f << chunk;
  }
  Result r = entente("build -q " + quote((t.path() / "huge.txt").string()) + " -o " + quote((t.path() / "o").string()),
                  t.path());
  EXPECT_EQ(r.status, 0) << r.err.substr(0, 2000);
  EXPECT_TRUE(fs::exists(t.path() / "o" / "graph.ttl"));
}

TEST(BadInput, AFailedBuildLeavesThePreviousOutputWhole) {
  TempDir t;
  fs::create_directories(t.path() / "o");
  write(t.path() / "o" / "graph.ttl", "previous\n");
  Result r = entente("build " + quote((t.path() / "missing").string()) + " -o " + quote((t.path() / "o").string()),
                  t.path());
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(slurp(t.path() / "o" / "graph.ttl"), "previous\n");
  for (const auto& e : fs::directory_iterator(t.path() / "o"))
    EXPECT_EQ(e.path().filename().string().find(".tmp"), std::string::npos) << e.path();
}

TEST(BadInput, SomeBadInputsStillBuildTheGoodOnesButExitOne) {
  TempDir t;
  write(t.path() / "good.txt", "Le ministre de l'Intérieur, Paul Verlaine, a rencontré son homologue belge.\n");
  Result r = entente("build " + quote((t.path() / "good.txt").string()) + " " + quote((t.path() / "gone.txt").string()) +
                      " -o " + quote((t.path() / "o").string()),
                  t.path());
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("gone.txt"), std::string::npos);
  EXPECT_TRUE(fs::exists(t.path() / "o" / "graph.ttl"));
}

}  // namespace
