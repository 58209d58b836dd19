// The RDF of the graph, produced once and written in any of Serd's syntaxes:
// Turtle (graph.ttl), N-Triples (graph.nt), N-Quads (graph.nq), TriG (graph.trig).
//
// rdf_content() lists the statements in subject blocks, so that Turtle and
// TriG abbreviate with ';' and ',':
//   nodes, by IRI (KnowledgeGraph::sorted_vertices): rdf:type, rdfs:label,
//     skos:altLabel, coop:role, coop:kind, coop:date, coop:dateEnd,
//     owl:sameAs, the node's outgoing edges (sorted_edges order), coop:mentionedIn;
//   then documents, by index: rdf:type coop:Document, rdfs:label (title),
//     dcterms:identifier (file name).
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
//   a document's own description: its graph.
// The triple syntaxes write every statement once, in list order; the quad
// syntaxes write the default graph, then each document's graph in document
// order, each in list order. The triples are the same in all four files.
#include <cstdint>
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

/// One statement of the graph and the documents whose named graphs hold it.
struct Statement {
  Term s;
  std::string_view p;
  Term o;
  std::vector<std::uint32_t> graphs;  ///< document indices; empty: the default graph
};

struct Content {
  std::vector<Statement> list;
  void add(const Term& s, std::string_view p, Term o, std::vector<std::uint32_t> graphs = {}) {
    list.push_back({s, p, std::move(o), std::move(graphs)});
  }
};

void add_node(Content& out, const KnowledgeGraph& kg, Vertex vx, const std::vector<EdgeDescriptor>& edges) {
  const graph::Graph& g = kg.graph();
  const graph::Node& n = g[vx];
  const Term s = Term::iri(n.iri);
  out.add(s, v::rdf::type, Term::iri(class_iri(n.type)));
  if (!n.label.empty()) out.add(s, v::rdfs::label, Term::fr(n.label));
  for (const auto& alt : n.alt_labels) out.add(s, v::skos::altLabel, Term::fr(alt));
  for (const auto& role : n.roles) out.add(s, v::coop::role, Term::fr(role));
  if (!n.kind.empty()) out.add(s, v::coop::kind, Term::fr(n.kind));
  if (!n.date.empty()) out.add(s, v::coop::date, Term::typed(n.date, date_datatype(n.date)));
  if (!n.date_end.empty()) {
    out.add(s, v::coop::dateEnd, Term::typed(n.date_end, date_datatype(n.date_end)));
  }
  if (!n.qid.empty()) out.add(s, v::owl::sameAs, Term::iri(std::string(v::ns::wd) + n.qid));
  for (const EdgeDescriptor e : edges) {
    out.add(s, property_iri(g[e].predicate), Term::iri(g[boost::target(e, g)].iri), g[e].documents);
  }
  for (const std::uint32_t d : n.documents) {
    if (d < kg.documents().size()) out.add(s, v::coop::mentionedIn, Term::iri(kg.documents()[d].iri), {d});
  }
}

/// Every statement of the graph, in the order above.
std::vector<Statement> rdf_content(const KnowledgeGraph& kg) {
  Content out;
  // Each node's outgoing edges, in sorted_edges() order.
  const graph::Graph& g = kg.graph();
  std::vector<std::vector<EdgeDescriptor>> out_edges(boost::num_vertices(g));
  for (const EdgeDescriptor e : kg.sorted_edges()) out_edges[boost::source(e, g)].push_back(e);
  for (const Vertex vx : kg.sorted_vertices()) add_node(out, kg, vx, out_edges[vx]);

  for (std::uint32_t d = 0; d < kg.documents().size(); ++d) {
    const auto& doc = kg.documents()[d];
    const Term s = Term::iri(doc.iri);
    out.add(s, v::rdf::type, Term::iri(v::coop::Document), {d});
    if (!doc.title.empty()) out.add(s, v::rdfs::label, Term::fr(doc.title), {d});
    out.add(s, v::dcterms::identifier, Term::plain(doc.id), {d});
  }
  return std::move(out.list);
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

  const std::vector<Statement> content = rdf_content(kg);
  if (!has_graphs(syntax)) {
    for (const Statement& st : content) out.statement(st.s, st.p, st.o);
  } else {
    // Statement indices by graph: the default graph, then one per document.
    std::vector<std::vector<std::size_t>> members(kg.documents().size() + 1);
    for (std::size_t i = 0; i < content.size(); ++i) {
      if (content[i].graphs.empty()) members[0].push_back(i);
      for (const std::uint32_t d : content[i].graphs) {
        if (d < kg.documents().size()) members[d + 1].push_back(i);
      }
    }
    for (std::size_t gi = 0; gi < members.size(); ++gi) {
      const Term name = gi == 0 ? Term{} : Term::iri(kg.documents()[gi - 1].iri);
      for (const std::size_t i : members[gi]) {
        out.statement(content[i].s, content[i].p, content[i].o, gi == 0 ? nullptr : &name);
      }
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
