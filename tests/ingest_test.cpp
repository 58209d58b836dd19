// Ingest (ingest/): inputs as users have them -> Documents with metadata.
//
// On the fixtures of tests/fixtures/ingest (fictional articles written for
// the project, see README.md there): each format, each source of metadata,
// broken records, encodings and languages. Archives (.zip, .tar.gz,
// .warc.gz) are made from the fixtures at run time with libarchive's writer.
#include <archive.h>
#include <archive_entry.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "command_support.hpp"
#include "entente/ingest/html.hpp"
#include "entente/ingest/ingest.hpp"
#include "entente/ingest/text.hpp"

namespace {

namespace fs = std::filesystem;
namespace in = entente::ingest;
using entente::Diagnostic;
using entente::Diagnostics;
using entente::Location;
using entente::Severity;
using entente::extract::Document;
using entente::testing::read_file;
using entente::testing::TempDir;

const fs::path kFixtures = fs::path(ENTENTE_SOURCE_DIR) / "tests" / "fixtures" / "ingest";
const std::string kUrlSn = "https://courrier-dakar.example/2025/03/12/senegal-gambie-accord-police";
const std::string kUrlTn = "https://maghreb-soir.example/migration/tunisie-malte-plan-action";
const std::string kHeadlineSn = "Sécurité : le Sénégal et la Gambie signent un accord de coopération policière";

/// What reading some inputs gave: documents, every diagnostic in order, the
/// languages skipped, and read()'s totals.
struct Ingested {
  std::vector<Document> docs;
  Diagnostics diags;
  std::vector<std::string> skipped;
  in::Totals totals;

  std::string messages() const {
    std::string out;
    for (const auto& d : diags) out += entente::format(d) + "\n";
    return out;
  }
  const Document* find(std::string_view id) const {
    for (const auto& d : docs)
      if (d.id == id) return &d;
    return nullptr;
  }
  std::size_t count(Severity s) const {
    return static_cast<std::size_t>(
        std::count_if(diags.begin(), diags.end(), [&](const Diagnostic& d) { return d.severity == s; }));
  }
};

Ingested ingest(const std::vector<std::string>& inputs, const in::Options& options = {}) {
  Ingested out;
  out.totals = in::read(inputs, options, [&](in::Item&& item) {
    out.diags.insert(out.diags.end(), item.diags.begin(), item.diags.end());
    if (!item.record) return true;
    in::Converted c = in::to_document(std::move(*item.record), options);
    out.diags.insert(out.diags.end(), c.diags.begin(), c.diags.end());
    if (!c.skipped_language.empty()) out.skipped.push_back(c.skipped_language);
    if (c.doc) {
      out.diags.insert(out.diags.end(), c.doc->diagnostics.begin(), c.doc->diagnostics.end());
      out.docs.push_back(std::move(*c.doc));
    }
    return true;
  });
  return out;
}

Ingested ingest(const fs::path& input, const in::Options& options = {}) { return ingest(std::vector{input.string()}, options); }

fs::path write(const fs::path& p, std::string_view bytes) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return p;
}

std::string fixture(const std::string& name) { return read_file(kFixtures / name); }

/// Writes an archive of `members` (name, bytes) with libarchive: `format` an
/// ARCHIVE_FORMAT_* (0 for a compressed file of the first member alone),
/// `filter` an ARCHIVE_FILTER_*.
fs::path write_archive(const fs::path& file, int format, int filter,
                       const std::vector<std::pair<std::string, std::string>>& members) {
  struct archive* a = archive_write_new();
  if (format == 0) archive_write_set_format_raw(a);
  else archive_write_set_format(a, format);
  if (filter != ARCHIVE_FILTER_NONE) archive_write_add_filter(a, filter);
  EXPECT_EQ(archive_write_open_filename(a, file.c_str()), ARCHIVE_OK) << archive_error_string(a);
  for (const auto& [name, bytes] : members) {
    struct archive_entry* e = archive_entry_new();
    archive_entry_set_pathname(e, name.c_str());
    archive_entry_set_size(e, static_cast<la_int64_t>(bytes.size()));
    archive_entry_set_filetype(e, AE_IFREG);
    archive_entry_set_perm(e, 0644);
    archive_entry_set_mtime(e, 1735689600, 0);  // fixed: the archive's bytes do not depend on the day
    archive_write_header(a, e);
    archive_write_data(a, bytes.data(), bytes.size());
    archive_entry_free(e);
  }
  archive_write_close(a);
  archive_write_free(a);
  return file;
}

bool contains(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

// ---------------------------------------------------------------- plain text ----

TEST(PlainText, AFileIsADocumentNamedByItsFileName) {
  const Ingested r = ingest(kFixtures / "senegal-gambie.txt");
  ASSERT_EQ(r.docs.size(), 1u) << r.messages();
  EXPECT_TRUE(r.diags.empty()) << r.messages();
  const Document& d = r.docs[0];
  EXPECT_EQ(d.id, "senegal-gambie.txt");
  EXPECT_EQ(d.path, (kFixtures / "senegal-gambie.txt").string());
  EXPECT_TRUE(d.text.starts_with(kHeadlineSn + "\n\nDakar, 12 mars 2025"));
  EXPECT_EQ(d.meta.language, "fr");  // identified
  EXPECT_TRUE(d.meta.url.empty());
  EXPECT_TRUE(d.meta.title.empty());
}

TEST(PlainText, ExtensionsInAnyCaseAndFoldersWalkedInNameOrder) {
  TempDir t;
  const std::string text = fixture("tunisie-malte.txt");
  write(t.path() / "b" / "B.TXT", text);
  write(t.path() / "a.Txt", text);
  write(t.path() / "c" / "d.text", text);
  write(t.path() / ".cache" / "hidden.txt", text);  // hidden: left
  write(t.path() / ".hidden.txt", text);
  write(t.path() / "notes.md", "# notes");           // not a format read
  write(t.path() / "photo.jpg", "\xFF\xD8\xFF");
  const Ingested r = ingest(t.path());
  std::vector<std::string> ids;
  for (const auto& d : r.docs) ids.push_back(d.id);
  // Identifiers: the path inside the folder named.
  EXPECT_EQ(ids, (std::vector<std::string>{"a.Txt", "b/B.TXT", "c/d.text"})) << r.messages();
  EXPECT_TRUE(r.diags.empty()) << r.messages();
}

TEST(PlainText, AFolderWithNothingToReadIsAnError) {
  TempDir t;
  write(t.path() / "docs" / "a.pdf", "%PDF");
  const Ingested r = ingest(t.path() / "docs");
  ASSERT_EQ(r.diags.size(), 1u);
  EXPECT_EQ(r.diags[0].severity, Severity::error);
  EXPECT_TRUE(contains(r.diags[0].message, ".txt")) << r.messages();
  EXPECT_TRUE(contains(r.diags[0].message, ".jsonl")) << r.messages();
}

TEST(PlainText, MissingFileAndDirectoryAreErrors) {
  TempDir t;
  const Ingested r = ingest(std::vector<std::string>{(t.path() / "absent.txt").string(), t.path().string()});
  ASSERT_EQ(r.count(Severity::error), 2u) << r.messages();
  EXPECT_EQ(r.diags[0].where.file, (t.path() / "absent.txt").string());
  EXPECT_EQ(r.diags[0].where.offset, Location::npos);
  EXPECT_TRUE(contains(r.diags[0].message, "no such file"));
  EXPECT_TRUE(contains(r.diags[1].message, "directory")) << r.messages();
  EXPECT_EQ(r.totals.bad_inputs, 2u);
}

TEST(PlainText, UnreadableFileIsAnError) {
  if (::geteuid() == 0) GTEST_SKIP() << "root reads any file";
  TempDir t;
  const fs::path p = write(t.path() / "secret.txt", "Texte secret.");
  fs::permissions(p, fs::perms::none);
  const Ingested r = ingest(p);
  ASSERT_EQ(r.diags.size(), 1u);
  EXPECT_TRUE(contains(r.diags[0].message, "cannot open")) << r.messages();
}

TEST(PlainText, EmptyBlankAndLetterlessFilesAreErrors) {
  TempDir t;
  struct Case {
    std::string name, bytes, expected;
  };
  const Case cases[] = {{"empty.txt", "", "empty file"},
                        {"blank.txt", " \n\t\r\n  \n", "only white space"},
                        {"bom.txt", "\xEF\xBB\xBF", "only white space"},
                        {"digits.txt", "2024 - 15 / 10 !!!\n", "no letters"}};
  for (const auto& [name, bytes, expected] : cases) {
    const Ingested r = ingest(write(t.path() / name, bytes));
    EXPECT_TRUE(r.docs.empty()) << name;
    ASSERT_EQ(r.diags.size(), 1u) << name;
    EXPECT_EQ(r.diags[0].severity, Severity::error);
    EXPECT_TRUE(contains(r.diags[0].message, expected)) << r.messages();
  }
}

TEST(PlainText, NulByteMakesABinaryFile) {
  TempDir t;
  std::string bytes(1234, 'a');
  bytes += '\0';
  bytes += "suite du texte";
  const Ingested r = ingest(write(t.path() / "bin.dat", bytes));
  ASSERT_EQ(r.diags.size(), 1u);
  EXPECT_EQ(r.diags[0].where.offset, 1234u);
  EXPECT_EQ(r.diags[0].message, "not a text file (NUL byte at offset 1234)");
  EXPECT_TRUE(contains(entente::format(r.diags[0]), "bin.dat"));
}

TEST(PlainText, MostlyControlCharactersMakeABinaryFileAndAFewAreTolerated) {
  TempDir t;
  std::string bytes = "Texte ";
  for (int i = 0; i < 200; ++i) bytes += "ab\x01\x02\x1B";
  Ingested r = ingest(write(t.path() / "ctl.dat", bytes));
  ASSERT_EQ(r.diags.size(), 1u);
  EXPECT_EQ(r.diags[0].where.offset, 8u);
  EXPECT_TRUE(contains(r.diags[0].message, "not a text file"));
  r = ingest(write(t.path() / "few.txt", "Le texte\x0C continue avec un caract\xC3\xA8re de contr\xC3\xB4le \x1B isol\xC3\xA9."));
  EXPECT_EQ(r.docs.size(), 1u);
  EXPECT_TRUE(r.diags.empty()) << r.messages();
}

TEST(PlainText, LargeFileWithoutNewline) {
  TempDir t;
  const std::string sentence = "Le ministre Paul Arnaud a rencontré Mme Lise Berthaud \xC2\xAB\xC2\xA0ici\xC2\xA0\xC2\xBB. ";
  std::string bytes;
  while (bytes.size() < (5u << 20)) bytes += sentence;
  const Ingested r = ingest(write(t.path() / "big.txt", bytes));
  // In parts of at most 1 MiB, together the whole text.
  ASSERT_EQ(r.docs.size(), 6u);
  std::string joined;
  for (const auto& d : r.docs) {
    EXPECT_EQ(d.source_offset.size(), d.text.size() + 1);
    joined += d.source;
  }
  EXPECT_EQ(joined, bytes);
}

TEST(PlainText, FixturesOfTheTextStages) {
  const fs::path text = fs::path(ENTENTE_SOURCE_DIR) / "tests" / "fixtures" / "text";
  const Ingested r = ingest(std::vector<std::string>{(text / "article_crlf.txt").string(), (text / "article_bom.txt").string()});
  ASSERT_EQ(r.docs.size(), 2u) << r.messages();
  // Read in the order of their paths, whatever the order given.
  ASSERT_EQ(r.docs[0].id, "article_bom.txt");
  ASSERT_EQ(r.docs[1].id, "article_crlf.txt");
  EXPECT_TRUE(r.docs[0].text.starts_with("Rencontre"));
  EXPECT_EQ(r.docs[1].text.find('\r'), std::string::npos);
}

// ---------------------------------------------------------------- encodings ----

TEST(Encodings, Latin1FileIsConvertedWithAWarningNamingTheEncoding) {
  const Ingested r = ingest(kFixtures / "latin1.txt");
  ASSERT_EQ(r.docs.size(), 1u) << r.messages();
  const Document& d = r.docs[0];
  EXPECT_TRUE(contains(d.text, "Frédéric Vandenbroucke-Lenoir")) << d.text;
  EXPECT_TRUE(contains(d.text, "Brigade centrale des frontières")) << d.text;
  EXPECT_EQ(d.text.find("\xEF\xBF\xBD"), std::string::npos);  // no U+FFFD
  ASSERT_EQ(r.diags.size(), 1u) << r.messages();
  EXPECT_EQ(r.diags[0].severity, Severity::warning);
  EXPECT_EQ(r.diags[0].where.file, (kFixtures / "latin1.txt").string());
  EXPECT_TRUE(contains(r.diags[0].message, "windows-1252")) << r.messages();
}

TEST(Encodings, Utf16WithAByteOrderMarkIsRead) {
  TempDir t;
  const std::u16string text = u"Le Sénégal et la Gambie ont signé un accord de coopération policière à Dakar.";
  for (const bool little : {true, false}) {
    std::string bytes = little ? "\xFF\xFE" : "\xFE\xFF";
    for (const char16_t c : text) {
      const auto lo = static_cast<char>(c & 0xFFU), hi = static_cast<char>(c >> 8U);
      bytes += little ? std::string{lo, hi} : std::string{hi, lo};
    }
    const Ingested r = ingest(write(t.path() / (little ? "le.txt" : "be.txt"), bytes));
    ASSERT_EQ(r.docs.size(), 1u) << r.messages();
    EXPECT_TRUE(r.diags.empty()) << r.messages();
    EXPECT_TRUE(r.docs[0].text.starts_with("Le Sénégal et la Gambie")) << r.docs[0].text;
  }
}

TEST(Encodings, ADeclaredCharsetIsUsedWhenTheBytesAreNotUtf8) {
  const in::Decoded d = in::decode("Caf\xE9 cr\xE8me", "ISO-8859-15");
  EXPECT_EQ(d.text, "Café crème");
  EXPECT_EQ(d.assumed, "iso-8859-15");
  EXPECT_FALSE(d.detected);
  // Valid UTF-8 stays UTF-8 whatever the declaration says.
  EXPECT_EQ(in::decode("Café", "iso-8859-1").text, "Café");
  EXPECT_TRUE(in::decode("Café", "iso-8859-1").assumed.empty());
  EXPECT_FALSE(in::decode("Caf\xE9", "no-such-charset-x").error.empty());
}

TEST(Encodings, AnHtmlPageInLatin1WithItsMetaCharset) {
  TempDir t;
  const std::string page = "<html><head><meta charset=\"iso-8859-1\"><title>Test</title></head><body><article><p>" +
                           std::string("Le minist\xE8re de l'Int\xE9rieur de la Belgique a sign\xE9 un accord avec le "
                                       "Luxembourg, a annonc\xE9 Fr\xE9" "d\xE9ric Vandenbroucke-Lenoir.") +
                           "</p></article></body></html>";
  EXPECT_EQ(in::html_declared_charset(page), "iso-8859-1");
  const Ingested r = ingest(write(t.path() / "page.html", page));
  ASSERT_EQ(r.docs.size(), 1u) << r.messages();
  EXPECT_TRUE(contains(r.docs[0].text, "Frédéric Vandenbroucke-Lenoir")) << r.docs[0].text;
  EXPECT_TRUE(r.diags.empty()) << r.messages();  // declared, not guessed
}

// ---------------------------------------------------------------- languages ----

TEST(Languages, AnEnglishArticleIsSkippedWithOneWarning) {
  const Ingested r = ingest(kFixtures / "english.txt");
  EXPECT_TRUE(r.docs.empty());
  EXPECT_EQ(r.skipped, (std::vector<std::string>{"en"}));
  ASSERT_EQ(r.diags.size(), 1u);
  EXPECT_EQ(r.diags[0].severity, Severity::warning);
  EXPECT_TRUE(contains(r.diags[0].message, "English")) << r.messages();
  EXPECT_TRUE(contains(r.diags[0].message, "--lang")) << r.messages();
}

TEST(Languages, LangOptionReadsOtherLanguages) {
  in::Options options;
  std::string error;
  ASSERT_TRUE(in::set_languages("fr,EN", options, error)) << error;
  EXPECT_EQ(options.languages, (std::vector<std::string>{"fr", "en"}));
  Ingested r = ingest(kFixtures / "english.txt", options);
  ASSERT_EQ(r.docs.size(), 1u) << r.messages();
  EXPECT_EQ(r.docs[0].meta.language, "en");
  ASSERT_TRUE(in::set_languages("all", options, error));
  EXPECT_TRUE(options.languages.empty());
  EXPECT_EQ(ingest(kFixtures / "english.txt", options).docs.size(), 1u);
  EXPECT_FALSE(in::set_languages("fr,xx1", options, error));
  EXPECT_TRUE(contains(error, "xx1"));
}

TEST(Languages, MetadataIsTrustedOverTheGuess) {
  TempDir t;
  // A French text that its record says is Spanish: skipped as Spanish.
  const std::string french = fixture("tunisie-malte.txt");
  const std::string line = R"({"text": "La Tunisie et Malte ont adopté un plan d'action commun contre l'immigration irrégulière, signé par les ministres de l'Intérieur des deux pays.", "language": "es"})";
  Ingested r = ingest(write(t.path() / "a.jsonl", line + "\n"));
  EXPECT_TRUE(r.docs.empty());
  EXPECT_EQ(r.skipped, (std::vector<std::string>{"es"}));
  EXPECT_TRUE(contains(r.messages(), "says its metadata")) << r.messages();
  // An English text whose page says French: read.
  const std::string english = fixture("english.txt");
  r = ingest(write(t.path() / "b.html", "<html lang=\"fr-FR\"><body><article><p>" + english + "</p></article></body></html>"));
  ASSERT_EQ(r.docs.size(), 1u) << r.messages();
  EXPECT_EQ(r.docs[0].meta.language, "fr");
  (void)french;
}

TEST(Languages, CodesOfMetadata) {
  EXPECT_EQ(in::language_code("fr-FR"), "fr");
  EXPECT_EQ(in::language_code("fr_BE"), "fr");
  EXPECT_EQ(in::language_code("FRA"), "fr");
  EXPECT_EQ(in::language_code("fre"), "fr");
  EXPECT_EQ(in::language_code("French"), "fr");
  EXPECT_EQ(in::language_code("français"), "fr");
  EXPECT_EQ(in::language_code("en-US"), "en");
  EXPECT_EQ(in::language_code(""), "");
  EXPECT_EQ(in::language_code("klingon"), "");
  EXPECT_EQ(in::identify_language(fixture("senegal-gambie.txt")).code, "fr");
  EXPECT_TRUE(in::identify_language(fixture("senegal-gambie.txt")).reliable);
  EXPECT_EQ(in::identify_language(fixture("english.txt")).code, "en");
}

// ---------------------------------------------------------------- JSON Lines ----

TEST(JsonLines, OneDocumentPerLineWithItsMetadata) {
  const Ingested r = ingest(kFixtures / "scrape.jsonl");
  ASSERT_EQ(r.docs.size(), 2u) << r.messages();
  EXPECT_EQ(r.skipped, (std::vector<std::string>{"en"}));  // line 3, English
  const Document& sn = r.docs[0];
  EXPECT_EQ(sn.id, "scrape.jsonl:1");
  EXPECT_EQ(sn.meta.url, kUrlSn);
  EXPECT_EQ(sn.meta.title, kHeadlineSn);
  EXPECT_EQ(sn.meta.date, "2025-03-12");  // "2025-03-12 09:30:00"
  EXPECT_EQ(sn.meta.publisher, "courrier-dakar.example");  // source_domain
  EXPECT_EQ(sn.meta.language, "fr");
  EXPECT_FALSE(sn.meta.dateline);
  // The text: the headline, a blank line, the body ("maintext").
  EXPECT_EQ(sn.text.substr(0, kHeadlineSn.size() + 2), kHeadlineSn + "\n\n");
  const Document& tn = r.docs[1];
  EXPECT_EQ(tn.id, "scrape.jsonl:2");
  EXPECT_EQ(tn.meta.publisher, "Maghreb Soir");  // "source": {"name": ...}
  EXPECT_EQ(tn.meta.date, "2025-06-03");         // "published": "2025-06-03T07:00:00Z"
  EXPECT_EQ(tn.meta.language, "fr");             // identified
  ASSERT_EQ(r.diags.size(), 1u) << r.messages();
  EXPECT_EQ(r.diags[0].where.line, 3u);
}

// Found by fuzz_document: a number no double holds is valid JSON syntax that
// nlohmann-json refuses with out_of_range (it crashed the build); a float
// date beyond any integer was undefined behaviour.
TEST(JsonLines, NumbersBeyondRangeAreAWarningOrNoDateNotACrash) {
  TempDir t;
  const std::string text = "La Tunisie et Malte ont adopté lundi un plan d'action commun contre la traite.";
  const std::string bytes = R"({"text": ")" + text + R"(", "views": 1e999})" + "\n" +  // 1: overflow
                            R"({"text": ")" + text + R"(", "date": 1.5e300})" + "\n" +  // 2: no date
                            R"({"text": ")" + text + R"(", "date": 1735689600.5})" + "\n";  // 3: 2025-01-01
  const Ingested r = ingest(write(t.path() / "numbers.jsonl", bytes));
  ASSERT_EQ(r.docs.size(), 2u) << r.messages();
  ASSERT_EQ(r.diags.size(), 1u) << r.messages();
  EXPECT_EQ(r.diags[0].where.line, 1u) << r.messages();
  EXPECT_TRUE(contains(r.diags[0].message, "not JSON: number overflow")) << r.messages();
  EXPECT_EQ(r.docs[0].meta.date, "");
  EXPECT_EQ(r.docs[1].meta.date, "2025-01-01");
}

TEST(JsonLines, BrokenLinesAreWarningsNamingTheirLineAndTheOthersAreKept) {
  TempDir t;
  const std::string good = R"({"title": "Accord", "text": "La Tunisie et Malte ont adopté lundi à La Valette un plan d'action commun contre l'immigration irrégulière."})";
  const std::string bytes = good + "\n" +                     // 1
                            R"({"title": "Coupé", "text": "La suite)" + "\n" +  // 2: cut
                            "[1, 2]\n" +                      // 3: not an object
                            "\n" +                            // 4: blank, nothing to say
                            R"({"title": "Sans texte", "url": "https://x.example/a"})" + "\n" +  // 5: no text
                            good + "\n";                      // 6
  const Ingested r = ingest(write(t.path() / "broken.jsonl", bytes));
  ASSERT_EQ(r.docs.size(), 2u) << r.messages();
  EXPECT_EQ(r.docs[0].id, "broken.jsonl:1");
  EXPECT_EQ(r.docs[1].id, "broken.jsonl:6");
  ASSERT_EQ(r.diags.size(), 3u) << r.messages();
  const std::size_t lines[] = {2, 3, 5};
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(r.diags[i].severity, Severity::warning) << r.messages();
    EXPECT_EQ(r.diags[i].where.line, lines[i]) << r.messages();
    EXPECT_TRUE(entente::format(r.diags[i]).starts_with((t.path() / "broken.jsonl").string() + ":" +
                                                          std::to_string(lines[i]) + ":"))
        << r.messages();
  }
  EXPECT_TRUE(contains(r.diags[0].message, "not JSON")) << r.messages();
  EXPECT_TRUE(contains(r.diags[1].message, "not a JSON object")) << r.messages();
  EXPECT_TRUE(contains(r.diags[2].message, "no text")) << r.messages();
  EXPECT_TRUE(contains(r.diags[2].message, "maintext")) << r.messages();
}

TEST(JsonLines, RecognisedByContentWhateverTheExtension) {
  TempDir t;
  const Ingested r = ingest(write(t.path() / "scrape.txt", fixture("scrape.jsonl")));
  EXPECT_EQ(r.docs.size(), 2u) << r.messages();
  EXPECT_EQ(r.docs[0].id, "scrape.txt:1");
}

TEST(JsonLines, FieldOptionNamesOtherFields) {
  TempDir t;
  const fs::path p = write(t.path() / "other.ndjson",
                           R"({"corps": "La Tunisie et Malte ont adopté lundi à La Valette un plan d'action commun contre l'immigration irrégulière.", "jour": "03/06/2025", "journal": "Maghreb Soir"})"
                           "\n");
  Ingested r = ingest(p);
  EXPECT_TRUE(r.docs.empty());
  in::Options options;
  std::string error;
  ASSERT_TRUE(in::add_field_option("text=corps", options, error)) << error;
  ASSERT_TRUE(in::add_field_option("date=jour", options, error)) << error;
  ASSERT_TRUE(in::add_field_option("source=journal", options, error)) << error;
  r = ingest(p, options);
  ASSERT_EQ(r.docs.size(), 1u) << r.messages();
  EXPECT_EQ(r.docs[0].meta.date, "2025-06-03");
  EXPECT_EQ(r.docs[0].meta.publisher, "Maghreb Soir");
  EXPECT_FALSE(in::add_field_option("body", options, error));
  EXPECT_FALSE(in::add_field_option("auteur=x", options, error));
  EXPECT_TRUE(contains(error, "auteur"));
}

TEST(JsonLines, AJsonArrayFileGivesOneDocumentPerObject) {
  TempDir t;
  const std::string a = R"({"text": "La Tunisie et Malte ont adopté lundi à La Valette un plan d'action commun contre l'immigration irrégulière.", "url": "https://a.example/1"})";
  const Ingested r = ingest(write(t.path() / "articles.json", "[\n  " + a + ",\n  " + a + "\n]\n"));
  ASSERT_EQ(r.docs.size(), 2u) << r.messages();
  EXPECT_EQ(r.docs[0].id, "articles.json#1");
  EXPECT_EQ(r.docs[1].id, "articles.json#2");
  EXPECT_EQ(r.docs[1].meta.url, "https://a.example/1");
}

TEST(JsonLines, ALatin1FileIsConvertedAndNamedOnce) {
  TempDir t;
  const std::string line = "{\"text\": \"Le minist\xE8re de l'Int\xE9rieur de la Belgique et celui du Luxembourg ont sign\xE9 "
                           "un protocole d'accord sur les contr\xF4les aux fronti\xE8res.\"}\n";
  const Ingested r = ingest(write(t.path() / "latin1.jsonl", line + line + line));
  ASSERT_EQ(r.docs.size(), 3u) << r.messages();
  EXPECT_TRUE(contains(r.docs[2].text, "contrôles aux frontières"));
  EXPECT_EQ(r.count(Severity::warning), 1u) << r.messages();
}

// ---------------------------------------------------------------- CSV ----

TEST(Csv, RowsWithQuotedLineBreaksAndQuotes) {
  const Ingested r = ingest(kFixtures / "export.csv");
  ASSERT_EQ(r.docs.size(), 2u) << r.messages();
  EXPECT_TRUE(r.diags.empty()) << r.messages();
  const Document& sn = r.docs[0];
  EXPECT_EQ(sn.id, "export.csv:2");
  EXPECT_EQ(sn.meta.url, kUrlSn);
  EXPECT_EQ(sn.meta.date, "2025-03-12");  // "12/03/2025", day first
  EXPECT_EQ(sn.meta.publisher, "Le Courrier de Dakar");
  EXPECT_TRUE(contains(sn.text, "formation commune des enquêteurs.\n\n\"Cet accord nous donne")) << sn.text;
  // The second row starts on the line after the first one's last.
  EXPECT_EQ(r.docs[1].id, "export.csv:9");
  EXPECT_EQ(r.docs[1].meta.title, "Migration : la Tunisie et Malte adoptent un plan d'action contre les passeurs");
}

TEST(Csv, SemicolonsAndColumnsNamedByTheFieldOption) {
  in::Options options;
  std::string error;
  ASSERT_TRUE(in::add_field_option("text=corps", options, error));
  ASSERT_TRUE(in::add_field_option("title=titre", options, error));
  ASSERT_TRUE(in::add_field_option("url=lien", options, error));
  ASSERT_TRUE(in::add_field_option("date=jour", options, error));
  const Ingested r = ingest(kFixtures / "export-fr.csv", options);
  ASSERT_EQ(r.docs.size(), 1u) << r.messages();
  EXPECT_EQ(r.docs[0].meta.url, kUrlTn);
  EXPECT_EQ(r.docs[0].meta.date, "2025-06-03");
  EXPECT_TRUE(r.docs[0].text.starts_with("Migration : la Tunisie et Malte adoptent"));
}

TEST(Csv, AnUnclosedQuoteIsAWarningAndTheRowsBeforeItAreKept) {
  TempDir t;
  const std::string good = "\"La Tunisie et Malte ont adopté lundi à La Valette un plan d'action commun contre l'immigration.\"";
  const Ingested r = ingest(write(t.path() / "cut.csv", "title,text\nA," + good + "\nB,\"Le début\nd'un texte coupé\n"));
  ASSERT_EQ(r.docs.size(), 1u) << r.messages();
  ASSERT_EQ(r.diags.size(), 1u) << r.messages();
  EXPECT_EQ(r.diags[0].where.line, 3u);
  EXPECT_TRUE(contains(r.diags[0].message, "never closed"));
}

// ---------------------------------------------------------------- HTML ----

TEST(Html, TheArticleWithoutItsSidebarMenusCommentsAndRelatedLinks) {
  const Ingested r = ingest(kFixtures / "senegal-gambie.html");
  ASSERT_EQ(r.docs.size(), 1u) << r.messages();
  EXPECT_TRUE(r.diags.empty()) << r.messages();
  const Document& d = r.docs[0];
  EXPECT_EQ(d.source, fixture("senegal-gambie.txt").substr(0, fixture("senegal-gambie.txt").size() - 1));
  // Countries named only in the menu, the sidebar, "À lire aussi", a caption, comments, the footer.
  for (const char* absent : {"Maroc", "Algérie", "France", "Mali", "Mauritanie", "Niger", "Burkina", "Togo",
                             "Côte d'Ivoire", "Ghana", "Cameroun", "Nigeria", "Bénin", "cookies", "Partager",
                             "Accueil", "commentaires", "lire aussi", "Lire aussi"})
    EXPECT_FALSE(contains(d.text, absent)) << absent << "\n" << d.text;
}

TEST(Html, MetadataFromJsonLdOpenGraphMetaAndTheHtmlElement) {
  const Ingested r = ingest(kFixtures / "senegal-gambie.html");
  ASSERT_EQ(r.docs.size(), 1u) << r.messages();
  const entente::extract::Metadata& m = r.docs[0].meta;
  EXPECT_EQ(m.url, kUrlSn);
  EXPECT_EQ(m.title, kHeadlineSn);
  EXPECT_EQ(m.date, "2025-03-12");
  EXPECT_EQ(m.publisher, "Le Courrier de Dakar");
  EXPECT_EQ(m.language, "fr");
}

TEST(Html, EachSourceOfMetadataAlone) {
  // Open Graph and <meta> only.
  in::Page p = in::read_html(
      "<html><head><title>Titre - Le Site</title><meta property=\"og:url\" content=\"https://a.example/x\">"
      "<meta property=\"og:site_name\" content=\"Le Site\"><meta name=\"DC.date.issued\" content=\"15/10/2024\">"
      "<meta property=\"og:locale\" content=\"fr_FR\"></head><body><p>Un texte.</p></body></html>");
  EXPECT_EQ(p.meta.url, "https://a.example/x");
  EXPECT_EQ(p.meta.publisher, "Le Site");
  EXPECT_EQ(p.meta.date, "2024-10-15");
  EXPECT_EQ(p.meta.language, "fr");
  EXPECT_EQ(p.meta.title, "Titre");  // <title> without the site's name
  // JSON-LD alone (an array, the article second), its body used when the page has none.
  p = in::read_html(
      "<html><head><script type=\"application/ld+json\">[{\"@type\": \"Organization\", \"name\": \"X\"}, "
      "{\"@type\": [\"NewsArticle\"], \"headline\": \"Le titre\", \"datePublished\": \"2024-10-15T08:00:00+02:00\", "
      "\"url\": \"https://b.example/y\", \"publisher\": \"Le Journal\", \"inLanguage\": \"fr\", "
      "\"articleBody\": \"Premier paragraphe du texte de l'article, assez long pour compter.\\nSecond paragraphe.\"}]"
      "</script></head><body><div id=\"app\"></div></body></html>");
  EXPECT_EQ(p.meta.title, "Le titre");
  EXPECT_EQ(p.meta.date, "2024-10-15");
  EXPECT_EQ(p.meta.url, "https://b.example/y");
  EXPECT_EQ(p.meta.publisher, "Le Journal");
  EXPECT_TRUE(p.from_json_ld);
  EXPECT_EQ(p.text, "Premier paragraphe du texte de l'article, assez long pour compter.\n\nSecond paragraphe.");
  // Broken JSON-LD and <time datetime> in the article.
  p = in::read_html(
      "<html><head><script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", </script></head><body>"
      "<article><time datetime=\"2023-01-02\" pubdate>2 janvier</time><p>Texte.</p></article></body></html>");
  EXPECT_EQ(p.meta.date, "2023-01-02");
}

TEST(Html, RecognisedByContentAndBrokenMarkupIsReadAsBrowsersDo) {
  TempDir t;
  // A page named .txt; unclosed paragraphs and a stray </div>.
  const Ingested r = ingest(write(t.path() / "page.txt",
                                  "<!DOCTYPE html><html><body><article><h1>Titre de la page</h1><p>Premier paragraphe "
                                  "sur la Tunisie.<p>Second paragraphe sur Malte.</div></article>"));
  ASSERT_EQ(r.docs.size(), 1u) << r.messages();
  EXPECT_EQ(r.docs[0].text, "Titre de la page\n\nPremier paragraphe sur la Tunisie.\n\nSecond paragraphe sur Malte.");
  EXPECT_NE(r.docs[0].meta.title, "<!DOCTYPE html>");
}

TEST(Html, APageWithoutTextAndADeeplyNestedOneAreNamedNotCrashed) {
  TempDir t;
  Ingested r = ingest(write(t.path() / "empty.html", "<html><head><title>Rien</title></head><body><nav>Menu</nav></body></html>"));
  EXPECT_TRUE(r.docs.empty());
  ASSERT_EQ(r.diags.size(), 1u);
  EXPECT_EQ(r.diags[0].severity, Severity::error);
  std::string deep = "<html><body>";
  for (int i = 0; i < 200000; ++i) deep += "<div>";
  deep += "Texte";
  r = ingest(write(t.path() / "deep.html", deep));
  EXPECT_TRUE(r.docs.empty());
  EXPECT_EQ(r.diags.size(), 1u) << r.messages();
}

// ---------------------------------------------------------------- WARC ----

TEST(Warc, ResponsesHoldingPagesAreDocumentsOtherRecordsAreNot) {
  TempDir t;
  const fs::path gz = write_archive(t.path() / "crawl.warc.gz", 0, ARCHIVE_FILTER_GZIP, {{"crawl.warc", fixture("crawl.warc")}});
  for (const fs::path& p : {kFixtures / "crawl.warc", gz}) {
    const Ingested r = ingest(p);
    ASSERT_EQ(r.docs.size(), 2u) << p << r.messages();
    EXPECT_TRUE(r.diags.empty()) << r.messages();
    const std::string name = p.filename().string();
    EXPECT_EQ(r.docs[0].id, name + "#3");
    EXPECT_EQ(r.docs[0].meta.url, kUrlSn);
    EXPECT_EQ(r.docs[0].meta.date, "2025-03-12");
    EXPECT_EQ(r.docs[0].text, ingest(kFixtures / "senegal-gambie.html").docs.at(0).text);
    // Record 7: sent in chunks; its URL from WARC-Target-URI (the page names none).
    EXPECT_EQ(r.docs[1].id, name + "#7");
    EXPECT_EQ(r.docs[1].meta.url, kUrlTn);
    EXPECT_TRUE(r.docs[1].text.starts_with("Migration : la Tunisie et Malte adoptent un plan d'action"));
    // warcinfo, request, image, redirect, metadata.
    EXPECT_EQ(r.totals.other_records, 5u);
  }
}

TEST(Warc, ATruncatedRecordIsAWarningNamingItAndTheRecordsBeforeItAreKept) {
  TempDir t;
  const std::string warc = fixture("crawl.warc");
  const std::size_t last = warc.rfind("WARC/1.0");
  const fs::path p = write(t.path() / "cut.warc", warc.substr(0, last + 400));
  const Ingested r = ingest(p);
  ASSERT_EQ(r.docs.size(), 1u) << r.messages();
  ASSERT_EQ(r.diags.size(), 1u) << r.messages();
  EXPECT_EQ(r.diags[0].severity, Severity::warning);
  EXPECT_EQ(r.diags[0].where.record, 7u);
  EXPECT_TRUE(contains(entente::format(r.diags[0]), "cut.warc: record 7: warning: truncated")) << r.messages();
  // And a file that stops being WARC.
  const Ingested g = ingest(write(t.path() / "garbage.warc", warc.substr(0, last) + "pas un en-tête\r\n\r\n"));
  EXPECT_EQ(g.docs.size(), 1u);
  ASSERT_EQ(g.diags.size(), 1u);
  EXPECT_TRUE(contains(g.diags[0].message, "not a WARC record header")) << g.messages();
}

// ---------------------------------------------------------------- archives ----

TEST(Archives, AZipOfMixedFiles) {
  TempDir t;
  const fs::path zip = write_archive(t.path() / "pages.zip", ARCHIVE_FORMAT_ZIP, ARCHIVE_FILTER_NONE,
                                     {{"2025/senegal-gambie.html", fixture("senegal-gambie.html")},
                                      {"2025/tunisie-malte.TXT", fixture("tunisie-malte.txt")},
                                      {"photo.png", "\x89PNG\r\n\x1a\n"},
                                      {"notes.md", "# Notes"},
                                      {"__MACOSX/2025/._tunisie-malte.TXT", "x"},
                                      {"scrape.jsonl", fixture("scrape.jsonl")},
                                      {"latin1.txt", fixture("latin1.txt")}});
  const Ingested r = ingest(zip);
  std::vector<std::string> ids;
  for (const auto& d : r.docs) ids.push_back(d.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"pages.zip/2025/senegal-gambie.html", "pages.zip/2025/tunisie-malte.TXT",
                                           "pages.zip/scrape.jsonl:1", "pages.zip/scrape.jsonl:2",
                                           "pages.zip/latin1.txt"}))
      << r.messages();
  // The English line, and the Latin-1 member: named by the member's path.
  ASSERT_EQ(r.diags.size(), 2u) << r.messages();
  EXPECT_EQ(r.diags[0].where.file, zip.string() + "/scrape.jsonl");
  EXPECT_EQ(r.diags[0].where.line, 3u);
  EXPECT_EQ(r.diags[1].where.file, zip.string() + "/latin1.txt");
  EXPECT_EQ(r.docs[0].meta.url, kUrlSn);
}

TEST(Archives, ATarGzHoldingAWarcGzAndACompressedJsonLinesFile) {
  TempDir t;
  const fs::path gz = write_archive(t.path() / "crawl.warc.gz", 0, ARCHIVE_FILTER_GZIP, {{"crawl.warc", fixture("crawl.warc")}});
  const fs::path tgz = write_archive(t.path() / "corpus.tar.gz", ARCHIVE_FORMAT_TAR_PAX_RESTRICTED, ARCHIVE_FILTER_GZIP,
                                     {{"crawl.warc.gz", read_file(gz)}});
  Ingested r = ingest(tgz);
  ASSERT_EQ(r.docs.size(), 2u) << r.messages();
  EXPECT_EQ(r.docs[0].id, "corpus.tar.gz/crawl.warc.gz#3");
  const fs::path jz = write_archive(t.path() / "scrape.jsonl.bz2", 0, ARCHIVE_FILTER_BZIP2, {{"x", fixture("scrape.jsonl")}});
  r = ingest(jz);
  ASSERT_EQ(r.docs.size(), 2u) << r.messages();
  EXPECT_EQ(r.docs[1].id, "scrape.jsonl.bz2:2");
}

TEST(Archives, ABrokenArchiveIsAnError) {
  TempDir t;
  std::string bytes = "PK\x03\x04";
  bytes.push_back('\0');
  bytes += std::string(100, '\x01');
  const Ingested r = ingest(write(t.path() / "archive.txt", bytes));
  EXPECT_TRUE(r.docs.empty());
  ASSERT_GE(r.diags.size(), 1u);
  EXPECT_TRUE(contains(entente::format(r.diags[0]), "archive.txt")) << r.messages();
}

// ---------------------------------------------------------------- metadata values ----

TEST(Metadata, DatesInTheirUsualForms) {
  EXPECT_EQ(in::iso_date("2024-10-15T08:30:00+02:00"), "2024-10-15");
  EXPECT_EQ(in::iso_date("2024-10-15"), "2024-10-15");
  EXPECT_EQ(in::iso_date("2024/10/15 08:30"), "2024-10-15");
  EXPECT_EQ(in::iso_date("15/10/2024"), "2024-10-15");
  EXPECT_EQ(in::iso_date("15.10.2024"), "2024-10-15");
  EXPECT_EQ(in::iso_date("Tue, 15 Oct 2024 08:30:00 GMT"), "2024-10-15");
  EXPECT_EQ(in::iso_date("mardi 15 octobre 2024"), "2024-10-15");
  EXPECT_EQ(in::iso_date("1er août 2022"), "2022-08-01");
  EXPECT_EQ(in::iso_date("October 15, 2024"), "2024-10-15");
  EXPECT_EQ(in::iso_date("1728973800"), "2024-10-15");
  EXPECT_EQ(in::iso_date("2024-10"), "2024-10");
  EXPECT_EQ(in::iso_date("2024"), "2024");
  EXPECT_EQ(in::iso_date("31/02/2024"), "");
  EXPECT_EQ(in::iso_date("hier"), "");
  EXPECT_EQ(in::iso_date(""), "");
}

}  // namespace

namespace {

TEST(PlainText, ANulBytePastTheFirstBytesIsRemovedWithAWarning) {
  TempDir t;
  std::string bytes;
  while (bytes.size() < (100u << 10)) bytes += "Le ministre Paul Arnaud a rencontré son homologue belge. ";
  const std::size_t at = bytes.size() + std::string("Le ministre Jean Du").size();
  bytes += std::string("Le ministre Jean Du\0pont a signé.\n", 35);
  const Ingested r = ingest(write(t.path() / "nul.txt", bytes));
  ASSERT_EQ(r.docs.size(), 1u) << r.messages();
  EXPECT_NE(r.docs[0].text.find("Jean Dupont"), std::string::npos);
  EXPECT_EQ(r.docs[0].text.find('\0'), std::string::npos);
  ASSERT_EQ(r.diags.size(), 1u) << r.messages();
  EXPECT_EQ(r.diags[0].severity, entente::Severity::warning);
  EXPECT_EQ(r.diags[0].where.offset, at);
  EXPECT_NE(r.diags[0].message.find("NUL byte"), std::string::npos);
}

}  // namespace

namespace {

TEST(PlainText, ATextOverOneMebibyteIsReadInPartsCutBetweenSentences) {
  TempDir t;
  const std::string sentence = "Le ministre Paul Arnaud a rencontré Mme Lise Berthaud à Genève. ";
  std::string bytes;
  while (bytes.size() < (3u << 20) + 1000) bytes += sentence;
  const Ingested r = ingest(write(t.path() / "long.txt", bytes));
  ASSERT_EQ(r.docs.size(), 4u) << r.messages();
  std::string joined;
  for (std::size_t k = 0; k < r.docs.size(); ++k) {
    const auto& d = r.docs[k];
    EXPECT_EQ(d.id, "long.txt#part" + std::to_string(k + 1));
    EXPECT_LE(d.source.size(), std::size_t{1} << 20);
    if (k + 1 < r.docs.size()) {
      EXPECT_TRUE(d.source.ends_with(". ")) << k;  // cut after a sentence
    }
    joined += d.source;
  }
  EXPECT_EQ(joined, bytes);  // nothing lost, nothing repeated
  ASSERT_EQ(r.diags.size(), 1u) << r.messages();
  EXPECT_EQ(r.diags[0].severity, entente::Severity::warning);
  EXPECT_NE(r.diags[0].message.find("read as 4 documents"), std::string::npos) << r.diags[0].message;
}

TEST(PlainText, APartIsNeverCutInsideACharacter) {
  TempDir t;
  std::string bytes;
  while (bytes.size() < (2u << 20)) bytes += "\xC3\xA9";  // "é" without a space or a full stop
  const Ingested r = ingest(write(t.path() / "e.txt", bytes));
  ASSERT_EQ(r.docs.size(), 2u) << r.messages();
  EXPECT_EQ(r.docs[0].source.size() % 2, 0u);
  EXPECT_EQ(r.docs[0].source + r.docs[1].source, bytes);
}

}  // namespace
