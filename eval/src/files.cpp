#include "files.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>

namespace entente::eval {

std::optional<std::string> read_bytes(const std::string& path, Diagnostics& diags) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    diags.push_back({Severity::error, {path}, "is a directory, not a file", {}});
    return std::nullopt;
  }
  errno = 0;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    const int err = errno;
    diags.push_back({Severity::error,
                     {path},
                     std::string("cannot open: ") + (err != 0 ? std::strerror(err) : "unknown error"),
                     {}});
    return std::nullopt;
  }
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) {
    diags.push_back({Severity::error, {path}, "read error", {}});
    return std::nullopt;
  }
  return bytes;
}

}  // namespace entente::eval
