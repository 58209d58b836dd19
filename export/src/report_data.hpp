// Internal to entente_export: the graph as report.html's network view reads
// it (report.cpp writes it into the page; report/report.js reads it), and
// the escaping that keeps text from the corpus inert in a page.
//
// The JSON document, one object (docs/FORMATS.md, "report.html"):
//   "version": 1,
//   "base": the IRI namespace of nodes; a node's IRI is base + its "i",
//   "types": [{"name": "Country", "color": "#59a14f"}, ...] (style.hpp),
//   "relations": ["party", ...],
//   "documents": [{"id": file name, "title": headline or ""}, ...] by index,
//   "sentences": ["...", ...]: every sentence text once,
//   "evidence": true when the graph kept its sentences' offsets (false
//      with --no-evidence) and sentences were given,
//   "perEdge": kReportSentencesPerEdge,
//   "nodes": [{ "t": type index, "l": label, "i": IRI after base,
//               "x", "y": position (integers, ForceAtlas2),
//               "a": [alt labels], "c": country (ISO alpha-2; a country's own
//               key), "q": Wikidata QID, "r": [roles], "d": [document indices],
//               "k": agreement kind, "date", "end": agreement dates,
//               "h": 1 when hidden until asked for: an entity without edges
//               (most are places named in passing) }]
//      in KnowledgeGraph::sorted_vertices() order, empty members left out,
//   "edges": [{ "s", "o": node indices, "p": relation index, "w": weight,
//               "date": the agreement's, "d": [document indices],
//               "e": [[sentence index, document index], ...] at most perEdge,
//               "n": the edge's sentences in all, when more than "e" holds }]
//      in sorted_edges() order.
//
// THREAD SAFETY: pure functions.
#pragma once
#include <array>
#include <string>
#include <string_view>

#include "entente/export/writers.hpp"

namespace entente::exporter {

/// The entity types and the relations in the order the page lists them (in
/// its tables and filters); "types" and "relations" of the JSON, which nodes
/// and edges index.
inline constexpr std::array kReportTypes = {graph::EntityType::Country, graph::EntityType::Institution,
                                            graph::EntityType::Person, graph::EntityType::Agreement,
                                            graph::EntityType::Place};
inline constexpr std::array kReportRelations = {
    graph::Predicate::party,    graph::Predicate::signatory, graph::Predicate::participant,
    graph::Predicate::memberOf, graph::Predicate::country,   graph::Predicate::cooperatesWith};

/// `text` as a JSON string (with its quotes) that is also safe inside an
/// HTML <script> element: what XML forbids is dropped (xml_text), and
/// < > & U+2028 U+2029 and the bidirectional controls (U+200E, U+200F,
/// U+202A-U+202E, U+2066-U+2069) are written as \uXXXX, so that neither
/// "</script>" nor "<!--" can appear and the source reads in order.
void append_json_string(std::string& out, std::string_view text);

/// The JSON document above. `sentences` may be null (no sentences).
std::string report_json(const graph::KnowledgeGraph& kg, const ReportSentences* sentences);

}  // namespace entente::exporter
