#include "text_util.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <memory>
#include <vector>

#include "entente/embedded.hpp"

namespace entente::extract::textutil {

std::size_t decode(std::string_view s, std::size_t i, char32_t& cp) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    cp = b0;
    return 1;
  }
  const std::size_t left = s.size() - i;
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
  cp = 0xFFFD;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    if (left < 2 || (byte(1) & 0xC0) != 0x80) {
      return 1;
    }
    cp = (static_cast<char32_t>(b0 & 0x1F) << 6) | (byte(1) & 0x3Fu);
    return 2;
  }
  if (b0 >= 0xE0 && b0 <= 0xEF) {
    if (left < 3) {
      return 1;
    }
    const unsigned char b1 = byte(1);
    const unsigned char lo = b0 == 0xE0 ? 0xA0 : 0x80;
    const unsigned char hi = b0 == 0xED ? 0x9F : 0xBF;
    if (b1 < lo || b1 > hi || (byte(2) & 0xC0) != 0x80) {
      return 1;
    }
    cp = (static_cast<char32_t>(b0 & 0x0F) << 12) | (static_cast<char32_t>(b1 & 0x3F) << 6) |
         (byte(2) & 0x3Fu);
    return 3;
  }
  if (b0 >= 0xF0 && b0 <= 0xF4) {
    if (left < 4) {
      return 1;
    }
    const unsigned char b1 = byte(1);
    const unsigned char lo = b0 == 0xF0 ? 0x90 : 0x80;
    const unsigned char hi = b0 == 0xF4 ? 0x8F : 0xBF;
    if (b1 < lo || b1 > hi || (byte(2) & 0xC0) != 0x80 || (byte(3) & 0xC0) != 0x80) {
      return 1;
    }
    cp = (static_cast<char32_t>(b0 & 0x07) << 18) | (static_cast<char32_t>(b1 & 0x3F) << 12) |
         (static_cast<char32_t>(byte(2) & 0x3F) << 6) | (byte(3) & 0x3Fu);
    return 4;
  }
  return 1;
}

void append_utf8(std::string& out, char32_t cp) {
  auto put = [&](char32_t v) { out.push_back(static_cast<char>(static_cast<unsigned char>(v))); };
  if (cp < 0x80) {
    put(cp);
  } else if (cp < 0x800) {
    put(0xC0 | (cp >> 6));
    put(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    put(0xE0 | (cp >> 12));
    put(0x80 | ((cp >> 6) & 0x3F));
    put(0x80 | (cp & 0x3F));
  } else {
    put(0xF0 | (cp >> 18));
    put(0x80 | ((cp >> 12) & 0x3F));
    put(0x80 | ((cp >> 6) & 0x3F));
    put(0x80 | (cp & 0x3F));
  }
}

namespace {

/// Class of each ASCII byte.
constexpr std::array<CharClass, 128> kAsciiClass = [] {
  std::array<CharClass, 128> t{};
  for (std::size_t c = 0; c < 128; ++c) {
    if (c == '\n') {
      t[c] = CharClass::newline;
    } else if (c < 0x20 || c == 0x7F || c == ' ') {
      t[c] = CharClass::space;  // tabs, CR, other controls: invisible separators
    } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      t[c] = CharClass::letter;
    } else if (c >= '0' && c <= '9') {
      t[c] = CharClass::digit;
    } else {
      t[c] = CharClass::punct;
    }
  }
  return t;
}();

/// The norm of one code point computed with ICU: full case folding, NFD,
/// non-spacing and enclosing marks removed, NFC.
std::string icu_norm(char32_t cp) {
  const auto c = static_cast<UChar32>(cp);
  if (c == 0x0152 || c == 0x0153) {
    return "oe";  // Œ œ
  }
  if (c == 0x00C6 || c == 0x00E6) {
    return "ae";  // Æ æ
  }
  const int8_t type = u_charType(c);
  if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK) {
    return {};
  }
  UErrorCode ec = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(ec);
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(ec);
  icu::UnicodeString u(c);
  u.foldCase(U_FOLD_CASE_DEFAULT);
  if (U_FAILURE(ec)) {
    std::string out;
    u.toUTF8String(out);
    return out;
  }
  icu::UnicodeString d = nfd->normalize(u, ec);
  icu::UnicodeString kept;
  for (int32_t k = 0; k < d.length();) {
    const UChar32 x = d.char32At(k);
    const int8_t t = u_charType(x);
    if (t != U_NON_SPACING_MARK && t != U_ENCLOSING_MARK) {
      kept.append(x);
    }
    k += U16_LENGTH(x);
  }
  icu::UnicodeString composed = nfc->normalize(kept, ec);
  std::string out;
  (U_SUCCESS(ec) ? composed : kept).toUTF8String(out);
  return out;
}

/// Precomputed norms of U+0080..U+07FF (Latin, Greek, Cyrillic, Hebrew,
/// Arabic), each as its UTF-8 bytes and their count: appending one costs no
/// call into std::string's general append.
struct NormTable {
  static constexpr char32_t kSize = 0x800;
  static constexpr std::size_t kMaxBytes = 15;
  struct Entry {
    std::uint8_t size = 0;
    std::array<char, kMaxBytes> bytes{};
  };
  std::array<Entry, kSize> norm;
  std::vector<std::string> longer;  ///< the rare norms over kMaxBytes, by code point order (none in ICU 72)
  std::array<std::int16_t, kSize> longer_at;  ///< index into `longer`, or -1
  NormTable() {
    longer_at.fill(-1);
    for (char32_t cp = 0x80; cp < kSize; ++cp) {
      const std::string n = icu_norm(cp);
      if (n.size() > kMaxBytes) {
        longer_at[cp] = static_cast<std::int16_t>(longer.size());
        longer.push_back(n);
        continue;
      }
      norm[cp].size = static_cast<std::uint8_t>(n.size());
      std::copy(n.begin(), n.end(), norm[cp].bytes.begin());
    }
  }
  void append(std::string& out, char32_t cp) const {
    if (longer_at[cp] >= 0) {
      out += longer[static_cast<std::size_t>(longer_at[cp])];
      return;
    }
    const Entry& e = norm[cp];
    out.append(e.bytes.data(), e.size);
  }
};

const NormTable& norm_table() {
  static const NormTable table;
  return table;
}

}  // namespace

CharClass classify(char32_t cp) {
  if (cp < 0x80) {
    return kAsciiClass[cp];
  }
  if (cp == 0x85 || cp == 0x2028 || cp == 0x2029) {
    return CharClass::newline;
  }
  switch (u_charType(static_cast<UChar32>(cp))) {
    case U_SPACE_SEPARATOR:
    case U_CONTROL_CHAR:
      return CharClass::space;
    case U_LINE_SEPARATOR:
    case U_PARAGRAPH_SEPARATOR:
      return CharClass::newline;
    case U_UPPERCASE_LETTER:
    case U_LOWERCASE_LETTER:
    case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER:
    case U_OTHER_LETTER:
      return CharClass::letter;
    case U_DECIMAL_DIGIT_NUMBER:
      return CharClass::digit;
    case U_LETTER_NUMBER:
    case U_OTHER_NUMBER:
      return CharClass::number;
    case U_NON_SPACING_MARK:
    case U_ENCLOSING_MARK:
    case U_COMBINING_SPACING_MARK:
      return CharClass::mark;
    case U_FORMAT_CHAR:
      return CharClass::format;
    default:
      return CharClass::punct;
  }
}

bool is_upper(char32_t cp) {
  if (cp < 0x80) {
    return cp >= 'A' && cp <= 'Z';
  }
  const auto c = static_cast<UChar32>(cp);
  return u_isupper(c) || u_istitle(c);
}

bool is_lower(char32_t cp) {
  if (cp < 0x80) {
    return cp >= 'a' && cp <= 'z';
  }
  return u_islower(static_cast<UChar32>(cp));
}

void append_norm(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + ('a' - 'A') : cp));
  } else if (cp < NormTable::kSize) {
    norm_table().append(out, cp);
  } else {
    out += icu_norm(cp);
  }
}

void append_norm(std::string& out, std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    // A run of ASCII bytes is lower-cased as it is copied.
    std::size_t j = i;
    while (j < s.size() && static_cast<unsigned char>(s[j]) < 0x80) ++j;
    if (j > i) {
      const std::size_t at = out.size();
      out.resize(at + (j - i));
      char* to = out.data() + at;
      const char* from = s.data() + i;
      for (std::size_t k = 0; k < j - i; ++k) {
        const auto c = static_cast<unsigned char>(from[k]);
        to[k] = static_cast<char>(c + (static_cast<unsigned char>(c - 'A') < 26 ? 'a' - 'A' : 0));
      }
      i = j;
      if (i == s.size()) break;
    }
    char32_t cp = 0;
    i += decode(s, i, cp);
    append_norm(out, cp);
  }
}

std::string norm(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  append_norm(out, s);
  return out;
}

const std::string_view* embedded_file(std::string_view name) {
  for (const auto& e : embedded::entries_entente_extract()) {
    if (e.name == name) {
      return &e.bytes;
    }
  }
  return nullptr;
}

std::string for_each_tsv_row(
    std::string_view file, std::string_view bytes, std::string_view header,
    const std::function<void(std::size_t, const std::vector<std::string_view>&)>& row) {
  bool seen_header = false;
  std::size_t line_no = 0;
  std::vector<std::string_view> cells;
  for (std::size_t i = 0; i < bytes.size();) {
    std::size_t end = bytes.find('\n', i);
    if (end == std::string_view::npos) {
      end = bytes.size();
    }
    std::string_view line = bytes.substr(i, end - i);
    i = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') {
      line.remove_suffix(1);
    }
    if (line.empty() || line.front() == '#') {
      continue;
    }
    if (!seen_header) {
      if (line != header) {
        return std::string(file) + ":" + std::to_string(line_no) + ": header must be '" +
               std::string(header) + "'";
      }
      seen_header = true;
      continue;
    }
    cells.clear();
    for (std::size_t k = 0;;) {
      const std::size_t tab = line.find('\t', k);
      if (tab == std::string_view::npos) {
        cells.push_back(line.substr(k));
        break;
      }
      cells.push_back(line.substr(k, tab - k));
      k = tab + 1;
    }
    row(line_no, cells);
  }
  return {};
}

}  // namespace entente::extract::textutil
