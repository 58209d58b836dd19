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
std::string from_line(std::string_view line, const std::vector<ingest::InputFile>& files, Record& r);

/// WHAT IT REPRESENTS: a results file being written; it appears whole (with
/// its last line) or not at all (exporter::AtomicFile).
class Writer {
 public:
  explicit Writer(std::filesystem::path file);
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
};

/// WHAT IT REPRESENTS: one results file being read, record by record.
class Reader {
 public:
  /// Opens `file`, checks its first line (format and version) and its last
  /// (whole). "" on success, else why not (naming the file).
  std::string open(const std::filesystem::path& file);
  /// Its input files, from its last line.
  const std::vector<ingest::InputFile>& files() const { return files_; }
  std::size_t documents() const { return documents_; }
  /// The next record; false at the end or on an error (error() says which).
  bool next(Record& r);
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
};

/// WHAT IT REPRESENTS: several results files read as one corpus, in the
/// order one `entente build` of all their inputs reads them: by canonical
/// path of the input file, then place in it, whatever the split of the
/// documents into files and the order of the files. Input files are
/// identified as that build would (ingest::tell_apart over all of them), and
/// a document found in two files (the same input file and place, the same
/// text) is read once. A file is opened only once the merge reaches its
/// first document and closed at its end: shards that do not overlap (those
/// of `entente extract --shard`) are read one after the other, whatever
/// their number, and never hold more than a couple of files open.
class Merge {
 public:
  /// Checks every file (first and last lines). "" on success, else the first problem.
  std::string open(const std::vector<std::filesystem::path>& files);
  /// The next document; false at the end or on an error.
  bool next(Record& r);
  const std::string& error() const { return error_; }
  /// Documents seen twice and read once, so far.
  std::size_t repeated() const { return repeated_; }
  /// Documents the files hold, together (repeats counted).
  std::size_t documents() const { return documents_; }
  /// The most files open at once so far.
  std::size_t most_open() const { return most_open_; }

 private:
  bool fill(std::size_t i);
  /// Opens the next file not yet open; false on an error.
  bool open_next();
  /// Forgets the files read to their end (keeps the order of the others).
  void drop_closed();
  /// The file of the smallest next record, if any.
  std::optional<std::size_t> smallest() const;
  struct Pending {
    std::filesystem::path path;
    std::string first;  ///< the canonical path of its first input file
  };
  std::vector<Pending> pending_;  ///< not yet open, the one to open next last
  std::size_t documents_ = 0;
  std::size_t open_ = 0, most_open_ = 0;
  std::vector<std::unique_ptr<Reader>> readers_;  ///< the open files, in the order opened; null once read to the end
  std::vector<std::optional<Record>> heads_;                      ///< each file's next record
  std::vector<std::pair<std::string, std::uint64_t>> last_read_;  ///< each file's last (canonical, ordinal)
  std::map<std::string, std::string> ids_;  ///< canonical path -> identifier over all files
  std::string last_canonical_;
  std::uint64_t last_ordinal_ = 0;
  std::uint64_t last_exact_ = 0;
  bool any_ = false;
  std::size_t repeated_ = 0;
  std::string error_;
};

}  // namespace entente::results
