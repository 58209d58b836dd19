// Scoring a knowledge graph against a gold file: how close a graph that
// `entente build` wrote is to what an annotator says the articles contain.
//
//   namespace ev = entente::eval;
//   entente::Diagnostics diags;
//   std::optional<ev::Gold> gold = ev::read_gold("gold.json", diags);
//   std::optional<ev::Graph> graph = ev::read_graph("out/graph.ttl", diags);
//   if (gold && graph) {
//     const ev::Report report = ev::score(*graph, *gold);
//     double f1 = report.entities.f1();
//     std::string text = ev::to_text(report);  // or ev::to_json(report)
//   }
//   // else: every problem is in `diags`, with its file and byte offset.
//
// The gold format, and how nodes are matched to gold entities, agreements
// paired and relations compared, are described for users in
// docs/EVALUATION.md; this header is read in the same order: labels, gold,
// graph, score, report. Nothing here prints.
//
// THREAD SAFETY: free functions over values; distinct calls may run on
// distinct threads.
#pragma once
#include <compare>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "entente/extract/status.hpp"

namespace entente::eval {

// ---------------------------------------------------------------- labels

/// The key under which two names are the same name: Unicode compatibility
/// decomposition, accents and other combining marks dropped, lower case,
/// typographic apostrophes as ', every character that is not a letter, a
/// digit or an apostrophe as one space, then leading honorifics and articles
/// removed as long as some lead (M., Mme, Mlle, Monsieur, Madame,
/// Mademoiselle, Sa Majesté, Roi, Reine, le, la, les, du, des, de la, l', de
/// l', d'). "M. El Hassan Daki" -> "el hassan daki"; "l’Union européenne"
/// -> "union europeenne"; "la Sûreté de l'État" -> "surete de l'etat".
std::string fold_label(std::string_view label);

// ---------------------------------------------------------------- gold

/// The classes that are scored, plus Place (gold may list places; they are
/// never scored).
enum class Class { person, institution, country, agreement, place };

/// "Person", "Institution", "Country", "Agreement", "Place".
std::string_view to_string(Class c);

/// One real-world entity of the gold file.
struct GoldEntity {
  std::string id;                     ///< the gold file's id ("MA", "daki")
  Class type = Class::person;         ///< person, institution, country or place
  std::string name;                   ///< the fullest name
  std::vector<std::string> aliases;   ///< other names (acronyms, variants)
  std::vector<Class> alt_types;       ///< further classes accepted for it
  std::vector<std::string> wikidata;  ///< QIDs, any of which is right (empty: not scored)
  bool optional = false;              ///< neither required nor penalised
};

/// One agreement of the gold file.
struct GoldAgreement {
  std::string id;
  std::vector<std::string> docs;  ///< file names of the documents that report it
  std::vector<std::string> parties, optional_parties;
  std::vector<std::string> signatories, participants, optional_participants;
  std::string date;          ///< "YYYY-MM-DD", or empty
  std::string date_partial;  ///< a less precise form also counted as partial ("--10-15"), or empty
  bool optional = false;
};

/// A fact in gold terms: subject and object are gold ids; the predicate is
/// memberOf, country, cooperatesWith, party or person (signatory and
/// participant are one predicate for scoring).
struct Triple {
  std::string subject, predicate, object;
  auto operator<=>(const Triple&) const = default;
};

/// A gold file, checked: ids are unique and every id it uses is defined.
struct Gold {
  std::string file;
  std::vector<GoldEntity> entities;
  std::vector<GoldAgreement> agreements;
  std::vector<Triple> relations;           ///< memberOf, country, cooperatesWith only
  std::vector<Triple> optional_relations;  ///< neither required nor penalised
};

/// Parses gold JSON (format: docs/EVALUATION.md). `file` names it in
/// diagnostics, which carry the byte offset of the offending value. Unknown
/// keys are warnings (a misspelt "alias" would otherwise pass unnoticed),
/// except the informational ones the format lists.
/// ensures: nullopt iff an error was appended to `diags`.
std::optional<Gold> parse_gold(std::string_view json, const std::string& file, Diagnostics& diags);

/// parse_gold of the file at `path`.
std::optional<Gold> read_gold(const std::string& path, Diagnostics& diags);

// ---------------------------------------------------------------- graph

enum class Syntax { turtle, trig, ntriples, nquads };

/// By extension: .ttl/.turtle, .trig, .nt, .nq; nullopt for anything else.
std::optional<Syntax> syntax_for(std::string_view path);

/// The graph edges that are scored.
enum class Predicate { memberOf, country, cooperatesWith, party, signatory, participant };

/// "memberOf", ... as in the ontology.
std::string_view to_string(Predicate p);

/// A resource of the graph, with only what scoring reads.
struct Node {
  std::string id;            ///< its IRI, or "_:" and its blank node label
  std::vector<Class> types;  ///< its scored classes (coop:Person, ...), sorted
  std::string label;  ///< rdfs:label or skos:prefLabel (the least in byte order if several; "" if none)
  std::vector<std::string> labels;     ///< every rdfs:label, skos:prefLabel and skos:altLabel, sorted
  std::vector<std::string> qids;       ///< owl:sameAs / skos:exactMatch Wikidata items, sorted
  std::vector<std::string> documents;  ///< file names of the coop:mentionedIn documents, sorted
  std::vector<std::string> dates;      ///< coop:date lexical forms, sorted
};

/// A scored edge between two resources (cooperatesWith as written).
struct Edge {
  std::string subject;
  Predicate predicate = Predicate::memberOf;
  std::string object;
  auto operator<=>(const Edge&) const = default;
};

/// What a graph file says in the output contract's terms (GUIDELINES.md);
/// every other statement is ignored.
struct Graph {
  std::string file;
  std::vector<Node> nodes;  ///< resources with a scored class or at an edge's end, sorted by id
  std::vector<Edge> edges;  ///< sorted, without repeats
};

/// Parses RDF text. `file` names it in diagnostics (byte offsets, and line
/// and column in the message); `base` resolves relative IRIs ("" for none).
/// ensures: nullopt iff an error was appended to `diags`.
std::optional<Graph> parse_graph(std::string_view text, Syntax syntax, const std::string& file,
                                 Diagnostics& diags, const std::string& base = {});

/// parse_graph of the file at `path`, its syntax from its extension, relative
/// IRIs resolved against the file's own URI.
std::optional<Graph> read_graph(const std::string& path, Diagnostics& diags);

// ---------------------------------------------------------------- score

/// True positives, false positives, false negatives, and what they give.
struct Counts {
  std::size_t tp = 0, fp = 0, fn = 0;
  double precision() const;  ///< tp / (tp + fp), 0 when nothing was predicted
  double recall() const;     ///< tp / (tp + fn), 0 when nothing was expected
  double f1() const;         ///< harmonic mean of the two, 0 when both are 0
};

/// A graph node as a report shows it.
struct NodeRef {
  std::string id;     ///< IRI or "_:label"
  std::string label;  ///< preferred label, or the first label, or ""
  std::vector<Class> types;
  auto operator<=>(const NodeRef&) const = default;
};

/// A node that stands for a gold entity it should not: a second node of one
/// entity (duplicate), or a node of the wrong class (type error).
struct NodeForGold {
  NodeRef node;
  std::string gold;  ///< gold entity id
  auto operator<=>(const NodeForGold&) const = default;
};

/// One end of a fact in a report: a gold id, or a node that matches none.
struct End {
  std::string id;     ///< gold id, or the node's IRI when !matched
  std::string label;  ///< the node's label when !matched
  bool matched = true;
  auto operator<=>(const End&) const = default;
};

/// A fact in a report.
struct Fact {
  End subject;
  std::string predicate;  ///< memberOf, country, cooperatesWith, party, person
  End object;
  auto operator<=>(const Fact&) const = default;
};

/// A gold entity as a report shows it.
struct GoldRef {
  std::string id;
  Class type = Class::person;
  std::string name;
  auto operator<=>(const GoldRef&) const = default;
};

/// A Wikidata link of nodes that does not name the gold entity's item.
struct WrongLink {
  std::string gold;               ///< gold entity id
  std::vector<std::string> qids;  ///< the wrong QIDs given
  std::vector<std::string> expected;
  auto operator<=>(const WrongLink&) const = default;
};

/// Agreement dates: of the required gold agreements that have a date, how
/// many were paired with a node that has that date (exact), or else one
/// partly right (partial: the same year and month, as "2024-10" or with
/// another day; the month and day without the year, "--10-15"; or the
/// gold's date_partial).
struct DateCounts {
  std::size_t exact = 0, partial = 0, total = 0;
};

/// Wikidata links of the required gold entities that have a QID.
struct WikidataCounts {
  std::size_t right = 0;         ///< gold entities whose nodes link to one of their QIDs
  std::size_t wrong = 0;         ///< gold entities whose nodes link to another item
  std::size_t gold = 0;          ///< required gold entities with a QID
  std::size_t nodes_linked = 0;  ///< Person/Institution/Country nodes with a link, matched or not
};

/// Everything `entente score` prints. Lists are sorted.
struct Report {
  std::string graph_file, gold_file;
  Counts entities;                           ///< Person, Institution and Country together
  std::map<Class, Counts> entities_by_type;  ///< person, institution, country
  Counts agreements;
  DateCounts agreement_dates;
  Counts relations;                                      ///< every predicate together
  std::map<std::string, Counts> relations_by_predicate;  ///< memberOf, country, cooperatesWith, party, person
  WikidataCounts wikidata;

  std::vector<GoldRef> missed_entities;        ///< required, and no node of a right class matches them
  std::vector<NodeRef> spurious_nodes;         ///< no label of theirs is a gold name
  std::vector<NodeForGold> duplicates;         ///< a further node for an entity already found
  std::vector<NodeForGold> type_errors;        ///< matched by name, but of none of the entity's classes
  std::vector<std::string> missed_agreements;  ///< gold ids of required agreements left unpaired
  std::vector<NodeRef> spurious_agreements;    ///< agreement nodes paired with no gold agreement
  std::vector<Fact> missed_relations;
  std::vector<Fact> spurious_relations;
  std::vector<WrongLink> wrong_wikidata;
};

/// Scores `graph` against `gold` (the matching: docs/EVALUATION.md).
Report score(const Graph& graph, const Gold& gold);

// ---------------------------------------------------------------- report

/// The report as aligned text: a table of P/R/F1, then the lists.
std::string to_text(const Report& report);

/// The report as one JSON object (keys: docs/EVALUATION.md), ending in a newline.
std::string to_json(const Report& report);

}  // namespace entente::eval
