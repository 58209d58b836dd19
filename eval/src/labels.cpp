// fold_label: the name key of scoring (score.hpp). The scorer has its own on
// purpose: the extractor's name keys (extract/names.hpp) may change with the
// extractor, and a measure must not move with what it measures.
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "entente/eval/score.hpp"

namespace entente::eval {
namespace {

/// Words dropped while they lead a folded name: honorifics and articles.
constexpr std::array<std::string_view, 14> kLeadingWords = {
    "m",   "mme",   "mlle", "mr", "monsieur", "madame", "mademoiselle",
    "roi", "reine", "le",   "la", "les",      "du",     "des"};

bool is_apostrophe(UChar32 c) { return c == '\'' || c == 0x2019 || c == 0x2018 || c == 0x02BC || c == '`'; }

/// Folded characters split into words.
std::vector<std::string> folded_words(std::string_view label) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkd = icu::Normalizer2::getNFKDInstance(status);
  const icu::UnicodeString source =
      icu::UnicodeString::fromUTF8(icu::StringPiece(label.data(), static_cast<int32_t>(label.size())));
  const icu::UnicodeString decomposed = U_SUCCESS(status) ? nfkd->normalize(source, status) : source;
  std::vector<std::string> words;
  icu::UnicodeString word;
  auto end_word = [&] {
    if (word.isEmpty()) return;
    std::string utf8;
    word.toUTF8String(utf8);
    words.push_back(std::move(utf8));
    word.remove();
  };
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (u_getCombiningClass(c) != 0 || u_charType(c) == U_NON_SPACING_MARK) continue;
    if (is_apostrophe(c)) {
      word.append(static_cast<UChar32>('\''));
    } else if (u_isalnum(c) != 0) {
      word.append(u_tolower(c));
    } else {
      end_word();
    }
  }
  end_word();
  return words;
}

}  // namespace

std::string fold_label(std::string_view label) {
  std::vector<std::string> words = folded_words(label);
  std::size_t first = 0;
  while (first < words.size()) {
    const std::string& w = words[first];
    const bool has_next = first + 1 < words.size();
    const std::string_view next = has_next ? std::string_view(words[first + 1]) : std::string_view();
    bool known = false;
    for (const auto k : kLeadingWords) known = known || w == k;
    if (known) {
      ++first;
    } else if (w == "sa" && next == "majeste") {
      first += 2;
    } else if (w == "de" && (next == "la" || next.starts_with("l'"))) {
      ++first;  // "de la ...", "de l'...": the article goes next
    } else if (w.starts_with("l'") || w.starts_with("d'")) {
      words[first].erase(0, 2);  // elided article
      if (words[first].empty()) ++first;
    } else {
      break;
    }
  }
  std::string out;
  for (std::size_t i = first; i < words.size(); ++i) {
    if (!out.empty()) out += ' ';
    out += words[i];
  }
  return out;
}

std::string_view to_string(Class c) {
  switch (c) {
    case Class::person:
      return "Person";
    case Class::institution:
      return "Institution";
    case Class::country:
      return "Country";
    case Class::agreement:
      return "Agreement";
    case Class::place:
      return "Place";
  }
  return "Person";
}

std::string_view to_string(Predicate p) {
  switch (p) {
    case Predicate::memberOf:
      return "memberOf";
    case Predicate::country:
      return "country";
    case Predicate::cooperatesWith:
      return "cooperatesWith";
    case Predicate::party:
      return "party";
    case Predicate::signatory:
      return "signatory";
    case Predicate::participant:
      return "participant";
  }
  return "memberOf";
}

}  // namespace entente::eval
