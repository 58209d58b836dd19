// Runs a function on items 0..n-1 on several threads and hands the results
// to one consumer in input order, so that what the consumer builds does not
// depend on the number of threads.
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
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace entente::common {

/// requires: jobs >= 1, window >= jobs. `produce` runs on worker threads and
/// must be safe to call concurrently for distinct i; `consume` runs on the
/// calling thread, for i = 0, 1, ..., n-1 in that order.
/// An exception in `produce` is rethrown on the calling thread.
template <typename T>
void ordered_parallel(std::size_t n, unsigned jobs, std::size_t window,
                      const std::function<T(std::size_t)>& produce,
                      const std::function<void(std::size_t, T&&)>& consume) {
  if (jobs <= 1 || n <= 1) {
    for (std::size_t i = 0; i < n; ++i) consume(i, produce(i));
    return;
  }
  std::mutex mu;
  std::condition_variable cv;
  std::deque<std::optional<T>> ready;  // slot k holds item base + k
  std::size_t base = 0;                // next item to consume
  std::size_t next = 0;                // next item to produce
  std::exception_ptr failure;

  auto worker = [&] {
    for (;;) {
      std::size_t i;
      {
        std::unique_lock lock(mu);
        cv.wait(lock, [&] { return next >= n || next < base + window || failure; });
        if (next >= n || failure) return;
        i = next++;
        if (ready.size() < i - base + 1) ready.resize(i - base + 1);
      }
      std::optional<T> result;
      try {
        result.emplace(produce(i));
      } catch (...) {
        std::lock_guard lock(mu);
        failure = std::current_exception();
        cv.notify_all();
        return;
      }
      {
        std::lock_guard lock(mu);
        ready[i - base] = std::move(result);
      }
      cv.notify_all();
    }
  };
  std::vector<std::thread> threads;
  const unsigned count = static_cast<unsigned>(std::min<std::size_t>(jobs, n));
  for (unsigned t = 0; t < count; ++t) threads.emplace_back(worker);
  for (std::size_t i = 0; i < n; ++i) {
    std::optional<T> item;
    {
      std::unique_lock lock(mu);
      cv.wait(lock, [&] { return failure || (!ready.empty() && ready.front().has_value()); });
      if (failure) break;
      item = std::move(ready.front());
      ready.pop_front();
      ++base;
    }
    cv.notify_all();
    consume(i, std::move(*item));
  }
  {
    std::lock_guard lock(mu);
    if (failure) next = n;
  }
  cv.notify_all();
  for (auto& t : threads) t.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace entente::common
