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
// Offsets count Unicode code points of nif:isString (extract::CodePoints),
// so that nif:anchorOf is exactly the characters [beginIndex, endIndex) of
// nif:isString; a byte offset inside a character is moved past it. The text
// as written (Document::source) is valid UTF-8: the reader repairs it.
//
// Memory: add() turns a document into one record of the spool file (its
// text, then each string: code-point range, byte range, phrase/sentence
// flags, the nodes it names); finish() reads the records back one at a time.
// Only the graph stays in memory.
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <map>
#include <string>
#include <span>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

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
  std::string text;
  std::vector<NifString> strings;  ///< sorted by range
};

// ------------------------------------------------------------ the spool ----
// A record: u32 document, u32 text size, text bytes, u32 string count, then
// per string u32 begin, end, byte begin, byte end, u8 flags, u32 node count,
// u32 nodes. Native byte order: the spool never leaves the process.

void put(std::string& out, std::uint32_t x) { out.append(reinterpret_cast<const char*>(&x), sizeof x); }

void encode(std::string& out, const Record& r) {
  out.clear();
  put(out, r.document);
  put(out, static_cast<std::uint32_t>(r.text.size()));
  out += r.text;
  put(out, static_cast<std::uint32_t>(r.strings.size()));
  for (const NifString& s : r.strings) {
    for (const std::uint32_t x : {s.range.first, s.range.second, s.byte_begin, s.byte_end}) put(out, x);
    out.push_back(static_cast<char>((s.phrase ? 1 : 0) | (s.sentence ? 2 : 0)));
    put(out, static_cast<std::uint32_t>(s.vertices.size()));
    for (const std::uint32_t x : s.vertices) put(out, x);
  }
}

bool get(std::FILE* in, void* to, std::size_t n) { return std::fread(to, 1, n, in) == n; }
bool get(std::FILE* in, std::uint32_t& x) { return get(in, &x, sizeof x); }

/// Reads the next record into `r` (reusing its buffers); false at the end or on error.
bool decode(std::FILE* in, Record& r) {
  std::uint32_t size = 0, count = 0;
  if (!get(in, r.document) || !get(in, size)) return false;
  r.text.resize(size);
  if (!get(in, r.text.data(), size) || !get(in, count)) return false;
  r.strings.resize(count);
  for (NifString& s : r.strings) {
    char flags = 0;
    std::uint32_t nodes = 0;
    if (!get(in, s.range.first) || !get(in, s.range.second) || !get(in, s.byte_begin) || !get(in, s.byte_end) ||
        !get(in, &flags, 1) || !get(in, nodes))
      return false;
    s.phrase = (flags & 1) != 0;
    s.sentence = (flags & 2) != 0;
    s.vertices.resize(nodes);
    if (nodes > 0 && !get(in, s.vertices.data(), nodes * sizeof(std::uint32_t))) return false;
  }
  return true;
}

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

/// The IRIs of the graph, made safe once for every piece of the file.
struct Names {
  std::vector<std::string> nodes;      ///< by vertex
  std::vector<std::string> documents;  ///< by document index
  explicit Names(const KnowledgeGraph& kg) {
    const graph::Graph& g = kg.graph();
    for (std::size_t vx = 0; vx < boost::num_vertices(g); ++vx) nodes.push_back(safe_iri(g[vx].iri));
    for (const auto& doc : kg.documents()) documents.push_back(safe_iri(doc.iri));
  }
};

/// Writes statements of the file into one RdfOut, reusing its buffers.
class Writer {
 public:
  Writer(RdfOut& out, const KnowledgeGraph& kg, const Names& names)
      : out_(out), kg_(kg), node_iris_(names.nodes), doc_iris_(names.documents) {}

  void document(Record& r) {
    if (r.document >= doc_iris_.size()) return;
    const std::string_view doc = doc_iris_[r.document];
    const std::string& text = r.text;
    const Range whole{0, kg_.documents()[r.document].length};
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

    for (NifString& s : r.strings) {
      if (s.range == whole) continue;
      char_iri(subject_, doc, s.range);
      const TermRef subject = TermRef::iri(subject_);
      for (const std::string_view type : types_of(s, false)) out_.statement(subject, v::rdf::type, iri(type));
      out_.statement(subject, v::nif::beginIndex, count(s.range.first, a_));
      out_.statement(subject, v::nif::endIndex, count(s.range.second, b_));
      const std::string_view anchor = std::string_view(text).substr(
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
        char_iri(sources.emplace_back(), doc_iris_[ev.document], {ev.begin, std::max(ev.begin, ev.end)});
      }
      if (sources.empty()) {
        for (const std::uint32_t d : edge.documents) {
          if (d < docs.size()) char_iri(sources.emplace_back(), doc_iris_[d], {0, docs[d].length});
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
  const std::vector<std::string>& doc_iris_;
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

/// f(0) ... f(n-1) on up to `jobs` threads; the results in order.
template <typename F>
std::vector<Piece> in_parallel(std::size_t n, unsigned jobs, F f) {
  std::vector<Piece> out(n);
  if (jobs <= 1 || n <= 1) {
    for (std::size_t i = 0; i < n; ++i) out[i] = f(i);
    return out;
  }
  std::vector<std::thread> threads;
  for (std::size_t i = 1; i < n; ++i) threads.emplace_back([&, i] { out[i] = f(i); });
  out[0] = f(0);
  for (auto& t : threads) t.join();
  return out;
}

/// The text of a document as NIF holds it: valid UTF-8 (each ill-formed
/// sequence one U+FFFD, as in every RDF file), with where each byte of the
/// original went. Documents from the reader are valid already: then the text
/// is used as it is and nothing is copied.
struct NifText {
  std::string_view text;
  std::string repaired;              ///< the text, when it had to be repaired
  std::vector<std::uint32_t> moved;  ///< original byte -> byte of `repaired` (past a unit's start)

  explicit NifText(std::string_view original) : text(original) {
    std::size_t i = 0;
    while (i < original.size() && static_cast<unsigned char>(original[i]) < 0x80) ++i;
    bool valid = true;
    for (; valid && i < original.size();) {
      const Utf8Unit u = utf8_unit(original, i);
      valid = u.well_formed;
      i += u.size;
    }
    if (valid) return;
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
  // Unlinked at once: the file lives while it is open, and never outlives the process.
  std::error_code ec;
  std::filesystem::remove(spool_path_, ec);
}

EvidenceWriter::~EvidenceWriter() {
  if (spool_ != nullptr) std::fclose(spool_);
}

void EvidenceWriter::add(const extract::Document& doc, const graph::AddedDocument& added) {
  if (!error_.empty()) return;
  const NifText nif(extract::evidence_text(doc));
  const std::string_view text = nif.text;
  const extract::CodePoints code_points(text);
  // A byte offset inside a character moves past it, as its code point offset does.
  auto boundary = [&](std::size_t byte) {
    byte = nif.at(byte);
    while (byte < text.size() && (static_cast<unsigned char>(text[byte]) & 0xC0U) == 0x80U) ++byte;
    return static_cast<std::uint32_t>(std::min(byte, text.size()));
  };
  std::map<Range, NifString> strings;
  auto string_at = [&](extract::Span span) -> NifString& {
    const std::uint32_t b = boundary(extract::source_offset(doc, span.begin));
    const std::uint32_t e = std::max(b, boundary(extract::source_offset(doc, span.end)));
    NifString& s = strings[{code_points.at(b), code_points.at(e)}];
    s.byte_begin = b;
    s.byte_end = e;
    return s;
  };
  for (std::size_t i = 0; i < doc.entities.size() && i < added.vertices.size(); ++i) {
    for (const int m : doc.entities[i].mentions) {
      if (m < 0 || static_cast<std::size_t>(m) >= doc.mentions.size()) continue;
      NifString& s = string_at(doc.mentions[static_cast<std::size_t>(m)].span);
      s.phrase = true;
      s.vertices.push_back(static_cast<std::uint32_t>(added.vertices[i]));
    }
  }
  for (std::size_t i = 0; i < doc.relations.size() && i < added.relations.size(); ++i) {
    const std::uint32_t sentence = doc.relations[i].sentence;
    if (added.relations[i] && sentence < doc.sentences.size()) string_at(doc.sentences[sentence].span).sentence = true;
  }
  Record r;
  r.document = added.index;
  r.text = text;
  for (auto& [range, s] : strings) {
    s.range = range;
    r.strings.push_back(std::move(s));
  }
  encode(buffer_, r);
  if (std::fwrite(buffer_.data(), 1, buffer_.size(), spool_) != buffer_.size()) {
    error_ = spool_path_.string() + ": cannot write the evidence spool: " + std::strerror(errno);
  }
}

std::string EvidenceWriter::finish(const KnowledgeGraph& kg, unsigned jobs) {
  if (!error_.empty()) return error_;
  if (std::fflush(spool_) != 0 || std::fseek(spool_, 0, SEEK_SET) != 0) {
    return error_ = spool_path_.string() + ": cannot read the evidence spool back: " + std::strerror(errno);
  }
  AtomicFile f(file_);
  if (!f.ok()) return error_ = f.error();
  {
    RdfOut head(f, SERD_TURTLE);
    head.prefixes(v::kEvidencePrefixes, kg.base());
    if (error_ = head.finish(); !error_.empty()) return error_;
  }
  // The rest is written in pieces of a fixed size, each by its own Serd
  // writer into memory, up to `jobs` at a time, and appended in order: the
  // file does not depend on `jobs`, and memory holds `jobs` pieces at most.
  const Names names(kg);
  auto render = [&](auto&& write) -> Piece {
    Piece p;
    RdfOut out(p.text, SERD_TURTLE, file_.string());
    out.prefixes(v::kEvidencePrefixes, kg.base(), /*write=*/false);
    Writer writer(out, kg, names);
    write(writer);
    p.error = out.finish();
    return p;
  };
  auto append = [&](std::vector<Piece>& pieces) {
    for (Piece& p : pieces) {
      if (error_.empty()) error_ = p.error;
      // One blank line between blocks, as one writer puts it.
      std::string_view text = p.text;
      while (!text.empty() && text.front() == '\n') text.remove_prefix(1);
      while (text.size() > 1 && text.substr(text.size() - 2) == "\n\n") text.remove_suffix(1);
      if (text.empty()) continue;
      f.write(kPieceSeparator);
      f.write(text);
    }
  };

  for (bool more = true; more && error_.empty();) {
    std::vector<std::vector<Record>> batch;
    while (more && batch.size() < std::max(1u, jobs)) {
      std::vector<Record> piece(kDocumentsPerPiece);
      std::size_t n = 0;
      while (n < piece.size() && (more = decode(spool_, piece[n]))) ++n;
      piece.resize(n);
      if (n > 0) batch.push_back(std::move(piece));
    }
    std::vector<Piece> pieces = in_parallel(batch.size(), jobs, [&](std::size_t i) {
      return render([&](Writer& w) {
        for (Record& r : batch[i]) w.document(r);
      });
    });
    append(pieces);
  }
  if (error_.empty() && std::ferror(spool_) != 0) {
    error_ = spool_path_.string() + ": cannot read the evidence spool back: " + std::strerror(errno);
  }

  const std::vector<graph::EdgeDescriptor> edges = kg.sorted_edges();
  const std::size_t edge_pieces = (edges.size() + kEdgesPerPiece - 1) / kEdgesPerPiece;
  for (std::size_t first = 0; first < edge_pieces && error_.empty(); first += std::max(1u, jobs)) {
    const std::size_t count = std::min<std::size_t>(std::max(1u, jobs), edge_pieces - first);
    std::vector<Piece> pieces = in_parallel(count, jobs, [&](std::size_t i) {
      const std::size_t begin = (first + i) * kEdgesPerPiece;
      const std::size_t end = std::min(edges.size(), begin + kEdgesPerPiece);
      return render([&](Writer& w) { w.statements(std::span(edges).subspan(begin, end - begin), begin); });
    });
    append(pieces);
  }

  f.write(kPieceSeparator);  // as Serd ends a file
  if (error_.empty() && !f.commit()) error_ = f.error();
  return error_;
}

}  // namespace entente::exporter
