// The corpus graph: one node per real-world entity, one edge per relation.
//
// WHAT IT REPRESENTS: the knowledge graph of a whole corpus. Nodes are
// entities (persons, institutions, countries, agreements, places) with every
// label the corpus uses for them; edges are the ontology's relations with the
// documents and sentences that support them. Documents are listed apart
// (`KnowledgeGraph::documents`), and nodes point to them by index.
//
// Identity is decided here (graph.cpp says the policy): extract/ hands over
// document-local entities, `KnowledgeGraph::add` merges each into an existing
// node or makes a new one; an agreement reported by several articles is one
// node; an article that repeats an earlier one (duplicates.hpp) adds nothing
// but its document. Descriptors are stable: vertices are never removed.
//
// THREAD SAFETY: none; build on one thread (documents may be extracted in
// parallel, and their fingerprints made there, and added in input order,
// which keeps the output deterministic).
#pragma once
#include <boost/graph/adjacency_list.hpp>
#include <cstdint>
#include <map>
#include <optional>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <string>
#include <vector>

#include "entente/extract/document.hpp"
#include "entente/graph/documents.hpp"
#include "entente/graph/duplicates.hpp"

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
  /// IRIs that earlier builds of a graph that grows gave to this entity
  /// before it turned out to be this node (owl:sameAs; stable_iris.hpp), sorted.
  std::vector<std::string> same_as;
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


/// WHAT IT REPRESENTS: what the graph needs of one extracted document, and
/// nothing more: its name and metadata, its entities and relations, and
/// where each relation's sentence is in its text. Made from the Document on
/// the thread that extracted it (facts_of), or read back from a results file
/// (entente/results): the graph is the same either way.
/// THREAD SAFETY: a value.
struct DocumentFacts {
  std::string id;                          ///< Document::id
  std::string path;                        ///< Document::path
  extract::Metadata meta;                  ///< Document::meta
  std::string first_line;                  ///< its first line when it looks like a headline, else ""
  std::uint32_t length = 0;                ///< code points of its text as written
  std::vector<extract::Entity> entities;   ///< Document::entities (their `mentions` left empty)
  std::vector<extract::Relation> relations;  ///< Document::relations
  /// Per relation: code points [begin, end) of its sentence in the text as
  /// written, or {0, 0} when its sentence is unknown.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> sentences;
  friend bool operator==(const DocumentFacts&, const DocumentFacts&) = default;
};

/// The facts of an extracted document (reads its text, sentences, entities,
/// relations and metadata).
DocumentFacts facts_of(const extract::Document& doc);

/// What KnowledgeGraph::add made of one document.
struct AddedDocument {
  std::uint32_t index = 0;             ///< into KnowledgeGraph::documents
  std::vector<Vertex> vertices;        ///< the node of each Document::entities[i]; empty for a copy
  std::vector<bool> relations;         ///< Document::relations[i] became (or joined) an edge; empty for a copy
  bool copy = false;                   ///< it repeats an earlier document (DocumentInfo::copy_of)
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
  /// A document that repeats an earlier one (duplicates.hpp) is only listed,
  /// with DocumentInfo::copy_of set. Returns where each entity and relation
  /// of `doc` went. `fp` is fingerprint(doc), which the thread that extracted
  /// the document may make; the first form makes it.
  AddedDocument add(const extract::Document& doc);
  AddedDocument add(const extract::Document& doc, const Fingerprint& fp);
  /// The same from the document's facts: what `entente build --from` adds.
  AddedDocument add(const DocumentFacts& doc, const Fingerprint& fp);
  /// Whether a document of fingerprint `fp` added now would be an exact copy
  /// of an earlier one, which add() only lists (its entities, relations and
  /// text unread); once true, true for every later add.
  bool repeats_exactly(const Fingerprint& fp) const { return copies_.repeats_exactly(fp); }
  /// Room for `n` documents (when their number is known beforehand).
  void reserve_documents(std::size_t n) { docs_.reserve(n); }

  /// Completes the graph once every document is in: a person with no
  /// country takes the country of the one institution they belong to
  /// (evidence: the membership's); agreements take their final IRIs (from
  /// their parties' final IRIs) and their edges their final dates. Idempotent.
  void finish();

  const Graph& graph() const { return g_; }
  /// Write access for passes that fill node properties after resolution
  /// (link_wikidata sets Node::qid). Never add or remove vertices through it:
  /// the identity maps of this class would no longer match the graph.
  Graph& mutable_graph() { return g_; }
  /// The documents, in the order they were added (DocumentList: kept in a
  /// temporary file past its first megabyte).
  const DocumentList& documents() const { return docs_; }
  /// Where the document list and the copy finder keep their temporary files
  /// (Spool; nothing happens once a document is in);
  /// std::filesystem::temp_directory_path() unless set.
  void spool_documents_in(std::filesystem::path directory);
  const std::string& base() const { return base_; }

  /// Vertices sorted by IRI, edges sorted by (source IRI, predicate, target IRI):
  /// the order in which every exporter writes, so that output is deterministic.
  std::vector<Vertex> sorted_vertices() const;
  std::vector<EdgeDescriptor> sorted_edges() const;

 private:
  Vertex resolve(const extract::Entity& e);
  /// A node's country: its own, else the one its country edges agree on ("" if none or several).
  std::string country_of(Vertex v) const;
  /// Whether an institution of one of e's names and of `country` is a node already.
  bool existing_institution(const extract::Entity& e, const std::string& country) const;
  bool add_edge(Vertex s, Predicate p, Vertex o, std::uint32_t doc, const Evidence* evidence);

  /// What decides an agreement's identity and IRI, beside its Node.
  struct AgreementState {
    std::string family;             ///< family of its kind (graph/data/agreement-kinds.tsv)
    std::vector<Vertex> parties;    ///< sorted, unique; empty: parties unknown
    std::uint64_t content = 0;      ///< without parties: the hash of its document's text
  };
  Vertex resolve_agreement(const DocumentFacts& doc, std::size_t entity, const std::vector<Vertex>& vertices,
                           const std::vector<Vertex>& taken, std::uint64_t content);
  void assign_agreement_iri(Vertex v);
  void refresh_agreement_edges(Vertex v);

  std::string base_;
  bool keep_evidence_ = true;
  Graph g_;
  DocumentList docs_;
  void merge_into(Vertex v, const extract::Entity& e);
  void register_keys(Vertex v);  ///< claims the identity keys of the node's names
  void claim(const std::string& key, Vertex v);
  void assign_iri(Vertex v);
  void claim_iri(Vertex v, const std::string& iri);

  std::unordered_map<std::string, Vertex> by_key_;  ///< identity keys -> vertex (looked up, never listed)
  std::unordered_map<std::string, Vertex> by_iri_;  ///< node IRIs given, to keep them unique
  std::unordered_set<std::uint64_t> doc_iris_;       ///< hashes of the document IRIs given (common::fnv1a)
  std::unordered_map<std::uint64_t, int> doc_suffixes_;  ///< document IRI's hash -> the last suffix its namesakes took
  std::map<std::tuple<Vertex, int, Vertex>, EdgeDescriptor> edges_;
  std::unordered_map<Vertex, AgreementState> agreements_;
  /// Agreement identity keys (family and parties, or family and persons) ->
  /// every agreement that claimed them, in creation order.
  std::unordered_map<std::string, std::vector<Vertex>> agreement_keys_;
  CopyFinder copies_;
};

/// The local part of a document's IRI (after "doc/"): from its URL when it
/// has one ("example-org-3fa2c91b0d4e": the host and 12 hex digits of a
/// hash of the URL, scheme and host lower-cased, fragment dropped), else
/// from its text (the 12 hex digits of `content`, Fingerprint::exact). The
/// same page gives the same IRI whatever file, archive or line it came in.
std::string document_local_name(std::string_view url, std::uint64_t content);

/// A URL as an IRI that Turtle and N-Triples accept: characters that IRIs
/// forbid (space, < > " { } | \ ^ `, controls) percent-encoded.
std::string url_as_iri(std::string_view url);

/// A safe IRI local part from any text: lower case ASCII letters, digits and
/// '-', accents folded, everything else dropped; never empty.
std::string slug(std::string_view text);

/// The family of an agreement kind ("convention" -> "accord"): kinds that
/// news reports use for one instrument, listed in graph/data/agreement-kinds.tsv
/// (compiled in). A kind that the file does not list is its own family.
std::string_view agreement_family(std::string_view kind);
/// Whether graph/data/agreement-kinds.tsv lists `kind`.
bool agreement_kind_listed(std::string_view kind);

/// Whether two agreement dates can be the same day. Dates are ISO forms:
/// "2024-10-15", "2024-10", "2024", "--10-15" (no year), "--10", or empty
/// (unknown). They agree unless a part that both give differs: "2024-10-15"
/// agrees with "2024-10", "2024", "--10-15" and ""; not with "2024-10-16".
/// Text of another form agrees only with itself and with "".
bool dates_agree(std::string_view a, std::string_view b);
/// What two agreeing dates say together, as precise as both allow
/// ("2024" and "--10-15" give "2024-10-15"); `a` when they do not agree.
std::string merge_dates(std::string_view a, std::string_view b);

}  // namespace entente::graph
