// Wikidata links: which Wikidata item a node of the graph is (owl:sameAs).
//
// Entente works offline, so it links through a local index of Wikidata items
// (labels and aliases in French and English, type, country, QID, source) and
// never through the network. The index that ships with the program is
// graph/data/wikidata-index.tsv, compiled in; a larger one can be grown from a
// Wikidata JSON dump. Format, sources and growth: docs/WIKIDATA.md.
//
// Usage:
//
//   namespace eg = entente::graph;
//   eg::KnowledgeGraph kg(base);
//   for (const auto& doc : docs) kg.add(doc);
//   std::size_t linked = eg::link_wikidata(kg, eg::WikidataIndex::builtin());
//
//   // A grown index: stream a dump into an index file, then load it.
//   entente::Diagnostics diags;
//   if (auto stats = eg::import_wikidata_dump("latest-all.json.bz2", "wd-index.tsv", diags)) {
//     if (auto index = eg::WikidataIndex::load("wd-index.tsv", diags)) eg::link_wikidata(kg, *index);
//   }
//
// Matching policy (precision first: a wrong link is worse than none):
// - names are compared by their name key (extract/names.hpp: case, accents,
//   punctuation and doubled letters folded), over every label and alias;
// - the item must have the node's type: Person -> person, Institution ->
//   organisation, Country -> country; places and agreements are never linked;
// - a country node is found by its ISO code alone when it has one;
// - a person is found by a full name (two words or more: "Jan Jambon",
//   "Mohammed VI"); a single name ("Philippe") only when the node and the
//   item both have a country and it is the same;
// - when both sides have a country, they must share it; an organisation item
//   of one country (a ministry, a national agency) is never matched by a node
//   with no country, since national bodies share their names across states;
// - every label of the node votes: the candidates of all labels together
//   must be exactly one item, else there is no link.
#pragma once
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "entente/extract/document.hpp"
#include "entente/extract/status.hpp"
#include "entente/graph/graph.hpp"

namespace entente::graph {

/// The kinds of items the index holds (column `type`).
enum class WikidataType : std::uint8_t {
  person,        ///< a human (Q5) who held a position (P39): heads of state, ministers
  organisation,  ///< an international organisation, agency, ministry, government
  country,       ///< a state or territory of ISO 3166-1 (country: its own alpha-2 code)
};

/// "person", "organisation", "country".
std::string_view to_string(WikidataType t);

/// One row of the index: one Wikidata item.
struct WikidataItem {
  std::string qid;  ///< "Q31"
  WikidataType type = WikidataType::organisation;
  std::vector<std::string> countries;  ///< ISO alpha-2 codes; empty for international bodies
  std::string label_fr;                ///< at least one of label_fr, label_en is set
  std::string label_en;
  std::vector<std::string> aliases_fr;
  std::vector<std::string> aliases_en;
  std::string source;  ///< where the QID and names come from; never empty
};

/// WHAT IT REPRESENTS: a read-only table of Wikidata items and the name keys
/// that find them. Built from the text of an index file (format version
/// kVersion), checked row by row: a file with any bad row is rejected.
///
/// THREAD SAFETY: immutable once built; any number of threads may call its
/// const members at once. builtin() is built once, on first use (thread-safe).
class WikidataIndex {
 public:
  /// The version this program reads and writes; the first line of every index file.
  static constexpr int kVersion = 1;
  static constexpr std::string_view kVersionLine = "# entente-wikidata-index 1";
  /// The header row, after the version line and any '#' comments.
  static constexpr std::string_view kHeader =
      "qid\ttype\tcountry\tlabel_fr\tlabel_en\taliases_fr\taliases_en\tsource";

  /// An empty index (finds nothing).
  WikidataIndex() = default;

  /// The index shipped with the program (graph/data/wikidata-index.tsv,
  /// compiled in): every ISO 3166-1 country and Kosovo, the international
  /// organisations of the gazetteer that have a QID, and the heads of state
  /// and government and ministers of ../shared/data/wikidata/people.tsv.
  /// ensures: needs no file on disk; throws std::logic_error only if the
  /// compiled-in file is broken (a build error, caught by the tests).
  static const WikidataIndex& builtin();

  /// Reads a user index file. nullopt, with errors naming the file and line
  /// ("index.tsv:1: ..."), when it cannot be read, its version line is not
  /// kVersionLine, its header is not kHeader, or a row is bad.
  static std::optional<WikidataIndex> load(const std::filesystem::path& file, Diagnostics& diags);

  /// As load(), from the file's text; `file` names it in diagnostics.
  static std::optional<WikidataIndex> parse(std::string_view text, const std::string& file,
                                            Diagnostics& diags);

  /// The QID of the one item of `type` known by any of `labels` (the name
  /// first, then other names), in `country` (ISO alpha-2, or "" when unknown;
  /// for a country: its own code); "" when none or more than one item fits
  /// (see the matching policy at the top of this file).
  std::string find(extract::EntityType type, const std::vector<std::string>& labels,
                   std::string_view country) const;

  /// The item of a QID, or nullptr.
  const WikidataItem* item(std::string_view qid) const;

  /// Every item, in file order.
  const std::vector<WikidataItem>& items() const { return items_; }

  std::size_t size() const { return items_.size(); }

 private:
  void add(WikidataItem item);

  std::vector<WikidataItem> items_;
  /// type letter ('p', 'o', 'c') + name key -> indices into items_, ascending.
  std::map<std::string, std::vector<std::uint32_t>, std::less<>> by_key_;
  std::map<std::string, std::uint32_t, std::less<>> by_qid_;
  std::map<std::string, std::vector<std::uint32_t>, std::less<>> country_by_code_;
};

/// Sets Node::qid on every node the index knows. A node's country is its own
/// code for a country, else Node::country, else the one country its
/// coop:country edges point to. A qid already set (by a gazetteer) is kept
/// when the index agrees or finds nothing, and replaced when the index finds
/// another item.
/// requires: every document added (run it last, after KnowledgeGraph::finish).
/// ensures: returns the number of nodes the index found a QID for (set or confirmed).
std::size_t link_wikidata(KnowledgeGraph& kg, const WikidataIndex& index);

/// What import_wikidata_dump read.
struct ImportStats {
  std::size_t lines = 0;      ///< lines read, the array's brackets included
  std::size_t kept = 0;       ///< items written to the index
  std::size_t malformed = 0;  ///< lines that are not one JSON entity (reported and skipped)
};

/// Streams a Wikidata JSON dump (`.json`, `.json.gz` or `.json.bz2`, the
/// format of https://dumps.wikimedia.org/wikidatawiki/entities/: a JSON array
/// with one entity per line, each line but the last ending with ',') into an
/// index file, one line in memory at a time. Keeps items with a French or
/// English label that are countries, organisations or persons who held a
/// position (the classes are listed in docs/WIKIDATA.md); their countries
/// come from P297, P17 or P27 through the built-in index's country QIDs and
/// the dump's own ISO codes.
/// Malformed lines are reported as warnings "dump:LINE: ..." and skipped.
/// ensures: `out` is written atomically (a temporary file beside it, then a
/// rename): on failure it is left as it was, and nullopt comes back with an
/// error naming the file.
std::optional<ImportStats> import_wikidata_dump(const std::filesystem::path& dump,
                                                const std::filesystem::path& out, Diagnostics& diags);

}  // namespace entente::graph
