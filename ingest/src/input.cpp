#include "input.hpp"

#include <archive.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace entente::ingest {

FdSource::~FdSource() {
  if (owned_ && fd_ >= 0) ::close(fd_);
}

std::ptrdiff_t FdSource::read(char* buf, std::size_t n) {
  for (;;) {
    const ::ssize_t got = ::read(fd_, buf, n);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) {
      error_ = std::strerror(errno);
      return -1;
    }
    consumed_ += static_cast<std::uint64_t>(got);
    return got;
  }
}

std::ptrdiff_t ArchiveSource::read(char* buf, std::size_t n) {
  const la_ssize_t got = archive_read_data(a_, buf, n);
  if (got < 0) {
    const char* message = archive_error_string(a_);
    error_ = message != nullptr ? message : "cannot read the archive";
    return -1;
  }
  return got;
}

std::uint64_t ArchiveSource::consumed() const {
  const la_int64_t n = archive_filter_bytes(a_, -1);
  return n > 0 ? static_cast<std::uint64_t>(n) : 0;
}

bool Input::fill() {
  if (eof_ || failed_) return false;
  if (begin_ > 0 && (begin_ == end_ || begin_ >= capacity_ / 2)) {
    std::memmove(buffer_.get(), buffer_.get() + begin_, end_ - begin_);
    end_ -= begin_;
    begin_ = 0;
  }
  if (capacity_ - end_ < kMinRead) {
    const std::size_t grown = std::max(capacity_ * 2, end_ + kChunk);
    std::unique_ptr<char[]> bigger = std::make_unique_for_overwrite<char[]>(grown);
    if (end_ > begin_) std::memcpy(bigger.get() + begin_, buffer_.get() + begin_, end_ - begin_);
    buffer_ = std::move(bigger);
    capacity_ = grown;
  }
  const std::ptrdiff_t got = source_.read(buffer_.get() + end_, capacity_ - end_);
  if (got < 0) {
    failed_ = true;
    return false;
  }
  if (got == 0) {
    eof_ = true;
    return false;
  }
  end_ += static_cast<std::size_t>(got);
  return true;
}

std::string_view Input::peek(std::size_t n) {
  while (available() < n && fill()) {
  }
  return {buffer_.get() + begin_, std::min(n, available())};
}

Input::Line Input::line(std::string& out, std::size_t max) {
  out.clear();
  std::size_t searched = 0;
  bool too_long = false;
  for (;;) {
    const char* start = buffer_.get() + begin_;
    const void* nl = std::memchr(start + searched, '\n', available() - searched);
    if (nl != nullptr) {
      const auto len = static_cast<std::size_t>(static_cast<const char*>(nl) - start);
      if (!too_long && out.size() + len <= max) {
        out.append(start, len);
        if (!out.empty() && out.back() == '\r') out.pop_back();
      } else {
        too_long = true;
        out.clear();
      }
      consume(len + 1);
      return too_long ? Line::too_long : Line::ok;
    }
    // No newline in the buffer: keep what there is (unless too long) and read on.
    if (!too_long && out.size() + available() > max) {
      too_long = true;
      out.clear();
    }
    if (too_long) {
      consume(available());
      searched = 0;
    } else if (available() > kChunk * 4) {
      out.append(start, available());
      consume(available());
      searched = 0;
    } else {
      searched = available();
    }
    if (!fill()) {
      if (too_long) return Line::too_long;
      out.append(buffer_.get() + begin_, available());
      consume(available());
      if (out.empty()) return Line::end;
      if (out.back() == '\r') out.pop_back();
      return Line::ok;
    }
  }
}

bool Input::read(std::size_t n, std::string& out) {
  while (n > 0) {
    if (available() == 0 && !fill()) return false;
    const std::size_t take = std::min(n, available());
    out.append(buffer_.get() + begin_, take);
    consume(take);
    n -= take;
  }
  return true;
}

bool Input::skip(std::size_t n) {
  while (n > 0) {
    if (available() == 0 && !fill()) return false;
    const std::size_t take = std::min(n, available());
    consume(take);
    n -= take;
  }
  return true;
}

bool Input::rest(std::string& out, std::size_t max) {
  for (;;) {
    const std::size_t take = std::min(available(), max - std::min(max, out.size()));
    out.append(buffer_.get() + begin_, take);
    consume(take);
    if (available() > 0) return false;  // over `max`
    if (!fill()) return !failed_;
  }
}

}  // namespace entente::ingest
