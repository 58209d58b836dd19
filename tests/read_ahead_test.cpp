// app/read_ahead.hpp: every file's bytes reach the thread that takes them,
// in any order of taking, read errors included, with a small look-ahead and
// byte budget (the reading thread waits, never deadlocks).
#include "../app/read_ahead.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "command_support.hpp"

namespace {

namespace fs = std::filesystem;
using entente::app::ReadAhead;
using entente::testing::TempDir;

std::vector<fs::path> write_files(const fs::path& dir, std::size_t n) {
  std::vector<fs::path> files;
  for (std::size_t i = 0; i < n; ++i) {
    files.push_back(dir / ("f" + std::to_string(i) + ".txt"));
    std::ofstream(files.back(), std::ios::binary) << "texte " << i << std::string(i * 100, 'x');
  }
  return files;
}

TEST(ReadAhead, EveryFileReachesItsTakerOnAnyThread) {
  TempDir dir("entente-read-ahead");
  std::vector<fs::path> files = write_files(dir.path(), 60);
  files.insert(files.begin() + 30, dir.path() / "missing.txt");  // a read error, in the middle
  // Look-ahead of 4 files and a budget smaller than one file: the reader waits often.
  ReadAhead input(files, 4, 16);
  std::vector<std::string> got(files.size());
  std::vector<entente::Diagnostics> diags(files.size());
  std::vector<char> read(files.size(), 0);  // not vector<bool>: two threads write it
  std::vector<std::thread> threads;
  for (unsigned t = 0; t < 2; ++t) {
    threads.emplace_back([&, t] {
      for (std::size_t i = t; i < files.size(); i += 2) {  // two takers, interleaved
        if (auto bytes = input.take(i, diags[i])) {
          got[i] = std::move(*bytes);
          read[i] = 1;
        }
      }
    });
  }
  for (auto& t : threads) t.join();
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (i == 30) {
      EXPECT_FALSE(read[i]);
      ASSERT_EQ(diags[i].size(), 1u);
      EXPECT_NE(diags[i][0].message.find("no such file"), std::string::npos);
      continue;
    }
    const std::size_t k = i < 30 ? i : i - 1;
    ASSERT_TRUE(read[i]) << i;
    EXPECT_EQ(got[i], "texte " + std::to_string(k) + std::string(k * 100, 'x'));
    EXPECT_TRUE(diags[i].empty());
  }
}

TEST(ReadAhead, StopsCleanlyWhenNotEverythingIsTaken) {
  TempDir dir("entente-read-ahead");
  const std::vector<fs::path> files = write_files(dir.path(), 40);
  ReadAhead input(files, 8, 1U << 20U);
  entente::Diagnostics diags;
  EXPECT_TRUE(input.take(0, diags).has_value());
  // The destructor stops the reading thread, which is waiting for room.
}

}  // namespace
