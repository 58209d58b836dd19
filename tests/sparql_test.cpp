// End-to-end: the graph of the bundled example articles loads into a SPARQL store
// (Oxigraph, through its npm package) and the queries the documentation
// gives (docs/queries/*.rq) answer what they promise.
//
// The test builds examples/articles into a temporary folder, runs
// tests/sparql/run_queries.mjs on graph.ttl + evidence.ttl + ontology/coop.ttl
// and reads its JSON (SPARQL 1.1 JSON results, one per query file).
// Node.js and tests/sparql/node_modules are installed by scripts/setup.sh; if
// they are missing the tests fail and say so.
#include <gtest/gtest.h>

#include "command_support.hpp"
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

const fs::path kBinary = ENTENTE_BINARY;
const fs::path kSource = ENTENTE_SOURCE_DIR;
const fs::path kExamples = kSource / "examples" / "articles";
const fs::path kQueries = kSource / "docs" / "queries";
const fs::path kRunner = kSource / "tests" / "sparql" / "run_queries.mjs";
const fs::path kNodeModules = kSource / "tests" / "sparql" / "node_modules";

constexpr const char* kSetupHint = "run scripts/setup.sh (it installs nodejs/npm and runs "
                                   "`npm ci --no-audit --no-fund --prefix tests/sparql`)";

using entente::testing::read_file;
using entente::testing::sh;
using entente::testing::shell_quoted;
using entente::testing::ToolRun;

class TempDir : public entente::testing::TempDir {
 public:
  TempDir() : entente::testing::TempDir("entente-sparql") {}
};

/// Splits a GROUP_CONCAT value (separator " | ") into a set.
std::set<std::string> split(const std::string& s) {
  std::set<std::string> parts;
  if (s.empty()) return parts;
  const std::string sep = " | ";
  std::size_t begin = 0;
  for (std::size_t at; (at = s.find(sep, begin)) != std::string::npos; begin = at + sep.size())
    parts.insert(s.substr(begin, at - begin));
  parts.insert(s.substr(begin));
  return parts;
}

/// One result row: variable -> value (unbound variables are absent).
using Row = std::map<std::string, std::string>;

class Sparql : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    const fs::path out = dir_->path() / "out";
    build_ = new ToolRun(sh(shell_quoted(kBinary.string()) + " build " + shell_quoted(kExamples.string()) + " -o " + shell_quoted(out.string()),
                           dir_->path()));
    node_ = new ToolRun(sh("command -v node", dir_->path()));
    if (build_->status != 0 || node_->status != 0 || !fs::is_directory(kNodeModules / "oxigraph")) return;
    run_ = new ToolRun(sh("node " + shell_quoted(kRunner.string()) + " --queries " + shell_quoted(kQueries.string()) + " " +
                             shell_quoted((out / "graph.ttl").string()) + " " + shell_quoted((out / "evidence.ttl").string()) +
                             " " + shell_quoted((kSource / "ontology" / "coop.ttl").string()),
                         dir_->path()));
    if (run_->status == 0) answer_ = new json(json::parse(run_->out, nullptr, /*allow_exceptions=*/false));
  }
  static void TearDownTestSuite() {
    delete answer_;
    delete run_;
    delete node_;
    delete build_;
    delete dir_;
    answer_ = nullptr;
    run_ = node_ = build_ = nullptr;
    dir_ = nullptr;
  }
  void SetUp() override {
    ASSERT_EQ(build_->status, 0) << "entente build failed:\n" << build_->err;
    ASSERT_EQ(node_->status, 0) << "Node.js is not installed (no `node` on PATH): " << kSetupHint;
    ASSERT_TRUE(fs::is_directory(kNodeModules / "oxigraph"))
        << "the oxigraph npm package is not installed in " << kNodeModules << ": " << kSetupHint;
    ASSERT_NE(run_, nullptr);
    ASSERT_EQ(run_->status, 0) << "run_queries.mjs failed:\n" << run_->err;
    ASSERT_NE(answer_, nullptr);
    ASSERT_FALSE(answer_->is_discarded()) << "run_queries.mjs printed no JSON:\n" << run_->out;
  }

  static const json& answer() { return *answer_; }

  /// The rows of one query's answer, values as strings.
  static std::vector<Row> rows(const std::string& query) {
    std::vector<Row> out;
    const json& results = answer().at("results");
    if (!results.contains(query)) {
      ADD_FAILURE() << "no results for query " << query;
      return out;
    }
    for (const json& binding : results.at(query).at("results").at("bindings")) {
      Row row;
      for (const auto& [var, term] : binding.items()) row[var] = term.at("value").get<std::string>();
      out.push_back(std::move(row));
    }
    return out;
  }

  /// The JSON term bound to `var` in row `i` of `query`.
  static const json& term(const std::string& query, std::size_t i, const std::string& var) {
    return answer().at("results").at(query).at("results").at("bindings").at(i).at(var);
  }

  static TempDir* dir_;
  static ToolRun* build_;
  static ToolRun* node_;
  static ToolRun* run_;
  static json* answer_;
};
TempDir* Sparql::dir_ = nullptr;
ToolRun* Sparql::build_ = nullptr;
ToolRun* Sparql::node_ = nullptr;
ToolRun* Sparql::run_ = nullptr;
json* Sparql::answer_ = nullptr;

std::string get(const Row& row, const std::string& var) {
  auto it = row.find(var);
  return it == row.end() ? std::string() : it->second;
}

TEST_F(Sparql, EveryFileLoads) {
  const json& loaded = answer().at("loaded");
  for (const char* f : {"graph.ttl", "evidence.ttl", "coop.ttl"}) {
    ASSERT_TRUE(loaded.contains(f)) << answer().dump(2).substr(0, 500);
    EXPECT_GT(loaded.at(f).get<long>(), 100) << f;
  }
  EXPECT_EQ(answer().at("triples").get<long>(),
            loaded.at("graph.ttl").get<long>() + loaded.at("evidence.ttl").get<long>() +
                loaded.at("coop.ttl").get<long>());
}

TEST_F(Sparql, RunsEveryDocumentedQuery) {
  std::set<std::string> files, answered;
  for (const auto& e : fs::directory_iterator(kQueries))
    if (e.path().extension() == ".rq") files.insert(e.path().stem().string());
  for (const auto& item : answer().at("results").items()) answered.insert(item.key());
  EXPECT_EQ(answered, files);
  for (const char* q : {"agreements", "institutions-by-country", "cooperation-network", "edge-evidence"})
    EXPECT_TRUE(files.count(q)) << "docs/queries/" << q << ".rq is missing";
}

TEST_F(Sparql, AgreementsWithPartiesSignatoriesAndDates) {
  std::vector<Row> agreements = rows("agreements");
  ASSERT_FALSE(agreements.empty());
  bool found = false;
  for (std::size_t i = 0; i < agreements.size(); ++i) {
    const Row& a = agreements[i];
    EXPECT_FALSE(get(a, "label").empty()) << get(a, "agreement");
    EXPECT_GE(split(get(a, "parties")).size(), 2u) << "an agreement with fewer than two parties: " << get(a, "agreement");
    if (get(a, "date") != "2025-10-14") continue;
    found = true;
    EXPECT_EQ(term("agreements", i, "date").value("datatype", ""), "http://www.w3.org/2001/XMLSchema#date");
    EXPECT_EQ(get(a, "kind"), "déclaration conjointe");
    EXPECT_EQ(split(get(a, "parties")), (std::set<std::string>{"Belgique", "Pays-Bas"}));
    EXPECT_EQ(split(get(a, "signatories")), (std::set<std::string>{"Pieter Vandermeulen", "Marieke van Dalen"}));
  }
  EXPECT_TRUE(found) << "no agreement dated 2025-10-14 (the Belgium-Netherlands declaration of example 04)";
}

TEST_F(Sparql, InstitutionsPerCountry) {
  std::map<std::string, std::set<std::string>> by_country;
  for (const Row& r : rows("institutions-by-country")) {
    std::set<std::string> names = split(get(r, "institutions"));
    EXPECT_EQ(std::to_string(names.size()), get(r, "count")) << get(r, "countryLabel");
    by_country[get(r, "countryLabel")] = names;
  }
  ASSERT_TRUE(by_country.count("Sénégal")) << "no institution of Sénégal";
  EXPECT_TRUE(by_country["Sénégal"].count("Office national de lutte contre le trafic de migrants"));
  ASSERT_TRUE(by_country.count("Belgique")) << "no institution of Belgique";
  EXPECT_EQ(by_country["Belgique"], std::set<std::string>{"Parquet fédéral"});
}

TEST_F(Sparql, CountryCooperationNetworkWithWeights) {
  std::vector<Row> edges = rows("cooperation-network");
  ASSERT_FALSE(edges.empty());
  bool found = false;
  for (std::size_t i = 0; i < edges.size(); ++i) {
    const Row& e = edges[i];
    const std::string pair = get(e, "label1") + " - " + get(e, "label2");
    EXPECT_EQ(term("cooperation-network", i, "weight").value("datatype", ""),
              "http://www.w3.org/2001/XMLSchema#integer");
    long weight = std::stol(get(e, "weight"));
    EXPECT_GE(weight, 1) << pair << ": an edge that no document supports";
    EXPECT_EQ(static_cast<std::size_t>(weight), split(get(e, "documents")).size()) << pair;
    for (const std::string& doc : split(get(e, "documents")))
      EXPECT_TRUE(fs::is_regular_file(kExamples / doc)) << pair << ": " << doc << " is not an example article";
    std::set<std::string> ends{get(e, "label1"), get(e, "label2")};
    if (ends == std::set<std::string>{"Belgique", "Pays-Bas"}) {
      found = true;
      EXPECT_EQ(get(e, "documents"), "04_belgique_pays_bas_terrorisme.txt");
    }
  }
  EXPECT_EQ(edges.size(), 5u) << "the five examples report five pairs of cooperating countries";
  EXPECT_TRUE(found) << "no Belgique-Pays-Bas edge";
}

TEST_F(Sparql, EdgeComesFromItsSentences) {
  std::vector<Row> sentences = rows("edge-evidence");
  ASSERT_FALSE(sentences.empty());
  std::set<std::string> docs;
  bool names_both = false;
  for (const Row& s : sentences) {
    EXPECT_EQ(get(s, "subjectLabel"), "Belgique");
    EXPECT_EQ(get(s, "objectLabel"), "Pays-Bas");
    EXPECT_EQ(get(s, "predicate"), "https://w3id.org/entente/coop#cooperatesWith");
    const std::string text = get(s, "sentence");
    EXPECT_FALSE(text.empty());
    EXPECT_LT(std::stol(get(s, "begin")), std::stol(get(s, "end")));
    EXPECT_TRUE(fs::is_regular_file(kExamples / get(s, "file"))) << get(s, "file");
    docs.insert(get(s, "file"));
    if (text.find("Belgique") != std::string::npos && text.find("Pays-Bas") != std::string::npos) names_both = true;
  }
  EXPECT_TRUE(names_both) << "no sentence names both Belgique and Pays-Bas";
  // As many supporting documents as the network query's weight.
  for (const Row& e : rows("cooperation-network")) {
    if (get(e, "label1") == "Belgique" && get(e, "label2") == "Pays-Bas") {
      EXPECT_EQ(std::to_string(docs.size()), get(e, "weight"));
    }
  }
}

}  // namespace
