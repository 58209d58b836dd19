// Text helpers shared by the writers (text.hpp).
#include "text.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <system_error>

namespace entente::exporter {
namespace {

bool digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

Utf8Unit utf8_unit(std::string_view s, std::size_t i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) return {1, b0, true};
  std::size_t len = 0;
  char32_t cp = 0;
  unsigned char lo = 0x80;  // bounds of the second byte (no overlong forms, surrogates, > U+10FFFF)
  unsigned char hi = 0xBF;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2;
    cp = b0 & 0x1Fu;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3;
    cp = b0 & 0x0Fu;
    if (b0 == 0xE0) lo = 0xA0;
    if (b0 == 0xED) hi = 0x9F;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4;
    cp = b0 & 0x07u;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;
  } else {
    return {};  // a continuation byte or an impossible lead byte
  }
  std::size_t n = 1;
  for (; n < len && i + n < s.size(); ++n) {
    const auto b = static_cast<unsigned char>(s[i + n]);
    if (b < (n == 1 ? lo : 0x80) || b > (n == 1 ? hi : 0xBF)) break;
    cp = (cp << 6) | (b & 0x3Fu);
  }
  if (n == len) return {len, cp, true};
  return {n, 0xFFFD, false};
}

std::size_t well_formed_prefix(std::string_view s) {
  constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;
  std::size_t i = 0;
  while (i < s.size()) {
    std::uint64_t word = 0;
    if (i + sizeof word <= s.size()) {
      std::memcpy(&word, s.data() + i, sizeof word);
      if ((word & kHighBits) == 0) {
        i += sizeof word;
        continue;
      }
    }
    const Utf8Unit u = utf8_unit(s, i);
    if (!u.well_formed) return i;
    i += u.size;
  }
  return s.size();
}

std::string valid_utf8(std::string_view s) {
  const std::size_t valid = well_formed_prefix(s);
  if (valid == s.size()) return std::string(s);
  std::string out;
  out.reserve(s.size() + 2);
  out.append(s.substr(0, valid));
  for (std::size_t i = valid; i < s.size();) {
    const Utf8Unit u = utf8_unit(s, i);
    out.append(u.well_formed ? s.substr(i, u.size) : std::string_view("\xEF\xBF\xBD"));
    i += u.size;
  }
  return out;
}

DateForm date_form(std::string_view s) {
  if (s.size() == 7 && s.substr(0, 2) == "--" && digits(s.substr(2, 2)) && s[4] == '-' &&
      digits(s.substr(5, 2))) {
    return DateForm::month_day;
  }
  const std::size_t dash = s.find('-');
  const std::string_view year = s.substr(0, dash);
  if (year.size() < 4 || !digits(year)) return DateForm::other;
  if (dash == std::string_view::npos) return DateForm::year;
  const std::string_view rest = s.substr(dash);
  if (rest.size() == 3 && digits(rest.substr(1))) return DateForm::year_month;
  if (rest.size() == 6 && digits(rest.substr(1, 2)) && rest[3] == '-' && digits(rest.substr(4))) {
    return DateForm::date;
  }
  return DateForm::other;
}

std::string number(std::size_t value) {
  std::array<char, 32> buf{};
  const auto r = std::to_chars(buf.data(), buf.data() + buf.size(), value);
  return std::string(buf.data(), r.ptr);
}

std::string number(double value) {
  std::array<char, 64> buf{};
  const auto r = std::to_chars(buf.data(), buf.data() + buf.size(), value);  // shortest round trip
  if (r.ec != std::errc()) return "0";
  return std::string(buf.data(), r.ptr);
}

std::string sources(graph::DocumentList::Lookup& lookup, const std::vector<std::uint32_t>& documents,
                    std::size_t document_count) {
  constexpr std::size_t kMaxSources = 10;
  std::string out;
  std::size_t shown = 0;
  for (const std::uint32_t d : documents) {
    if (d >= document_count) continue;
    if (shown == kMaxSources) {
      out += " | ... (" + std::to_string(documents.size() - kMaxSources) + " more)";
      break;
    }
    out += (shown++ == 0 ? "" : " | ") + source_of(lookup[d]);
  }
  return out;
}

std::string document_label(const graph::DocumentInfo& doc) { return doc.title.empty() ? doc.id : doc.title; }

const std::string& source_of(const graph::DocumentInfo& doc) { return doc.url.empty() ? doc.id : doc.url; }

std::optional<std::size_t> original_of(const graph::DocumentInfo& doc, std::size_t document_count) {
  if (doc.copy_of && doc.copy_of->original < document_count) return doc.copy_of->original;
  return std::nullopt;
}

std::vector<Mention> mentions(const graph::KnowledgeGraph& kg, const std::vector<graph::Vertex>& vertices) {
  std::vector<Mention> out;
  for (const graph::Vertex v : vertices) {
    for (const std::uint32_t d : kg.graph()[v].documents) {
      if (d < kg.documents().size()) out.push_back({v, d});
    }
  }
  return out;
}

}  // namespace entente::exporter
