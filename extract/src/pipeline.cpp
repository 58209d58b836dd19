#include "entente/extract/pipeline.hpp"

#include <thread>

#include "entente/extract/dates.hpp"
#include "entente/extract/reader.hpp"
#include "entente/extract/segment.hpp"
#include "lexicon.hpp"
#include "stages.hpp"

namespace entente::extract {

void load_language_data(unsigned threads) {
  if (threads < 2) return;  // loaded when first needed
  std::thread words([] { (void)Lexicon::has_dictionary(); });
  (void)Lexicon::french();
  words.join();
}

void run_stages(Document& doc) {
  segment(doc);
  find_dates(doc);
  // Every token is looked up in the lexicon once, for all the stages after.
  const LexIndex index(Lexicon::french(), doc);
  recognize(doc, index);
  // What each sentence says is read once, for linking and relations.
  const SentenceFacts facts(doc, index);
  link_mentions(doc, facts);
  find_relations(doc, facts);
}

}  // namespace entente::extract
