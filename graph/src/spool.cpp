// Spool: a buffer, moved to an unlinked temporary file whenever it fills.
#include "entente/graph/spool.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <system_error>
#include <utility>

namespace entente::graph {
namespace {

/// An unlinked file in `dir` open for reading and writing, or -1.
int open_unlinked(const std::filesystem::path& dir) {
  std::filesystem::path where = dir;
  if (where.empty()) {
    std::error_code ec;
    where = std::filesystem::temp_directory_path(ec);
    if (ec) return -1;
  }
#ifdef O_TMPFILE
  if (const int fd = ::open(where.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600); fd >= 0) return fd;
#endif
  std::string name = (where / "entente-spool-XXXXXX").string();
  const int fd = ::mkstemp(name.data());
  if (fd >= 0) ::unlink(name.c_str());
  return fd;
}

}  // namespace

Spool::Spool(std::filesystem::path directory, std::size_t in_memory)
    : directory_(std::move(directory)), in_memory_(std::max<std::size_t>(in_memory, 1)) {}

Spool::~Spool() {
  if (fd_ >= 0) ::close(fd_);
}

Spool::Spool(Spool&& other) noexcept
    : directory_(std::move(other.directory_)),
      in_memory_(other.in_memory_),
      fd_(std::exchange(other.fd_, -1)),
      stay_(other.stay_),
      on_disk_(std::exchange(other.on_disk_, 0)),
      buffer_(std::move(other.buffer_)) {
  other.buffer_.clear();
}

Spool& Spool::operator=(Spool&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    directory_ = std::move(other.directory_);
    in_memory_ = other.in_memory_;
    fd_ = std::exchange(other.fd_, -1);
    stay_ = other.stay_;
    on_disk_ = std::exchange(other.on_disk_, 0);
    buffer_ = std::move(other.buffer_);
    other.buffer_.clear();
  }
  return *this;
}

void Spool::append(std::string_view bytes) {
  buffer_ += bytes;
  if (buffer_.size() >= in_memory_ && !stay_) spill();
}

void Spool::spill() {
  if (fd_ < 0) fd_ = open_unlinked(directory_);
  std::size_t written = 0;
  while (fd_ >= 0 && written < buffer_.size()) {
    const ::ssize_t n = ::pwrite(fd_, buffer_.data() + written, buffer_.size() - written,
                                 static_cast<::off_t>(on_disk_ + written));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    written += static_cast<std::size_t>(n);
  }
  if (written < buffer_.size()) {  // no file, or a full disk: the bytes stay here
    stay_ = true;
    return;
  }
  on_disk_ += buffer_.size();
  buffer_.clear();
}

std::string_view Spool::read(std::uint64_t begin, std::uint64_t end, std::string& scratch) const {
  if (begin >= on_disk_) return std::string_view(buffer_).substr(begin - on_disk_, end - begin);
  scratch.resize(end - begin);
  std::size_t got = 0;
  while (begin + got < std::min(end, on_disk_)) {
    const ::ssize_t n = ::pread(fd_, scratch.data() + got, std::min(end, on_disk_) - begin - got,
                                static_cast<::off_t>(begin + got));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      throw std::system_error(n < 0 ? errno : EIO, std::generic_category(), "cannot read back a temporary file");
    }
    got += static_cast<std::size_t>(n);
  }
  if (end > on_disk_) std::memcpy(scratch.data() + got, buffer_.data(), end - on_disk_);
  return scratch;
}

}  // namespace entente::graph
