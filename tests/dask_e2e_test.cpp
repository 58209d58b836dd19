// scripts/dask_extract.py on a LocalCluster of two worker processes: outputs
// byte-identical to one `entente build`, results through a shared folder or
// through the scheduler, a failing task retried, a shard that fails twice
// named with the command that redoes it, the others' results kept.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "command_support.hpp"

namespace {

using entente::testing::read_file;
using entente::testing::sh_in;
using entente::testing::shell_quoted;
using entente::testing::TempDir;
using entente::testing::ToolRun;
namespace fs = std::filesystem;

const std::string kEntente = ENTENTE_BINARY;
const std::string kPython = ENTENTE_PYTHON;
const fs::path kScript = fs::path(ENTENTE_SOURCE_DIR) / "scripts" / "dask_extract.py";
const fs::path kExamples = fs::path(ENTENTE_SOURCE_DIR) / "examples" / "articles";
const fs::path kSeeds = fs::path(ENTENTE_SHARED_DIR) / "corpus" / "seeds";
const std::string kBuildOptions = " -f ttl,graphml,gexf,nq --report -q";


bool have_dask() { return std::system((kPython + " -c 'import distributed' 2>/dev/null").c_str()) == 0; }

/// The script on the examples and the seeds, in shards of about 8 KB.
std::string dask(const std::string& options, const std::string& entente = kEntente) {
  return kPython + " " + shell_quoted(kScript.string()) + " " + shell_quoted(kExamples.string()) + " " +
         shell_quoted(kSeeds.string()) + " --workers 2 --shard-mb 0.008 --entente " + shell_quoted(entente) + " " +
         options + kBuildOptions;
}

/// N of the script's "in N shard(s)", or 0.
std::size_t shards_said(const std::string& err) {
  const std::size_t at = err.find(" shard(s)");
  if (at == std::string::npos) return 0;
  const std::size_t from = err.rfind(' ', at - 1) + 1;
  return std::stoul(err.substr(from, at - from));
}

std::string shard_file(std::size_t k, std::size_t n) {
  char name[64];
  std::snprintf(name, sizeof name, "shard-%05zu-of-%05zu.results", k, n);
  return name;
}

void expect_same_outputs(const fs::path& a, const fs::path& b) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(a)) names.push_back(e.path().filename().string());
  ASSERT_EQ(names.size(), 6U);  // four formats, evidence.ttl, report.html
  for (const auto& name : names) EXPECT_TRUE(read_file(a / name) == read_file(b / name)) << name << " differs";
}

class Dask : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!have_dask()) GTEST_SKIP() << "no python3-distributed (scripts/setup.sh installs it)";
    const ToolRun r = sh_in(dir_.path(), kEntente + " build " + shell_quoted(kExamples.string()) + " " +
                                          shell_quoted(kSeeds.string()) + " -o plain" + kBuildOptions);
    ASSERT_EQ(r.status, 0) << r.err;
  }
  const fs::path& d() const { return dir_.path(); }
  TempDir dir_{"entente-dask"};
};

TEST_F(Dask, TwoWorkersGiveTheBytesOfOneBuild) {
  const ToolRun r = sh_in(d(), dask("-o out --work work"));
  ASSERT_EQ(r.status, 0) << r.err;
  const std::size_t n = shards_said(r.err);
  EXPECT_GE(n, 3U) << r.err;
  EXPECT_NE(r.err.find("on a LocalCluster of 2 worker processes"), std::string::npos) << r.err;
  expect_same_outputs(d() / "plain", d() / "out");
  std::size_t shards = 0;
  for (const auto& e : fs::directory_iterator(d() / "work")) shards += e.path().extension() == ".results" ? 1U : 0U;
  EXPECT_EQ(shards, n);  // --work given: kept
}

TEST_F(Dask, ResultsThroughTheSchedulerGiveTheSameBytes) {
  const ToolRun r = sh_in(d(), dask("-o out --through-scheduler"));
  ASSERT_EQ(r.status, 0) << r.err;
  expect_same_outputs(d() / "plain", d() / "out");
  for (const auto& e : fs::directory_iterator(d()))
    EXPECT_EQ(e.path().filename().string().find(".dask-"), std::string::npos) << "left " << e.path();
}

/// An entente that fails its extraction of shard 2: always, or the first time only.
fs::path failing_entente(const fs::path& dir, bool once) {
  const fs::path p = dir / (once ? "flaky-entente" : "broken-entente");
  std::ofstream(p) << "#!/bin/sh\n"
                   << "case \"$*\" in *'--shard 2/'*)\n"
                   << (once ? "  if [ ! -e " + shell_quoted((dir / "failed-once").string()) + " ]; then touch " +
                                  shell_quoted((dir / "failed-once").string()) + "; echo 'worker lost' >&2; exit 3; fi\n"
                            : "  echo 'disk on fire' >&2; exit 3\n")
                   << "esac\nexec " << shell_quoted(kEntente) << " \"$@\"\n";
  fs::permissions(p, fs::perms::owner_all);
  return p;
}

TEST_F(Dask, ATaskThatFailsOnceIsRetried) {
  const ToolRun r = sh_in(d(), dask("-o out", failing_entente(d(), true).string()));
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(fs::exists(d() / "failed-once"));
  expect_same_outputs(d() / "plain", d() / "out");
}

TEST_F(Dask, AShardThatFailsTwiceIsNamedAndTheOthersAreKept) {
  ToolRun r = sh_in(d(), dask("-o out --work work", failing_entente(d(), false).string()));
  EXPECT_EQ(r.status, 1) << r.err;
  const std::size_t n = shards_said(r.err);
  ASSERT_GE(n, 3U) << r.err;
  const std::string of = "/" + std::to_string(n);
  EXPECT_NE(r.err.find("shard 2" + of + " failed twice"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("disk on fire"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("--shard 2" + of + " -o"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(d() / "out"));
  std::vector<std::string> kept, others;
  for (const auto& e : fs::directory_iterator(d() / "work")) kept.push_back(e.path().filename().string());
  std::sort(kept.begin(), kept.end());
  for (std::size_t k = 1; k <= n; ++k)
    if (k != 2) others.push_back(shard_file(k, n));
  EXPECT_EQ(kept, others);
  // The cause fixed: the others are reused, the outputs are one build's.
  r = sh_in(d(), dask("-o out --work work --reuse"));
  ASSERT_EQ(r.status, 0) << r.err;
  expect_same_outputs(d() / "plain", d() / "out");
}

}  // namespace
