// common::ordered_parallel (entente/common/ordered_parallel.hpp): results
// reach the consumer in input order whatever the number of threads, no more
// than `window` wait at once, and a failure in a worker reaches the caller.
#include "entente/common/ordered_parallel.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace {

using entente::common::ordered_parallel;

TEST(OrderedParallel, ConsumesInInputOrderWhateverTheThreads) {
  for (const unsigned jobs : {1u, 2u, 3u, 8u}) {
    SCOPED_TRACE(jobs);
    std::vector<std::size_t> seen;
    std::vector<std::string> values;
    ordered_parallel<std::string>(
        100, jobs, std::size_t{2} * jobs,
        [](std::size_t i) {
          // Early items take longest, so that later ones finish first.
          std::this_thread::sleep_for(std::chrono::microseconds(i % 7 == 0 ? 300 : 0));
          return "item " + std::to_string(i);
        },
        [&](std::size_t i, std::string&& v) {
          seen.push_back(i);
          values.push_back(std::move(v));
        });
    ASSERT_EQ(seen.size(), 100u);
    for (std::size_t i = 0; i < seen.size(); ++i) {
      EXPECT_EQ(seen[i], i);
      EXPECT_EQ(values[i], "item " + std::to_string(i));
    }
  }
}

TEST(OrderedParallel, NoMoreThanTheWindowWaitsForTheConsumer) {
  constexpr std::size_t kWindow = 4;
  std::atomic<std::size_t> produced{0};
  std::size_t consumed = 0, most_ahead = 0;
  ordered_parallel<int>(
      200, 3, kWindow,
      [&](std::size_t i) {
        ++produced;
        return static_cast<int>(i);
      },
      [&](std::size_t, int&&) {
        // A slow consumer: the workers would race ahead without the window.
        std::this_thread::sleep_for(std::chrono::microseconds(50));
        ++consumed;
        most_ahead = std::max(most_ahead, produced.load() - consumed);
      });
  EXPECT_EQ(consumed, 200u);
  EXPECT_LE(most_ahead, kWindow);
}

TEST(OrderedParallel, AFailureInAWorkerReachesTheCaller) {
  for (const unsigned jobs : {1u, 2u}) {
    std::size_t consumed = 0;
    EXPECT_THROW(ordered_parallel<int>(
                     50, jobs, std::size_t{2} * jobs,
                     [](std::size_t i) {
                       if (i == 20) throw std::runtime_error("bad item");
                       return static_cast<int>(i);
                     },
                     [&](std::size_t, int&&) { ++consumed; }),
                 std::runtime_error);
    EXPECT_LE(consumed, 20u) << "nothing after the failed item is consumed";
  }
}

TEST(OrderedParallel, AFailureInTheConsumerStopsTheWorkers) {
  for (const unsigned jobs : {1u, 2u, 4u}) {
    std::size_t consumed = 0;
    EXPECT_THROW(ordered_parallel<int>(
                     1000, jobs, std::size_t{2} * jobs, [](std::size_t i) { return static_cast<int>(i); },
                     [&](std::size_t i, int&&) {
                       if (i == 10) throw std::runtime_error("cannot add it");
                       ++consumed;
                     }),
                 std::runtime_error);
    EXPECT_EQ(consumed, 10u);
  }
}

/// A result that notes whether the thread that destroys it made it.
struct Tracked {
  std::thread::id made = std::this_thread::get_id();
  std::atomic<std::size_t>* elsewhere = nullptr;  ///< destroyed on another thread
  bool owner = true;                              ///< false once moved from

  explicit Tracked(std::atomic<std::size_t>* count) : elsewhere(count) {}
  Tracked(Tracked&& o) noexcept : made(o.made), elsewhere(o.elsewhere), owner(o.owner) { o.owner = false; }
  Tracked& operator=(Tracked&& o) noexcept {
    made = o.made;
    elsewhere = o.elsewhere;
    owner = o.owner;
    o.owner = false;
    return *this;
  }
  Tracked(const Tracked&) = delete;
  Tracked& operator=(const Tracked&) = delete;
  ~Tracked() {
    if (owner && made != std::this_thread::get_id()) ++*elsewhere;
  }
};

TEST(OrderedParallel, AResultIsDestroyedOnTheThreadThatMadeIt) {
  // Except the last few, consumed after the workers have nothing left to claim.
  for (const unsigned jobs : {2u, 3u}) {
    std::atomic<std::size_t> elsewhere{0}, by_workers{0};
    const std::thread::id caller = std::this_thread::get_id();
    constexpr std::size_t kWindow = 4;
    ordered_parallel<Tracked>(
        400, jobs, kWindow,
        [&](std::size_t) {
          std::this_thread::sleep_for(std::chrono::microseconds(50));  // so that the workers take their share
          if (std::this_thread::get_id() != caller) ++by_workers;
          return Tracked(&elsewhere);
        },
        [](std::size_t, Tracked&&) {});
    EXPECT_GE(by_workers.load(), 50u) << jobs << " threads";
    EXPECT_LE(elsewhere.load(), kWindow + jobs) << jobs << " threads";
  }
}

TEST(OrderedParallel, NothingToDoCallsNothing) {
  bool called = false;
  ordered_parallel<int>(
      0, 4, 8,
      [&](std::size_t) {
        called = true;
        return 0;
      },
      [&](std::size_t, int&&) { called = true; });
  EXPECT_FALSE(called);
}

}  // namespace
