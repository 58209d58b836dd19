// Helpers of the tests that run commands (the `entente` binary, serdi,
// python3, node): a temporary folder, reading a file, shell quoting, and a
// command run with its stdout, stderr and exit status captured. Header-only,
// with no dependency on the project's libraries (end-to-end tests link none).
#pragma once
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace entente::testing {

namespace fs = std::filesystem;

/// A fresh directory under the system temporary directory, removed at the end.
class TempDir {
 public:
  /// `prefix` starts the directory's name.
  explicit TempDir(const std::string& prefix = "entente-test") {
    path_ = fs::temp_directory_path() /
            (prefix + "-" + std::to_string(::getpid()) + "-" + std::to_string(counter_++));
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
  static inline int counter_ = 0;
};

/// The lines of `text`, without their '\n' (empty lines kept).
inline std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

inline std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

struct ToolRun {
  int status = -1;  ///< exit status, or -1 if it did not exit normally
  std::string out;  ///< stdout
  std::string err;  ///< stderr
};

/// `arg` quoted for the shell.
inline std::string shell_quoted(const std::string& arg) {
  std::string out = "'";
  for (const char c : arg) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

/// Runs argv through the shell with popen, stdout and stderr kept apart.
inline ToolRun run(const std::vector<std::string>& argv, const fs::path& err_file) {
  std::string command;
  for (const auto& a : argv) command += shell_quoted(a) + " ";
  command += "2>" + shell_quoted(err_file.string());
  ToolRun r;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return r;
  std::array<char, 4096> buf{};
  std::size_t n = 0;
  while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0) r.out.append(buf.data(), n);
  const int st = ::pclose(pipe);
  if (st != -1 && WIFEXITED(st)) r.status = WEXITSTATUS(st);
  r.err = read_file(err_file);
  return r;
}

/// Runs a shell command line with no standard input, capturing its stdout,
/// stderr (through files in `dir`) and exit status.
inline ToolRun sh(const std::string& cmd, const fs::path& dir) {
  fs::path out = dir / ".stdout", err = dir / ".stderr";
  int raw = std::system((cmd + " >" + shell_quoted(out.string()) + " 2>" + shell_quoted(err.string()) +
                         " </dev/null").c_str());
  ToolRun r;
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  r.out = read_file(out);
  r.err = read_file(err);
  return r;
}

/// `command` run by the shell in `dir` (its working folder), as sh() runs it.
inline ToolRun sh_in(const fs::path& dir, const std::string& command) {
  return sh("cd " + shell_quoted(dir.string()) + " && " + command, dir);
}

}  // namespace entente::testing
