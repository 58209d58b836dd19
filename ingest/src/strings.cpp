#include "strings.hpp"

#include <cstdint>

namespace entente::ingest {
namespace {

/// The code point at s[i] and its length (an ill-formed byte: itself, length 1).
char32_t decode(std::string_view s, std::size_t i, std::size_t& n) {
  const auto c = static_cast<unsigned char>(s[i]);
  n = 1;
  if (c < 0x80) return c;
  std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
  if (len == 0 || i + len > s.size()) return c;
  char32_t cp = c & (0x7FU >> len);
  for (std::size_t k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) return c;
    cp = (cp << 6) | (b & 0x3FU);
  }
  n = len;
  return cp;
}

bool space(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' || cp == 0xA0 ||
         cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x2009 || cp == 0x200A || cp == 0x2007 ||
         cp == 0x3000 || (cp >= 0x2000 && cp <= 0x2006) || cp == 0x200B || cp == 0xFEFF;
}

/// The folded form of a Latin letter with a diacritic, or 0.
const char* unaccented(char32_t cp) {
  // U+00C0 .. U+00FF
  static constexpr const char* kLatin1[64] = {
      "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
      "d", "n", "o", "o", "o", "o", "o", nullptr, "o", "u", "u", "u", "u", "y", "th", "ss",
      "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
      "d", "n", "o", "o", "o", "o", "o", nullptr, "o", "u", "u", "u", "u", "y", "th", "y"};
  if (cp >= 0xC0 && cp <= 0xFF) return kLatin1[cp - 0xC0];
  if (cp == 0x152 || cp == 0x153) return "oe";
  if (cp == 0x178) return "y";
  return nullptr;
}

}  // namespace

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string collapse_spaces(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending = false;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t n = 1;
    const char32_t cp = decode(s, i, n);
    if (space(cp)) {
      pending = !out.empty();
    } else {
      if (pending) out += ' ';
      pending = false;
      out.append(s.substr(i, n));
    }
    i += n;
  }
  return out;
}

std::string fold(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending = false;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t n = 1;
    const char32_t cp = decode(s, i, n);
    i += n;
    if (space(cp)) {
      pending = !out.empty();
      continue;
    }
    if (pending) out += ' ';
    pending = false;
    if (cp < 0x80) {
      out += static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp - 'A' + 'a' : cp);
    } else if (const char* plain = unaccented(cp)) {
      out += plain;
    } else if (cp == 0x2019 || cp == 0x2018 || cp == 0x02BC) {
      out += '\'';
    } else if (cp == 0x2013 || cp == 0x2014) {
      out += '-';
    } else {
      out.append(s.substr(i - n, n));
    }
  }
  return out;
}

std::string first_of(std::initializer_list<std::string> candidates) {
  for (const auto& c : candidates)
    if (!c.empty()) return c;
  return {};
}

std::string_view base_name(std::string_view path) {
  while (!path.empty() && path.back() == '/') path.remove_suffix(1);
  const std::size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

std::string extension(std::string_view name) {
  name = base_name(name);
  const std::size_t dot = name.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return {};
  return lower_ascii(name.substr(dot + 1));
}

}  // namespace entente::ingest
