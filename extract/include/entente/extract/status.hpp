// Diagnostics: errors and warnings are values with a location, returned up to
// the command line, which alone prints them.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

namespace entente {

/// Where a diagnostic points: a file and, when known, a line, a record and a
/// byte offset in it. A member of an archive is named after the archive:
/// "articles.zip/2024/page.html".
struct Location {
  std::string file;            ///< path as the user gave it
  std::size_t offset = npos;   ///< byte offset in the file (or in its line or record), npos when not applicable
  std::size_t line = npos;     ///< line number from 1 (JSON Lines, CSV), npos when not applicable
  std::size_t record = npos;   ///< record number from 1 (WARC), npos when not applicable
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);
};

enum class Severity { warning, error };

/// One message about one place in the input.
struct Diagnostic {
  Severity severity = Severity::warning;
  Location where;
  std::string message;
  /// What was dropped or changed, for the summary's counts: "impossible
  /// dates", "NUL bytes", "links and folders", ... ("" : counted as "other").
  std::string kind;
};

/// "file: byte N: warning: message"; with a line, "file:L: warning: ..."; with
/// a record, "file: record R: warning: ..."; an error says "error:".
std::string format(const Diagnostic& d);

using Diagnostics = std::vector<Diagnostic>;

}  // namespace entente
