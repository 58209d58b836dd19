// The state folder of `entente build ARTICLES --state DIR`: a graph that grows.
//
// A run extracts only the documents whose content (content_hash: their text
// and metadata) no earlier run with this folder has extracted, writes their
// results into one new results file of the folder, and builds every output
// from all the folder's results files (results::Merge): the outputs are those
// of one build of every article ever given, whatever the runs they came in.
// A document given again at its place (input file and place in it) adds
// nothing; one of known content at a new place (a renamed or copied file) is
// not extracted again: its stored results are taken with its new name, as
// one build would list it (a copy of the first, graph/duplicates.hpp). The
// IRIs the folder's builds gave are kept in it too, so that they keep naming
// their entities (graph/stable_iris.hpp).
//
// The folder (docs/SCALING.md):
//   DIR/results/run-000001.results   the documents new in the first run
//   DIR/results/run-000001.records   its record cache (results.hpp, cache_of): what updates read
//   DIR/results/run-000002.results   ... in the second one that found new ones
//   DIR/iris.tsv                     every IRI the folder's builds gave (graph/stable_iris.hpp)
//   DIR/lock                         held (flock) by the run using the folder
// A results file appears whole or not at all (exporter::AtomicFile), and so
// does its cache; the temporaries of a killed run are removed by the next one.
//
// Usage:
//   rs::State state;
//   if (std::string err = state.open("corpus.state"); !err.empty()) fail(err);
//   if (!state.seen(rs::content_hash(doc))) extract(doc);      // from any thread
//   else if (!state.has_place(file.canonical, ordinal)) state.stored(rs::content_hash(doc), record);
//   rs::Writer out(state.next_file(), true);  ...  out.finish();  state.added(state.next_file());
//   rs::Merge all; all.open(state.files(), true);   // through the record caches
//
// Nothing here prints. THREAD SAFETY: seen() and the accessors from any
// thread once open() returned; open() and added() on one thread, while no
// other call runs.
#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "entente/graph/stable_iris.hpp"
#include "entente/ingest/ingest.hpp"

namespace entente::results {

struct Record;
struct Place;

/// WHAT IT REPRESENTS: an open, locked state folder and the contents of the
/// documents its results files hold.
class State {
 public:
  State() = default;
  ~State();
  State(const State&) = delete;
  State& operator=(const State&) = delete;

  /// Opens DIR (made if missing), locks it against another run, removes the
  /// temporaries of killed runs and reads which contents its results files
  /// hold. "" on success, else why not (naming the file).
  std::string open(const std::filesystem::path& dir);
  /// Whether a document of this content is in the folder already.
  bool seen(std::uint64_t content) const { return first_.count(content) != 0; }
  /// Whether the folder holds the document at place `ordinal` of the input
  /// file of canonical path `canonical`.
  bool has_place(const std::string& canonical, std::uint64_t ordinal) const;
  /// The stored record of the first document of this content (seen() true),
  /// read back from its results file. "" on success.
  std::string stored(std::uint64_t content, Record& r) const;
  /// Its results files, in the order they were made.
  const std::vector<std::filesystem::path>& files() const { return files_; }
  /// Documents its results files hold.
  std::size_t documents() const { return documents_; }
  /// Temporaries of killed runs that open() removed (paths in the folder: "results/run-000002.results.tmp-41").
  const std::vector<std::string>& removed() const { return removed_; }
  /// Where the results of this run's new documents go.
  std::filesystem::path next_file() const;
  /// Takes in a results file written at next_file(). "" on success.
  std::string added(const std::filesystem::path& file);
  /// The IRIs earlier builds with this folder gave (empty at first). "" on success.
  std::string load_iris(graph::IriMemory& memory) const;
  /// Keeps them for the next build (the file appears whole or not at all). "" on success.
  std::string save_iris(const graph::IriMemory& memory) const;
 private:
  /// Takes in the contents and places of one results file's records.
  std::string read_contents(const std::filesystem::path& file);
  /// Takes in one record of the results file read_contents is reading (its input files: `inputs`).
  void take(const Place& p, const std::vector<ingest::InputFile>& inputs);
  std::filesystem::path dir_;
  int lock_ = -1;
  unsigned last_run_ = 0;
  std::vector<std::filesystem::path> files_;
  std::vector<std::vector<ingest::InputFile>> inputs_;  ///< per results file: its input files (end line)
  struct Where {
    std::size_t file = 0;      ///< into files_
    std::uint64_t offset = 0;  ///< of the record's line
  };
  std::unordered_map<std::uint64_t, Where> first_;  ///< content -> its first record
  std::unordered_set<std::string> places_;          ///< canonical path + '\n' + ordinal
  std::size_t documents_ = 0;
  std::vector<std::string> removed_;
};

}  // namespace entente::results
