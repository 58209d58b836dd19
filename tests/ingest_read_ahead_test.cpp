// ingest/read_ahead.hpp: every item of the inputs reaches the thread that
// takes it, in any order of taking, problems included, with a small
// look-ahead and byte budget (the reading thread waits, never deadlocks),
// and the end is known.
#include <algorithm>
#include "entente/ingest/read_ahead.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "command_support.hpp"

namespace {

namespace fs = std::filesystem;
using entente::ingest::Item;
using entente::ingest::ReadAhead;
using entente::testing::TempDir;

std::vector<std::string> write_files(const fs::path& dir, std::size_t n) {
  std::vector<std::string> files;
  for (std::size_t i = 0; i < n; ++i) {
    files.push_back((dir / ("f" + std::to_string(i) + ".txt")).string());
    std::ofstream(files.back(), std::ios::binary) << "texte " << i << std::string(i * 100, 'x');
  }
  return files;
}

TEST(ReadAhead, EveryItemReachesItsTakerOnAnyThread) {
  TempDir dir("entente-read-ahead");
  std::vector<std::string> files = write_files(dir.path(), 60);
  files.insert(files.begin() + 30, (dir.path() / "missing.txt").string());  // a problem, in the middle
  // Look-ahead of 4 items and a budget smaller than one file: the reader waits often.
  ReadAhead input(files, {}, 4, 16);
  std::vector<std::optional<Item>> got(files.size() + 2);
  std::vector<std::thread> threads;
  for (unsigned t = 0; t < 2; ++t) {
    threads.emplace_back([&, t] {
      for (std::size_t i = t; i < got.size(); i += 2) got[i] = input.take(i);  // two takers, interleaved
    });
  }
  for (auto& t : threads) t.join();
  // The missing input is found first, as the inputs are listed; then the
  // files in the order of their paths (f0, f1, f10, f11, ...).
  std::vector<std::string> names;
  for (std::size_t k = 0; k < 60; ++k) names.push_back("f" + std::to_string(k) + ".txt");
  std::sort(names.begin(), names.end());
  for (std::size_t i = 0; i < files.size(); ++i) {
    ASSERT_TRUE(got[i].has_value()) << i;
    if (i == 0) {
      EXPECT_FALSE(got[i]->record.has_value());
      ASSERT_EQ(got[i]->diags.size(), 1u);
      EXPECT_NE(got[i]->diags[0].message.find("no such file"), std::string::npos);
      continue;
    }
    const std::string& name = names[i - 1];
    const std::size_t k = std::stoul(name.substr(1));
    ASSERT_TRUE(got[i]->record.has_value()) << i;
    EXPECT_EQ(got[i]->record->bytes, "texte " + std::to_string(k) + std::string(k * 100, 'x'));
    EXPECT_EQ(got[i]->record->id, name);
    EXPECT_TRUE(got[i]->diags.empty());
  }
  // Past the end: nothing, for every taker.
  EXPECT_FALSE(got[files.size()].has_value());
  EXPECT_FALSE(got[files.size() + 1].has_value());
  EXPECT_EQ(input.totals().records, 60u);
  EXPECT_EQ(input.totals().bad_inputs, 1u);
}

TEST(ReadAhead, StopsCleanlyWhenNotEverythingIsTaken) {
  TempDir dir("entente-read-ahead");
  const std::vector<std::string> files = write_files(dir.path(), 40);
  ReadAhead input(files, {}, 8, 1U << 20U);
  EXPECT_TRUE(input.take(0).has_value());
  // The destructor stops the reading thread, which is waiting for room.
}

TEST(ReadAhead, NoInputGivesAnEndAtOnce) {
  ReadAhead input({}, {}, 8, 1U << 20U);
  EXPECT_FALSE(input.take(0).has_value());
}

}  // namespace
