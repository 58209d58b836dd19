// DocumentList: documents encoded into a buffer, then an unlinked spool file.
//
// A document's bytes (native byte order: the spool never leaves the process):
// eight strings (id, path, iri, title, url, date, publisher, language), each
// as a u32 length then its bytes; a flags byte (1: title from metadata, 2: a
// copy, 4: an exact copy); the u32 length in code points; for a copy, the u32
// index of its original and the f64 share.
#include "entente/graph/documents.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string_view>
#include <system_error>
#include <utility>

namespace entente::graph {
namespace {

constexpr std::size_t kChunk = std::size_t{256} << 10;  ///< bytes an iterator reads at a time

template <typename T>
void put(std::string& out, T v) {
  char bytes[sizeof(T)];
  std::memcpy(bytes, &v, sizeof(T));
  out.append(bytes, sizeof(T));
}

void put(std::string& out, const std::string& s) {
  put(out, static_cast<std::uint32_t>(s.size()));
  out += s;
}

void encode(const DocumentInfo& d, std::string& out) {
  for (const std::string* s : {&d.id, &d.path, &d.iri, &d.title, &d.url, &d.date, &d.publisher, &d.language}) put(out, *s);
  const auto flags = static_cast<std::uint8_t>((d.title_from_metadata ? 1U : 0U) | (d.copy_of ? 2U : 0U) |
                                               (d.copy_of && d.copy_of->exact ? 4U : 0U));
  put(out, flags);
  put(out, d.length);
  if (d.copy_of) {
    put(out, d.copy_of->original);
    put(out, d.copy_of->share);
  }
}

/// Reads what encode() wrote (the list's own bytes: a short read is a bug, and throws).
class Decoder {
 public:
  explicit Decoder(std::string_view s) : s_(s) {}
  template <typename T>
  T get() {
    T v;
    std::memcpy(&v, take(sizeof(T)), sizeof(T));
    return v;
  }
  void get(std::string& out) {
    const auto n = get<std::uint32_t>();
    out.assign(take(n), n);
  }

 private:
  const char* take(std::size_t n) {
    if (n > s_.size() - at_) throw std::logic_error("DocumentList: a document shorter than written");
    const char* p = s_.data() + at_;
    at_ += n;
    return p;
  }
  std::string_view s_;
  std::size_t at_ = 0;
};

void decode(std::string_view bytes, DocumentInfo& d) {
  Decoder in(bytes);
  for (std::string* s : {&d.id, &d.path, &d.iri, &d.title, &d.url, &d.date, &d.publisher, &d.language}) in.get(*s);
  const auto flags = in.get<std::uint8_t>();
  d.title_from_metadata = (flags & 1U) != 0;
  d.length = in.get<std::uint32_t>();
  d.copy_of.reset();
  if ((flags & 2U) != 0) {
    CopyMatch m;
    m.original = in.get<std::uint32_t>();
    m.share = in.get<double>();
    m.exact = (flags & 4U) != 0;
    d.copy_of = m;
  }
}

/// An unlinked file in `dir` open for reading and writing, or -1.
int open_spool(const std::filesystem::path& dir) {
  std::filesystem::path where = dir;
  if (where.empty()) {
    std::error_code ec;
    where = std::filesystem::temp_directory_path(ec);
    if (ec) return -1;
  }
#ifdef O_TMPFILE
  if (const int fd = ::open(where.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600); fd >= 0) return fd;
#endif
  std::string name = (where / "entente-documents-XXXXXX").string();
  const int fd = ::mkstemp(name.data());
  if (fd >= 0) ::unlink(name.c_str());
  return fd;
}

}  // namespace

DocumentList::DocumentList(std::filesystem::path spool_directory)
    : directory_(std::move(spool_directory)), offsets_{0} {}

DocumentList::~DocumentList() {
  if (fd_ >= 0) ::close(fd_);
}

DocumentList::DocumentList(DocumentList&& other) noexcept
    : directory_(std::move(other.directory_)),
      fd_(std::exchange(other.fd_, -1)),
      unspoolable_(other.unspoolable_),
      offsets_(std::exchange(other.offsets_, {0})),
      spooled_(std::exchange(other.spooled_, 0)),
      buffer_(std::move(other.buffer_)) {
  other.buffer_.clear();
}

DocumentList& DocumentList::operator=(DocumentList&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    directory_ = std::move(other.directory_);
    fd_ = std::exchange(other.fd_, -1);
    unspoolable_ = other.unspoolable_;
    offsets_ = std::exchange(other.offsets_, {0});
    spooled_ = std::exchange(other.spooled_, 0);
    buffer_ = std::move(other.buffer_);
    other.buffer_.clear();
  }
  return *this;
}

void DocumentList::push_back(const DocumentInfo& d) {
  encoded_.clear();
  encode(d, encoded_);
  buffer_ += encoded_;
  offsets_.push_back(offsets_.back() + encoded_.size());
  if (buffer_.size() >= kInMemory && !unspoolable_) spool();
}

void DocumentList::spool() {
  if (fd_ < 0) fd_ = open_spool(directory_);
  std::size_t written = 0;
  while (fd_ >= 0 && written < buffer_.size()) {
    const ::ssize_t n = ::pwrite(fd_, buffer_.data() + written, buffer_.size() - written,
                                 static_cast<::off_t>(spooled_ + written));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    written += static_cast<std::size_t>(n);
  }
  if (written < buffer_.size()) {  // no spool, or a full disk: the documents stay here
    unspoolable_ = true;
    return;
  }
  spooled_ += buffer_.size();
  buffer_.clear();
}

void DocumentList::read(std::uint64_t begin, std::uint64_t end, std::string& out) const {
  out.resize(end - begin);
  std::size_t got = 0;
  while (begin + got < std::min(end, spooled_)) {
    const ::ssize_t n = ::pread(fd_, out.data() + got, std::min(end, spooled_) - begin - got,
                                static_cast<::off_t>(begin + got));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      throw std::system_error(n < 0 ? errno : EIO, std::generic_category(),
                              "cannot read back the temporary file of the document list");
    }
    got += static_cast<std::size_t>(n);
  }
  if (end > spooled_) {
    const std::uint64_t from = std::max(begin, spooled_);
    std::memcpy(out.data() + got, buffer_.data() + (from - spooled_), end - from);
  }
}

DocumentInfo DocumentList::operator[](std::size_t i) const {
  DocumentInfo d;
  if (offsets_[i] >= spooled_) {
    decode(std::string_view(buffer_).substr(offsets_[i] - spooled_, offsets_[i + 1] - offsets_[i]), d);
  } else {
    std::string bytes;
    read(offsets_[i], offsets_[i + 1], bytes);
    decode(bytes, d);
  }
  return d;
}

std::string DocumentList::iri(std::size_t i) const {
  std::string bytes;
  std::string_view at;
  if (offsets_[i] >= spooled_) {
    at = std::string_view(buffer_).substr(offsets_[i] - spooled_, offsets_[i + 1] - offsets_[i]);
  } else {
    read(offsets_[i], offsets_[i + 1], bytes);
    at = bytes;
  }
  Decoder in(at);
  std::string iri;
  for (int field = 0; field < 3; ++field) in.get(iri);  // id, path, then the IRI
  return iri;
}

const DocumentInfo& DocumentList::Lookup::operator[](std::size_t i) {
  auto& [index, doc] = slots_[i % slots_.size()];
  if (index != i + 1) {  // 0: empty
    doc = (*list_)[i];
    index = i + 1;
  }
  return doc;
}

DocumentList::const_iterator::const_iterator(const DocumentList* list, std::size_t index) : list_(list), index_(index) {
  if (index_ < list_->size()) load();
}

DocumentList::const_iterator& DocumentList::const_iterator::operator++() {
  if (++index_ < list_->size()) load();
  return *this;
}

void DocumentList::const_iterator::load() {
  const std::uint64_t begin = list_->offsets_[index_], end = list_->offsets_[index_ + 1];
  if (begin >= list_->spooled_) {  // in the list's buffer: no copy
    decode(std::string_view(list_->buffer_).substr(begin - list_->spooled_, end - begin), current_);
    return;
  }
  if (begin < chunk_begin_ || end > chunk_begin_ + chunk_.size()) {
    chunk_begin_ = begin;
    list_->read(begin, std::max(end, std::min<std::uint64_t>(begin + kChunk, list_->spooled_)), chunk_);
  }
  decode(std::string_view(chunk_).substr(begin - chunk_begin_, end - begin), current_);
}

}  // namespace entente::graph
