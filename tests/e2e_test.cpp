// End-to-end: the `entente` command on the seed articles (read from
// ../shared at run time) and on bad input made at test time.
#include <gtest/gtest.h>

#include "command_support.hpp"
#include "fictional_articles.hpp"
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

const fs::path kBinary = ENTENTE_BINARY;
const fs::path kShared = ENTENTE_SHARED_DIR;
const fs::path kSource = ENTENTE_SOURCE_DIR;
const fs::path kSeeds = kShared / "corpus" / "seeds";
const fs::path kDev = kShared / "corpus" / "dev";

using entente::testing::lines_of;
using entente::testing::read_file;
using entente::testing::sh;
using entente::testing::shell_quoted;
using entente::testing::ToolRun;

class TempDir : public entente::testing::TempDir {
 public:
  TempDir() : entente::testing::TempDir("entente-e2e") {}
};

ToolRun entente(const std::string& args, const fs::path& dir) { return sh(shell_quoted(kBinary.string()) + " " + args, dir); }

void write(const fs::path& p, const std::string& bytes) {
  std::ofstream(p, std::ios::binary) << bytes;
}

bool seeds_available() { return fs::is_directory(kSeeds); }

TEST(Command, HelpTeachesWithAnExample) {
  TempDir t;
  ToolRun r = entente("build --help", t.path());
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.out.find("Example"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("--base"), std::string::npos);
  EXPECT_NE(r.out.find("graph.graphml"), std::string::npos);
}

TEST(Command, VersionPrintsTheVersion) {
  TempDir t;
  ToolRun r = entente("--version", t.path());
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
    run_ = new ToolRun(entente("build " + shell_quoted(kSeeds.string()) + " -o " + shell_quoted((dir_->path() / "out").string()),
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
  static ToolRun* run_;
};
TempDir* Seeds::dir_ = nullptr;
ToolRun* Seeds::run_ = nullptr;

TEST_F(Seeds, PrintsASummaryOfWhatItBuilt) {
  EXPECT_NE(run_->out.find("documents read: 5"), std::string::npos) << run_->out;
  EXPECT_NE(run_->out.find("Country"), std::string::npos);
  EXPECT_NE(run_->out.find("memberOf"), std::string::npos);
}

TEST_F(Seeds, TurtleParsesWithSerdi) {
  ToolRun r = sh(std::string(ENTENTE_SERDI) + " -i turtle -o ntriples " + shell_quoted((out() / "graph.ttl").string()),
             dir_->path());
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_GT(r.out.size(), 1000u);
}

TEST_F(Seeds, TurtleValidatesAgainstTheOntology) {
  std::string cmd = std::string(ENTENTE_SORD_VALIDATE) + " " + shell_quoted((out() / "graph.ttl").string()) + " " +
                    shell_quoted((kSource / "ontology" / "coop.ttl").string());
  for (const char* s : {"rdf.ttl", "rdfs.ttl", "owl.ttl", "xsd.ttl", "dct.ttl", "foaf.ttl"})
    cmd += " " + shell_quoted(std::string("/usr/lib/lv2/schemas.lv2/") + s);
  for (const auto& e : fs::directory_iterator(kSource / "ontology" / "schemas"))
    if (e.path().extension() == ".ttl") cmd += " " + shell_quoted(e.path().string());
  ToolRun r = sh(cmd, dir_->path());
  EXPECT_EQ(r.status, 0) << r.out << r.err;
  EXPECT_EQ(r.err.find("error"), std::string::npos) << r.err;
}

TEST_F(Seeds, ScoresAboveTheQualityFloor) {
  ToolRun r = sh("python3 " + shell_quoted((kShared / "eval" / "score.py").string()) + " " +
                 shell_quoted((out() / "graph.ttl").string()) + " " + shell_quoted((kShared / "eval" / "seed-gold.json").string()) +
                 " --json",
             dir_->path());
  ASSERT_EQ(r.status, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  // The pipeline issue's floor was 0.80 / 0.50, the quality issue raised it,
  // and the issue on news never seen keeps the seeds where they were.
  EXPECT_GE(j["entities"]["f1"].get<double>(), 1.0) << r.out;
  EXPECT_GE(j["relations"]["f1"].get<double>(), 0.95) << r.out;
  EXPECT_GE(j["agreements"]["f1"].get<double>(), 0.90) << r.out;
  EXPECT_EQ(j["agreement_dates"]["exact"].get<int>(), j["agreement_dates"]["total"].get<int>()) << r.out;
  // Wikidata: precision first, and at least 12 of the 14 gold QIDs.
  EXPECT_EQ(j["wikidata"]["wrong"].get<int>(), 0) << r.out;
  EXPECT_GE(j["wikidata"]["right"].get<int>(), 12) << r.out;
}

// The development corpus: 26 real articles of other countries and outlets
// than the seeds, with their gold graph (../shared/eval/dev-gold.json). The
// bars of the issue on news never seen; each rule behind them covers a shape
// of French, tested on invented sentences in recognize_test and relations_test.
class Dev : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!fs::is_directory(kShared / "corpus" / "dev")) return;
    dir_ = new TempDir();
    run_ = new ToolRun(entente("build " + shell_quoted((kShared / "corpus" / "dev").string()) + " -q --no-evidence -o " +
                                   shell_quoted((dir_->path() / "out").string()),
                               dir_->path()));
  }
  static void TearDownTestSuite() {
    delete run_;
    delete dir_;
  }
  void SetUp() override {
    if (run_ == nullptr) GTEST_SKIP() << "no dev corpus at " << kShared / "corpus" / "dev";
    ASSERT_EQ(run_->status, 0) << run_->err;
  }
  static TempDir* dir_;
  static ToolRun* run_;
};
TempDir* Dev::dir_ = nullptr;
ToolRun* Dev::run_ = nullptr;

TEST_F(Dev, ScoresAboveTheBarOnNewsNeverSeen) {
  ToolRun r = sh("python3 " + shell_quoted((kShared / "eval" / "score.py").string()) + " " +
                     shell_quoted((dir_->path() / "out" / "graph.ttl").string()) + " " +
                     shell_quoted((kShared / "eval" / "dev-gold.json").string()) + " --json",
                 dir_->path());
  ASSERT_EQ(r.status, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  std::cout << "dev: entity F1 " << j["entities"]["f1"] << ", Institution F1 " << j["by_type"]["Institution"]["f1"]
            << ", relation F1 " << j["relations"]["f1"] << ", agreement F1 " << j["agreements"]["f1"] << "\n";
  EXPECT_GE(j["entities"]["f1"].get<double>(), 0.93) << r.out;
  EXPECT_GE(j["by_type"]["Institution"]["f1"].get<double>(), 0.88) << r.out;
  EXPECT_GE(j["relations"]["f1"].get<double>(), 0.82) << r.out;
  for (const auto& [predicate, figures] : j["relations_by_predicate"].items())
    EXPECT_GE(figures["f1"].get<double>(), 0.75) << predicate << "\n" << r.out;
  EXPECT_GE(j["agreements"]["f1"].get<double>(), 0.93) << r.out;
  EXPECT_EQ(j["wikidata"]["wrong"].get<int>(), 0) << r.out;
}

TEST_F(Seeds, GraphMLReadsBackInNetworkx) {
  ToolRun r = sh(std::string(ENTENTE_PYTHON) + " -c " +
                 shell_quoted("import networkx as nx, sys\n"
                       "g = nx.read_graphml(sys.argv[1])\n"
                       "assert g.number_of_nodes() > 20, g.number_of_nodes()\n"
                       "assert all(isinstance(d['weight'], float) for *_, d in g.edges(data=True))\n"
                       "assert all(d.get('label') for _, d in g.nodes(data=True))\n"
                       "print(g.number_of_nodes(), g.number_of_edges())\n") +
                 " " + shell_quoted((out() / "graph.graphml").string()),
             dir_->path());
  EXPECT_EQ(r.status, 0) << r.err;
}

TEST_F(Seeds, OutputIsByteIdenticalAcrossRuns) {
  fs::path again = dir_->path() / "again";
  ToolRun r = entente("build -q " + shell_quoted(kSeeds.string()) + " -o " + shell_quoted(again.string()), dir_->path());
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(read_file(out() / "graph.ttl"), read_file(again / "graph.ttl"));
  EXPECT_EQ(read_file(out() / "graph.graphml"), read_file(again / "graph.graphml"));
}

TEST_F(Seeds, OutputIsTheSameWhateverTheNumberOfJobs) {
  fs::path one = dir_->path() / "j1", three = dir_->path() / "j3";
  std::string all = " -f ttl,graphml,nq,gexf,dot " + shell_quoted(kSeeds.string());
  ASSERT_EQ(entente("build -q -j 1" + all + " -o " + shell_quoted(one.string()), dir_->path()).status, 0);
  ASSERT_EQ(entente("build -q -j 3" + all + " -o " + shell_quoted(three.string()), dir_->path()).status, 0);
  for (const char* f : {"graph.ttl", "graph.graphml", "graph.nq", "graph.gexf", "graph.dot", "evidence.ttl"}) {
    EXPECT_FALSE(read_file(one / f).empty()) << f;
    EXPECT_EQ(read_file(one / f), read_file(three / f)) << f;
  }
}

TEST_F(Seeds, ExtractShowsMentionsWithOffsetsAndRelationsWithSentences) {
  ToolRun r = entente("extract --json " + shell_quoted((kSeeds / "000_c94dad177458769f.txt").string()), dir_->path());
  ASSERT_EQ(r.status, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  ASSERT_FALSE(j["mentions"].empty());
  std::string source = read_file(kSeeds / "000_c94dad177458769f.txt");
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
  ToolRun r = entente("build " + shell_quoted((t.path() / "nope.txt").string()) + " -o " + shell_quoted((t.path() / "o").string()),
                  t.path());
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("nope.txt"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(t.path() / "o" / "graph.ttl"));
}

TEST(BadInput, EmptyFileIsNamed) {
  TempDir t;
  write(t.path() / "empty.txt", "");
  ToolRun r = entente("build " + shell_quoted((t.path() / "empty.txt").string()) + " -o " + shell_quoted((t.path() / "o").string()),
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
  ToolRun r = entente("build " + shell_quoted((t.path() / "archive.txt").string()) + " -o " + shell_quoted((t.path() / "o").string()),
                  t.path());
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("archive.txt"), std::string::npos) << r.err;
}

TEST(BadInput, InvalidUtf8IsAWarningNotAFailure) {
  TempDir t;
  write(t.path() / "bad.txt", "Le ministre de la Justice, Paul Verlaine, a signé un accord avec la Belgique \xff\xfe.\n");
  ToolRun r = entente("build " + shell_quoted((t.path() / "bad.txt").string()) + " -o " + shell_quoted((t.path() / "o").string()),
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
  ToolRun r = entente("build " + shell_quoted((t.path() / "docs").string()) + " -o " + shell_quoted((t.path() / "o").string()),
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
  ToolRun r = entente("build -q " + shell_quoted((t.path() / "huge.txt").string()) + " -o " + shell_quoted((t.path() / "o").string()),
                  t.path());
  EXPECT_EQ(r.status, 0) << r.err.substr(0, 2000);
  EXPECT_TRUE(fs::exists(t.path() / "o" / "graph.ttl"));
  // Read in parts of at most 1 MiB (bounded memory: docs/PERFORMANCE.md), and said so.
  EXPECT_NE(r.err.find("read as 51 documents of at most 1 MiB"), std::string::npos) << r.err.substr(0, 2000);
}

TEST(BadInput, AFailedBuildLeavesThePreviousOutputWhole) {
  TempDir t;
  fs::create_directories(t.path() / "o");
  write(t.path() / "o" / "graph.ttl", "previous\n");
  ToolRun r = entente("build " + shell_quoted((t.path() / "missing").string()) + " -o " + shell_quoted((t.path() / "o").string()),
                  t.path());
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(read_file(t.path() / "o" / "graph.ttl"), "previous\n");
  for (const auto& e : fs::directory_iterator(t.path() / "o"))
    EXPECT_EQ(e.path().filename().string().find(".tmp"), std::string::npos) << e.path();
}

TEST(BadInput, SomeBadInputsStillBuildTheGoodOnesButExitOne) {
  TempDir t;
  write(t.path() / "good.txt", "Le ministre de l'Intérieur, Paul Verlaine, a rencontré son homologue belge.\n");
  ToolRun r = entente("build " + shell_quoted((t.path() / "good.txt").string()) + " " + shell_quoted((t.path() / "gone.txt").string()) +
                      " -o " + shell_quoted((t.path() / "o").string()),
                  t.path());
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("gone.txt"), std::string::npos);
  EXPECT_TRUE(fs::exists(t.path() / "o" / "graph.ttl"));
}

// ------------------------------------------------- repeated articles, agreements across articles

/// The *.txt files of `dir`, sorted.
std::vector<fs::path> texts_of(const fs::path& dir) {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().extension() == ".txt") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

/// `corpus` copied into `to`, with every second article (in name order)
/// copied again as "zz-copie-<name>" (after the originals in input order).
/// Returns the names of the copies.
std::vector<std::string> copy_with_renamed_copies(const fs::path& corpus, const fs::path& to) {
  fs::create_directories(to);
  std::vector<std::string> copies;
  const std::vector<fs::path> files = texts_of(corpus);
  for (std::size_t i = 0; i < files.size(); ++i) {
    fs::copy_file(files[i], to / files[i].filename());
    if (i % 2 == 1) {
      copies.push_back("zz-copie-" + files[i].filename().string());
      fs::copy_file(files[i], to / copies.back());
    }
  }
  return copies;
}

/// score.py's JSON report of `graph` against `gold`.
nlohmann::json score(const fs::path& graph, const fs::path& gold, const fs::path& dir) {
  ToolRun r = sh("python3 " + shell_quoted((kShared / "eval" / "score.py").string()) + " " +
                     shell_quoted(graph.string()) + " " + shell_quoted(gold.string()) + " --json",
                 dir);
  EXPECT_EQ(r.status, 0) << r.err;
  return r.status == 0 ? nlohmann::json::parse(r.out) : nlohmann::json();
}

/// GraphML without the document nodes "dN" from `first` on and without the
/// copyOf edges "cN": what a corpus with copies (named to sort last) adds.
std::string graphml_without_copies(const std::string& text, std::size_t first) {
  std::string out;
  bool skipping = false;
  for (const std::string& line : lines_of(text)) {
    if (line.rfind("    <node id=\"d", 0) == 0 && std::stoul(line.substr(15)) >= first) skipping = true;
    if (line.rfind("    <edge id=\"c", 0) == 0) skipping = true;
    if (!skipping) out += line + "\n";
    if (line == "    </node>" || line == "    </edge>") skipping = false;
  }
  return out;
}

std::size_t count_of(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

/// A corpus built alone and with renamed copies of half its articles, from ../shared.
class WithCopies : public ::testing::TestWithParam<const char*> {
 protected:
  fs::path corpus() const { return GetParam() == std::string("dev") ? kDev : kSeeds; }
  fs::path gold() const {
    return kShared / "eval" / (GetParam() == std::string("dev") ? "dev-gold.json" : "seed-gold.json");
  }
  void SetUp() override {
    if (!fs::is_directory(corpus())) GTEST_SKIP() << "no corpus at " << corpus();
    copies_ = copy_with_renamed_copies(corpus(), dir_.path() / "in");
    alone_ = entente("build -f ttl,graphml,nt -j 2 " + shell_quoted(corpus().string()) + " -o " +
                         shell_quoted((dir_.path() / "alone").string()),
                     dir_.path());
    with_ = entente("build -f ttl,graphml,nt -j 2 " + shell_quoted((dir_.path() / "in").string()) + " -o " +
                        shell_quoted((dir_.path() / "with").string()),
                    dir_.path());
    ASSERT_EQ(alone_.status, 0) << alone_.err;
    ASSERT_EQ(with_.status, 0) << with_.err;
  }
  TempDir dir_;
  std::vector<std::string> copies_;
  ToolRun alone_, with_;
};

TEST_P(WithCopies, TheSummaryCountsAndNamesTheCopies) {
  EXPECT_NE(with_.out.find("copies: " + std::to_string(copies_.size()) + " (" + copies_[0] + " repeats "),
            std::string::npos)
      << with_.out;
  EXPECT_EQ(alone_.out.find("copies:"), std::string::npos) << alone_.out;
}

TEST_P(WithCopies, GiveTheNodesEdgesWeightsAndEvidenceOfTheCorpusAlone) {
  const fs::path alone = dir_.path() / "alone", with = dir_.path() / "with";
  // GraphML: the same nodes, edges, weights and document nodes, then the
  // copies' document nodes and their copyOf edges.
  const std::string alone_graphml = read_file(alone / "graph.graphml");
  const std::string with_graphml = read_file(with / "graph.graphml");
  const std::size_t documents = count_of(alone_graphml, "<node id=\"d");
  ASSERT_GT(documents, 0u);
  EXPECT_EQ(count_of(with_graphml, "<node id=\"d"), documents + copies_.size());
  EXPECT_EQ(count_of(with_graphml, "<edge id=\"c"), copies_.size());
  EXPECT_EQ(count_of(alone_graphml, "<edge id=\"c"), 0u);
  EXPECT_EQ(alone_graphml, graphml_without_copies(with_graphml, documents));
  EXPECT_EQ(read_file(alone / "evidence.ttl"), read_file(with / "evidence.ttl"));
  // N-Triples: the same statements, then the copies' documents, each copyOf its original.
  const std::vector<std::string> a = lines_of(read_file(alone / "graph.nt"));
  const std::vector<std::string> w = lines_of(read_file(with / "graph.nt"));
  ASSERT_GT(a.size(), 100u);
  ASSERT_GE(w.size(), a.size());
  EXPECT_TRUE(std::equal(a.begin(), a.end(), w.begin()));
  // Those documents are the copies (named by dcterms:identifier; IRIs come from the text).
  std::set<std::string> copy_of, copy_docs;
  for (std::size_t i = a.size(); i < w.size(); ++i) {
    const std::string subject = w[i].substr(0, w[i].find(' '));
    if (w[i].find("terms/identifier> \"zz-copie-") != std::string::npos) copy_docs.insert(subject);
    if (w[i].find("coop#copyOf") != std::string::npos) copy_of.insert(subject);
  }
  for (std::size_t i = a.size(); i < w.size(); ++i) EXPECT_EQ(copy_docs.count(w[i].substr(0, w[i].find(' '))), 1u) << w[i];
  EXPECT_EQ(copy_docs.size(), copies_.size());
  EXPECT_EQ(copy_of, copy_docs);
  const std::string nt = read_file(with / "graph.nt");
  for (const std::string& doc : copy_docs) EXPECT_EQ(nt.find("coop#mentionedIn> " + doc), std::string::npos) << doc;
}

TEST_P(WithCopies, ScoreAsTheCorpusAlone) {
  const nlohmann::json a = score(dir_.path() / "alone" / "graph.ttl", gold(), dir_.path());
  const nlohmann::json w = score(dir_.path() / "with" / "graph.ttl", gold(), dir_.path());
  ASSERT_FALSE(a.is_null());
  EXPECT_EQ(a, w) << "alone: " << a.dump() << "\nwith copies: " << w.dump();
  if (GetParam() == std::string("seeds")) {
    EXPECT_EQ(w["agreements"]["f1"].get<double>(), 1.0) << w.dump();
  }
}

INSTANTIATE_TEST_SUITE_P(SharedCorpora, WithCopies, ::testing::Values("seeds", "dev"));

TEST(Copies, StraightQuotesAndOtherLineBreaksStillMakeAnExactCopy) {
  TempDir t;
  std::string plain(entente::testing::kDispatch);
  for (const auto& [from, to] : {std::pair<std::string, std::string>{"«\u00a0", "\""}, {"\u00a0»", "\""},
                                 {"« ", "\""}, {" »", "\""}, {"'", "\u2019"}, {"\n\n", "\n"}}) {
    for (std::size_t at = plain.find(from); at != std::string::npos; at = plain.find(from, at + to.size()))
      plain.replace(at, from.size(), to);
  }
  ASSERT_NE(plain, entente::testing::kDispatch);
  write(t.path() / "a.txt", std::string(entente::testing::kDispatch));
  write(t.path() / "b.txt", plain);
  write(t.path() / "c.txt", std::string(entente::testing::kRerun));
  ToolRun r = entente("build " + shell_quoted(t.path().string()) + " -o " + shell_quoted((t.path() / "o").string()),
                      t.path());
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("copies: 2 (b.txt repeats a.txt, c.txt repeats a.txt: "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(" % of its text)"), std::string::npos) << r.out;
}

TEST(Agreements, OneSigningReportedByTwoArticlesIsOneAgreement) {
  // Two articles of their own on the 2024 signing, one on an earlier memorandum.
  TempDir t;
  write(t.path() / "a.txt", std::string(entente::testing::kDispatch));
  write(t.path() / "b.txt", std::string(entente::testing::kSameEvent));
  write(t.path() / "c.txt", std::string(entente::testing::kEarlierMemorandum));
  ToolRun r = entente("build -f nt " + shell_quoted(t.path().string()) + " -o " + shell_quoted((t.path() / "o").string()),
                      t.path());
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out.find("copies:"), std::string::npos) << "other articles on one event are not copies\n" << r.out;
  std::map<std::string, std::set<std::string>> mentioned_in;  // agreement -> document IRIs
  std::map<std::string, std::string> names;                     // document IRI -> dcterms:identifier
  for (const std::string& line : lines_of(read_file(t.path() / "o" / "graph.nt"))) {
    if (line.starts_with("<https://w3id.org/entente/id/agreement/") && line.find("coop#mentionedIn") != std::string::npos) {
      const std::string doc = line.substr(line.rfind('<'), line.rfind('>') + 1 - line.rfind('<'));
      mentioned_in[line.substr(0, line.find(' '))].insert(doc);
    }
    if (const std::size_t at = line.find("terms/identifier> \""); at != std::string::npos) {
      const std::size_t begin = line.find('"', at) + 1;
      names[line.substr(0, line.find(' '))] = line.substr(begin, line.rfind('"') - begin);
    }
  }
  std::map<std::string, std::set<std::string>> by_name;
  for (const auto& [agreement, docs] : mentioned_in)
    for (const std::string& doc : docs) by_name[agreement].insert(names[doc]);
  const std::string base = "<https://w3id.org/entente/id/agreement/";
  EXPECT_EQ(by_name, (std::map<std::string, std::set<std::string>>{
                         {base + "memorandum-d-entente-cv-pt-2019-06-05>", {"c.txt"}},
                         {base + "memorandum-d-entente-cv-pt-2024-03-12>", {"a.txt", "b.txt"}}}));
}

}  // namespace
