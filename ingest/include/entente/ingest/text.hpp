// Bytes -> UTF-8 text, and the language of a text.
//
//   entente::ingest::Decoded d = entente::ingest::decode(bytes, "");
//   if (!d.assumed.empty()) warn("read as " + d.assumed);
//   entente::ingest::Guess g = entente::ingest::identify_language(d.text);
//
// Encodings: a byte order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE) decides;
// then valid UTF-8 is UTF-8; then the declared charset, else the one that
// uchardet (Mozilla's detector) finds, converted by ICU. ISO-8859-1 and
// US-ASCII are read as windows-1252, their superset, as browsers do.
// Languages: CLD2 (Google's Compact Language Detector 2).
//
// THREAD SAFETY: pure functions.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace entente::ingest {

/// WHAT IT REPRESENTS: text decoded from bytes.
struct Decoded {
  std::string text;     ///< UTF-8 (ill-formed input kept as it was when it claimed to be UTF-8)
  std::string assumed;  ///< the encoding it was converted from, when not UTF-8 ("windows-1252"); "" for UTF-8
  bool detected = false;  ///< `assumed` was found by uchardet, not declared or given by a byte order mark
  std::size_t first_invalid = std::string::npos;  ///< when converted: the first byte that is not UTF-8
  std::string error;    ///< why it could not be converted (an encoding ICU does not know), or ""
};

/// Decodes `bytes`; `declared` is the charset the container or page names
/// ("iso-8859-1"), or "".
Decoded decode(std::string_view bytes, std::string_view declared);

/// Whether `bytes` are well-formed UTF-8.
bool valid_utf8(std::string_view bytes);

/// The offset of the first byte of `bytes` that is not well-formed UTF-8, or npos.
std::size_t first_invalid_utf8(std::string_view bytes);

/// The charset uchardet finds for `bytes` (as ICU names it: "windows-1252",
/// "UTF-8"), or "" when it finds none.
std::string detect_charset(std::string_view bytes);

/// WHAT IT REPRESENTS: the language CLD2 finds in a text.
struct Guess {
  std::string code;       ///< ISO 639-1 ("fr", "en"), "" when unknown
  bool reliable = false;  ///< CLD2's own judgement: enough text, a clear winner
};

/// How much of a text identify_language reads: its first 2 KiB.
inline constexpr std::size_t kLanguageSample = std::size_t{2} << 10U;

/// The language of a UTF-8 text, from its first kLanguageSample bytes.
Guess identify_language(std::string_view utf8);

}  // namespace entente::ingest
