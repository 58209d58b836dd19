// End-to-end: all or nothing per run (app/output_folder.hpp). A build is
// stopped by each signal at each phase — while extracting (the staging folder
// half written), once every file is written but not swapped in, and between
// the swap and the return of the user's own files — and the output folder
// must then hold every file of the previous run or every file of the new
// one, byte for byte, never a mix; SIGINT, SIGTERM and SIGHUP exit 130, 143
// and 129 with a message and leave nothing behind; after a SIGKILL the next
// run removes what was left and brings back the user's files.
//
// The pauses come from ENTENTE_PAUSE_AT=extract|write|swap (app/interrupt.hpp):
// the program says "paused at PHASE" on stderr and waits; the signal is sent then.
#include <gtest/gtest.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "command_support.hpp"

namespace {

namespace fs = std::filesystem;
using entente::testing::read_file;
using entente::testing::shell_quoted;
using entente::testing::sh;
using entente::testing::TempDir;
using entente::testing::ToolRun;

const fs::path kBinary = ENTENTE_BINARY;
const fs::path kExamples = fs::path(ENTENTE_SOURCE_DIR) / "examples" / "articles";

/// Every entry of a folder (hidden ones too) -> its bytes ("<dir>" for a folder).
std::map<std::string, std::string> contents(const fs::path& dir) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::directory_iterator(dir))
    out[e.path().filename().string()] = e.is_directory() ? "<dir>" : read_file(e.path());
  return out;
}

/// Entries beside `out` that a run of Entente left (".out.entente-PID").
std::vector<std::string> leftovers(const fs::path& parent) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(parent)) {
    const std::string name = e.path().filename().string();
    if (name.find(".entente-") != std::string::npos) out.push_back(name);
  }
  return out;
}

std::string names(const std::map<std::string, std::string>& c) {
  std::string s;
  for (const auto& [name, bytes] : c) s += name + " ";
  return s;
}

struct Stopped {
  int exit_status = -1;  ///< when it exited
  int signal = 0;        ///< when a signal killed it
  std::string err;
};

/// Runs `entente ARGS` in `dir` with ENTENTE_PAUSE_AT=phase, sends `sig`
/// once it says it paused, and waits for it.
Stopped stop_at(const fs::path& dir, const std::vector<std::string>& args, const std::string& phase, int sig) {
  const fs::path err = dir / "stderr.txt";
  fs::remove(err);
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::setenv("ENTENTE_PAUSE_AT", phase.c_str(), 1);
    if (::chdir(dir.c_str()) != 0) ::_exit(120);
    const int fd = ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int null = ::open("/dev/null", O_RDWR);
    if (fd < 0 || null < 0) ::_exit(121);
    ::dup2(fd, STDERR_FILENO);
    ::dup2(null, STDOUT_FILENO);
    ::dup2(null, STDIN_FILENO);
    std::vector<std::string> argv{kBinary.string()};
    argv.insert(argv.end(), args.begin(), args.end());
    std::vector<char*> c;
    for (auto& a : argv) c.push_back(a.data());
    c.push_back(nullptr);
    ::execv(c[0], c.data());
    ::_exit(122);
  }
  Stopped s;
  bool paused = false;
  for (int i = 0; i < 1200 && !paused; ++i) {  // 60 s at most (the sanitized build is slow)
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    paused = read_file(err).find("paused at " + phase) != std::string::npos;
  }
  EXPECT_TRUE(paused) << "never paused at " << phase << ": " << read_file(err);
  ::kill(pid, sig);
  int status = 0;
  ::waitpid(pid, &status, 0);
  if (WIFEXITED(status)) s.exit_status = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) s.signal = WTERMSIG(status);
  s.err = read_file(err);
  return s;
}

ToolRun build(const fs::path& dir, const std::string& args) {
  return sh("cd " + shell_quoted(dir.string()) + " && " + shell_quoted(kBinary.string()) + " build " +
                shell_quoted(kExamples.string()) + " " + args,
            dir);
}

/// A folder `out` with the previous run's outputs and a file of the user's;
/// and, in `reference`, what the new run writes when nothing stops it.
struct Scene {
  TempDir t;
  std::map<std::string, std::string> before, after;
  Scene() {
    EXPECT_EQ(build(t.path(), "-o ref -q -f nt,gexf --report").status, 0);
    after = contents(t.path() / "ref");
    fs::remove_all(t.path() / "ref");
    EXPECT_EQ(build(t.path(), "-o out -q").status, 0);
    std::ofstream(t.path() / "out" / "notes.txt") << "the user's\n";
    before = contents(t.path() / "out");
    after["notes.txt"] = "the user's\n";
  }
  std::vector<std::string> args() const {
    return {"build", kExamples.string(), "-o", "out", "-f", "nt,gexf", "--report"};
  }
};

TEST(Interrupts, EachSignalAtEachPhaseLeavesTheOldFolderOrTheNewOneAndNothingElse) {
  const std::vector<std::pair<int, const char*>> signals{{SIGINT, "SIGINT"}, {SIGTERM, "SIGTERM"}, {SIGHUP, "SIGHUP"}};
  for (const char* phase : {"extract", "write", "swap"}) {
    for (const auto& [sig, name] : signals) {
      SCOPED_TRACE(std::string(phase) + " " + name);
      Scene scene;
      ASSERT_EQ(scene.before.count("graph.ttl"), 1u);
      const Stopped s = stop_at(scene.t.path(), scene.args(), phase, sig);
      EXPECT_EQ(s.exit_status, 128 + sig) << s.err;
      EXPECT_NE(s.err.find(std::string("entente: interrupted (") + name + "): "), std::string::npos) << s.err;
      const auto now = contents(scene.t.path() / "out");
      if (std::string(phase) == "swap") {
        // Past the swap: this run's files, the user's back beside them.
        EXPECT_EQ(now, scene.after) << names(now);
        EXPECT_NE(s.err.find("the new outputs were already in place"), std::string::npos) << s.err;
      } else {
        EXPECT_EQ(now, scene.before) << names(now);
        EXPECT_NE(s.err.find("out is as it was"), std::string::npos) << s.err;
      }
      EXPECT_EQ(leftovers(scene.t.path()), std::vector<std::string>{});
    }
  }
}

TEST(Interrupts, AfterAKillTheFolderIsWholeAndTheNextRunCleansUpAndBringsBackTheUsersFiles) {
  for (const char* phase : {"extract", "write", "swap"}) {
    SCOPED_TRACE(phase);
    Scene scene;
    const Stopped s = stop_at(scene.t.path(), scene.args(), phase, SIGKILL);
    EXPECT_EQ(s.signal, SIGKILL);
    const auto now = contents(scene.t.path() / "out");
    if (std::string(phase) == "swap") {
      // The new set, whole; the user's file waits in the previous folder.
      auto expected = scene.after;
      expected.erase("notes.txt");
      EXPECT_EQ(now, expected) << names(now);
    } else {
      EXPECT_EQ(now, scene.before) << names(now);
    }
    ASSERT_EQ(leftovers(scene.t.path()).size(), 1u);
    // The next run: nothing left beside, the user's file back, its own outputs whole.
    ASSERT_EQ(build(scene.t.path(), "-o out -q -f nt,gexf --report").status, 0);
    EXPECT_EQ(leftovers(scene.t.path()), std::vector<std::string>{});
    EXPECT_EQ(contents(scene.t.path() / "out"), scene.after) << names(contents(scene.t.path() / "out"));
  }
}

TEST(Interrupts, AnErrorAfterExtractionLeavesTheFolderAsItWas) {
  Scene scene;
  std::ofstream(scene.t.path() / "bad.tsv") << "not an index\n";
  const ToolRun r = build(scene.t.path(), "-o out -q -f nt --index bad.tsv");
  EXPECT_EQ(r.status, 1);
  // --index is read once the articles are: the staging folder existed, and went.
  EXPECT_EQ(contents(scene.t.path() / "out"), scene.before);
  EXPECT_EQ(leftovers(scene.t.path()), std::vector<std::string>{});
}

TEST(Interrupts, AFullDiskLeavesTheFolderAsItWas) {
  // A file size limit makes writes fail as a full disk does (EFBIG; SIGXFSZ ignored).
  Scene scene;
  const ToolRun r = sh("cd " + shell_quoted(scene.t.path().string()) + " && trap '' XFSZ && ulimit -f 100 && exec " +
                           shell_quoted(kBinary.string()) + " build " + shell_quoted(kExamples.string()) +
                           " -o out -q -f nt,gexf --report",
                       scene.t.path());
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_NE(r.err.find("write failed"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("(out is as it was)"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find(".entente-"), std::string::npos) << "names the staging folder: " << r.err;
  EXPECT_EQ(contents(scene.t.path() / "out"), scene.before);
  EXPECT_EQ(leftovers(scene.t.path()), std::vector<std::string>{});
}

TEST(Interrupts, TemporariesOfKilledRunsInsideTheFolderAreRemovedOnlyWhenTheyAreEntentes) {
  Scene scene;
  const fs::path out = scene.t.path() / "out";
  // PID 999999999 cannot be a running process (pid_max is at most 2^22).
  for (const char* name : {"graph.ttl.tmp-999999999", "evidence.ttl.spool-999999999", "report.html.tmp-999999999"})
    std::ofstream(out / name) << "half a file";
  std::ofstream(out / "mine.tmp-999999999") << "not Entente's";
  fs::create_directory(scene.t.path() / ".out.entente-999999999");
  std::ofstream(scene.t.path() / ".out.entente-999999999" / "graph.nt") << "half";
  ASSERT_EQ(build(scene.t.path(), "-o out -q -f nt,gexf --report").status, 0);
  auto expected = scene.after;
  expected["mine.tmp-999999999"] = "not Entente's";
  EXPECT_EQ(contents(out), expected) << names(contents(out));
  EXPECT_EQ(leftovers(scene.t.path()), std::vector<std::string>{});
}

TEST(Interrupts, ThePermissionsOfTheFolderAreKept) {
  Scene scene;
  fs::permissions(scene.t.path() / "out", fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec);
  ASSERT_EQ(build(scene.t.path(), "-o out -q").status, 0);
  EXPECT_EQ(fs::status(scene.t.path() / "out").permissions(),
            fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec);
}

}  // namespace
