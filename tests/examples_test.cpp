// End-to-end on the bundled example corpus (examples/articles): the graph the
// current build writes must be byte-identical to the checked-in
// examples/graph.ttl and examples/graph.graphml, and must score above a floor
// against examples/gold.json (shared/eval/score.py).
#include <gtest/gtest.h>

#include "command_support.hpp"
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>

namespace {

namespace fs = std::filesystem;

const fs::path kBinary = ENTENTE_BINARY;
const fs::path kShared = ENTENTE_SHARED_DIR;
const fs::path kSource = ENTENTE_SOURCE_DIR;
const fs::path kExamples = kSource / "examples";
const fs::path kArticles = kExamples / "articles";
const fs::path kScorer = kShared / "eval" / "score.py";

constexpr const char* kRegenerate =
    "The example graph is out of date. If the change in behaviour is intended, regenerate it from the "
    "source root with\n    build/app/entente build examples/articles -o examples\n"
    "(or your build directory's app/entente), check the diff of examples/graph.ttl, and commit it with the change.";

using entente::testing::read_file;
using entente::testing::sh;
using entente::testing::shell_quoted;
using entente::testing::ToolRun;

class TempDir : public entente::testing::TempDir {
 public:
  TempDir() : entente::testing::TempDir("entente-examples") {}
};

/// Where two texts first differ: line number and both lines, for a readable failure.
std::string first_difference(const std::string& expected, const std::string& actual) {
  std::istringstream a(expected), b(actual);
  std::string la, lb;
  for (std::size_t line = 1;; ++line) {
    bool ga = static_cast<bool>(std::getline(a, la)), gb = static_cast<bool>(std::getline(b, lb));
    if (!ga && !gb) return "the files differ only in their final newline";
    if (!ga || !gb || la != lb) {
      return "first difference at line " + std::to_string(line) + ":\n  checked in: " + (ga ? la : "<end of file>") +
             "\n  built now:  " + (gb ? lb : "<end of file>");
    }
  }
}

class Examples : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    run_ = new ToolRun(sh(shell_quoted(kBinary.string()) + " build " + shell_quoted(kArticles.string()) + " -o " +
                             shell_quoted(out().string()),
                         dir_->path()));
  }
  static void TearDownTestSuite() {
    delete run_;
    delete dir_;
    run_ = nullptr;
    dir_ = nullptr;
  }
  void SetUp() override { ASSERT_EQ(run_->status, 0) << run_->out << run_->err; }
  static fs::path out() { return dir_->path() / "out"; }

  static void expect_same_as_checked_in(const std::string& name) {
    const fs::path checked_in = kExamples / name;
    ASSERT_TRUE(fs::exists(checked_in)) << checked_in << " is missing.\n" << kRegenerate;
    const std::string expected = read_file(checked_in), actual = read_file(out() / name);
    ASSERT_FALSE(actual.empty()) << "the build wrote no " << name;
    EXPECT_TRUE(expected == actual) << "examples/" << name << " differs from what the build writes now ("
                                    << expected.size() << " vs " << actual.size() << " bytes); "
                                    << first_difference(expected, actual) << "\n"
                                    << kRegenerate;
  }

  static TempDir* dir_;
  static ToolRun* run_;
};
TempDir* Examples::dir_ = nullptr;
ToolRun* Examples::run_ = nullptr;

TEST_F(Examples, BuildsAllFiveArticles) {
  EXPECT_NE(run_->out.find("documents read: 5"), std::string::npos) << run_->out << run_->err;
}

TEST_F(Examples, TurtleIsTheCheckedInGraph) { expect_same_as_checked_in("graph.ttl"); }

TEST_F(Examples, GraphMLIsTheCheckedInGraph) { expect_same_as_checked_in("graph.graphml"); }

TEST_F(Examples, GoldCoversExactlyTheArticles) {
  auto gold = nlohmann::json::parse(read_file(kExamples / "gold.json"));
  std::set<std::string> in_gold, on_disk;
  for (const auto& d : gold["documents"]) in_gold.insert(d.get<std::string>());
  for (const auto& e : fs::directory_iterator(kArticles))
    if (e.path().extension() == ".txt") on_disk.insert(e.path().filename().string());
  EXPECT_EQ(in_gold, on_disk) << "examples/gold.json \"documents\" must list the files of examples/articles";
}

TEST_F(Examples, ScoresAboveTheFloorOnTheGold) {
  ToolRun r = sh(std::string(ENTENTE_PYTHON) + " " + shell_quoted(kScorer.string()) + " " +
                    shell_quoted((out() / "graph.ttl").string()) + " " + shell_quoted((kExamples / "gold.json").string()) +
                    " --json",
                dir_->path());
  ASSERT_EQ(r.status, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  const double entity_f1 = j["entities"]["f1"].get<double>(), relation_f1 = j["relations"]["f1"].get<double>();
  std::cout << "examples/gold.json: entity F1 " << entity_f1 << ", relation F1 " << relation_f1
            << ", agreement F1 " << j["agreements"]["f1"].get<double>() << "\n";
  RecordProperty("entity_f1", std::to_string(entity_f1));
  RecordProperty("relation_f1", std::to_string(relation_f1));
  EXPECT_GE(entity_f1, 0.6) << r.out;
  EXPECT_GE(relation_f1, 0.3) << r.out;
}

}  // namespace
