// to_document(): a record -> a Document with its metadata (see ingest.hpp).
#include <algorithm>
#include <cmath>
#include <array>
#include <nlohmann/json.hpp>
#include <string>

#include "entente/extract/reader.hpp"
#include "entente/ingest/html.hpp"
#include "entente/ingest/ingest.hpp"
#include "entente/ingest/text.hpp"
#include "fields.hpp"
#include "strings.hpp"

namespace entente::ingest {
namespace {

constexpr std::array<Field, 7> kFields = {Field::text, Field::html, Field::title, Field::url,
                                          Field::date, Field::language, Field::publisher};

/// The usual names of each field, lower-cased.
std::vector<std::string_view> usual_names(Field f) {
  switch (f) {
    case Field::text:
      return {"text", "content", "body", "maintext", "article", "full_text", "fulltext", "article_text",
              "articlebody", "story"};
    case Field::html:
      return {"html", "raw_html", "rawhtml"};
    case Field::title:
      return {"title", "headline"};
    case Field::url:
      return {"url", "link", "uri", "canonical_url", "source_url", "article_url"};
    case Field::date:
      return {"date", "date_publish", "published", "date_published", "datepublished", "published_at",
              "publishedat", "pubdate", "publication_date", "publish_date", "created_at"};
    case Field::language:
      return {"language", "lang", "inlanguage", "locale"};
    case Field::publisher:
      return {"source", "source_domain", "publisher", "outlet", "site_name", "sitename", "site", "media",
              "newspaper", "source_name"};
  }
  return {};
}

/// Control bytes that no text file contains: C0 controls but white space, and DEL.
bool control(unsigned char c) {
  return (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') || c == 0x7F;
}

/// Why a text does not look like text ("" when it does), and where.
std::string binary_reason(std::string_view text, std::size_t& offset) {
  const std::string_view head = text.substr(0, std::min<std::size_t>(text.size(), std::size_t{64} << 10U));
  if (const std::size_t nul = head.find('\0'); nul != std::string_view::npos) {
    offset = nul;
    return "not a text file (NUL byte at offset " + std::to_string(nul) + ")";
  }
  std::size_t controls = 0, first = 0;
  for (std::size_t i = 0; i < head.size(); ++i)
    if (control(static_cast<unsigned char>(head[i])) && controls++ == 0) first = i;
  if (controls * 10 > head.size()) {
    offset = first;
    return "not a text file (" + std::to_string(controls) + " control characters in the first " +
           std::to_string(head.size()) + " bytes; first at offset " + std::to_string(first) + ")";
  }
  return {};
}

bool has_letter(std::string_view text) {
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if ((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || u >= 0xC0) return true;
  }
  return false;
}

std::string language_name(std::string_view code) {
  struct Name {
    std::string_view code, name;
  };
  static constexpr Name kNames[] = {{"fr", "French"}, {"en", "English"}, {"es", "Spanish"},   {"de", "German"},
                                    {"it", "Italian"}, {"ar", "Arabic"}, {"pt", "Portuguese"}, {"nl", "Dutch"},
                                    {"ru", "Russian"}, {"zh", "Chinese"}, {"tr", "Turkish"},  {"ca", "Catalan"}};
  for (const Name& n : kNames)
    if (n.code == code) return std::string(n.name);
  return std::string(code);
}

/// A JSON value as text: strings as they are, numbers written, arrays of
/// strings as paragraphs, objects by their "name" (or "text", "url").
std::string json_text(const nlohmann::json& j) {
  if (j.is_string()) return j.get<std::string>();
  if (j.is_number_integer()) return std::to_string(j.get<long long>());
  if (j.is_number_unsigned()) return std::to_string(j.get<unsigned long long>());
  if (j.is_number_float()) {
    // Whole seconds of a Unix time; a number no integer holds is no date nor text.
    const double d = j.get<double>();
    return std::isfinite(d) && std::fabs(d) < 9.2e18 ? std::to_string(static_cast<long long>(d)) : std::string();
  }
  if (j.is_array()) {
    std::string out;
    for (const auto& x : j) {
      const std::string s = json_text(x);
      if (s.empty()) continue;
      if (!out.empty()) out += "\n\n";
      out += s;
    }
    return out;
  }
  if (j.is_object()) {
    for (const char* k : {"name", "text", "value", "url", "@id"})
      if (auto it = j.find(k); it != j.end() && it->is_string()) return it->get<std::string>();
  }
  return {};
}

/// The fields of a record, by Field.
using Values = std::array<std::string, kFields.size()>;

std::string& value(Values& v, Field f) { return v[static_cast<std::size_t>(f)]; }

/// Fills `values` from names and their texts (`text_of(i)` for names[i]).
template <typename TextOf>
void pick(const std::vector<std::string>& names, const Options& options, Values& values, TextOf&& text_of) {
  for (const Field f : kFields) {
    if (auto i = find_field(names, f, options)) value(values, f) = text_of(*i);
  }
}

/// The first line of a text, trimmed.
std::string_view first_line(std::string_view text) {
  const std::size_t start = text.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos) return {};
  text.remove_prefix(start);
  return text.substr(0, text.find('\n'));
}

}  // namespace

std::vector<std::string> field_names(Field f, const Options& options) {
  std::vector<std::string> names;
  if (auto it = options.fields.find(f); it != options.fields.end())
    for (const auto& n : it->second) names.push_back(lower_ascii(n));
  for (std::string_view n : usual_names(f)) names.emplace_back(n);
  return names;
}

std::optional<std::size_t> find_field(const std::vector<std::string>& names, Field f, const Options& options) {
  for (const auto& wanted : field_names(f, options)) {
    for (std::size_t i = 0; i < names.size(); ++i)
      if (lower_ascii(names[i]) == wanted) return i;
  }
  return std::nullopt;
}

std::string field_name_list(Field f, const Options& options) {
  std::string out;
  for (const auto& n : field_names(f, options)) out += (out.empty() ? "" : ", ") + n;
  return out;
}

Converted to_document(Record record, const Options& options) {
  Converted out;
  const Location& where = record.where;
  const Severity failure = record.whole_input ? Severity::error : Severity::warning;
  auto fail = [&](std::string message, std::size_t offset = Location::npos) {
    Location at = where;
    at.offset = offset;
    out.diags.push_back(Diagnostic{failure, std::move(at), std::move(message), "broken records"});
    return std::move(out);
  };
  // Decodes bytes, with a warning when the encoding was guessed.
  auto decoded = [&](std::string_view bytes, const std::string& declared, bool noted) -> std::optional<std::string> {
    Decoded d = decode(bytes, declared);
    if (!d.error.empty()) {
      out.diags.push_back(Diagnostic{failure, where, d.error, "encodings"});
      return std::nullopt;
    }
    if ((d.detected || (record.charset_guessed && !d.assumed.empty())) && !noted) {
      Location at = where;
      at.offset = d.first_invalid;
      out.diags.push_back(Diagnostic{Severity::warning, std::move(at),
                                     "not UTF-8 at this byte: read as " + d.assumed +
                                         " (the encoding uchardet finds)",
                                     "encodings"});
    }
    return std::move(d.text);
  };

  extract::Metadata meta = record.meta;
  std::string headline;
  std::string body;
  switch (record.kind) {
    case Kind::text: {
      if (record.bytes.empty()) return fail("empty file");
      auto text = decoded(record.bytes, record.charset, record.charset_noted);
      if (!text) return out;
      std::size_t offset = Location::npos;
      if (std::string reason = binary_reason(*text, offset); !reason.empty()) return fail(std::move(reason), offset);
      body = std::move(*text);
      break;
    }
    case Kind::html: {
      if (record.bytes.empty()) return fail("empty file");
      const std::string declared = !record.charset.empty() ? record.charset : html_declared_charset(record.bytes);
      auto text = decoded(record.bytes, declared, record.charset_noted);
      if (!text) return out;
      Page page = read_html(*text);
      headline = std::move(page.headline);
      body = std::move(page.text);
      // The page's own URL (canonical) names it wherever it was fetched from.
      if (!page.meta.url.empty()) meta.url = page.meta.url;
      meta.title = page.meta.title;
      meta.date = page.meta.date;
      meta.publisher = page.meta.publisher;
      meta.language = page.meta.language;
      if (body.empty()) return fail("no article text in this page");
      break;
    }
    case Kind::json:
    case Kind::row: {
      std::string bytes = std::move(record.bytes);
      if (!record.charset.empty()) {
        auto text = decoded(bytes, record.charset, record.charset_noted);
        if (!text) return out;
        bytes = std::move(*text);
      }
      Values values;
      if (record.kind == Kind::json) {
        nlohmann::json j;
        try {
          j = nlohmann::json::parse(bytes);
        } catch (const nlohmann::json::parse_error& e) {
          // "[json.exception.parse_error.101] parse error at line 1, column 17: syntax error ...": the part after
          // the position (the byte is in the location).
          std::string what = e.what();
          if (const std::size_t close = what.find("] "); close != std::string::npos) what = what.substr(close + 2);
          if (what.starts_with("parse error at line")) {
            if (const std::size_t colon = what.find(": "); colon != std::string::npos) what = what.substr(colon + 2);
          }
          return fail("not JSON: " + what, e.byte > 0 ? e.byte - 1 : 0);
        } catch (const nlohmann::json::exception& e) {
          // "[json.exception.out_of_range.406] number overflow parsing '1e999'": valid syntax, no value.
          std::string what = e.what();
          if (const std::size_t close = what.find("] "); close != std::string::npos) what = what.substr(close + 2);
          return fail("not JSON: " + what);
        }
        if (!j.is_object()) return fail("not a JSON object (one article per line: {\"text\": ..., \"url\": ...})");
        std::vector<std::string> names;
        std::vector<const nlohmann::json*> fields;
        for (auto it = j.begin(); it != j.end(); ++it) {
          names.push_back(it.key());
          fields.push_back(&it.value());
        }
        pick(names, options, values, [&](std::size_t i) { return json_text(*fields[i]); });
      } else {
        const Table& table = *record.table;
        const std::vector<std::string> cells = split_csv_row(bytes, table.separator);
        pick(table.columns, options, values,
             [&](std::size_t i) { return i < cells.size() ? cells[i] : std::string(); });
      }
      meta.title = collapse_spaces(value(values, Field::title));
      if (meta.url.empty()) meta.url = collapse_spaces(value(values, Field::url));
      const std::string& date = value(values, Field::date);
      meta.date = iso_date(date);
      meta.language = value(values, Field::language);
      meta.publisher = collapse_spaces(value(values, Field::publisher));
      headline = meta.title;
      body = std::move(value(values, Field::text));
      if (body.find_first_not_of(" \t\r\n") == std::string::npos && !value(values, Field::html).empty()) {
        Page page = read_html(value(values, Field::html));
        if (headline.empty()) headline = page.headline;
        body = std::move(page.text);
        for (auto [mine, theirs] : {std::pair{&meta.title, &page.meta.title}, {&meta.url, &page.meta.url},
                                    {&meta.date, &page.meta.date}, {&meta.publisher, &page.meta.publisher},
                                    {&meta.language, &page.meta.language}})
          if (mine->empty()) *mine = *theirs;
      }
      if (body.find_first_not_of(" \t\r\n") == std::string::npos)
        return fail("no text (looked for a field named " + field_name_list(Field::text, options) + ")");
      break;
    }
  }

  // NUL bytes past the part that tells text from binary: removed, with a
  // warning at the first ("Jean Du\0pont" is read "Jean Dupont", not cut).
  if (const std::size_t nul = body.find('\0'); nul != std::string::npos) {
    const auto count = static_cast<std::size_t>(std::count(body.begin(), body.end(), '\0'));
    Location at = where;
    if (record.kind == Kind::text) at.offset = nul;
    out.diags.push_back(Diagnostic{Severity::warning, std::move(at),
                                   count == 1 ? std::string("a NUL byte in the text: removed")
                                              : std::to_string(count) + " NUL bytes in the text (the first here): removed",
                                   "NUL bytes"});
    std::erase(body, '\0');
  }

  // The text: the headline, a blank line, the body (unless it starts with the headline).
  std::string text;
  if (!headline.empty() && fold(first_line(body)) != fold(headline)) {
    text = headline + "\n\n" + body;
  } else {
    text = std::move(body);
  }

  // The language: the metadata's, else CLD2's guess when it is sure.
  std::string lang = language_code(meta.language);
  const bool stated = !lang.empty();
  if (!stated) {
    const Guess g = identify_language(text);
    if (g.reliable) lang = g.code;
  }
  meta.language = lang;
  if (!options.languages.empty() && !lang.empty() &&
      std::find(options.languages.begin(), options.languages.end(), lang) == options.languages.end()) {
    std::string accepted;
    for (const auto& l : options.languages) accepted += (accepted.empty() ? "" : ", ") + language_name(l);
    out.skipped_language = lang;
    out.diags.push_back(Diagnostic{Severity::warning, where,
                                   "in " + language_name(lang) + " (" + (stated ? "says its metadata" : "identified") +
                                       "), not " + accepted + ": skipped (--lang " + lang + " would read it)",
                                   "other languages"});
    return out;
  }

  if (!has_letter(text)) {
    const bool blank = text.find_first_not_of(" \t\r\n\f\v") == std::string::npos;
    return fail(blank ? "empty file (only white space)" : "no text in file (no letters)");
  }
  extract::Document doc = extract::document_from_bytes(record.id, where.file, text);
  for (auto& d : doc.diagnostics) {
    d.where.line = where.line;
    d.where.record = where.record;
  }
  doc.meta = std::move(meta);
  out.doc = std::move(doc);
  return out;
}

}  // namespace entente::ingest
