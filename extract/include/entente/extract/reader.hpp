// Stage 1: bytes -> Document text.
//
// Reads: raw bytes. Writes: Document::{id, path, source, text, source_offset,
// ignored, diagnostics}.
#pragma once
#include <filesystem>
#include <optional>
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

/// Reads a file. Returns nullopt, with an error in `diags`, when the file is
/// missing, unreadable, empty (no letters) or binary (NUL bytes or mostly
/// control characters); the message names the file and, when it applies, the
/// byte offset. The same as read_file_bytes, then document_from_file.
std::optional<Document> read_document(const std::filesystem::path& file, Diagnostics& diags);

/// The bytes of a file, read whole; nullopt, with an error in `diags`, when
/// it is missing, a directory, not a regular file or a pipe, unreadable or
/// over 4 GiB. Safe to call on another thread than the one that extracts
/// (`entente build` reads ahead so).
std::optional<std::string> read_file_bytes(const std::filesystem::path& file, Diagnostics& diags);

/// The Document of bytes read from `file` (read_file_bytes); nullopt, with an
/// error in `diags`, when they are empty (no letters) or binary.
std::optional<Document> document_from_file(const std::filesystem::path& file, std::string_view bytes,
                                           Diagnostics& diags);

}  // namespace entente::extract
