// End-to-end: the docs run. Every command line and every SPARQL query shown in
// README.md and docs/*.md is found here, run on the bundled examples, and its
// answer checked; a command this test cannot classify fails it, so a new
// command in the docs comes with its check.
//
// How a page is run: in a fresh folder laid out like the repository for a
// reader (`articles`, `my-articles` and `examples/articles` are the bundled
// articles; `ontology`, `docs`, `tests`, `scripts` link to the sources; `entente`,
// `build/app/entente` and `build-bench/app/entente` are the program under
// test), with `out/` built beforehand in every format (as the reader would
// have after the README). The code blocks of one page run in order in that
// folder. Placeholders become files of it (README's synopsis `INPUTS...`,
// `OUTDIR`, `GRAPH`, `GOLD`; `my-gold.json` is examples/gold.json; the
// Wikidata dump is tests/fixtures/wikidata/mini-dump.json, compressed;
// benchmark corpora become the articles).
//
// What is not run, and why, is a list below (kNotRun): the set-up and test
// scripts (CI runs them), builds and installs (tests/install_check.sh),
// timing recipes (docs/PERFORMANCE.md), and tools that are not in Debian 12.
//
// Queries: each ```sparql block runs in Oxigraph (tests/sparql/run_queries.mjs)
// on graph.ttl, evidence.ttl and the ontology (graph.trig when it reads named
// graphs) and must give rows. A SERVICE clause asks Wikidata, which a test
// cannot reach: its pattern runs against tests/fixtures/wikidata/service.ttl
// instead (a few statements in Wikidata's vocabulary), and the rows must join
// them. docs/queries/*.rq are run and checked by tests/sparql_test.cpp.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "command_support.hpp"

namespace {

namespace fs = std::filesystem;
using entente::testing::lines_of;
using entente::testing::read_file;
using entente::testing::sh;
using entente::testing::shell_quoted;
using entente::testing::TempDir;
using entente::testing::ToolRun;
using json = nlohmann::json;

const fs::path kSource = ENTENTE_SOURCE_DIR;
const fs::path kBinary = ENTENTE_BINARY;

/// A code block of a page: its language ("" for none or an indented block) and lines.
struct Block {
  std::string page;
  int line = 0;  ///< of its first line, from 1
  std::string lang;
  std::vector<std::string> lines;
};

/// Fenced blocks, and indented blocks (four spaces after a blank line) outside them.
std::vector<Block> blocks_of(const fs::path& page) {
  const std::vector<std::string> lines = lines_of(read_file(page));
  std::vector<Block> out;
  const std::string name = fs::relative(page, kSource).string();
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].rfind("```", 0) == 0) {
      Block b{name, static_cast<int>(i + 2), lines[i].substr(3), {}};
      for (++i; i < lines.size() && lines[i].rfind("```", 0) != 0; ++i) b.lines.push_back(lines[i]);
      out.push_back(b);
      continue;
    }
    if (lines[i].rfind("    ", 0) == 0 && i > 0 && lines[i - 1].empty()) {
      Block b{name, static_cast<int>(i + 1), "", {}};
      for (; i < lines.size() && (lines[i].rfind("    ", 0) == 0 || lines[i].empty()); ++i) {
        if (!lines[i].empty()) b.lines.push_back(lines[i].substr(4));
      }
      out.push_back(b);
    }
  }
  return out;
}

std::string trimmed(const std::string& s) {
  const auto b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

/// The line without its comment (a `#` after a space, outside quotes).
std::string without_comment(const std::string& line) {
  bool single = false, dbl = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '\'' && !dbl) single = !single;
    if (line[i] == '"' && !single) dbl = !dbl;
    if (line[i] == '#' && !single && !dbl && (i == 0 || line[i - 1] == ' ')) return trimmed(line.substr(0, i));
  }
  return trimmed(line);
}

/// The program a command line runs: its first word after VAR=value assignments.
std::string program_of(const std::string& command) {
  std::istringstream in(command);
  std::string word;
  while (in >> word) {
    if (std::regex_match(word, std::regex("[A-Za-z_][A-Za-z0-9_]*=.*"))) continue;
    return word;
  }
  return {};
}

/// Programs that start a command line in a shell block; anything else there
/// is sample output and is not run.
bool is_program(const std::string& p) {
  static const std::set<std::string> known{"entente",  "node",       "python3", "sord_validate", "dot",
                                           "sfdp",     "cmake",      "ctest",   "valgrind",      "callgrind_annotate",
                                           "for",      "done",       "oxigraph", "/usr/bin/time", "taskset",
                                           "dask"};
  return known.count(p) != 0 || p.ends_with("/entente") || (p.rfind("scripts/", 0) == 0 && p.size() > 8) ||
         p.rfind("build-bench/", 0) == 0;
}

/// Commands shown but not run here, by program (or program and script), and why.
const std::map<std::string, std::string> kNotRun = {
    {"scripts/setup.sh", "installs packages: fresh-ci.sh runs it on a fresh Debian 12"},
    {"scripts/test.sh", "is what .ci/run runs: this test is one of its tests"},
    {"scripts/run-example.sh", "set-up and build, then the README's build command, which runs here"},
    {"scripts/virtuoso-load.sh", "needs OpenLink Virtuoso, not installed in CI"},
    {"cmake", "builds and installs: tests/install_check.sh installs into a temporary prefix and runs it"},
    {"valgrind", "a timing recipe of docs/PERFORMANCE.md (minutes under valgrind)"},
    {"callgrind_annotate", "reads valgrind's output (docs/PERFORMANCE.md)"},
    {"for", "a timing loop of docs/PERFORMANCE.md"},
    {"done", "a timing loop of docs/PERFORMANCE.md"},
    {"/usr/bin/time", "a timing loop of docs/PERFORMANCE.md"},
    {"build-bench/bench/entente_bench", "the Google Benchmark binary of a Release bench build (docs/PERFORMANCE.md)"},
    {"oxigraph", "the Oxigraph server is not packaged in Debian 12; its JS build runs the same queries here"},
    {"python3 scripts/make_wikidata_index.py", "rewrites graph/data/wikidata-index.tsv (tests/wikidata_test.cpp checks it)"},
    {"python3 scripts/make_bench_corpus.py", "writes megabytes of benchmark corpus (report_e2e_test builds one)"},
    {"python3 scripts/make_fictional_corpus.py", "writes a 2,000-article corpus for a timing of docs/PERFORMANCE.md"},
    {"python3 scripts/bench_formats.py", "rewrites a benchmark corpus in every input format (docs/PERFORMANCE.md)"},
    {"dask", "starts a Dask scheduler or workers that serve until stopped (tests/dask_e2e_test.cpp runs the script "
             "on a LocalCluster)"},
    {"python3 scripts/dask_extract.py", "needs a Dask cluster on other machines; its LocalCluster form runs here"},
};

std::string not_run_key(const std::string& command) {
  const std::string p = program_of(command);
  if (p == "python3") {
    std::istringstream in(command.substr(command.find("python3") + 7));
    std::string script;
    in >> script;
    return "python3 " + script;
  }
  return p;
}

/// Placeholders and machine paths of the docs -> files of the run folder.
std::string concrete(std::string command) {
  static const std::vector<std::pair<std::regex, std::string>> kSubstitutions = {
      {std::regex(R"(INPUTS\.\.\.)"), "articles"},
      {std::regex(R"(\bINPUT\b)"), "articles/01_espagne_senegal_memorandum.txt"},
      {std::regex(R"(\bOUTDIR\b)"), "out"},
      {std::regex(R"(\bGRAPH GOLD\b)"), "out/graph.ttl my-gold.json"},
      {std::regex(R"(\[--json\])"), "--json"},
      {std::regex(R"(/tmp/(entente-bench-[0-9a-z]+|bench[0-9a-z-]*))"), "articles"},
      {std::regex(R"(/tmp/out\b)"), "out"},
      {std::regex(R"(/tmp/([A-Za-z0-9_-]+))"), "$1"},  // any other scratch folder: one of the run folder
      {std::regex(R"(latest-all\.json\.bz2)"), "mini-dump.json.bz2"},
      {std::regex("\xE2\x80\xA6"), "articles -o out-index"},  // "entente build --index wd-index.tsv …"
      {std::regex(R"(\$S/)"), "/usr/lib/lv2/schemas.lv2/"},
  };
  for (const auto& [from, to] : kSubstitutions) command = std::regex_replace(command, from, to);
  return command;
}

/// The file or folder a command line writes (`-o X`), or "".
std::string written_by(const std::string& command) {
  std::smatch m;
  if (std::regex_search(command, m, std::regex(R"((?:^|\s)-o\s+(\S+))"))) return m[1];
  return {};
}

bool has_content(const fs::path& p) {
  std::error_code ec;
  if (fs::is_regular_file(p, ec)) return fs::file_size(p, ec) > 0;
  if (!fs::is_directory(p, ec)) return false;
  for (const auto& e : fs::recursive_directory_iterator(p, ec))
    if (e.is_regular_file() && e.file_size() > 0) return true;
  return false;
}

/// A fresh folder laid out as described at the top, with `out/` built.
class Page {
 public:
  Page() {
    const fs::path d = dir_.path();
    fs::create_directories(d / "examples");
    fs::create_directories(d / "build" / "app");
    fs::create_directories(d / "build-bench" / "app");
    fs::create_directories(d / "bin");
    fs::create_directory_symlink(kSource / "examples" / "articles", d / "articles");
    fs::create_directory_symlink(kSource / "examples" / "articles", d / "my-articles");
    fs::create_directory_symlink(kSource / "examples" / "articles", d / "examples" / "articles");
    fs::create_symlink(kSource / "examples" / "gold.json", d / "my-gold.json");
    for (const char* s : {"ontology", "docs", "tests", "scripts"}) fs::create_directory_symlink(kSource / s, d / s);
    for (const fs::path& p : {d / "bin" / "entente", d / "build" / "app" / "entente", d / "build-bench" / "app" / "entente"})
      fs::create_symlink(kBinary, p);
    // The Wikidata dump of the docs: the fixture, as a .json.bz2 with two streams.
    const std::string dump = (kSource / "tests" / "fixtures" / "wikidata" / "mini-dump.json").string();
    compress_ = shell("head -c 4000 " + shell_quoted(dump) + " | bzip2 -c > mini-dump.json.bz2 && tail -c +4001 " +
                      shell_quoted(dump) + " | bzip2 -c >> mini-dump.json.bz2");
    // The npm packages the docs' JavaScript imports, as `npm install` would put them.
    fs::create_directories(d / "node_modules");
    for (const char* from : {"tests/sparql/node_modules", "tests/gephi/node_modules"}) {
      std::error_code ec;
      for (const auto& e : fs::directory_iterator(kSource / from, ec)) {
        const fs::path link = d / "node_modules" / e.path().filename();
        if (e.path().filename().string().front() != '.' && !fs::exists(fs::symlink_status(link)))
          fs::create_directory_symlink(e.path(), link);
      }
    }
    prebuilt_ = shell("entente build articles -o out -f ttl,nt,nq,trig,graphml,gexf,dot --report -q");
  }

  const fs::path& path() const { return dir_.path(); }
  ToolRun shell(const std::string& command) const {
    return sh("cd " + shell_quoted(dir_.path().string()) + " && export PATH=" +
                  shell_quoted((dir_.path() / "bin").string()) + ":\"$PATH\" && { " + command + "\n}",
              dir_.path());
  }
  const ToolRun& prebuilt() const { return prebuilt_; }
  const ToolRun& compress() const { return compress_; }

 private:
  TempDir dir_;
  ToolRun prebuilt_, compress_;
};

std::vector<fs::path> pages() {
  std::vector<fs::path> out{kSource / "README.md"};
  std::vector<fs::path> docs;
  for (const auto& e : fs::directory_iterator(kSource / "docs"))
    if (e.path().extension() == ".md") docs.push_back(e.path());
  std::sort(docs.begin(), docs.end());
  out.insert(out.end(), docs.begin(), docs.end());
  return out;
}

/// The command lines of a shell-like block (continuations joined).
std::vector<std::string> commands_of(const Block& b) {
  std::vector<std::string> out;
  if (b.lang != "" && b.lang != "sh" && b.lang != "bash") return out;
  std::string pending;
  for (const std::string& raw : b.lines) {
    std::string line = raw;
    const bool continued = !trimmed(line).empty() && trimmed(line).back() == '\\';
    if (continued) line = trimmed(line).substr(0, trimmed(line).size() - 1);
    pending += (pending.empty() ? "" : " ") + trimmed(line);
    if (continued) continue;
    const std::string command = without_comment(pending);
    pending.clear();
    if (command.empty() || !is_program(program_of(command))) continue;
    out.push_back(command);
  }
  return out;
}

/// What a command must have answered, beyond exit status 0 and its output.
void check_answer(const std::string& command, const ToolRun& r, const Page& page) {
  const std::string program = program_of(command);
  const std::string written = written_by(command);
  if (!written.empty()) {
    EXPECT_TRUE(has_content(page.path() / written)) << written << " was not written";
  } else {
    EXPECT_FALSE(trimmed(r.out).empty()) << "no answer on standard output";
  }
  if (!program.ends_with("entente")) return;
  const bool as_json = command.find("--json") != std::string::npos;
  if (command.find(" build ") != std::string::npos) {
    EXPECT_TRUE(has_content(page.path() / written / "graph.ttl") ||
                has_content(page.path() / written / "graph.graphml") ||
                has_content(page.path() / written / "graph.gexf"));
    if (!as_json && command.find(" -q") == std::string::npos) {
      EXPECT_NE(r.out.find("documents read: 5\n"), std::string::npos) << r.out;
    }
  } else if (command.find(" score ") != std::string::npos) {
    if (as_json) {
      const json j = json::parse(r.out, nullptr, false);
      ASSERT_FALSE(j.is_discarded()) << r.out;
      EXPECT_TRUE(j.contains("entities")) << r.out.substr(0, 300);
    } else {
      EXPECT_NE(r.out.find("entity F1 1.000, relation F1 1.000"), std::string::npos) << r.out;
    }
  } else if (command.find(" extract ") != std::string::npos && !written.empty()) {
    // Extraction results (docs/SCALING.md): the bundled articles, as a results file.
    EXPECT_NE(r.out.find("documents extracted: 5\n"), std::string::npos) << r.out;
    EXPECT_EQ(read_file(page.path() / written).rfind("{\"entente\":\"extraction results\",\"version\":1}\n", 0), 0U);
  } else if (command.find(" extract ") != std::string::npos) {
    EXPECT_NE(r.out.find("Espagne"), std::string::npos) << r.out.substr(0, 300);
    if (as_json) {
      EXPECT_FALSE(json::parse(r.out, nullptr, false).is_discarded()) << r.out.substr(0, 300);
    }
  } else if (command.find(" index import ") != std::string::npos) {
    const std::string index = read_file(page.path() / written);
    EXPECT_EQ(index.rfind("# entente-wikidata-index 1\n", 0), 0u) << index.substr(0, 200);
    EXPECT_GT(std::count(index.begin(), index.end(), '\n'), 3);
  } else if (command.find("--help") != std::string::npos) {
    EXPECT_NE(r.out.find("build"), std::string::npos) << r.out;
  }
}

/// Runs a SPARQL block in Oxigraph on the page's out/ and returns its rows.
json run_query(const Page& page, const std::string& name, std::string query) {
  // SERVICE <wikidata> { P } -> P, against the stand-in statements.
  bool service = false;
  const std::string open = "SERVICE <https://query.wikidata.org/sparql> {";
  if (const std::size_t at = query.find(open); at != std::string::npos) {
    service = true;
    int depth = 1;
    std::size_t i = at + open.size();
    for (; i < query.size() && depth > 0; ++i) depth += query[i] == '{' ? 1 : query[i] == '}' ? -1 : 0;
    query = query.substr(0, at) + query.substr(at + open.size(), i - 1 - at - open.size()) + query.substr(i);
  }
  const fs::path file = page.path() / (name + ".rq");
  std::ofstream(file) << query;
  std::string inputs = query.find("GRAPH <") != std::string::npos ? "out/graph.trig" : "out/graph.ttl out/evidence.ttl";
  inputs += " ontology/coop.ttl";
  if (service) inputs += " tests/fixtures/wikidata/service.ttl";
  const ToolRun r = page.shell("node tests/sparql/run_queries.mjs --query " + shell_quoted(file.string()) + " " + inputs);
  EXPECT_EQ(r.status, 0) << r.err;
  const json j = json::parse(r.out, nullptr, false);
  if (j.is_discarded() || !j.contains("results") || !j["results"].contains(name)) {
    ADD_FAILURE() << "no answer: " << r.out.substr(0, 300) << r.err;
    return json::array();
  }
  return j["results"][name]["results"]["bindings"];
}

TEST(Docs, EveryCommandAndQueryRunsOnTheExamplesAndAnswers) {
  ASSERT_EQ(sh("command -v node bzip2 sord_validate dot", kSource).status, 0)
      << "node, bzip2, sord_validate and dot are needed: run scripts/setup.sh";
  std::size_t ran = 0, queries = 0;
  std::set<std::string> not_run;
  for (const fs::path& file : pages()) {
    const Page page;
    ASSERT_EQ(page.compress().status, 0) << page.compress().err;
    ASSERT_EQ(page.prebuilt().status, 0) << page.prebuilt().err;
    for (const Block& b : blocks_of(file)) {
      if (b.lang == "sparql") {
        SCOPED_TRACE(b.page + ":" + std::to_string(b.line) + " (SPARQL)");
        std::string query;
        for (const auto& l : b.lines) query += l + "\n";
        const json rows = run_query(page, "q" + std::to_string(++queries), query);
        EXPECT_GT(rows.size(), 0u) << query;
        if (query.find("SERVICE") != std::string::npos) {
          // The stand-in's population joined a country of the examples.
          bool joined = false;
          for (const auto& row : rows) joined = joined || row.contains("population");
          EXPECT_TRUE(joined) << rows.dump().substr(0, 400);
        }
        continue;
      }
      if (b.lang == "python" || b.lang == "js") {
        SCOPED_TRACE(b.page + ":" + std::to_string(b.line) + " (" + b.lang + ")");
        std::string code;
        for (const auto& l : b.lines) code += l + "\n";
        const std::string name = "snippet" + std::to_string(b.line) + (b.lang == "js" ? ".mjs" : ".py");
        std::ofstream(page.path() / name) << code;
        const ToolRun r = page.shell((b.lang == "js" ? std::string("node ") : shell_quoted(ENTENTE_PYTHON) + " ") + name);
        ++ran;
        EXPECT_EQ(r.status, 0) << code << "\n" << r.err;
        continue;
      }
      for (const std::string& shown : commands_of(b)) {
        SCOPED_TRACE(b.page + ":" + std::to_string(b.line) + ": " + shown);
        const std::string key = not_run_key(shown);
        if (kNotRun.count(key) || kNotRun.count(program_of(shown))) {
          not_run.insert(kNotRun.count(key) ? key : program_of(shown));
          continue;
        }
        const std::string command = concrete(shown);
        const ToolRun r = page.shell(command);
        ++ran;
        EXPECT_EQ(r.status, 0) << command << "\n" << r.err;
        check_answer(command, r, page);
      }
    }
  }
  std::cout << "[ docs     ] " << ran << " commands run, " << queries << " SPARQL blocks answered, "
            << not_run.size() << " kinds of command not run:";
  for (const auto& k : not_run) std::cout << " " << k << ";";
  std::cout << "\n";
  EXPECT_GE(ran, 15u);
  EXPECT_GE(queries, 3u);
  // Every reason given is still used: a command that left the docs leaves the list.
  for (const auto& [key, why] : kNotRun) EXPECT_TRUE(not_run.count(key)) << key << " is no longer in the docs";
}

TEST(Docs, TheReaderFindsWhatTheTestRuns) {
  // How the test above reads a page: commands in indented and fenced blocks
  // (comments, sample output and continuations handled), placeholders.
  Block indented{"page.md", 3, "", {"entente build articles -o out   # a comment", "documents read: 5"}};
  EXPECT_EQ(commands_of(indented), std::vector<std::string>{"entente build articles -o out"});
  Block fenced{"page.md", 7, "sh", {"entente score out/graph.ttl my-gold.json \\", "  --json"}};
  EXPECT_EQ(commands_of(fenced), std::vector<std::string>{"entente score out/graph.ttl my-gold.json --json"});
  EXPECT_EQ(commands_of(Block{"page.md", 12, "sparql", {"SELECT 1"}}), std::vector<std::string>{});
  EXPECT_EQ(concrete("entente build INPUTS... -o OUTDIR"), "entente build articles -o out");
  EXPECT_EQ(concrete("entente score GRAPH GOLD [--json]"), "entente score out/graph.ttl my-gold.json --json");
  EXPECT_EQ(written_by("entente index import d.json -o wd.tsv"), "wd.tsv");
  EXPECT_EQ(program_of("ENTENTE_BENCH_CORPUS=/tmp/x build-bench/bench/entente_bench --x"),
            "build-bench/bench/entente_bench");
  EXPECT_EQ(not_run_key("python3 scripts/make_wikidata_index.py"), "python3 scripts/make_wikidata_index.py");
}

}  // namespace
