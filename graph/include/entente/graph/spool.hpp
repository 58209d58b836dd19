// Bytes kept in a temporary file past a bound in memory.
//
// WHAT IT REPRESENTS: bytes appended at the end and read back by offset.
// They gather in a buffer; each time it holds `in_memory` bytes it goes to an
// unlinked temporary file (the spool), so memory stays under that bound
// whatever was appended. The file is made in `directory` (by default
// std::filesystem::temp_directory_path()) and unlinked at once: it never
// outlives the process. When no file can be made or written (a read-only or
// full disk), the bytes stay in memory: nothing is lost, only the bound.
//
// Usage:
//   Spool spool(folder);
//   const std::uint64_t at = spool.size();
//   spool.append(bytes);
//   std::string scratch;
//   std::string_view back = spool.read(at, at + bytes.size(), scratch);
//
// THREAD SAFETY: append on one thread with no reader; once appending is over,
// any number of threads may read at once (each with its own scratch).
#pragma once
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace entente::graph {

class Spool {
 public:
  /// The buffer's bound by default.
  static constexpr std::size_t kInMemory = std::size_t{1} << 20;

  explicit Spool(std::filesystem::path directory = {}, std::size_t in_memory = kInMemory);
  ~Spool();
  Spool(const Spool&) = delete;  // owns the file's descriptor
  Spool& operator=(const Spool&) = delete;
  Spool(Spool&& other) noexcept;
  Spool& operator=(Spool&& other) noexcept;

  /// Bytes appended so far.
  std::uint64_t size() const { return on_disk_ + buffer_.size(); }
  /// The first on_disk() bytes are in the file, the others in memory.
  std::uint64_t on_disk() const { return on_disk_; }
  void append(std::string_view bytes);
  /// Bytes [begin, end) (requires begin <= end <= size()): a view of the
  /// buffer when they are all there, else read into `scratch` and a view of it.
  /// Throws std::system_error when the file cannot be read back.
  std::string_view read(std::uint64_t begin, std::uint64_t end, std::string& scratch) const;

 private:
  void spill();  ///< moves the buffer to the file (or keeps it, when it cannot)

  std::filesystem::path directory_;
  std::size_t in_memory_;
  int fd_ = -1;               ///< the file, once made; -1 before (or when it cannot be)
  bool stay_ = false;         ///< no file could be made or written: every byte stays in `buffer_`
  std::uint64_t on_disk_ = 0;
  std::string buffer_;
};

}  // namespace entente::graph
