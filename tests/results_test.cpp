// Extraction results as files (results/results.hpp), on texts written for
// these tests about fictional people.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <string>
#include <vector>

#include "command_support.hpp"
#include "fictional_articles.hpp"
#include "entente/extract/pipeline.hpp"
#include "entente/extract/reader.hpp"
#include "entente/results/results.hpp"

namespace {

namespace rs = entente::results;
using entente::testing::kRabatMemorandum;
using entente::ingest::InputFile;
using entente::testing::TempDir;
namespace fs = std::filesystem;


rs::Record record(const std::string& name, const std::string& folder, std::uint64_t ordinal = 0,
                  const std::string& text = kRabatMemorandum) {
  entente::extract::Document d = entente::extract::document_from_bytes(name, folder + "/" + name, text);
  entente::extract::run_stages(d);
  d.diagnostics.push_back({entente::Severity::warning, {folder + "/" + name, 12, 1, entente::Location::npos},
                           "an invented warning", "impossible dates"});
  return rs::record_of(d, InputFile{name, name, "/corpus/" + folder + "/" + name}, ordinal);
}

void write(const fs::path& p, const std::string& bytes) {
  std::ofstream out(p, std::ios::binary);
  out << bytes;
}

/// A results file of two documents, a.txt and b.txt.
void write_two(const fs::path& p) {
  rs::Writer w(p);
  w.add(record("a.txt", "x"));
  w.add(record("b.txt", "x"));
  ASSERT_EQ(w.finish(), "");
}

TEST(Results, ARecordReadBackIsTheRecordWritten) {
  const rs::Record r = record("a.txt", "x");
  ASSERT_FALSE(r.facts.entities.empty());
  ASSERT_FALSE(r.facts.relations.empty());
  ASSERT_FALSE(r.evidence.stretches.empty());
  const std::vector<InputFile> files = {r.input};
  rs::Record back;
  ASSERT_EQ(rs::from_line(rs::to_line(r, 0), files, back), "");
  EXPECT_EQ(back.facts, r.facts);
  EXPECT_EQ(back.fingerprint.exact, r.fingerprint.exact);
  EXPECT_EQ(back.fingerprint.words, r.fingerprint.words);
  EXPECT_EQ(back.fingerprint.sketch, r.fingerprint.sketch);
  EXPECT_EQ(back.evidence.text, r.evidence.text);
  ASSERT_EQ(back.evidence.stretches.size(), r.evidence.stretches.size());
  for (std::size_t i = 0; i < r.evidence.stretches.size(); ++i) {
    const auto &a = back.evidence.stretches[i], &b = r.evidence.stretches[i];
    EXPECT_EQ(std::tie(a.begin, a.end, a.byte_begin, a.byte_end, a.entities, a.relations),
              std::tie(b.begin, b.end, b.byte_begin, b.byte_end, b.entities, b.relations));
  }
  ASSERT_EQ(back.diagnostics.size(), 1U);
  EXPECT_EQ(entente::format(back.diagnostics[0]), entente::format(r.diagnostics[0]));
  EXPECT_EQ(back.diagnostics[0].kind, "impossible dates");
  EXPECT_EQ(back.input, r.input);
}

TEST(Results, TheContentHashIsTextAndMetadataNotTheName) {
  using entente::extract::document_from_bytes;
  const auto hash = [](const std::string& name, const std::string& text) {
    return rs::content_hash(document_from_bytes(name, "x/" + name, text));
  };
  const std::uint64_t a = hash("a.txt", kRabatMemorandum);
  EXPECT_EQ(hash("renamed.txt", kRabatMemorandum), a);
  EXPECT_NE(hash("a.txt", std::string(kRabatMemorandum) + " "), a);
  entente::extract::Document d = document_from_bytes("a.txt", "x/a.txt", kRabatMemorandum);
  for (std::string entente::extract::Metadata::*field :
       {&entente::extract::Metadata::url, &entente::extract::Metadata::title, &entente::extract::Metadata::date,
        &entente::extract::Metadata::publisher, &entente::extract::Metadata::language}) {
    entente::extract::Document other = d;
    other.meta.*field = "x";
    EXPECT_NE(rs::content_hash(other), a);
  }
  // A field's bytes do not slide into the next one.
  entente::extract::Document t1 = d, t2 = d;
  t1.meta.url = "ab";
  t2.meta.url = "a";
  t2.meta.title = "b";
  EXPECT_NE(rs::content_hash(t1), rs::content_hash(t2));
  // The record keeps it: written and read back.
  rs::Record r = record("a.txt", "x");
  r.content = a;
  rs::Record back;
  ASSERT_EQ(rs::from_line(rs::to_line(r, 0), {r.input}, back), "");
  EXPECT_EQ(back.content, a);
}

TEST(Results, AWrittenFileReadsBackInOrder) {
  TempDir dir;
  write_two(dir.path() / "r.results");
  EXPECT_FALSE(fs::exists(dir.path() / ("r.results.tmp-" + std::to_string(::getpid()))));
  rs::Reader r;
  ASSERT_EQ(r.open(dir.path() / "r.results"), "");
  EXPECT_EQ(r.documents(), 2U);
  ASSERT_EQ(r.files().size(), 2U);
  rs::Record got;
  ASSERT_TRUE(r.next(got));
  EXPECT_EQ(got.facts.id, "a.txt");
  ASSERT_TRUE(r.next(got));
  EXPECT_EQ(got.facts.id, "b.txt");
  EXPECT_FALSE(r.next(got));
  EXPECT_EQ(r.error(), "");
}

// The end line lists every input file: with thousands it spans several of
// the chunks it is read back in.
TEST(Results, AnEndLineLongerThanAChunkReadsBack) {
  TempDir dir;
  rs::Record r = record("a.txt", "x");
  {
    rs::Writer w(dir.path() / "many.results");
    for (int i = 0; i < 3000; ++i) {
      const std::string name = "article-" + std::to_string(100000 + i) + ".txt";
      r.input = InputFile{name, name, "/corpus/x/" + name};
      r.facts.id = name;
      w.add(r);
    }
    ASSERT_EQ(w.finish(), "");
  }
  const std::string bytes = entente::testing::read_file(dir.path() / "many.results");
  ASSERT_GT(bytes.size() - bytes.rfind('\n', bytes.size() - 2), std::size_t{3} << 16U);
  rs::Reader reader;
  ASSERT_EQ(reader.open(dir.path() / "many.results"), "");
  ASSERT_EQ(reader.files().size(), 3000U);
  EXPECT_EQ(reader.files().back().canonical, "/corpus/x/article-102999.txt");
  std::size_t n = 0;
  for (rs::Record got; reader.next(got);) ++n;
  EXPECT_EQ(reader.error(), "");
  EXPECT_EQ(n, 3000U);
}

TEST(Results, AFileOfAnotherVersionIsRefusedWithItsVersion) {
  TempDir dir;
  const fs::path p = dir.path() / "v2.results";
  write(p, "{\"entente\":\"extraction results\",\"version\":2}\n{\"end\":{\"documents\":0,\"files\":[]}}\n");
  rs::Reader r;
  const std::string err = r.open(p);
  EXPECT_NE(err.find(p.string() + ":1: results of version 2; this entente reads version 1"), std::string::npos) << err;
}

TEST(Results, AFileThatIsNotResultsIsRefused) {
  TempDir dir;
  const fs::path p = dir.path() / "article.txt";
  write(p, "Le Maroc et l'Espagne coopèrent.\n");
  rs::Reader r;
  const std::string err = r.open(p);
  EXPECT_NE(err.find(p.string() + ":1: not an Entente results file"), std::string::npos) << err;
}

// Found by fuzz_read: a header whose "entente" field is not a string threw out of open().
TEST(Results, AHeaderWithFieldsOfOtherTypesIsRefusedNotACrash) {
  TempDir dir;
  for (const char* header : {"{\"entente\":1,\"version\":1}", "{\"entente\":\"extraction results\",\"entente\":1}",
                             "{\"entente\":[\"extraction results\"],\"version\":1}"}) {
    const fs::path p = dir.path() / "odd.results";
    write(p, std::string(header) + "\n{\"end\":{\"documents\":0,\"files\":[]}}\n");
    rs::Reader r;
    const std::string err = r.open(p);
    EXPECT_NE(err.find(p.string() + ":1: not an Entente results file"), std::string::npos) << header << ": " << err;
  }
  const fs::path p = dir.path() / "version.results";
  write(p, "{\"entente\":\"extraction results\",\"version\":\"1\"}\n{\"end\":{\"documents\":0,\"files\":[]}}\n");
  rs::Reader r;
  EXPECT_NE(r.open(p).find(":1: results of version \"1\"; this entente reads version 1"), std::string::npos) << r.error();
}

/// The bytes of write_two(p), whose last line starts with {"end":.
std::string two_records(const fs::path& p) {
  write_two(p);
  std::string bytes = entente::testing::read_file(p);
  EXPECT_NE(bytes.rfind("{\"end\":"), std::string::npos);
  return bytes;
}

// The end line's input files are taken one by one as it is parsed (no tree
// of the whole list): every way the list can be wrong is still named.
TEST(Results, AnEndLineWhoseFilesAreNotInputFilesIsRefusedByName) {
  TempDir dir;
  const fs::path whole = dir.path() / "whole.results";
  const std::string bytes = two_records(whole);
  const std::size_t end = bytes.rfind("{\"end\":");
  {
    rs::Reader r;
    ASSERT_EQ(r.open(whole), "");
    EXPECT_FALSE(r.files().empty());
  }
  const std::string head = bytes.substr(0, end);
  const std::pair<const char*, const char*> cases[] = {
      {"{\"end\":{\"documents\":2,\"files\":[\"a.txt\"]}}\n", "holds \"a.txt\", not an input file"},
      {"{\"end\":{\"documents\":2,\"files\":{\"id\":\"a.txt\"}}}\n", "its \"files\" is not a list"},
      {"{\"end\":{\"documents\":2,\"files\":[{\"id\":\"a.txt\",\"base_id\":\"a.txt\"}]}}\n", "canonical"},
      {"{\"end\":{\"documents\":2,\"files\":[{\"id\":1,\"base_id\":\"a.txt\",\"canonical\":\"/a.txt\"}]}}\n", "string"},
      {"{\"end\":{\"documents\":2}}\n", "files"},
  };
  for (const auto& [line, why] : cases) {
    const fs::path p = dir.path() / "files.results";
    write(p, head + line);
    rs::Reader r;
    const std::string err = r.open(p);
    EXPECT_NE(err.find(p.string() + ": its end line is broken"), std::string::npos) << line << ": " << err;
    EXPECT_NE(err.find(why), std::string::npos) << line << ": " << err;
  }
  // Objects elsewhere in the end line are not input files.
  const fs::path p = dir.path() / "other.results";
  std::string b = bytes;
  b.insert(b.rfind("}}"), ",\"notes\":[{\"id\":\"x\",\"base_id\":\"x\",\"canonical\":\"/x\"}]");
  write(p, b);
  rs::Reader r;
  ASSERT_EQ(r.open(p), "") << r.error();
  rs::Reader plain;
  ASSERT_EQ(plain.open(whole), "");
  EXPECT_EQ(r.files(), plain.files());
}

// Found by fuzz_read: a number written as a float out of range (1e21 for a
// count) was converted to an integer by a cast whose result is undefined.
TEST(Results, NumbersThatAreNotWholeOrOutOfRangeAreRefusedByName) {
  TempDir dir;
  const fs::path whole = dir.path() / "whole.results";
  const std::string bytes = two_records(whole);
  const std::size_t end = bytes.rfind("{\"end\":");
  {
    const fs::path p = dir.path() / "count.results";
    std::string b = bytes;
    const std::size_t at = b.find("\"documents\":2", end);
    ASSERT_NE(at, std::string::npos);
    b.replace(at, std::string("\"documents\":2").size(), "\"documents\":1.1e21");
    write(p, b);
    rs::Reader r;
    const std::string err = r.open(p);
    EXPECT_NE(err.find(p.string() + ": its end line is broken"), std::string::npos) << err;
    EXPECT_NE(err.find("not a whole number"), std::string::npos) << err;
  }
  for (const char* field : {"\"length\":", "\"ordinal\":"}) {
    for (const char* value : {"1e30", "-1", "4294967296000000000000", "2.5"}) {
      const fs::path p = dir.path() / "field.results";
      std::string b = bytes;
      const std::size_t at = b.find(field);
      ASSERT_NE(at, std::string::npos);
      const std::size_t from = at + std::string(field).size();
      b.replace(from, b.find_first_not_of("0123456789", from) - from, value);
      write(p, b);
      rs::Reader r;
      ASSERT_EQ(r.open(p), "");
      rs::Record rec;
      EXPECT_FALSE(r.next(rec));
      EXPECT_NE(r.error().find(p.string() + ":2: "), std::string::npos) << field << value << ": " << r.error();
      EXPECT_NE(r.error().find("not a whole number"), std::string::npos) << field << value << ": " << r.error();
    }
  }
}

TEST(Results, AFileCutShortIsRefused) {
  TempDir dir;
  const fs::path whole = dir.path() / "whole.results";
  write_two(whole);
  const std::string bytes = entente::testing::read_file(whole);
  const fs::path cut = dir.path() / "cut.results";
  write(cut, bytes.substr(0, bytes.size() / 2));
  rs::Reader r;
  const std::string err = r.open(cut);
  EXPECT_NE(err.find(cut.string() + ": incomplete: its last line is not the end line"), std::string::npos) << err;
}

TEST(Results, ABrokenRecordIsNamedByFileAndLine) {
  TempDir dir;
  const fs::path whole = dir.path() / "whole.results";
  write_two(whole);
  std::vector<std::string> lines = entente::testing::lines_of(entente::testing::read_file(whole));
  ASSERT_EQ(lines.size(), 4U);
  const std::size_t at = lines[2].find("\"fingerprint\"");
  ASSERT_NE(at, std::string::npos);
  lines[2].replace(at, 13, "\"fingerprinz\"");
  std::string broken;
  for (const auto& l : lines) broken += l + "\n";
  const fs::path p = dir.path() / "broken.results";
  write(p, broken);
  rs::Reader r;
  ASSERT_EQ(r.open(p), "");
  rs::Record got;
  EXPECT_TRUE(r.next(got));
  EXPECT_FALSE(r.next(got));
  EXPECT_NE(r.error().find(p.string() + ":3: not a document record of version 1: key 'fingerprint' not found"),
            std::string::npos)
      << r.error();
}

// Two files named x.txt in two folders, extracted apart: each run calls its
// own "x.txt"; read together they are told apart as one build tells them.
TEST(ResultsMerge, FilesOfTheSameNameAreToldApartAcrossResults) {
  TempDir dir;
  {
    rs::Writer w(dir.path() / "b.results");
    w.add(record("x.txt", "b"));
    ASSERT_EQ(w.finish(), "");
  }
  {
    rs::Writer w(dir.path() / "a.results");
    w.add(record("x.txt", "a", 0, std::string(kRabatMemorandum) + " Une phrase de plus."));
    ASSERT_EQ(w.finish(), "");
  }
  rs::Merge m;
  ASSERT_EQ(m.open({dir.path() / "b.results", dir.path() / "a.results"}), "");
  rs::Record r;
  std::vector<std::string> ids;
  while (m.next(r)) ids.push_back(r.facts.id);
  EXPECT_EQ(m.error(), "");
  EXPECT_EQ(ids, (std::vector<std::string>{"a/x.txt", "b/x.txt"}));
}

// The same document in two results files (the same input file and place,
// the same text) is read once; the rest keeps the order of one build.
TEST(ResultsMerge, ADocumentInTwoFilesIsReadOnce) {
  TempDir dir;
  {
    rs::Writer w(dir.path() / "1.results");
    w.add(record("a.txt", "x"));
    w.add(record("c.txt", "x"));
    ASSERT_EQ(w.finish(), "");
  }
  {
    rs::Writer w(dir.path() / "2.results");
    w.add(record("b.txt", "x"));
    w.add(record("c.txt", "x"));
    ASSERT_EQ(w.finish(), "");
  }
  rs::Merge m;
  ASSERT_EQ(m.open({dir.path() / "2.results", dir.path() / "1.results"}), "");
  EXPECT_EQ(m.documents(), 4U);
  rs::Record r;
  std::vector<std::string> ids;
  while (m.next(r)) ids.push_back(r.facts.id);
  EXPECT_EQ(m.error(), "");
  EXPECT_EQ(ids, (std::vector<std::string>{"a.txt", "b.txt", "c.txt"}));
  EXPECT_EQ(m.repeated(), 1U);
}

// Shards that do not overlap (extract --shard) are read one after the
// other: a build from thousands of them never holds them all open.
TEST(ResultsMerge, ShardsThatDoNotOverlapAreOpenedOneAfterTheOther) {
  TempDir dir;
  rs::Record r = record("a.txt", "x");
  std::vector<fs::path> files;
  for (int k = 0; k < 40; ++k) {
    files.push_back(dir.path() / ("shard-" + std::to_string(k) + ".results"));
    rs::Writer w(files.back());
    for (int i = 0; i < 3; ++i) {
      const std::string name = "a" + std::to_string(1000 + 3 * k + i) + ".txt";
      r.input = InputFile{name, name, "/corpus/x/" + name};
      r.facts.id = name;
      w.add(r);
    }
    ASSERT_EQ(w.finish(), "");
  }
  std::reverse(files.begin(), files.end());
  rs::Merge m;
  ASSERT_EQ(m.open(files), "");
  std::vector<std::string> ids;
  for (rs::Record got; m.next(got);) ids.push_back(got.facts.id);
  EXPECT_EQ(m.error(), "");
  ASSERT_EQ(ids.size(), 120U);
  EXPECT_TRUE(std::is_sorted(ids.begin(), ids.end()));
  EXPECT_LE(m.most_open(), 2U);
}

TEST(ResultsMerge, RecordsOutOfReadingOrderAreRefused) {
  TempDir dir;
  const fs::path p = dir.path() / "r.results";
  {
    rs::Writer w(p);
    w.add(record("b.txt", "x"));
    w.add(record("a.txt", "x"));
    ASSERT_EQ(w.finish(), "");
  }
  rs::Merge m;
  const std::string err = m.open({p});
  rs::Record r;
  while (err.empty() && m.next(r)) {
  }
  const std::string& why = err.empty() ? m.error() : err;
  EXPECT_NE(why.find("not in reading order"), std::string::npos) << why;
}

}  // namespace
