// The corpus graph: one node per real-world entity, one edge per relation.
//
// WHAT IT REPRESENTS: the knowledge graph of a whole corpus. Nodes are
// entities (persons, institutions, countries, agreements, places) with every
// label the corpus uses for them; edges are the ontology's relations with the
// documents and sentences that support them. Documents are listed apart
// (`KnowledgeGraph::documents`), and nodes point to them by index.
//
// Identity is decided here (resolve.cpp): extract/ hands over document-local
// entities, `KnowledgeGraph::add` merges each into an existing node or makes a
// new one. Descriptors are stable: vertices are never removed.
//
// THREAD SAFETY: none; build on one thread (documents may be extracted in
// parallel and added in input order, which keeps the output deterministic).
#pragma once
#include <boost/graph/adjacency_list.hpp>
#include <cstdint>
#include <map>
#include <tuple>
#include <unordered_map>
#include <string>
#include <vector>

#include "entente/extract/document.hpp"

namespace entente::graph {

using extract::EntityType;
using extract::Predicate;

/// The sentence behind a fact: code points [begin, end) of the document's
/// text as written (extract::evidence_text), as NIF counts them.
struct Evidence {
  std::uint32_t document = 0;   ///< index into KnowledgeGraph::documents
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  friend bool operator==(const Evidence&, const Evidence&) = default;
};

/// Bundled vertex properties.
struct Node {
  EntityType type = EntityType::Person;
  std::string iri;                      ///< deterministic, from type and normalised name
  std::string label;                    ///< preferred name (rdfs:label @fr)
  std::vector<std::string> alt_labels;  ///< other names (skos:altLabel @fr), sorted, unique
  std::string key;                      ///< gazetteer key (ISO alpha-2 for countries)
  std::string country;                  ///< ISO alpha-2, for persons and institutions
  std::string qid;                      ///< Wikidata QID or empty
  std::vector<std::string> roles;       ///< role titles, sorted, unique
  std::vector<std::uint32_t> documents; ///< indices of documents that mention it, sorted
  // Agreements:
  std::string kind;
  std::string date;                     ///< ISO date or partial date, empty if unknown
  std::string date_end;
};

/// Bundled edge properties. `cooperatesWith` is symmetric and stored once,
/// from the vertex created first to the other.
struct Edge {
  Predicate predicate = Predicate::country;
  double weight = 0.0;                  ///< number of documents that support it
  std::vector<std::uint32_t> documents; ///< sorted, unique
  std::vector<Evidence> evidence;       ///< one per supporting sentence
  std::string date;                     ///< for edges from an agreement: its date
};

/// The one graph type of the project.
using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, Node, Edge>;
using Vertex = boost::graph_traits<Graph>::vertex_descriptor;
using EdgeDescriptor = boost::graph_traits<Graph>::edge_descriptor;

/// A document of the corpus.
struct DocumentInfo {
  std::string id;      ///< file name (dcterms:identifier)
  std::string path;    ///< as given
  std::string iri;
  std::string title;   ///< first line, when it looks like a headline
  std::uint32_t length = 0;  ///< code points of its text as written
};

/// What KnowledgeGraph::add made of one document.
struct AddedDocument {
  std::uint32_t index = 0;             ///< into KnowledgeGraph::documents
  std::vector<Vertex> vertices;        ///< the node of each Document::entities[i]
  std::vector<bool> relations;         ///< Document::relations[i] became (or joined) an edge
};

/// The whole corpus graph, with its documents.
class KnowledgeGraph {
 public:
  /// `base` is the IRI namespace of nodes, e.g. "https://w3id.org/entente/id/".
  /// The graph never keeps document text or mentions (export::EvidenceWriter
  /// streams them); with `keep_evidence` false, edges do not keep the
  /// offsets of their sentences either.
  explicit KnowledgeGraph(std::string base, bool keep_evidence = true);
  bool keeps_evidence() const { return keep_evidence_; }

  /// Merges one extracted document: each of its entities joins the node of the
  /// same real-world entity, or makes a new node; relations become edges.
  /// Returns where each entity and relation of `doc` went.
  AddedDocument add(const extract::Document& doc);

  /// Completes the graph once every document is in: a person with no
  /// country takes the country of the one institution they belong to
  /// (evidence: the membership's). Idempotent.
  void finish();

  const Graph& graph() const { return g_; }
  /// Write access for passes that fill node properties after resolution
  /// (link_wikidata sets Node::qid). Never add or remove vertices through it:
  /// the identity maps of this class would no longer match the graph.
  Graph& mutable_graph() { return g_; }
  const std::vector<DocumentInfo>& documents() const { return docs_; }
  const std::string& base() const { return base_; }

  /// Vertices sorted by IRI, edges sorted by (source IRI, predicate, target IRI):
  /// the order in which every exporter writes, so that output is deterministic.
  std::vector<Vertex> sorted_vertices() const;
  std::vector<EdgeDescriptor> sorted_edges() const;

 private:
  Vertex resolve(const extract::Entity& e);
  bool add_edge(Vertex s, Predicate p, Vertex o, std::uint32_t doc, const Evidence* evidence);

  std::string base_;
  bool keep_evidence_ = true;
  Graph g_;
  std::vector<DocumentInfo> docs_;
  void merge_into(Vertex v, const extract::Entity& e);
  void register_keys(Vertex v);  ///< claims the identity keys of the node's names
  void claim(const std::string& key, Vertex v);
  void assign_iri(Vertex v);

  std::unordered_map<std::string, Vertex> by_key_;  ///< identity keys -> vertex (looked up, never listed)
  std::unordered_map<std::string, Vertex> by_iri_;  ///< IRIs given, to keep them unique
  std::map<std::tuple<Vertex, int, Vertex>, EdgeDescriptor> edges_;
};

/// A safe IRI local part from any text: lower case ASCII letters, digits and
/// '-', accents folded, everything else dropped; never empty.
std::string slug(std::string_view text);

}  // namespace entente::graph
