// The extraction pipeline: one Document through every stage, in order.
//
//   document_from_bytes  text -> normalised text (reader.hpp; entente::ingest
//                     reads files, pages and records into that text)
//   segment           tokens, sentences (segment.hpp)
//   find_dates        dates (dates.hpp)
//   recognize         mentions: gazetteers, institution patterns, persons,
//                     agreements; overlaps settled longest-then-earliest
//   link_mentions     mentions -> document entities (within-document
//                     coreference: surnames, acronyms, name variants)
//   find_relations    relations from sentence structure
//
// Usage:
//   entente::extract::Document doc = entente::extract::document_from_bytes("a.txt", "a.txt", text);
//   entente::extract::run_stages(doc);
//   for (const auto& e : doc.entities) ...
//
// THREAD SAFETY: every function may run concurrently on distinct Documents.
#pragma once

#include "entente/extract/document.hpp"

namespace entente::extract {

/// Stage: mentions of persons, institutions, countries, places and agreements.
/// requires: segment() and find_dates() have run.
void recognize(Document& doc);

/// Stage: groups mentions into document entities (Document::entities).
void link_mentions(Document& doc);

/// Stage: relations between the document's entities, each with its sentence.
void find_relations(Document& doc);

/// Loads the language data (the lexicon and Debian's word list, otherwise
/// loaded by the first document that needs them) on two threads when
/// `threads` >= 2, so that the threads that extract do not wait in turn.
void load_language_data(unsigned threads);

/// Runs every stage after reading on `doc`.
void run_stages(Document& doc);

}  // namespace entente::extract
