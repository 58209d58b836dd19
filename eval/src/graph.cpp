// Graph files: any of the four RDF syntaxes `entente build` writes, read
// with Serd's streaming reader. Only the output contract's terms are kept
// (GUIDELINES.md, "Output contract"); everything else is skipped as it streams.
#include <serd/serd.h>

#include <algorithm>
#include <cstdarg>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "entente/eval/score.hpp"
#include "entente/ontology/vocab.hpp"
#include "files.hpp"

namespace entente::eval {
namespace {

namespace v = entente::ontology;

std::string_view text_of(const SerdNode* n) {
  return n != nullptr && n->buf != nullptr
             ? std::string_view(reinterpret_cast<const char*>(n->buf), n->n_bytes)
             : std::string_view();
}

/// "scheme:..." (RFC 3986): an IRI that needs no base.
bool is_absolute(std::string_view iri) {
  const std::size_t colon = iri.find(':');
  if (colon == 0 || colon == std::string_view::npos) return false;
  const auto alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  if (!alpha(iri[0])) return false;
  return std::all_of(iri.begin(), iri.begin() + static_cast<std::ptrdiff_t>(colon), [&](char c) {
    return alpha(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
  });
}

/// "Q42" of http(s)://www.wikidata.org/entity/Q42 or .../wiki/Q42, else "".
std::string_view wikidata_qid(std::string_view iri) {
  for (const std::string_view prefix : {"http://www.wikidata.org/", "https://www.wikidata.org/"}) {
    if (!iri.starts_with(prefix)) continue;
    std::string_view rest = iri.substr(prefix.size());
    if (rest.starts_with("entity/")) {
      rest.remove_prefix(7);
    } else if (rest.starts_with("wiki/")) {
      rest.remove_prefix(5);
    } else {
      return {};
    }
    if (rest.size() < 2 || rest[0] != 'Q') return {};
    if (!std::all_of(rest.begin() + 1, rest.end(), [](char c) { return c >= '0' && c <= '9'; })) return {};
    return rest;
  }
  return {};
}

/// The last segment of a path or IRI: documents are compared by file name.
std::string file_name(std::string_view s) {
  while (!s.empty() && s.back() == '/') s.remove_suffix(1);
  const std::size_t slash = s.rfind('/');
  return std::string(slash == std::string_view::npos ? s : s.substr(slash + 1));
}

/// The scored edge that `iri` names, if any.
std::optional<Predicate> edge_predicate(std::string_view iri) {
  if (!iri.starts_with(v::ns::coop)) return std::nullopt;
  if (iri == v::coop::memberOf) return Predicate::memberOf;
  if (iri == v::coop::country) return Predicate::country;
  if (iri == v::coop::cooperatesWith) return Predicate::cooperatesWith;
  if (iri == v::coop::party) return Predicate::party;
  if (iri == v::coop::signatory) return Predicate::signatory;
  if (iri == v::coop::participant) return Predicate::participant;
  return std::nullopt;
}

template <class T>
void sort_unique(std::vector<T>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

/// What the statements say about one resource, as they stream.
struct Resource {
  std::vector<Class> types;
  std::vector<std::string> preferred, labels, qids, mentioned_in, dates, identifiers;
};

struct EnvDeleter {
  void operator()(SerdEnv* e) const { serd_env_free(e); }
};
struct ReaderDeleter {
  void operator()(SerdReader* r) const { serd_reader_free(r); }
};

/// The statement handler of one parse.
class Collector {
 public:
  Collector(std::string_view text, const std::string& file, Diagnostics& diags, const std::string& base)
      : text_(text), file_(file), diags_(diags) {
    SerdNode base_node = SERD_NODE_NULL;
    if (!base.empty()) {
      base_node =
          SerdNode{reinterpret_cast<const uint8_t*>(base.c_str()), base.size(), base.size(), 0, SERD_URI};
    }
    env_.reset(serd_env_new(base.empty() ? nullptr : &base_node));
  }

  std::optional<Graph> read(Syntax syntax) {
    const SerdSyntax s = syntax == Syntax::turtle     ? SERD_TURTLE
                         : syntax == Syntax::trig     ? SERD_TRIG
                         : syntax == Syntax::ntriples ? SERD_NTRIPLES
                                                      : SERD_NQUADS;
    std::unique_ptr<SerdReader, ReaderDeleter> reader(
        serd_reader_new(s, this, nullptr, on_base, on_prefix, on_statement, nullptr));
    serd_reader_set_strict(reader.get(), true);
    serd_reader_set_error_sink(reader.get(), on_error, this);
    const SerdStatus st = serd_reader_read_source(reader.get(), read_source, stream_error, this,
                                                  reinterpret_cast<const uint8_t*>(file_.c_str()), 4096);
    if (st != SERD_SUCCESS && !failed_)
      error(Location::npos, reinterpret_cast<const char*>(serd_strerror(st)));
    if (failed_) return std::nullopt;
    return graph();
  }

 private:
  void error(std::size_t offset, std::string message) {
    failed_ = true;
    diags_.push_back({Severity::error, {file_, offset}, std::move(message), {}});
  }

  /// The byte offset of Serd's (line, column): lines count from 1, columns
  /// in bytes from 0.
  std::size_t offset_of(unsigned line, unsigned col) const {
    std::size_t at = 0;
    for (unsigned l = 1; l < line; ++l) {
      const std::size_t nl = text_.find('\n', at);
      if (nl == std::string_view::npos) return std::min<std::size_t>(at, text_.size());
      at = nl + 1;
    }
    return std::min<std::size_t>(at + col, text_.size());
  }

  static size_t read_source(void* buf, size_t size, size_t nmemb, void* stream) {
    auto* self = static_cast<Collector*>(stream);
    const std::size_t n = std::min(size * nmemb, self->text_.size() - self->consumed_);
    std::copy_n(self->text_.data() + self->consumed_, n, static_cast<char*>(buf));
    self->consumed_ += n;
    return size == 0 ? 0 : n / size;
  }
  static int stream_error(void*) { return 0; }

  static SerdStatus on_error(void* handle, const SerdError* e) {
    auto* self = static_cast<Collector*>(handle);
    char text[512] = {};
    va_list args;
    va_copy(args, *e->args);
    std::vsnprintf(text, sizeof text, e->fmt, args);
    va_end(args);
    std::string message = text;
    while (!message.empty() && message.back() == '\n') message.pop_back();
    if (e->line > 0) {
      message = "line " + std::to_string(e->line) + ", column " + std::to_string(e->col + 1) + ": " + message;
    }
    self->error(e->line > 0 ? self->offset_of(e->line, e->col) : Location::npos, "not RDF: " + message);
    return SERD_SUCCESS;
  }

  static SerdStatus on_base(void* handle, const SerdNode* uri) {
    return serd_env_set_base_uri(static_cast<Collector*>(handle)->env_.get(), uri);
  }

  static SerdStatus on_prefix(void* handle, const SerdNode* name, const SerdNode* uri) {
    return serd_env_set_prefix(static_cast<Collector*>(handle)->env_.get(), name, uri);
  }

  /// A node as a string key: the full IRI, "_:label", or the literal's text.
  /// nullopt (and an error) when a prefixed name's prefix is undefined.
  std::optional<std::string> key(const SerdNode* n) {
    if (n->type == SERD_BLANK) return "_:" + std::string(text_of(n));
    if (n->type == SERD_LITERAL) return std::string(text_of(n));
    if (n->type == SERD_URI && is_absolute(text_of(n))) return std::string(text_of(n));
    SerdNode expanded = serd_env_expand_node(env_.get(), n);
    if (expanded.buf == nullptr) {
      // Serd's reader does not know prefixes: the first place the name is
      // written is where it is undefined. Said once per name.
      const std::string name(text_of(n));
      if (unexpandable_.insert(name).second) {
        const std::size_t at = text_.find(name);
        error(at == std::string_view::npos ? Location::npos : at,
              "cannot expand \"" + name + "\" (undefined prefix?)");
      }
      failed_ = true;
      return std::nullopt;
    }
    std::string out(text_of(&expanded));
    serd_node_free(&expanded);
    return out;
  }

  static SerdStatus on_statement(void* handle, SerdStatementFlags, const SerdNode*, const SerdNode* subject,
                                 const SerdNode* predicate, const SerdNode* object, const SerdNode*,
                                 const SerdNode*) {
    static_cast<Collector*>(handle)->statement(subject, predicate, object);
    return SERD_SUCCESS;
  }

  void statement(const SerdNode* subject, const SerdNode* predicate, const SerdNode* object) {
    const std::optional<std::string> p = key(predicate);
    if (!p) return;
    const bool literal = object->type == SERD_LITERAL;
    if (const std::optional<Predicate> pred = edge_predicate(*p)) {
      const std::optional<std::string> s = literal ? std::nullopt : key(subject);
      const std::optional<std::string> o = s ? key(object) : std::nullopt;
      if (s && o) edges_.push_back({*s, *pred, *o});
      return;
    }
    const bool type = *p == v::rdf::type, preferred = *p == v::rdfs::label || *p == v::skos::prefLabel,
               alt = *p == v::skos::altLabel, same = *p == v::owl::sameAs || *p == v::skos::exactMatch,
               mentioned = *p == v::coop::mentionedIn, date = *p == v::coop::date,
               identifier = *p == v::dcterms::identifier;
    if (!(type || preferred || alt || same || mentioned || date || identifier)) return;
    if ((preferred || alt || date || identifier) != literal) return;  // not the contract's shape
    const std::optional<std::string> s = key(subject);
    const std::optional<std::string> o = key(object);
    if (!s || !o) return;
    Resource& r = resources_[*s];
    if (type) {
      if (*o == v::coop::Person) r.types.push_back(Class::person);
      if (*o == v::coop::Institution) r.types.push_back(Class::institution);
      if (*o == v::coop::Country) r.types.push_back(Class::country);
      if (*o == v::coop::Agreement) r.types.push_back(Class::agreement);
    } else if (preferred) {
      r.preferred.push_back(*o);
      r.labels.push_back(*o);
    } else if (alt) {
      r.labels.push_back(*o);
    } else if (same) {
      if (const auto q = wikidata_qid(*o); !q.empty()) r.qids.emplace_back(q);
    } else if (mentioned) {
      r.mentioned_in.push_back(*o);
    } else if (date) {
      r.dates.push_back(*o);
    } else if (identifier) {
      r.identifiers.push_back(*o);
    }
  }

  Graph graph() {
    Graph g;
    g.file = file_;
    sort_unique(edges_);
    g.edges = edges_;
    std::vector<std::string> ids;
    for (const auto& [id, r] : resources_)
      if (!r.types.empty()) ids.push_back(id);
    for (const auto& e : g.edges) {
      ids.push_back(e.subject);
      ids.push_back(e.object);
    }
    sort_unique(ids);
    for (const auto& id : ids) {
      Node n;
      n.id = id;
      const auto it = resources_.find(id);
      if (it != resources_.end()) {
        Resource& r = it->second;
        sort_unique(r.types);
        sort_unique(r.preferred);
        n.types = r.types;
        n.label = r.preferred.empty() ? std::string() : r.preferred.front();
        n.labels = std::move(r.labels);
        n.qids = std::move(r.qids);
        n.dates = std::move(r.dates);
        for (const auto& doc : r.mentioned_in) {
          const auto d = resources_.find(doc);
          if (d != resources_.end() && !d->second.identifiers.empty()) {
            for (const auto& name : d->second.identifiers) n.documents.push_back(file_name(name));
          } else {
            n.documents.push_back(file_name(doc));
          }
        }
        sort_unique(n.labels);
        sort_unique(n.qids);
        sort_unique(n.dates);
        sort_unique(n.documents);
      }
      g.nodes.push_back(std::move(n));
    }
    return g;
  }

  std::string_view text_;
  std::size_t consumed_ = 0;
  const std::string& file_;
  Diagnostics& diags_;
  std::unique_ptr<SerdEnv, EnvDeleter> env_;
  std::unordered_map<std::string, Resource> resources_;
  std::vector<Edge> edges_;
  std::set<std::string> unexpandable_;  ///< names already reported
  bool failed_ = false;
};

}  // namespace

std::optional<Syntax> syntax_for(std::string_view path) {
  const std::string ext = std::filesystem::path(path).extension().string();
  if (ext == ".ttl" || ext == ".turtle") return Syntax::turtle;
  if (ext == ".trig") return Syntax::trig;
  if (ext == ".nt") return Syntax::ntriples;
  if (ext == ".nq") return Syntax::nquads;
  return std::nullopt;
}

std::optional<Graph> parse_graph(std::string_view text, Syntax syntax, const std::string& file,
                                 Diagnostics& diags, const std::string& base) {
  return Collector(text, file, diags, base).read(syntax);
}

std::optional<Graph> read_graph(const std::string& path, Diagnostics& diags) {
  const std::optional<Syntax> syntax = syntax_for(path);
  if (!syntax) {
    diags.push_back(
        {Severity::error, {path}, "unknown RDF syntax: the file name should end in .ttl, .trig, .nt or .nq", {}});
    return std::nullopt;
  }
  const std::optional<std::string> bytes = read_bytes(path, diags);
  if (!bytes) return std::nullopt;
  std::error_code ec;
  const std::filesystem::path absolute = std::filesystem::absolute(path, ec);
  SerdNode uri =
      serd_node_new_file_uri(reinterpret_cast<const uint8_t*>(absolute.c_str()), nullptr, nullptr, true);
  const std::string base(text_of(&uri));
  serd_node_free(&uri);
  return parse_graph(*bytes, *syntax, path, diags, base);
}

}  // namespace entente::eval
