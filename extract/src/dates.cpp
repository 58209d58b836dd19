// Stage 3: French dates (see dates.hpp).
//
// One left-to-right pass over the tokens tries, at each token, the forms in
// this order: numeric dates (01.08.2022, 01/08/2022, 2024-10-15), day-month
// dates with optional weekday and year, month-year dates with an optional
// qualifier (fin, début, mi-), periods of years (2022-2026, de 2022 à 2026),
// and bare years after a preposition (en 2021). Then the publication date:
// the document's (metadata), else a dateline in the first lines of the text
// ("Publié le vendredi 20 décembre 2013", "27 mai 2009 17h43", "RABAT, 15
// oct. (MAP) -"). A second pass gives a year to day-month dates: the one that
// puts them nearest the publication date (its weekday, when written, must
// fit), else the one year near the article's years that their weekday fits.
// With a publication date, a last pass reads relative dates: "hier",
// "avant-hier", "demain", a weekday alone ("mardi", "mardi dernier", "ce
// mardi", "mardi prochain"), "la semaine dernière", "le mois prochain",
// "l'an dernier", "cette année"; in the past unless they say otherwise.
#include "entente/extract/dates.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <optional>
#include <set>
#include <stdexcept>
#include <string_view>
#include <unordered_map>

#include "text_util.hpp"

namespace entente::extract {
namespace {

namespace tu = textutil;

struct CalendarWord {
  bool month = false;      ///< else weekday
  int value = 0;           ///< 1..12 or 0..6
  bool needs_dot = false;  ///< an abbreviation ("sept.")
};

/// The cue words of calendar.tsv: kind ("period_from", "year_cue") -> form ->
/// value (for period_from, the word between the two years: "de" 2022 "à" 2026).
/// Filled while calendar() loads; read only afterwards.
/// Cue words of one kind: form -> value, looked up by string_view.
using CueWords = std::unordered_map<std::string, std::string, tu::ViewHash, std::equal_to<>>;

std::unordered_map<std::string, CueWords>& cues() {
  static std::unordered_map<std::string, CueWords> table;
  return table;
}

/// calendar.tsv, keyed by token norm. Loaded once; immutable afterwards.
const std::unordered_map<std::string, CalendarWord>& calendar() {
  static const std::unordered_map<std::string, CalendarWord> table = [] {
    std::unordered_map<std::string, CalendarWord> t;
    const std::string_view* bytes = tu::embedded_file("calendar.tsv");
    if (bytes == nullptr) {
      return t;
    }
    std::string error = tu::for_each_tsv_row(
        "calendar.tsv", *bytes, "form\tkind\tvalue",
        [&](std::size_t line, const std::vector<std::string_view>& cells) {
          auto bad = [&](const char* why) {
            throw std::runtime_error("calendar.tsv:" + std::to_string(line) + ": " + why);
          };
          if (cells.size() != 3) {
            bad("expected 3 columns");
          }
          if (cells[1] == "period_from" || cells[1] == "year_cue") {
            cues()[std::string(cells[1])][tu::norm(cells[0])] = tu::norm(cells[2]);
            return;
          }
          CalendarWord w;
          if (cells[1] == "month") {
            w.month = true;
          } else if (cells[1] != "weekday") {
            bad("kind must be month, weekday, period_from or year_cue");
          }
          const auto r = std::from_chars(cells[2].data(), cells[2].data() + cells[2].size(), w.value);
          if (r.ec != std::errc{} || r.ptr != cells[2].data() + cells[2].size() ||
              (w.month && (w.value < 1 || w.value > 12)) || (!w.month && (w.value < 0 || w.value > 6))) {
            bad("value out of range");
          }
          std::string_view form = cells[0];
          if (!form.empty() && form.back() == '.') {
            w.needs_dot = true;
            form.remove_suffix(1);
          }
          if (form.empty()) {
            bad("empty form");
          }
          t.emplace(tu::norm(form), w);
        });
    if (!error.empty()) {
      throw std::runtime_error(error);
    }
    return t;
  }();
  return table;
}

/// The cue words of one kind (loads calendar.tsv first). Thread-safe: read only.
const CueWords& cue(const std::string& kind) {
  static const CueWords none;
  calendar();
  const auto& all = cues();
  auto it = all.find(kind);
  return it == all.end() ? none : it->second;
}

/// What a word of relative_dates.tsv says.
struct RelativeWord {
  enum class Kind : std::uint8_t { day, direction, unit, this_one, every } kind = Kind::day;
  int value = 0;  ///< day: days after the publication date; direction: -1 past, +1 future;
                  ///< unit: 0 week, 1 month, 2 year
};

/// relative_dates.tsv: single words by norm ("hier", "avant-hier" as one
/// glued form), and the dateline openers by the norms of their words joined
/// by spaces ("mis a jour") -> true for a publication, false for an update.
struct RelativeWords {
  std::unordered_map<std::string, RelativeWord> words;
  std::unordered_map<std::string, bool> datelines;
  std::size_t longest_dateline = 0;  ///< in words
};

const RelativeWords& relative_words() {
  static const RelativeWords table = [] {
    RelativeWords t;
    const std::string_view* bytes = tu::embedded_file("relative_dates.tsv");
    if (bytes == nullptr) return t;
    std::string error = tu::for_each_tsv_row(
        "relative_dates.tsv", *bytes, "form\tkind\tvalue",
        [&](std::size_t line, const std::vector<std::string_view>& cells) {
          auto bad = [&](const char* why) {
            throw std::runtime_error("relative_dates.tsv:" + std::to_string(line) + ": " + why);
          };
          if (cells.size() != 3 || cells[0].empty()) bad("expected 3 columns and a form");
          const std::string form = tu::norm(cells[0]);
          RelativeWord w;
          if (cells[1] == "dateline") {
            if (cells[2] != "published" && cells[2] != "updated") bad("a dateline is published or updated");
            t.datelines[form] = cells[2] == "published";
            t.longest_dateline = std::max<std::size_t>(
                t.longest_dateline, static_cast<std::size_t>(std::count(form.begin(), form.end(), ' ')) + 1);
            return;
          }
          if (cells[1] == "day") {
            w.kind = RelativeWord::Kind::day;
            const auto r = std::from_chars(cells[2].data(), cells[2].data() + cells[2].size(), w.value);
            if (r.ec != std::errc{} || w.value < -7 || w.value > 7) bad("a day is -7 to 7");
          } else if (cells[1] == "direction") {
            if (cells[2] != "past" && cells[2] != "future") bad("a direction is past or future");
            w.kind = RelativeWord::Kind::direction;
            w.value = cells[2] == "past" ? -1 : 1;
          } else if (cells[1] == "unit") {
            w.kind = RelativeWord::Kind::unit;
            if (cells[2] == "week") w.value = 0;
            else if (cells[2] == "month") w.value = 1;
            else if (cells[2] == "year") w.value = 2;
            else bad("a unit is week, month or year");
          } else if (cells[1] == "this") {
            w.kind = RelativeWord::Kind::this_one;
          } else if (cells[1] == "every") {
            w.kind = RelativeWord::Kind::every;
          } else {
            bad("kind must be day, direction, unit, this, every or dateline");
          }
          t.words[form] = w;
        });
    if (!error.empty()) throw std::runtime_error(error);
    return t;
  }();
  return table;
}

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : kDays[m - 1];
}

bool valid(int y, int m, int d) { return m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m); }

/// A day and month that exist in some year (29 February included).
bool valid_some_year(int m, int d) { return valid(2000, m, d); }

std::string iso(int y, int m, int d) {
  char buf[64];
  if (y > 0 && m > 0 && d > 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  } else if (y > 0 && m > 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
  } else if (y > 0) {
    std::snprintf(buf, sizeof buf, "%04d", y);
  } else {
    std::snprintf(buf, sizeof buf, "--%02d-%02d", m, d);
  }
  return buf;
}

/// Days since 1970-01-01 of a Gregorian date (Howard Hinnant's days_from_civil).
long days_from_civil(int y, int m, int d) {
  y -= m <= 2 ? 1 : 0;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

/// The date `days` after 1970-01-01.
void civil_from_days(long days, int& y, int& m, int& d) {
  days += 719468;
  const long era = (days >= 0 ? days : days - 146096) / 146097;
  const long doe = days - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  y = static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0));
}

/// A full ISO date "YYYY-MM-DD" read into its parts; false for anything else.
bool parse_iso(std::string_view s, int& y, int& m, int& d) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  auto part = [&](std::size_t at, std::size_t n, int& v) {
    return std::from_chars(s.data() + at, s.data() + at + n, v).ptr == s.data() + at + n;
  };
  return part(0, 4, y) && part(5, 2, m) && part(8, 2, d) && y >= 1000 && valid(y, m, d);
}

/// The value of a token made of 1..max_len ASCII digits, or -1.
int number(std::string_view s, std::size_t min_len, std::size_t max_len) {
  if (s.size() < min_len || s.size() > max_len) {
    return -1;
  }
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') {
      return -1;
    }
    v = v * 10 + (c - '0');
  }
  return v;
}

/// A date being recognised: tokens [first, last) and its parts (0 = absent).
struct Found {
  std::size_t first = 0, last = 0;
  int year = 0, month = 0, day = 0, weekday = -1, end_year = 0;
  std::string value;  ///< a relative date, resolved when found ("hier" -> "2024-10-14"); else ""
};

/// A dateline among the dates found: which one, and whether it gives the
/// publication (else an update).
struct Dateline {
  std::size_t found = 0;
  int rank = 0;  ///< 0 "Publié le", 1 a date alone on its line, 2 "RABAT, 15 oct. (MAP) -", 3 "Mis à jour le"
};

class Finder {
 public:
  explicit Finder(const Document& doc)
      : doc_(doc),
        toks_(doc.tokens),
        from_words_(cue("period_from")),
        year_cues_(cue("year_cue")),
        cal_at_(doc.tokens.size(), nullptr) {
    // Each word is looked up in the calendar once, for all the forms tried at
    // it; words shorter or longer than every calendar word need no lookup.
    const auto& cal = calendar();
    std::size_t shortest = std::string::npos;
    std::size_t longest = 0;
    for (const auto& [form, w] : cal) {
      shortest = std::min(shortest, form.size());
      longest = std::max(longest, form.size());
    }
    for (std::size_t i = 0; i < toks_.size(); ++i) {
      const std::size_t size = toks_[i].norm.size();
      if (!toks_[i].alpha || size < shortest || size > longest) continue;
      auto it = cal.find(toks_[i].norm);
      if (it != cal.end()) cal_at_[i] = &it->second;
    }
  }

  std::vector<Found> run() {
    std::vector<Found> out;
    for (std::size_t i = 0; i < toks_.size();) {
      std::optional<Found> f;
      bool rejected = false;
      if (!(f = numeric(i, rejected)) && !rejected && !(f = day_month(i, rejected)) && !rejected &&
          !(f = month_year(i)) && !(f = period(i))) {
        f = bare_year(i);
      }
      if (f) {
        out.push_back(*f);
        i = f->last;
      } else if (rejected) {
        i = skip_;
      } else {
        ++i;
      }
    }
    return out;
  }

 private:
  std::string_view text(std::size_t i) const { return doc_.slice(toks_[i].span); }
  std::string_view norm(std::size_t i) const { return toks_[i].norm; }
  bool exists(std::size_t i) const { return i < toks_.size(); }
  /// Token i follows token i-1 with no space.
  bool glued(std::size_t i) const { return exists(i) && !toks_[i].space_before; }
  /// Token i continues the same line as token i-1.
  bool same_line(std::size_t i) const { return exists(i) && !toks_[i].newline_before; }

  const CalendarWord* word(std::size_t i, bool month, std::size_t& next) const {
    if (!exists(i) || cal_at_[i] == nullptr || cal_at_[i]->month != month) {
      return nullptr;
    }
    next = i + 1;
    if (cal_at_[i]->needs_dot) {  // "sept." but not "sept"
      if (!glued(i + 1) || text(i + 1) != ".") {
        return nullptr;
      }
      next = i + 2;
    }
    return cal_at_[i];
  }

  /// A four-digit year token in [lo, hi].
  int year(std::size_t i, int lo, int hi) const {
    if (!exists(i) || !toks_[i].digit) {
      return 0;
    }
    const int y = number(text(i), 4, 4);
    return y >= lo && y <= hi ? y : 0;
  }

  /// A day: "15", "01", "1er", "1 er", "1^{er}", "1^er", "1ᵉʳ", "premier".
  int day(std::size_t i, std::size_t& next) const {
    if (!exists(i)) {
      return 0;
    }
    const std::string_view w = text(i);
    next = i + 1;
    if (toks_[i].digit) {
      const int d = number(w, 1, 2);
      if (d < 1 || d > 31) {
        return 0;
      }
      if (d == 1) {  // the ordinal "er" written apart or as superscript markup
        if (same_line(i + 1) && norm(i + 1) == "er") {
          next = i + 2;
        } else if (glued(i + 1) && text(i + 1) == "^") {
          if (glued(i + 2) && norm(i + 2) == "er") {
            next = i + 3;
          } else if (glued(i + 2) && text(i + 2) == "{" && glued(i + 3) && norm(i + 3) == "er" &&
                     glued(i + 4) && text(i + 4) == "}") {
            next = i + 5;
          }
        }
      }
      return d;
    }
    if (norm(i) == "1er" || w == "1\xE1\xB5\x89\xCA\xB3" /* 1ᵉʳ */ || norm(i) == "premier") {
      return 1;
    }
    return 0;
  }

  /// "01.08.2022", "01/08/2022", "01-08-2022", "2024-10-15", "2024/10/15".
  std::optional<Found> numeric(std::size_t i, bool& rejected) {
    if (!exists(i)) {
      return std::nullopt;
    }
    const std::string_view w = text(i);
    int y = 0, m = 0, d = 0;
    std::size_t last = i + 1;
    if (w.size() >= 8 && w.size() <= 10 && w.find('.') != std::string_view::npos) {  // one token
      const std::size_t p1 = w.find('.');
      const std::size_t p2 = w.find('.', p1 + 1);
      if (p2 == std::string_view::npos || w.find('.', p2 + 1) != std::string_view::npos) {
        return std::nullopt;
      }
      d = number(w.substr(0, p1), 1, 2);
      m = number(w.substr(p1 + 1, p2 - p1 - 1), 1, 2);
      y = number(w.substr(p2 + 1), 4, 4);
      if (d < 0 || m < 0 || y < 0) {
        return std::nullopt;
      }
    } else if (toks_[i].digit && glued(i + 1) && glued(i + 2) && glued(i + 3) && glued(i + 4) &&
               toks_[i + 2].digit && toks_[i + 4].digit && text(i + 1) == text(i + 3) &&
               (text(i + 1) == "/" || text(i + 1) == "-")) {
      const int a = number(w, 1, 4);
      const int b = number(text(i + 2), 1, 2);
      const std::string_view c = text(i + 4);
      if (w.size() == 4 && c.size() <= 2) {  // ISO order
        y = a, m = b, d = number(c, 1, 2);
      } else if (w.size() <= 2 && c.size() == 4) {
        d = a, m = b, y = number(c, 4, 4);
      } else {
        return std::nullopt;
      }
      if (glued(i + 5) && toks_[i + 5].digit) {
        return std::nullopt;
      }
      last = i + 5;
    } else {
      return std::nullopt;
    }
    if (y < 1000 || y > 2999 || !valid(y, m, d)) {
      rejected = true;
      skip_ = last;
      rejections_.push_back({i, last});
      return std::nullopt;
    }
    return Found{i, last, y, m, d, -1, 0, {}};
  }

  /// "[mardi] 15 octobre [2024]", "1er août 2022".
  std::optional<Found> day_month(std::size_t i, bool& rejected) {
    Found f;
    f.first = i;
    std::size_t j = i;
    std::size_t next = 0;
    if (const CalendarWord* wd = word(i, false, next)) {
      f.weekday = wd->value;
      j = next;
      if (!same_line(j)) {
        return std::nullopt;
      }
    }
    f.day = day(j, next);
    if (f.day == 0) {
      // "0 janvier", "32 décembre": a day number no month has, before a month.
      std::size_t after = 0;
      if (exists(j) && toks_[j].digit && text(j).size() <= 2 && same_line(j + 1) &&
          word(j + 1, true, after) != nullptr) {
        rejected = true;
        skip_ = after;
        rejections_.push_back({i, after});
      }
      return std::nullopt;
    }
    j = next;
    if (!same_line(j)) {
      return std::nullopt;
    }
    const CalendarWord* mw = word(j, true, next);
    if (mw == nullptr) {
      return std::nullopt;
    }
    f.month = mw->value;
    j = next;
    if (same_line(j)) {
      if (const int y = year(j, 1000, 2999)) {
        f.year = y;
        ++j;
      }
    }
    f.last = j;
    if (f.year != 0 ? !valid(f.year, f.month, f.day) : !valid_some_year(f.month, f.day)) {
      rejected = true;  // "31 février": no date, and no "février 2024" either
      skip_ = j;
      rejections_.push_back({i, j});
      return std::nullopt;
    }
    return f;
  }

  /// "[fin|début|mi-] octobre 2024".
  std::optional<Found> month_year(std::size_t i) const {
    std::size_t j = i;
    if (norm(i) == "fin" || norm(i) == "debut" || norm(i) == "courant") {
      j = i + 1;
    } else if (norm(i) == "mi" && glued(i + 1) && text(i + 1) == "-") {
      j = i + 2;
    }
    if (j != i && !same_line(j)) {
      return std::nullopt;
    }
    std::size_t next = 0;
    const CalendarWord* mw = word(j, true, next);
    if (mw == nullptr || !same_line(next)) {
      return std::nullopt;
    }
    const int y = year(next, 1000, 2999);
    if (y == 0) {
      return std::nullopt;
    }
    return Found{i, next + 1, y, mw->value, 0, -1, 0, {}};
  }

  /// "2022-2026", "2025/2026", "2025-26", "de 2022 à 2026", "entre 2022 et 2026".
  std::optional<Found> period(std::size_t i) const {
    // A period starts with a year, at i or after the word at i.
    if (!toks_[i].digit && !(exists(i + 1) && toks_[i + 1].digit)) {
      return std::nullopt;
    }
    std::size_t j = i;
    const auto from_word = from_words_.find(norm(i));
    const bool from = from_word != from_words_.end();
    if (from) {
      j = i + 1;
    }
    const int start = year(j, 1900, 2100);
    if (start == 0 || !same_line(j + 1) || !same_line(j + 2) || !exists(j + 2)) {
      return std::nullopt;
    }
    const std::string_view sep = text(j + 1);
    const bool ok_sep = from ? norm(j + 1) == from_word->second
                             : (sep == "-" || sep == "/" || sep == "\xE2\x80\x93" /* – */);
    if (!ok_sep) {
      return std::nullopt;
    }
    const std::string_view e = text(j + 2);
    int end = 0;
    if (e.size() == 4) {
      end = year(j + 2, 1900, 2100);
    } else if (e.size() == 2 && !from && toks_[j + 2].digit && glued(j + 1) && glued(j + 2)) {
      end = start / 100 * 100 + number(e, 2, 2);
    }
    if (end <= start || end - start > 100) {
      return std::nullopt;
    }
    if (glued(j + 3) && exists(j + 3) && (text(j + 3) == "-" || text(j + 3) == "/")) {
      return std::nullopt;
    }
    return Found{from ? j : i, j + 3, start, 0, 0, -1, end, {}};
  }

  /// "en 2021", "depuis 2019", "dès 2020", "l'année 2021", "l'an 2000", "fin 2021", "mi-2021".
  std::optional<Found> bare_year(std::size_t i) const {
    const int y = year(i, 1900, 2100);
    if (y == 0 || i == 0 || toks_[i].newline_before) {
      return std::nullopt;
    }
    const std::string_view p = norm(i - 1);
    bool after = year_cues_.find(p) != year_cues_.end();
    if (p == "des") {  // "dès", not the article "des"
      const std::string_view w = text(i - 1);
      after = w.size() == 4 && (w.substr(1) == "\xC3\xA8s" || w.substr(1) == "\xC3\x88S");
    }
    if (p == "an" && i >= 2 && norm(i - 2) == "l'") {
      after = true;
    }
    if (p == "-" && i >= 2 && norm(i - 2) == "mi" && glued(i - 1) && glued(i)) {
      after = true;
    }
    if (!after) {
      return std::nullopt;
    }
    return Found{i, i + 1, y, 0, 0, -1, 0, {}};
  }


 public:
  /// The first lines of the text that may hold a dateline.
  static constexpr std::size_t kDatelineLines = 8;

  /// The dateline among `found`, if the first lines hold one: a date after
  /// the words of relative_dates.tsv's datelines ("Publié le", "Mis à jour
  /// le"), a date alone on its line (a time, a time zone and a source after
  /// it: "27 mai 2009 17h43 HE", "20 décembre 2013 | Gabon News"), or an
  /// agency's ("RABAT, 15 oct. (MAP) -", "Lisbonne, 12 mars 2024 –").
  /// Only dates with a day count; the best rank wins, then the first.
  std::optional<Dateline> dateline(const std::vector<Found>& found) const {
    // Tokens that start each of the first lines.
    std::vector<std::size_t> starts;
    for (std::size_t i = 0; i < toks_.size() && starts.size() <= kDatelineLines; ++i)
      if (i == 0 || toks_[i].newline_before) starts.push_back(i);
    if (starts.empty()) return std::nullopt;
    std::optional<Dateline> best;
    for (std::size_t k = 0; k < found.size(); ++k) {
      const Found& f = found[k];
      const auto line = static_cast<std::size_t>(std::upper_bound(starts.begin(), starts.end(), f.first) - starts.begin()) - 1;
      if (line >= kDatelineLines) break;
      if (f.day == 0 || f.month == 0 || !f.value.empty()) continue;
      const std::size_t begin = starts[line];
      std::size_t end = f.last;
      while (end < toks_.size() && !toks_[end].newline_before) ++end;
      int rank = -1;
      if (auto published = dateline_words(begin, f.first)) {
        rank = *published ? 0 : 3;
      } else if (begin == f.first && decorations_only(f.last, end)) {
        rank = 1;
      } else if (agency(begin, f.first, f.last, end)) {
        rank = 2;
      }
      if (rank >= 0 && (!best || rank < best->rank)) best = Dateline{k, rank};
    }
    return best;
  }

  /// Whether tokens [first, last) are the words that open a dateline (with
  /// "le" and ":" after them optional): true for a publication, false for an
  /// update; nullopt when they are not.
  std::optional<bool> dateline_words(std::size_t first, std::size_t last) const {
    const RelativeWords& rel = relative_words();
    std::string words;
    std::size_t count = 0;
    for (std::size_t i = first; i < last; ++i) {
      if (!toks_[i].alpha) {
        if (text(i) == ":" || text(i) == "-" || text(i) == "|") continue;
        return std::nullopt;
      }
      if (++count > rel.longest_dateline + 1) return std::nullopt;
      if (!words.empty()) words += ' ';
      words += norm(i);
    }
    if (words.ends_with(" le")) words.resize(words.size() - 3);
    const auto it = rel.datelines.find(words);
    if (it == rel.datelines.end()) return std::nullopt;
    return it->second;
  }

  /// Whether tokens [first, last), after a date on its line, are only what
  /// datelines put there: a time ("17h43", "à 10:30"), a time zone, marks,
  /// and names (capitalised words: the outlet, the author).
  bool decorations_only(std::size_t first, std::size_t last) const {
    static const std::set<std::string_view> kTimeWords = {"a", "h", "he", "heure", "heures", "gmt", "utc", "cet",
                                                          "cest", "hne", "hae", "am", "pm", "mis", "jour"};
    if (last - first > 12) return false;
    for (std::size_t i = first; i < last; ++i) {
      const Token& t = toks_[i];
      if (!t.alpha || t.upper_initial || (!t.norm.empty() && t.norm[0] >= '0' && t.norm[0] <= '9')) continue;
      if (kTimeWords.count(t.norm) == 0) return false;
    }
    return true;
  }

  /// Whether a date at tokens [date, after) of a line that starts at `first`
  /// and ends at `last` is an agency's dateline: capitalised words and a comma
  /// before it ("RABAT,", "OTTAWA, ONTARIO--(Marketwire -"), a dash soon after
  /// it ("(MAP) -", ") -", "–").
  bool agency(std::size_t first, std::size_t date, std::size_t after, std::size_t last) const {
    if (date == first || date - first > 12 || !toks_[first].alpha || !toks_[first].upper_initial) return false;
    bool comma = false;
    for (std::size_t i = first; i < date; ++i) {
      if (toks_[i].alpha && !toks_[i].upper_initial) return false;
      comma = comma || text(i) == ",";
    }
    if (!comma) return false;
    for (std::size_t i = after; i < last && i < after + 4; ++i) {
      const std::string_view w = text(i);
      if (w == "-" || w == "\xE2\x80\x93" /* – */ || w == "\xE2\x80\x94" /* — */ || w == "--") return true;
    }
    return false;
  }

  /// Relative dates against the publication date `ref` (days since
  /// 1970-01-01), in the tokens that no date of `taken` covers.
  std::vector<Found> relative(long ref, const std::vector<Found>& taken) const {
    const RelativeWords& rel = relative_words();
    auto word = [&](std::size_t i) -> const RelativeWord* {
      if (!exists(i)) return nullptr;
      auto it = rel.words.find(toks_[i].norm);
      return it == rel.words.end() ? nullptr : &it->second;
    };
    auto is = [&](const RelativeWord* w, RelativeWord::Kind kind) { return w != nullptr && w->kind == kind; };
    std::vector<bool> covered(toks_.size(), false);
    for (const Found& f : taken)
      for (std::size_t i = f.first; i < f.last && i < covered.size(); ++i) covered[i] = true;
    int ry = 0, rm = 0, rd = 0;
    civil_from_days(ref, ry, rm, rd);
    const int ref_weekday = weekday(ry, rm, rd);
    auto day_value = [](long days) {
      int y = 0, m = 0, d = 0;
      civil_from_days(days, y, m, d);
      return iso(y, m, d);
    };

    std::vector<Found> out;
    for (std::size_t i = 0; i < toks_.size(); ++i) {
      if (covered[i] || !toks_[i].alpha) continue;
      Found f;
      f.first = i;
      // "hier", "avant-hier" (three glued tokens), "après-demain".
      if (glued(i + 1) && glued(i + 2) && text(i + 1) == "-") {
        const RelativeWord* w = nullptr;
        if (auto it = rel.words.find(toks_[i].norm + "-" + toks_[i + 2].norm); it != rel.words.end()) w = &it->second;
        if (is(w, RelativeWord::Kind::day) && !covered[i + 2]) {
          f.last = i + 3;
          f.value = day_value(ref + w->value);
          out.push_back(f);
          i += 2;
          continue;
        }
      }
      const RelativeWord* here = word(i);
      if (is(here, RelativeWord::Kind::day) && !(glued(i + 1) && text(i + 1) == "-") &&
          !(i > 0 && glued(i) && text(i - 1) == "-")) {
        f.last = i + 1;
        f.value = day_value(ref + here->value);
        out.push_back(f);
        continue;
      }
      const RelativeWord* before = i > 0 && !covered[i - 1] ? word(i - 1) : nullptr;
      const RelativeWord* after = exists(i + 1) && !covered[i + 1] ? word(i + 1) : nullptr;
      const int direction = is(after, RelativeWord::Kind::direction) ? after->value : 0;
      const bool this_one = is(before, RelativeWord::Kind::this_one);
      // A weekday alone: "mardi", "ce mardi", "mardi dernier", "mardi prochain".
      if (cal_at_[i] != nullptr && !cal_at_[i]->month && !cal_at_[i]->needs_dot) {
        if (is(before, RelativeWord::Kind::every) || (i > 0 && (norm(i - 1) == "les" || norm(i - 1) == "tous")) ||
            (exists(i + 1) && toks_[i + 1].digit))
          continue;
        const int wd = cal_at_[i]->value;
        long delta = 0;
        if (direction > 0) {
          delta = (wd - ref_weekday + 7) % 7;
          if (delta == 0) delta = 7;
        } else {
          delta = -((ref_weekday - wd + 7) % 7);
          if (delta == 0 && direction < 0) delta = -7;
        }
        f.first = this_one ? i - 1 : i;
        f.last = direction != 0 ? i + 2 : i + 1;
        f.weekday = wd;
        f.value = day_value(ref + delta);
        out.push_back(f);
        i = f.last - 1;
        continue;
      }
      // "la semaine dernière", "le mois prochain", "l'an dernier", "cette année".
      if (is(here, RelativeWord::Kind::unit) && (direction != 0 || this_one)) {
        int y = ry, m = rm;
        if (here->value == 0) {  // the week, Monday to Sunday
          const long monday = ref - ref_weekday + 7L * direction;
          int y1 = 0, m1 = 0, d1 = 0, y2 = 0, m2 = 0, d2 = 0;
          civil_from_days(monday, y1, m1, d1);
          civil_from_days(monday + 6, y2, m2, d2);
          if (y1 != y2) continue;
          f.value = m1 == m2 ? iso(y1, m1, 0) : iso(y1, 0, 0);
        } else if (here->value == 1) {
          m += direction;
          if (m == 0) m = 12, --y;
          if (m == 13) m = 1, ++y;
          f.value = iso(y, m, 0);
        } else {
          f.value = iso(y + direction, 0, 0);
        }
        f.first = this_one ? i - 1 : i;
        f.last = direction != 0 ? i + 2 : i + 1;
        out.push_back(f);
        i = f.last - 1;
      }
    }
    return out;
  }

 private:
  const Document& doc_;
  const std::vector<Token>& toks_;
  const CueWords& from_words_;  ///< cue("period_from")
  const CueWords& year_cues_;   ///< cue("year_cue")
  std::vector<const CalendarWord*> cal_at_;  ///< token -> its calendar word, if any
  std::size_t skip_ = 0;  ///< where to go on after a rejected date

 public:
  /// Dates written that no calendar has ("31 février 2023", "32/13/2020",
  /// "0 janvier"): their tokens [first, last), for a warning each.
  std::vector<std::pair<std::size_t, std::size_t>> rejections_;
  /// The source byte offset and the text of tokens [first, last).
  std::pair<std::size_t, std::string> where(std::pair<std::size_t, std::size_t> r) const {
    const std::size_t last = std::max(r.first + 1, r.second);
    const std::size_t begin = toks_[r.first].span.begin, end = toks_[std::min(last, toks_.size()) - 1].span.end;
    return {doc_.source_offset[begin], std::string(doc_.slice(Span{begin, end}))};
  }

 private:
};

}  // namespace

int weekday(int year, int month, int day) {
  // Sakamoto's method; gives 0 = Sunday, shifted to 0 = Monday.
  static constexpr int kOffset[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
  if (month < 1 || month > 12) {
    return -1;
  }
  const int y = month < 3 ? year - 1 : year;
  const int sunday_based = ((y + y / 4 - y / 100 + y / 400 + kOffset[month - 1] + day) % 7 + 7) % 7;
  return (sunday_based + 6) % 7;
}

namespace {

/// The year of a day-month date nearest the publication date `ref` (days
/// since 1970-01-01): among the year before, the year and the year after,
/// the one that its weekday fits (when written), nearest `ref`; without a
/// weekday, the one that puts it in the ten months before `ref` or the two
/// months after. 0 when none does.
int year_near(const Found& f, long ref) {
  int ry = 0, rm = 0, rd = 0;
  civil_from_days(ref, ry, rm, rd);
  int best = 0;
  long best_distance = 0;
  for (int y = ry - 1; y <= ry + 1; ++y) {
    if (!valid(y, f.month, f.day)) continue;
    const long diff = days_from_civil(y, f.month, f.day) - ref;
    if (f.weekday >= 0) {
      if (weekday(y, f.month, f.day) != f.weekday) continue;
      const long distance = diff < 0 ? -diff : diff;
      if (best == 0 || distance < best_distance) best = y, best_distance = distance;
    } else if (diff > -305 && diff <= 61) {
      best = y;
    }
  }
  return best;
}

/// The year of a day-month date whose weekday only one of `years` fits, else 0.
int year_by_weekday(const Found& f, const std::set<int>& years) {
  if (f.weekday < 0) return 0;
  int fits = 0, y = 0;
  for (int candidate : years) {
    if (valid(candidate, f.month, f.day) && weekday(candidate, f.month, f.day) == f.weekday) {
      ++fits;
      y = candidate;
    }
  }
  return fits == 1 ? y : 0;
}

}  // namespace

void find_dates(Document& doc) {
  doc.dates.clear();
  Finder finder(doc);
  std::vector<Found> found = finder.run();
  for (const auto& r : finder.rejections_) {
    const auto [offset, written] = finder.where(r);
    Location at{doc.path};
    at.offset = offset;
    doc.diagnostics.push_back(Diagnostic{Severity::warning, std::move(at),
                                         "'" + written + "' is no date a calendar has: not read as a date",
                                         "impossible dates"});
  }

  // The years the article gives, and those just before and after them.
  std::set<int> years;
  for (const Found& f : found) {
    if (f.year == 0) {
      continue;
    }
    const int last = f.end_year != 0 ? f.end_year : f.year;
    for (int y = f.year - 1; y <= last + 1; ++y) {
      years.insert(y);
    }
  }

  // The publication date: the metadata's, else a dateline's.
  if (doc.meta.date.empty()) {
    if (const std::optional<Dateline> line = finder.dateline(found)) {
      const Found& f = found[line->found];
      const int y = f.year != 0 ? f.year : year_by_weekday(f, years);
      doc.meta.date = iso(y, f.month, f.day);
      doc.meta.dateline = true;
    }
  }
  int ry = 0, rm = 0, rd = 0;
  const bool has_ref = parse_iso(doc.meta.date, ry, rm, rd);
  const long ref = has_ref ? days_from_civil(ry, rm, rd) : 0;

  if (has_ref) {
    std::vector<Found> rel = finder.relative(ref, found);
    const auto at = found.size();
    found.insert(found.end(), rel.begin(), rel.end());
    std::inplace_merge(found.begin(), found.begin() + static_cast<std::ptrdiff_t>(at), found.end(),
                       [](const Found& a, const Found& b) { return a.first < b.first; });
  }

  for (const Found& f : found) {
    DateMention m;
    m.span = Span{doc.tokens[f.first].span.begin, doc.tokens[f.last - 1].span.end};
    m.weekday = f.weekday;
    m.sentence = doc.tokens[f.first].sentence;
    if (!f.value.empty()) {
      m.value = f.value;
    } else {
      int y = f.year;
      if (y == 0 && f.month != 0 && f.day != 0) {
        if (has_ref) y = year_near(f, ref);
        if (y == 0) y = year_by_weekday(f, years);
      }
      m.value = iso(y, f.month, f.day);
    }
    if (f.end_year != 0) {
      m.end = std::to_string(f.end_year);
    }
    doc.dates.push_back(std::move(m));
  }
}

}  // namespace entente::extract
