// Record caches (cache.hpp has the layout).
#include "cache.hpp"

#include "bytes.hpp"
#include "entente/common/hash.hpp"

namespace entente::results {
namespace {

constexpr std::string_view kMagic = "entente.records\n";
constexpr std::uint32_t kCacheVersion = 1;
constexpr std::size_t kTrailer = 5 * 8 + 4 + kMagic.size();
constexpr std::size_t kPlace = 8 + 4 + 8 + 8;

void put_le(std::string& out, std::uint64_t v, int size = 8) {
  for (int i = 0; i < size; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xFFU));
}

std::uint64_t get_le(const char* p, int size = 8) {
  std::uint64_t v = 0;
  for (int i = size; i-- > 0;) v = (v << 8U) | static_cast<unsigned char>(p[i]);
  return v;
}

}  // namespace

std::uint64_t end_line_hash(std::string_view line) { return common::mix64(common::fnv1a(line)); }

CacheWriter::CacheWriter(const std::filesystem::path& results)
    : file_(std::make_unique<exporter::AtomicFile>(cache_of(results))) {
  if (!file_->ok()) file_.reset();
}

void CacheWriter::add(const Record& r, std::uint32_t file_index, std::uint64_t offset) {
  if (!ok()) return;
  // A record whose JSON line would not read back as itself is not cached: nor is the file.
  if (!all_utf8(r)) {
    file_.reset();
    return;
  }
  buffer_.clear();
  to_binary(r, file_index, buffer_);
  std::string length;
  put_le(length, buffer_.size());
  file_->write(length);
  file_->write(buffer_);
  written_ += length.size() + buffer_.size();
  index_.push_back({r.content, file_index, r.ordinal, offset});
}

bool CacheWriter::finish(const std::vector<ingest::InputFile>& files, std::uint64_t results_size,
                         std::uint64_t end_hash) {
  if (!ok()) return false;
  std::string tail;
  for (const Place& p : index_) {
    put_le(tail, p.content);
    put_le(tail, p.file, 4);
    put_le(tail, p.ordinal);
    put_le(tail, p.offset);
  }
  const std::uint64_t files_at = written_ + tail.size();
  bytes::put(tail, files.size());
  for (const auto& f : files) {
    bytes::put(tail, f.base_id);
    bytes::put(tail, f.id);
    bytes::put(tail, f.canonical);
  }
  put_le(tail, results_size);
  put_le(tail, end_hash);
  put_le(tail, index_.size());
  put_le(tail, written_);
  put_le(tail, files_at);
  put_le(tail, kCacheVersion, 4);
  tail += kMagic;
  file_->write(tail);
  const bool done = file_->commit();
  file_.reset();
  return done;
}

bool CacheReader::open(const std::filesystem::path& results, std::uint64_t results_size, std::uint64_t end_hash) {
  path_ = cache_of(results);
  in_.open(path_, std::ios::binary);
  if (!in_) return false;
  in_.seekg(0, std::ios::end);
  const auto size = static_cast<std::uint64_t>(in_.tellg());
  if (!in_ || size < kTrailer) return false;
  std::string trailer(kTrailer, '\0');
  in_.seekg(static_cast<std::streamoff>(size - kTrailer));
  if (!in_.read(trailer.data(), static_cast<std::streamsize>(kTrailer)) || !trailer.ends_with(kMagic) ||
      get_le(trailer.data() + 40, 4) != kCacheVersion || get_le(trailer.data()) != results_size ||
      get_le(trailer.data() + 8) != end_hash)
    return false;
  const std::uint64_t documents = get_le(trailer.data() + 16);
  index_ = get_le(trailer.data() + 24);
  files_ = get_le(trailer.data() + 32);
  end_ = size - kTrailer;
  // The sections in order, the index as long as its records say.
  if (index_ > files_ || files_ > end_ || documents > (files_ - index_) / kPlace ||
      documents * kPlace != files_ - index_)
    return false;
  documents_ = static_cast<std::size_t>(documents);
  in_.seekg(0);
  return static_cast<bool>(in_);
}

std::string CacheReader::files(std::vector<ingest::InputFile>& out) {
  std::string section(static_cast<std::size_t>(end_ - files_), '\0');
  in_.seekg(static_cast<std::streamoff>(files_));
  if (!in_.read(section.data(), static_cast<std::streamsize>(section.size()))) return "cannot read its input files";
  in_.seekg(static_cast<std::streamoff>(at_));
  try {
    bytes::Bytes b(section);
    out.resize(b.count(3));
    for (auto& f : out) {
      b.text(f.base_id);
      b.text(f.id);
      b.text(f.canonical);
    }
    if (!b.done()) return "bytes after its input files";
  } catch (const bytes::Broken& e) {
    return "its input files are broken: " + e.why;
  }
  return {};
}

std::string CacheReader::places(std::vector<Place>& out) {
  std::string section(static_cast<std::size_t>(files_ - index_), '\0');
  in_.seekg(static_cast<std::streamoff>(index_));
  if (!in_.read(section.data(), static_cast<std::streamsize>(section.size()))) return "cannot read its index";
  in_.seekg(static_cast<std::streamoff>(at_));
  out.resize(documents_);
  for (std::size_t i = 0; i < documents_; ++i) {
    const char* p = section.data() + i * kPlace;
    out[i] = {get_le(p), static_cast<std::uint32_t>(get_le(p + 8, 4)), get_le(p + 12), get_le(p + 20)};
  }
  return {};
}

bool CacheReader::next(std::string& bytes, std::string& error) {
  const auto broken = [&](const char* why) {
    error = why;
    return false;
  };
  if (at_ >= index_) return read_ == documents_ ? false : broken("missing: the cache ends early");
  if (read_ == documents_) return broken("one more record than its results file holds");
  char length[8];
  if (index_ - at_ < 8 || !in_.read(length, 8)) return broken("cut short");
  const std::uint64_t n = get_le(length);
  if (n > index_ - at_ - 8) return broken("longer than the bytes left");
  bytes.resize(static_cast<std::size_t>(n));
  if (!in_.read(bytes.data(), static_cast<std::streamsize>(n))) return broken("cannot read it");
  at_ += 8 + n;
  ++read_;
  return true;
}

}  // namespace entente::results
