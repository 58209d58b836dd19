// The cooperation ontology (ontology/coop.ttl) and its header of IRIs
// (entente/ontology/vocab.hpp) say the same thing.
//
// coop.ttl is read with Serd's reader; vocab.hpp both through its constants and
// as text, so that a coop: IRI spelled anywhere in it is checked. sord_validate
// then checks coop.ttl against the W3C schemas of lv2-dev and the declaration
// files of ontology/schemas/.
#include <gtest/gtest.h>
#include <serd/serd.h>
#include <sys/wait.h>

#include <algorithm>
#include <array>
#include <cstdarg>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "command_support.hpp"
#include "entente/ontology/vocab.hpp"

namespace {

namespace fs = std::filesystem;
using entente::testing::read_file;
using entente::testing::TempDir;
using entente::testing::ToolRun;
namespace v = entente::ontology;

const fs::path kSource = ENTENTE_SOURCE_DIR;
const fs::path kCoopTtl = kSource / "ontology" / "coop.ttl";
const fs::path kVocabHpp = kSource / "ontology" / "include" / "entente" / "ontology" / "vocab.hpp";

// ---- reading Turtle -----------------------------------------------------------

/// One triple, IRIs expanded. Blank nodes are "_:label".
struct Triple {
  std::string s, p, o;
  bool literal = false;
  std::string lang;
  std::string datatype;
};

struct Parsed {
  SerdEnv* env = nullptr;
  std::vector<Triple> triples;
  std::string error;
};

std::string text_of(const SerdEnv* env, const SerdNode* n) {
  if (n == nullptr || n->buf == nullptr) return {};
  if (n->type == SERD_BLANK) return "_:" + std::string(reinterpret_cast<const char*>(n->buf), n->n_bytes);
  if (n->type == SERD_CURIE || n->type == SERD_URI) {
    SerdNode full = serd_env_expand_node(env, n);
    if (full.buf != nullptr) {
      std::string out(reinterpret_cast<const char*>(full.buf), full.n_bytes);
      serd_node_free(&full);
      return out;
    }
  }
  return std::string(reinterpret_cast<const char*>(n->buf), n->n_bytes);
}

SerdStatus on_base(void* handle, const SerdNode* uri) {
  return serd_env_set_base_uri(static_cast<Parsed*>(handle)->env, uri);
}

SerdStatus on_prefix(void* handle, const SerdNode* name, const SerdNode* uri) {
  return serd_env_set_prefix(static_cast<Parsed*>(handle)->env, name, uri);
}

SerdStatus on_statement(void* handle, SerdStatementFlags, const SerdNode*, const SerdNode* s,
                        const SerdNode* p, const SerdNode* o, const SerdNode* datatype,
                        const SerdNode* lang) {
  auto* parsed = static_cast<Parsed*>(handle);
  Triple t;
  t.s = text_of(parsed->env, s);
  t.p = text_of(parsed->env, p);
  t.o = text_of(parsed->env, o);
  t.literal = o->type == SERD_LITERAL;
  t.lang = text_of(parsed->env, lang);
  t.datatype = text_of(parsed->env, datatype);
  parsed->triples.push_back(std::move(t));
  return SERD_SUCCESS;
}

SerdStatus on_error(void* handle, const SerdError* error) {
  auto* parsed = static_cast<Parsed*>(handle);
  std::array<char, 512> text{};
  va_list args;
  va_copy(args, *error->args);
  std::vsnprintf(text.data(), text.size(), error->fmt, args);
  va_end(args);
  parsed->error += std::to_string(error->line) + ":" + std::to_string(error->col) + ": " + text.data();
  return SERD_SUCCESS;
}

/// Reads a Turtle file; `error` is empty when it is well-formed.
Parsed read_turtle(const fs::path& file) {
  Parsed parsed;
  SerdNode base = serd_node_from_string(SERD_URI, reinterpret_cast<const uint8_t*>("file:///"));
  parsed.env = serd_env_new(&base);
  SerdReader* reader =
      serd_reader_new(SERD_TURTLE, &parsed, nullptr, on_base, on_prefix, on_statement, nullptr);
  serd_reader_set_error_sink(reader, on_error, &parsed);
  const std::string path = file.string();
  const SerdStatus st = serd_reader_read_file(reader, reinterpret_cast<const uint8_t*>(path.c_str()));
  if (st != SERD_SUCCESS && parsed.error.empty()) {
    parsed.error = reinterpret_cast<const char*>(serd_strerror(st));
  }
  serd_reader_free(reader);
  serd_env_free(parsed.env);
  parsed.env = nullptr;
  return parsed;
}

/// The ontology, read once.
const std::vector<Triple>& coop_ttl() {
  static const Parsed parsed = read_turtle(kCoopTtl);
  return parsed.triples;
}

std::vector<const Triple*> about(std::string_view s, std::string_view p) {
  std::vector<const Triple*> out;
  for (const auto& t : coop_ttl()) {
    if (t.s == s && t.p == p) out.push_back(&t);
  }
  return out;
}

bool has(std::string_view s, std::string_view p, std::string_view o) {
  const auto ts = about(s, p);
  return std::any_of(ts.begin(), ts.end(), [&](const Triple* t) { return t->o == o; });
}

bool has_lang(std::string_view s, std::string_view p, std::string_view lang) {
  const auto ts = about(s, p);
  return std::any_of(ts.begin(), ts.end(),
                     [&](const Triple* t) { return t->literal && t->lang == lang && !t->o.empty(); });
}

/// lv2-dev's W3C schemas, then ontology/schemas/*.ttl (sorted), then coop.ttl.
std::vector<std::string> vocabulary_files() {
  std::vector<std::string> files;
  for (const char* name : {"rdf.ttl", "rdfs.ttl", "owl.ttl", "xsd.ttl", "dct.ttl", "foaf.ttl"}) {
    files.push_back((fs::path(ENTENTE_LV2_SCHEMAS) / name).string());
  }
  std::vector<std::string> local;
  for (const auto& entry : fs::directory_iterator(kSource / "ontology" / "schemas")) {
    if (entry.path().extension() == ".ttl") local.push_back(entry.path().string());
  }
  std::sort(local.begin(), local.end());
  files.insert(files.end(), local.begin(), local.end());
  files.push_back(kCoopTtl.string());
  return files;
}

// ---- the tests ------------------------------------------------------------------

TEST(Ontology, CoopTtlIsWellFormedTurtle) {
  const Parsed parsed = read_turtle(kCoopTtl);
  EXPECT_EQ(parsed.error, "") << kCoopTtl;
  EXPECT_GT(parsed.triples.size(), 100u);
}

TEST(Ontology, DescribesItselfWithVersionTitleLicenseAndCreator) {
  const std::string o(v::kOntology);
  EXPECT_TRUE(has(o, v::rdf::type, v::owl::Ontology));
  const auto version = about(o, v::owl::versionInfo);
  ASSERT_EQ(version.size(), 1u);
  EXPECT_EQ(version[0]->o, v::kOntologyVersion);
  const std::string dcterms(v::ns::dcterms);
  for (const char* lang : {"fr", "en"}) {
    EXPECT_TRUE(has_lang(o, dcterms + "title", lang)) << lang;
    EXPECT_TRUE(has_lang(o, dcterms + "description", lang)) << lang;
  }
  EXPECT_TRUE(has(o, dcterms + "license", "https://creativecommons.org/licenses/by/4.0/"));
  const auto creators = about(o, dcterms + "creator");
  ASSERT_EQ(creators.size(), 1u);
  EXPECT_TRUE(has(creators[0]->o, "http://xmlns.com/foaf/0.1/name", "Entente developers"));
}

TEST(Ontology, DeclaresEveryHeaderTermWithTypeLabelsAndComments) {
  const std::set<std::string_view> kinds = {v::owl::Class, v::owl::ObjectProperty,
                                            v::owl::DatatypeProperty};
  for (const std::string_view term : v::kCoopTerms) {
    SCOPED_TRACE(std::string(term));
    const auto types = about(term, v::rdf::type);
    EXPECT_TRUE(std::any_of(types.begin(), types.end(),
                            [&](const Triple* t) { return kinds.count(t->o) != 0; }));
    EXPECT_EQ(about(term, v::rdfs::label).size(), 2u) << "one rdfs:label per language";
    for (const char* lang : {"fr", "en"}) {
      EXPECT_TRUE(has_lang(term, v::rdfs::label, lang)) << "rdfs:label @" << lang;
      EXPECT_TRUE(has_lang(term, v::rdfs::comment, lang)) << "rdfs:comment @" << lang;
    }
    EXPECT_TRUE(has(term, v::rdfs::isDefinedBy, v::kOntology));
  }
}

TEST(Ontology, EveryCoopTermOfTheTtlIsInTheHeader) {
  const std::set<std::string_view> header(v::kCoopTerms.begin(), v::kCoopTerms.end());
  std::set<std::string> seen;
  for (const auto& t : coop_ttl()) {
    for (const std::string* iri : {&t.s, &t.p, &t.o, &t.datatype}) {
      if (iri->starts_with(v::ns::coop) && !(iri == &t.o && t.literal)) seen.insert(*iri);
    }
  }
  for (const auto& iri : seen) EXPECT_EQ(header.count(iri), 1u) << iri << " is not in vocab.hpp";
  EXPECT_EQ(seen.size(), header.size());
}

TEST(Ontology, HeaderListsEveryCoopIriItSpells) {
  const std::string text = read_file(kVocabHpp);
  ASSERT_FALSE(text.empty()) << kVocabHpp;
  const std::regex iri("\"(https://w3id\\.org/entente/coop#[^\"]+)\"");
  std::set<std::string> spelled;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), iri); it != std::sregex_iterator(); ++it) {
    spelled.insert((*it)[1].str());
  }
  std::set<std::string> listed;
  for (const std::string_view term : v::kCoopTerms) {
    EXPECT_TRUE(listed.insert(std::string(term)).second) << term << " is listed twice";
  }
  EXPECT_EQ(spelled, listed);
}

TEST(Ontology, ContractTermsKeepTheirKinds) {
  for (const std::string_view c : {v::coop::Person, v::coop::Institution, v::coop::Country,
                                   v::coop::Agreement, v::coop::Place, v::coop::Document}) {
    EXPECT_TRUE(has(c, v::rdf::type, v::owl::Class)) << c;
  }
  for (const std::string_view p : {v::coop::memberOf, v::coop::country, v::coop::cooperatesWith,
                                   v::coop::party, v::coop::signatory, v::coop::participant,
                                   v::coop::mentionedIn}) {
    EXPECT_TRUE(has(p, v::rdf::type, v::owl::ObjectProperty)) << p;
  }
  EXPECT_TRUE(has(v::coop::cooperatesWith, v::rdf::type, v::owl::SymmetricProperty));
  for (const std::string_view p : {v::coop::date, v::coop::dateEnd, v::coop::role, v::coop::kind}) {
    EXPECT_TRUE(has(p, v::rdf::type, v::owl::DatatypeProperty)) << p;
  }
  EXPECT_TRUE(has(v::coop::memberOf, std::string(v::ns::rdfs) + "domain", v::coop::Person));
  EXPECT_TRUE(has(v::coop::memberOf, std::string(v::ns::rdfs) + "range", v::coop::Institution));
  EXPECT_TRUE(has(v::coop::mentionedIn, std::string(v::ns::rdfs) + "range", v::coop::Document));
  EXPECT_TRUE(has(v::coop::date, std::string(v::ns::rdfs) + "range", v::rdfs::Literal));
}

// Terms keep their meaning: no coop: property is declared a sub-property of,
// equivalent to or the inverse of another coop: property (signatory and
// participant in particular stay distinct), and no coop: class of another.
TEST(Ontology, NoAxiomRelatesTwoCoopTerms) {
  const std::string rdfs(v::ns::rdfs);
  const std::string owl(v::ns::owl);
  for (const std::string& p : {rdfs + "subPropertyOf", owl + "equivalentProperty", owl + "inverseOf",
                               rdfs + "subClassOf", owl + "equivalentClass", owl + "sameAs"}) {
    for (const auto& t : coop_ttl()) {
      if (t.p == p && t.s.starts_with(v::ns::coop)) {
        EXPECT_FALSE(t.o.starts_with(v::ns::coop)) << t.s << " " << p << " " << t.o;
      }
    }
  }
}

TEST(Ontology, PrefixesAreSortedAndUnique) {
  for (std::size_t i = 1; i < v::kPrefixes.size(); ++i) {
    EXPECT_LT(v::kPrefixes[i - 1].name, v::kPrefixes[i].name);
  }
  for (const auto& p : v::kPrefixes) {
    EXPECT_TRUE(p.iri.ends_with('#') || p.iri.ends_with('/')) << p.name;
  }
}

TEST(Ontology, SordValidateFindsNoErrors) {
  std::vector<std::string> argv = {ENTENTE_SORD_VALIDATE};
  const auto files = vocabulary_files();
  argv.insert(argv.end(), files.begin(), files.end());
  TempDir tmp("entente-ontology");
  const ToolRun run = entente::testing::run(argv, tmp.path() / "stderr");
  const struct {
    int status;
    std::string output;
  } r{run.status, run.out + run.err};
  EXPECT_EQ(r.status, 0) << r.output;
  EXPECT_EQ(r.output.find("error:"), std::string::npos) << r.output;
  EXPECT_EQ(r.output.find("does not match"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("Found 0 errors"), std::string::npos) << r.output;
}

}  // namespace
