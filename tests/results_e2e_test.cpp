// `entente extract ARTICLES -o RESULTS` then `entente build --from RESULTS...`
// gives the bytes of one `entente build ARTICLES`, in every format, whatever
// the split of the documents into results files and their order.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <string>
#include <vector>

#include "command_support.hpp"
#include "same_outputs.hpp"

namespace {

using entente::testing::files_of;
using entente::testing::read_file;
using entente::testing::sh_in;
using entente::testing::shell_quoted;
using entente::testing::TempDir;
namespace fs = std::filesystem;

const std::string kEntente = ENTENTE_BINARY;
const fs::path kExamples = fs::path(ENTENTE_SOURCE_DIR) / "examples" / "articles";
const fs::path kSeeds = fs::path(ENTENTE_SHARED_DIR) / "corpus" / "seeds";
const std::string kFormats = " -f ttl,graphml,gexf,nt,nq,trig,dot --report -q";


std::string args(const std::vector<fs::path>& paths) {
  std::string out;
  for (const auto& p : paths) out += " " + shell_quoted(p.string());
  return out;
}

/// Every file of `a` is in `b` with the same bytes: seven formats, evidence.ttl, report.html.
void expect_same_outputs(const fs::path& a, const fs::path& b) { entente::testing::expect_same_outputs(a, b, 9); }

/// Builds `corpus` directly, then from results files of each split.
void check_splits(const fs::path& corpus) {
  TempDir dir;
  const fs::path& d = dir.path();
  auto run = sh_in(d, kEntente + " build " + shell_quoted(corpus.string()) + " -o " + shell_quoted((d / "plain").string()) +
                    kFormats);
  ASSERT_EQ(run.status, 0) << run.err;
  const std::vector<fs::path> files = files_of(corpus);
  ASSERT_GE(files.size(), 4U);
  // One results file for the folder; one per document; two halves given in reverse order.
  const std::vector<std::vector<std::vector<fs::path>>> splits = {
      {{corpus}},
      [&] {
        std::vector<std::vector<fs::path>> each;
        for (const auto& f : files) each.push_back({f});
        return each;
      }(),
      {{files.begin() + static_cast<std::ptrdiff_t>(files.size() / 2), files.end()},
       {files.begin(), files.begin() + static_cast<std::ptrdiff_t>(files.size() / 2)}},
  };
  for (std::size_t s = 0; s < splits.size(); ++s) {
    SCOPED_TRACE("split " + std::to_string(s));
    std::vector<fs::path> results;
    for (std::size_t k = 0; k < splits[s].size(); ++k) {
      const fs::path r = d / ("s" + std::to_string(s) + "-" + std::to_string(k) + ".results");
      run = sh_in(d, kEntente + " extract" + args(splits[s][k]) + " -o " + shell_quoted(r.string()) + " -q");
      ASSERT_EQ(run.status, 0) << run.err;
      results.push_back(r);
    }
    const fs::path out = d / ("from-" + std::to_string(s));
    run = sh_in(d, kEntente + " build --from" + args(results) + " -o " + shell_quoted(out.string()) + kFormats);
    ASSERT_EQ(run.status, 0) << run.err;
    expect_same_outputs(d / "plain", out);
  }
}

TEST(ResultsE2E, ExtractThenBuildFromIsOneBuildForTheExamples) { check_splits(kExamples); }

// `extract --shard K/N`: the N shards hold every document once, and the build
// from them is one build; more shards than files leave some empty, not failed.
TEST(ResultsE2E, ShardsHoldEveryDocumentOnce) {
  TempDir dir;
  const fs::path& d = dir.path();
  auto run = sh_in(d, kEntente + " build " + shell_quoted(kSeeds.string()) + " -o plain" + kFormats);
  ASSERT_EQ(run.status, 0) << run.err;
  for (const int n : {3, 9}) {
    std::string results;
    std::size_t documents = 0;
    for (int k = 1; k <= n; ++k) {
      const std::string r = "s" + std::to_string(k) + "of" + std::to_string(n) + ".results";
      run = sh_in(d, kEntente + " extract " + shell_quoted(kSeeds.string()) + " --shard " + std::to_string(k) + "/" +
                      std::to_string(n) + " -o " + r);
      ASSERT_EQ(run.status, 0) << run.err;
      const std::string out = run.out;
      documents += std::stoul(out.substr(out.find("documents extracted: ") + 21));
      results += " " + r;
    }
    EXPECT_EQ(documents, files_of(kSeeds).size());
    run = sh_in(d, kEntente + " build --from" + results + " -o from" + std::to_string(n) + kFormats);
    ASSERT_EQ(run.status, 0) << run.err;
    expect_same_outputs(d / "plain", d / ("from" + std::to_string(n)));
  }
}

TEST(ResultsE2E, ExtractThenBuildFromIsOneBuildForTheSeeds) { check_splits(kSeeds); }

// Two folders each holding x.txt: extracted apart, each run names its file
// "x.txt"; the build from both names them as one build of both folders does.
TEST(ResultsE2E, FilesOfOneNameInTwoFoldersAreToldApartAsOneBuildDoes) {
  TempDir dir;
  const fs::path& d = dir.path();
  const std::vector<fs::path> examples = files_of(kExamples);
  for (const char* folder : {"nord", "sud"}) fs::create_directories(d / "corpus" / folder);
  fs::copy_file(examples[0], d / "corpus" / "nord" / "x.txt");
  fs::copy_file(examples[1], d / "corpus" / "sud" / "x.txt");
  auto run = sh_in(d, kEntente + " build corpus/nord corpus/sud -o plain" + kFormats);
  ASSERT_EQ(run.status, 0) << run.err;
  ASSERT_NE(read_file(d / "plain" / "graph.ttl").find("\"nord/x.txt\""), std::string::npos);
  run = sh_in(d, kEntente + " extract corpus/sud -o sud.results -q && " + kEntente + " extract corpus/nord -o nord.results -q");
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_NE(read_file(d / "sud.results").find("\"id\":\"x.txt\""), std::string::npos) << "each run alone says x.txt";
  run = sh_in(d, kEntente + " build --from sud.results nord.results -o from" + kFormats);
  ASSERT_EQ(run.status, 0) << run.err;
  expect_same_outputs(d / "plain", d / "from");
}

TEST(ResultsE2E, ProblemsAreNamedAndTheOutputFolderIsKept) {
  TempDir dir;
  const fs::path& d = dir.path();
  auto run = sh_in(d, kEntente + " build " + shell_quoted(kExamples.string()) + " -o out -q");
  ASSERT_EQ(run.status, 0) << run.err;
  const std::string before = read_file(d / "out" / "graph.ttl");
  // Articles where results are expected.
  run = sh_in(d, kEntente + " build --from " + shell_quoted(files_of(kExamples)[0].string()) + " -o out -q");
  EXPECT_EQ(run.status, 1);
  EXPECT_NE(run.err.find(":1: not an Entente results file"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("out is as it was"), std::string::npos) << run.err;
  // A results file cut short.
  run = sh_in(d, kEntente + " extract " + shell_quoted(kExamples.string()) + " -o all.results -q");
  ASSERT_EQ(run.status, 0) << run.err;
  const std::string all = read_file(d / "all.results");
  std::ofstream(d / "cut.results", std::ios::binary) << all.substr(0, all.size() / 2);
  run = sh_in(d, kEntente + " build --from cut.results -o out -q");
  EXPECT_EQ(run.status, 1);
  EXPECT_NE(run.err.find("cut.results: incomplete"), std::string::npos) << run.err;
  EXPECT_EQ(read_file(d / "out" / "graph.ttl"), before);
  // Articles and results together, or neither: usage errors.
  run = sh_in(d, kEntente + " build " + shell_quoted(kExamples.string()) + " --from all.results -o out2 -q");
  EXPECT_EQ(run.status, 2) << run.err;
  EXPECT_NE(run.err.find("excludes"), std::string::npos) << run.err;
  run = sh_in(d, kEntente + " build --from all.results --lang fr,en -o out2 -q");
  EXPECT_EQ(run.status, 2) << run.err;
  EXPECT_NE(run.err.find("give them to `entente extract`"), std::string::npos) << run.err;
  run = sh_in(d, kEntente + " build -o out2 -q");
  EXPECT_EQ(run.status, 2) << run.err;
  EXPECT_NE(run.err.find("INPUT is required (articles), or --from RESULTS"), std::string::npos) << run.err;
  EXPECT_FALSE(fs::exists(d / "out2"));
  // A shard that is not K/N with 1 <= K <= N, or without -o.
  run = sh_in(d, kEntente + " extract " + shell_quoted(kExamples.string()) + " --shard 4/3 -o s.results");
  EXPECT_EQ(run.status, 2);
  EXPECT_NE(run.err.find("'4/3' is not K/N with 1 <= K <= N"), std::string::npos) << run.err;
  run = sh_in(d, kEntente + " extract " + shell_quoted(kExamples.string()) + " --shard 1/3");
  EXPECT_EQ(run.status, 2);
  EXPECT_NE(run.err.find("--shard requires --output"), std::string::npos) << run.err;
  // Nothing to extract: no results file.
  fs::create_directories(d / "empty");
  run = sh_in(d, kEntente + " extract empty -o none.results");
  EXPECT_EQ(run.status, 1);
  EXPECT_FALSE(fs::exists(d / "none.results"));
}

}  // namespace
