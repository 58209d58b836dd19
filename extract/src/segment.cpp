// Stage 2: tokens and sentences (see segment.hpp).
//
// Tokenization is one left-to-right pass over Document::text with an ASCII
// fast path; sentence breaks are ICU's ("fr@ss=standard"), read in the same
// left-to-right order and filtered by the French rules below. Both are linear
// in the size of the text.
#include "entente/extract/segment.hpp"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>

#if defined(__linux__)
#include <sys/mman.h>
#endif

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>
#include <memory>
#include <string_view>
#include <vector>

#include "text_util.hpp"
#include "tokenize.hpp"

namespace entente::extract {
namespace {

namespace tu = textutil;
using tu::CharClass;

/// One decoded character of the text.
struct Ch {
  char32_t cp = 0;
  std::size_t len = 1;
  CharClass cls = CharClass::punct;
};

/// Class of each ASCII byte, for the fast path.
const std::array<CharClass, 128>& ascii_classes() {
  static const std::array<CharClass, 128> table = [] {
    std::array<CharClass, 128> t{};
    for (char32_t c = 0; c < 128; ++c) {
      t[c] = tu::classify(c);
    }
    return t;
  }();
  return table;
}

bool is_word_class(CharClass c) {
  return c == CharClass::letter || c == CharClass::digit || c == CharClass::number || c == CharClass::mark;
}

/// Punctuation whose runs make one token ("...", "!!!", "---", "\uFFFD\uFFFD"):
/// every mark but brackets and double quotes, which pair up.
bool runs_together(char32_t cp) {
  switch (cp) {
    case '(':
    case ')':
    case '[':
    case ']':
    case '{':
    case '}':
    case '<':
    case '>':
    case '"':
      return false;
    default:
      return true;
  }
}

/// French elided words, split after their apostrophe ("d'une" -> "d'" "une").
bool is_elision(std::string_view w) {
  if (w.empty() || w.size() > 7) {
    return false;
  }
  char buf[8];
  for (std::size_t i = 0; i < w.size(); ++i) {
    const char c = w[i];
    buf[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  const std::string_view l(buf, w.size());
  static constexpr std::array<std::string_view, 14> kForms = {
      "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu"};
  return std::find(kForms.begin(), kForms.end(), l) != kForms.end();
}

/// Large token arrays (big inputs) are backed by huge pages where the system
/// allows it: touching hundreds of megabytes page by page costs more than
/// tokenizing them. Advisory only; errors are ignored.
template <class T>
void advise_huge_pages(std::vector<T>& v) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  constexpr std::uintptr_t kHuge = std::uintptr_t{2} << 20;
  const std::size_t bytes = v.capacity() * sizeof(T);
  if (bytes < 4 * kHuge) {
    return;
  }
  const auto begin = reinterpret_cast<std::uintptr_t>(v.data());
  const std::size_t skip = (kHuge - begin % kHuge) % kHuge;  // to the first huge page boundary
  if (bytes <= skip + kHuge) {
    return;
  }
  const std::size_t length = (bytes - skip) / kHuge * kHuge;
  ::madvise(reinterpret_cast<char*>(v.data()) + skip, length, MADV_HUGEPAGE);
#else
  (void)v;
#endif
}

class Tokenizer {
 public:
  explicit Tokenizer(Document& doc) : doc_(doc), text_(doc.text), ascii_(ascii_classes()) {}

  /// Fills doc.tokens; `blank_before[t]` tells whether a blank line or an
  /// ignored span separates token t from the previous one.
  void run(std::vector<std::uint8_t>& blank_before) {
    std::vector<Span> ignored = doc_.ignored;
    std::sort(ignored.begin(), ignored.end(), [](const Span& a, const Span& b) { return a.begin < b.begin; });
    doc_.tokens.clear();
    doc_.tokens.reserve(text_.size() / 4 + 16);  // about one per 5 bytes: no reallocation
    advise_huge_pages(doc_.tokens);
    blank_before.clear();
    blank_before.reserve(text_.size() / 4 + 16);

    const std::size_t n = text_.size();
    std::size_t ig = 0;
    bool space = false;
    bool newline = false;
    bool blank = false;
    int newlines = 0;
    std::size_t i = 0;
    while (i < n) {
      while (ig < ignored.size() && ignored[ig].end <= i) {
        ++ig;
      }
      if (ig < ignored.size() && ignored[ig].begin <= i) {
        i = std::min(n, ignored[ig].end);
        space = newline = blank = true;
        continue;
      }
      limit_ = ig < ignored.size() ? std::min(n, ignored[ig].begin) : n;
      if (text_[i] == ' ') {  // the usual space between words
        space = true;
        ++i;
        continue;
      }
      const Ch c = at(i);
      if (c.cls == CharClass::space) {
        space = true;
        i += c.len;
        continue;
      }
      if (c.cls == CharClass::newline) {
        space = newline = true;
        if (++newlines >= 2) {
          blank = true;
        }
        i += c.len;
        continue;
      }
      if (c.cls == CharClass::format) {
        i += c.len;
        continue;
      }
      const std::size_t end = is_word_class(c.cls) ? word_token(i, c) : punct_token(i, c);
      const bool first = doc_.tokens.empty();  // nothing before it to be separated from
      emit(i, end, space && !first, newline && !first);
      blank_before.push_back(blank ? 1 : 0);
      space = newline = blank = false;
      newlines = 0;
      i = end;
    }
  }

 private:
  Ch at(std::size_t i) const {
    const auto b = static_cast<unsigned char>(text_[i]);
    if (b < 0x80) {
      return Ch{b, 1, ascii_[b]};
    }
    Ch c;
    c.len = tu::decode(text_, i, c.cp);
    c.cls = tu::classify(c.cp);
    return c;
  }

  std::size_t skip_marks(std::size_t j) const {
    while (j < limit_) {
      const Ch c = at(j);
      if (c.cls != CharClass::mark) {
        break;
      }
      j += c.len;
    }
    return j;
  }

  std::size_t punct_token(std::size_t s, const Ch& c) const {
    std::size_t j = skip_marks(s + c.len);
    if (runs_together(c.cp)) {
      while (j < limit_ && text_.compare(j, c.len, text_, s, c.len) == 0) {
        j = skip_marks(j + c.len);
      }
    }
    return j;
  }

  /// "M." before a capitalised word (or at the very end of the text) is the honorific.
  bool honorific_m(std::size_t s) const {
    if (text_[s] != 'M' || s + 1 >= limit_ || text_[s + 1] != '.') {
      return false;
    }
    std::size_t j = s + 2;
    if (j == text_.size()) {
      return true;
    }
    if (j >= limit_ || (text_[j] != ' ' && text_[j] != '\t')) {
      return false;
    }
    while (j < limit_ && (text_[j] == ' ' || text_[j] == '\t')) {
      ++j;
    }
    return j < limit_ && tu::is_upper(at(j).cp);
  }

  /// End of an acronym with dots ("U.E.", "O.N.U.", "U.E"), or 0.
  std::size_t acronym_end(std::size_t s) const {
    std::size_t j = s;
    int letters = 0;
    while (j < limit_) {
      const Ch c = at(j);
      if (c.cls != CharClass::letter) {
        break;
      }
      const std::size_t k = skip_marks(j + c.len);
      if (k < limit_ && text_[k] == '.') {
        ++letters;
        j = k + 1;
        continue;
      }
      if (letters >= 1 && (k >= limit_ || !is_word_class(at(k).cls))) {
        ++letters;
        j = k;
      }
      break;
    }
    return letters >= 2 ? j : 0;
  }

  static bool vowel_or_h(char32_t cp) {
    std::string n;
    tu::append_norm(n, cp);
    return !n.empty() && std::string_view("aeiouyh").find(n[0]) != std::string_view::npos;
  }

  std::size_t word_token(std::size_t s, const Ch& first) const {
    if (first.cp == 'M' && honorific_m(s)) {
      return s + 2;
    }
    if (first.cls == CharClass::letter) {
      if (const std::size_t a = acronym_end(s)) {
        return a;
      }
    }
    std::size_t j = s;
    CharClass last = first.cls;
    while (j < limit_) {
      // ASCII letters and digits, most of every word, need no further test.
      const auto b = static_cast<unsigned char>(text_[j]);
      if (b < 0x80 && (ascii_[b] == CharClass::letter || ascii_[b] == CharClass::digit)) {
        last = ascii_[b];
        ++j;
        continue;
      }
      const Ch c = at(j);
      if (is_word_class(c.cls)) {
        if (c.cls != CharClass::mark) {
          last = c.cls;
        }
        j += c.len;
        continue;
      }
      if ((c.cp == '.' || c.cp == ',') && last == CharClass::digit && j + 1 < limit_) {
        const Ch next = at(j + 1);
        if (next.cls == CharClass::digit) {  // "14.260", "1,5", "01.08.2022"
          j += 1 + next.len;
          continue;
        }
        break;
      }
      if (c.cp == '\'') {
        const Ch next = j + 1 < limit_ ? at(j + 1) : Ch{0, 1, CharClass::space};
        if (is_elision(std::string_view(text_).substr(s, j - s))) {
          if (next.cls != CharClass::letter || vowel_or_h(next.cp)) {
            return j + 1;
          }
        }
        if (next.cls == CharClass::letter && last == CharClass::letter) {  // "aujourd'hui", "N'dimon"
          j += 1;
          continue;
        }
      }
      break;
    }
    return j;
  }

  void emit(std::size_t b, std::size_t e, bool space, bool newline) {
    Token& t = doc_.tokens.emplace_back();
    t.span = Span{b, e};
    t.space_before = space;
    t.newline_before = newline;
    const std::string_view w = std::string_view(text_).substr(b, e - b);
    int letters = 0;
    int uppers = 0;
    bool first_letter_seen = false;
    bool all_digits = true;
    bool any_digit = false;
    bool ascii = true;
    for (const char ch : w) {
      ascii = ascii && static_cast<unsigned char>(ch) < 0x80;
    }
    if (ascii) {  // the common case: one byte, one character, one norm byte
      t.norm.resize(w.size());
      for (std::size_t i = 0; i < w.size(); ++i) {
        const auto byte = static_cast<unsigned char>(w[i]);
        const bool up = byte >= 'A' && byte <= 'Z';
        t.norm[i] = static_cast<char>(up ? byte + ('a' - 'A') : byte);
        const CharClass cls = ascii_[byte];
        if (cls == CharClass::letter) {
          ++letters;
          uppers += up ? 1 : 0;
          if (!first_letter_seen) {
            t.upper_initial = up;
          }
          first_letter_seen = true;
        }
        if (cls == CharClass::digit) {
          any_digit = true;
        } else {
          all_digits = false;  // no combining mark in ASCII
        }
      }
    }
    for (std::size_t i = 0; !ascii && i < w.size();) {
      char32_t cp = static_cast<unsigned char>(w[i]);
      std::size_t len = 1;
      CharClass cls;
      bool up = false;
      if (cp < 0x80) {
        cls = ascii_[cp];
        up = cp >= 'A' && cp <= 'Z';
        t.norm.push_back(static_cast<char>(up ? cp + ('a' - 'A') : cp));
      } else {
        len = tu::decode(w, i, cp);
        cls = tu::classify(cp);
        tu::append_norm(t.norm, cp);
        up = cls == CharClass::letter && tu::is_upper(cp);
      }
      i += len;
      if (cls == CharClass::letter) {
        ++letters;
        if (up) {
          ++uppers;
        }
        if (!first_letter_seen) {
          t.upper_initial = up;
        }
        first_letter_seen = true;
      }
      if (cls == CharClass::digit) {
        any_digit = true;
      } else if (cls != CharClass::mark) {
        all_digits = false;
      }
    }
    t.alpha = letters > 0;
    t.all_upper = letters >= 2 && uppers == letters;
    t.digit = any_digit && all_digits;
    t.punct = letters == 0 && !any_digit;
  }

  Document& doc_;
  const std::string& text_;
  const std::array<CharClass, 128>& ascii_;
  std::size_t limit_ = 0;  ///< tokens stop here: end of text or start of an ignored span
};

// ------------------------------------------------------------ sentences ----

/// The sentence break iterator of one thread (BreakIterator is not
/// thread-safe, so each thread has its own); `it` is null when ICU lacks it.
struct SentenceIterator {
  std::unique_ptr<icu::BreakIterator> it;
  SentenceIterator() {
    UErrorCode ec = U_ZERO_ERROR;
    it.reset(icu::BreakIterator::createSentenceInstance(icu::Locale("fr@ss=standard"), ec));
    if (U_FAILURE(ec) || !it) {
      ec = U_ZERO_ERROR;
      it.reset(icu::BreakIterator::createSentenceInstance(icu::Locale::getFrench(), ec));
      if (U_FAILURE(ec)) {
        it.reset();
      }
    }
  }
};

icu::BreakIterator* sentence_iterator() {
  thread_local SentenceIterator holder;
  // The analyzer takes the thread_local for an automatic variable; it lives until thread exit.
  return holder.it.get();  // NOLINT(clang-analyzer-cplusplus.NewDelete)
}

bool norm_in(std::string_view norm, std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), norm) != set.end();
}

/// "1er", "1re", "2e", "3ème", "2nd": an ordinal number.
bool is_ordinal(std::string_view norm) {
  std::size_t i = 0;
  while (i < norm.size() && norm[i] >= '0' && norm[i] <= '9') {
    ++i;
  }
  if (i == 0 || i == norm.size()) {
    return false;
  }
  return norm_in(norm.substr(i), {"er", "re", "ere", "e", "eme", "nd", "nde", "d", "de"});
}

class SentenceRules {
 public:
  explicit SentenceRules(const Document& doc) : doc_(doc), toks_(doc.tokens) {}

  /// True when a sentence may never end after token t (followed by token t+1).
  bool no_break_after(std::size_t t) const {
    const Token& a = toks_[t];
    const std::string_view at = doc_.slice(a.span);
    if (at == "M.") {
      return true;
    }
    if (a.norm == "\xC2\xB0" && t > 0 && toks_[t - 1].norm == "n" && adjacent(t - 1)) {
      return true;
    }
    if (a.norm != "." || t == 0 || !adjacent(t - 1)) {
      return false;
    }
    const Token& w = toks_[t - 1];
    const std::string_view word = doc_.slice(w.span);
    if (w.alpha && w.upper_initial) {  // one capital letter: an initial ("J. Martin")
      char32_t cp = 0;
      if (textutil::decode(word, 0, cp) == word.size()) {
        return true;
      }
    }
    if (norm_in(w.norm, {"m",   "mm", "mme", "mmes", "mlle", "mlles", "dr",  "drs",    "pr",  "me",
                         "mgr", "st", "ste", "art",  "p",    "pp",    "cf",  "no",     "vol", "chap",
                         "fig", "av", "bd",  "env",  "ed",   "max",   "min", "approx", "tel", "ex"})) {
      return true;
    }
    if (is_ordinal(w.norm)) {
      return true;
    }
    // Month abbreviations before a number ("sept. 2024").
    if (t + 1 < toks_.size() && toks_[t + 1].digit &&
        norm_in(w.norm, {"janv", "fevr", "avr", "juil", "sept", "oct", "nov", "dec"})) {
      return true;
    }
    return false;
  }

  /// Whether a sentence ends between tokens t-1 and t.
  bool breaks_before(std::size_t t, bool blank, bool icu_break) const {
    if (blank) {
      return true;  // blank line or debris between them
    }
    const Token& b = toks_[t];
    if (b.newline_before) {
      if (no_break_after(t - 1)) {
        return false;
      }
      const std::string_view prev = doc_.slice(toks_[t - 1].span);
      return !(prev == "," || prev == ";" || prev == ":");
    }
    if (icu_break) {
      return !no_break_after(t - 1);
    }
    return number_opens_sentence(t) && !no_break_after(t - 1);
  }

  /// ICU keeps "ont été démantelés. 94 affaires ..." together (no capital
  /// follows the full stop); a number after a full stop that ends a word
  /// (not an abbreviation, see no_break_after) or a year starts a sentence.
  bool number_opens_sentence(std::size_t t) const {
    const Token& b = toks_[t];
    if (!b.space_before || t < 2 || !adjacent(t - 2)) {
      return false;
    }
    const char first = doc_.text[b.span.begin];
    if (first < '0' || first > '9' || doc_.slice(toks_[t - 1].span) != ".") {
      return false;
    }
    const Token& w = toks_[t - 2];
    return (w.alpha && w.span.size() >= 2) || (w.digit && w.span.size() == 4);
  }

 private:
  bool adjacent(std::size_t t) const { return toks_[t].span.end == toks_[t + 1].span.begin; }

  const Document& doc_;
  const std::vector<Token>& toks_;
};

/// Byte offsets in a well-formed UTF-8 text of UTF-16 offsets asked in
/// increasing order: one forward walk over the text for all of them.
class Utf16Offsets {
 public:
  explicit Utf16Offsets(std::string_view text) : text_(text) {}
  std::size_t byte_at(std::int32_t utf16) {
    while (utf16_ < utf16 && byte_ < text_.size()) {
      const auto lead = static_cast<unsigned char>(text_[byte_]);
      if (lead < 0x80) {
        ++byte_;
        ++utf16_;
        continue;
      }
      const std::size_t bytes = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
      byte_ += bytes;
      utf16_ += bytes == 4 ? 2 : 1;  // a supplementary character is a surrogate pair
    }
    return byte_;
  }

 private:
  std::string_view text_;
  std::int32_t utf16_ = 0;
  std::size_t byte_ = 0;
};

constexpr std::size_t kLongSentence = 250;
constexpr std::size_t kMaxSentence = 400;

void split_sentences(Document& doc, const std::vector<std::uint8_t>& blank_before) {
  doc.sentences.clear();
  std::vector<Token>& toks = doc.tokens;
  if (toks.empty()) {
    return;
  }

  // ICU reads the text as UTF-16 (one conversion; a UTF-8 UText would map
  // every chunk, forwards and backwards, as the iterator moves); its breaks
  // are turned back into byte offsets as they come, in increasing order.
  icu::BreakIterator* bi = nullptr;
  UText ut = UTEXT_INITIALIZER;
  thread_local std::vector<UChar> utf16;  // the text as UTF-16, reused by every document of the thread
  bool in_utf16 = false;
  if (doc.text.size() < static_cast<std::size_t>(std::numeric_limits<int32_t>::max())) {
    bi = sentence_iterator();
    if (bi != nullptr) {
      UErrorCode ec = U_ZERO_ERROR;
      const auto size = static_cast<int32_t>(doc.text.size());
      int32_t length = 0;
      if (utf16.size() < doc.text.size() + 1) utf16.resize(doc.text.size() + 1);
      u_strFromUTF8(utf16.data(), static_cast<int32_t>(utf16.size()), &length, doc.text.data(), size, &ec);
      in_utf16 = U_SUCCESS(ec);
      ec = U_ZERO_ERROR;
      if (in_utf16) {
        utext_openUChars(&ut, utf16.data(), length, &ec);
      } else {  // ill-formed UTF-8 (not from the reader): ICU maps the bytes itself
        utext_openUTF8(&ut, doc.text.data(), size, &ec);
      }
      bi->setText(&ut, ec);
      if (U_FAILURE(ec)) {
        bi = nullptr;
      }
    }
  }
  Utf16Offsets to_bytes(doc.text);
  auto byte_offset = [&](std::int32_t b) -> std::int64_t {
    if (b == icu::BreakIterator::DONE || !in_utf16) return b;
    return static_cast<std::int64_t>(to_bytes.byte_at(b));
  };
  std::int64_t next_break = bi != nullptr ? byte_offset(bi->first()) : std::int64_t{icu::BreakIterator::DONE};
  auto advance = [&] { next_break = byte_offset(bi->next()); };

  const SentenceRules rules(doc);
  std::uint32_t first = 0;
  auto close = [&](std::uint32_t last) {
    const auto index = static_cast<std::uint32_t>(doc.sentences.size());
    for (std::uint32_t k = first; k < last; ++k) {
      toks[k].sentence = index;
    }
    doc.sentences.push_back(Sentence{Span{toks[first].span.begin, toks[last - 1].span.end}, first, last});
    first = last;
  };
  for (std::size_t t = 1; t < toks.size(); ++t) {
    const auto gap_begin = static_cast<std::int64_t>(toks[t - 1].span.end);
    const auto gap_end = static_cast<std::int64_t>(toks[t].span.begin);
    bool icu_break = false;
    // Breaks inside a token are ignored; breaks in the gap count.
    while (next_break != icu::BreakIterator::DONE && next_break <= gap_end) {
      if (next_break >= gap_begin) {
        icu_break = true;
      }
      advance();
    }
    // No real sentence runs for hundreds of tokens: a run-on one (a page
    // without punctuation) is cut at a comma after kLongSentence tokens, and
    // anywhere after kMaxSentence, so that every later stage stays linear.
    const std::size_t length = t - first;
    const bool too_long = length >= kMaxSentence ||
                          (length >= kLongSentence && (toks[t - 1].norm == "," || toks[t - 1].norm == ";"));
    if (too_long || rules.breaks_before(t, blank_before[t] != 0, icu_break)) {
      close(static_cast<std::uint32_t>(t));
    }
  }
  close(static_cast<std::uint32_t>(toks.size()));

  if (bi != nullptr) {
    UErrorCode ec = U_ZERO_ERROR;
    UText empty = UTEXT_INITIALIZER;
    utext_openUTF8(&empty, "", 0, &ec);
    bi->setText(&empty, ec);  // drop the pointer to this document's text
    utext_close(&empty);
  }
  utext_close(&ut);
}

}  // namespace

void segment(Document& doc) {
  std::vector<std::uint8_t> blank_before;
  Tokenizer(doc).run(blank_before);
  split_sentences(doc, blank_before);
}

void tokenize(Document& doc) {
  std::vector<std::uint8_t> blank_before;
  Tokenizer(doc).run(blank_before);
  doc.sentences.clear();
}

}  // namespace entente::extract
