// Stage 1, the reader (extract/src/reader.cpp): text -> Document text.
//
// document_from_bytes is fed hand-made byte strings (invalid UTF-8, BOM, CRLF,
// decomposed accents, typographic quotes). Files (missing, directory, empty,
// binary, large, the fixtures of tests/fixtures/text) are read by
// entente::ingest: tests/ingest_test.cpp.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <string_view>

#include "entente/embedded.hpp"
#include "entente/extract/reader.hpp"

namespace {

using entente::Severity;
using entente::extract::document_from_bytes;

bool has_debris_data() {
  for (const auto& e : entente::embedded::entries_entente_extract()) {
    if (e.name == "debris.tsv") {
      return true;
    }
  }
  return false;
}

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

}  // namespace
