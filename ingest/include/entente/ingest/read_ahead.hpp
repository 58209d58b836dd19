// The inputs of a build read on a thread of their own, in order and a little
// ahead of the threads that convert and extract them: the disk works while
// they compute, and the records of a WARC or JSON Lines file stream through
// without the file being held.
//
//   entente::ingest::ReadAhead input(inputs, options, 64, 64 << 20);
//   for (std::size_t i = 0;; ++i) {             // or from several threads, each i once
//     std::optional<entente::ingest::Item> item = input.take(i);
//     if (!item) break;                         // the end of the inputs
//     ...
//   }
//   const entente::ingest::Totals totals = input.totals();
//
// At most `ahead` items (and, past the first, `budget` bytes) wait to be
// taken, so memory does not grow with the corpus.
#pragma once
#include <condition_variable>
#include <cstddef>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "entente/ingest/ingest.hpp"

namespace entente::ingest {

/// WHAT IT REPRESENTS: the items of read(inputs, options), being read ahead.
/// THREAD SAFETY: take() may be called from any number of threads, each
/// index once. Copying is deleted: the reading thread holds `this`.
class ReadAhead {
 public:
  ReadAhead(std::vector<std::string> inputs, Options options, std::size_t ahead, std::size_t budget);
  ~ReadAhead();
  ReadAhead(const ReadAhead&) = delete;
  ReadAhead& operator=(const ReadAhead&) = delete;

  /// Item i, once read; nullopt when the inputs hold fewer items (the end).
  std::optional<Item> take(std::size_t i);

  /// What read() went through; complete once take() has returned nullopt.
  Totals totals() const;

 private:
  /// With `mu_` held: whether the reader may hand over another item now.
  bool room() const;
  void run();

  const std::vector<std::string> inputs_;
  const Options options_;
  const std::size_t ahead_;
  const std::size_t budget_;
  mutable std::mutex mu_;
  std::condition_variable reader_cv_;  ///< the reading thread: room ahead, or stop
  std::condition_variable taker_cv_;   ///< the taking threads: an item was read, or the end
  std::map<std::size_t, Item> ready_;  ///< read, not yet taken
  std::size_t lowest_ = 0;             ///< the first item not yet taken
  std::vector<bool> taken_;            ///< from lowest_ on: taken out of order
  std::size_t count_ = 0;              ///< items read so far
  std::size_t held_ = 0;               ///< bytes in ready_
  bool end_ = false;                   ///< every item has been read
  bool stop_ = false;
  Totals totals_;
  std::thread thread_;  // last: starts once the members above exist
};

}  // namespace entente::ingest
