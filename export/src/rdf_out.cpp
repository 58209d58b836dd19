// The Serd plumbing shared by every RDF file (rdf_out.hpp).
#include "rdf_out.hpp"

#include <algorithm>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <utility>
#include <vector>

#include "text.hpp"

namespace entente::exporter {
namespace {

namespace v = entente::ontology;

/// What serd_node_from_substring makes (the text up to a NUL byte, its
/// length in characters, whether a literal holds a line break or a quote),
/// found with bulk scans instead of a call per character: the texts of
/// evidence.ttl are whole articles.
SerdNode node_of(SerdType type, std::string_view s) {
  if (s.data() == nullptr) return SERD_NODE_NULL;
  if (const void* nul = std::memchr(s.data(), '\0', s.size()); nul != nullptr) {
    s = s.substr(0, static_cast<std::size_t>(static_cast<const char*>(nul) - s.data()));
  }
  std::size_t chars = 0;
  for (const char c : s) chars += (static_cast<unsigned char>(c) & 0xC0U) != 0x80U ? 1 : 0;
  SerdNodeFlags flags = 0;
  if (type == SERD_LITERAL) {  // the writer reads the flags of literals only
    auto has = [&](char c) { return std::memchr(s.data(), c, s.size()) != nullptr; };
    if (has('\n') || has('\r')) flags |= SERD_HAS_NEWLINE;
    if (has('"')) flags |= SERD_HAS_QUOTE;
  }
  return SerdNode{reinterpret_cast<const uint8_t*>(s.data()), s.size(), chars, flags, type};
}

/// Bytes from Serd go to the AtomicFile...
size_t sink(const void* buf, size_t len, void* stream) {
  auto* file = static_cast<AtomicFile*>(stream);
  file->write(std::string_view(static_cast<const char*>(buf), len));
  return file->ok() ? len : 0;
}

/// ... or to memory.
size_t memory_sink(const void* buf, size_t len, void* stream) {
  static_cast<std::string*>(stream)->append(static_cast<const char*>(buf), len);
  return len;
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

std::string_view syntax_name(SerdSyntax syntax) {
  switch (syntax) {
    case SERD_TURTLE:
      return "Turtle";
    case SERD_NTRIPLES:
      return "N-Triples";
    case SERD_NQUADS:
      return "N-Quads";
    case SERD_TRIG:
      return "TriG";
  }
  return "RDF";
}

/// Turtle and TriG abbreviate (';', ',', prefixed names); the line formats
/// never do. All write in pages (SERD_STYLE_BULK), not a call per token.
SerdStyle style_of(SerdSyntax syntax) {
  if (syntax == SERD_TURTLE || syntax == SERD_TRIG) {
    return static_cast<SerdStyle>(SERD_STYLE_ABBREVIATED | SERD_STYLE_CURIED | SERD_STYLE_BULK);
  }
  return SERD_STYLE_BULK;
}

}  // namespace

std::string_view date_datatype(std::string_view s) {
  switch (date_form(s)) {
    case DateForm::date:
      return v::xsd::date;
    case DateForm::year_month:
      return v::xsd::gYearMonth;
    case DateForm::year:
      return v::xsd::gYear;
    case DateForm::month_day:
      return v::xsd::gMonthDay;
    case DateForm::other:
      return {};
  }
  return {};
}

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

Term Term::iri(std::string_view s) { return {SERD_URI, safe_iri(s), {}, {}}; }
Term Term::blank(std::string_view id) { return {SERD_BLANK, std::string(id), {}, {}}; }
Term Term::fr(std::string_view s) { return {SERD_LITERAL, valid_utf8(s), {}, "fr"}; }
Term Term::in_language(std::string_view s, std::string_view tag) {
  return {SERD_LITERAL, valid_utf8(s), {}, std::string(tag.empty() ? "fr" : tag)};
}
Term Term::plain(std::string_view s) { return {SERD_LITERAL, valid_utf8(s), {}, {}}; }
Term Term::typed(std::string_view s, std::string_view datatype) {
  return {SERD_LITERAL, valid_utf8(s), std::string(datatype), {}};
}

RdfOut::RdfOut(AtomicFile& file, SerdSyntax syntax)
    : file_(&file),
      name_(file.target().string()),
      syntax_(syntax_name(syntax)),
      env_(serd_env_new(nullptr)),
      writer_(serd_writer_new(syntax, style_of(syntax), env_.get(), nullptr, sink, file_)) {
  serd_writer_set_error_sink(writer_.get(), on_error, &serd_error_);
}

RdfOut::RdfOut(std::string& buffer, SerdSyntax syntax, std::string name)
    : buffer_(&buffer),
      name_(std::move(name)),
      syntax_(syntax_name(syntax)),
      env_(serd_env_new(nullptr)),
      writer_(serd_writer_new(syntax, style_of(syntax), env_.get(), nullptr, memory_sink, buffer_)) {
  serd_writer_set_error_sink(writer_.get(), on_error, &serd_error_);
}

void RdfOut::prefixes(std::span<const ontology::Prefix> extra, std::string_view base, bool write) {
  std::vector<std::pair<std::string, std::string>> all;
  for (const auto& p : v::kPrefixes) all.emplace_back(p.name, p.iri);
  for (const auto& p : extra) all.emplace_back(p.name, p.iri);
  if (!base.empty()) all.emplace_back("ent", base);
  std::sort(all.begin(), all.end());
  for (const auto& [name, iri] : all) {
    if (!error_.empty()) return;
    const std::string safe = safe_iri(iri);
    const SerdNode n = node_of(SERD_LITERAL, std::string_view(name));
    const SerdNode u = node_of(SERD_URI, safe);
    check(write ? serd_writer_set_prefix(writer_.get(), &n, &u) : serd_env_set_prefix(env_.get(), &n, &u));
  }
}

void RdfOut::statement(const Term& s, std::string_view p, const Term& o, const Term* graph) {
  const TermRef g = graph != nullptr ? graph->ref() : TermRef{};
  statement(s.ref(), p, o.ref(), graph != nullptr ? &g : nullptr);
}

void RdfOut::statement(const TermRef& s, std::string_view p, const TermRef& o, const TermRef* graph) {
  if (!error_.empty()) return;
  const SerdNode sn = node_of(s.type, s.text);
  const SerdNode pn = node_of(SERD_URI, p);
  const SerdNode on = node_of(o.type, o.text);
  const SerdNode dn = node_of(SERD_URI, o.datatype);
  const SerdNode ln = node_of(SERD_LITERAL, o.lang);
  const SerdNode gn = graph != nullptr ? node_of(graph->type, graph->text) : SERD_NODE_NULL;
  check(serd_writer_write_statement(writer_.get(), 0, graph != nullptr ? &gn : nullptr, &sn, &pn, &on,
                                    o.datatype.empty() ? nullptr : &dn, o.lang.empty() ? nullptr : &ln));
}

std::string RdfOut::finish() {
  if (error_.empty()) check(serd_writer_finish(writer_.get()));
  return error_;
}

void RdfOut::check(SerdStatus st) {
  if (!error_.empty()) return;
  if (file_ != nullptr && !file_->ok()) {
    error_ = file_->error();
  } else if (st != SERD_SUCCESS) {
    error_ = name_ + ": " + std::string(syntax_) + " writer: " +
             (serd_error_.empty() ? reinterpret_cast<const char*>(serd_strerror(st)) : serd_error_);
  }
}

}  // namespace entente::exporter
