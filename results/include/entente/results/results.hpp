// Extraction results as files: extraction (70 % of a build, one document at a
// time) can run anywhere — another process, another machine, an earlier run —
// and the build reads what it found: `entente extract ARTICLES -o FILE`, then
// `entente build --from FILE...`.
//
// The format (docs/SCALING.md has it field by field) is JSON Lines, UTF-8:
//   line 1      {"entente": "extraction results", "version": 1, ...}
//   then        one object per document, in the order the build reads them
//               (by the canonical path of its input file, then its place in it)
//   last line   {"end": {"documents": N, "files": [...]}}: the input files
//               (identifiers and canonical paths), and the proof that the
//               file is whole.
// A file of another version, or without its last line, is refused with a
// message that names it. A reader of version 1 reads only version 1.
//
// Usage:
//   namespace rs = entente::results;
//   rs::Writer out("shard-1.results");
//   out.add(record, input_file);        // in reading order
//   if (std::string err = out.finish(); !err.empty()) fail(err);
//
//   rs::Merge in;                       // several files, one document order
//   if (std::string err = in.open({"shard-1.results", "shard-2.results"}); !err.empty()) fail(err);
//   rs::Record r;
//   while (in.next(r)) build(r);        // in.error() says why it stopped early
//
// Nothing here prints: errors are returned as messages naming the file and line.
// THREAD SAFETY: none; one thread per Writer, Reader or Merge.
#pragma once
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "entente/export/atomic_file.hpp"
#include "entente/export/writers.hpp"
#include "entente/extract/status.hpp"
#include "entente/graph/duplicates.hpp"
#include "entente/graph/graph.hpp"
#include "entente/ingest/ingest.hpp"

namespace entente::results {

/// The version this build writes and reads.
inline constexpr int kVersion = 1;

/// WHAT IT REPRESENTS: what a build needs of one extracted document: its
/// facts for the graph, its fingerprint (copies of earlier articles), its
/// text and the stretches of it that mentions and relations' sentences cover
/// (evidence.ttl, report.html), and the warnings its extraction gave.
/// THREAD SAFETY: a value.
struct Record {
  graph::DocumentFacts facts;
  graph::Fingerprint fingerprint;
  exporter::EvidenceDraft evidence;
  Diagnostics diagnostics;
  ingest::InputFile input;    ///< the file it was read from (identifiers as the extracting run made them)
  std::uint64_t ordinal = 0;  ///< its place among the documents of that file
  /// content_hash of the document before its extraction (record_of leaves it
  /// 0: its caller sets it); 0 when unknown (files written before the field).
  std::uint64_t content = 0;
};

/// The identity of a document's content: a stable 64-bit hash of its text
/// and metadata as converted (ingest::to_document; call it before
/// extraction, which may fill the date from a dateline): what extraction reads,
/// so that a run can tell a document it has extracted before without
/// extracting it again. The same document gives the same hash on every
/// machine and run; its name and place do not count.
std::uint64_t content_hash(const extract::Document& doc);

/// The record of an extracted document read from `input` (ordinal: its place
/// there). `evidence` false leaves Record::evidence empty (a build without
/// evidence.ttl has no use for it; a results file always has it).
Record record_of(const extract::Document& doc, const ingest::InputFile& input, std::uint64_t ordinal,
                 bool evidence = true);

/// One record as a line of the format (no newline), and back. from_line
/// returns a message on a line that is not a record of this version.
std::string to_line(const Record& r, std::uint32_t file_index);
/// `file_index`, when given, receives the record's index into `files`.
std::string from_line(std::string_view line, const std::vector<ingest::InputFile>& files, Record& r,
                      std::uint32_t* file_index = nullptr);

/// The record cache of a results file (a state folder's "run-000001.results"
/// has "run-000001.records"): the same records in a binary form that reads
/// back several times faster than JSON, and an index of them, so that an
/// update of a state folder does not spend its time parsing what it parsed
/// before. A cache is only ever a copy: it names the results file's size and
/// the hash of its end line, and a cache that does not match them (or is
/// missing) is not read: the results file is (and the cache is made again
/// from it). Its layout is in src/cache.hpp.
inline constexpr std::string_view kCacheExtension = ".records";
std::filesystem::path cache_of(const std::filesystem::path& results);
/// One record in the cache's binary form (appended to `out`), and back:
/// from_binary returns a message on bytes that are not such a record (every
/// length is checked against the bytes left, every index as from_line does).
/// `wanted`, when given, sees the record's head (all but facts.entities,
/// facts.relations, facts.sentences and evidence) and says whether the rest
/// is read: a document the build will only list (an exact copy of an earlier
/// one) need not be read whole.
using BodyWanted = std::function<bool(const Record& head)>;
void to_binary(const Record& r, std::uint32_t file_index, std::string& out);
std::string from_binary(std::string_view bytes, const std::vector<ingest::InputFile>& files, Record& r,
                        const BodyWanted& wanted = {});
/// Whether every string of `r` is well-formed UTF-8: only then does its JSON
/// line (which replaces bad bytes) read back as `r`, and only then is it cached.
bool all_utf8(const Record& r);

/// Where a record is, as a record cache's index has it.
struct Place {
  std::uint64_t content = 0;  ///< Record::content
  std::uint32_t file = 0;     ///< its input file, into Reader::files()
  std::uint64_t ordinal = 0;  ///< Record::ordinal
  std::uint64_t offset = 0;   ///< of its line in the results file
};

class CacheWriter;
class CacheReader;

/// WHAT IT REPRESENTS: a results file being written; it appears whole (with
/// its last line) or not at all (exporter::AtomicFile).
class Writer {
 public:
  /// `cache`: write its record cache (cache_of(file)) too, put in place after it.
  explicit Writer(std::filesystem::path file, bool cache = false);
  ~Writer();
  Writer(const Writer&) = delete;
  Writer& operator=(const Writer&) = delete;
  /// The first error so far (naming the file), or "".
  const std::string& error() const { return error_; }
  /// Appends a record; records come in reading order.
  void add(const Record& r);
  /// Writes the last line and puts the file in place. "" on success.
  std::string finish();
  std::size_t documents() const { return documents_; }

 private:
  exporter::AtomicFile file_;
  std::vector<ingest::InputFile> files_;
  std::string error_;
  std::size_t documents_ = 0;
  std::string line_;
  std::uint64_t bytes_ = 0;              ///< written to `file_` so far
  std::unique_ptr<CacheWriter> cache_;  ///< its record cache
};

/// WHAT IT REPRESENTS: one results file being read, record by record.
class Reader {
 public:
  /// What to do with the file's record cache (cache_of).
  enum class Cache {
    no,      ///< read the results file
    read,    ///< read the cache when it matches the file, else the file
    remake,  ///< read, and when the cache does not match, make it again as the file is read
  };
  Reader();
  ~Reader();
  Reader(const Reader&) = delete;
  Reader& operator=(const Reader&) = delete;
  /// Opens `file`, checks its first line (format and version) and its last
  /// (whole). "" on success, else why not (naming the file). A cache made
  /// again is put in place once the last record has been read.
  std::string open(const std::filesystem::path& file, Cache cache = Cache::no);
  /// Whether the records come from the record cache.
  bool cached() const { return cache_ != nullptr; }
  /// Where each record is, from the cache's index (cached() only). "" on success.
  std::string places(std::vector<Place>& out);
  /// Its input files, from its last line.
  const std::vector<ingest::InputFile>& files() const { return files_; }
  std::size_t documents() const { return documents_; }
  /// The next record; false at the end or on an error (error() says which).
  /// `wanted`: from_binary's, for records read from the cache.
  bool next(Record& r, const BodyWanted& wanted = {});
  const std::string& error() const { return error_; }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
  std::ifstream in_;
  std::uint64_t end_offset_ = 0;  ///< where the last line starts
  std::size_t line_number_ = 1;
  std::vector<ingest::InputFile> files_;
  std::size_t documents_ = 0;
  std::size_t read_ = 0;
  std::string line_;
  std::string error_;
  std::unique_ptr<CacheReader> cache_;  ///< the record cache being read, when it matched
  std::unique_ptr<CacheWriter> remake_;  ///< the record cache being made again
  std::uint64_t end_hash_ = 0, size_ = 0;  ///< of the results file: its end line's hash, its size
  std::uint64_t offset_ = 0;             ///< of the next line
  std::string record_;
  bool next_cached(Record& r, const BodyWanted& wanted);
};

/// WHAT IT REPRESENTS: several results files read as one corpus, in the
/// order one `entente build` of all their inputs reads them: by canonical
/// path of the input file, then place in it, whatever the split of the
/// documents into files and the order of the files. Input files are
/// identified as that build would (ingest::tell_apart over all of them), and
/// a document found in two files (the same input file and place, the same
/// text) is read once. Past kKeptOpen files, a file is opened only once the
/// merge reaches its first document and closed at its end: shards that do
/// not overlap (those of `entente extract --shard`) are read one after the
/// other, whatever their number, and never hold more than a couple of files
/// open. (Up to kKeptOpen files stay open from open() on: not read twice.)
class Merge {
 public:
  /// Checks every file (first and last lines). "" on success, else the first
  /// problem. `caches`: read their record caches (Reader::open).
  std::string open(const std::vector<std::filesystem::path>& files, bool caches = false);
  /// The next document; false at the end or on an error. `wanted`: as
  /// Reader::next's; it may be asked about a document before the one
  /// returned before it is used (the merge reads one ahead in each file).
  bool next(Record& r, const BodyWanted& wanted = {});
  const std::string& error() const { return error_; }
  /// Documents seen twice and read once, so far.
  std::size_t repeated() const { return repeated_; }
  /// Documents the files hold, together (repeats counted).
  std::size_t documents() const { return documents_; }
  /// The most files open at once so far.
  std::size_t most_open() const { return most_open_; }

 private:
  bool fill(std::size_t i, const BodyWanted& wanted);
  /// Opens the next file not yet open; false on an error.
  bool open_next(const BodyWanted& wanted);
  /// Forgets the files read to their end (keeps the order of the others).
  void drop_closed();
  /// The file of the smallest next record, if any.
  std::optional<std::size_t> smallest() const;
  struct Pending {
    std::filesystem::path path;
    std::string first;               ///< the canonical path of its first input file
    std::unique_ptr<Reader> reader;  ///< open already, when there are few files
  };
  static constexpr std::size_t kKeptOpen = 16;  ///< up to this many files, open() leaves them open
  std::vector<Pending> pending_;  ///< not yet open, the one to open next last
  std::size_t documents_ = 0;
  std::size_t open_ = 0, most_open_ = 0;
  std::vector<std::unique_ptr<Reader>> readers_;  ///< the open files, in the order opened; null once read to the end
  std::vector<std::optional<Record>> heads_;                      ///< each file's next record
  std::vector<std::pair<std::string, std::uint64_t>> last_read_;  ///< each file's last (canonical, ordinal)
  /// Canonical path -> identifier over all files, for the input files some
  /// file names otherwise (one file alone names its inputs as one build would).
  std::map<std::string, std::string> ids_;
  std::string last_canonical_;
  std::uint64_t last_ordinal_ = 0;
  std::uint64_t last_exact_ = 0;
  bool any_ = false;
  bool caches_ = false;
  std::size_t repeated_ = 0;
  std::string error_;
};

}  // namespace entente::results
