// Where a stretch of a Document is in the text as written, in the units that
// RDF consumers count.
//
// Stages work on Document::text (normalised for matching) with byte offsets;
// evidence points into Document::source (the text as written) and NIF counts
// Unicode code points, not bytes. These two functions make that translation
// in one place for graph/ (the sentences behind edges) and export/ (the
// mentions of evidence.ttl).
//
// THREAD SAFETY: CodePoints is immutable once built.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "entente/extract/document.hpp"

namespace entente::extract {

/// The text that evidence points into: Document::source, or Document::text
/// for documents built without a source (tests, `extract` on a string).
std::string_view evidence_text(const Document& doc);

/// The byte offset in evidence_text(doc) of byte `offset` of Document::text.
std::uint32_t source_offset(const Document& doc, std::size_t offset);

/// WHAT IT REPRESENTS: the code point offset of every byte offset of a UTF-8
/// text (a byte inside a character counts as the start of the next one), kept
/// as one checkpoint every 64 bytes, so it costs 1/16 of the text's size.
/// Bytes 0x80 to 0xBF count as continuation bytes: the text is expected to be
/// valid UTF-8 (Document::source always is: the reader repairs it).
class CodePoints {
 public:
  explicit CodePoints(std::string_view text);
  /// Code points before byte `byte` (clamped to the text's end).
  std::uint32_t at(std::size_t byte) const;
  /// Code points of the whole text.
  std::uint32_t size() const { return at(text_.size()); }

 private:
  static constexpr std::size_t kStep = 64;
  std::string_view text_;
  std::vector<std::uint32_t> checkpoint_;  ///< code points before byte i * kStep
};

}  // namespace entente::extract
