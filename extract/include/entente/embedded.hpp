// Files compiled into the binary by cmake/EmbedFiles.cmake.
#pragma once
#include <span>
#include <string_view>

namespace entente::embedded {

/// One embedded file: its base name and its bytes.
struct Entry {
  std::string_view name;
  std::string_view bytes;
};

/// The language data files of extract/data/fr, compiled in.
std::span<const Entry> entries_entente_extract();

}  // namespace entente::embedded
