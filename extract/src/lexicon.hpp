// The French language data (extract/data/fr), loaded once and indexed for
// phrase matching over tokens. Internal to extract/.
//
// WHAT IT REPRESENTS: every gazetteer and word list of the extractor.
// THREAD SAFETY: immutable after construction; `Lexicon::french()` builds it
// once (thread-safe static) and may be shared by all threads.
#pragma once
#include <bitset>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "entente/extract/document.hpp"
#include "text_util.hpp"
#include "word_table.hpp"

namespace entente::extract {

struct CountryEntry {
  std::string iso2, qid, name;
  std::vector<std::string> aliases, demonyms, prefixes;
  std::unordered_set<std::string> ambiguous;  ///< norm keys of forms that need context
};

struct OrganisationEntry {
  std::string id, qid, name, kind, country;
  std::vector<std::string> aliases;
};

struct PlaceEntry {
  std::string name, kind, country;
};

/// What a phrase of the lexicon stands for.
enum class LexKind : std::uint8_t {
  country_name,  ///< index: CountryEntry
  demonym,       ///< index: CountryEntry
  prefix,        ///< index: CountryEntry ("maroco" in "maroco-nigérienne")
  organisation,  ///< index: OrganisationEntry
  place,         ///< index: PlaceEntry
  title,         ///< index: into titles (class in `value`)
  institution_head,
  agreement,     ///< value: canonical kind
  trigger,       ///< value: relation class (sign, launch, between, participate, by, cooperate, negate)
  honorific,
  shared_demonym,  ///< value: the ISO codes of the states it may stand for, "CD|CG"
};

struct LexHit {
  LexKind kind;
  std::uint32_t index = 0;
  std::string value;
  bool acronym = false;  ///< written all in capitals in the data: matches only capitals
  std::string form;      ///< the form as written in the data
};

/// A phrase match: tokens [first, last) and what they may stand for.
struct PhraseMatch {
  std::uint32_t first = 0, last = 0;
  const std::vector<LexHit>* hits = nullptr;
};

class Lexicon;

/// The phrases of the lexicon found at every token of one document, looked
/// up once per stage instead of once per question.
/// THREAD SAFETY: immutable after construction.
class LexIndex {
 public:
  LexIndex(const Lexicon& lex, const Document& doc);
  /// The phrases starting at token i, longest first.
  std::span<const PhraseMatch> at(std::uint32_t i) const {
    return {all_.data() + start_[i], start_[i + 1] - start_[i]};
  }
  /// Whether some phrase starting at token i has a hit of kind `k`: when not,
  /// no need to look through at(i) for one.
  bool has(std::uint32_t i, LexKind k) const { return (kinds_[i] & bit(k)) != 0; }
  static constexpr std::uint16_t bit(LexKind k) { return static_cast<std::uint16_t>(1u << static_cast<unsigned>(k)); }

 private:
  std::vector<std::uint32_t> start_;
  std::vector<PhraseMatch> all_;
  std::vector<std::uint16_t> kinds_;  ///< per token: the bits of the kinds of its hits
};

class Lexicon {
 public:
  /// The embedded French data; throws std::runtime_error naming file and line
  /// when a data file is malformed (a build defect, caught by the unit tests).
  static const Lexicon& french();

  /// Appends every phrase that starts at token `i`, longest first, to `out`.
  void matches_at(const Document& doc, std::uint32_t i, std::vector<PhraseMatch>& out) const;
  /// The same, as a new vector (stages use a LexIndex instead).
  std::vector<PhraseMatch> matches_at(const Document& doc, std::uint32_t i) const {
    std::vector<PhraseMatch> out;
    matches_at(doc, i, out);
    return out;
  }

  /// Whether the words of `m` carry the accents of the hit's form: "traite"
  /// is not "traité". Capitalised words may drop accents ("Etat").
  static bool accents_match(const Document& doc, const PhraseMatch& m, const LexHit& hit);

  bool is_first_name(std::string_view norm) const { return first_names_.contains(norm); }

  /// Whether `norm` (a Token::norm) is a common French word in Debian's
  /// wfrench list (/usr/share/dict/french, installed by scripts/setup.sh),
  /// read once. `has_dictionary()` is false when the list is not installed:
  /// rules that need it then stay off.
  static bool is_common_word(std::string_view norm);
  static bool has_dictionary();

  const std::vector<CountryEntry>& countries() const { return countries_; }
  const std::vector<OrganisationEntry>& organisations() const { return organisations_; }
  const std::vector<PlaceEntry>& places() const { return places_; }
  const CountryEntry* country(std::string_view iso2) const;
  /// Indices into organisations() of the entries with this id, in file order.
  std::span<const std::uint32_t> organisations_with_id(std::string_view id) const;
  /// Whether `norm` belongs to class `cls` of words.tsv.
  bool word_is(std::string_view norm, std::string_view cls) const { return (classes_of(norm) & class_bit(cls)) != 0; }
  /// The classes of words.tsv as bits: the bit of class `cls` (0 when no word
  /// has it), and the classes `norm` belongs to.
  std::uint64_t class_bit(std::string_view cls) const;
  std::uint64_t classes_of(std::string_view norm) const;

  /// extract::institution_identity_key (names.hpp), with this lexicon's countries.
  std::string institution_identity_key(std::string_view name) const;

  /// Lower-case, accent-free form of a word, as Token::norm.
  static std::string norm(std::string_view word);

 private:
  Lexicon();
  void add_phrase(std::string_view phrase, LexHit hit);
  void load_countries(std::string_view bytes);
  void load_organisations(std::string_view bytes);
  void load_places(std::string_view bytes);
  void load_pairs(std::string_view file, std::string_view bytes, LexKind kind);
  void load_first_names(std::string_view bytes);
  void load_words(std::string_view bytes);

  using ViewHash = textutil::ViewHash;  ///< strings looked up by string_view, without a copy
  /// The phrases as a trie of words: node 0 is the root; a node's hits are
  /// the entries whose phrase ends there.
  struct TrieNode {
    std::vector<LexHit> hits;
  };
  std::vector<TrieNode> trie_;
  /// The trie's edges, all in one open-addressing table (linear probing,
  /// at most half full): one probe, usually, per word of the text.
  struct Edge {
    std::uint64_t hash = 0;       ///< edge_hash(parent, word) in lexicon.cpp
    std::uint32_t parent = 0;
    std::uint32_t child = 0;      ///< 0: an empty slot (the root is nobody's child)
    std::uint32_t word = 0, size = 0;  ///< the word, in edge_words_
  };
  std::vector<Edge> edges_;
  std::string edge_words_;
  /// The child of `parent` by `word` (whose word_hash is `hash`), or 0.
  std::uint32_t child(std::uint32_t parent, std::string_view word, std::uint64_t hash) const;
  std::uint32_t child_or_new(std::uint32_t parent, std::string_view word);
  void add_edge(const Edge& edge);
  /// A filter of the words that start phrases, one bit per word (by
  /// mix_hash of its word_hash): a word whose bit is unset starts none. Most
  /// tokens of a text are rejected here, without a trie lookup. 8 KiB: it
  /// stays in the L1 cache.
  std::bitset<std::size_t{1} << 16U> first_words_;
  std::size_t first_word_bit(std::uint64_t word_hash) const { return mix_hash(word_hash) % first_words_.size(); }
  std::vector<CountryEntry> countries_;
  std::vector<OrganisationEntry> organisations_;
  std::vector<PlaceEntry> places_;
  std::unordered_map<std::string, std::uint32_t, ViewHash, std::equal_to<>> country_at_;  ///< iso2 -> first entry
  std::unordered_set<std::string> country_words_;  ///< institution_key of every demonym
  std::unordered_set<std::string> country_names_;  ///< institution_key of every country name and alias
  std::unordered_map<std::string, std::vector<std::uint32_t>, ViewHash, std::equal_to<>> organisation_at_;  ///< id -> entries
  WordTable<char> first_names_;  ///< the value is unused
  /// words.tsv: class name -> its bit, and word -> the bits of its classes.
  std::unordered_map<std::string, std::uint64_t, ViewHash, std::equal_to<>> class_bits_;
  WordTable<std::uint64_t> word_classes_;
};

}  // namespace entente::extract
