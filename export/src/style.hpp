// Internal to entente_export: how each entity type looks in the drawing
// formats (GEXF viz:color, DOT fillcolor and shape), so that Gephi and
// Graphviz show the same colours. A fixed palette (Tableau 10), never derived
// from the data, so that files stay byte-identical.
#pragma once
#include <cstdint>
#include <string_view>

#include "entente/graph/graph.hpp"

namespace entente::exporter {

struct TypeStyle {
  std::uint8_t r = 0, g = 0, b = 0;
  std::string_view hex;    ///< "#rrggbb", the same colour
  std::string_view shape;  ///< Graphviz node shape
};

constexpr TypeStyle style_of(graph::EntityType t) {
  switch (t) {
    case graph::EntityType::Person:
      return {78, 121, 167, "#4e79a7", "ellipse"};
    case graph::EntityType::Institution:
      return {242, 142, 43, "#f28e2b", "box"};
    case graph::EntityType::Country:
      return {89, 161, 79, "#59a14f", "hexagon"};
    case graph::EntityType::Agreement:
      return {225, 87, 89, "#e15759", "note"};
    case graph::EntityType::Place:
      return {156, 117, 95, "#9c755f", "house"};
  }
  return {186, 176, 172, "#bab0ac", "ellipse"};
}

/// Document nodes of GraphML and GEXF (the articles): Tableau 10's grey.
constexpr TypeStyle kDocumentStyle{186, 176, 172, "#bab0ac", "note"};

}  // namespace entente::exporter
