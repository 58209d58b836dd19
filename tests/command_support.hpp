// Helpers of the end-to-end tests that run commands (the `entente` binary,
// python3, node): a temporary folder, reading a file, shell quoting, and a
// command run with its stdout, stderr and exit status captured.
#pragma once
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace entente::testing {

namespace fs = std::filesystem;

/// What a command printed and how it exited (-1: killed by a signal).
struct Result {
  int status = -1;
  std::string out, err;
};

/// The bytes of a file ("" when it cannot be read).
inline std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

/// One shell word, single-quoted.
inline std::string quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) {
    if (c == '\'') {
      q += "'\\''";
    } else {
      q += c;
    }
  }
  return q + "'";
}

/// A fresh folder under the system's temporary directory, removed with its
/// contents when the object goes. Copying is deleted: two owners would remove it twice.
class CommandTempDir {
 public:
  explicit CommandTempDir(const std::string& prefix = "entente-test") {
    std::string tmpl = (fs::temp_directory_path() / (prefix + "-XXXXXX")).string();
    path_ = ::mkdtemp(tmpl.data());
  }
  ~CommandTempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  CommandTempDir(const CommandTempDir&) = delete;
  CommandTempDir& operator=(const CommandTempDir&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

/// Runs a shell command line with no standard input, capturing its stdout,
/// stderr (through files in `dir`) and exit status.
inline Result sh(const std::string& cmd, const fs::path& dir) {
  fs::path out = dir / ".stdout", err = dir / ".stderr";
  int raw = std::system((cmd + " >" + quote(out.string()) + " 2>" + quote(err.string()) + " </dev/null").c_str());
  Result r;
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  r.out = slurp(out);
  r.err = slurp(err);
  return r;
}

}  // namespace entente::testing
