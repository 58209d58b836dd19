// The files of graph/data, compiled in (data.hpp).
#include "data.hpp"

#include <stdexcept>
#include <string>

namespace entente::graph {

std::string_view data_file(std::string_view name) {
  for (const auto& e : embedded::entries_entente_graph()) {
    if (e.name == name) return e.bytes;
  }
  throw std::logic_error(std::string(name) + " is not compiled in (graph/CMakeLists.txt)");
}

}  // namespace entente::graph
