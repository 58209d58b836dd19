// Diagnostics: errors and warnings are values with a location, returned up to
// the command line, which alone prints them.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

namespace entente {

/// Where a diagnostic points: a file and, when known, a byte offset in it.
struct Location {
  std::string file;            ///< path as the user gave it
  std::size_t offset = npos;   ///< byte offset in the file, npos when not applicable
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);
};

enum class Severity { warning, error };

/// One message about one place in the input.
struct Diagnostic {
  Severity severity = Severity::warning;
  Location where;
  std::string message;
};

/// "file: message" or "file: byte N: message".
std::string format(const Diagnostic& d);

using Diagnostics = std::vector<Diagnostic>;

}  // namespace entente
