// End-to-end: the `entente score` command, on files made at test time and on
// the seed (and dev) corpus of ../shared, compared with ../shared/eval/score.py,
// the official measure. docs/EVALUATION.md says where the two may differ.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "command_support.hpp"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const fs::path kBinary = ENTENTE_BINARY;
const fs::path kShared = ENTENTE_SHARED_DIR;
const fs::path kScorePy = kShared / "eval" / "score.py";

using entente::testing::sh;
using entente::testing::shell_quoted;
using entente::testing::TempDir;
using entente::testing::ToolRun;

/// `entente ARGS` run in `dir` (files are named relative to it).
ToolRun entente(const std::string& args, const fs::path& dir) {
  return sh("cd " + shell_quoted(dir.string()) + " && " + shell_quoted(kBinary.string()) + " " + args, dir);
}

void write(const fs::path& p, const std::string& bytes) { std::ofstream(p, std::ios::binary) << bytes; }

/// A one-node graph and a gold file that also expects a relation it lacks.
void write_small_pair(const fs::path& dir) {
  write(dir / "graph.ttl",
        "@prefix coop: <https://w3id.org/entente/coop#> .\n"
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        "<http://x/es> a coop:Country ; rdfs:label \"Espagne\"@fr .\n"
        "<http://x/sn> a coop:Country ; rdfs:label \"Sénégal\"@fr .\n"
        "<http://x/ferrer> a coop:Person ; rdfs:label \"Lucía Ferrer\"@fr .\n");
  write(dir / "gold.json", R"({"entities": [
    {"id": "ES", "type": "Country", "name": "Espagne"},
    {"id": "SN", "type": "Country", "name": "Sénégal"},
    {"id": "ferrer", "type": "Person", "name": "Lucía Ferrer"}],
    "relations": [["ferrer", "country", "ES"]]})");
}

TEST(ScoreCommand, HelpTeachesWhatItReadsWithAnExample) {
  TempDir t("entente-score");
  const ToolRun r = entente("score --help", t.path());
  EXPECT_EQ(r.status, 0);
  for (const char* s : {"GRAPH", "GOLD", "--json", "--min-entity-f1", "--min-relation-f1", "Example",
                        "entente score out/graph.ttl gold.json", "docs/EVALUATION.md", "coop:mentionedIn"})
    EXPECT_NE(r.out.find(s), std::string::npos) << s << "\n" << r.out;
}

TEST(ScoreCommand, UsageErrorsExitWithTwo) {
  TempDir t("entente-score");
  write_small_pair(t.path());
  const std::string graph = shell_quoted((t.path() / "graph.ttl").string());
  const std::string gold = shell_quoted((t.path() / "gold.json").string());
  EXPECT_EQ(entente("score", t.path()).status, 2);
  EXPECT_EQ(entente("score " + graph, t.path()).status, 2);
  EXPECT_EQ(entente("score " + graph + " " + gold + " --min-entity-f1 1.5", t.path()).status, 2);
  EXPECT_EQ(entente("score " + graph + " " + gold + " --frobnicate", t.path()).status, 2);
}

TEST(ScoreCommand, PrintsTheTableAndWhatWasMissed) {
  TempDir t("entente-score");
  write_small_pair(t.path());
  const ToolRun r = entente("score graph.ttl gold.json", t.path());
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("entities         1.000  1.000  1.000   3/0/0"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("missed relations (1):\n  ferrer country ES"), std::string::npos) << r.out;
  const ToolRun j = entente("score graph.ttl gold.json --json", t.path());
  EXPECT_EQ(j.status, 0) << j.err;
  const json report = json::parse(j.out);
  EXPECT_EQ(report["relations"]["fn"].get<int>(), 1);
  EXPECT_EQ(report["missed_relations"][0], json::array({"ferrer", "country", "ES"}));
}

TEST(ScoreCommand, ABarNotMetExitsWithOne) {
  TempDir t("entente-score");
  write_small_pair(t.path());
  EXPECT_EQ(entente("score graph.ttl gold.json --min-entity-f1 1 --min-relation-f1 0", t.path()).status, 0);
  const ToolRun r = entente("score graph.ttl gold.json --min-relation-f1 0.5", t.path());
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("entente: relation F1 0.000 is below --min-relation-f1 0.500"), std::string::npos)
      << r.err;
  EXPECT_NE(r.out.find("missed relations"), std::string::npos);  // the report is still printed
}

TEST(ScoreCommand, BadInputIsNamedWithItsFileAndByte) {
  TempDir t("entente-score");
  write_small_pair(t.path());
  write(t.path() / "bad.json", "{\"entities\": [}\n");
  ToolRun r = entente("score graph.ttl bad.json", t.path());
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("entente: bad.json: byte 14: error: not JSON"), std::string::npos) << r.err;
  write(t.path() / "bad.ttl", "<http://x/a> <http://x/b> .\n");
  r = entente("score bad.ttl gold.json", t.path());
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("entente: bad.ttl: byte "), std::string::npos) << r.err;
  r = entente("score missing.ttl gold.json", t.path());
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("missing.ttl"), std::string::npos) << r.err;
  r = entente("score gold.json gold.json", t.path());
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("unknown RDF syntax"), std::string::npos) << r.err;
}

// ---- Against score.py ----------------------------------------------------------

class ScoreCorpus : public ::testing::Test {
 protected:
  /// Builds `corpus` into dir/out in the four RDF syntaxes; false (and the test skipped) when absent.
  bool build(const fs::path& corpus) {
    if (!fs::is_directory(corpus) || !fs::exists(kScorePy)) return false;
    const ToolRun r = entente("build " + shell_quoted(corpus.string()) + " -o " +
                                  shell_quoted(out().string()) + " -q --no-evidence -f ttl,nt,nq,trig",
                              dir_.path());
    EXPECT_EQ(r.status, 0) << r.err;
    return r.status == 0;
  }
  fs::path out() const { return dir_.path() / "out"; }

  json mine(const fs::path& graph, const fs::path& gold) {
    const ToolRun r = entente(
        "score " + shell_quoted(graph.string()) + " " + shell_quoted(gold.string()) + " --json", dir_.path());
    EXPECT_EQ(r.status, 0) << r.err;
    return json::parse(r.out, nullptr, false);
  }

  json official(const fs::path& graph, const fs::path& gold) {
    const ToolRun r = sh(std::string(ENTENTE_PYTHON) + " " + shell_quoted(kScorePy.string()) + " " +
                             shell_quoted(graph.string()) + " " + shell_quoted(gold.string()) + " --json",
                         dir_.path());
    EXPECT_EQ(r.status, 0) << r.err;
    return json::parse(r.out, nullptr, false);
  }

  /// The F1s of the two scorers within `tolerance` (0: the same to 3 decimals).
  void expect_agreement(const fs::path& gold, double tolerance) {
    const json m = mine(out() / "graph.ttl", gold);
    const json p = official(out() / "graph.ttl", gold);
    ASSERT_TRUE(m.is_object() && p.is_object());
    for (const char* part : {"entities", "relations", "agreements"}) {
      const double a = m[part]["f1"].get<double>(), b = p[part]["f1"].get<double>();
      if (tolerance == 0.0) {
        EXPECT_EQ(std::lround(a * 1000), std::lround(b * 1000)) << part << ": " << a << " vs score.py " << b;
      } else {
        EXPECT_LE(std::abs(a - b), tolerance) << part << ": " << a << " vs score.py " << b;
      }
    }
  }

  TempDir dir_{"entente-score-corpus"};
};

TEST_F(ScoreCorpus, OnTheSeedsAgreesWithScorePy) {
  if (!build(kShared / "corpus" / "seeds")) GTEST_SKIP() << "no seed corpus or score.py in " << kShared;
  const fs::path gold = kShared / "eval" / "seed-gold.json";
  expect_agreement(gold, 0.0);
  // On the seeds every count is the same, not only the F1s.
  const json m = mine(out() / "graph.ttl", gold), p = official(out() / "graph.ttl", gold);
  for (const char* part : {"entities", "relations", "agreements"})
    for (const char* n : {"tp", "fp", "fn"}) EXPECT_EQ(m[part][n], p[part][n]) << part << " " << n;
  for (const char* t : {"Person", "Institution", "Country"})
    for (const char* n : {"tp", "fp", "fn"})
      EXPECT_EQ(m["entities_by_type"][t][n], p["by_type"][t][n]) << t << " " << n;
  for (const char* pred : {"memberOf", "country", "cooperatesWith", "party", "person"})
    for (const char* n : {"tp", "fp", "fn"})
      EXPECT_EQ(m["relations_by_predicate"][pred][n], p["relations_by_predicate"][pred][n])
          << pred << " " << n;
  EXPECT_EQ(m["agreement_dates"], p["agreement_dates"]);
  EXPECT_EQ(m["wikidata"]["right"], p["wikidata"]["right"]);
  EXPECT_EQ(m["wikidata"]["wrong"], p["wikidata"]["wrong"]);
  EXPECT_EQ(m["wikidata"]["gold"], p["wikidata"]["gold_with_qid"]);
  EXPECT_EQ(m["missed_relations"].size(), p["missed_relations"].size());
}

TEST_F(ScoreCorpus, EveryRdfSyntaxGivesTheSameScore) {
  if (!build(kShared / "corpus" / "seeds")) GTEST_SKIP() << "no seed corpus or score.py in " << kShared;
  const fs::path gold = kShared / "eval" / "seed-gold.json";
  json ttl = mine(out() / "graph.ttl", gold);
  ttl.erase("graph");
  for (const char* ext : {"nt", "nq", "trig"}) {
    json other = mine(out() / (std::string("graph.") + ext), gold);
    other.erase("graph");
    EXPECT_EQ(other, ttl) << ext;
  }
}

// On the dev corpus the two scorers may differ where docs/EVALUATION.md
// ("Where it differs from score.py") says; the tolerance is the one stated there.
TEST_F(ScoreCorpus, OnTheDevCorpusStaysWithinTheDocumentedTolerance) {
  if (!build(kShared / "corpus" / "dev")) GTEST_SKIP() << "no dev corpus or score.py in " << kShared;
  expect_agreement(kShared / "eval" / "dev-gold.json", 0.03);
}

}  // namespace
