#include "entente/extract/names.hpp"

#include <algorithm>
#include <cctype>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

namespace entente::extract {

std::string fold_ascii(std::string_view text) {
  // Most names are plain ASCII: no need for ICU.
  if (std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
    return std::string(text);
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  icu::UnicodeString src = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  icu::UnicodeString decomposed = U_SUCCESS(status) ? nfd->normalize(src, status) : src;
  std::string out;
  out.reserve(text.size());
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    // nfd->getCombiningClass is u_getCombiningClass without looking the instance up again.
    const uint8_t ccc = U_SUCCESS(status) ? nfd->getCombiningClass(c) : u_getCombiningClass(c);
    if (ccc != 0 || u_charType(c) == U_NON_SPACING_MARK) continue;
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
    } else if (c == 0x0153) {
      out += "oe";
    } else if (c == 0x0152) {
      out += "OE";
    } else if (c == 0x00E6) {
      out += "ae";
    } else if (c == 0x00C6) {
      out += "AE";
    } else if (c == 0x00DF) {
      out += "ss";
    } else if (c == 0x2019 || c == 0x2018 || c == 0x02BC) {
      out.push_back('\'');
    } else if (u_isalpha(c) != 0) {
      icu::UnicodeString one(c);
      one.toUTF8String(out);
    } else {
      out.push_back(' ');
    }
  }
  return out;
}

std::string name_key(std::string_view name) {
  std::string folded = fold_ascii(name);
  std::string out;
  out.reserve(folded.size());
  bool space = true;
  for (char ch : folded) {
    auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) != 0 || c >= 0x80) {
      char lower = static_cast<char>(std::tolower(c));
      if (!out.empty() && out.back() == lower && std::isalpha(c) != 0) continue;  // doubled letter
      out.push_back(lower);
      space = false;
    } else if (!space) {
      out.push_back(' ');
      space = true;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string institution_key(std::string_view name) {
  static constexpr std::string_view kFunctionWords[] = {"de", "du", "des", "la", "le", "les", "l",
                                                        "d",  "et", "a",   "au", "aux", "en"};
  std::string out;
  for (const auto& w : key_words(name_key(name))) {
    if (std::find(std::begin(kFunctionWords), std::end(kFunctionWords), w) != std::end(kFunctionWords)) continue;
    if (!out.empty()) out.push_back(' ');
    out += w;
  }
  return out;
}

std::string person_key(std::string_view name) {
  const std::vector<std::string> words = key_words(name_key(name));
  // A middle initial is written or not: "Christopher A. Wray" is "Christopher Wray".
  const auto full = std::count_if(words.begin(), words.end(), [](const std::string& w) { return w.size() > 1; });
  std::string out;
  for (const auto& w : words) {
    if (w == "el" || w == "al") continue;
    if (w.size() == 1 && full >= 2) continue;
    if (!out.empty()) out.push_back(' ');
    out += w;
  }
  return out.empty() ? name_key(name) : out;
}

std::vector<std::string> key_words(std::string_view key) {
  std::vector<std::string> words;
  std::size_t i = 0;
  while (i < key.size()) {
    std::size_t j = key.find(' ', i);
    if (j == std::string_view::npos) j = key.size();
    if (j > i) words.emplace_back(key.substr(i, j - i));
    i = j + 1;
  }
  return words;
}

}  // namespace entente::extract
