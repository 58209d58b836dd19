// Small string helpers of ingest/. Internal; see entente/ingest/ingest.hpp.
#pragma once
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace entente::ingest {

/// ASCII letters lower-cased; other bytes as they are.
std::string lower_ascii(std::string_view s);

/// Runs of white space (ASCII, no-break spaces, line and paragraph
/// separators) made one space; none at the ends.
std::string collapse_spaces(std::string_view s);

/// Lower case, Latin accents removed, typographic apostrophes and spaces made
/// plain, white space collapsed: for comparing short texts ("À lire aussi" ->
/// "a lire aussi").
std::string fold(std::string_view s);

/// The first non-empty string, or "".
std::string first_of(std::initializer_list<std::string> candidates);

/// The last component of a path or name ("a/b/c.txt" -> "c.txt").
std::string_view base_name(std::string_view path);

/// The extension of a name, lower-cased, without the dot ("A.TXT" -> "txt"; "" when none).
std::string extension(std::string_view name);

/// The fields of one CSV row (RFC 4180: quotes around a field, "" in it is
/// one quote; a quoted field may hold separators and line breaks).
std::vector<std::string> split_csv_row(std::string_view row, char separator);

}  // namespace entente::ingest
