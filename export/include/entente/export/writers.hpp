// Serialisers of the corpus graph. Each writes one file atomically and only
// serialises: identity and content are decided in graph/.
//
//   namespace ex = entente::exporter;
//   for (const ex::Format f : ex::kFormats) {             // or parse_format("nq")
//     const fs::path file = outdir / ("graph." + std::string(ex::extension(f)));
//     if (std::string err = ex::write(kg, f, file); !err.empty()) fail(err);
//   }
//   evidence.ttl: see EvidenceWriter, fed while documents are added.
//
// Every writer visits nodes and edges in KnowledgeGraph::sorted_vertices() /
// sorted_edges() order and formats numbers without the global locale, so the
// same graph gives byte-identical files. A file appears complete or not at all
// (AtomicFile). What each file holds: docs/FORMATS.md.
//
// THREAD SAFETY: writers only read the graph; distinct files may be written
// from distinct threads.
#pragma once
#include <array>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "entente/graph/graph.hpp"

namespace entente::exporter {

/// The formats of the graph. RDF ones (ttl, nt, nq, trig) hold the same
/// triples; nq and trig also put each document's facts in a named graph.
enum class Format {
  ttl,      ///< Turtle (Serd), prefixed and abbreviated
  graphml,  ///< GraphML (libxml2) for Gephi, networkx, igraph, boost::read_graphml
  nt,       ///< N-Triples (Serd)
  nq,       ///< N-Quads (Serd): one named graph per document
  trig,     ///< TriG (Serd): one named graph per document
  gexf,     ///< GEXF 1.2draft (libxml2; read by Gephi, graphology, networkx 2.8 and 3) with viz colours and sizes, agreement dates for Gephi's timeline
  dot,      ///< Graphviz DOT (boost::write_graphviz)
};

/// Every format, in the order above.
inline constexpr std::array<Format, 7> kFormats = {Format::ttl,  Format::graphml, Format::nt, Format::nq,
                                                   Format::trig, Format::gexf,    Format::dot};

/// The format named by its extension ("ttl", "graphml", "nt", "nq", "trig",
/// "gexf", "dot"; exact, lower case); nullopt for any other text.
std::optional<Format> parse_format(std::string_view name);

/// The file extension of a format, without the dot; also its name for parse_format.
std::string_view extension(Format format);

/// Writes `kg` in `format` to `file`.
/// Returns an empty string on success, else a message naming the file.
std::string write(const graph::KnowledgeGraph& kg, Format format, const std::filesystem::path& file);

/// WHAT IT REPRESENTS: what evidence.ttl needs of one document, made from
/// the document alone, so that the thread that extracted it can make it
/// (EvidenceWriter::draft): its text as NIF holds it (valid UTF-8) and every
/// stretch of it that a mention or the sentence of a relation covers.
/// THREAD SAFETY: a value.
struct EvidenceDraft {
  struct Stretch {
    std::uint32_t begin = 0, end = 0;            ///< code points of `text`
    std::uint32_t byte_begin = 0, byte_end = 0;  ///< the same stretch in bytes of `text`
    std::vector<std::uint32_t> entities;         ///< Document::entities it mentions, once per mention
    std::vector<std::uint32_t> relations;        ///< Document::relations whose sentence it is
  };
  std::string text;
  std::vector<Stretch> stretches;  ///< sorted by (begin, end), each range once
};

/// WHAT IT REPRESENTS: evidence.ttl, the text behind the graph, being
/// written while the corpus streams through (NIF 2.0, Turtle through Serd):
/// each document's text as a nif:Context, every mention as a nif:Phrase with
/// code-point offsets and itsrdf:taIdentRef to its node, every sentence
/// behind an edge as a nif:Sentence, and every edge as a reified
/// rdf:Statement with prov:wasDerivedFrom its sentence(s).
///
/// add() is called with each document right after KnowledgeGraph::add, in
/// the same order; it keeps the document's strings in a spool (a temporary
/// file beside the target, unlinked at once, so nothing is left behind), not
/// in memory. finish() writes the file once the graph is complete, because
/// node IRIs are final only then. The file appears complete or not at all.
///
///   ex::EvidenceWriter evidence(outdir / "evidence.ttl");
///   for (const auto& doc : docs) evidence.add(doc, kg.add(doc));
///   kg.finish();
///   if (std::string err = evidence.finish(kg, jobs); !err.empty()) fail(err);
///
/// With documents extracted on several threads, each thread makes the
/// draft (draft() reads only the document) and the one thread that adds
/// documents to the graph calls add(draft, added).
///
/// THREAD SAFETY: draft() is a pure function; the rest is not thread-safe:
/// one thread adds, in document order.
class EvidenceWriter {
 public:
  explicit EvidenceWriter(std::filesystem::path file);
  ~EvidenceWriter();
  EvidenceWriter(const EvidenceWriter&) = delete;
  EvidenceWriter& operator=(const EvidenceWriter&) = delete;

  /// The first error so far (naming the file), or "".
  const std::string& error() const { return error_; }
  /// What add() needs of `doc`.
  static EvidenceDraft draft(const extract::Document& doc);
  /// Spools the strings of a document; `added` is what KnowledgeGraph::add
  /// returned for it: mentions of entities it kept and sentences of
  /// relations it kept are written, the others are not. A copy of an
  /// earlier document (added.copy) writes nothing.
  void add(const EvidenceDraft& draft, const graph::AddedDocument& added);
  void add(const extract::Document& doc, const graph::AddedDocument& added) { add(draft(doc), added); }
  /// Writes the file, rendering its pieces on up to `jobs` threads (the
  /// bytes do not depend on `jobs`). Returns an empty string on success,
  /// else a message naming the file.
  std::string finish(const graph::KnowledgeGraph& kg, unsigned jobs = 1);

 private:
  std::filesystem::path file_;
  std::filesystem::path spool_path_;
  static constexpr std::size_t kSpoolBuffer = std::size_t{1} << 20U;
  std::unique_ptr<char[]> spool_buffer_;  ///< the spool's stdio buffer (outlives spool_)
  std::FILE* spool_ = nullptr;
  std::uint64_t spooled_ = 0;          ///< bytes written to the spool
  std::uint64_t documents_ = 0;        ///< documents added
  std::vector<std::uint64_t> pieces_;  ///< spool offsets where pieces (64 documents) start
  std::string buffer_;                 ///< one document's record, before it goes to the spool
  std::string error_;
};

/// WHAT IT REPRESENTS: the sentences behind the graph's edges, kept in
/// memory for report.html (write_report), which shows them when an edge is
/// clicked. Fed like EvidenceWriter, from the same drafts: only the
/// sentences of relations the graph kept are stored, once per (document,
/// code-point range), never the rest of the text.
///
///   ex::ReportSentences sentences;
///   for (const auto& doc : docs) sentences.add(ex::EvidenceWriter::draft(doc), kg.add(doc));
///   kg.finish();
///   ex::write_report(kg, outdir / "report.html", &sentences);
///
/// THREAD SAFETY: none: one thread adds, in document order; find() may be
/// called from any thread once adding is over.
class ReportSentences {
 public:
  /// Keeps the sentences of `draft` behind relations that `added` says were
  /// kept. A copy of an earlier document (added.copy) adds nothing.
  void add(const EvidenceDraft& draft, const graph::AddedDocument& added);
  /// The text (valid UTF-8) of the sentence at `e`; nullptr when it was not kept.
  const std::string* find(const graph::Evidence& e) const;
  /// Sentences kept.
  std::size_t size() const { return sentences_.size(); }

 private:
  std::map<std::tuple<std::uint32_t, std::uint32_t, std::uint32_t>, std::string> sentences_;
};

/// A page for people without Gephi (report.html beside the graph), one
/// self-contained file that needs no network when viewed:
///   - a network view: every node and edge drawn by sigma.js (WebGL) over
///     graphology, both compiled in from report/node_modules (npm, pinned
///     by report/package-lock.json) and written into the page; positions
///     laid out here by ForceAtlas2; search by name, filters by entity
///     type, country, relation and date, places without edges hidden until
///     asked for, a panel with a clicked node's labels, Wikidata link, roles,
///     relations and documents, or a clicked edge's sentences (from
///     `sentences`: at most kReportSentencesPerEdge per edge; none when it is
///     null), and the agreements on a timeline. The graph is a JSON document
///     inside the page (docs/FORMATS.md, "report.html");
///   - what needs no script: counts by entity type and relation, every
///     agreement with its parties, signatories, participants and dates, the
///     15 most connected entities.
/// Deterministic: the same graph and sentences give the same bytes.
/// Returns an empty string on success, else a message naming the file.
std::string write_report(const graph::KnowledgeGraph& kg, const std::filesystem::path& file,
                         const ReportSentences* sentences = nullptr);

/// The sentences of an edge that report.html holds at most (in the order of
/// the edge's evidence, each text once); the page says how many there are.
inline constexpr std::size_t kReportSentencesPerEdge = 10;

/// Turtle through Serd: prefixes, typed dates, rdfs:label@fr, skos:altLabel@fr,
/// coop:mentionedIn -> document nodes with dcterms:identifier, owl:sameAs Wikidata.
/// The same as write(kg, Format::ttl, file).
std::string write_turtle(const graph::KnowledgeGraph& kg, const std::filesystem::path& file);

/// GraphML that Gephi, networkx, igraph and boost::read_graphml import.
/// The same as write(kg, Format::graphml, file).
std::string write_graphml(const graph::KnowledgeGraph& kg, const std::filesystem::path& file);

}  // namespace entente::exporter
