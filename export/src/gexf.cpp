// GEXF 1.2draft (http://www.gexf.net/1.2draft) for Gephi, through libxml2's
// xmlTextWriter (xml_util.hpp), with the viz module for colours and sizes and
// agreement dates for Gephi's timeline. 1.2draft rather than 1.3: Gephi,
// graphology and networkx 3 read both, but networkx 2.8 (Debian 12) reads
// 1.1draft and 1.2draft only; nothing written here needs 1.3.
//
// What is written, in this order:
//   <meta> (creator, description; no date, so that files stay byte-identical),
//   <graph mode="dynamic" defaultedgetype="directed" timeformat="date">
//          (intervals: 1.2draft has no timerepresentation attribute),
//   <attributes> of nodes (type, iri, wikidata, country, kind, date, documents)
//     and of edges (relation, date, documents, sources: the URLs or names of
//     the documents behind it),
//   nodes "n0".. in KnowledgeGraph::sorted_vertices() order: label, start
//     (agreements), attvalues (string values only when not empty),
//     viz:color by entity type (style.hpp), viz:size by degree,
//   document nodes "d0".. in KnowledgeGraph::documents() order: label (title,
//     else identifier), start (publication date), attvalues (type "Document",
//     iri, date, identifier, url, publisher, language), grey, viz:size by degree,
//   edges "e0".. in sorted_edges() order: label and relation (the predicate),
//     weight (supporting documents), start (edges of an agreement), attvalues,
//   edges "m0".. `mentionedIn` node -> document (RDF's coop:mentionedIn),
//     nodes in sorted_vertices() order, then document order, starting at the
//     document's publication date,
//   edges "c0".. `copyOf` document -> the earlier document it repeats.
//
// Time: an agreement node, and every edge to or from it, starts at the
// agreement's date: "2024-10-15" as is, "2024-10" -> 2024-10-01, "2024" ->
// 2024-01-01; a date without its year ("--10-15") or not a date gives no
// interval (the element is there at all times). Nothing ends.
//
// Sizes: 10 + 4 * sqrt(degree), degree counting every edge in and out, rounded to
// hundredths. Numbers are written with std::to_chars (locale-independent).
#include <cmath>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "entente/export/writers.hpp"
#include "formats.hpp"
#include "style.hpp"
#include "text.hpp"
#include "xml_util.hpp"

namespace entente::exporter {
namespace {

using graph::EntityType;

struct Attribute {
  const char* id;
  const char* type;  // GEXF attribute type
};

constexpr Attribute kNodeAttributes[] = {
    {"type", "string"}, {"iri", "string"},  {"wikidata", "string"},   {"country", "string"},
    {"kind", "string"}, {"date", "string"}, {"documents", "integer"}, {"identifier", "string"},
    {"url", "string"},  {"publisher", "string"}, {"language", "string"},
};
constexpr Attribute kEdgeAttributes[] = {
    {"relation", "string"}, {"date", "string"}, {"documents", "integer"}, {"sources", "string"}};

/// The day a date starts on, as GEXF's timeformat="date" wants it; nullopt
/// when the date has no year or is not a date.
std::optional<std::string> interval_start(std::string_view date) {
  const auto in = [](std::string_view s, int lo, int hi) {
    const int n = (s[0] - '0') * 10 + (s[1] - '0');
    return n >= lo && n <= hi;
  };
  switch (date_form(date)) {
    case DateForm::date:
      if (date.size() == 10 && in(date.substr(5, 2), 1, 12) && in(date.substr(8, 2), 1, 31)) {
        return std::string(date);
      }
      return std::nullopt;
    case DateForm::year_month:
      if (date.size() == 7 && in(date.substr(5, 2), 1, 12)) return std::string(date) + "-01";
      return std::nullopt;
    case DateForm::year:
      if (date.size() == 4) return std::string(date) + "-01-01";
      return std::nullopt;
    case DateForm::month_day:
    case DateForm::other:
      return std::nullopt;
  }
  return std::nullopt;
}

std::string node_size(std::size_t degree) {
  const double size = 10.0 + 4.0 * std::sqrt(static_cast<double>(degree));
  return number(std::round(size * 100.0) / 100.0);
}

void declare(Xml& x, const char* domain, std::span<const Attribute> attributes) {
  x.start("attributes");
  x.attribute("class", domain);
  x.attribute("mode", "static");
  for (const Attribute& a : attributes) {
    x.start("attribute");
    x.attribute("id", a.id);
    x.attribute("title", a.id);
    x.attribute("type", a.type);
    x.end();
  }
  x.end();
}

/// <attvalue for=".." value=".."/>, only when the filtered value is not empty.
void attvalue(Xml& x, const char* id, std::string_view value) {
  const std::string text = xml_text(value);
  if (text.empty()) return;
  x.start("attvalue");
  x.attribute("for", id);
  x.attribute("value", text);
  x.end();
}

void write_document(Xml& x, const graph::KnowledgeGraph& kg) {
  const graph::Graph& g = kg.graph();

  x.start("gexf");
  x.attribute("xmlns", "http://www.gexf.net/1.2draft");
  x.attribute("xmlns:viz", "http://www.gexf.net/1.2draft/viz");
  x.attribute("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
  x.attribute("xsi:schemaLocation", "http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd");
  x.attribute("version", "1.2");
  x.start("meta");
  x.start("creator");
  x.text("Entente");
  x.end();
  x.start("description");
  x.text("Cooperation between states, from French news");
  x.end();
  x.end();  // meta

  x.start("graph");
  x.attribute("mode", "dynamic");
  x.attribute("defaultedgetype", "directed");
  x.attribute("timeformat", "date");
  declare(x, "node", kNodeAttributes);
  declare(x, "edge", kEdgeAttributes);

  const std::vector<graph::Vertex> vertices = kg.sorted_vertices();
  const std::vector<graph::EdgeDescriptor> edges = kg.sorted_edges();
  const auto& docs = kg.documents();
  const std::vector<Mention> mentioned = mentions(kg, vertices);
  std::vector<std::string> node_id(boost::num_vertices(g));
  std::vector<std::size_t> degree(boost::num_vertices(g));
  std::vector<std::size_t> document_degree(docs.size());
  for (std::size_t i = 0; i < vertices.size(); ++i) node_id[vertices[i]] = "n" + number(i);
  for (const graph::EdgeDescriptor e : edges) {
    ++degree[boost::source(e, g)];
    ++degree[boost::target(e, g)];
  }
  for (const Mention& m : mentioned) {
    ++degree[m.node];
    ++document_degree[m.document];
  }
  std::size_t at = 0;
  for (const graph::DocumentInfo& doc : docs) {
    if (const auto original = original_of(doc, docs.size())) {
      ++document_degree[at];
      ++document_degree[*original];
    }
    ++at;
  }
  graph::DocumentList::Lookup lookup(docs);

  x.start("nodes");
  for (const graph::Vertex vx : vertices) {
    const graph::Node& n = g[vx];
    x.start("node");
    x.attribute("id", node_id[vx]);
    x.attribute_text("label", n.label.empty() ? n.iri : n.label);
    if (n.type == EntityType::Agreement) {
      if (const auto start = interval_start(n.date)) x.attribute("start", *start);
    }
    x.start("attvalues");
    attvalue(x, "type", extract::to_string(n.type));
    attvalue(x, "iri", n.iri);
    attvalue(x, "wikidata", n.qid);
    attvalue(x, "country", n.country);
    attvalue(x, "kind", n.kind);
    attvalue(x, "date", n.date);
    attvalue(x, "documents", number(n.documents.size()));
    x.end();  // attvalues
    const TypeStyle style = style_of(n.type);
    x.start("viz:color");
    x.attribute("r", number(std::size_t{style.r}));
    x.attribute("g", number(std::size_t{style.g}));
    x.attribute("b", number(std::size_t{style.b}));
    x.attribute("a", "1");
    x.end();
    x.start("viz:size");
    x.attribute("value", node_size(degree[vx]));
    x.end();
    x.end();  // node
  }
  auto doc_at = docs.begin();
  for (std::size_t d = 0; d < docs.size(); ++d, ++doc_at) {
    const graph::DocumentInfo& doc = *doc_at;
    x.start("node");
    x.attribute("id", "d" + number(d));
    const std::string label = xml_text(document_label(doc));
    x.attribute_text("label", label.empty() ? "d" + number(d) : label);
    if (const auto start = interval_start(doc.date)) x.attribute("start", *start);
    x.start("attvalues");
    attvalue(x, "type", "Document");
    attvalue(x, "iri", doc.iri);
    attvalue(x, "date", doc.date);
    attvalue(x, "identifier", doc.id);
    attvalue(x, "url", doc.url);
    attvalue(x, "publisher", doc.publisher);
    attvalue(x, "language", doc.language);
    x.end();  // attvalues
    x.start("viz:color");
    x.attribute("r", number(std::size_t{kDocumentStyle.r}));
    x.attribute("g", number(std::size_t{kDocumentStyle.g}));
    x.attribute("b", number(std::size_t{kDocumentStyle.b}));
    x.attribute("a", "1");
    x.end();
    x.start("viz:size");
    x.attribute("value", node_size(document_degree[d]));
    x.end();
    x.end();  // node
  }
  x.end();  // nodes

  x.start("edges");
  for (std::size_t i = 0; i < edges.size(); ++i) {
    const graph::EdgeDescriptor e = edges[i];
    const graph::Edge& p = g[e];
    const graph::Node& source = g[boost::source(e, g)];
    const graph::Node& target = g[boost::target(e, g)];
    const std::string_view relation = extract::to_string(p.predicate);
    x.start("edge");
    x.attribute("id", "e" + number(i));
    x.attribute("source", node_id[boost::source(e, g)]);
    x.attribute("target", node_id[boost::target(e, g)]);
    x.attribute("label", relation);
    x.attribute("weight", number(p.weight));
    const graph::Node* agreement = source.type == EntityType::Agreement   ? &source
                                   : target.type == EntityType::Agreement ? &target
                                                                          : nullptr;
    if (agreement != nullptr) {
      if (const auto start = interval_start(agreement->date)) x.attribute("start", *start);
    }
    x.start("attvalues");
    attvalue(x, "relation", relation);
    attvalue(x, "date", agreement != nullptr ? std::string_view(agreement->date) : std::string_view());
    attvalue(x, "documents", number(p.documents.size()));
    attvalue(x, "sources", sources(lookup, p.documents, docs.size()));
    x.end();  // attvalues
    x.end();  // edge
  }
  for (std::size_t i = 0; i < mentioned.size(); ++i) {
    const graph::DocumentInfo& doc = lookup[mentioned[i].document];
    x.start("edge");
    x.attribute("id", "m" + number(i));
    x.attribute("source", node_id[mentioned[i].node]);
    x.attribute("target", "d" + number(std::size_t{mentioned[i].document}));
    x.attribute("label", "mentionedIn");
    x.attribute("weight", "1");
    if (const auto start = interval_start(doc.date)) x.attribute("start", *start);
    x.start("attvalues");
    attvalue(x, "relation", "mentionedIn");
    attvalue(x, "date", doc.date);
    attvalue(x, "documents", "1");
    attvalue(x, "sources", source_of(doc));
    x.end();  // attvalues
    x.end();  // edge
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
    x.attribute("label", "copyOf");
    x.attribute("weight", "1");
    x.start("attvalues");
    attvalue(x, "relation", "copyOf");
    attvalue(x, "documents", "1");  // the copy
    attvalue(x, "sources", source_of(*doc_at));
    x.end();  // attvalues
    x.end();  // edge
  }
  x.end();  // edges

  x.end();  // graph
  x.end();  // gexf
}

}  // namespace

std::string write_gexf(const graph::KnowledgeGraph& kg, const std::filesystem::path& file) {
  return write_xml_file(file, "GEXF", [&](Xml& x) { write_document(x, kg); });
}

}  // namespace entente::exporter
