// `entente build ARTICLES --state DIR`: a graph that grows. Each run extracts
// only the documents the folder has not seen, and after any sequence of runs
// the outputs are the bytes of one `entente build` of every article given.
#include <gtest/gtest.h>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
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
const fs::path kSeeds = fs::path(ENTENTE_SHARED_DIR) / "corpus" / "seeds";
const fs::path kDev = fs::path(ENTENTE_SHARED_DIR) / "corpus" / "dev";
const std::string kFormats = " -f ttl,graphml,gexf,nt,nq,trig,dot --report";

std::string q(const fs::path& p) { return " " + shell_quoted(p.string()); }

/// Every file of `a` is in `b` with the same bytes: seven formats, evidence.ttl, report.html.
void expect_same_outputs(const fs::path& a, const fs::path& b) { entente::testing::expect_same_outputs(a, b, 9); }

/// Copies files [from, to) of `files` into `dir` (made), keeping their names.
void copy_into(const fs::path& dir, const std::vector<fs::path>& files, std::size_t from, std::size_t to) {
  fs::create_directories(dir);
  for (std::size_t i = from; i < to && i < files.size(); ++i) fs::copy_file(files[i], dir / files[i].filename());
}

nlohmann::json state_of(const std::string& out) {
  const auto j = nlohmann::json::parse(out, nullptr, false);
  return j.is_object() && j.contains("state") ? j["state"] : nlohmann::json();
}

class StateE2e : public ::testing::Test {
 protected:
  void SetUp() override {
    d_ = dir_.path();
    const std::vector<fs::path> seeds = files_of(kSeeds), dev = files_of(kDev);
    ASSERT_GE(seeds.size(), 5U);
    ASSERT_GE(dev.size(), 20U);
    // Monday: the seeds; Tuesday: half of dev; Wednesday: the rest, and a
    // seed under another name in another folder (a copy, as one build lists it).
    copy_into(d_ / "monday", seeds, 0, seeds.size());
    copy_into(d_ / "tuesday", dev, 0, dev.size() / 2);
    copy_into(d_ / "wednesday", dev, dev.size() / 2, dev.size());
    fs::create_directories(d_ / "renamed");
    fs::copy_file(seeds[0], d_ / "renamed" / "same-text-new-name.txt");
    seeds_ = seeds.size();
    dev_ = dev.size();
  }
  entente::testing::ToolRun update(const std::string& inputs, const std::string& extra = "") {
    return sh_in(d_, kEntente + " build" + inputs + " --state" + q(d_ / "news.state") + " -o" + q(d_ / "out") +
                         kFormats + " --json" + extra);
  }
  entente::testing::ToolRun plain(const std::string& inputs, const fs::path& out) {
    return sh_in(d_, kEntente + " build" + inputs + " -o" + q(out) + kFormats + " -q");
  }
  TempDir dir_;
  fs::path d_;
  std::size_t seeds_ = 0, dev_ = 0;
};

TEST_F(StateE2e, AfterEachUpdateTheOutputsAreOneBuildOfEverythingGivenSoFar) {
  // Monday.
  auto run = update(q(d_ / "monday"));
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(state_of(run.out)["new_documents"], seeds_) << run.out;
  EXPECT_EQ(state_of(run.out)["known_documents"], 0) << run.out;
  ASSERT_EQ(plain(q(d_ / "monday"), d_ / "one-monday").status, 0);
  expect_same_outputs(d_ / "one-monday", d_ / "out");
  // Every node's IRI is remembered for the next builds (graph/stable_iris.hpp).
  const std::string iris = read_file(d_ / "news.state" / "iris.tsv");
  const std::string nt = read_file(d_ / "out" / "graph.nt");
  ASSERT_FALSE(iris.empty());
  for (std::size_t at = 0; at < iris.size(); at = iris.find('\n', at) + 1) {
    const std::string iri = iris.substr(at, iris.find('\t', at) - at);
    EXPECT_NE(nt.find("<" + iri + "> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"), std::string::npos) << iri;
  }

  // Tuesday, with Monday's articles given again: only Tuesday's are extracted.
  run = update(q(d_ / "tuesday") + q(d_ / "monday"));
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(state_of(run.out)["new_documents"], dev_ / 2) << run.out;
  EXPECT_EQ(state_of(run.out)["known_documents"], seeds_) << run.out;
  ASSERT_EQ(plain(q(d_ / "monday") + q(d_ / "tuesday"), d_ / "one-tuesday").status, 0);
  expect_same_outputs(d_ / "one-tuesday", d_ / "out");

  // Wednesday, and a seed's text under a new name: not extracted again, listed as one build lists it.
  run = update(q(d_ / "wednesday") + q(d_ / "renamed"));
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(state_of(run.out)["new_documents"], dev_ - dev_ / 2) << run.out;
  EXPECT_EQ(state_of(run.out)["renamed_documents"], 1) << run.out;
  EXPECT_EQ(state_of(run.out)["results_files"], 3) << run.out;
  const fs::path all = d_ / "one-all";
  ASSERT_EQ(plain(q(d_ / "monday") + q(d_ / "tuesday") + q(d_ / "wednesday") + q(d_ / "renamed"), all).status, 0);
  expect_same_outputs(all, d_ / "out");
  EXPECT_NE(read_file(all / "graph.ttl").find("same-text-new-name.txt"), std::string::npos);

  // Nothing new: nothing extracted, no new results file, the same outputs;
  // and the state alone (no INPUT) builds them too.
  run = update(q(d_ / "wednesday"));
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(state_of(run.out)["new_documents"], 0) << run.out;
  EXPECT_EQ(state_of(run.out)["results_files"], 3) << run.out;
  expect_same_outputs(all, d_ / "out");
  run = update("");
  ASSERT_EQ(run.status, 0) << run.err;
  expect_same_outputs(all, d_ / "out");
}

TEST_F(StateE2e, TheSummarySaysWhatWasExtractedAndWhatWasKnown) {
  ASSERT_EQ(update(q(d_ / "monday")).status, 0);
  auto run = sh_in(d_, kEntente + " build" + q(d_ / "monday") + q(d_ / "renamed") + " --state" + q(d_ / "news.state") +
                           " -o" + q(d_ / "out"));
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_NE(run.out.find("news.state: 0 new document(s) extracted, " + std::to_string(seeds_) +
                         " already there, 1 known under another name (not extracted again)"),
            std::string::npos)
      << run.out;
}

TEST_F(StateE2e, AFolderInUseByAnotherRunIsRefused) {
  ASSERT_EQ(update(q(d_ / "monday")).status, 0);
  const std::string before = read_file(d_ / "out" / "graph.ttl");
  const int fd = ::open((d_ / "news.state" / "lock").c_str(), O_RDWR);
  ASSERT_GE(fd, 0);
  ASSERT_EQ(::flock(fd, LOCK_EX | LOCK_NB), 0);
  const auto run = update(q(d_ / "tuesday"));
  ::close(fd);
  EXPECT_EQ(run.status, 1) << run.err;
  EXPECT_NE(run.err.find("news.state: another entente is using this state folder"), std::string::npos) << run.err;
  EXPECT_EQ(read_file(d_ / "out" / "graph.ttl"), before);
  EXPECT_FALSE(fs::exists(d_ / "news.state" / "results" / "run-000002.results"));
}

TEST_F(StateE2e, LeftoversOfAStoppedRunAreRemovedAndABrokenResultsFileIsNamed) {
  ASSERT_EQ(update(q(d_ / "monday")).status, 0);
  const fs::path results = d_ / "news.state" / "results";
  { std::ofstream(results / "run-000002.results.tmp-999999") << "{\"entente\":\"extraction results\"\n"; }
  { std::ofstream(d_ / "news.state" / "iris.tsv.tmp-999999") << "half a line"; }
  { std::ofstream(results / "run-000002.records.tmp-999999") << "half a cache"; }
  { std::ofstream(results / "notes.txt") << "the user's\n"; }
  auto run = update(q(d_ / "tuesday"));
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_NE(run.err.find("removed " + (results / "run-000002.results.tmp-999999").string() +
                         " (left by a run that was stopped)"),
            std::string::npos)
      << run.err;
  EXPECT_FALSE(fs::exists(results / "run-000002.results.tmp-999999"));
  EXPECT_FALSE(fs::exists(d_ / "news.state" / "iris.tsv.tmp-999999"));
  EXPECT_FALSE(fs::exists(results / "run-000002.records.tmp-999999"));
  EXPECT_TRUE(fs::exists(results / "notes.txt"));  // not ours: left alone
  EXPECT_TRUE(fs::exists(results / "run-000002.results"));

  // A results file cut short (a copy gone wrong): named, and the outputs stay as they were.
  const std::string before = read_file(d_ / "out" / "graph.ttl");
  const std::string bytes = read_file(results / "run-000002.results");
  { std::ofstream(results / "run-000002.results", std::ios::binary | std::ios::trunc) << bytes.substr(0, bytes.size() / 2); }
  run = update(q(d_ / "wednesday"));
  EXPECT_EQ(run.status, 1);
  EXPECT_NE(run.err.find("run-000002.results"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("incomplete"), std::string::npos) << run.err;
  EXPECT_EQ(read_file(d_ / "out" / "graph.ttl"), before);
}

// Each results file of the folder has its record cache (results.hpp,
// cache_of), which updates read instead of the JSON: missing or stale, it is
// made again from the results file (the same bytes); broken, it is named.
TEST_F(StateE2e, RecordCachesAreReadMadeAgainWhenStaleAndNamedWhenBroken) {
  ASSERT_EQ(update(q(d_ / "monday")).status, 0);
  ASSERT_EQ(update(q(d_ / "tuesday")).status, 0);
  const fs::path results = d_ / "news.state" / "results";
  const fs::path one = results / "run-000001.records", two = results / "run-000002.records";
  ASSERT_TRUE(fs::exists(one));
  ASSERT_TRUE(fs::exists(two));
  const std::string one_bytes = read_file(one), two_bytes = read_file(two);
  const fs::path all = d_ / "one-all";
  ASSERT_EQ(plain(q(d_ / "monday") + q(d_ / "tuesday"), all).status, 0);
  expect_same_outputs(all, d_ / "out");

  // One cache gone, the other stale (the first one's bytes in its place).
  fs::remove(one);
  { std::ofstream(two, std::ios::binary | std::ios::trunc) << one_bytes; }
  auto run = update("");
  ASSERT_EQ(run.status, 0) << run.err;
  expect_same_outputs(all, d_ / "out");
  EXPECT_EQ(read_file(one), one_bytes);
  EXPECT_EQ(read_file(two), two_bytes);

  // Broken where its end still matches: named, with what to do; the outputs stay.
  std::string broken = one_bytes;
  for (std::size_t i = 0; i < 8; ++i) broken[i] = '\xFF';
  { std::ofstream(one, std::ios::binary | std::ios::trunc) << broken; }
  const std::string before = read_file(d_ / "out" / "graph.ttl");
  run = update("");
  EXPECT_EQ(run.status, 1);
  EXPECT_NE(run.err.find(one.string() + ": record 1:"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("remove the file: it is made again from run-000001.results"), std::string::npos) << run.err;
  EXPECT_EQ(read_file(d_ / "out" / "graph.ttl"), before);
  fs::remove(one);
  run = update("");
  ASSERT_EQ(run.status, 0) << run.err;
  expect_same_outputs(all, d_ / "out");
  EXPECT_EQ(read_file(one), one_bytes);
}

// A warning is printed by the run that extracted its article, and counted
// (not printed) by the later ones, whose summary counts what one build would.
TEST_F(StateE2e, WarningsOfEarlierRunsAreCountedNotPrintedAgain) {
  fs::create_directories(d_ / "w1");
  fs::create_directories(d_ / "w2");
  { std::ofstream(d_ / "w1" / "a.txt") << "Le ministre fictif Paul Inventé s'est rendu à Rabat le 0 juin pour une réunion "
                                          "sur la coopération policière entre le Maroc et la France.\n"; }
  { std::ofstream(d_ / "w2" / "b.txt") << "La ministre fictive Anne Imaginaire a reçu à Madrid son homologue marocain "
                                          "pour parler de coopération judiciaire.\n"; }
  const std::string warning = "'0 juin' is no date a calendar has";
  auto run = update(q(d_ / "w1"));
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_NE(run.err.find(warning), std::string::npos) << run.err;
  const auto first = nlohmann::json::parse(run.out, nullptr, false);
  ASSERT_TRUE(first.is_object()) << run.out;
  run = update(q(d_ / "w2"));
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(run.err.find(warning), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("1 warning about articles of earlier runs not printed again (counted in the summary)"),
            std::string::npos)
      << run.err;
  const auto second = nlohmann::json::parse(run.out, nullptr, false);
  ASSERT_TRUE(second.is_object()) << run.out;
  const auto one = sh_in(d_, kEntente + " build" + q(d_ / "w1") + q(d_ / "w2") + " -o" + q(d_ / "one") + " --json");
  ASSERT_EQ(one.status, 0) << one.err;
  const auto all = nlohmann::json::parse(one.out, nullptr, false);
  ASSERT_TRUE(all.is_object()) << one.out;
  EXPECT_GE(first["warnings"].get<int>(), 1);
  EXPECT_EQ(second["warnings"], all["warnings"]);
  EXPECT_EQ(second["warnings_by_kind"], all["warnings_by_kind"]);
}

TEST_F(StateE2e, AStateFolderInsideTheOutputFolderOrAroundItIsAUsageError) {
  for (const auto& [state, out] : std::vector<std::pair<std::string, std::string>>{
           {"out/news.state", "out"}, {"news.state", "news.state/out"}, {"same", "same"}, {"./x/../same", "same/"}}) {
    const auto run = sh_in(d_, kEntente + " build" + q(d_ / "monday") + " --state " + shell_quoted(state) + " -o " +
                                   shell_quoted(out));
    EXPECT_EQ(run.status, 2) << state << " " << out << ": " << run.err;
    EXPECT_NE(run.err.find("keep the state folder and the output folder apart"), std::string::npos) << run.err;
  }
  EXPECT_FALSE(fs::exists(d_ / "out"));
  EXPECT_FALSE(fs::exists(d_ / "same"));
  // Side by side is fine, even with a common prefix in their names.
  const auto run = sh_in(d_, kEntente + " build" + q(d_ / "monday") + " --state out.state -o out -q");
  EXPECT_EQ(run.status, 0) << run.err;
}

TEST_F(StateE2e, StateAndFromTogetherAreAUsageError) {
  const auto run = sh_in(d_, kEntente + " build --from x.results --state" + q(d_ / "s") + " -o" + q(d_ / "out"));
  EXPECT_EQ(run.status, 2) << run.err;
  EXPECT_NE(run.err.find("--state"), std::string::npos) << run.err;
  EXPECT_FALSE(fs::exists(d_ / "s"));
}

}  // namespace
