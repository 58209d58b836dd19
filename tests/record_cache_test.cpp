// Record caches (results.hpp, cache_of): the binary form of a record reads
// back as its JSON line does; a cache is read only while it matches its
// results file, is made again when it does not, and a broken one is named.
// Texts written for these tests about fictional people.
#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

#include "command_support.hpp"
#include "fictional_articles.hpp"
#include "entente/extract/pipeline.hpp"
#include "entente/extract/reader.hpp"
#include "entente/graph/graph.hpp"
#include "entente/results/results.hpp"

namespace {

namespace rs = entente::results;
using entente::testing::kRabatMemorandum;
using entente::ingest::InputFile;
using entente::testing::read_file;
using entente::testing::TempDir;
namespace fs = std::filesystem;


rs::Record record(const std::string& name, std::uint64_t ordinal = 0, const std::string& text = kRabatMemorandum) {
  entente::extract::Document d = entente::extract::document_from_bytes(name, "x/" + name, text);
  d.meta.url = "https://presse.example/" + name;
  d.meta.publisher = "La Gazette inventée";
  entente::extract::run_stages(d);
  d.diagnostics.push_back({entente::Severity::warning, {"x/" + name, 12, 1, entente::Location::npos},
                           "an invented warning", "impossible dates"});
  d.diagnostics.push_back({entente::Severity::error, {"x/" + name, entente::Location::npos, entente::Location::npos, 4},
                           "an invented error", ""});
  rs::Record r = rs::record_of(d, InputFile{name, name, "/corpus/x/" + name}, ordinal);
  r.content = rs::content_hash(d);
  return r;
}

/// The record in a record cache's binary form.
std::string binary_of(const rs::Record& r) {
  std::string bytes;
  rs::to_binary(r, 0, bytes);
  return bytes;
}

/// The record as its JSON line reads back: what every way of reading must give.
std::string as_line(const rs::Record& r) { return rs::to_line(r, 0); }

std::vector<std::string> lines_of(const fs::path& results, rs::Reader::Cache cache, bool* cached = nullptr) {
  rs::Reader reader;
  EXPECT_EQ(reader.open(results, cache), "");
  if (cached != nullptr) *cached = reader.cached();
  std::vector<std::string> out;
  for (rs::Record r; reader.next(r);) out.push_back(as_line(r));
  EXPECT_EQ(reader.error(), "");
  return out;
}

/// A results file of three documents, with its cache when `cache`.
void write_three(const fs::path& p, bool cache = true) {
  rs::Writer w(p, cache);
  for (int i = 0; i < 3; ++i) w.add(record("a" + std::to_string(i) + ".txt", 0));
  ASSERT_EQ(w.finish(), "");
}

TEST(RecordCache, ARecordInBinaryReadsBackAsItsJsonLineDoes) {
  const rs::Record r = record("a.txt");
  ASSERT_FALSE(r.facts.entities.empty());
  ASSERT_FALSE(r.facts.relations.empty());
  ASSERT_FALSE(r.evidence.stretches.empty());
  const std::vector<InputFile> files = {r.input};
  const std::string bytes = binary_of(r);
  rs::Record from_bytes, from_json;
  ASSERT_EQ(rs::from_binary(bytes, files, from_bytes), "");
  ASSERT_EQ(rs::from_line(rs::to_line(r, 0), files, from_json), "");
  EXPECT_EQ(as_line(from_bytes), as_line(from_json));
  EXPECT_EQ(from_bytes.facts, r.facts);
  EXPECT_EQ(from_bytes.content, r.content);
  EXPECT_EQ(from_bytes.diagnostics.size(), 2U);
  EXPECT_EQ(from_bytes.diagnostics[1].where.record, 4U);
  EXPECT_EQ(from_bytes.diagnostics[1].where.offset, entente::Location::npos);
  // Smaller than the JSON line.
  EXPECT_LT(bytes.size(), rs::to_line(r, 0).size());
}

TEST(RecordCache, BytesCutShortOrWrongAreRefusedNeverACrash) {
  const rs::Record r = record("a.txt");
  const std::vector<InputFile> files = {r.input};
  const std::string bytes = binary_of(r);
  rs::Record back;
  for (std::size_t n = 0; n < bytes.size(); ++n)
    EXPECT_NE(rs::from_binary(std::string_view(bytes).substr(0, n), files, back), "") << n;
  EXPECT_EQ(rs::from_binary(bytes + "x", files, back), "bytes after the record");
  // An input file the results file does not list.
  EXPECT_NE(rs::from_binary(bytes, {}, back).find("not in the end line's list"), std::string::npos);
  // Lengths far past the end, in every place a length may be.
  for (std::size_t at = 0; at < bytes.size(); ++at) {
    std::string broken = bytes;
    broken[at] = static_cast<char>(0xFF);
    (void)rs::from_binary(broken, files, back);  // a message or a record: never a crash (ASan, UBSan)
  }
}

TEST(RecordCache, TheBodyIsReadOnlyWhenWanted) {
  const rs::Record r = record("a.txt");
  const std::vector<InputFile> files = {r.input};
  const std::string bytes = binary_of(r);
  rs::Record head;
  std::uint64_t seen = 0;
  ASSERT_EQ(rs::from_binary(bytes, files, head,
                            [&](const rs::Record& h) {
                              seen = h.fingerprint.exact;
                              return false;
                            }),
            "");
  EXPECT_EQ(seen, r.fingerprint.exact);
  EXPECT_EQ(head.facts.id, "a.txt");
  EXPECT_EQ(head.facts.meta.url, r.facts.meta.url);
  EXPECT_EQ(head.facts.length, r.facts.length);
  EXPECT_EQ(head.diagnostics.size(), 2U);
  EXPECT_TRUE(head.facts.entities.empty());
  EXPECT_TRUE(head.facts.relations.empty());
  EXPECT_TRUE(head.evidence.text.empty());
  rs::Record whole;
  ASSERT_EQ(rs::from_binary(bytes, files, whole, [](const rs::Record&) { return true; }), "");
  EXPECT_EQ(whole.facts, r.facts);
}

TEST(RecordCache, AWriterMakesTheCacheAndAReaderReadsTheSameRecordsFromIt) {
  TempDir dir;
  const fs::path file = dir.path() / "run-000001.results";
  write_three(file);
  ASSERT_TRUE(fs::exists(rs::cache_of(file)));
  EXPECT_EQ(rs::cache_of(file).filename(), "run-000001.records");
  bool cached = false;
  const std::vector<std::string> from_cache = lines_of(file, rs::Reader::Cache::read, &cached);
  EXPECT_TRUE(cached);
  const std::vector<std::string> from_json = lines_of(file, rs::Reader::Cache::no, &cached);
  EXPECT_FALSE(cached);
  ASSERT_EQ(from_json.size(), 3U);
  EXPECT_EQ(from_cache, from_json);
  // Its index says where each record is.
  rs::Reader reader;
  ASSERT_EQ(reader.open(file, rs::Reader::Cache::read), "");
  std::vector<rs::Place> places;
  ASSERT_EQ(reader.places(places), "");
  ASSERT_EQ(places.size(), 3U);
  const std::string json = read_file(file);
  for (const rs::Place& p : places) {
    rs::Record r;
    const std::size_t end = json.find('\n', p.offset);
    ASSERT_EQ(rs::from_line(std::string_view(json).substr(p.offset, end - p.offset), reader.files(), r), "");
    EXPECT_EQ(r.content, p.content);
    EXPECT_EQ(r.ordinal, p.ordinal);
    EXPECT_EQ(reader.files()[p.file], r.input);
  }
}

TEST(RecordCache, ACacheThatNoLongerMatchesItsFileIsNotReadButMadeAgain) {
  TempDir dir;
  const fs::path file = dir.path() / "run-000001.results";
  write_three(file);
  const std::string cache = read_file(rs::cache_of(file));
  // The results file written again with other records, the old cache left beside it.
  {
    rs::Writer w(file);
    w.add(record("other.txt", 0, std::string(kRabatMemorandum) + " Une phrase de plus."));
    ASSERT_EQ(w.finish(), "");
  }
  { std::ofstream(rs::cache_of(file), std::ios::binary) << cache; }
  bool cached = true;
  const std::vector<std::string> read = lines_of(file, rs::Reader::Cache::remake, &cached);
  EXPECT_FALSE(cached);
  ASSERT_EQ(read.size(), 1U);
  EXPECT_EQ(read, lines_of(file, rs::Reader::Cache::no));
  // Made again as it was read: read from it next time, the same records.
  EXPECT_NE(read_file(rs::cache_of(file)), cache);
  EXPECT_EQ(lines_of(file, rs::Reader::Cache::read, &cached), read);
  EXPECT_TRUE(cached);
  // The same bytes as the writer's cache of that file.
  const fs::path twin = dir.path() / "twin" / "run-000001.results";
  fs::create_directories(twin.parent_path());
  {
    rs::Writer w(twin, true);
    w.add(record("other.txt", 0, std::string(kRabatMemorandum) + " Une phrase de plus."));
    ASSERT_EQ(w.finish(), "");
  }
  EXPECT_EQ(read_file(rs::cache_of(twin)), read_file(rs::cache_of(file)));
  // A missing cache is made again too; Cache::read never makes one.
  fs::remove(rs::cache_of(file));
  (void)lines_of(file, rs::Reader::Cache::read);
  EXPECT_FALSE(fs::exists(rs::cache_of(file)));
  (void)lines_of(file, rs::Reader::Cache::remake);
  EXPECT_TRUE(fs::exists(rs::cache_of(file)));
}

TEST(RecordCache, ABrokenCacheIsNamedWithWhatToDo) {
  TempDir dir;
  const fs::path file = dir.path() / "run-000001.results";
  write_three(file);
  std::string cache = read_file(rs::cache_of(file));
  for (int i = 0; i < 8; ++i) cache[static_cast<std::size_t>(i)] = static_cast<char>(0xFF);  // the first length
  { std::ofstream(rs::cache_of(file), std::ios::binary | std::ios::trunc) << cache; }
  rs::Reader reader;
  ASSERT_EQ(reader.open(file, rs::Reader::Cache::read), "");  // the trailer still matches
  rs::Record r;
  EXPECT_FALSE(reader.next(r));
  EXPECT_NE(reader.error().find(rs::cache_of(file).string() + ": record 1: longer than the bytes left"),
            std::string::npos)
      << reader.error();
  EXPECT_NE(reader.error().find("remove the file: it is made again from run-000001.results"), std::string::npos);
}

TEST(RecordCache, ARecordThatJsonWouldChangeIsNeverCached) {
  TempDir dir;
  const fs::path file = dir.path() / "run-000001.results";
  rs::Record bad = record("a.txt");
  bad.facts.path = std::string("x/caf\xE9.txt");  // a file name in Latin-1: JSON replaces the byte
  ASSERT_FALSE(rs::all_utf8(bad));
  ASSERT_TRUE(rs::all_utf8(record("a.txt")));
  rs::Writer w(file, true);
  w.add(record("a.txt"));
  w.add(bad);
  ASSERT_EQ(w.finish(), "");
  EXPECT_FALSE(fs::exists(rs::cache_of(file)));
  bool cached = true;
  EXPECT_EQ(lines_of(file, rs::Reader::Cache::remake, &cached).size(), 2U);
  EXPECT_FALSE(cached);
  EXPECT_TRUE(fs::exists(rs::cache_of(file)));  // as read back (the byte replaced), it is cached
}

TEST(RecordCache, MergeReadsOnlyTheHeadOfWhatIsNotWanted) {
  TempDir dir;
  const fs::path file = dir.path() / "run-000001.results";
  write_three(file);
  rs::Merge merge;
  ASSERT_EQ(merge.open({file}, true), "");
  std::vector<std::size_t> entities;
  for (rs::Record r; merge.next(r, [](const rs::Record& head) { return head.facts.id != "a1.txt"; });)
    entities.push_back(r.facts.entities.size());
  ASSERT_EQ(entities.size(), 3U);
  EXPECT_GT(entities[0], 0U);
  EXPECT_EQ(entities[1], 0U);
  EXPECT_GT(entities[2], 0U);
}

}  // namespace
