// The evidence behind the graph (writers.hpp: EvidenceWriter), as Turtle
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
// A document that repeats an earlier one (graph::DocumentInfo::copy_of) has
// no block: its text and mentions are those of its original.
//
// Offsets count Unicode code points of nif:isString (extract::CodePoints),
// so that nif:anchorOf is exactly the characters [beginIndex, endIndex) of
// nif:isString; a byte offset inside a character is moved past it. The text
// as written (Document::source) is valid UTF-8: the reader repairs it.
//
// Work: draft() (on the thread that extracted the document) finds the
// strings and their code-point offsets; add() (on the thread that adds to
// the graph) only maps entities to nodes, keeps the strings of what the graph
// kept and appends one record to the spool file (its text, then each string:
// code-point range, byte range, phrase/sentence flags, the nodes it names).
// finish() renders pieces of 64 documents, then of 4,096 edges, each by its
// own Serd writer into memory, on up to `jobs` threads
// (common::ordered_parallel), and appends them in order: a piece reads its
// records from the spool by offset, so the pieces need nothing of each other.
// Only the graph and `jobs` pieces at a time stay in memory.
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <map>
#include <memory>
#include <string>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "entente/common/ordered_parallel.hpp"
#include "entente/export/writers.hpp"
#include "entente/extract/offsets.hpp"
#include "formats.hpp"
#include "rdf_out.hpp"
#include "text.hpp"

namespace entente::exporter {
namespace {

namespace v = entente::ontology;
using graph::KnowledgeGraph;

/// A stretch of a document's text, in code points.
using Range = std::pair<std::uint32_t, std::uint32_t>;

/// What the evidence says of one stretch of text.
struct NifString {
  Range range;
  std::uint32_t byte_begin = 0, byte_end = 0;  ///< the same stretch in bytes of the text
  bool phrase = false;                         ///< a mention of one or more nodes
  bool sentence = false;                       ///< the sentence of one or more edges
  std::vector<std::uint32_t> vertices;         ///< the nodes it names
};

/// One document as the spool holds it.
struct Record {
  std::uint32_t document = 0;
  std::string_view text;           ///< into the bytes read back from the spool
  std::vector<NifString> strings;  ///< sorted by range
};

// ------------------------------------------------------------ the spool ----
// A record: u32 document, u32 text size, text bytes, u32 string count, then
// per string u32 begin, end, byte begin, byte end, u8 flags, u32 node count,
// u32 nodes. Native byte order: the spool never leaves the process.

void put(std::string& out, std::uint32_t x) { out.append(reinterpret_cast<const char*>(&x), sizeof x); }

/// Reads records from spool bytes held in memory.
class SpoolReader {
 public:
  explicit SpoolReader(std::string_view bytes) : rest_(bytes) {}
  bool done() const { return rest_.empty(); }

  /// The next record into `r` (reusing its buffers); false when the bytes end inside it.
  bool next(Record& r) {
    std::uint32_t size = 0, count = 0;
    if (!get(r.document) || !get(size) || rest_.size() < size) return false;
    r.text = rest_.substr(0, size);
    rest_.remove_prefix(size);
    if (!get(count)) return false;
    r.strings.resize(count);
    for (NifString& s : r.strings) {
      std::uint32_t nodes = 0;
      if (!get(s.range.first) || !get(s.range.second) || !get(s.byte_begin) || !get(s.byte_end) ||
          rest_.empty())
        return false;
      const auto flags = static_cast<unsigned char>(rest_.front());
      rest_.remove_prefix(1);
      s.phrase = (flags & 1U) != 0;
      s.sentence = (flags & 2U) != 0;
      if (!get(nodes) || rest_.size() / sizeof(std::uint32_t) < nodes) return false;
      s.vertices.resize(nodes);
      for (std::uint32_t& v : s.vertices) get(v);
    }
    return true;
  }

 private:
  bool get(std::uint32_t& x) {
    if (rest_.size() < sizeof x) return false;
    std::memcpy(&x, rest_.data(), sizeof x);
    rest_.remove_prefix(sizeof x);
    return true;
  }
  std::string_view rest_;
};

// ------------------------------------------------------------- writing ----

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

/// "<doc>#char=b,e" into `out`.
void char_iri(std::string& out, std::string_view doc, Range r) {
  char digits[32];
  out.assign(doc);
  out += "#char=";
  out.append(digits, std::to_chars(digits, digits + sizeof digits, r.first).ptr);
  out.push_back(',');
  out.append(digits, std::to_chars(digits, digits + sizeof digits, r.second).ptr);
}

/// The IRIs of the graph's nodes, made safe once for every piece of the file.
/// (Documents are read from the graph's DocumentList as a piece needs them:
/// their number is not bounded, the nodes' is the graph's.)
struct Names {
  std::vector<std::string> nodes;  ///< by vertex
  explicit Names(const KnowledgeGraph& kg) {
    const graph::Graph& g = kg.graph();
    for (std::size_t vx = 0; vx < boost::num_vertices(g); ++vx) nodes.push_back(safe_iri(g[vx].iri));
  }
};

/// Writes statements of the file into one RdfOut, reusing its buffers.
class Writer {
 public:
  Writer(RdfOut& out, const KnowledgeGraph& kg, const Names& names)
      : out_(out), kg_(kg), node_iris_(names.nodes), docs_(kg.documents(), 512) {}

  void document(const Record& r) {
    if (r.document >= kg_.documents().size()) return;
    const graph::DocumentInfo& info = docs_[r.document];
    const std::string doc = safe_iri(info.iri);
    const std::string_view text = r.text;
    const Range whole{0, info.length};
    char_iri(context_, doc, whole);
    const TermRef context = TermRef::iri(context_);
    // A sentence or mention that is the whole text has the context's IRI: one block.
    const auto same = std::find_if(r.strings.begin(), r.strings.end(), [&](const NifString& s) { return s.range == whole; });
    const NifString none;
    const NifString& also = same == r.strings.end() ? none : *same;

    for (const std::string_view type : types_of(also, true)) out_.statement(context, v::rdf::type, iri(type));
    out_.statement(context, v::nif::beginIndex, count(0, a_));
    out_.statement(context, v::nif::endIndex, count(whole.second, b_));
    out_.statement(context, v::nif::isString, TermRef::plain(text));
    if (same != r.strings.end()) out_.statement(context, v::nif::anchorOf, TermRef::plain(text));
    out_.statement(context, v::nif::sourceUrl, iri(doc));
    entities(context, also);

    for (const NifString& s : r.strings) {
      if (s.range == whole) continue;
      char_iri(subject_, doc, s.range);
      const TermRef subject = TermRef::iri(subject_);
      for (const std::string_view type : types_of(s, false)) out_.statement(subject, v::rdf::type, iri(type));
      out_.statement(subject, v::nif::beginIndex, count(s.range.first, a_));
      out_.statement(subject, v::nif::endIndex, count(s.range.second, b_));
      const std::string_view anchor = text.substr(
          std::min<std::size_t>(s.byte_begin, text.size()), s.byte_end - std::min(s.byte_begin, s.byte_end));
      out_.statement(subject, v::nif::anchorOf, TermRef::plain(anchor));
      out_.statement(subject, v::nif::referenceContext, context);
      entities(subject, s);
    }
  }

  /// Edges as rdf:Statement blank nodes _:rN, N from `index` on.
  void statements(std::span<const graph::EdgeDescriptor> edges, std::size_t index) {
    const graph::Graph& g = kg_.graph();
    const auto& docs = kg_.documents();
    std::vector<std::string> sources;
    for (const graph::EdgeDescriptor e : edges) {
      const graph::Edge& edge = g[e];
      const std::string blank = "r" + number(index++);
      const TermRef s = TermRef::blank(blank);
      out_.statement(s, v::rdf::type, iri(v::rdf::Statement));
      out_.statement(s, v::rdf::subject, iri(node_iris_[boost::source(e, g)]));
      out_.statement(s, v::rdf::predicate, iri(property_iri(edge.predicate)));
      out_.statement(s, v::rdf::object, iri(node_iris_[boost::target(e, g)]));
      sources.clear();
      for (const graph::Evidence& ev : edge.evidence) {
        if (ev.document >= docs.size()) continue;
        char_iri(sources.emplace_back(), safe_iri(docs_[ev.document].iri), {ev.begin, std::max(ev.begin, ev.end)});
      }
      if (sources.empty()) {
        for (const std::uint32_t d : edge.documents) {
          if (d < docs.size()) {
            const graph::DocumentInfo& info = docs_[d];
            char_iri(sources.emplace_back(), safe_iri(info.iri), {0, info.length});
          }
        }
      }
      std::sort(sources.begin(), sources.end());
      sources.erase(std::unique(sources.begin(), sources.end()), sources.end());
      for (const std::string& source : sources) out_.statement(s, v::prov::wasDerivedFrom, iri(source));
    }
  }

 private:
  static TermRef iri(std::string_view s) { return TermRef::iri(s); }
  static TermRef count(std::uint32_t n, std::array<char, 16>& buffer) {
    const char* end = std::to_chars(buffer.data(), buffer.data() + buffer.size(), n).ptr;
    return TermRef::typed(std::string_view(buffer.data(), static_cast<std::size_t>(end - buffer.data())),
                          v::xsd::nonNegativeInteger);
  }

  /// itsrdf:taIdentRef to every node the string names, sorted by IRI.
  void entities(const TermRef& subject, const NifString& s) {
    names_.clear();
    for (const std::uint32_t vx : s.vertices) {
      if (vx < node_iris_.size()) names_.push_back(node_iris_[vx]);
    }
    std::sort(names_.begin(), names_.end());
    names_.erase(std::unique(names_.begin(), names_.end()), names_.end());
    for (const std::string_view name : names_) out_.statement(subject, v::itsrdf::taIdentRef, iri(name));
  }

  RdfOut& out_;
  const KnowledgeGraph& kg_;
  const std::vector<std::string>& node_iris_;
  graph::DocumentList::Lookup docs_;  ///< the documents this piece names, read as it needs them
  std::string context_, subject_;
  std::array<char, 16> a_{}, b_{};
  std::vector<std::string_view> names_;
};

/// A piece of the file, written in memory.
struct Piece {
  std::string text;
  std::string error;
};

constexpr std::size_t kDocumentsPerPiece = 64;
constexpr std::size_t kEdgesPerPiece = 4096;
/// What Serd writes between two subject blocks of one writer, after the
/// " .\n" that ends a block.
constexpr std::string_view kPieceSeparator = "\n";

/// The text of a document as NIF holds it: valid UTF-8 (each ill-formed
/// sequence one U+FFFD, as in every RDF file), with where each byte of the
/// original went. Documents from the reader are valid already: then the text
/// is used as it is and nothing is copied.
struct NifText {
  std::string_view text;
  std::string repaired;              ///< the text, when it had to be repaired
  std::vector<std::uint32_t> moved;  ///< original byte -> byte of `repaired` (past a unit's start)

  explicit NifText(std::string_view original) : text(original) {
    if (well_formed_prefix(original) == original.size()) return;
    moved.resize(original.size() + 1);
    for (std::size_t k = 0; k < original.size();) {
      const Utf8Unit u = utf8_unit(original, k);
      moved[k] = static_cast<std::uint32_t>(repaired.size());
      repaired.append(u.well_formed ? original.substr(k, u.size) : std::string_view("\xEF\xBF\xBD"));
      for (std::size_t j = 1; j < u.size; ++j) moved[k + j] = static_cast<std::uint32_t>(repaired.size());
      k += u.size;
    }
    moved[original.size()] = static_cast<std::uint32_t>(repaired.size());
    text = repaired;
  }
  NifText(const NifText&) = delete;  // `text` may point into `repaired`
  NifText& operator=(const NifText&) = delete;
  /// Where byte `b` of the original is in `text`.
  std::size_t at(std::size_t b) const { return moved.empty() ? b : moved[std::min(b, moved.size() - 1)]; }
};

}  // namespace

EvidenceWriter::EvidenceWriter(std::filesystem::path file) : file_(std::move(file)) {
  spool_path_ = file_;
  spool_path_ += ".spool-" + std::to_string(::getpid());
  spool_ = std::fopen(spool_path_.c_str(), "w+b");
  if (spool_ == nullptr) {
    error_ = spool_path_.string() + ": cannot open a temporary file for the evidence: " + std::strerror(errno);
    return;
  }
  // A record is a few KiB: one system call per MiB instead of one per document.
  spool_buffer_ = std::make_unique<char[]>(kSpoolBuffer);
  std::setvbuf(spool_, spool_buffer_.get(), _IOFBF, kSpoolBuffer);
  // Unlinked at once: the file lives while it is open, and never outlives the process.
  std::error_code ec;
  std::filesystem::remove(spool_path_, ec);
}

EvidenceWriter::~EvidenceWriter() {
  if (spool_ != nullptr) std::fclose(spool_);
}

EvidenceDraft EvidenceWriter::draft(const extract::Document& doc) {
  const NifText nif(extract::evidence_text(doc));
  const std::string_view text = nif.text;
  const extract::CodePoints code_points(text);
  // A byte offset inside a character moves past it, as its code point offset does.
  auto boundary = [&](std::size_t byte) {
    byte = nif.at(byte);
    while (byte < text.size() && (static_cast<unsigned char>(text[byte]) & 0xC0U) == 0x80U) ++byte;
    return static_cast<std::uint32_t>(std::min(byte, text.size()));
  };
  std::map<Range, EvidenceDraft::Stretch> stretches;
  auto stretch_at = [&](extract::Span span) -> EvidenceDraft::Stretch& {
    const std::uint32_t b = boundary(extract::source_offset(doc, span.begin));
    const std::uint32_t e = std::max(b, boundary(extract::source_offset(doc, span.end)));
    EvidenceDraft::Stretch& s = stretches[{code_points.at(b), code_points.at(e)}];
    s.byte_begin = b;
    s.byte_end = e;
    return s;
  };
  for (std::size_t i = 0; i < doc.entities.size(); ++i) {
    for (const int m : doc.entities[i].mentions) {
      if (m < 0 || static_cast<std::size_t>(m) >= doc.mentions.size()) continue;
      stretch_at(doc.mentions[static_cast<std::size_t>(m)].span).entities.push_back(static_cast<std::uint32_t>(i));
    }
  }
  for (std::size_t i = 0; i < doc.relations.size(); ++i) {
    const std::uint32_t sentence = doc.relations[i].sentence;
    if (sentence < doc.sentences.size()) {
      stretch_at(doc.sentences[sentence].span).relations.push_back(static_cast<std::uint32_t>(i));
    }
  }
  EvidenceDraft d;
  d.text = text;
  d.stretches.reserve(stretches.size());
  for (auto& [range, s] : stretches) {
    s.begin = range.first;
    s.end = range.second;
    d.stretches.push_back(std::move(s));
  }
  return d;
}

void EvidenceWriter::add(const EvidenceDraft& draft, const graph::AddedDocument& added) {
  if (!error_.empty() || added.copy) return;  // a copy's text and mentions are its original's
  if (documents_++ % kDocumentsPerPiece == 0) pieces_.push_back(spooled_);
  // The record (encoding at the top of this file), with the strings of what the graph kept.
  std::string& out = buffer_;
  out.clear();
  put(out, static_cast<std::uint32_t>(added.index));
  put(out, static_cast<std::uint32_t>(draft.text.size()));
  out += draft.text;
  const std::size_t count_at = out.size();
  put(out, 0);
  std::uint32_t count = 0;
  for (const EvidenceDraft::Stretch& s : draft.stretches) {
    std::uint32_t nodes = 0;
    for (const std::uint32_t e : s.entities) nodes += e < added.vertices.size() ? 1U : 0U;
    bool sentence = false;
    for (const std::uint32_t r : s.relations) sentence = sentence || (r < added.relations.size() && added.relations[r]);
    if (nodes == 0 && !sentence) continue;
    ++count;
    for (const std::uint32_t x : {s.begin, s.end, s.byte_begin, s.byte_end}) put(out, x);
    out.push_back(static_cast<char>((nodes > 0 ? 1 : 0) | (sentence ? 2 : 0)));
    put(out, nodes);
    for (const std::uint32_t e : s.entities) {
      if (e < added.vertices.size()) put(out, static_cast<std::uint32_t>(added.vertices[e]));
    }
  }
  std::memcpy(out.data() + count_at, &count, sizeof count);
  if (std::fwrite(out.data(), 1, out.size(), spool_) != out.size()) {
    error_ = spool_path_.string() + ": cannot write the evidence spool: " + std::strerror(errno);
  }
  spooled_ += out.size();
}

namespace {

/// Bytes [begin, end) of the spool.
std::string read_spool(std::FILE* spool, std::uint64_t begin, std::uint64_t end, std::string& error) {
  std::string bytes(static_cast<std::size_t>(end - begin), '\0');
  std::size_t got = 0;
  while (got < bytes.size()) {
    const ::ssize_t n = ::pread(::fileno(spool), bytes.data() + got, bytes.size() - got,
                                static_cast<::off_t>(begin + got));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      error = std::string("cannot read the evidence spool back: ") + (n < 0 ? std::strerror(errno) : "it is shorter than written");
      break;
    }
    got += static_cast<std::size_t>(n);
  }
  return bytes;
}

}  // namespace

std::string EvidenceWriter::finish(const KnowledgeGraph& kg, unsigned jobs) {
  if (!error_.empty()) return error_;
  if (std::fflush(spool_) != 0) {
    return error_ = spool_path_.string() + ": cannot write the evidence spool: " + std::strerror(errno);
  }
  AtomicFile f(file_);
  if (!f.ok()) return error_ = f.error();
  {
    RdfOut head(f, SERD_TURTLE);
    head.prefixes(v::kEvidencePrefixes, kg.base());
    if (error_ = head.finish(); !error_.empty()) return error_;
  }
  const Names names(kg);
  const std::vector<graph::EdgeDescriptor> edges = kg.sorted_edges();
  const std::size_t document_pieces = pieces_.size();
  const std::size_t edge_pieces = (edges.size() + kEdgesPerPiece - 1) / kEdgesPerPiece;

  // Piece i: documents [64 i, 64 i + 64) from the spool, then edges.
  auto render = [&](std::size_t i) -> Piece {
    Piece p;
    RdfOut out(p.text, SERD_TURTLE, file_.string());
    out.prefixes(v::kEvidencePrefixes, kg.base(), /*write=*/false);
    Writer writer(out, kg, names);
    if (i < document_pieces) {
      const std::uint64_t end = i + 1 < document_pieces ? pieces_[i + 1] : spooled_;
      const std::string bytes = read_spool(spool_, pieces_[i], end, p.error);
      p.text.reserve(3 * bytes.size());  // Turtle is about 2.6 times the spool: grown once, not copied
      if (!p.error.empty()) {
        p.error = spool_path_.string() + ": " + p.error;
        return p;
      }
      SpoolReader reader(bytes);
      Record r;
      while (!reader.done()) {
        if (!reader.next(r)) {
          p.error = spool_path_.string() + ": the evidence spool is damaged";
          return p;
        }
        writer.document(r);
      }
    } else {
      const std::size_t begin = (i - document_pieces) * kEdgesPerPiece;
      const std::size_t end = std::min(edges.size(), begin + kEdgesPerPiece);
      p.text.reserve(512 * (end - begin));  // an edge's statement is a few hundred bytes
      writer.statements(std::span(edges).subspan(begin, end - begin), begin);
    }
    if (std::string err = out.finish(); p.error.empty()) p.error = std::move(err);
    return p;
  };
  auto append = [&](std::size_t, Piece&& p) {
    if (error_.empty()) error_ = std::move(p.error);
    if (!error_.empty()) return;
    // One blank line between blocks, as one writer puts it.
    std::string_view text = p.text;
    while (!text.empty() && text.front() == '\n') text.remove_prefix(1);
    while (text.size() > 1 && text.substr(text.size() - 2) == "\n\n") text.remove_suffix(1);
    if (text.empty()) return;
    f.write(kPieceSeparator);
    f.write(text);
  };
  const unsigned threads = std::max(1u, jobs);
  common::ordered_parallel<Piece>(document_pieces + edge_pieces, threads, std::size_t{2} * threads, render, append);

  f.write(kPieceSeparator);  // as Serd ends a file
  if (error_.empty() && !f.commit()) error_ = f.error();
  return error_;
}

}  // namespace entente::exporter
