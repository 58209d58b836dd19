// Stage 1, the reader (extract/src/reader.cpp): bytes -> Document text.
//
// document_from_bytes is fed hand-made byte strings (invalid UTF-8, BOM, CRLF,
// decomposed accents, typographic quotes); read_document is fed files made in
// a temporary directory (missing, directory, empty, binary, large) and the
// fixtures of tests/fixtures/text.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "entente/embedded.hpp"
#include "entente/extract/reader.hpp"

namespace {

namespace fs = std::filesystem;
using entente::Diagnostics;
using entente::Location;
using entente::Severity;
using entente::extract::document_from_bytes;
using entente::extract::read_document;

const std::string kFixtures = ENTENTE_SOURCE_DIR "/tests/fixtures/text/";

bool has_debris_data() {
  for (const auto& e : entente::embedded::entries_entente_extract()) {
    if (e.name == "debris.tsv") {
      return true;
    }
  }
  return false;
}

/// A fresh temporary directory, removed at the end of the test.
class TempDir {
 public:
  TempDir() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    path_ = fs::temp_directory_path() / ("entente_reader_" + std::to_string(::getpid()) + "_" + info->name());
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  fs::path write(const std::string& name, std::string_view bytes) const {
    fs::path p = path_ / name;
    std::ofstream out(p, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return p;
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

/// Checks the mapping invariant and that each text byte maps into source.
void expect_offsets_consistent(const entente::extract::Document& d) {
  ASSERT_EQ(d.source_offset.size(), d.text.size() + 1);
  EXPECT_EQ(d.source_offset.back(), d.source.size());
  for (std::size_t i = 0; i + 1 < d.source_offset.size(); ++i) {
    ASSERT_LT(d.source_offset[i], d.source.size());
    ASSERT_LE(d.source_offset[i], d.source_offset[i + 1]);
  }
}

// ------------------------------------------------------ document_from_bytes --

TEST(DocumentFromBytes, KeepsPlainTextAsIs) {
  auto d = document_from_bytes("a.txt", "dir/a.txt", "Le ministre Paul Arnaud est venu.\nFin.");
  EXPECT_EQ(d.id, "a.txt");
  EXPECT_EQ(d.path, "dir/a.txt");
  EXPECT_EQ(d.source, "Le ministre Paul Arnaud est venu.\nFin.");
  EXPECT_EQ(d.text, d.source);
  EXPECT_TRUE(d.diagnostics.empty());
  expect_offsets_consistent(d);
  for (std::size_t i = 0; i <= d.text.size(); ++i) {
    EXPECT_EQ(d.source_offset[i], i);
  }
}

TEST(DocumentFromBytes, InvalidUtf8BecomesReplacementCharWithOneWarning) {
  // 0xFF is never valid; "\xE2\x80" is a truncated three-byte sequence (one
  // maximal subpart, hence one replacement); "\xC3\xA9" is a valid é.
  const std::string bytes =
      "Ab\xFF"
      "cd\xE2\x80 ok \xC3\xA9t\xC3";
  auto d = document_from_bytes("bad.txt", "in/bad.txt", bytes);
  EXPECT_EQ(d.source,
            "Ab\xEF\xBF\xBD"
            "cd\xEF\xBF\xBD ok \xC3\xA9t\xEF\xBF\xBD");
  ASSERT_EQ(d.diagnostics.size(), 1u);
  const auto& w = d.diagnostics[0];
  EXPECT_EQ(w.severity, Severity::warning);
  EXPECT_EQ(w.where.file, "in/bad.txt");
  EXPECT_EQ(w.where.offset, 2u);
  EXPECT_NE(w.message.find("3 sequences"), std::string::npos) << w.message;
  EXPECT_NE(w.message.find("byte 2"), std::string::npos) << w.message;
  expect_offsets_consistent(d);
}

TEST(DocumentFromBytes, InvalidOffsetCountsTheByteOrderMark) {
  auto d = document_from_bytes("b.txt", "b.txt", "\xEF\xBB\xBFOui\x80");
  EXPECT_EQ(d.source, "Oui\xEF\xBF\xBD");
  ASSERT_EQ(d.diagnostics.size(), 1u);
  EXPECT_EQ(d.diagnostics[0].where.offset, 6u);
  EXPECT_NE(d.diagnostics[0].message.find("1 sequence "), std::string::npos);
}

TEST(DocumentFromBytes, OverlongAndSurrogateEncodingsAreInvalid) {
  // Overlong "/" (C0 AF) and an encoded surrogate (ED A0 80).
  auto d = document_from_bytes("c.txt", "c.txt",
                               "a\xC0\xAF"
                               "b\xED\xA0\x80"
                               "c");
  EXPECT_EQ(d.source.find('/'), std::string::npos);
  EXPECT_NE(d.source.find("\xEF\xBF\xBD"), std::string::npos);
  ASSERT_EQ(d.diagnostics.size(), 1u);
  EXPECT_EQ(d.diagnostics[0].where.offset, 1u);
}

TEST(DocumentFromBytes, ByteOrderMarkIsDropped) {
  auto d = document_from_bytes("b.txt", "b.txt",
                               "\xEF\xBB\xBF"
                               "Bonjour");
  EXPECT_EQ(d.source, "Bonjour");
  EXPECT_EQ(d.text, "Bonjour");
  EXPECT_TRUE(d.diagnostics.empty());
}

TEST(DocumentFromBytes, CrlfAndCrBecomeLf) {
  auto d = document_from_bytes("n.txt", "n.txt", "un\r\ndeux\rtrois\n\r\nquatre\r");
  EXPECT_EQ(d.source, "un\ndeux\ntrois\n\nquatre\n");
  EXPECT_EQ(d.text, d.source);
}

TEST(DocumentFromBytes, DecomposedAccentIsComposed) {
  // "e" + COMBINING ACUTE ACCENT -> "é" (U+00E9).
  auto d = document_from_bytes("nfc.txt", "nfc.txt", "Le pre\xCC\x81sident Le\xCC\x81on");
  EXPECT_EQ(d.source, "Le pr\xC3\xA9sident L\xC3\xA9on");
  EXPECT_EQ(d.text, d.source);
  expect_offsets_consistent(d);
}

TEST(DocumentFromBytes, TypographicApostrophesAndQuotesAreUnified) {
  // l’État ‘x’ ʼy′ z´ «a» “b” „c” with U+00A0, U+202F and U+2009.
  const std::string src =
      "l\xE2\x80\x99\xC3\x89tat \xE2\x80\x98x\xE2\x80\x99 \xCA\xBCy\xE2\x80\xB2 z\xC2\xB4 "
      "\xC2\xAB\xC2\xA0"
      "a\xE2\x80\xAF\xC2\xBB \xE2\x80\x9C"
      "b\xE2\x80\x9D "
      "\xE2\x80\x9E"
      "c\xE2\x80\x89"
      "d";
  auto d = document_from_bytes("q.txt", "q.txt", src);
  EXPECT_EQ(d.source, src);
  EXPECT_EQ(d.text, "l'\xC3\x89tat 'x' 'y' z' \" a \" \"b\" \"c d");
  expect_offsets_consistent(d);
  // Every unified character maps back to the start of its original.
  const std::size_t apos = d.text.find('\'');
  EXPECT_EQ(d.source.substr(d.source_offset[apos], 3), "\xE2\x80\x99");
  const std::size_t guillemet = d.text.find('"');
  EXPECT_EQ(d.source.substr(d.source_offset[guillemet], 2), "\xC2\xAB");
  EXPECT_EQ(d.source.substr(d.source_offset[guillemet + 1], 2), "\xC2\xA0");
  // A span of text maps to the same words in source.
  const std::size_t b = d.text.find("\xC3\x89tat");
  const std::size_t e = b + 5;
  EXPECT_EQ(d.source.substr(d.source_offset[b], d.source_offset[e] - d.source_offset[b]), "\xC3\x89tat");
}

TEST(DocumentFromBytes, DebrisLinesAreIgnored) {
  if (!has_debris_data()) {
    GTEST_SKIP() << "extract/data/fr/debris.tsv not written yet";
  }
  const std::string src =
      "Accord entre la Valdorie et la Brésaline\n\n"
      "  - Advertisement -  \n"
      "Le ministre Paul Arnaud a signé l'accord.\n"
      "Laisser un commentaire\n";
  auto d = document_from_bytes("d.txt", "d.txt", src);
  std::vector<std::string> ignored;
  for (const auto& s : d.ignored) {
    ignored.emplace_back(d.slice(s));
  }
  EXPECT_NE(std::find(ignored.begin(), ignored.end(), "- Advertisement -"), ignored.end());
  EXPECT_NE(std::find(ignored.begin(), ignored.end(), "Laisser un commentaire"), ignored.end());
  for (const auto& s : ignored) {
    EXPECT_EQ(s.find("Arnaud"), std::string::npos) << s;
  }
}

TEST(DocumentFromBytes, EmptyInputGivesEmptyDocument) {
  auto d = document_from_bytes("e.txt", "e.txt", "");
  EXPECT_TRUE(d.text.empty());
  ASSERT_EQ(d.source_offset.size(), 1u);
  EXPECT_EQ(d.source_offset[0], 0u);
}

// ------------------------------------------------------------ read_document --

TEST(ReadDocument, ReadsFixtureWithCrlfAndTypography) {
  Diagnostics diags;
  auto d = read_document(kFixtures + "article_crlf.txt", diags);
  ASSERT_TRUE(d.has_value());
  EXPECT_TRUE(diags.empty());
  EXPECT_EQ(d->id, "article_crlf.txt");
  EXPECT_EQ(d->path, kFixtures + "article_crlf.txt");
  EXPECT_EQ(d->text.find('\r'), std::string::npos);
  EXPECT_NE(d->text.find("m\xC3\xA9morandum d'entente \" pour une p\xC3\xAA"
                         "che durable \"."),
            std::string::npos);
  EXPECT_NE(d->source.find("d\xE2\x80\x99"
                           "entente"),
            std::string::npos);
  expect_offsets_consistent(*d);
  if (has_debris_data()) {
    std::vector<std::string> ignored;
    for (const auto& s : d->ignored) {
      ignored.emplace_back(d->slice(s));
    }
    EXPECT_NE(std::find(ignored.begin(), ignored.end(), "- Advertisement -"), ignored.end());
    EXPECT_NE(std::find(ignored.begin(), ignored.end(), "Laisser un commentaire"), ignored.end());
  }
}

TEST(ReadDocument, ReadsFixtureWithByteOrderMark) {
  Diagnostics diags;
  auto d = read_document(kFixtures + "article_bom.txt", diags);
  ASSERT_TRUE(d.has_value());
  EXPECT_TRUE(diags.empty());
  EXPECT_EQ(d->text.rfind("Rencontre", 0), 0u);
}

TEST(ReadDocument, ReadsSeedArticle) {
  Diagnostics diags;
  auto d = read_document(ENTENTE_SHARED_DIR "/corpus/seeds/003_0e93f6929fe5dcbb.txt", diags);
  ASSERT_TRUE(d.has_value());
  EXPECT_TRUE(diags.empty());
  EXPECT_TRUE(d->diagnostics.empty());
  EXPECT_EQ(d->id, "003_0e93f6929fe5dcbb.txt");
  expect_offsets_consistent(*d);
  if (has_debris_data()) {
    bool advert = false;
    for (const auto& s : d->ignored) {
      advert = advert || d->slice(s) == "- Advertisement -";
    }
    EXPECT_TRUE(advert);
  }
}

TEST(ReadDocument, MissingFileIsAnError) {
  TempDir tmp;
  Diagnostics diags;
  const fs::path p = tmp.path() / "absent.txt";
  EXPECT_FALSE(read_document(p, diags).has_value());
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].severity, Severity::error);
  EXPECT_EQ(diags[0].where.file, p.string());
  EXPECT_EQ(diags[0].where.offset, Location::npos);
  EXPECT_NE(diags[0].message.find("no such file"), std::string::npos);
}

TEST(ReadDocument, DirectoryIsAnError) {
  TempDir tmp;
  Diagnostics diags;
  EXPECT_FALSE(read_document(tmp.path(), diags).has_value());
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_NE(diags[0].message.find("directory"), std::string::npos);
}

TEST(ReadDocument, UnreadableFileIsAnError) {
  if (::geteuid() == 0) {
    GTEST_SKIP() << "root reads any file";
  }
  TempDir tmp;
  const fs::path p = tmp.write("secret.txt", "Texte secret.");
  fs::permissions(p, fs::perms::none);
  Diagnostics diags;
  EXPECT_FALSE(read_document(p, diags).has_value());
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_NE(diags[0].message.find("cannot open"), std::string::npos) << diags[0].message;
}

TEST(ReadDocument, EmptyAndBlankAndLetterlessFilesAreErrors) {
  TempDir tmp;
  struct Case {
    std::string name, bytes, expected;
  };
  const Case cases[] = {{"empty.txt", "", "empty file"},
                        {"blank.txt", " \n\t\r\n  \n", "only white space"},
                        {"bom.txt", "\xEF\xBB\xBF", "empty file"},
                        {"digits.txt", "2024 - 15 / 10 !!!\n", "no letters"}};
  for (const auto& [name, bytes, expected] : cases) {
    Diagnostics diags;
    EXPECT_FALSE(read_document(tmp.write(name, bytes), diags).has_value()) << name;
    ASSERT_EQ(diags.size(), 1u) << name;
    EXPECT_EQ(diags[0].severity, Severity::error);
    EXPECT_NE(diags[0].message.find(expected), std::string::npos) << diags[0].message;
  }
}

TEST(ReadDocument, NulByteMakesABinaryFile) {
  TempDir tmp;
  std::string bytes(1234, 'a');
  bytes += '\0';
  bytes += "suite du texte";
  Diagnostics diags;
  EXPECT_FALSE(read_document(tmp.write("bin.dat", bytes), diags).has_value());
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].where.offset, 1234u);
  EXPECT_EQ(diags[0].message, "not a text file (NUL byte at offset 1234)");
  EXPECT_NE(entente::format(diags[0]).find("bin.dat"), std::string::npos);
}

TEST(ReadDocument, MostlyControlCharactersMakeABinaryFile) {
  TempDir tmp;
  std::string bytes = "Texte ";
  for (int i = 0; i < 200; ++i) {
    bytes += "ab\x01\x02\x1B";
  }
  Diagnostics diags;
  EXPECT_FALSE(read_document(tmp.write("ctl.dat", bytes), diags).has_value());
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].where.offset, 8u);
  EXPECT_NE(diags[0].message.find("not a text file"), std::string::npos);
  EXPECT_NE(diags[0].message.find("offset 8"), std::string::npos);
}

TEST(ReadDocument, FewControlCharactersAreTolerated) {
  TempDir tmp;
  std::string bytes = "Le texte\x0C continue avec un caract\xC3\xA8re de contr\xC3\xB4le \x1B isol\xC3\xA9.";
  Diagnostics diags;
  EXPECT_TRUE(read_document(tmp.write("few.txt", bytes), diags).has_value());
  EXPECT_TRUE(diags.empty());
}

TEST(ReadDocument, Utf16FileIsRejectedWithAHint) {
  TempDir tmp;
  const std::string bytes(
      "\xFF\xFE"
      "L\0e\0",
      6);
  Diagnostics diags;
  EXPECT_FALSE(read_document(tmp.write("utf16.txt", bytes), diags).has_value());
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_NE(diags[0].message.find("UTF-16"), std::string::npos);
}

TEST(ReadDocument, InvalidUtf8FileIsReadWithAWarningInTheDocument) {
  TempDir tmp;
  Diagnostics diags;
  auto d = read_document(tmp.write("latin1.txt", "Le caf\xE9 de la gare."), diags);
  ASSERT_TRUE(d.has_value());
  EXPECT_TRUE(diags.empty());
  ASSERT_EQ(d->diagnostics.size(), 1u);
  EXPECT_EQ(d->diagnostics[0].where.offset, 6u);
  EXPECT_EQ(d->text, "Le caf\xEF\xBF\xBD de la gare.");
}

TEST(ReadDocument, LargeFileWithoutNewline) {
  TempDir tmp;
  const std::string sentence =
      "Le ministre Paul Arnaud a rencontré Mme Lise Berthaud \xC2\xAB\xC2\xA0ici\xC2\xA0\xC2\xBB. ";
  std::string bytes;
  bytes.reserve(5u << 20);
  while (bytes.size() < (5u << 20)) {
    bytes += sentence;
  }
  Diagnostics diags;
  auto d = read_document(tmp.write("big.txt", bytes), diags);
  ASSERT_TRUE(d.has_value());
  EXPECT_TRUE(diags.empty());
  EXPECT_EQ(d->source.size(), bytes.size());
  EXPECT_LT(d->text.size(), bytes.size());
  EXPECT_EQ(d->source_offset.size(), d->text.size() + 1);
  EXPECT_TRUE(d->ignored.empty());
}

}  // namespace
