// What each sentence says, as the relation rules need it: its trigger words
// (triggers.tsv) and its mentions. Internal to extract/.
//
// WHAT IT REPRESENTS: an index over one Document, built once per stage.
// THREAD SAFETY: read-only after construction.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "entente/extract/document.hpp"
#include "lexicon.hpp"

namespace entente::extract {

class SentenceFacts {
 public:
  /// requires: `index` outlives this object and was built on `d`.
  SentenceFacts(const Document& d, const LexIndex& index);

  /// A trigger found in a sentence: its class (sign, launch, between, ...) and tokens.
  struct Trigger {
    std::string relation;
    std::uint32_t first = 0, last = 0;
  };
  const std::vector<Trigger>& triggers(std::uint32_t sentence) const { return triggers_[sentence]; }
  bool has(std::uint32_t sentence, std::string_view relation) const;
  /// Token index of the first trigger of `relation` in the sentence, or -1.
  long find(std::uint32_t sentence, std::string_view relation) const;

  /// Mentions (indices into Document::mentions) of the sentence, in order.
  const std::vector<int>& mentions(std::uint32_t sentence) const { return mentions_[sentence]; }

  /// Whether the sentence reports the instrument of `agreement` as signed,
  /// concluded, adopted or launched (and not denied).
  bool reports_conclusion(std::uint32_t sentence, const Mention& agreement) const;

  /// Whether a word of wish, plan or future ("disposée à", "souhaitent",
  /// "prochaine", "bientôt") comes before the trigger at token `trigger` in
  /// its sentence, or right after it.
  bool irrealis_before(std::uint32_t sentence, std::uint32_t trigger) const;

  /// The lexicon's phrases of the document, by token.
  const LexIndex& index() const { return index_; }

  /// Whether a demonstrative or definite article introduces the mention ("cet accord").
  bool is_anaphoric(const Mention& m) const;

 private:
  const Document& d_;
  const LexIndex& index_;
  std::vector<std::vector<Trigger>> triggers_;
  std::vector<std::vector<int>> mentions_;
  std::vector<std::vector<std::pair<std::string, std::uint32_t>>> first_;  ///< per sentence: relation -> first token
};

}  // namespace entente::extract
