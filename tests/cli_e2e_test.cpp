// End-to-end: the command line as a user meets it — mistyped commands, help,
// version, formats, exit codes, messages, --base, --json, and the outputs of
// earlier runs in the same folder.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "command_support.hpp"

namespace {

namespace fs = std::filesystem;
using entente::testing::sh;
using entente::testing::shell_quoted;
using entente::testing::ToolRun;

const fs::path kBinary = ENTENTE_BINARY;
const fs::path kExamples = fs::path(ENTENTE_SOURCE_DIR) / "examples" / "articles";

ToolRun entente(const std::string& args, const fs::path& dir) { return sh(shell_quoted(kBinary.string()) + " " + args, dir); }

std::string examples() { return shell_quoted(kExamples.string()); }

/// `name` inside `t`, quoted for the shell (commands do not run in `t`).
std::string in(const entente::testing::TempDir& t, const std::string& name) {
  return shell_quoted((t.path() / name).string());
}

/// Every non-empty line of `text` starts with "entente: ".
void expect_prefixed(const std::string& text) {
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    if (!line.empty()) {
      EXPECT_EQ(line.rfind("entente: ", 0), 0u) << line;
    }
  }
}

TEST(Cli, AMistypedCommandSuggestsTheNearestOne) {
  entente::testing::TempDir t;
  ToolRun r = entente("buidl x", t.path());
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("did you mean 'build'?"), std::string::npos) << r.err;
  expect_prefixed(r.err);
  r = entente("scroe a b", t.path());
  EXPECT_NE(r.err.find("did you mean 'score'?"), std::string::npos) << r.err;
  r = entente("frobnicate", t.path());  // nothing near: no suggestion
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err.find("did you mean"), std::string::npos) << r.err;
}

TEST(Cli, HelpCommandAndVersion) {
  entente::testing::TempDir t;
  ToolRun r = entente("help", t.path());
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.out.find("Subcommands:"), std::string::npos) << r.out;
  r = entente("help build", t.path());
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.out.find("Usage: entente build [OPTIONS] [INPUT...]"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("--from RESULTS ..."), std::string::npos) << r.out;
  r = entente("help index import", t.path());
  EXPECT_NE(r.out.find("Usage: entente index import"), std::string::npos) << r.out;
  r = entente("help biuld", t.path());
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("did you mean 'build'?"), std::string::npos) << r.err;
  for (const char* flag : {"-V", "--version"}) {
    r = entente(flag, t.path());
    EXPECT_EQ(r.status, 0) << flag;
    EXPECT_EQ(r.out.rfind("entente ", 0), 0u) << r.out;
  }
}

TEST(Cli, HelpHasNoParserArtefactsAndExamplesPerCommand) {
  entente::testing::TempDir t;
  for (const char* cmd : {"", "build", "extract", "index", "index import", "score"}) {
    ToolRun r = entente(std::string(cmd) + " --help", t.path());
    EXPECT_EQ(r.status, 0) << cmd;
    EXPECT_EQ(r.out.find("{false}"), std::string::npos) << cmd;
    EXPECT_EQ(r.out.find("{true}"), std::string::npos) << cmd;
    EXPECT_NE(r.out.find("Usage: entente"), std::string::npos) << cmd << ": the usage line names the program, not its path";
    EXPECT_NE(r.out.find("Exit status: 0"), std::string::npos) << cmd;
    EXPECT_NE(r.out.find("  entente "), std::string::npos) << cmd << ": no example";
  }
  // A command's help shows its own examples, not the global list.
  ToolRun r = entente("extract --help", t.path());
  EXPECT_EQ(r.out.find("entente score out/graph.ttl gold.json"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("entente extract "), std::string::npos) << r.out;
}

TEST(Cli, FormatsRepeatedAnyCaseAndSpacedAfterCommas) {
  entente::testing::TempDir t;
  ToolRun r = entente("build -q " + examples() + " -o " + in(t, "out") + " -f TTL -f gexf --no-evidence", t.path());
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(fs::exists(t.path() / "out" / "graph.ttl"));
  EXPECT_TRUE(fs::exists(t.path() / "out" / "graph.gexf"));
  r = entente("build -q " + examples() + " -o " + in(t, "out2") + " -f 'nt, GraphML' --no-evidence", t.path());
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(fs::exists(t.path() / "out2" / "graph.nt"));
  EXPECT_TRUE(fs::exists(t.path() / "out2" / "graph.graphml"));
  EXPECT_FALSE(fs::exists(t.path() / "out2" / "graph.ttl"));
  r = entente("build -q " + examples() + " -o " + in(t, "out3") + " -f ttl,pdf", t.path());
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("unknown format 'pdf'"), std::string::npos) << r.err;
  expect_prefixed(r.err);
}

TEST(Cli, OneMeaningPerExitCode) {
  entente::testing::TempDir t;
  // 1: an input that cannot be read, for every command that reads one.
  EXPECT_EQ(entente("build missing.txt -o " + in(t, "out"), t.path()).status, 1);
  EXPECT_EQ(entente("extract missing.txt", t.path()).status, 1);
  EXPECT_EQ(entente("index import missing.json -o x.tsv", t.path()).status, 1);
  EXPECT_EQ(entente("score missing.ttl missing.json", t.path()).status, 1);
  EXPECT_EQ(entente("build " + examples() + " -o " + in(t, "out") + " --index missing.tsv", t.path()).status, 1);
  // 2: usage, for every command.
  for (const char* args : {"", "build", "build x.txt", "extract", "index", "index import", "score a.ttl",
                           "build x.txt -o out --bogus", "extract x.txt --bogus", "score a b --min-entity-f1 2"}) {
    ToolRun r = entente(args, t.path());
    EXPECT_EQ(r.status, 2) << args;
    expect_prefixed(r.err);
  }
}

TEST(Cli, BaseMustBeAnAbsoluteIriEndingInSlashOrHash) {
  entente::testing::TempDir t;
  for (const char* bad : {"'not an iri'", "''", "'https://example.org/id'", "'example.org/id/'",
                          "'https://example.org/a b/'", "'https://example.org/<x>/'"}) {
    ToolRun r = entente("build -q " + examples() + " -o " + in(t, "out") + " --base " + bad, t.path());
    EXPECT_EQ(r.status, 2) << bad;
    EXPECT_NE(r.err.find("cannot be the base"), std::string::npos) << r.err;
    expect_prefixed(r.err);
    EXPECT_FALSE(fs::exists(t.path() / "out")) << bad;
  }
  for (const char* good : {"https://example.org/id/", "urn:x-entente:corpus#", "http://example.org/é/"}) {
    ToolRun r = entente("build -q --no-evidence " + examples() + " -o " + in(t, "ok") + " --base '" + good + "'", t.path());
    EXPECT_EQ(r.status, 0) << good << r.err;
    std::ifstream f(t.path() / "ok" / "graph.ttl");
    const std::string ttl((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
    EXPECT_NE(ttl.find(std::string("<") + good + "country/"), std::string::npos) << good;
  }
}

TEST(Cli, BuildPrintsItsSummaryAsJson) {
  entente::testing::TempDir t;
  ToolRun r = entente("build -q --json " + examples() + " -o " + in(t, "out"), t.path());
  ASSERT_EQ(r.status, 0) << r.err;
  const nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j.at("documents_read"), 5);
  EXPECT_EQ(j.at("exit_status"), 0);
  EXPECT_GT(j.at("nodes").at("by_type").at("Country").get<int>(), 0);
  EXPECT_EQ(j.at("nodes").at("total").get<std::size_t>(), [&] {
    std::size_t n = 0;
    for (const auto& [type, count] : j.at("nodes").at("by_type").items()) n += count.get<std::size_t>();
    return n;
  }());
  EXPECT_EQ(j.at("wrote").size(), 3u);
}

TEST(Cli, ARunRemovesOnlyItsOwnEarlierOutputsThatItDidNotWriteAgain) {
  entente::testing::TempDir t;
  ASSERT_EQ(entente("build -q " + examples() + " -o " + in(t, "out") + " -f ttl,gexf,dot --report", t.path()).status, 0);
  std::ofstream(t.path() / "out" / "notes.txt") << "mine\n";
  std::ofstream(t.path() / "out" / "graph.csv") << "mine too\n";
  ToolRun r = entente("build " + examples() + " -o " + in(t, "out") + " -f nt --no-evidence", t.path());
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(fs::exists(t.path() / "out" / "graph.nt"));
  for (const char* gone : {"graph.ttl", "graph.gexf", "graph.dot", "report.html", "evidence.ttl"})
    EXPECT_FALSE(fs::exists(t.path() / "out" / gone)) << gone;
  EXPECT_TRUE(fs::exists(t.path() / "out" / "notes.txt"));
  EXPECT_TRUE(fs::exists(t.path() / "out" / "graph.csv"));
  EXPECT_NE(r.out.find("removed (outputs of an earlier run not written by this one):"), std::string::npos) << r.out;
}

}  // namespace

namespace {

void copy_example(const std::string& name, const fs::path& to) {
  fs::create_directories(to.parent_path());
  fs::copy_file(kExamples / name, to, fs::copy_options::overwrite_existing);
}

std::string slurp(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>()};
}

TEST(Inputs, TheSameFileTwiceOrThroughALinkIsOneDocument) {
  entente::testing::TempDir t;
  copy_example("01_espagne_senegal_memorandum.txt", t.path() / "a" / "x.txt");
  fs::create_symlink(t.path() / "a" / "x.txt", t.path() / "link.txt");
  ToolRun r = entente("build --json " + in(t, "a/x.txt") + " " + in(t, "a/x.txt") + " " + in(t, "link.txt") + " " +
                          in(t, "a") + " -o " + in(t, "out"),
                      t.path());
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out).at("documents_read"), 1);
  EXPECT_NE(r.err.find("read once"), std::string::npos) << r.err;
}

TEST(Inputs, TwoFilesOfTheSameNameInOtherFoldersAreToldApart) {
  entente::testing::TempDir t;
  copy_example("01_espagne_senegal_memorandum.txt", t.path() / "a" / "x.txt");
  copy_example("04_belgique_pays_bas_terrorisme.txt", t.path() / "b" / "x.txt");
  ToolRun r = entente("build -q " + in(t, "a") + " " + in(t, "b") + " -o " + in(t, "out"), t.path());
  ASSERT_EQ(r.status, 0) << r.err;
  const std::string ttl = slurp(t.path() / "out" / "graph.ttl");
  EXPECT_NE(ttl.find("dcterms:identifier \"a/x.txt\""), std::string::npos);
  EXPECT_NE(ttl.find("dcterms:identifier \"b/x.txt\""), std::string::npos);
}

TEST(Inputs, TheOrderOfTheInputsChangesNoByte) {
  entente::testing::TempDir t;
  const std::vector<std::string> names = {"01_espagne_senegal_memorandum.txt", "03_maroc_tunisie_cooperation_judiciaire.txt",
                                          "05_algerie_mali_retour_volontaire.txt"};
  copy_example(names[0], t.path() / "p" / names[0]);
  copy_example(names[1], t.path() / "q" / names[1]);
  copy_example(names[2], t.path() / names[2]);
  const std::vector<std::string> args = {in(t, "p"), in(t, "q/" + names[1]), in(t, names[2])};
  const std::vector<std::vector<std::size_t>> orders = {{0, 1, 2}, {2, 1, 0}, {1, 0, 2}, {2, 0, 1}};
  std::string first_ttl, first_evidence;
  for (std::size_t k = 0; k < orders.size(); ++k) {
    std::string cmd = "build -q -f ttl,nq,graphml";
    for (const std::size_t i : orders[k]) cmd += " " + args[i];
    const std::string out = "out" + std::to_string(k);
    ASSERT_EQ(entente(cmd + " -o " + in(t, out), t.path()).status, 0);
    const std::string ttl = slurp(t.path() / out / "graph.ttl") + slurp(t.path() / out / "graph.nq") +
                            slurp(t.path() / out / "graph.graphml");
    const std::string evidence = slurp(t.path() / out / "evidence.ttl");
    if (k == 0) {
      first_ttl = ttl;
      first_evidence = evidence;
      continue;
    }
    EXPECT_EQ(ttl, first_ttl) << "order " << k;
    EXPECT_EQ(evidence, first_evidence) << "order " << k;
  }
}

}  // namespace

namespace {

TEST(Docs, TheReadmesSampleSummaryIsTheRealOutputOfItsCommand) {
  const std::string readme = slurp(fs::path(ENTENTE_SOURCE_DIR) / "README.md");
  const std::string marker = "`entente build examples/articles -o out`\nprints";
  const std::size_t at = readme.find(marker);
  ASSERT_NE(at, std::string::npos) << "README.md no longer shows the summary of `entente build examples/articles -o out`";
  const std::size_t begin = readme.find("```\n", at);
  ASSERT_NE(begin, std::string::npos);
  const std::size_t end = readme.find("```", begin + 4);
  ASSERT_NE(end, std::string::npos);
  const std::string sample = readme.substr(begin + 4, end - begin - 4);
  entente::testing::TempDir t;
  ToolRun r = sh("cd " + shell_quoted(t.path().string()) + " && " + shell_quoted(kBinary.string()) + " build " +
                     shell_quoted(kExamples.string()) + " -o out",
                 t.path());
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, sample);
}

}  // namespace

namespace {

TEST(Inputs, TheSummaryCountsWarningsByWhatWasDroppedOrChanged) {
  entente::testing::TempDir t;
  fs::create_directories(t.path() / "d");
  // Invented text: an impossible date, a NUL byte past the first bytes, a link to nothing, a file given twice.
  std::string text = "Le 31 février 2023, la Belgique et le Maroc ont signé un accord de coopération policière. ";
  for (int i = 0; i < 10; ++i) text += text;  // 93 KB: the NUL byte is past the first 64 KiB
  text += std::string("Jean Du") + '\0' + "pont y était.\n";
  std::ofstream(t.path() / "d" / "a.txt", std::ios::binary) << text;
  fs::create_symlink("nowhere.txt", t.path() / "d" / "dangling.txt");
  ToolRun r = entente("build " + in(t, "d") + " " + in(t, "d/a.txt") + " -o " + in(t, "out"), t.path());
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("\nwarnings: 1027 (NUL bytes 1, files read once 1, impossible dates 1024, links and folders 1)\n"),
            std::string::npos)
      << r.out;
  r = entente("build --json " + in(t, "d") + " -o " + in(t, "out"), t.path());
  ASSERT_EQ(r.status, 0) << r.err;
  const nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j.at("warnings"), 1026);
  EXPECT_EQ(j.at("warnings_by_kind"),
            (nlohmann::json{{"NUL bytes", 1}, {"impossible dates", 1024}, {"links and folders", 1}}));
}

TEST(Inputs, LinksThatLeadNowhereAreWarningsAndStrictMakesThemExitOne) {
  entente::testing::TempDir t;
  copy_example("01_espagne_senegal_memorandum.txt", t.path() / "d" / "a.txt");
  fs::create_symlink("nowhere.txt", t.path() / "d" / "dangling.txt");
  fs::create_symlink("loop.txt", t.path() / "d" / "loop.txt");
  fs::create_symlink("self", t.path() / "self");
  ToolRun r = entente("build -q " + in(t, "d") + " -o " + in(t, "out"), t.path());
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("dangling.txt: warning: a link to nothing: skipped"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("loop.txt: warning: a link that loops"), std::string::npos) << r.err;
  r = entente("build -q --strict " + in(t, "d") + " -o " + in(t, "out"), t.path());
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("--strict: 2 warnings"), std::string::npos) << r.err;
  EXPECT_TRUE(fs::exists(t.path() / "out" / "graph.ttl"));
  // A loop named on the command line says so, not "no such file".
  r = entente("build -q " + in(t, "self") + " -o " + in(t, "out2"), t.path());
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("a link that loops"), std::string::npos) << r.err;
  // Without warnings, --strict changes nothing.
  EXPECT_EQ(entente("build -q --strict " + in(t, "d/a.txt") + " -o " + in(t, "out3"), t.path()).status, 0);
}

}  // namespace
