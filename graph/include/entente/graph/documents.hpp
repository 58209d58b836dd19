// The documents of a corpus graph, kept on disk past the first megabyte.
//
// WHAT IT REPRESENTS: the documents of a KnowledgeGraph in the order they were
// added (nodes and edges cite them by index). Each DocumentInfo is encoded into
// a write buffer; once the encoded documents pass kInMemory bytes, the buffer
// goes to an unlinked temporary file (the spool) whenever it fills, so the
// memory of the list is a few megabytes plus 8 bytes per document (its offset
// in the spool), whatever the number of documents. Reading a document decodes
// it again: in order (begin/end) through a buffer of the iterator's own, or by
// index (operator[]) with one read of its bytes.
//
// When no temporary file can be made or written (a read-only or full disk),
// the documents stay in memory, encoded: nothing is lost, only the bound.
//
// Usage:
//   DocumentList docs;             // spools in temp_directory_path()
//   docs.push_back(info);          // index 0
//   for (const DocumentInfo& d : docs) ...   // in order
//   const std::string iri = docs[0].iri;     // by index: a copy
//
// THREAD SAFETY: push_back on one thread with no reader; once the last
// document is in, any number of threads may read (iterate or index) at once.
#pragma once
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <iterator>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "entente/graph/duplicates.hpp"
#include "entente/graph/spool.hpp"

namespace entente::graph {

/// A document of the corpus.
struct DocumentInfo {
  std::string id;      ///< its name in the input (dcterms:identifier): file name, "scrape.jsonl:3", ...
  std::string path;    ///< as given
  std::string iri;     ///< from its URL when it has one, else from its text (document_iri)
  std::string title;   ///< its headline: the metadata's, else the first line when it looks like one (rdfs:label)
  bool title_from_metadata = false;  ///< `title` is the input's (dcterms:title), not a guess
  std::string url;        ///< where it was published (dcterms:source), or ""
  std::string date;       ///< publication date, ISO (dcterms:date), or ""
  std::string publisher;  ///< the outlet (dcterms:publisher), or ""
  std::string language;   ///< ISO 639-1 (dcterms:language), or ""
  std::uint32_t length = 0;  ///< code points of its text as written
  /// When it repeats an earlier document (coop:copyOf): that document's
  /// index, the estimated share of its word shingles found there (1 for an
  /// exact copy) and whether it is exact. A copy adds no node, edge or weight.
  std::optional<CopyMatch> copy_of;
  friend bool operator==(const DocumentInfo&, const DocumentInfo&) = default;
};

class DocumentList {
 public:
  /// Encoded documents kept in memory before the list starts its spool.
  static constexpr std::size_t kInMemory = Spool::kInMemory;

  /// `spool_directory`: where the temporary file goes ("" for
  /// std::filesystem::temp_directory_path()); it is unlinked at once and never
  /// outlives the process.
  explicit DocumentList(std::filesystem::path spool_directory = {});
  DocumentList(DocumentList&&) noexcept = default;
  DocumentList& operator=(DocumentList&&) noexcept = default;

  void push_back(const DocumentInfo& d);
  void reserve(std::size_t n) { offsets_.reserve(n + 1); }
  std::size_t size() const { return offsets_.size() - 1; }
  bool empty() const { return size() == 0; }
  /// Document `i` (requires i < size()): decoded again on each call.
  DocumentInfo operator[](std::size_t i) const;
  /// Its IRI alone (requires i < size()): what most lookups by index want.
  std::string iri(std::size_t i) const;
  /// Whether some documents are in the spool file (else all are in memory).
  bool spooled() const { return spool_.on_disk() > 0; }

  /// WHAT IT REPRESENTS: lookups by index for one thread, through a cache of
  /// the documents it read last (by index modulo `slots`): writers that
  /// visit a node's documents, then the next node's, read few of them anew.
  /// THREAD SAFETY: one per thread; the list must outlive it.
  class Lookup {
   public:
    explicit Lookup(const DocumentList& list, std::size_t slots = 1024) : list_(&list), slots_(slots) {}
    /// Document `i` (requires i < size()); valid until the next call.
    const DocumentInfo& operator[](std::size_t i);

   private:
    const DocumentList* list_;
    std::vector<std::pair<std::size_t, DocumentInfo>> slots_;
  };

  /// Reads the documents in order; `*it` stays valid until `it` moves.
  class const_iterator {
   public:
    using iterator_category = std::input_iterator_tag;
    using value_type = DocumentInfo;
    using difference_type = std::ptrdiff_t;
    using pointer = const DocumentInfo*;
    using reference = const DocumentInfo&;
    const_iterator() = default;
    reference operator*() const { return current_; }
    pointer operator->() const { return &current_; }
    const_iterator& operator++();
    void operator++(int) { ++*this; }
    friend bool operator==(const const_iterator& a, const const_iterator& b) { return a.index_ == b.index_; }

   private:
    friend class DocumentList;
    const_iterator(const DocumentList* list, std::size_t index);
    void load();
    const DocumentList* list_ = nullptr;
    std::size_t index_ = 0;
    DocumentInfo current_;
    std::string chunk_;              ///< spool bytes [chunk_begin_, chunk_begin_ + chunk_.size())
    std::uint64_t chunk_begin_ = 0;
  };
  const_iterator begin() const { return {this, 0}; }
  const_iterator end() const { return {this, size()}; }

 private:
  Spool spool_;                         ///< the encoded documents
  std::vector<std::uint64_t> offsets_;  ///< where document i starts in `spool_`; one more: the end of the last
  std::string encoded_;                 ///< scratch of push_back
};

}  // namespace entente::graph
