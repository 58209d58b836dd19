// Runs a function on items 0..n-1 (or on a stream of items whose number is
// known only at its end) on several threads and hands the results to one
// consumer in input order, so that what the consumer builds does not depend
// on the number of threads.
//
// At most `window` results wait for the consumer at once: memory stays
// bounded whatever n is (the documents of a large corpus are never all held).
#pragma once
#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <limits>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace entente::common {

/// requires: jobs >= 1, window >= jobs. `produce` must be safe to call
/// concurrently for distinct i; it returns item i, or nullopt when there is
/// no item i (the stream has ended: it must then return nullopt for every
/// later i too; items are claimed in order, so produce(i) may be called for a
/// few i past the end). `consume` runs on the calling thread, for i = 0, 1,
/// ... in that order, until the end. `jobs` threads produce: jobs - 1
/// workers and the calling thread, which produces whenever it has nothing to
/// consume (so that `jobs` cores are busy, not jobs + 1 threads fighting for
/// them). A worker wakes the caller only when the item it waits for is
/// ready, and the caller wakes one worker per item consumed. While items
/// remain to produce, a result is destroyed on the thread that produced it
/// (a worker takes back what the caller consumed when it next claims an
/// item): its memory returns to the allocator of the thread that will
/// allocate again, instead of every free taking a lock on another thread's
/// pool (with glibc, 10 % of the CPU time of `entente build --jobs 2`).
/// An exception in `produce` or `consume` is rethrown on the calling thread
/// once every worker has stopped; nothing after it is consumed.
template <typename T>
void ordered_parallel_stream(unsigned jobs, std::size_t window,
                             const std::function<std::optional<T>(std::size_t)>& produce,
                             const std::function<void(std::size_t, T&&)>& consume) {
  constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();
  if (jobs <= 1) {
    for (std::size_t i = 0;; ++i) {
      std::optional<T> item = produce(i);
      if (!item) return;
      consume(i, std::move(*item));
    }
  }
  std::mutex mu;
  std::condition_variable ready_cv;    // the caller: the item it waits for is ready, the end, or a failure
  std::condition_variable space_cv;    // the workers: room in the window, or the end
  struct Slot {
    std::optional<T> value;
    unsigned producer = 0;  // 0: the caller; 1 ... jobs - 1: a worker
  };
  std::deque<Slot> ready;               // slot k holds item base + k
  std::vector<std::vector<T>> spent(jobs);  // consumed results, by the worker that made them
  std::size_t base = 0;                 // next item to consume
  std::size_t next = 0;                 // next item to produce
  std::size_t end = kNone;              // the first item that does not exist, once known
  std::exception_ptr failure;

  // With `mu` held: the next item to produce if the window has room, else kNone.
  auto claim = [&]() -> std::size_t {
    if (failure || next >= end || next >= base + window) return kNone;
    const std::size_t i = next++;
    if (ready.size() < i - base + 1) ready.resize(i - base + 1);
    return i;
  };
  // Without `mu`: produces item i and files its result, the end, or the failure.
  auto run = [&](std::size_t i, unsigned producer) {
    std::optional<T> result;
    std::exception_ptr error;
    try {
      result = produce(i);
    } catch (...) {
      error = std::current_exception();
    }
    bool front = false;
    bool ended = false;
    {
      std::lock_guard lock(mu);
      if (error) {
        if (!failure) failure = error;
      } else if (!result) {
        ended = i < end;
        end = std::min(end, i);
      } else if (i < end) {
        ready[i - base] = Slot{std::move(result), producer};
        front = i == base;
      }
    }
    if (error || ended) {
      ready_cv.notify_all();
      space_cv.notify_all();
    } else if (front) {
      ready_cv.notify_one();
    }
  };
  auto worker = [&](unsigned me) {
    for (;;) {
      std::size_t i = kNone;
      std::vector<T> mine;
      {
        std::unique_lock lock(mu);
        space_cv.wait(lock, [&] { return failure || next >= end || next < base + window; });
        mine.swap(spent[me]);
        i = claim();
      }
      mine.clear();  // freed here, where they were made
      if (i == kNone) return;
      run(i, me);
    }
  };

  std::vector<std::thread> threads;
  for (unsigned t = 1; t < jobs; ++t) threads.emplace_back(worker, t);
  try {
    for (std::size_t i = 0;;) {
      std::optional<T> item;
      unsigned producer = 0;
      std::size_t mine = kNone;
      bool finished = false;
      {
        std::unique_lock lock(mu);
        for (;;) {
          if (failure) break;
          if (base >= end) {
            finished = true;
            break;
          }
          if (!ready.empty() && ready.front().value.has_value()) {
            item = std::move(ready.front().value);
            producer = ready.front().producer;
            ready.pop_front();
            ++base;
            break;
          }
          if ((mine = claim()) != kNone) break;  // nothing to consume yet: produce
          ready_cv.wait(lock);
        }
        if (failure || finished) break;
      }
      if (item) {
        space_cv.notify_one();
        consume(i, std::move(*item));
        ++i;
        if (producer != 0) {
          std::lock_guard lock(mu);
          spent[producer].push_back(std::move(*item));
        }
      } else {
        run(mine, 0);
      }
    }
  } catch (...) {
    std::lock_guard lock(mu);
    if (!failure) failure = std::current_exception();
  }
  {
    std::lock_guard lock(mu);
    next = end = std::min(next, end);  // no more claims
  }
  space_cv.notify_all();
  for (auto& t : threads) t.join();
  if (failure) std::rethrow_exception(failure);
}

/// ordered_parallel_stream of exactly n items: produce(i) for i < n.
template <typename T>
void ordered_parallel(std::size_t n, unsigned jobs, std::size_t window,
                      const std::function<T(std::size_t)>& produce,
                      const std::function<void(std::size_t, T&&)>& consume) {
  const auto threads = static_cast<unsigned>(std::min<std::size_t>(jobs, std::max<std::size_t>(n, 1)));
  ordered_parallel_stream<T>(
      threads, window,
      [&](std::size_t i) -> std::optional<T> {
        if (i >= n) return std::nullopt;
        return produce(i);
      },
      consume);
}

}  // namespace entente::common
