// A file that appears complete or not at all: bytes go to a temporary file
// beside the target, which is renamed over the target only by commit().
#pragma once
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace entente::exporter {

/// WHAT IT REPRESENTS: an output file being written.
/// THREAD SAFETY: none. Copying is deleted: two owners of one temporary file
/// would race to rename or delete it.
class AtomicFile {
 public:
  /// Opens "<target>.tmp-<pid>" for writing; check ok() and error().
  explicit AtomicFile(std::filesystem::path target);
  ~AtomicFile();  ///< removes the temporary file unless commit() succeeded
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  bool ok() const { return file_ != nullptr && error_.empty(); }
  const std::string& error() const { return error_; }
  std::FILE* stream() { return file_; }
  const std::filesystem::path& target() const { return target_; }

  void write(std::string_view bytes);
  /// Flushes, closes and renames onto the target. Returns false (see error()) on failure.
  bool commit();

 private:
  std::filesystem::path target_;
  std::filesystem::path temp_;
  static constexpr std::size_t kBuffer = std::size_t{1} << 20U;
  std::unique_ptr<char[]> buffer_;  ///< file_'s stdio buffer (freed after fclose)
  std::FILE* file_ = nullptr;
  std::string error_;
  bool committed_ = false;
};

}  // namespace entente::exporter
