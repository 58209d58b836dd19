// The evidence behind the graph (writers.hpp: write_evidence), as Turtle
// through Serd, in NIF 2.0 (docs/FORMATS.md):
//
//   for each document, in index order:
//     <doc#char=0,N>  a nif:Context, nif:RFC5147String, nif:String, prov:Entity ;
//                     nif:beginIndex 0 ; nif:endIndex N ; nif:isString "the text" ;
//                     nif:sourceUrl <doc> .
//     then every string of the text that a node or an edge points to, by
//     (begin, end): <doc#char=b,e>
//                     a nif:Phrase (a mention) and/or nif:Sentence (the sentence
//                     of a relation), nif:RFC5147String, nif:String, and
//                     prov:Entity (sentences) ;
//                     nif:beginIndex b ; nif:endIndex e ; nif:anchorOf "..." ;
//                     nif:referenceContext <doc#char=0,N> ;
//                     itsrdf:taIdentRef <node> (mentions; every node named there, sorted) .
//     A sentence or mention that is the whole text is the context itself
//     (same RFC 5147 IRI): its types, nif:anchorOf and itsrdf:taIdentRef go
//     on the context's block, which has no nif:referenceContext.
//   then for each edge, in sorted_edges() order:
//     _:rI a rdf:Statement ; rdf:subject <s> ; rdf:predicate coop:p ; rdf:object <o> ;
//          prov:wasDerivedFrom <doc#char=b,e> (its sentences; the whole text of each
//          supporting document when no sentence is known) .
//
// Offsets: the graph keeps byte offsets into DocumentInfo::text; NIF counts
// Unicode code points of nif:isString. The text is first made valid UTF-8
// (an ill-formed sequence is one U+FFFD, as in every RDF file), then offsets
// are counted in it, so that nif:anchorOf is exactly the characters
// [beginIndex, endIndex) of nif:isString. A byte offset inside a character
// is moved past that character.
#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "entente/export/writers.hpp"
#include "formats.hpp"
#include "rdf_out.hpp"
#include "text.hpp"

namespace entente::exporter {
namespace {

namespace v = entente::ontology;
using graph::KnowledgeGraph;

/// WHAT IT REPRESENTS: a document's text as NIF counts it: valid UTF-8,
/// indexed by code point, with the code point offset of every source byte.
class NifText {
 public:
  explicit NifText(std::string_view source) : cp_of_byte_(source.size() + 1) {
    text_.reserve(source.size());
    std::uint32_t k = 0;
    for (std::size_t i = 0; i < source.size(); ++k) {
      const Utf8Unit u = utf8_unit(source, i);
      cp_of_byte_[i] = k;
      for (std::size_t j = 1; j < u.size; ++j) cp_of_byte_[i + j] = k + 1;
      byte_of_cp_.push_back(text_.size());
      text_.append(u.well_formed ? source.substr(i, u.size) : std::string_view("\xEF\xBF\xBD"));
      i += u.size;
    }
    cp_of_byte_[source.size()] = k;
    byte_of_cp_.push_back(text_.size());
  }

  const std::string& text() const { return text_; }
  std::uint32_t size() const { return static_cast<std::uint32_t>(byte_of_cp_.size() - 1); }
  /// The code point offset of a source byte offset (clamped to the text).
  std::uint32_t at(std::size_t byte) const { return cp_of_byte_[std::min(byte, cp_of_byte_.size() - 1)]; }
  /// Code points [begin, end) of text(). requires: begin <= end <= size().
  std::string_view slice(std::uint32_t begin, std::uint32_t end) const {
    return std::string_view(text_).substr(byte_of_cp_[begin], byte_of_cp_[end] - byte_of_cp_[begin]);
  }

 private:
  std::string text_;
  std::vector<std::uint32_t> cp_of_byte_;
  std::vector<std::size_t> byte_of_cp_;
};

/// A stretch of a document's text, in code points.
using Range = std::pair<std::uint32_t, std::uint32_t>;

/// What the evidence says of one stretch of text.
struct NifString {
  bool phrase = false;             ///< a mention of one or more nodes
  bool sentence = false;           ///< the sentence of one or more edges
  std::set<std::string> entities;  ///< IRIs of the nodes it names
};

std::string char_iri(const std::string& doc, Range r) {
  return doc + "#char=" + number(std::size_t{r.first}) + "," + number(std::size_t{r.second});
}

Term count(std::uint32_t n) { return Term::typed(number(std::size_t{n}), v::xsd::nonNegativeInteger); }

/// The NIF string of a byte range of document `d`: [at(begin), at(end)) in code points.
Range range_of(const NifText& t, std::uint32_t begin, std::uint32_t end) {
  const std::uint32_t b = t.at(begin);
  return {b, std::max(b, t.at(end))};
}

/// The evidence of one graph, gathered by document before it is written.
struct NifIndex {
  std::vector<NifText> texts;                       ///< by document index
  std::vector<std::map<Range, NifString>> strings;  ///< by document index, sorted by range

  explicit NifIndex(const KnowledgeGraph& kg) : strings(kg.documents().size()) {
    for (const auto& doc : kg.documents()) texts.emplace_back(doc.text);
    const graph::Graph& g = kg.graph();
    for (const graph::Vertex vx : kg.sorted_vertices()) {
      for (const graph::MentionRef& m : g[vx].mentions) {
        if (m.document >= texts.size()) continue;
        NifString& s = strings[m.document][range_of(texts[m.document], m.begin, m.end)];
        s.phrase = true;
        s.entities.insert(g[vx].iri);
      }
    }
    for (const graph::EdgeDescriptor e : kg.sorted_edges()) {
      for (const graph::Evidence& ev : g[e].evidence) {
        if (ev.document >= texts.size()) continue;
        strings[ev.document][range_of(texts[ev.document], ev.begin, ev.end)].sentence = true;
      }
    }
  }
};

/// The types of a NIF string, in the order written.
std::vector<std::string_view> types_of(const NifString& s, bool context) {
  std::vector<std::string_view> out;
  if (context) out.push_back(v::nif::Context);
  if (s.phrase) out.push_back(v::nif::Phrase);
  if (s.sentence) out.push_back(v::nif::Sentence);
  out.push_back(v::nif::RFC5147String);
  out.push_back(v::nif::String);
  if (context || s.sentence) out.push_back(v::prov::Entity);
  return out;
}

void write_document(RdfOut& out, const graph::DocumentInfo& doc, const NifText& text,
                    const std::map<Range, NifString>& strings) {
  const Range whole{0, text.size()};
  const Term context = Term::iri(char_iri(doc.iri, whole));
  // A sentence or mention that is the whole text has the context's IRI: one block.
  const auto same = strings.find(whole);
  const NifString none;
  const NifString& also = same == strings.end() ? none : same->second;

  for (const std::string_view type : types_of(also, true))
    out.statement(context, v::rdf::type, Term::iri(type));
  out.statement(context, v::nif::beginIndex, count(0));
  out.statement(context, v::nif::endIndex, count(text.size()));
  out.statement(context, v::nif::isString, Term::plain(text.text()));
  if (same != strings.end()) out.statement(context, v::nif::anchorOf, Term::plain(text.text()));
  out.statement(context, v::nif::sourceUrl, Term::iri(doc.iri));
  for (const std::string& entity : also.entities)
    out.statement(context, v::itsrdf::taIdentRef, Term::iri(entity));

  for (const auto& [range, s] : strings) {
    if (range == whole) continue;
    const Term subject = Term::iri(char_iri(doc.iri, range));
    for (const std::string_view type : types_of(s, false))
      out.statement(subject, v::rdf::type, Term::iri(type));
    out.statement(subject, v::nif::beginIndex, count(range.first));
    out.statement(subject, v::nif::endIndex, count(range.second));
    out.statement(subject, v::nif::anchorOf, Term::plain(text.slice(range.first, range.second)));
    out.statement(subject, v::nif::referenceContext, context);
    for (const std::string& entity : s.entities)
      out.statement(subject, v::itsrdf::taIdentRef, Term::iri(entity));
  }
}

void write_statements(RdfOut& out, const KnowledgeGraph& kg, const NifIndex& evidence) {
  const graph::Graph& g = kg.graph();
  const auto& docs = kg.documents();
  std::size_t index = 0;
  for (const graph::EdgeDescriptor e : kg.sorted_edges()) {
    const graph::Edge& edge = g[e];
    const Term s = Term::blank("r" + number(index++));
    out.statement(s, v::rdf::type, Term::iri(v::rdf::Statement));
    out.statement(s, v::rdf::subject, Term::iri(g[boost::source(e, g)].iri));
    out.statement(s, v::rdf::predicate, Term::iri(property_iri(edge.predicate)));
    out.statement(s, v::rdf::object, Term::iri(g[boost::target(e, g)].iri));
    std::set<std::string> sources;  // sorted, unique
    for (const graph::Evidence& ev : edge.evidence) {
      if (ev.document >= docs.size()) continue;
      sources.insert(
          char_iri(docs[ev.document].iri, range_of(evidence.texts[ev.document], ev.begin, ev.end)));
    }
    if (sources.empty()) {
      for (const std::uint32_t d : edge.documents) {
        if (d < docs.size()) sources.insert(char_iri(docs[d].iri, {0, evidence.texts[d].size()}));
      }
    }
    for (const std::string& source : sources) out.statement(s, v::prov::wasDerivedFrom, Term::iri(source));
  }
}

}  // namespace

std::string write_evidence(const KnowledgeGraph& kg, const std::filesystem::path& file) {
  AtomicFile f(file);
  if (!f.ok()) return f.error();
  RdfOut out(f, SERD_TURTLE);
  out.prefixes(v::kEvidencePrefixes, kg.base());

  const NifIndex evidence(kg);
  for (std::size_t d = 0; d < kg.documents().size(); ++d) {
    write_document(out, kg.documents()[d], evidence.texts[d], evidence.strings[d]);
  }
  write_statements(out, kg, evidence);

  std::string error = out.finish();
  if (error.empty() && !f.commit()) error = f.error();
  return error;
}

}  // namespace entente::exporter
