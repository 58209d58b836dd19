#include "entente/ingest/read_ahead.hpp"

#include <utility>

namespace entente::ingest {

ReadAhead::ReadAhead(std::vector<std::string> inputs, Options options, std::size_t ahead, std::size_t budget)
    : inputs_(std::move(inputs)), options_(std::move(options)), ahead_(std::max<std::size_t>(ahead, 2)),
      budget_(budget) {
  thread_ = std::thread([this] { run(); });
}

ReadAhead::~ReadAhead() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  reader_cv_.notify_all();
  thread_.join();
}

bool ReadAhead::room() const {
  // The next item needed may always be read; others within the window and budget.
  return count_ == lowest_ || (count_ < lowest_ + ahead_ && held_ < budget_);
}

void ReadAhead::run() {
  const Totals totals = read(inputs_, options_, [this](Item&& item) {
    const std::size_t bytes = item.record ? item.record->bytes.size() : 0;
    {
      std::unique_lock lock(mu_);
      reader_cv_.wait(lock, [&] { return stop_ || room(); });
      if (stop_) return false;
      ready_.emplace(count_++, std::move(item));
      held_ += bytes;
    }
    taker_cv_.notify_all();
    return true;
  });
  {
    std::lock_guard lock(mu_);
    totals_ = totals;
    end_ = true;
  }
  taker_cv_.notify_all();
}

std::optional<Item> ReadAhead::take(std::size_t i) {
  std::unique_lock lock(mu_);
  taker_cv_.wait(lock, [&] { return ready_.count(i) != 0 || (end_ && i >= count_); });
  auto it = ready_.find(i);
  if (it == ready_.end()) return std::nullopt;
  Item item = std::move(it->second);
  ready_.erase(it);
  held_ -= item.record ? item.record->bytes.size() : 0;
  // Items taken out of order wait in taken_ until those before them are taken.
  if (i >= lowest_) {
    if (taken_.size() < i - lowest_ + 1) taken_.resize(i - lowest_ + 1, false);
    taken_[i - lowest_] = true;
    std::size_t k = 0;
    while (k < taken_.size() && taken_[k]) ++k;
    lowest_ += k;
    taken_.erase(taken_.begin(), taken_.begin() + static_cast<std::ptrdiff_t>(k));
  }
  lock.unlock();
  reader_cv_.notify_one();
  return item;
}

Totals ReadAhead::totals() const {
  std::lock_guard lock(mu_);
  return totals_;
}

}  // namespace entente::ingest
