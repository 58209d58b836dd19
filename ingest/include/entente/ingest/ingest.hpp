// Ingest: inputs as users have them -> documents, the first stage of a build
// (ingest -> extract -> graph -> export).
//
// Inputs are files, folders (searched recursively) and standard input ("-");
// each file is recognised by its content first, then by its extension (case
// does not matter):
//
//   format         what is one document                      where metadata comes from
//   plain text     the file                                  a dateline of the text (extract/dates.cpp)
//   JSON Lines     a line holding a JSON object              its fields: text, title, url, date, language, source
//   JSON           an object, or each object of an array     the same fields
//   CSV, TSV       a row under a header row                  the same columns
//   HTML           the page's main text                      <meta>, Open Graph, JSON-LD NewsArticle, <html lang>
//   WARC           a response or resource record of HTML     WARC-Target-URI, then the page's own
//                  or text
//   archives       each member (.zip, .tar, .tar.gz, ...), read as one of the above
//   compressed     the file inside (.gz, .bz2, .xz, .zst), read as one of the above
//
// Usage: reading happens on one thread, in input order, streaming (a WARC or
// a JSON Lines file is never held whole); converting a record into a
// Document may happen on any thread.
//
//   namespace in = entente::ingest;
//   in::Options options;                              // French only, usual field names
//   in::read({"scrape.jsonl", "pages/", "-"}, options, [&](in::Item&& item) {
//     for (const auto& d : item.diags) report(d);     // a missing file, a broken line
//     if (!item.record) return true;
//     in::Converted c = in::to_document(std::move(*item.record), options);
//     for (const auto& d : c.diags) report(d);        // encoding assumed, language skipped
//     if (c.doc) extract::run_stages(*c.doc);
//     return true;                                    // false stops the reading
//   });
//
// `entente build` reads ahead on a thread of its own (read_ahead.hpp) and
// converts and extracts on several.
//
// Errors are values: nothing here prints or throws on bad input. A problem
// with an input as a whole (missing, unreadable, binary, not an archive) is
// an error; a problem with one record (a line that is not JSON, a truncated
// WARC record, a row without text) is a warning that names the file and the
// line or record, and the other records are kept.
//
// THREAD SAFETY: read() runs on the calling thread and calls `sink` there;
// to_document() and the helpers of html.hpp, text.hpp may run on any number
// of threads at once.
#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "entente/extract/document.hpp"

namespace entente::ingest {

// ---------------------------------------------------------------- options ----

/// What the metadata fields of JSON Lines and CSV records mean.
enum class Field : std::uint8_t {
  text,       ///< the article: "text", "content", "body", "maintext", "article", "full_text"
  html,       ///< the page, to read as HTML when there is no text: "html", "raw_html"
  title,      ///< "title", "headline"
  url,        ///< "url", "link", "uri"
  date,       ///< "date", "date_publish", "published", "date_published", "datePublished", "published_at", "pubdate"
  language,   ///< "language", "lang", "inLanguage"
  publisher,  ///< "source", "source_domain", "publisher", "outlet", "site_name" (an object: its "name")
};

/// "text", "html", ...: the name of a Field in --field.
std::string_view to_string(Field f);

/// How inputs are read. The defaults are what `entente build` does without options.
struct Options {
  /// Languages read (ISO 639-1 codes); a document in another is skipped with
  /// a warning. Empty: every language. Default: French only.
  std::vector<std::string> languages = {"fr"};
  /// Field names to try first, per field (`--field text=article`); the usual
  /// names above come after them. Names match whatever their case.
  std::map<Field, std::vector<std::string>> fields;
  /// A record larger than this is skipped with a warning (64 MiB). A plain
  /// text or HTML file may be up to 4 GiB.
  std::size_t max_record_bytes = std::size_t{64} << 20U;
  /// Read only shard `shard_index` (from 0) of `shard_count`: the input files,
  /// in reading order, cut into that many runs of about equal bytes (a file
  /// is never cut; standard input is shard 0's). What `entente extract
  /// --shard K/N` reads, so that N processes anywhere extract a corpus
  /// between them, each file once, named as one build of all names it.
  std::size_t shard_index = 0;
  std::size_t shard_count = 1;
};

/// Reads "text=article" (--field) into `options`; false, with a message in
/// `error`, when the field is not one of Field or the name is empty.
bool add_field_option(std::string_view spec, Options& options, std::string& error);

/// Reads "fr,en" (--lang) into `options.languages`: ISO 639-1 codes, or
/// "all" for every language. False, with a message in `error`, for a code
/// that is not two or three letters.
bool set_languages(std::string_view list, Options& options, std::string& error);

// ---------------------------------------------------------------- records ----

/// What the bytes of a record hold.
enum class Kind : std::uint8_t {
  text,  ///< plain text, in any encoding
  html,  ///< an HTML page, in any encoding
  json,  ///< one JSON object (a line of JSON Lines, or an element of a JSON array)
  row,   ///< one row of a CSV or TSV file, not yet split (quotes kept)
};

/// The header of a CSV or TSV file, shared by its rows.
struct Table {
  char separator = ',';
  std::vector<std::string> columns;
};

/// An input file as a build names it. `base_id` is its path relative to the
/// folder argument that holds it (its name when named itself); `id`, its
/// dcterms:identifier, is base_id lengthened by the folders above it while
/// another input file of the build has the same (tell_apart); `canonical`,
/// its canonical path, is what files are read in the order of ("" for
/// standard input, read first).
struct InputFile {
  std::string base_id;
  std::string id;
  std::string canonical;
  friend bool operator==(const InputFile&, const InputFile&) = default;
};

/// Sets each file's `id` from its `base_id`: while some are shared, each of
/// those takes the next folder above it (from `canonical`): "a/x.txt",
/// "b/x.txt". Standard input ("" canonical) keeps its id.
void tell_apart(std::vector<InputFile>& files);

/// WHAT IT REPRESENTS: one article as read, before it is decoded and
/// extracted. Made by read(); to_document() turns it into a Document.
struct Record {
  std::string id;            ///< dcterms:identifier: "a.txt", "scrape.jsonl:3", "crawl.warc.gz#4", "x.zip/b/c.html"
  Location where;            ///< what diagnostics name: the path as given (and member), the line or record
  Kind kind = Kind::text;
  std::string bytes;         ///< as read
  extract::Metadata meta;    ///< what the container says (a WARC record's URL)
  std::string charset;       ///< the encoding the container declares or its file was found in, or ""
  bool charset_guessed = false;  ///< `charset` is uchardet's guess for the whole file (JSON Lines, CSV)
  bool charset_noted = false;  ///< that guess was named in a warning already (at the file's first record in it)
  bool whole_input = false;  ///< the record is a whole input file: failing to read it is an error, not a warning
  std::shared_ptr<const Table> table;  ///< Kind::row: its file's header
  std::uint64_t consumed = 0;  ///< bytes of the inputs read once this record was (for progress)
  std::shared_ptr<const InputFile> input;  ///< the input file it was read from
  std::uint64_t ordinal = 0;   ///< its place among the records of that file, from 0
};

/// What read() hands over: a record, and the problems met before it (in
/// input order). An item may hold problems only.
struct Item {
  std::optional<Record> record;
  Diagnostics diags;
};

/// Receives the items in input order; returning false stops the reading.
using Sink = std::function<bool(Item&&)>;

/// What read() went through.
struct Totals {
  std::size_t files = 0;            ///< input files opened (an archive's members not counted)
  std::size_t records = 0;          ///< records handed over
  std::size_t other_records = 0;    ///< WARC records that hold no page (requests, metadata, images, redirects)
  std::size_t bad_records = 0;      ///< records not read (warnings)
  std::size_t bad_inputs = 0;       ///< inputs not read at all (errors)
  std::uint64_t bytes = 0;          ///< bytes of the input files
};

/// The total size of the input files named (folders walked as read() walks
/// them): what a progress bar counts down. Unreadable ones count nothing.
std::uint64_t input_bytes(const std::vector<std::string>& inputs);

/// Reads every input and hands each record to `sink`. Folders are walked
/// recursively, keeping files whose extension names a format (.txt .text
/// .jsonl .ndjson .json .csv .tsv .html .htm .xhtml .warc, archives .zip .tar
/// .tgz .tar.*, compressed .gz .bz2 .xz .zst); hidden files are left. "-" is
/// standard input, read first. The files are read as one set: each once
/// however often it is named or linked (a warning for the repeats), in the
/// order of their canonical paths, so the order of `inputs` changes nothing;
/// a file's identifier is its path relative to the folder named (its name
/// when named itself), with the folders above it while another has the same.
Totals read(const std::vector<std::string>& inputs, const Options& options, const Sink& sink);

// ---------------------------------------------------------------- documents ----

/// What to_document() made of a record.
struct Converted {
  std::optional<extract::Document> doc;  ///< normalised text and metadata; no stage run yet
  Diagnostics diags;                      ///< warnings (encoding assumed), or why there is no document
  std::string skipped_language;           ///< set when the document was left for its language ("en")
};

/// Decodes a record (its encoding: a byte order mark, valid UTF-8, the
/// declared charset, else the one uchardet finds, converted by ICU with a
/// warning naming it), reads its format (JSON fields, CSV columns, the main
/// text of HTML), identifies its language (the metadata's, else CLD2's
/// guess) and makes the Document that extract::run_stages takes: its text is
/// the headline, a blank line and the body, its `meta` what the record says.
Converted to_document(Record record, const Options& options);

/// A date of metadata in ISO form: "2024-10-15T08:30:00+02:00", "2024-10-15",
/// "2024/10/15", "15/10/2024", "15.10.2024", "Tue, 15 Oct 2024 08:30:00 GMT",
/// "15 octobre 2024", "October 15, 2024", Unix seconds -> "2024-10-15";
/// "2024-10" and "2024" stay partial. "" when it is none of these.
std::string iso_date(std::string_view text);

/// A language of metadata as an ISO 639-1 code: "fr-FR", "fr_FR", "fra",
/// "fre", "French", "français" -> "fr". "" when unknown.
std::string language_code(std::string_view text);

}  // namespace entente::ingest
