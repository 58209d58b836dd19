// Stage 1: text -> Document text.
//
// Reads: UTF-8 text (entente::ingest decodes files, pages and records into
// it: extract/ never sees a file format). Writes: Document::{id, path,
// source, text, source_offset, ignored, diagnostics}.
#pragma once
#include <string>
#include <string_view>

#include "entente/extract/document.hpp"

namespace entente::extract {

/// Builds a Document from bytes that claim to be UTF-8 text.
/// - invalid UTF-8 sequences are replaced by U+FFFD, with one warning per
///   file naming the byte offset of the first one and the count;
/// - a UTF-8 byte order mark is dropped; CRLF and CR become LF;
/// - the text is NFC-normalised (ICU) into `source`;
/// - `text` is `source` with typographic apostrophes and quotes unified
///   (’ ‘ ʼ ′ -> ', « » “ ” „ -> ") and no-break spaces made plain spaces;
///   `source_offset` maps every byte of `text` back to `source`;
/// - web-page debris lines ("- Advertisement -", "Laisser un commentaire",
///   "Source :", e-mail notices, share buttons) are listed in `ignored`.
/// ensures: source_offset.size() == text.size() + 1.
Document document_from_bytes(std::string id, std::string path, std::string_view bytes);

}  // namespace entente::extract
