#include "entente/export/atomic_file.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <system_error>

namespace entente::exporter {

AtomicFile::AtomicFile(std::filesystem::path target) : target_(std::move(target)) {
  temp_ = target_;
  temp_ += ".tmp-" + std::to_string(::getpid());
  file_ = std::fopen(temp_.c_str(), "wb");
  if (file_ == nullptr) {
    error_ = temp_.string() + ": cannot open for writing: " + std::strerror(errno);
    return;
  }
  // Writers hand over a few KiB at a time (Serd's pages): one system call per MiB instead.
  buffer_ = std::make_unique<char[]>(kBuffer);
  std::setvbuf(file_, buffer_.get(), _IOFBF, kBuffer);
}

AtomicFile::~AtomicFile() {
  if (file_ != nullptr) std::fclose(file_);
  if (!committed_) {
    std::error_code ec;
    std::filesystem::remove(temp_, ec);
  }
}

void AtomicFile::write(std::string_view bytes) {
  if (!ok() || bytes.empty()) return;
  if (std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size()) {
    error_ = temp_.string() + ": write failed: " + std::strerror(errno);
  }
}

bool AtomicFile::commit() {
  if (!ok()) return false;
  if (std::fflush(file_) != 0 || std::ferror(file_) != 0) {
    error_ = temp_.string() + ": write failed: " + std::strerror(errno);
  }
  if (std::fclose(file_) != 0 && error_.empty()) {
    error_ = temp_.string() + ": close failed: " + std::strerror(errno);
  }
  file_ = nullptr;
  if (!error_.empty()) return false;
  std::error_code ec;
  std::filesystem::rename(temp_, target_, ec);
  if (ec) {
    error_ = target_.string() + ": cannot rename into place: " + ec.message();
    return false;
  }
  committed_ = true;
  return true;
}

}  // namespace entente::exporter
