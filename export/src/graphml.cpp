// GraphML for Gephi, networkx, igraph and boost::read_graphml, through
// libxml2's xmlTextWriter streaming into an AtomicFile (xml_util.hpp).
//
// Not boost::write_graphml, because it writes numbers through the global
// locale ("0,5" under de_DE), declares graph-level keys that some importers
// reject, and passes on characters that XML 1.0 forbids.
//
// What is written, in this order:
//   <key>s for nodes, then for edges (ids "node_<name>", "edge_<name>"),
//   <graph id="G" edgedefault="directed">,
//   nodes "n0".. in KnowledgeGraph::sorted_vertices() order,
//   document nodes "d0".. in KnowledgeGraph::documents() order (type
//     "Document"; label: title, else identifier; date: publication date;
//     identifier, url, publisher, language: their dcterms terms),
//   edges "e0".. in KnowledgeGraph::sorted_edges() order,
//   edges "m0".. `mentionedIn` node -> document (RDF's coop:mentionedIn),
//     nodes in sorted_vertices() order, then document order,
//   edges "c0".. `copyOf` document -> the earlier document it repeats.
// Every node and edge has a label; other string values are written only when
// not empty (GraphML: an absent value is the key's default). Numbers are
// written with std::to_chars (locale-independent, shortest round trip).
#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "entente/export/writers.hpp"
#include "text.hpp"
#include "xml_util.hpp"

namespace entente::exporter {
namespace {

std::string joined(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) {
    if (p.empty()) {
      continue;
    }
    if (!out.empty()) {
      out += " | ";
    }
    out += p;
  }
  return out;
}

// ---- Keys ------------------------------------------------------------------

struct Key {
  std::string_view id;
  std::string_view domain;  // "node" or "edge"
  std::string_view name;
  std::string_view type;  // GraphML attr.type
};

// clang-format off
constexpr std::array kKeys{
    Key{"node_label", "node", "label", "string"},
    Key{"node_type", "node", "type", "string"},
    Key{"node_iri", "node", "iri", "string"},
    Key{"node_wikidata", "node", "wikidata", "string"},
    Key{"node_country", "node", "country", "string"},
    Key{"node_alt_labels", "node", "alt_labels", "string"},
    Key{"node_roles", "node", "roles", "string"},
    Key{"node_documents", "node", "documents", "int"},
    Key{"node_kind", "node", "kind", "string"},
    Key{"node_date", "node", "date", "string"},
    Key{"node_identifier", "node", "identifier", "string"},
    Key{"node_url", "node", "url", "string"},
    Key{"node_publisher", "node", "publisher", "string"},
    Key{"node_language", "node", "language", "string"},
    Key{"edge_label", "edge", "label", "string"},
    Key{"edge_relation", "edge", "relation", "string"},
    Key{"edge_weight", "edge", "weight", "double"},
    Key{"edge_date", "edge", "date", "string"},
    Key{"edge_documents", "edge", "documents", "int"},
    Key{"edge_sources", "edge", "sources", "string"},
};
// clang-format on

// ---- Writer ----------------------------------------------------------------

/// <data key="..">value</data>; the value is filtered, then escaped by libxml2.
void data(Xml& x, std::string_view key, std::string_view value) {
  x.start("data");
  x.attribute("key", key);
  x.text(value);
  x.end();
}

/// As data(), but nothing at all when the filtered value is empty.
void data_if(Xml& x, std::string_view key, std::string_view value) {
  if (!xml_text(value).empty()) {
    data(x, key, value);
  }
}

void write_document(Xml& x, const graph::KnowledgeGraph& kg) {
  const graph::Graph& g = kg.graph();

  x.start("graphml");
  x.attribute("xmlns", "http://graphml.graphdrawing.org/xmlns");
  x.attribute("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
  x.attribute("xsi:schemaLocation",
              "http://graphml.graphdrawing.org/xmlns "
              "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd");
  for (const Key& k : kKeys) {
    x.start("key");
    x.attribute("id", k.id);
    x.attribute("for", k.domain);
    x.attribute("attr.name", k.name);
    x.attribute("attr.type", k.type);
    x.end();
  }

  x.start("graph");
  x.attribute("id", "G");
  x.attribute("edgedefault", "directed");

  const std::vector<graph::Vertex> vertices = kg.sorted_vertices();
  // Vertex descriptor -> GraphML node id.
  std::vector<std::string> node_id(boost::num_vertices(g));
  for (std::size_t i = 0; i < vertices.size(); ++i) {
    node_id[vertices[i]] = "n" + number(i);
  }

  for (std::size_t i = 0; i < vertices.size(); ++i) {
    const graph::Node& n = g[vertices[i]];
    x.start("node");
    x.attribute("id", node_id[vertices[i]]);
    std::string label = xml_text(n.label);
    if (label.empty()) {
      label = n.iri.empty() ? node_id[vertices[i]] : n.iri;
    }
    data(x, "node_label", label);
    data(x, "node_type", extract::to_string(n.type));
    data_if(x, "node_iri", n.iri);
    data_if(x, "node_wikidata", n.qid);
    data_if(x, "node_country", n.country);
    data_if(x, "node_alt_labels", joined(n.alt_labels));
    data_if(x, "node_roles", joined(n.roles));
    data(x, "node_documents", number(n.documents.size()));
    data_if(x, "node_kind", n.kind);
    data_if(x, "node_date", n.date);
    x.end();
  }

  const auto& docs = kg.documents();
  auto doc_at = docs.begin();
  for (std::size_t d = 0; d < docs.size(); ++d, ++doc_at) {
    const graph::DocumentInfo& doc = *doc_at;
    x.start("node");
    x.attribute("id", "d" + number(d));
    std::string label = xml_text(document_label(doc));
    data(x, "node_label", label.empty() ? "d" + number(d) : label);
    data(x, "node_type", "Document");
    data_if(x, "node_iri", doc.iri);
    data_if(x, "node_date", doc.date);
    data_if(x, "node_identifier", doc.id);
    data_if(x, "node_url", doc.url);
    data_if(x, "node_publisher", doc.publisher);
    data_if(x, "node_language", doc.language);
    x.end();
  }

  graph::DocumentList::Lookup lookup(docs);
  const std::vector<graph::EdgeDescriptor> edges = kg.sorted_edges();
  for (std::size_t i = 0; i < edges.size(); ++i) {
    const graph::EdgeDescriptor e = edges[i];
    const graph::Edge& p = g[e];
    const std::string_view predicate = extract::to_string(p.predicate);
    x.start("edge");
    x.attribute("id", "e" + number(i));
    x.attribute("source", node_id[boost::source(e, g)]);
    x.attribute("target", node_id[boost::target(e, g)]);
    data(x, "edge_label", predicate);
    data(x, "edge_relation", predicate);
    data(x, "edge_weight", number(p.weight));
    data_if(x, "edge_date", p.date);
    data(x, "edge_documents", number(p.documents.size()));
    data_if(x, "edge_sources", sources(lookup, p.documents, docs.size()));
    x.end();
  }

  const std::vector<Mention> mentioned = mentions(kg, vertices);
  for (std::size_t i = 0; i < mentioned.size(); ++i) {
    const std::uint32_t d = mentioned[i].document;
    x.start("edge");
    x.attribute("id", "m" + number(i));
    x.attribute("source", node_id[mentioned[i].node]);
    x.attribute("target", "d" + number(std::size_t{d}));
    data(x, "edge_label", "mentionedIn");
    data(x, "edge_relation", "mentionedIn");
    data(x, "edge_weight", "1");
    const graph::DocumentInfo& doc = lookup[d];
    data_if(x, "edge_date", doc.date);
    data(x, "edge_documents", "1");
    data_if(x, "edge_sources", source_of(doc));
    x.end();
  }

  std::size_t copies = 0;
  doc_at = docs.begin();
  for (std::size_t d = 0; d < docs.size(); ++d, ++doc_at) {
    const auto original = original_of(*doc_at, docs.size());
    if (!original) continue;
    x.start("edge");
    x.attribute("id", "c" + number(copies++));
    x.attribute("source", "d" + number(d));
    x.attribute("target", "d" + number(*original));
    data(x, "edge_label", "copyOf");
    data(x, "edge_relation", "copyOf");
    data(x, "edge_weight", "1");
    data(x, "edge_documents", "1");  // the copy
    data_if(x, "edge_sources", source_of(*doc_at));
    x.end();
  }

  x.end();  // graph
  x.end();  // graphml
}

}  // namespace

std::string write_graphml(const graph::KnowledgeGraph& kg, const std::filesystem::path& file) {
  return write_xml_file(file, "GraphML", [&](Xml& x) { write_document(x, kg); });
}

}  // namespace entente::exporter
