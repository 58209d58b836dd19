// Reads the input files on a thread of its own, in order and a little ahead
// of the threads that extract them: the disk works while they compute. A
// corpus that is not in the page cache (a year of a newspaper's archive)
// otherwise costs a disk wait per file, and every file costs system calls
// that the extracting threads no longer make.
//
// At most `ahead` files (and, past the first, `budget` bytes) wait to be
// taken, so memory does not grow with the corpus.
#pragma once
#include <condition_variable>
#include <cstddef>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "entente/extract/reader.hpp"

namespace entente::app {

/// WHAT IT REPRESENTS: the input files of a build, being read ahead.
/// THREAD SAFETY: take() may be called from any number of threads, each
/// index once. Copying is deleted: the reading thread holds `this`.
class ReadAhead {
 public:
  ReadAhead(const std::vector<std::filesystem::path>& files, std::size_t ahead, std::size_t budget)
      : files_(files), ahead_(ahead), budget_(budget), taken_(files.size(), false) {
    thread_ = std::thread([this] { run(); });
  }
  ~ReadAhead() {
    {
      std::lock_guard lock(mu_);
      stop_ = true;
    }
    reader_cv_.notify_all();
    thread_.join();
  }
  ReadAhead(const ReadAhead&) = delete;
  ReadAhead& operator=(const ReadAhead&) = delete;

  /// The bytes of file i, or nullopt with the read error in `diags`
  /// (extract::read_file_bytes); waits until it has been read.
  std::optional<std::string> take(std::size_t i, Diagnostics& diags) {
    std::unique_lock lock(mu_);
    if (ready_.count(i) == 0) {
      ++takers_waiting_;
      taker_cv_.wait(lock, [&] { return ready_.count(i) != 0; });
      --takers_waiting_;
    }
    Read r = std::move(ready_.at(i));
    ready_.erase(i);
    held_ -= r.bytes ? r.bytes->size() : 0;
    taken_[i] = true;
    while (lowest_ < taken_.size() && taken_[lowest_]) ++lowest_;
    const bool wake = reader_waiting_ && may_read(next_, ahead_ / 2);
    lock.unlock();
    if (wake) reader_cv_.notify_one();
    diags.insert(diags.end(), r.diags.begin(), r.diags.end());
    return std::move(r.bytes);
  }

 private:
  struct Read {
    std::optional<std::string> bytes;
    Diagnostics diags;
  };

  /// With `mu_` held: whether file i may be read now, `ahead` files at most
  /// past the first one not taken. The next one needed always may.
  bool may_read(std::size_t i, std::size_t ahead) const {
    return i == lowest_ || (i < lowest_ + ahead && held_ < budget_);
  }

  void run() {
    for (std::size_t i = 0; i < files_.size(); ++i) {
      {
        std::unique_lock lock(mu_);
        next_ = i;
        if (!stop_ && !may_read(i, ahead_)) {
          // Full: wait until half the files ahead are taken, then read
          // them in one go (one wake-up per ahead/2 files, not per file).
          reader_waiting_ = true;
          reader_cv_.wait(lock, [&] { return stop_ || may_read(i, ahead_ / 2); });
          reader_waiting_ = false;
        }
        if (stop_) return;
      }
      Read r;
      r.bytes = extract::read_file_bytes(files_[i], r.diags);
      bool wake = false;
      {
        std::lock_guard lock(mu_);
        held_ += r.bytes ? r.bytes->size() : 0;
        ready_.emplace(i, std::move(r));
        wake = takers_waiting_ > 0;
      }
      if (wake) taker_cv_.notify_all();
    }
  }

  const std::vector<std::filesystem::path>& files_;
  const std::size_t ahead_;
  const std::size_t budget_;
  std::mutex mu_;
  std::condition_variable reader_cv_;  ///< the reading thread: room ahead, or stop
  std::condition_variable taker_cv_;   ///< the extracting threads: a file was read
  std::map<std::size_t, Read> ready_;  ///< read, not yet taken
  std::vector<bool> taken_;
  std::size_t lowest_ = 0;  ///< the first file not yet taken
  std::size_t next_ = 0;    ///< the file the reading thread reads next
  std::size_t held_ = 0;    ///< bytes in ready_
  std::size_t takers_waiting_ = 0;
  bool reader_waiting_ = false;
  bool stop_ = false;
  std::thread thread_;  // last: starts once the members above exist
};

}  // namespace entente::app
