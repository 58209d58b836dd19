// The one document type that flows through every stage of extract/.
//
// WHAT IT REPRESENTS: one input article. The text is owned once, by the
// Document; tokens, sentences and mentions are half-open byte ranges into it,
// never copies of it. Each stage of the pipeline reads some fields and fills
// others (see pipeline.hpp for the order).
//
// THREAD SAFETY: a Document is a plain value; distinct Documents may be
// processed on distinct threads.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "entente/extract/status.hpp"

namespace entente::extract {

/// The entity types of the cooperation ontology that extraction produces.
enum class EntityType : std::uint8_t { Person, Institution, Country, Agreement, Place };

/// "Person", "Institution", ... (the local name of the ontology class).
std::string_view to_string(EntityType t);

/// The relations of the cooperation ontology (GUIDELINES.md).
enum class Predicate : std::uint8_t {
  memberOf,        ///< Person -> Institution
  country,         ///< Person or Institution -> Country
  cooperatesWith,  ///< Country|Institution <-> Country|Institution (symmetric)
  party,           ///< Agreement -> Country|Institution
  signatory,       ///< Agreement -> Person
  participant,     ///< Agreement -> Person
};

/// "memberOf", "country", ... (the local name of the ontology property).
std::string_view to_string(Predicate p);

/// A half-open byte range [begin, end) of Document::text.
struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::size_t size() const { return end - begin; }
  bool empty() const { return end <= begin; }
};

/// One token. `norm` is the lower-cased, accent-stripped form used for matching.
struct Token {
  Span span;
  std::string norm;
  std::uint32_t sentence = 0;
  bool upper_initial = false;  ///< first letter is upper case
  bool all_upper = false;      ///< every letter is upper case (acronyms), at least 2 letters
  bool alpha = false;          ///< contains at least one letter
  bool digit = false;          ///< all digits
  bool punct = false;          ///< no letter and no digit
  bool space_before = false;   ///< whitespace separates it from the previous token
  bool newline_before = false; ///< a line break separates it from the previous token
};

/// One sentence: a byte range and its token range [first_token, last_token).
struct Sentence {
  Span span;
  std::uint32_t first_token = 0;
  std::uint32_t last_token = 0;
};

/// A stretch of text that names something.
struct Mention {
  Span span;                    ///< bytes of Document::text
  std::uint32_t first_token = 0;
  std::uint32_t last_token = 0; ///< one past the last token
  EntityType type = EntityType::Person;
  std::string stage;            ///< which stage found it ("gazetteer", "apposition", ...)
  std::string key;              ///< gazetteer key when known: ISO code, organisation id
  std::string name;             ///< the name it gives (honorifics removed, as written)
  std::string country;          ///< ISO 3166 alpha-2 of the country it belongs to, if said
  bool demonym = false;         ///< a country named by its adjective ("marocaine")
  int refers_to = -1;           ///< index of the mention it stands for (acronym, surname), if any
  int entity = -1;              ///< index into Document::entities once resolved
};

/// A role title kept on a person ("ministre de la Justice").
struct Role {
  std::string title;
  int institution = -1;         ///< entity index of the institution it names, if any
  friend bool operator==(const Role&, const Role&) = default;
};

/// One real-world entity as this document knows it (document-local identity).
struct Entity {
  EntityType type = EntityType::Person;
  std::string name;                  ///< preferred label: the fullest name given
  std::vector<std::string> labels;   ///< every other name used, as written
  std::string key;                   ///< gazetteer key (ISO alpha-2 for countries)
  std::string country;               ///< ISO alpha-2 of its country, when known
  std::string qid;                   ///< Wikidata QID, when the gazetteer knows it
  std::vector<Role> roles;           ///< persons: titles held
  std::vector<int> mentions;         ///< indices into Document::mentions
  // Agreements only:
  std::string kind;                  ///< "mémorandum d'entente", "plan d'action", ...
  std::string date;                  ///< xsd:date "2024-10-15", or "2025", "2024-10", "--10-15"
  std::string date_end;              ///< end of a period ("2026"), when one is given
  friend bool operator==(const Entity&, const Entity&) = default;
};

/// A relation between two entities of the document, with the sentence that says it.
struct Relation {
  Predicate predicate = Predicate::country;
  int subject = -1;                  ///< index into Document::entities
  int object = -1;                   ///< index into Document::entities
  std::uint32_t sentence = 0;        ///< index into Document::sentences
  std::string stage;                 ///< the rule that found it
  friend bool operator==(const Relation&, const Relation&) = default;
};

/// A date found in the text, already resolved as far as the text allows.
struct DateMention {
  Span span;
  std::string value;                 ///< ISO form: "2024-10-15", "2024-10", "2024", "--10-15"
  int weekday = -1;                  ///< 0=Monday..6=Sunday when written ("mardi"), else -1
  std::uint32_t sentence = 0;
  std::string end;                   ///< last year of a period ("2026" in "2022-2026"), else ""
};

/// What is known of an article besides its text: what its input said (the
/// fields of a JSON Lines record, a page's <meta> tags, a WARC record's
/// headers; filled by entente::ingest) and, for the publication date, a
/// dateline of the text (find_dates). Empty strings are unknown.
struct Metadata {
  std::string url;        ///< where it was published (dcterms:source)
  std::string title;      ///< its headline as the input names it (dcterms:title)
  std::string date;       ///< publication date: "2024-10-15", or partial "2024-10", "2024", "--10-15" (dcterms:date)
  std::string publisher;  ///< the outlet: "Le Monde", "lemonde.fr" (dcterms:publisher)
  std::string language;   ///< ISO 639-1 code, "fr" (dcterms:language)
  bool dateline = false;  ///< `date` was read from a dateline of the text, not given by the input
  friend bool operator==(const Metadata&, const Metadata&) = default;
};

/// One article, from raw bytes to entities and relations.
struct Document {
  std::string id;                    ///< its name in the input (dcterms:identifier): the file name,
                                     ///< "scrape.jsonl:3" (line), "crawl.warc.gz#2" (record), "a.zip/b.html"
  std::string path;                  ///< where it was read, as the user gave it (diagnostics name it)
  Metadata meta;                     ///< URL, title, publication date, outlet, language
  std::string text;                  ///< NFC text, typographic quotes unified, for matching
  std::string source;                ///< NFC text as written (evidence, NIF)
  std::vector<std::uint32_t> source_offset; ///< text byte i -> source byte; size text.size()+1
  std::vector<Span> ignored;         ///< web debris (ads, comment prompts, source lines)
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  std::vector<DateMention> dates;
  std::vector<Mention> mentions;
  std::vector<Entity> entities;
  std::vector<Relation> relations;
  Diagnostics diagnostics;

  std::string_view slice(Span s) const { return std::string_view(text).substr(s.begin, s.size()); }
  std::string_view token_text(std::size_t i) const { return slice(tokens[i].span); }
  /// Text of tokens [first, last) as written, from the first token's start to the last's end.
  std::string_view token_range_text(std::size_t first, std::size_t last) const;
};

}  // namespace entente::extract
