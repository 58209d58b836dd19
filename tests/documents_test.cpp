// DocumentList (graph/documents.hpp): the documents read back are those put
// in, whether they stayed in memory or went to the spool file, in order, by
// index and through a Lookup; no file is left behind.
#include "entente/graph/documents.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <string>
#include <thread>
#include <vector>

namespace {

using entente::graph::CopyMatch;
using entente::graph::DocumentInfo;
using entente::graph::DocumentList;
namespace fs = std::filesystem;

/// Document i of a fictional corpus: every field set, some empty, some copies.
DocumentInfo document(std::size_t i) {
  DocumentInfo d;
  d.id = "depeches/" + std::to_string(i) + ".txt";
  d.path = "/corpus/" + d.id;
  d.iri = "https://w3id.org/entente/id/doc/" + std::to_string(i * 7919);
  d.title = i % 5 == 0 ? "" : "Accord de coopération policière n° " + std::to_string(i) + " entre Valmorie et Ostrelande";
  d.title_from_metadata = i % 3 == 0;
  d.url = i % 4 == 0 ? "" : "https://journal-exemple.test/a/" + std::to_string(i);
  d.date = i % 2 == 0 ? "2026-11-" + std::to_string(10 + i % 18) : "";
  d.publisher = i % 6 == 0 ? "" : "Le Quotidien d'Exemple";
  d.language = "fr";
  d.length = static_cast<std::uint32_t>(1000 + i);
  if (i % 7 == 3) d.copy_of = CopyMatch{static_cast<std::uint32_t>(i / 2), i % 2 == 0 ? 1.0 : 0.83, i % 2 == 0};
  return d;
}

/// Documents whose encoded bytes pass `bytes`.
std::size_t count_past(std::size_t bytes) { return bytes / 150 + 10; }

/// Files in `dir` (none should be left by a list).
std::size_t files_in(const fs::path& dir) {
  return static_cast<std::size_t>(std::distance(fs::directory_iterator(dir), fs::directory_iterator()));
}

class DocumentListTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("entente-documents-test-" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(DocumentListTest, AFewDocumentsStayInMemory) {
  DocumentList docs(dir_);
  for (std::size_t i = 0; i < 20; ++i) docs.push_back(document(i));
  EXPECT_FALSE(docs.spooled());
  ASSERT_EQ(docs.size(), 20U);
  std::size_t i = 0;
  for (const DocumentInfo& d : docs) EXPECT_EQ(d, document(i++));
  EXPECT_EQ(i, 20U);
  EXPECT_EQ(docs[13], document(13));
  EXPECT_EQ(docs.iri(13), document(13).iri);
}

TEST_F(DocumentListTest, ManyDocumentsGoToAnUnlinkedSpoolAndReadBackTheSame) {
  const std::size_t n = count_past(3 * DocumentList::kInMemory);
  {
    DocumentList docs(dir_);
    for (std::size_t i = 0; i < n; ++i) docs.push_back(document(i));
    EXPECT_TRUE(docs.spooled());
    EXPECT_EQ(files_in(dir_), 0U) << "the spool is unlinked from the start";
    ASSERT_EQ(docs.size(), n);
    std::size_t i = 0;
    for (const DocumentInfo& d : docs) {
      ASSERT_EQ(d, document(i)) << "document " << i;
      ++i;
    }
    EXPECT_EQ(i, n);
    // By index: first, last, across the spool's end and the buffer, at random.
    for (const std::size_t k : {std::size_t{0}, n / 3, n / 2, n - 2, n - 1, std::size_t{4321} % n}) {
      EXPECT_EQ(docs[k], document(k)) << "document " << k;
      EXPECT_EQ(docs.iri(k), document(k).iri) << "document " << k;
    }
    DocumentList::Lookup lookup(docs, 8);
    for (std::size_t k = n; k-- > 0;) {  // backwards, through a small cache
      ASSERT_EQ(lookup[k], document(k)) << "document " << k;
    }
    EXPECT_EQ(lookup[17], document(17));
    EXPECT_EQ(lookup[17 + 8], document(17 + 8));  // the same slot taken again
    EXPECT_EQ(lookup[17], document(17));
  }
  EXPECT_EQ(files_in(dir_), 0U);
}

TEST_F(DocumentListTest, ThreadsReadAtOnce) {
  const std::size_t n = count_past(2 * DocumentList::kInMemory);
  DocumentList docs(dir_);
  for (std::size_t i = 0; i < n; ++i) docs.push_back(document(i));
  std::vector<std::size_t> wrong(4);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < wrong.size(); ++t) {
    threads.emplace_back([&, t] {
      std::size_t i = 0;
      for (const DocumentInfo& d : docs) wrong[t] += d == document(i++) ? 0U : 1U;
      for (std::size_t k = t; k < n; k += 97) wrong[t] += docs[k] == document(k) ? 0U : 1U;
    });
  }
  for (auto& t : threads) t.join();
  for (std::size_t t = 0; t < wrong.size(); ++t) EXPECT_EQ(wrong[t], 0U) << "thread " << t;
}

TEST_F(DocumentListTest, WithoutASpoolTheDocumentsStayInMemory) {
  const std::size_t n = count_past(2 * DocumentList::kInMemory);
  DocumentList docs(dir_ / "no such folder");
  for (std::size_t i = 0; i < n; ++i) docs.push_back(document(i));
  EXPECT_FALSE(docs.spooled());
  std::size_t i = 0;
  for (const DocumentInfo& d : docs) ASSERT_EQ(d, document(i++));
  EXPECT_EQ(docs[n - 1], document(n - 1));
}

TEST_F(DocumentListTest, MovedListKeepsItsDocuments) {
  const std::size_t n = count_past(2 * DocumentList::kInMemory);
  DocumentList docs(dir_);
  for (std::size_t i = 0; i < n; ++i) docs.push_back(document(i));
  DocumentList moved(std::move(docs));
  EXPECT_TRUE(moved.spooled());
  EXPECT_EQ(moved.size(), n);
  EXPECT_EQ(moved[n / 2], document(n / 2));
  DocumentList other(dir_);
  other.push_back(document(1));
  other = std::move(moved);
  EXPECT_EQ(other.size(), n);
  EXPECT_EQ(other[1], document(1));
  EXPECT_EQ(other[n - 1], document(n - 1));
}

}  // namespace

namespace {

using entente::graph::Spool;

TEST_F(DocumentListTest, ASpoolReadsBackEveryStretchInTheFileInMemoryAndAcross) {
  Spool spool(dir_, 100);  // to the file each time 100 bytes are in memory
  std::string all;
  for (int i = 0; i < 60; ++i) {
    const std::string piece = "piece " + std::to_string(i) + std::string(static_cast<std::size_t>(i % 17), 'x') + ";";
    spool.append(piece);
    all += piece;
  }
  ASSERT_EQ(spool.size(), all.size());
  EXPECT_GT(spool.on_disk(), 0U);
  EXPECT_LT(spool.on_disk(), all.size()) << "the last bytes wait in memory";
  EXPECT_EQ(files_in(dir_), 0U);
  std::string scratch;
  for (std::uint64_t begin = 0; begin < all.size(); begin += 13) {
    for (const std::uint64_t n : {std::uint64_t{0}, std::uint64_t{1}, std::uint64_t{57}, std::uint64_t{250}}) {
      const std::uint64_t end = std::min<std::uint64_t>(begin + n, all.size());
      EXPECT_EQ(spool.read(begin, end, scratch), all.substr(begin, end - begin)) << begin << ".." << end;
    }
  }
  Spool moved(std::move(spool));
  EXPECT_EQ(moved.read(0, all.size(), scratch), all);
}

TEST_F(DocumentListTest, ASpoolWithoutAFolderKeepsEverythingInMemory) {
  Spool spool(dir_ / "no such folder", 10);
  for (int i = 0; i < 20; ++i) spool.append("0123456789");
  EXPECT_EQ(spool.on_disk(), 0U);
  std::string scratch;
  EXPECT_EQ(spool.read(195, 200, scratch), "56789");
}

}  // namespace
