// Comparing output folders in end-to-end tests: the regular files of a
// folder in order, and two folders holding the same files with the same bytes.
#pragma once
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "command_support.hpp"

namespace entente::testing {

/// The regular files of `dir`, sorted.
inline std::vector<fs::path> files_of(const fs::path& dir) {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.is_regular_file()) out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

/// Every file of `a` is in `b` with the same bytes, `b` has no other, and
/// there are at least `at_least` of them.
inline void expect_same_outputs(const fs::path& a, const fs::path& b, std::size_t at_least) {
  std::vector<std::string> names_a, names_b;
  for (const auto& e : fs::directory_iterator(a)) names_a.push_back(e.path().filename().string());
  for (const auto& e : fs::directory_iterator(b)) names_b.push_back(e.path().filename().string());
  std::sort(names_a.begin(), names_a.end());
  std::sort(names_b.begin(), names_b.end());
  ASSERT_EQ(names_a, names_b);
  ASSERT_GE(names_a.size(), at_least);
  for (const auto& name : names_a) EXPECT_TRUE(read_file(a / name) == read_file(b / name)) << name << " differs";
}

}  // namespace entente::testing
