// Metadata values in their usual forms -> the forms of the graph: dates,
// language codes; and the options that name fields and languages.
#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cstdio>
#include <ctime>
#include <string>

#include "entente/ingest/ingest.hpp"
#include "strings.hpp"

namespace entente::ingest {
namespace {

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

bool valid(int y, int m, int d) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return y >= 1000 && y <= 2999 && m >= 1 && m <= 12 && d >= 1 && d <= (m == 2 && leap(y) ? 29 : kDays[m - 1]);
}

std::string iso(int y, int m, int d) {
  char buf[32];
  if (d > 0) std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  else if (m > 0) std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
  else std::snprintf(buf, sizeof buf, "%04d", y);
  return buf;
}

/// The digits at s[i..], at most `max` of them: their value, or -1; `i` moves past them.
int digits(std::string_view s, std::size_t& i, std::size_t min, std::size_t max) {
  std::size_t j = i;
  int v = 0;
  while (j < s.size() && j - i < max && s[j] >= '0' && s[j] <= '9') v = v * 10 + (s[j++] - '0');
  if (j - i < min) return -1;
  i = j;
  return v;
}

/// Month names (French and English, folded; abbreviations with or without dot) -> 1..12.
int month_number(std::string_view word) {
  struct Month {
    std::string_view name;
    int number;
  };
  static constexpr Month kMonths[] = {
      {"janvier", 1},   {"janv", 1},     {"january", 1},   {"jan", 1},    {"fevrier", 2},  {"fevr", 2},
      {"february", 2},  {"feb", 2},      {"fev", 2},       {"mars", 3},   {"march", 3},    {"mar", 3},
      {"avril", 4},     {"avr", 4},      {"april", 4},     {"apr", 4},    {"mai", 5},      {"may", 5},
      {"juin", 6},      {"june", 6},     {"jun", 6},       {"juillet", 7}, {"juil", 7},    {"july", 7},
      {"jul", 7},       {"aout", 8},     {"august", 8},    {"aug", 8},    {"septembre", 9}, {"sept", 9},
      {"september", 9}, {"sep", 9},      {"octobre", 10},  {"oct", 10},   {"october", 10}, {"novembre", 11},
      {"nov", 11},      {"november", 11}, {"decembre", 12}, {"dec", 12},  {"december", 12}};
  while (!word.empty() && word.back() == '.') word.remove_suffix(1);
  for (const Month& m : kMonths)
    if (word == m.name) return m.number;
  return 0;
}

}  // namespace

std::string iso_date(std::string_view text) {
  const std::string s = fold(text);
  if (s.empty()) return {};
  std::size_t i = 0;
  // Unix seconds (9 or 10 digits) or milliseconds (12 or 13).
  if (s.find_first_not_of("0123456789") == std::string::npos && s.size() >= 9 && s.size() <= 13 && s.size() != 11) {
    long long v = 0;
    std::from_chars(s.data(), s.data() + s.size(), v);
    if (s.size() >= 12) v /= 1000;
    const auto t = static_cast<std::time_t>(v);
    std::tm tm{};
    if (gmtime_r(&t, &tm) == nullptr) return {};
    return iso(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
  }
  // ISO: 2024-10-15..., 2024/10/15, 2024-10, 2024.
  if (s.size() >= 4 && std::isdigit(static_cast<unsigned char>(s[0])) != 0 && (s.size() == 4 || s[4] == '-' || s[4] == '/')) {
    const int y = digits(s, i, 4, 4);
    if (y < 0) return {};
    if (i == s.size()) return y >= 1000 && y <= 2999 ? iso(y, 0, 0) : std::string();
    ++i;
    const int m = digits(s, i, 1, 2);
    if (m < 1 || m > 12) return {};
    if (i == s.size() || (s[i] != '-' && s[i] != '/')) return (i == s.size() && y >= 1000) ? iso(y, m, 0) : std::string();
    ++i;
    const int d = digits(s, i, 1, 2);
    return valid(y, m, d) ? iso(y, m, d) : std::string();
  }
  // Day first: 15/10/2024, 15.10.2024, 15-10-2024.
  if (std::isdigit(static_cast<unsigned char>(s[0])) != 0) {
    const int d = digits(s, i, 1, 2);
    if (i < s.size() && (s[i] == '/' || s[i] == '.' || s[i] == '-')) {
      ++i;
      const int m = digits(s, i, 1, 2);
      if (m > 0 && i < s.size() && (s[i] == '/' || s[i] == '.' || s[i] == '-')) {
        ++i;
        const int y = digits(s, i, 4, 4);
        return valid(y, m, d) ? iso(y, m, d) : std::string();
      }
      return {};
    }
  }
  // Words: "Tue, 15 Oct 2024 08:30:00 GMT", "mardi 15 octobre 2024", "October 15, 2024", "le 1er mai 2024".
  int y = 0, m = 0, d = 0;
  std::size_t at = 0;
  while (at < s.size()) {
    std::size_t end = s.find_first_of(" ,", at);
    if (end == std::string::npos) end = s.size();
    std::string_view word = std::string_view(s).substr(at, end - at);
    at = end + 1;
    if (word.empty()) continue;
    if (word == "1er") word = "1";
    if (word.find(':') != std::string_view::npos) break;  // a time: the date is before it
    if (std::isdigit(static_cast<unsigned char>(word[0])) != 0) {
      int v = 0;
      const auto r = std::from_chars(word.data(), word.data() + word.size(), v);
      if (r.ptr != word.data() + word.size()) continue;
      if (word.size() == 4 && y == 0) y = v;
      else if (word.size() <= 2 && d == 0) d = v;
    } else if (m == 0) {
      m = month_number(word);
    }
  }
  if (y != 0 && m != 0 && d != 0) return valid(y, m, d) ? iso(y, m, d) : std::string();
  if (y != 0 && m != 0 && y >= 1000 && y <= 2999) return iso(y, m, 0);
  return {};
}

std::string language_code(std::string_view text) {
  std::string s = fold(text);
  if (const auto cut = s.find_first_of("-_;, ("); cut != std::string::npos) s.resize(cut);
  if (s.size() == 2 && std::all_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; })) return s;
  struct Name {
    std::string_view name;
    std::string_view code;
  };
  static constexpr Name kNames[] = {
      {"fra", "fr"},     {"fre", "fr"},       {"french", "fr"},   {"francais", "fr"}, {"eng", "en"},
      {"english", "en"}, {"anglais", "en"},   {"spa", "es"},      {"spanish", "es"},  {"espagnol", "es"},
      {"espanol", "es"}, {"deu", "de"},       {"ger", "de"},      {"german", "de"},   {"allemand", "de"},
      {"deutsch", "de"}, {"ita", "it"},       {"italian", "it"},  {"italien", "it"},  {"ara", "ar"},
      {"arabic", "ar"},  {"arabe", "ar"},     {"por", "pt"},      {"portuguese", "pt"}, {"portugais", "pt"},
      {"nld", "nl"},     {"dut", "nl"},       {"dutch", "nl"},    {"neerlandais", "nl"}, {"rus", "ru"},
      {"russian", "ru"}, {"russe", "ru"},     {"zho", "zh"},      {"chi", "zh"},      {"chinese", "zh"},
      {"chinois", "zh"}, {"tur", "tr"},       {"turkish", "tr"},  {"turc", "tr"}};
  for (const Name& n : kNames)
    if (s == n.name) return std::string(n.code);
  return {};
}

std::string_view to_string(Field f) {
  switch (f) {
    case Field::text: return "text";
    case Field::html: return "html";
    case Field::title: return "title";
    case Field::url: return "url";
    case Field::date: return "date";
    case Field::language: return "language";
    case Field::publisher: return "publisher";
  }
  return "text";
}

bool add_field_option(std::string_view spec, Options& options, std::string& error) {
  const std::size_t eq = spec.find('=');
  if (eq == std::string_view::npos || eq + 1 == spec.size()) {
    error = "expected FIELD=NAME (e.g. text=article), got '" + std::string(spec) + "'";
    return false;
  }
  const std::string field = lower_ascii(spec.substr(0, eq));
  constexpr std::array<Field, 7> kAll = {Field::text,     Field::html,      Field::title, Field::url,
                                         Field::date,     Field::language,  Field::publisher};
  for (const Field f : kAll) {
    if (field != to_string(f) && !(f == Field::publisher && field == "source")) continue;
    options.fields[f].emplace_back(spec.substr(eq + 1));
    return true;
  }
  error = "unknown field '" + field + "' (text html title url date language publisher)";
  return false;
}

bool set_languages(std::string_view list, Options& options, std::string& error) {
  std::vector<std::string> codes;
  for (std::size_t i = 0; i <= list.size();) {
    const std::size_t j = std::min(list.find(',', i), list.size());
    const std::string code = lower_ascii(list.substr(i, j - i));
    i = j + 1;
    if (code.empty()) continue;
    if (code == "all" || code == "any" || code == "*") {
      options.languages.clear();
      return true;
    }
    const std::string normal = language_code(code);
    if (normal.empty()) {
      error = "'" + code + "' is not a language code (ISO 639-1: fr, en, es, ...; or all)";
      return false;
    }
    if (std::find(codes.begin(), codes.end(), normal) == codes.end()) codes.push_back(normal);
  }
  if (codes.empty()) {
    error = "no language given (fr, en, ...; or all)";
    return false;
  }
  options.languages = std::move(codes);
  return true;
}

}  // namespace entente::ingest
