// Turtle through Serd (writers.hpp).
//
// One block per subject, so that Serd abbreviates with ';' and ',':
//   nodes, by IRI (KnowledgeGraph::sorted_vertices): rdf:type, rdfs:label,
//     skos:altLabel, coop:role, coop:kind, coop:date, coop:dateEnd,
//     owl:sameAs, the node's outgoing edges (sorted_edges order), coop:mentionedIn;
//   then documents, by index: rdf:type coop:Document, rdfs:label (title),
//     dcterms:identifier (file name).
// Names are @fr literals; dates are typed by their form (date_datatype).
// coop:cooperatesWith is written once per pair, as stored: the ontology
// declares it symmetric.
//
// Serd escapes literals; this file only makes sure that what it hands over is
// valid: ill-formed UTF-8 becomes U+FFFD, and bytes that an IRI cannot hold
// are percent-encoded (graph/ makes IRIs that never need it).
#include <serd/serd.h>

#include <algorithm>
#include <cstdarg>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "entente/export/atomic_file.hpp"
#include "entente/export/writers.hpp"
#include "entente/ontology/vocab.hpp"

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
    case EntityType::Person: return v::coop::Person;
    case EntityType::Institution: return v::coop::Institution;
    case EntityType::Country: return v::coop::Country;
    case EntityType::Agreement: return v::coop::Agreement;
    case EntityType::Place: return v::coop::Place;
  }
  return v::coop::Place;
}

std::string_view property_iri(Predicate p) {
  switch (p) {
    case Predicate::memberOf: return v::coop::memberOf;
    case Predicate::country: return v::coop::country;
    case Predicate::cooperatesWith: return v::coop::cooperatesWith;
    case Predicate::party: return v::coop::party;
    case Predicate::signatory: return v::coop::signatory;
    case Predicate::participant: return v::coop::participant;
  }
  return v::coop::country;
}

bool digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/// The xsd datatype of an ISO date or partial date: "2024-10-15" xsd:date,
/// "2024-10" xsd:gYearMonth, "2024" xsd:gYear, "--10-15" xsd:gMonthDay;
/// empty for any other text (written as a plain string).
std::string_view date_datatype(std::string_view s) {
  if (s.size() == 7 && s.substr(0, 2) == "--" && digits(s.substr(2, 2)) && s[4] == '-' &&
      digits(s.substr(5, 2))) {
    return v::xsd::gMonthDay;
  }
  const std::size_t dash = s.find('-');
  const std::string_view year = s.substr(0, dash);
  if (year.size() < 4 || !digits(year)) return {};
  if (dash == std::string_view::npos) return v::xsd::gYear;
  const std::string_view rest = s.substr(dash);
  if (rest.size() == 3 && digits(rest.substr(1))) return v::xsd::gYearMonth;
  if (rest.size() == 6 && digits(rest.substr(1, 2)) && rest[3] == '-' && digits(rest.substr(4))) {
    return v::xsd::date;
  }
  return {};
}

/// `s` with each ill-formed UTF-8 sequence replaced by U+FFFD.
std::string valid_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    std::size_t len = 0;
    unsigned char lo = 0x80;
    unsigned char hi = 0xBF;
    if (b0 < 0x80) {
      len = 1;
    } else if (b0 >= 0xC2 && b0 <= 0xDF) {
      len = 2;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
      len = 3;
      if (b0 == 0xE0) lo = 0xA0;  // no overlong forms
      if (b0 == 0xED) hi = 0x9F;  // no surrogates
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
      len = 4;
      if (b0 == 0xF0) lo = 0x90;
      if (b0 == 0xF4) hi = 0x8F;  // nothing above U+10FFFF
    }
    std::size_t ok = len == 0 ? 0 : 1;
    for (; ok < len && i + ok < s.size(); ++ok) {
      const auto b = static_cast<unsigned char>(s[i + ok]);
      if (b < (ok == 1 ? lo : 0x80) || b > (ok == 1 ? hi : 0xBF)) break;
    }
    if (len != 0 && ok == len) {
      out.append(s.substr(i, len));
      i += len;
    } else {
      out.append("\xEF\xBF\xBD");
      i += std::max<std::size_t>(ok, 1);  // the maximal ill-formed subpart, as Unicode advises
    }
  }
  return out;
}

/// `iri` with the bytes that an IRIREF cannot hold percent-encoded.
std::string safe_iri(std::string_view iri) {
  static constexpr std::string_view kForbidden = "<>\"{}|^`\\";
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char ch : valid_utf8(iri)) {
    const auto c = static_cast<unsigned char>(ch);
    if (c <= 0x20 || c == 0x7F || kForbidden.find(ch) != std::string_view::npos) {
      out.push_back('%');
      out.push_back(kHex[c >> 4u]);
      out.push_back(kHex[c & 0xFu]);
    } else {
      out.push_back(ch);
    }
  }
  return out;
}

/// An RDF term as Serd takes it; owns its text.
struct Term {
  SerdType type = SERD_URI;
  std::string text;
  std::string datatype;  ///< literals: IRI of the datatype, or empty
  std::string lang;      ///< literals: language tag, or empty

  static Term iri(std::string_view s) { return {SERD_URI, safe_iri(s), {}, {}}; }
  static Term fr(std::string_view s) { return {SERD_LITERAL, valid_utf8(s), {}, "fr"}; }
  static Term plain(std::string_view s) { return {SERD_LITERAL, valid_utf8(s), {}, {}}; }
  static Term typed(std::string_view s, std::string_view dt) {
    return {SERD_LITERAL, valid_utf8(s), std::string(dt), {}};
  }
};

SerdNode node_of(SerdType type, const std::string& s) {
  return serd_node_from_substring(type, reinterpret_cast<const uint8_t*>(s.c_str()), s.size());
}

/// Bytes from Serd go to the AtomicFile.
size_t sink(const void* buf, size_t len, void* stream) {
  auto* file = static_cast<AtomicFile*>(stream);
  file->write(std::string_view(static_cast<const char*>(buf), len));
  return file->ok() ? len : 0;
}

/// Serd's error messages, kept for the caller instead of printed.
SerdStatus on_error(void* handle, const SerdError* error) {
  auto* message = static_cast<std::string*>(handle);
  if (!message->empty()) return SERD_SUCCESS;
  char text[512] = {};
  va_list args;
  va_copy(args, *error->args);
  std::vsnprintf(text, sizeof text, error->fmt, args);
  va_end(args);
  *message = text;
  while (!message->empty() && message->back() == '\n') message->pop_back();
  return SERD_SUCCESS;
}

struct EnvDeleter {
  void operator()(SerdEnv* e) const { serd_env_free(e); }
};
struct WriterDeleter {
  void operator()(SerdWriter* w) const { serd_writer_free(w); }
};

/// WHAT IT REPRESENTS: one Turtle serialisation in progress, into `file`.
/// Statements are written in the order given; the first failure stops it.
class TurtleOut {
 public:
  explicit TurtleOut(AtomicFile& file)
      : file_(file),
        env_(serd_env_new(nullptr)),
        writer_(serd_writer_new(SERD_TURTLE,
                                static_cast<SerdStyle>(SERD_STYLE_ABBREVIATED | SERD_STYLE_CURIED),
                                env_.get(), nullptr, sink, &file_)) {
    serd_writer_set_error_sink(writer_.get(), on_error, &serd_error_);
  }

  void prefix(const std::string& name, const std::string& iri) {
    if (!error_.empty()) return;
    const SerdNode n = node_of(SERD_LITERAL, name);
    const SerdNode u = node_of(SERD_URI, iri);
    check(serd_writer_set_prefix(writer_.get(), &n, &u));
  }

  void statement(const Term& s, std::string_view p, const Term& o) {
    if (!error_.empty()) return;
    const std::string pred(p);
    const SerdNode sn = node_of(s.type, s.text);
    const SerdNode pn = node_of(SERD_URI, pred);
    const SerdNode on = node_of(o.type, o.text);
    const SerdNode dn = node_of(SERD_URI, o.datatype);
    const SerdNode ln = node_of(SERD_LITERAL, o.lang);
    check(serd_writer_write_statement(writer_.get(), 0, nullptr, &sn, &pn, &on,
                                      o.datatype.empty() ? nullptr : &dn,
                                      o.lang.empty() ? nullptr : &ln));
  }

  /// Ends the last block; returns the first error, or "".
  std::string finish() {
    if (error_.empty()) check(serd_writer_finish(writer_.get()));
    return error_;
  }

 private:
  void check(SerdStatus st) {
    if (!error_.empty()) return;
    if (!file_.ok()) {
      error_ = file_.error();
    } else if (st != SERD_SUCCESS) {
      error_ = file_.target().string() + ": Turtle writer: " +
               (serd_error_.empty() ? reinterpret_cast<const char*>(serd_strerror(st)) : serd_error_);
    }
  }

  AtomicFile& file_;
  std::unique_ptr<SerdEnv, EnvDeleter> env_;
  std::unique_ptr<SerdWriter, WriterDeleter> writer_;
  std::string serd_error_;
  std::string error_;
};

void write_node(TurtleOut& out, const KnowledgeGraph& kg, Vertex vx,
                const std::vector<EdgeDescriptor>& edges) {
  const graph::Graph& g = kg.graph();
  const graph::Node& n = g[vx];
  const Term s = Term::iri(n.iri);
  out.statement(s, v::rdf::type, Term::iri(class_iri(n.type)));
  if (!n.label.empty()) out.statement(s, v::rdfs::label, Term::fr(n.label));
  for (const auto& alt : n.alt_labels) out.statement(s, v::skos::altLabel, Term::fr(alt));
  for (const auto& role : n.roles) out.statement(s, v::coop::role, Term::fr(role));
  if (!n.kind.empty()) out.statement(s, v::coop::kind, Term::fr(n.kind));
  if (!n.date.empty()) out.statement(s, v::coop::date, Term::typed(n.date, date_datatype(n.date)));
  if (!n.date_end.empty()) {
    out.statement(s, v::coop::dateEnd, Term::typed(n.date_end, date_datatype(n.date_end)));
  }
  if (!n.qid.empty()) out.statement(s, v::owl::sameAs, Term::iri(std::string(v::ns::wd) + n.qid));
  for (const EdgeDescriptor e : edges) {
    out.statement(s, property_iri(g[e].predicate), Term::iri(g[boost::target(e, g)].iri));
  }
  for (const std::uint32_t d : n.documents) {
    if (d < kg.documents().size()) out.statement(s, v::coop::mentionedIn, Term::iri(kg.documents()[d].iri));
  }
}

}  // namespace

std::string write_turtle(const KnowledgeGraph& kg, const std::filesystem::path& file) {
  AtomicFile f(file);
  if (!f.ok()) return f.error();
  TurtleOut out(f);

  std::vector<std::pair<std::string, std::string>> prefixes;
  for (const auto& p : v::kPrefixes) prefixes.emplace_back(p.name, p.iri);
  if (!kg.base().empty()) prefixes.emplace_back("ent", kg.base());
  std::sort(prefixes.begin(), prefixes.end());
  for (const auto& [name, iri] : prefixes) out.prefix(name, safe_iri(iri));

  // Each node's outgoing edges, in sorted_edges() order.
  const graph::Graph& g = kg.graph();
  std::vector<std::vector<EdgeDescriptor>> out_edges(boost::num_vertices(g));
  for (const EdgeDescriptor e : kg.sorted_edges()) out_edges[boost::source(e, g)].push_back(e);
  for (const Vertex vx : kg.sorted_vertices()) write_node(out, kg, vx, out_edges[vx]);

  for (const auto& doc : kg.documents()) {
    const Term s = Term::iri(doc.iri);
    out.statement(s, v::rdf::type, Term::iri(v::coop::Document));
    if (!doc.title.empty()) out.statement(s, v::rdfs::label, Term::fr(doc.title));
    out.statement(s, v::dcterms::identifier, Term::plain(doc.id));
  }

  std::string error = out.finish();
  if (error.empty() && !f.commit()) error = f.error();
  return error;
}

}  // namespace entente::exporter
