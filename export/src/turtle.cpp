// The RDF of the graph, produced once and written in any of Serd's syntaxes:
// Turtle (graph.ttl), N-Triples (graph.nt), N-Quads (graph.nq), TriG (graph.trig).
//
// Statements are written as they are made, never gathered (memory stays with
// the graph), in subject blocks so that Turtle and TriG abbreviate with ';' and ',':
//   nodes, by IRI (KnowledgeGraph::sorted_vertices): rdf:type, rdfs:label,
//     skos:altLabel, coop:role, coop:kind, coop:date, coop:dateEnd,
//     owl:sameAs, the node's outgoing edges (sorted_edges order), coop:mentionedIn;
//   then the outlets, by IRI (<base>publisher/<slug>): rdf:type
//     dcterms:Agent, rdfs:label; and the languages (Library of Congress ISO
//     639-1 IRIs): rdf:type dcterms:LinguisticSystem;
//   then documents, by index: rdf:type coop:Document, rdfs:label (title),
//     dcterms:identifier (name in the input), dcterms:source (URL),
//     dcterms:title, dcterms:date, dcterms:publisher, dcterms:language,
//     coop:copyOf (the document it repeats). Documents come last, so that
//     copies added at the end of a corpus only add statements at the end.
// Names are @fr literals; dates are typed by their form (date_datatype).
// coop:cooperatesWith is written once per pair, as stored: the ontology
// declares it symmetric.
//
// Each statement also says which graphs of the quad syntaxes hold it
// (docs/FORMATS.md):
//   what the corpus as a whole says of a node (its type, names, roles, kind,
//     dates, Wikidata link): the default graph;
//   "node coop:mentionedIn D": the named graph of document D (its IRI);
//   an edge: the graph of every document that supports it (Edge::documents);
//   a document's own description: its graph;
//   an outlet's and a language's description: the default graph.
// The triple syntaxes write every statement once, in list order; the quad
// syntaxes write the default graph, then each document's graph in document
// order, each in list order. The triples are the same in all four files.
#include <algorithm>
#include <map>
#include <set>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "entente/export/writers.hpp"
#include "formats.hpp"
#include "rdf_out.hpp"

namespace entente::exporter {
namespace {

namespace v = entente::ontology;
using graph::EdgeDescriptor;
using graph::EntityType;
using graph::KnowledgeGraph;
using graph::Predicate;
using graph::Vertex;

std::string_view class_iri(EntityType t) {
  switch (t) {
    case EntityType::Person:
      return v::coop::Person;
    case EntityType::Institution:
      return v::coop::Institution;
    case EntityType::Country:
      return v::coop::Country;
    case EntityType::Agreement:
      return v::coop::Agreement;
    case EntityType::Place:
      return v::coop::Place;
  }
  return v::coop::Place;
}

/// Which statements a pass writes, by the documents whose named graphs hold
/// them (no document: the default graph).
struct Pass {
  enum class Kind { all, default_graph, document } kind = Kind::all;
  std::uint32_t document = 0;
  bool wants(std::span<const std::uint32_t> graphs) const {
    switch (kind) {
      case Kind::all:
        return true;
      case Kind::default_graph:
        return graphs.empty();
      case Kind::document:
        return std::binary_search(graphs.begin(), graphs.end(), document);
    }
    return false;
  }
};

/// Writes the statements of one node that `pass` wants, in the order above.
void node_statements(RdfOut& out, const KnowledgeGraph& kg, Vertex vx, const std::vector<EdgeDescriptor>& edges,
                     const Pass& pass, const Term* graph) {
  const graph::Graph& g = kg.graph();
  const graph::Node& n = g[vx];
  const Term s = Term::iri(n.iri);
  if (pass.wants({})) {
    out.statement(s, v::rdf::type, Term::iri(class_iri(n.type)), graph);
    if (!n.label.empty()) out.statement(s, v::rdfs::label, Term::fr(n.label), graph);
    for (const auto& alt : n.alt_labels) out.statement(s, v::skos::altLabel, Term::fr(alt), graph);
    for (const auto& role : n.roles) out.statement(s, v::coop::role, Term::fr(role), graph);
    if (!n.kind.empty()) out.statement(s, v::coop::kind, Term::fr(n.kind), graph);
    if (!n.date.empty()) out.statement(s, v::coop::date, Term::typed(n.date, date_datatype(n.date)), graph);
    if (!n.date_end.empty()) {
      out.statement(s, v::coop::dateEnd, Term::typed(n.date_end, date_datatype(n.date_end)), graph);
    }
    if (!n.qid.empty()) out.statement(s, v::owl::sameAs, Term::iri(std::string(v::ns::wd) + n.qid), graph);
    for (const auto& former : n.same_as) out.statement(s, v::owl::sameAs, Term::iri(former), graph);
  }
  for (const EdgeDescriptor e : edges) {
    if (pass.wants(g[e].documents)) {
      out.statement(s, property_iri(g[e].predicate), Term::iri(g[boost::target(e, g)].iri), graph);
    }
  }
  for (const std::uint32_t d : n.documents) {
    if (d < kg.documents().size() && pass.wants(std::span(&d, 1))) {
      out.statement(s, v::coop::mentionedIn, Term::iri(kg.documents().iri(d)), graph);
    }
  }
}

/// The IRI of an outlet: <base>publisher/<slug of its name>.
std::string publisher_iri(const KnowledgeGraph& kg, std::string_view name) {
  return kg.base() + "publisher/" + graph::slug(name);
}

std::string language_iri(std::string_view code) { return std::string(v::iso639) + std::string(code); }

void document_statements(RdfOut& out, const KnowledgeGraph& kg, const graph::DocumentInfo& doc, const Term* graph) {
  const Term s = Term::iri(doc.iri);
  out.statement(s, v::rdf::type, Term::iri(v::coop::Document), graph);
  const std::string_view lang = doc.language.empty() ? std::string_view("fr") : std::string_view(doc.language);
  if (!doc.title.empty()) out.statement(s, v::rdfs::label, Term::in_language(doc.title, lang), graph);
  out.statement(s, v::dcterms::identifier, Term::plain(doc.id), graph);
  if (!doc.url.empty()) out.statement(s, v::dcterms::source, Term::iri(graph::url_as_iri(doc.url)), graph);
  if (doc.title_from_metadata) out.statement(s, v::dcterms::title, Term::in_language(doc.title, lang), graph);
  if (!doc.date.empty()) out.statement(s, v::dcterms::date, Term::typed(doc.date, date_datatype(doc.date)), graph);
  if (!doc.publisher.empty()) out.statement(s, v::dcterms::publisher, Term::iri(publisher_iri(kg, doc.publisher)), graph);
  if (!doc.language.empty()) out.statement(s, v::dcterms::language, Term::iri(language_iri(doc.language)), graph);
  if (doc.copy_of && doc.copy_of->original < kg.documents().size()) {
    out.statement(s, v::coop::copyOf, Term::iri(kg.documents().iri(doc.copy_of->original)), graph);
  }
}

/// The outlets (IRI -> name, the first name that gave the IRI) and the
/// languages of the documents, each once, sorted by IRI, described in the
/// default graph.
void source_statements(RdfOut& out, const KnowledgeGraph& kg) {
  std::map<std::string, std::string> publishers;
  std::set<std::string> languages;
  for (const auto& doc : kg.documents()) {
    if (!doc.publisher.empty()) publishers.emplace(publisher_iri(kg, doc.publisher), doc.publisher);
    if (!doc.language.empty()) languages.insert(language_iri(doc.language));
  }
  for (const auto& [iri, name] : publishers) {
    const Term s = Term::iri(iri);
    out.statement(s, v::rdf::type, Term::iri(v::dcterms::Agent), nullptr);
    out.statement(s, v::rdfs::label, Term::plain(name), nullptr);
  }
  for (const auto& iri : languages) out.statement(Term::iri(iri), v::rdf::type, Term::iri(v::dcterms::LinguisticSystem), nullptr);
}

bool has_graphs(SerdSyntax syntax) { return syntax == SERD_NQUADS || syntax == SERD_TRIG; }

}  // namespace

std::string_view property_iri(Predicate p) {
  switch (p) {
    case Predicate::memberOf:
      return v::coop::memberOf;
    case Predicate::country:
      return v::coop::country;
    case Predicate::cooperatesWith:
      return v::coop::cooperatesWith;
    case Predicate::party:
      return v::coop::party;
    case Predicate::signatory:
      return v::coop::signatory;
    case Predicate::participant:
      return v::coop::participant;
  }
  return v::coop::country;
}

std::string write_rdf(const KnowledgeGraph& kg, SerdSyntax syntax, const std::filesystem::path& file) {
  AtomicFile f(file);
  if (!f.ok()) return f.error();
  RdfOut out(f, syntax);
  out.prefixes({}, kg.base());

  // Each node's outgoing edges, in sorted_edges() order.
  const graph::Graph& g = kg.graph();
  std::vector<std::vector<EdgeDescriptor>> out_edges(boost::num_vertices(g));
  for (const EdgeDescriptor e : kg.sorted_edges()) out_edges[boost::source(e, g)].push_back(e);
  const std::vector<Vertex> vertices = kg.sorted_vertices();
  const auto& docs = kg.documents();

  if (!has_graphs(syntax)) {
    for (const Vertex vx : vertices) node_statements(out, kg, vx, out_edges[vx], {}, nullptr);
    source_statements(out, kg);
    for (const auto& doc : docs) document_statements(out, kg, doc, nullptr);
  } else {
    const Pass default_graph{Pass::Kind::default_graph};
    for (const Vertex vx : vertices) node_statements(out, kg, vx, out_edges[vx], default_graph, nullptr);
    source_statements(out, kg);
    // The nodes each document's graph speaks of (by rank in `vertices`):
    // those it mentions and those with an edge it supports; sorted and unique,
    // since ranks are visited in order.
    std::vector<std::vector<std::uint32_t>> nodes_of(docs.size());
    for (std::uint32_t rank = 0; rank < vertices.size(); ++rank) {
      const Vertex vx = vertices[rank];
      auto note = [&](std::uint32_t d) {
        if (d < docs.size() && (nodes_of[d].empty() || nodes_of[d].back() != rank)) nodes_of[d].push_back(rank);
      };
      for (const std::uint32_t d : g[vx].documents) note(d);
      for (const EdgeDescriptor e : out_edges[vx]) {
        for (const std::uint32_t d : g[e].documents) note(d);
      }
    }
    auto doc_at = docs.begin();
    for (std::uint32_t d = 0; d < docs.size(); ++d, ++doc_at) {
      const Term name = Term::iri(doc_at->iri);
      const Pass pass{Pass::Kind::document, d};
      for (const std::uint32_t rank : nodes_of[d]) {
        node_statements(out, kg, vertices[rank], out_edges[vertices[rank]], pass, &name);
      }
      document_statements(out, kg, *doc_at, &name);
      std::vector<std::uint32_t>().swap(nodes_of[d]);  // written: free it
    }
  }

  std::string error = out.finish();
  if (error.empty() && !f.commit()) error = f.error();
  return error;
}

std::string write_turtle(const KnowledgeGraph& kg, const std::filesystem::path& file) {
  return write_rdf(kg, SERD_TURTLE, file);
}

}  // namespace entente::exporter
