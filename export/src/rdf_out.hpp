// Internal to entente_export (see entente/export/writers.hpp): the Serd
// plumbing that every RDF file shares (graph.ttl/.nt/.nq/.trig and
// evidence.ttl). Serd escapes literals; this layer makes sure that what it
// hands over is valid: ill-formed UTF-8 becomes U+FFFD, and bytes that an IRI
// cannot hold are percent-encoded (graph/ makes IRIs that never need it).
//
// THREAD SAFETY: none; one RdfOut per file being written.
#pragma once
#include <serd/serd.h>

#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "entente/export/atomic_file.hpp"
#include "entente/ontology/vocab.hpp"

namespace entente::exporter {

/// `iri` as valid UTF-8, with the bytes that an IRIREF cannot hold percent-encoded.
std::string safe_iri(std::string_view iri);

/// The xsd datatype of an ISO date or partial date: "2024-10-15" xsd:date,
/// "2024-10" xsd:gYearMonth, "2024" xsd:gYear, "--10-15" xsd:gMonthDay;
/// empty for any other text (written as a plain string).
std::string_view date_datatype(std::string_view s);

/// An RDF term as Serd takes it, by reference: the caller keeps the text
/// alive, and has made it valid (IRIs through safe_iri, literals valid UTF-8).
/// The cheap form for the large files (evidence.ttl).
struct TermRef {
  SerdType type = SERD_URI;
  std::string_view text;
  std::string_view datatype;  ///< literals: IRI of the datatype, or empty
  std::string_view lang;      ///< literals: language tag, or empty

  static TermRef iri(std::string_view s) { return {SERD_URI, s, {}, {}}; }
  static TermRef blank(std::string_view id) { return {SERD_BLANK, id, {}, {}}; }
  static TermRef plain(std::string_view s) { return {SERD_LITERAL, s, {}, {}}; }
  static TermRef typed(std::string_view s, std::string_view datatype) { return {SERD_LITERAL, s, datatype, {}}; }
};

/// An RDF term as Serd takes it; owns its text.
struct Term {
  SerdType type = SERD_URI;
  std::string text;
  std::string datatype;  ///< literals: IRI of the datatype, or empty
  std::string lang;      ///< literals: language tag, or empty

  static Term iri(std::string_view s);
  static Term blank(std::string_view id);  ///< "_:id"
  static Term fr(std::string_view s);
  static Term in_language(std::string_view s, std::string_view tag);  ///< a literal in a language ("fr", "en")
  static Term plain(std::string_view s);
  static Term typed(std::string_view s, std::string_view datatype);
  TermRef ref() const { return {type, text, datatype, lang}; }
};

/// WHAT IT REPRESENTS: one RDF serialisation in progress, into `file`, in one
/// of Serd's syntaxes. Statements are written in the order given (Turtle and
/// TriG abbreviate consecutive statements about one subject, and TriG groups
/// consecutive statements of one graph); the first failure stops it.
/// Copying is deleted: the Serd writer holds a pointer to this object's file.
class RdfOut {
 public:
  RdfOut(AtomicFile& file, SerdSyntax syntax);
  /// Into memory: a piece of a file that is written in pieces (evidence.ttl);
  /// `name` names that file in messages.
  RdfOut(std::string& buffer, SerdSyntax syntax, std::string name);
  RdfOut(const RdfOut&) = delete;
  RdfOut& operator=(const RdfOut&) = delete;

  /// Declares the prefixes, sorted by name, with the node namespace `ent:`
  /// when `base` is not empty. Only Turtle and TriG write them (as @prefix);
  /// with `write` false they are only used, as in a piece of a file that
  /// declared them at its start.
  void prefixes(std::span<const ontology::Prefix> extra, std::string_view base, bool write = true);

  /// One statement; `graph` is null for the default graph (and ignored by
  /// the triple syntaxes).
  void statement(const Term& s, std::string_view p, const Term& o, const Term* graph = nullptr);
  /// The same, without copies; `p` is an IRI constant (entente/ontology/vocab.hpp).
  void statement(const TermRef& s, std::string_view p, const TermRef& o, const TermRef* graph = nullptr);

  /// Ends the last block; returns the first error (naming the file), or "".
  std::string finish();

 private:
  void check(SerdStatus st);

  struct EnvDeleter {
    void operator()(SerdEnv* e) const { serd_env_free(e); }
  };
  struct WriterDeleter {
    void operator()(SerdWriter* w) const { serd_writer_free(w); }
  };

  AtomicFile* file_ = nullptr;    ///< the file, or
  std::string* buffer_ = nullptr; ///< the memory written to
  std::string name_;              ///< the file, for messages
  std::string_view syntax_;  ///< "Turtle", "N-Quads", ... for messages
  std::unique_ptr<SerdEnv, EnvDeleter> env_;
  std::unique_ptr<SerdWriter, WriterDeleter> writer_;
  std::string serd_error_;
  std::string error_;
};

}  // namespace entente::exporter
