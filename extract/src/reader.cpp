// Stage 1: bytes -> Document text (see reader.hpp).
#include "entente/extract/reader.hpp"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/regex.h>
#include <unicode/unistr.h>
#include <unicode/ustring.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <limits>
#include <memory>
#include <numeric>

#include "text_util.hpp"

namespace entente::extract {
namespace {

namespace tu = textutil;

constexpr std::size_t kMaxDebrisLine = 160;                 // debris lines are short: longer ones are text
constexpr std::size_t kIcuChunk = 8u << 20;                 // bytes per ICU conversion call
constexpr auto kIcuMax = static_cast<std::size_t>(std::numeric_limits<int32_t>::max());

Diagnostic make_diag(Severity sev, std::string file, std::size_t offset, std::string message) {
  Diagnostic d;
  d.severity = sev;
  d.where.file = std::move(file);
  d.where.offset = offset;
  d.message = std::move(message);
  return d;
}

// ---------------------------------------------------------------- UTF-8 ----

/// Offset of the first ill-formed byte of `s`, or npos.
std::size_t first_invalid(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    char32_t cp = 0;
    const std::size_t n = tu::decode(s, i, cp);
    if (n == 1) {
      return i;
    }
    i += n;
  }
  return std::string_view::npos;
}

/// `s` with every maximal ill-formed subsequence replaced by U+FFFD (ICU's
/// u_strFromUTF8WithSub); `count` receives the number of replacements.
std::string replace_invalid(std::string_view s, std::size_t& count) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  count = 0;
  std::vector<UChar> u16;
  std::size_t i = 0;
  while (i < s.size()) {
    // Cut before a byte that is not a continuation byte: no well-formed
    // sequence or maximal ill-formed subpart spans such a cut.
    std::size_t end = std::min(s.size(), i + kIcuChunk);
    while (end < s.size() && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) {
      ++end;
    }
    const std::string_view chunk = s.substr(i, end - i);
    UErrorCode ec = U_ZERO_ERROR;
    int32_t n16 = 0;
    int32_t subs = 0;
    u16.resize(chunk.size() + 1);
    if (chunk.size() < kIcuMax) {
      u_strFromUTF8WithSub(u16.data(), static_cast<int32_t>(u16.size()), &n16, chunk.data(),
                           static_cast<int32_t>(chunk.size()), 0xFFFD, &subs, &ec);
    } else {
      ec = U_BUFFER_OVERFLOW_ERROR;
    }
    if (U_SUCCESS(ec)) {
      icu::UnicodeString(false, u16.data(), n16).toUTF8String(out);
      count += static_cast<std::size_t>(subs);
    } else {  // cannot happen for chunks of kIcuChunk bytes; decode by hand
      for (std::size_t k = 0; k < chunk.size();) {
        char32_t cp = 0;
        const std::size_t len = tu::decode(chunk, k, cp);
        if (len == 1 && static_cast<unsigned char>(chunk[k]) >= 0x80) {
          ++count;
        }
        tu::append_utf8(out, cp);
        k += len;
      }
    }
    i = end;
  }
  return out;
}

/// CRLF and lone CR become LF.
void normalise_newlines(std::string& s) {
  if (s.find('\r') == std::string::npos) {
    return;
  }
  std::size_t w = 0;
  for (std::size_t r = 0; r < s.size(); ++r) {
    if (s[r] == '\r') {
      s[w++] = '\n';
      if (r + 1 < s.size() && s[r + 1] == '\n') {
        ++r;
      }
    } else {
      s[w++] = s[r];
    }
  }
  s.resize(w);
}

/// NFC (ICU). Text already in NFC, the usual case, is not copied.
void to_nfc(std::string& s, Diagnostics& diags, const std::string& file) {
  UErrorCode ec = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(ec);
  if (U_FAILURE(ec) || s.size() >= kIcuMax) {
    diags.push_back(make_diag(Severity::warning, file, Location::npos,
                              "text not NFC-normalised (ICU normaliser unavailable or text over 2 GiB)"));
    return;
  }
  const icu::StringPiece piece(s.data(), static_cast<int32_t>(s.size()));
  if (nfc->isNormalizedUTF8(piece, ec) && U_SUCCESS(ec)) {
    return;
  }
  ec = U_ZERO_ERROR;
  std::string out;
  out.reserve(s.size());
  icu::StringByteSink<std::string> sink(&out);
  nfc->normalizeUTF8(0, piece, sink, nullptr, ec);
  if (U_SUCCESS(ec)) {
    s.swap(out);
  }
}

/// The plain form of a typographic character in `text`, or 0 to keep it.
char plain_form(char32_t cp) {
  switch (cp) {
    case 0x2019:
    case 0x2018:
    case 0x02BC:
    case 0x2032:
    case 0x00B4:
    case 0x201B:
      return '\'';
    case 0x00AB:
    case 0x00BB:
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
      return '"';
    case 0x00A0:
    case 0x202F:
    case 0x2009:
    case 0x2007:
    case 0x2008:
    case 0x200A:
    case 0x2002:
    case 0x2003:
    case 0x2004:
    case 0x2005:
    case 0x2006:
    case 0x205F:
    case 0x3000:
      return ' ';
    default:
      return 0;
  }
}

/// Builds Document::text and source_offset from Document::source.
void build_text(Document& doc) {
  const std::string& src = doc.source;
  std::string& text = doc.text;
  std::vector<std::uint32_t>& map = doc.source_offset;
  text.clear();
  map.clear();
  text.reserve(src.size());
  map.reserve(src.size() + 1);
  for (std::size_t i = 0; i < src.size();) {
    // A run of ASCII bytes is copied as is, each byte mapped to itself.
    std::size_t j = i;
    while (j < src.size() && static_cast<unsigned char>(src[j]) < 0x80) ++j;
    if (j > i) {
      text.append(src, i, j - i);
      const std::size_t at = map.size();
      map.resize(at + (j - i));
      std::iota(map.begin() + static_cast<std::ptrdiff_t>(at), map.end(), static_cast<std::uint32_t>(i));
      i = j;
      if (i == src.size()) break;
    }
    char32_t cp = 0;
    const std::size_t n = tu::decode(src, i, cp);
    if (const char plain = plain_form(cp)) {
      text.push_back(plain);
      map.push_back(static_cast<std::uint32_t>(i));
    } else {
      for (std::size_t k = 0; k < n; ++k) {
        text.push_back(src[i + k]);
        map.push_back(static_cast<std::uint32_t>(i + k));
      }
    }
    i += n;
  }
  map.push_back(static_cast<std::uint32_t>(src.size()));
}

// --------------------------------------------------------------- debris ----

/// The patterns of debris.tsv, compiled once. icu::RegexPattern is immutable
/// and may be shared by threads; each call makes its own RegexMatcher.
struct DebrisRules {
  std::vector<std::unique_ptr<icu::RegexPattern>> patterns;
  /// Per pattern: the first character of every line it matches (see
  /// literal_key), or 0. A line is tried only against the patterns of its
  /// first character and those that do not fix one.
  std::vector<char> key;
  /// Per pattern: text that every line it matches contains (required_text),
  /// case-folded, or "". A line whose folded form lacks it is not tried.
  std::vector<icu::UnicodeString> required;
  Diagnostics problems;  ///< patterns that did not compile (a data defect)
};

/// The first character every match of a regular expression begins with, as a
/// key (ASCII lower-cased, digits as '0', a UTF-8 lead byte as itself), or 0
/// when the expression does not fix it.
char literal_key(std::string_view re) {
  int depth = 0;
  for (std::size_t i = 0; i < re.size(); ++i) {
    if (re[i] == '\\') {
      ++i;
    } else if (re[i] == '(' || re[i] == '[') {
      ++depth;
    } else if (re[i] == ')' || re[i] == ']') {
      --depth;
    } else if (re[i] == '|' && depth == 0) {
      return 0;  // an alternation at the top: several beginnings
    }
  }
  std::size_t i = re.starts_with('^') ? 1 : 0;
  if (re.substr(i).starts_with("\\d") || re.substr(i).starts_with("[0-9]")) {
    std::size_t after = i + (re[i] == '\\' ? 2 : 5);
    return after < re.size() && (re[after] == '?' || re[after] == '*') ? 0 : '0';
  }
  if (i >= re.size()) return 0;
  auto c = static_cast<unsigned char>(re[i]);
  bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  if (!letter && c < 0xC2) return 0;
  std::size_t next = i + 1;
  while (c >= 0xC2 && next < re.size() && (static_cast<unsigned char>(re[next]) & 0xC0) == 0x80) ++next;
  if (next < re.size() && (re[next] == '?' || re[next] == '*' || re[next] == '{' || re[next] == '|')) return 0;
  return static_cast<char>(letter ? (c | 0x20) : c);
}

/// Text that every match of a case-insensitive regular expression contains,
/// case-folded: its longest run of plain characters outside groups and
/// classes that no quantifier makes optional, when that run has two
/// characters or more (ICU then matches it as one case-folded string, so a
/// matching line, case-folded, contains it). "" when there is none, when
/// alternatives start at the top or inline flags could change the syntax.
icu::UnicodeString required_text(std::string_view re) {
  if (re.find("(?") != std::string_view::npos) return {};
  std::string best;
  std::string run;
  std::size_t run_last = 0;  // byte length of the last character of `run`
  auto end_run = [&] {
    if (run.size() > best.size()) best = run;
    run.clear();
  };
  int depth = 0;
  for (std::size_t i = 0; i < re.size();) {
    const char c = re[i];
    if (c == '\\') {  // an escape: a class, an anchor or a quoted mark, never plain here
      end_run();
      i += 2;
      continue;
    }
    if (depth == 0 && c == '|') return {};
    if (c == '(' || c == '[') {
      end_run();
      ++depth;
    } else if (c == ')' || c == ']') {
      end_run();
      --depth;
    } else if (c == '?' || c == '*' || c == '+' || c == '{') {
      if (depth == 0 && !run.empty()) run.resize(run.size() - run_last);  // the quantified character
      end_run();
      if (c == '{') {
        const std::size_t close = re.find('}', i);
        i = close == std::string_view::npos ? re.size() : close + 1;
        continue;
      }
    } else if (c == '.' || c == '^' || c == '$') {
      end_run();
    } else if (depth == 0) {
      std::size_t n = 1;
      while (i + n < re.size() && (static_cast<unsigned char>(re[i + n]) & 0xC0) == 0x80) ++n;
      run.append(re.substr(i, n));
      run_last = n;
      i += n;
      continue;
    }
    ++i;
  }
  end_run();
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(icu::StringPiece(best.data(), static_cast<int32_t>(best.size())));
  if (text.countChar32() < 2) return {};
  text.foldCase();
  return text;
}

/// The key of a line for DebrisRules::key.
char line_key(std::string_view line) {
  if (line.empty()) return 0;
  auto c = static_cast<unsigned char>(line[0]);
  if (c >= '0' && c <= '9') return '0';
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return static_cast<char>(c | 0x20);
  return static_cast<char>(c);
}

DebrisRules load_debris() {
  DebrisRules rules;
  const std::string_view* bytes = tu::embedded_file("debris.tsv");
  if (bytes == nullptr) {
    return rules;
  }
  std::string error = tu::for_each_tsv_row(
      "debris.tsv", *bytes, "pattern", [&](std::size_t line, const std::vector<std::string_view>& cells) {
        if (cells.empty() || cells[0].empty()) {
          return;
        }
        UErrorCode ec = U_ZERO_ERROR;
        UParseError pe{};
        const auto src = icu::UnicodeString::fromUTF8(
            icu::StringPiece(cells[0].data(), static_cast<int32_t>(cells[0].size())));
        std::unique_ptr<icu::RegexPattern> p(
            icu::RegexPattern::compile(src, UREGEX_CASE_INSENSITIVE, pe, ec));
        if (U_FAILURE(ec) || !p) {
          rules.problems.push_back(make_diag(Severity::warning, "debris.tsv", Location::npos,
                                             "line " + std::to_string(line) +
                                                 ": invalid regular expression (" + u_errorName(ec) +
                                                 "), ignored"));
          return;
        }
        rules.patterns.push_back(std::move(p));
        rules.key.push_back(literal_key(cells[0]));
        rules.required.push_back(required_text(cells[0]));
      });
  if (!error.empty()) {
    rules.problems.push_back(make_diag(Severity::warning, "debris.tsv", Location::npos, error));
  }
  return rules;
}

const DebrisRules& debris_rules() {
  static const DebrisRules rules = load_debris();
  return rules;
}

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\v'; }

/// Lists in `doc.ignored` every line of `doc.text` that a debris pattern matches.
void find_debris(Document& doc) {
  const DebrisRules& rules = debris_rules();
  doc.diagnostics.insert(doc.diagnostics.end(), rules.problems.begin(), rules.problems.end());
  if (rules.patterns.empty()) {
    return;
  }
  // One matcher per pattern and thread, made once: making one costs more than a match.
  thread_local std::vector<std::unique_ptr<icu::RegexMatcher>> matchers;
  if (matchers.size() != rules.patterns.size()) matchers.resize(rules.patterns.size());
  const std::string& text = doc.text;
  icu::UnicodeString line16;
  icu::UnicodeString folded;  // line16 case-folded
  for (std::size_t i = 0; i < text.size();) {
    std::size_t end = text.find('\n', i);
    if (end == std::string::npos) {
      end = text.size();
    }
    std::size_t b = i;
    std::size_t e = end;
    i = end + 1;
    while (b < e && is_blank(text[b])) {
      ++b;
    }
    while (e > b && is_blank(text[e - 1])) {
      --e;
    }
    if (b == e || e - b > kMaxDebrisLine) {
      continue;
    }
    line16 = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data() + b, static_cast<int32_t>(e - b)));
    const char key = line_key(std::string_view(text).substr(b, e - b));
    folded = line16;
    folded.foldCase();
    for (std::size_t k = 0; k < rules.patterns.size(); ++k) {
      if (rules.key[k] != 0 && rules.key[k] != key) continue;
      if (!rules.required[k].isEmpty() && folded.indexOf(rules.required[k]) < 0) continue;
      UErrorCode ec = U_ZERO_ERROR;
      if (!matchers[k]) {
        matchers[k].reset(rules.patterns[k]->matcher(ec));
        if (U_FAILURE(ec) || !matchers[k]) {
          matchers[k].reset();
          continue;
        }
        matchers[k]->setTimeLimit(10, ec);  // no pathological backtracking
        ec = U_ZERO_ERROR;
      }
      matchers[k]->reset(line16);
      if (matchers[k]->matches(ec) && U_SUCCESS(ec)) {
        doc.ignored.push_back(Span{b, e});
        break;
      }
    }
  }
}

}  // namespace

Document document_from_bytes(std::string id, std::string path, std::string_view bytes) {
  Document doc;
  doc.id = std::move(id);
  doc.path = std::move(path);
  const std::string& shown = doc.path.empty() ? doc.id : doc.path;

  std::size_t base = 0;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    base = 3;
  }
  const std::string_view body = bytes.substr(base);

  const std::size_t bad = first_invalid(body);
  if (bad == std::string_view::npos) {
    doc.source.assign(body);
  } else {
    std::size_t count = 0;
    doc.source = replace_invalid(body, count);
    doc.diagnostics.push_back(
        make_diag(Severity::warning, shown, base + bad,
                  "invalid UTF-8: " + std::to_string(count) + (count == 1 ? " sequence" : " sequences") +
                      " replaced by U+FFFD, the first at byte " + std::to_string(base + bad)));
  }
  normalise_newlines(doc.source);
  to_nfc(doc.source, doc.diagnostics, shown);
  build_text(doc);
  find_debris(doc);
  return doc;
}

}  // namespace entente::extract
