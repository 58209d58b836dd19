// Internal to entente_export (see entente/export/writers.hpp): text helpers
// that every writer shares. UTF-8 is decoded in one place so that the RDF
// writers (which repair ill-formed bytes), the XML writers (which drop them)
// and the NIF offsets of evidence.ttl (which count code points) agree on what
// a character is.
//
// THREAD SAFETY: pure functions.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "entente/graph/graph.hpp"

namespace entente::exporter {

/// Where the documents behind an edge can be read: their URLs (else their
/// names in the input), " | " between them, in document order; after
/// kMaxSources of them, " | ... (N more)". GraphML's and GEXF's `sources`.
/// (`lookup`: the thread's lookups into the graph's documents.)
std::string sources(graph::DocumentList::Lookup& lookup, const std::vector<std::uint32_t>& documents,
                    std::size_t document_count);

/// The name of a document node in GraphML and GEXF: its title, else its
/// name in the input (dcterms:identifier).
std::string document_label(const graph::DocumentInfo& doc);

/// Where a document can be read: its URL, else its name in the input.
const std::string& source_of(const graph::DocumentInfo& doc);

/// The document that `doc` repeats (coop:copyOf), when it is one of the
/// graph's `document_count` documents.
std::optional<std::size_t> original_of(const graph::DocumentInfo& doc, std::size_t document_count);

/// A `mentionedIn` edge of GraphML and GEXF: node -> document, as RDF's
/// coop:mentionedIn.
struct Mention {
  graph::Vertex node;
  std::uint32_t document;
};

/// Every node's documents, nodes in `vertices` order, then document order
/// (the order of Node::documents); documents the graph does not have are left out.
std::vector<Mention> mentions(const graph::KnowledgeGraph& kg, const std::vector<graph::Vertex>& vertices);

/// One unit of a byte string read as UTF-8: a well-formed character, or the
/// maximal ill-formed subpart that Unicode (section 3.9) replaces by one U+FFFD.
struct Utf8Unit {
  std::size_t size = 1;  ///< bytes, at least 1
  char32_t code_point = 0xFFFD;
  bool well_formed = false;
};

/// The unit that starts at byte `i` of `s`.
/// requires: i < s.size(). ensures: i + size <= s.size().
Utf8Unit utf8_unit(std::string_view s, std::size_t i);

/// The length of the longest well-formed UTF-8 prefix of `s` (s.size() when
/// all of it is): runs of ASCII are skipped eight bytes at a time.
std::size_t well_formed_prefix(std::string_view s);

/// `s` with each ill-formed UTF-8 sequence replaced by U+FFFD (Serd's input).
std::string valid_utf8(std::string_view s);

/// The forms of the dates that the graph stores (graph::Node::date).
enum class DateForm {
  date,        ///< "2024-10-15"
  year_month,  ///< "2024-10"
  year,        ///< "2024"
  month_day,   ///< "--10-15", a day of an unknown year
  other,       ///< anything else
};

/// The form of `s`, by its digits and dashes (not by calendar: "2024-13" is a year_month).
DateForm date_form(std::string_view s);

/// Decimal digits, independent of the global locale.
std::string number(std::size_t value);
/// The shortest text that reads back as `value` ("2", "0.5"), independent of the locale.
std::string number(double value);

}  // namespace entente::exporter
