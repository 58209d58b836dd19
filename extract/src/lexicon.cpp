#include "lexicon.hpp"
#include "rules.hpp"
#include "text_util.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>

#include <unicode/locid.h>
#include <unicode/unistr.h>
#include <stdexcept>

#include "entente/embedded.hpp"
#include "entente/extract/names.hpp"
#include "entente/extract/reader.hpp"
#include "tokenize.hpp"

namespace entente::extract {
namespace {

std::string_view file_bytes(std::string_view name) {
  for (const auto& e : embedded::entries_entente_extract()) {
    if (e.name == name) return e.bytes;
  }
  return {};
}

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i <= s.size()) {
    std::size_t j = s.find(sep, i);
    if (j == std::string_view::npos) j = s.size();
    out.emplace_back(s.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

std::vector<std::string> split_values(const std::string& cell) {
  std::vector<std::string> out;
  if (cell.empty()) return out;
  for (auto& v : split(cell, '|')) {
    if (!v.empty()) out.push_back(v);
  }
  return out;
}

/// Rows of a TSV file after checking its header; `columns` cells each.
std::vector<std::vector<std::string>> read_tsv(std::string_view file, std::string_view bytes,
                                               std::string_view header) {
  std::vector<std::vector<std::string>> rows;
  if (bytes.empty()) return rows;
  auto lines = split(bytes, '\n');
  std::size_t columns = split(header, '\t').size();
  bool seen_header = false;
  for (std::size_t n = 0; n < lines.size(); ++n) {
    std::string line = lines[n];
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    if (!seen_header) {
      if (line != header) {
        throw std::runtime_error(std::string(file) + ":" + std::to_string(n + 1) +
                                 ": header must be '" + std::string(header) + "'");
      }
      seen_header = true;
      continue;
    }
    auto cells = split(line, '\t');
    if (cells.size() < columns) cells.resize(columns);
    if (cells.size() > columns) {
      throw std::runtime_error(std::string(file) + ":" + std::to_string(n + 1) + ": " +
                               std::to_string(cells.size()) + " columns, expected " +
                               std::to_string(columns));
    }
    rows.push_back(std::move(cells));
  }
  return rows;
}

/// The hash of the trie edge from `parent` by a word (by word_hash).
std::uint64_t edge_hash(std::uint32_t parent, std::uint64_t word) {
  return mix_hash(word ^ (std::uint64_t{parent} * 0x9E3779B97F4A7C15ULL));
}

bool all_capitals(std::string_view s) {
  int letters = 0;
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') ++letters;
  }
  return letters >= 2;
}

/// Token norms of a phrase, tokenised exactly as documents are.
std::vector<std::string> phrase_norms(std::string_view phrase) {
  // A phrase of ASCII letters alone is one word token, its norm in lower case.
  if (!phrase.empty() && std::all_of(phrase.begin(), phrase.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      })) {
    std::string word(phrase);
    for (char& c : word) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
    return {std::move(word)};
  }
  // Data files are NFC UTF-8 already: tokenise directly (no debris search).
  // One document per thread is reused for every phrase, keeping its buffers.
  thread_local Document d;
  d.text.assign(phrase);
  tokenize(d);
  std::vector<std::string> out;
  out.reserve(d.tokens.size());
  for (auto& t : d.tokens) out.push_back(std::move(t.norm));
  return out;
}

}  // namespace

std::string Lexicon::norm(std::string_view word) {
  auto n = phrase_norms(word);
  std::string out;
  for (const auto& w : n) out += w;
  return out;
}

const Lexicon& Lexicon::french() {
  static const Lexicon lexicon;
  return lexicon;
}

Lexicon::Lexicon() : edges_(1024) {
  trie_.emplace_back();
  load_countries(file_bytes("countries.tsv"));
  load_organisations(file_bytes("organisations.tsv"));
  load_places(file_bytes("places.tsv"));
  load_pairs("titles.tsv", file_bytes("titles.tsv"), LexKind::title);
  load_pairs("institution_heads.tsv", file_bytes("institution_heads.tsv"), LexKind::institution_head);
  load_pairs("agreements.tsv", file_bytes("agreements.tsv"), LexKind::agreement);
  load_pairs("triggers.tsv", file_bytes("triggers.tsv"), LexKind::trigger);
  load_pairs("shared_demonyms.tsv", file_bytes("shared_demonyms.tsv"), LexKind::shared_demonym);
  for (const auto& row : read_tsv("honorifics.tsv", file_bytes("honorifics.tsv"), "form")) {
    add_phrase(row[0], LexHit{LexKind::honorific, 0, row[0], false, row[0]});
  }
  load_first_names(file_bytes("firstnames.txt"));
  load_words(file_bytes("words.tsv"));
}

void Lexicon::load_words(std::string_view bytes) {
  for (auto& row : read_tsv("words.tsv", bytes, "form\tclass")) {
    auto [cls, fresh] = class_bits_.emplace(row[1], 0);
    if (fresh) {
      if (class_bits_.size() > 64) throw std::runtime_error("words.tsv: more than 64 classes of words");
      cls->second = std::uint64_t{1} << (class_bits_.size() - 1);
    }
    if (std::uint64_t* bits = word_classes_.insert(row[0])) *bits |= cls->second;
  }
}

std::uint64_t Lexicon::class_bit(std::string_view cls) const {
  auto it = class_bits_.find(cls);
  return it == class_bits_.end() ? 0 : it->second;
}

std::uint64_t Lexicon::classes_of(std::string_view norm) const {
  const std::uint64_t* bits = word_classes_.find(norm);
  return bits == nullptr ? 0 : *bits;
}

std::uint32_t Lexicon::child(std::uint32_t parent, std::string_view word, std::uint64_t hash) const {
  const std::uint64_t h = edge_hash(parent, hash);
  const std::size_t mask = edges_.size() - 1;
  for (std::size_t k = h & mask;; k = (k + 1) & mask) {
    const Edge& e = edges_[k];
    if (e.child == 0) return 0;
    if (e.hash == h && e.parent == parent && edge_words_.compare(e.word, e.size, word) == 0) return e.child;
  }
}

void Lexicon::add_edge(const Edge& edge) {
  const std::size_t mask = edges_.size() - 1;
  std::size_t k = edge.hash & mask;
  while (edges_[k].child != 0) k = (k + 1) & mask;
  edges_[k] = edge;
}

std::uint32_t Lexicon::child_or_new(std::uint32_t parent, std::string_view word) {
  const std::uint64_t hash = word_hash(word);
  if (const std::uint32_t found = child(parent, word, hash); found != 0) return found;
  if (2 * (trie_.size() + 1) > edges_.size()) {  // at most half full: short probes
    std::vector<Edge> old(std::max<std::size_t>(1024, 2 * edges_.size()));
    old.swap(edges_);
    for (const Edge& e : old) {
      if (e.child != 0) add_edge(e);
    }
  }
  const auto id = static_cast<std::uint32_t>(trie_.size());
  trie_.emplace_back();
  add_edge(Edge{edge_hash(parent, hash), parent, id, static_cast<std::uint32_t>(edge_words_.size()),
                static_cast<std::uint32_t>(word.size())});
  edge_words_ += word;
  return id;
}

void Lexicon::add_phrase(std::string_view phrase, LexHit hit) {
  auto words = phrase_norms(phrase);
  if (words.empty()) return;
  first_words_.set(first_word_bit(word_hash(words[0])));
  std::uint32_t node = 0;
  for (const auto& w : words) node = child_or_new(node, w);
  hit.form = std::string(phrase);
  hit.acronym = hit.acronym || (all_capitals(phrase) && words.size() == 1);
  for (const auto& h : trie_[node].hits) {
    if (h.kind == hit.kind && h.index == hit.index && h.value == hit.value && h.acronym == hit.acronym) return;
  }
  trie_[node].hits.push_back(std::move(hit));
}

void Lexicon::load_countries(std::string_view bytes) {
  auto rows = read_tsv("countries.tsv", bytes, "iso2\tqid\tname\taliases\tdemonyms\tprefixes\tambiguous");
  for (auto& row : rows) {
    CountryEntry c;
    c.iso2 = row[0];
    c.qid = row[1];
    c.name = row[2];
    c.aliases = split_values(row[3]);
    c.demonyms = split_values(row[4]);
    c.prefixes = split_values(row[5]);
    for (const auto& a : split_values(row[6])) c.ambiguous.insert(norm(a));
    auto index = static_cast<std::uint32_t>(countries_.size());
    add_phrase(c.name, LexHit{LexKind::country_name, index, c.iso2, false, {}});
    for (const auto& a : c.aliases) add_phrase(a, LexHit{LexKind::country_name, index, c.iso2, false, {}});
    for (const auto& d : c.demonyms) add_phrase(d, LexHit{LexKind::demonym, index, c.iso2, false, {}});
    for (const auto& p : c.prefixes) add_phrase(p, LexHit{LexKind::prefix, index, c.iso2, false, {}});
    country_at_.emplace(c.iso2, index);  // the first entry of a code wins
    for (const auto& d : c.demonyms) country_words_.insert(institution_key(d));
    country_names_.insert(institution_key(c.name));
    for (const auto& a : c.aliases) country_names_.insert(institution_key(a));
    countries_.push_back(std::move(c));
  }
}

void Lexicon::load_organisations(std::string_view bytes) {
  auto rows = read_tsv("organisations.tsv", bytes, "id\tqid\tname\taliases\tkind\tcountry");
  for (auto& row : rows) {
    OrganisationEntry o{row[0], row[1], row[2], row[4], row[5], split_values(row[3])};
    auto index = static_cast<std::uint32_t>(organisations_.size());
    add_phrase(o.name, LexHit{LexKind::organisation, index, o.id, false, {}});
    for (const auto& a : o.aliases) add_phrase(a, LexHit{LexKind::organisation, index, o.id, false, {}});
    organisation_at_[o.id].push_back(index);
    organisations_.push_back(std::move(o));
  }
}

void Lexicon::load_places(std::string_view bytes) {
  auto rows = read_tsv("places.tsv", bytes, "name\tkind\tcountry");
  for (auto& row : rows) {
    auto index = static_cast<std::uint32_t>(places_.size());
    add_phrase(row[0], LexHit{LexKind::place, index, row[1], false, {}});
    places_.push_back(PlaceEntry{row[0], row[1], row[2]});
  }
}

void Lexicon::load_pairs(std::string_view file, std::string_view bytes, LexKind kind) {
  std::string header;
  switch (kind) {
    case LexKind::agreement: header = "form\tkind"; break;
    case LexKind::trigger: header = "form\trelation"; break;
    case LexKind::shared_demonym: header = "form\tcountries"; break;
    default: header = "form\tclass"; break;
  }
  std::uint32_t index = 0;
  for (auto& row : read_tsv(file, bytes, header)) {
    add_phrase(row[0], LexHit{kind, index++, row[1], false, {}});
  }
}

void Lexicon::load_first_names(std::string_view bytes) {
  auto lines = split(bytes, '\n');
  for (std::size_t n = 1; n < lines.size(); ++n) {
    std::string line = lines[n];
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    auto words = phrase_norms(line);
    std::string key;
    for (const auto& w : words) key += (key.empty() ? "" : " ") + w;
    first_names_.insert(key);  // (a name of 255 bytes or more is left out)
  }
}

bool Lexicon::accents_match(const Document& doc, const PhraseMatch& m, const LexHit& hit) {
  auto ascii = [](std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  };
  if (ascii(hit.form)) return true;
  std::string_view text = doc.token_range_text(m.first, m.last);
  if (ascii(text) && doc.tokens[m.first].upper_initial) return true;
  icu::UnicodeString a = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  icu::UnicodeString b =
      icu::UnicodeString::fromUTF8(icu::StringPiece(hit.form.data(), static_cast<int32_t>(hit.form.size())));
  a.toLower(icu::Locale::getFrench());
  b.toLower(icu::Locale::getFrench());
  a.findAndReplace(icu::UnicodeString(static_cast<UChar32>(0x2019)), icu::UnicodeString("'"));
  return a == b;
}

namespace {
/// Debian's wfrench list as token norms (WordTable). Built once; read-only afterwards.
struct CommonWords {
  WordTable<char> words;  ///< the value is unused
  bool loaded = false;

  CommonWords() {
    std::string bytes;
    if (std::FILE* in = std::fopen("/usr/share/dict/french", "rb")) {
      char buffer[1U << 16U];
      for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, in)) > 0;) bytes.append(buffer, n);
      std::fclose(in);
    }
    // The norm of the whole list at once: a norm is made code point by code
    // point and '\n' is its own norm, so line k of `norms` is the norm of line k.
    std::string norms;
    norms.reserve(bytes.size() + bytes.size() / 8);
    textutil::append_norm(norms, bytes);
    words.reserve(static_cast<std::size_t>(std::count(norms.begin(), norms.end(), '\n')) + 1, norms.size());
    const std::string_view all(norms);
    for (std::size_t i = 0; i < all.size();) {
      std::size_t end = all.find('\n', i);
      if (end == std::string_view::npos) end = all.size();
      // An empty line gives no word. (A line of combining marks alone, whose
      // norm is empty, neither: the norm of a capitalised word never is.)
      if (end > i) words.insert(all.substr(i, end - i));
      i = end + 1;
    }
    loaded = words.size() > 0;
  }
};
const CommonWords& common_words() {
  static const CommonWords list;
  return list;
}
}  // namespace

bool Lexicon::is_common_word(std::string_view norm) {
  return common_words().words.contains(norm);
}

bool Lexicon::has_dictionary() { return common_words().loaded; }

std::string Lexicon::institution_identity_key(std::string_view name) const {
  std::vector<std::string> words = key_words(institution_key(name));
  std::erase_if(words, [&](const std::string& w) { return country_words_.count(w) != 0; });
  // A country named at the end ("Cour suprême d'Algérie"), never the whole name.
  for (std::size_t n = std::min<std::size_t>(words.size() - (words.empty() ? 0 : 1), 5); n > 0; --n) {
    std::string tail;
    for (std::size_t i = words.size() - n; i < words.size(); ++i) tail += (tail.empty() ? "" : " ") + words[i];
    if (country_names_.count(tail) != 0) {
      words.resize(words.size() - n);
      break;
    }
  }
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

std::string institution_identity_key(std::string_view name) {
  return Lexicon::french().institution_identity_key(name);
}

const CountryEntry* Lexicon::country(std::string_view iso2) const {
  auto it = country_at_.find(iso2);
  return it == country_at_.end() ? nullptr : &countries_[it->second];
}

std::span<const std::uint32_t> Lexicon::organisations_with_id(std::string_view id) const {
  auto it = organisation_at_.find(id);
  if (it == organisation_at_.end()) return {};
  return it->second;
}

void Lexicon::matches_at(const Document& doc, std::uint32_t i, std::vector<PhraseMatch>& out) const {
  const std::string& word = doc.tokens[i].norm;
  std::uint64_t hash = word_hash(word);
  if (!first_words_.test(first_word_bit(hash))) return;  // no phrase starts so
  const std::size_t first = out.size();
  std::uint32_t node = 0;
  const auto sentence = doc.tokens[i].sentence;
  for (std::uint32_t j = i; j < doc.tokens.size(); ++j) {
    const Token& t = doc.tokens[j];
    if (t.sentence != sentence) break;
    if (j > i) hash = word_hash(t.norm);
    node = child(node, t.norm, hash);
    if (node == 0) break;
    if (!trie_[node].hits.empty()) out.push_back(PhraseMatch{i, j + 1, &trie_[node].hits});
  }
  std::reverse(out.begin() + static_cast<std::ptrdiff_t>(first), out.end());
}

LexIndex::LexIndex(const Lexicon& lex, const Document& doc) {
  start_.reserve(doc.tokens.size() + 1);
  kinds_.assign(doc.tokens.size(), 0);
  for (std::uint32_t i = 0; i < doc.tokens.size(); ++i) {
    start_.push_back(static_cast<std::uint32_t>(all_.size()));
    lex.matches_at(doc, i, all_);
    for (std::size_t k = start_.back(); k < all_.size(); ++k) {
      for (const auto& h : *all_[k].hits) kinds_[i] |= bit(h.kind);
    }
  }
  start_.push_back(static_cast<std::uint32_t>(all_.size()));
}

}  // namespace entente::extract

namespace entente::extract::rules {
namespace {
const Lexicon& lex() { return Lexicon::french(); }

/// Whether `norm` is in the class whose bit is `bit` (Lexicon::class_bit).
bool in_class(std::string_view norm, std::uint64_t bit) { return (lex().classes_of(norm) & bit) != 0; }

}  // namespace

bool is_preposition(std::string_view norm) {
  static const std::uint64_t bit = lex().class_bit("preposition");
  return in_class(norm, bit);
}
bool is_determiner(std::string_view norm) {
  static const std::uint64_t bit = lex().class_bit("determiner");
  return in_class(norm, bit);
}
bool is_name_particle(std::string_view norm) {
  static const std::uint64_t bit = lex().class_bit("particle");
  return in_class(norm, bit);
}
bool is_name_stop(std::string_view norm) {
  static const std::uint64_t bit = lex().class_bit("name_stop");
  return in_class(norm, bit);
}
bool is_title_word(std::string_view norm) {
  static const std::uint64_t bit = lex().class_bit("title_word");
  return in_class(norm, bit);
}
std::uint64_t class_bit(std::string_view cls) {
  // The rules ask about a few dozen classes, always by a literal name, many
  // times a token: the bit of a name is kept by the address of its
  // characters, so that the class table is searched once per name and thread.
  struct Slot {
    const char* name = nullptr;
    std::size_t size = 0;
    std::uint64_t bit = 0;
  };
  thread_local std::array<Slot, 128> cache;
  Slot& slot = cache[(reinterpret_cast<std::uintptr_t>(cls.data()) >> 2U) % cache.size()];
  if (slot.name != cls.data() || slot.size != cls.size()) slot = Slot{cls.data(), cls.size(), lex().class_bit(cls)};
  return slot.bit;
}

std::uint64_t classes_of(std::string_view norm) { return lex().classes_of(norm); }

bool has_class(std::string_view norm, std::string_view cls) { return (lex().classes_of(norm) & class_bit(cls)) != 0; }

bool is_adjective(std::string_view norm) {
  static const std::uint64_t not_adjective = lex().class_bit("not_adjective");
  static const std::uint64_t suffix = lex().class_bit("adjective_suffix");
  if (norm.size() < 4 || in_class(norm, not_adjective)) return false;
  for (std::size_t n = 2; n <= 5 && n < norm.size(); ++n) {
    if (in_class(norm.substr(norm.size() - n), suffix)) return true;
  }
  return false;
}

bool is_content_word(std::string_view norm) {
  static const std::uint64_t excluded =
      lex().class_bit("not_content") | lex().class_bit("preposition") | lex().class_bit("determiner");
  return norm.size() >= 3 && !in_class(norm, excluded);
}

bool allows_lowercase_chain(std::string_view head_class) { return lex().word_is(head_class, "chain_head"); }

}  // namespace entente::extract::rules
