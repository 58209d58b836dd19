// Record caches (results.hpp, cache_of): writing one beside a results file,
// and reading one back when it matches that file. Private to entente_results.
//
// Layout, front to back:
//   records   each as its length (8 bytes, little-endian) then to_binary's bytes
//   index     per record: content, input file, ordinal, offset of its line in
//             the results file (Place; 8, 4, 8, 8 bytes)
//   files     the results file's input files (count, then base_id, id, canonical of each)
//   trailer   results file size, hash of its end line, documents, offset of
//             the index, offset of the files (8 bytes each), cache version (4
//             bytes), "entente.records\n"
#pragma once
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "entente/export/atomic_file.hpp"
#include "entente/results/results.hpp"

namespace entente::results {

/// The hash of a results file's end line (with its newline), as its cache names it.
std::uint64_t end_line_hash(std::string_view line);

/// WHAT IT REPRESENTS: a record cache being written (it appears whole or not at all).
class CacheWriter {
 public:
  /// The cache of the results file `results`.
  explicit CacheWriter(const std::filesystem::path& results);
  /// False once it cannot be written, or holds a record it cannot keep (all_utf8).
  bool ok() const { return file_ && file_->ok(); }
  /// The next record, read from input file `file_index` of the results file, its line at `offset` there.
  void add(const Record& r, std::uint32_t file_index, std::uint64_t offset);
  /// Writes the index, the files and the trailer, and puts the cache in place;
  /// false when it could not (the results file is read instead: not an error).
  bool finish(const std::vector<ingest::InputFile>& files, std::uint64_t results_size, std::uint64_t end_hash);

 private:
  std::unique_ptr<exporter::AtomicFile> file_;
  std::vector<Place> index_;
  std::uint64_t written_ = 0;
  std::string buffer_;
};

/// WHAT IT REPRESENTS: a record cache being read.
class CacheReader {
 public:
  /// Opens the cache of `results` if it names a results file of this size and
  /// end line; false when there is none, or it does not match (or is broken).
  bool open(const std::filesystem::path& results, std::uint64_t results_size, std::uint64_t end_hash);
  std::size_t documents() const { return documents_; }
  /// The results file's input files. "" on success.
  std::string files(std::vector<ingest::InputFile>& out);
  /// Where each record is. "" on success.
  std::string places(std::vector<Place>& out);
  /// The bytes of the next record (to from_binary); false at the end, or on
  /// a cache broken there (`error` says how).
  bool next(std::string& bytes, std::string& error);
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
  std::ifstream in_;
  std::uint64_t at_ = 0;  ///< where the next record starts
  std::uint64_t index_ = 0, files_ = 0, end_ = 0;
  std::size_t documents_ = 0, read_ = 0;
};

}  // namespace entente::results
