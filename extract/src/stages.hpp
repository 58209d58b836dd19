// The stages of pipeline.hpp, given the document's lexicon index so that
// run_stages looks every token up in the lexicon once for all stages.
// Internal to extract/.
#pragma once
#include "entente/extract/document.hpp"
#include "lexicon.hpp"
#include "sentence_facts.hpp"

namespace entente::extract {

/// requires: `index` was built on `doc` after segment(), and tokens have not changed since.
void recognize(Document& doc, const LexIndex& index);
/// requires: `facts` was built on `doc` after recognize(), and mentions have
/// not been added or removed since (linking only sets their entities).
void link_mentions(Document& doc, const SentenceFacts& facts);
void find_relations(Document& doc, const SentenceFacts& facts);

}  // namespace entente::extract
