// Graphviz DOT through boost::write_graphviz, with property writers that
// quote every value themselves (boost's escape_dot_string leaves backslashes
// and line breaks as they are).
//
// What is written:
//   digraph G {
//   graph [rankdir=LR] node [style=filled fontname="Helvetica"] edge [fontsize=10]
//   n0[label="..." shape=... fillcolor="#rrggbb" URL="<iri>"];   nodes, sorted_vertices() order
//   n3->n1 [label="party" weight=1];                              edges, sorted_edges() order
//   }
// Shapes and colours by entity type (style.hpp); cooperatesWith, symmetric, is
// drawn with arrows both ways. Node ids are "n" and the node's rank, so that
// they never need quoting and do not depend on the global locale.
//
// Quoting: every string value is written "..." with `\` as `\\`, `"` as `\"`,
// a line break as `\n` (Graphviz's centred line break); CR and other control
// characters are dropped and ill-formed UTF-8 becomes U+FFFD, so any label
// gives a valid file that shows the label as written.
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/graphviz.hpp>
#include <locale>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "entente/export/atomic_file.hpp"
#include "entente/export/writers.hpp"
#include "formats.hpp"
#include "style.hpp"
#include "text.hpp"

namespace entente::exporter {
namespace {

using graph::EntityType;

/// The graph as drawn: vertex i is the i-th of sorted_vertices(), and the
/// edges are added in sorted_edges() order, which write_graphviz keeps.
using Drawing =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, graph::Vertex, graph::EdgeDescriptor>;

/// `text` as a DOT quoted string (see above).
std::string dot_string(std::string_view text) {
  std::string out = "\"";
  for (const char c : valid_utf8(text)) {
    if (c == '\\' || c == '"') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7F) {
      out += c;
    }
  }
  return out + "\"";
}

class NodeWriter {
 public:
  NodeWriter(const graph::KnowledgeGraph& kg, const Drawing& d) : kg_(kg), d_(d) {}
  void operator()(std::ostream& out, Drawing::vertex_descriptor v) const {
    const graph::Node& n = kg_.graph()[d_[v]];
    const TypeStyle style = style_of(n.type);
    std::string label = n.label.empty() ? n.iri : n.label;
    if (n.type == EntityType::Agreement && !n.date.empty()) label += "\n" + n.date;
    out << "[label=" << dot_string(label) << " shape=" << style.shape
        << " fillcolor=" << dot_string(style.hex) << " URL=" << dot_string(n.iri) << "]";
  }

 private:
  const graph::KnowledgeGraph& kg_;
  const Drawing& d_;
};

class EdgeWriter {
 public:
  EdgeWriter(const graph::KnowledgeGraph& kg, const Drawing& d) : kg_(kg), d_(d) {}
  void operator()(std::ostream& out, Drawing::edge_descriptor e) const {
    const graph::Edge& p = kg_.graph()[d_[e]];
    out << "[label=" << dot_string(extract::to_string(p.predicate))
        << " weight=" << number(p.documents.size());
    if (p.predicate == graph::Predicate::cooperatesWith) out << " dir=both";
    out << "]";
  }

 private:
  const graph::KnowledgeGraph& kg_;
  const Drawing& d_;
};

struct GraphWriter {
  void operator()(std::ostream& out) const {
    out << "graph [rankdir=LR]\n"
        << "node [style=filled fontname=\"Helvetica\"]\n"
        << "edge [fontsize=10]\n";
  }
};

}  // namespace

// GCC 12 sees boost::optional inside adjacency_list's edge iterator, inlined
// into write_graphviz, as maybe uninitialized (a known false positive).
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
std::string write_dot(const graph::KnowledgeGraph& kg, const std::filesystem::path& file) {
  const graph::Graph& g = kg.graph();
  Drawing d;
  std::vector<Drawing::vertex_descriptor> index(boost::num_vertices(g));
  for (const graph::Vertex vx : kg.sorted_vertices()) index[vx] = boost::add_vertex(vx, d);
  for (const graph::EdgeDescriptor e : kg.sorted_edges()) {
    boost::add_edge(index[boost::source(e, g)], index[boost::target(e, g)], e, d);
  }
  std::vector<std::string> ids(boost::num_vertices(d));
  for (std::size_t i = 0; i < ids.size(); ++i) ids[i] = "n" + number(i);

  std::ostringstream text;
  text.imbue(std::locale::classic());
  boost::write_graphviz(text, d, NodeWriter(kg, d), EdgeWriter(kg, d), GraphWriter(),
                        boost::make_iterator_property_map(ids.begin(), boost::get(boost::vertex_index, d)));

  AtomicFile out(file);
  if (!out.ok()) return out.error();
  out.write(text.str());
  if (!out.commit()) return out.error();
  return {};
}
#pragma GCC diagnostic pop

}  // namespace entente::exporter
