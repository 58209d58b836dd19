// Repeated articles: which document of a corpus repeats an earlier one.
//
// A news corpus holds the same dispatch several times: under two file names,
// from two sites that ran it, with another headline or a paragraph more or
// less. Such a copy reports nothing new, so it must add no node, edge or
// weight (KnowledgeGraph::add keeps only its document node, marked
// coop:copyOf the original).
//
//   graph::CopyFinder copies;
//   for (std::uint32_t i = 0; i < docs.size(); ++i)
//     if (auto m = copies.add(graph::fingerprint(docs[i]), i)) report(i, m->original, m->share);
//
// The method (docs/FORMATS.md, "Repeated articles", has the measurements):
// - The text is read as words (maximal runs of ASCII letters and digits and
//   of non-ASCII bytes, ASCII lower-cased) and punctuation marks, outside
//   the lines that the reader marked as web debris. Document::text has its
//   quotes, apostrophes and spaces unified already, so whitespace, quotes and
//   case do not matter.
// - Exact copy: the same sequence of words and punctuation (a 64-bit hash).
// - Near copy: most of its word 5-shingles (5 consecutive words) are in an
//   earlier document: the share of its shingles found there is at least
//   kNearShare = 0.7. The share comes from the Jaccard resemblance J of the
//   two shingle sets and their sizes (|A ∩ B| = J (|A| + |B|) / (1 + J)),
//   J from a one-permutation MinHash of 64 bins (Li, Owen and Zhang 2012),
//   densified by rotation (Shrivastava and Li 2014), so one hash per
//   shingle. Its standard error is at most 0.0625 (J = 0.5).
//   Candidates come from locality-sensitive hashing of the sketch in 32
//   bands of 2 bins: a pair with J = 0.5 is a candidate with probability
//   0.9999, J = 0.3: 0.95, J = 0.05: 0.08; each candidate is then measured.
// - Texts under kMinWords words are never judged: too short to tell a copy
//   from a common phrase.
// - The earlier document wins (input order): a copy points to the first
//   document of its text, never to another copy; an exact copy of a near
//   copy points to the near copy's original. Near copies are compared with
//   originals only.
//
// THREAD SAFETY: fingerprint() is a pure function (call it on the thread that
// extracted the document); a CopyFinder is used from one thread.
#pragma once
#include <array>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "entente/extract/document.hpp"
#include "entente/graph/spool.hpp"

namespace entente::graph {

/// WHAT IT REPRESENTS: what copy detection needs of one document. A value.
struct Fingerprint {
  static constexpr std::size_t kBins = 64;
  std::uint64_t exact = 0;                    ///< hash of the normalised text (words and punctuation)
  std::uint32_t words = 0;                    ///< words outside debris
  std::array<std::uint32_t, kBins> sketch{};  ///< MinHash of the word 5-shingles, one value per bin
};

/// The fingerprint of a document (reads Document::text and Document::ignored).
Fingerprint fingerprint(const extract::Document& doc);

/// Estimated Jaccard resemblance of the shingle sets of `a` and `b`, in [0, 1].
double resemblance(const Fingerprint& a, const Fingerprint& b);

/// Estimated share of the shingles of `a` that `b` has too, in [0, 1].
double shared_share(const Fingerprint& a, const Fingerprint& b);

/// An earlier document that a document repeats.
struct CopyMatch {
  std::uint32_t original = 0;  ///< the document it repeats (never itself a copy)
  double share = 1.0;          ///< estimated share of its shingles found there; 1 for an exact copy
  bool exact = false;          ///< the same words and punctuation
  friend bool operator==(const CopyMatch&, const CopyMatch&) = default;
};

/// WHAT IT REPRESENTS: the documents seen so far, indexed to find copies.
/// Memory, per original document: its text's hash, its index and 32 band
/// keys (with the tables' room, 0.4–0.8 KB); its fingerprint (272 bytes) goes
/// to a Spool past the first MiB of them, read back for the few originals
/// that share a band with a new document. A near copy adds its text's hash.
class CopyFinder {
 public:
  /// `spool_directory`: where the fingerprints' temporary file goes (Spool).
  explicit CopyFinder(std::filesystem::path spool_directory = {}) : fingerprints_(std::move(spool_directory)) {}

  static constexpr double kNearShare = 0.7;
  static constexpr std::uint32_t kMinWords = 25;

  /// The document that the one with fingerprint `fp` repeats, among those
  /// added before, or nullopt; then remembers it as document `index`.
  /// Requires indices to be added in increasing order.
  std::optional<CopyMatch> add(const Fingerprint& fp, std::uint32_t index);
  /// Whether add(fp, ...) would now find an exact copy: a document of this
  /// text (or a near copy of one) was added before. Stays true once true.
  bool repeats_exactly(const Fingerprint& fp) const { return fp.words >= kMinWords && exact_.count(fp.exact) != 0; }

 private:
  /// The fingerprint of original number `pos` (requires pos < originals_.size()).
  Fingerprint original_fingerprint(std::uint32_t pos, std::string& scratch) const;
  void insert_band(std::uint32_t key, std::uint32_t original);
  void grow();

  std::unordered_map<std::uint64_t, std::uint32_t> exact_;  ///< text hash -> original document
  std::vector<std::uint32_t> originals_;  ///< the document index of each original, in order
  Spool fingerprints_;                     ///< each original's Fingerprint (its bytes), in the same order
  /// Band keys: (32-bit band hash << 32) | (position in originals_ + 1), open
  /// addressing with linear probing; 0 is an empty slot. A key may repeat.
  std::vector<std::uint64_t> bands_;
  std::size_t band_count_ = 0;
};

}  // namespace entente::graph
