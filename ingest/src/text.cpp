// Bytes -> UTF-8 (ICU, uchardet) and the language of a text (CLD2). See text.hpp.
#include "entente/ingest/text.hpp"

#include <cld2/public/compact_lang_det.h>
#include <uchardet.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>
#include <limits>
#include <memory>
#include <string>

namespace entente::ingest {
namespace {

/// The length of the UTF-8 sequence at s[i], or 0 when it is ill-formed
/// (overlong forms, surrogates and code points past U+10FFFF included).
std::size_t sequence(std::string_view s, std::size_t i) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = b(i);
  if (c < 0x80) return 1;
  std::size_t n = 0;
  unsigned char lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (i + n > s.size()) return 0;
  if (b(i + 1) < lo || b(i + 1) > hi) return 0;
  for (std::size_t k = 2; k < n; ++k)
    if ((b(i + k) & 0xC0) != 0x80) return 0;
  return n;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

/// The name ICU converts with, for a charset name from a page or a detector:
/// Latin-1 and ASCII are read as windows-1252, as browsers do.
std::string converter_name(std::string_view charset) {
  std::string name = lower(charset);
  while (!name.empty() && (name.back() == ' ' || name.back() == '"' || name.back() == '\'')) name.pop_back();
  if (name == "iso-8859-1" || name == "iso8859-1" || name == "latin1" || name == "latin-1" || name == "l1" ||
      name == "us-ascii" || name == "ascii" || name == "ansi_x3.4-1968" || name == "iso_8859-1" ||
      name == "cp1252" || name == "windows-1252" || name == "x-cp1252")
    return "windows-1252";
  return name;
}

/// Converts `bytes` from `charset` to UTF-8 with ICU; false when ICU does not
/// know the charset (or the text is over 2 GiB). Unmappable bytes become U+FFFD.
bool convert(std::string_view bytes, const std::string& charset, std::string& out) {
  if (bytes.size() >= static_cast<std::size_t>(std::numeric_limits<int32_t>::max())) return false;
  UErrorCode ec = U_ZERO_ERROR;
  std::unique_ptr<UConverter, void (*)(UConverter*)> conv(ucnv_open(charset.c_str(), &ec), ucnv_close);
  if (U_FAILURE(ec) || !conv) return false;
  const icu::UnicodeString text(bytes.data(), static_cast<int32_t>(bytes.size()), conv.get(), ec);
  if (U_FAILURE(ec)) return false;
  out.clear();
  text.toUTF8String(out);
  return true;
}

}  // namespace

bool valid_utf8(std::string_view bytes) { return first_invalid_utf8(bytes) == std::string_view::npos; }

std::size_t first_invalid_utf8(std::string_view bytes) {
  for (std::size_t i = 0; i < bytes.size();) {
    // Runs of ASCII, eight bytes at a time.
    while (i + 8 <= bytes.size()) {
      std::uint64_t word = 0;
      for (std::size_t k = 0; k < 8; ++k) word |= static_cast<std::uint64_t>(static_cast<unsigned char>(bytes[i + k])) << (8 * k);
      if ((word & 0x8080808080808080ULL) != 0) break;
      i += 8;
    }
    if (i >= bytes.size()) break;
    const std::size_t n = sequence(bytes, i);
    if (n == 0) return i;
    i += n;
  }
  return std::string_view::npos;
}

std::string detect_charset(std::string_view bytes) {
  uchardet_t detector = uchardet_new();
  if (detector == nullptr) return {};
  // A few hundred KiB decide as well as the whole.
  const std::size_t n = std::min<std::size_t>(bytes.size(), std::size_t{256} << 10U);
  std::string found;
  if (uchardet_handle_data(detector, bytes.data(), n) == 0) {
    uchardet_data_end(detector);
    if (const char* name = uchardet_get_charset(detector); name != nullptr && *name != '\0') found = name;
  }
  uchardet_delete(detector);
  if (found.empty()) return found;
  const std::string icu = converter_name(found);
  return icu == "utf-8" ? std::string("UTF-8") : icu;
}

Decoded decode(std::string_view bytes, std::string_view declared) {
  Decoded d;
  const auto starts = [&](std::string_view bom) { return bytes.substr(0, bom.size()) == bom; };
  // Byte order marks; UTF-32 LE before UTF-16 LE, whose mark it begins with.
  struct Bom {
    std::string_view bytes;
    const char* charset;
  };
  static constexpr Bom kBoms[] = {
      {std::string_view("\xFF\xFE\x00\x00", 4), "UTF-32LE"},
      {std::string_view("\x00\x00\xFE\xFF", 4), "UTF-32BE"},
      {"\xFF\xFE", "UTF-16LE"},
      {"\xFE\xFF", "UTF-16BE"},
  };
  if (starts("\xEF\xBB\xBF")) {
    d.text.assign(bytes.substr(3));
    return d;
  }
  for (const Bom& bom : kBoms) {
    if (!starts(bom.bytes)) continue;
    if (!convert(bytes.substr(bom.bytes.size()), bom.charset, d.text)) {
      d.error = std::string("cannot convert from ") + bom.charset;
      d.text.clear();
    }
    d.assumed = bom.charset;
    return d;
  }
  d.first_invalid = first_invalid_utf8(bytes);
  if (d.first_invalid == std::string_view::npos) {
    d.text.assign(bytes);
    return d;
  }
  std::string charset;
  if (!declared.empty()) {
    charset = converter_name(declared);
    if (charset == "utf-8" || charset == "utf8") charset.clear();  // a false claim: ask the detector
  }
  if (charset.empty()) {
    charset = detect_charset(bytes);
    d.detected = true;
    if (charset.empty() || charset == "UTF-8") {
      // Not UTF-8, and the detector is unsure: the usual encoding of French archives.
      charset = "windows-1252";
    }
  }
  if (!convert(bytes, charset, d.text)) {
    d.error = "unknown encoding '" + charset + "'";
    d.text.assign(bytes);
    return d;
  }
  d.assumed = charset;
  return d;
}

Guess identify_language(std::string_view utf8) {
  Guess g;
  // The first 2 KiB (a headline and a few paragraphs: CLD2 is reliable from
  // a few hundred letters, and its cost grows with the bytes it is given,
  // about 250 instructions a byte), cut before a continuation byte.
  std::size_t n = std::min<std::size_t>(utf8.size(), kLanguageSample);
  while (n > 0 && n < utf8.size() && (static_cast<unsigned char>(utf8[n]) & 0xC0) == 0x80) --n;
  int valid_prefix = 0;
  bool reliable = false;
  const CLD2::Language lang = CLD2::DetectLanguageCheckUTF8(utf8.data(), static_cast<int>(n), true, &reliable,
                                                            &valid_prefix);
  if (lang == CLD2::UNKNOWN_LANGUAGE) return g;
  const char* code = CLD2::LanguageCode(lang);
  if (code == nullptr) return g;
  g.code = code;
  // CLD2 names a few languages by longer codes ("zh-Hant", "sr-ME"): keep the language.
  if (const auto dash = g.code.find('-'); dash != std::string::npos) g.code.resize(dash);
  g.reliable = reliable;
  return g;
}

}  // namespace entente::ingest
