#include "sentence_facts.hpp"

#include "lexicon.hpp"
#include "rules.hpp"

namespace entente::extract {

SentenceFacts::SentenceFacts(const Document& d, const LexIndex& index)
    : d_(d),
      index_(index),
      triggers_(d.sentences.size()),
      mentions_(d.sentences.size()),
      first_(d.sentences.size()) {
  for (std::uint32_t i = 0; i < d.tokens.size(); ++i) {
    if (!index_.has(i, LexKind::trigger)) continue;
    for (const auto& m : index_.at(i)) {
      bool found = false;
      for (const auto& h : *m.hits) {
        if (h.kind != LexKind::trigger || !Lexicon::accents_match(d, m, h)) continue;
        const auto s = d.tokens[i].sentence;
        triggers_[s].push_back(Trigger{h.value, i, m.last});
        bool seen = false;
        for (const auto& f : first_[s]) seen = seen || f.first == h.value;
        if (!seen) first_[s].emplace_back(h.value, i);
        found = true;
      }
      if (found) break;  // longest trigger only
    }
  }
  for (std::size_t k = 0; k < d.mentions.size(); ++k) {
    const auto& m = d.mentions[k];
    if (m.first_token < d.tokens.size()) mentions_[d.tokens[m.first_token].sentence].push_back(static_cast<int>(k));
  }
}

bool SentenceFacts::has(std::uint32_t sentence, std::string_view relation) const {
  return find(sentence, relation) >= 0;
}

long SentenceFacts::find(std::uint32_t sentence, std::string_view relation) const {
  for (const auto& [r, first] : first_[sentence])
    if (r == relation) return static_cast<long>(first);
  return -1;
}

bool SentenceFacts::is_anaphoric(const Mention& m) const {
  if (m.first_token == 0) return false;
  const auto& prev = d_.tokens[m.first_token - 1].norm;
  return rules::has_class(prev, "demonstrative") || rules::is_determiner(prev);
}

bool SentenceFacts::reports_conclusion(std::uint32_t sentence, const Mention& agreement) const {
  if (has(sentence, "negate")) return false;
  const bool generic = rules::has_class(agreement.key, "generic_agreement");
  // "Cet accord prévoit la mise en place de patrouilles": an instrument named
  // again is reported concluded only by a signing about it ("Cet accord,
  // signé mardi", "la signature de cet accord").
  const bool again = agreement.first_token > 0 && rules::has_class(d_.tokens[agreement.first_token - 1].norm, "demonstrative");
  for (const auto& t : triggers_[sentence]) {
    if (t.relation != "launch" && !(t.relation == "sign" && !generic)) continue;
    if (irrealis_before(sentence, t.first)) continue;
    if (again && !(t.relation == "sign" && t.first >= agreement.last_token && t.first <= agreement.last_token + 4) &&
        !(t.last <= agreement.first_token && agreement.first_token <= t.last + 3))
      continue;
    // A cooperation is launched, not signed, and launched right where it is
    // named ("lancent une coopération", "la coopération ..., lancée par"):
    // "créer un nouveau modèle de coopération" far into a wish is no agreement.
    if (generic) {
      const bool before = t.last <= agreement.first_token && agreement.first_token - t.last <= 4;
      const bool after = t.first >= agreement.last_token && t.first - agreement.last_token <= 8;
      if (!before && !after) continue;
    }
    return true;
  }
  return false;
}

bool SentenceFacts::irrealis_before(std::uint32_t sentence, std::uint32_t trigger) const {
  // A wish, a plan or a future: "était disposée à ... créer", "souhaitent
  // signer", "la signature prochaine d'un accord", "bientôt signé".
  const std::uint32_t first = d_.sentences[sentence].first_token;
  for (std::uint32_t k = first; k < trigger; ++k)
    if (rules::has_class(d_.tokens[k].norm, "irrealis")) return true;
  for (std::uint32_t k = trigger + 1; k < d_.sentences[sentence].last_token && k <= trigger + 2; ++k)
    if (rules::has_class(d_.tokens[k].norm, "irrealis")) return true;
  return false;
}

}  // namespace entente::extract
