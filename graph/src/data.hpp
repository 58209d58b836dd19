// Internal to entente_graph: the files of graph/data, compiled in by
// graph/CMakeLists.txt (cmake/EmbedFiles.cmake), so that the library needs
// no file on disk.
#pragma once
#include <span>
#include <string_view>

#include "entente/embedded.hpp"

namespace entente::embedded {
/// The data files of graph/data.
std::span<const Entry> entries_entente_graph();
}  // namespace entente::embedded

namespace entente::graph {

/// The bytes of graph/data/`name`; throws std::logic_error when it is not compiled in.
std::string_view data_file(std::string_view name);

}  // namespace entente::graph
