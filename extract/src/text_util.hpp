// Private helpers of the text stages (reader, segment, dates): UTF-8 decoding,
// character classes, the token norm, and access to the embedded data files.
// Internal to extract/; the public API is in entente/extract/*.hpp.
//
// THREAD SAFETY: every function is safe to call from several threads at once
// (the only shared state is immutable, built by thread-safe statics).
#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace entente::extract::textutil {

/// Hash of strings by their bytes, for unordered containers of std::string
/// that are searched with a string_view (with std::equal_to<>), without a copy.
struct ViewHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

/// Decodes the code point at byte `i` of `s` into `cp` and returns its length
/// in bytes (1..4). An ill-formed byte gives U+FFFD and length 1, so that
/// callers never stall on bad input.
/// requires: i < s.size().
std::size_t decode(std::string_view s, std::size_t i, char32_t& cp);

/// Appends the UTF-8 form of `cp` to `out`.
void append_utf8(std::string& out, char32_t cp);

/// What a character is, for the tokenizer.
enum class CharClass : std::uint8_t {
  space,    ///< horizontal white space
  newline,  ///< LF and the Unicode line/paragraph separators
  letter,   ///< L*
  digit,    ///< Nd
  number,   ///< Nl, No (superscript digits, fractions): word characters
  mark,     ///< M*: combining marks, they stay with the preceding character
  format,   ///< Cf (soft hyphen, zero-width space): invisible
  punct,    ///< everything else (punctuation, symbols, controls)
};

CharClass classify(char32_t cp);

bool is_upper(char32_t cp);  ///< upper or title case letter
bool is_lower(char32_t cp);  ///< lower case letter

/// Appends the norm of one code point: case folded, accents removed,
/// ligatures œ æ spelt out ("oe", "ae"). Combining marks append nothing.
void append_norm(std::string& out, char32_t cp);

/// Appends the norm of every code point of `s` to `out` (ill-formed bytes as
/// U+FFFD, like decode).
void append_norm(std::string& out, std::string_view s);

/// The norm of a string (Token::norm): lower case, no accents.
std::string norm(std::string_view s);

/// The bytes of an embedded data file of extract/data/fr ("calendar.tsv"),
/// or nullptr when the file is not compiled in.
const std::string_view* embedded_file(std::string_view name);

/// Calls `row(line_number, cells)` for every data row of a TSV file: blank
/// lines and lines starting with '#' are skipped, the first other line must
/// be `header`. Returns an error message ("calendar.tsv:1: ...") or "".
std::string for_each_tsv_row(
    std::string_view file, std::string_view bytes, std::string_view header,
    const std::function<void(std::size_t, const std::vector<std::string_view>&)>& row);

}  // namespace entente::extract::textutil
