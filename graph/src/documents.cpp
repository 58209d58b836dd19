// DocumentList: documents encoded into a buffer, then an unlinked spool file.
//
// A document's bytes (native byte order: the spool never leaves the process):
// eight strings (id, path, iri, title, url, date, publisher, language), each
// as a u32 length then its bytes; a flags byte (1: title from metadata, 2: a
// copy, 4: an exact copy); the u32 length in code points; for a copy, the u32
// index of its original and the f64 share.
#include "entente/graph/documents.hpp"

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

}  // namespace

DocumentList::DocumentList(std::filesystem::path spool_directory) : spool_(std::move(spool_directory)), offsets_{0} {}

void DocumentList::push_back(const DocumentInfo& d) {
  encoded_.clear();
  encode(d, encoded_);
  spool_.append(encoded_);
  offsets_.push_back(offsets_.back() + encoded_.size());
}

DocumentInfo DocumentList::operator[](std::size_t i) const {
  DocumentInfo d;
  std::string scratch;
  decode(spool_.read(offsets_[i], offsets_[i + 1], scratch), d);
  return d;
}

std::string DocumentList::iri(std::size_t i) const {
  std::string scratch;
  Decoder in(spool_.read(offsets_[i], offsets_[i + 1], scratch));
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
  const Spool& spool = list_->spool_;
  const std::uint64_t begin = list_->offsets_[index_], end = list_->offsets_[index_ + 1];
  if (begin >= spool.on_disk()) {  // in memory: no copy
    decode(spool.read(begin, end, chunk_), current_);
    return;
  }
  if (begin < chunk_begin_ || end > chunk_begin_ + chunk_.size()) {
    // A chunk of the file from this document on (a document is never split
    // between the file and memory: the spool moves whole buffers).
    chunk_begin_ = begin;
    const std::string_view read =
        spool.read(begin, std::max(end, std::min<std::uint64_t>(begin + kChunk, spool.on_disk())), chunk_);
    if (read.data() != chunk_.data()) chunk_.assign(read);
  }
  decode(std::string_view(chunk_).substr(begin - chunk_begin_, end - begin), current_);
}

}  // namespace entente::graph
