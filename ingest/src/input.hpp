// Streams of bytes for ingest/: a file or standard input, a member of an
// archive (libarchive, which also decompresses), and buffered reading of
// lines and counts on top of them. Internal; see entente/ingest/ingest.hpp.
#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

struct archive;

namespace entente::ingest {

/// WHAT IT REPRESENTS: a source of bytes read once, front to back.
/// THREAD SAFETY: one thread.
class ByteSource {
 public:
  virtual ~ByteSource() = default;
  ByteSource() = default;
  ByteSource(const ByteSource&) = delete;  // owns a descriptor or reads an archive's state
  ByteSource& operator=(const ByteSource&) = delete;

  /// Up to `n` bytes into `buf`: how many, 0 at the end, -1 on an error (error() says it).
  virtual std::ptrdiff_t read(char* buf, std::size_t n) = 0;
  /// Bytes of the file on disk read so far (compressed bytes for an archive): for progress.
  virtual std::uint64_t consumed() const = 0;
  const std::string& error() const { return error_; }

 protected:
  std::string error_;
};

/// A file descriptor (a file, or standard input); closes it when it owns it.
class FdSource final : public ByteSource {
 public:
  FdSource(int fd, bool owned) : fd_(fd), owned_(owned) {}
  ~FdSource() override;
  std::ptrdiff_t read(char* buf, std::size_t n) override;
  std::uint64_t consumed() const override { return consumed_; }

 private:
  int fd_;
  bool owned_;
  std::uint64_t consumed_ = 0;
};

/// The data of the current member of an open libarchive reader.
class ArchiveSource final : public ByteSource {
 public:
  explicit ArchiveSource(struct archive* a) : a_(a) {}
  std::ptrdiff_t read(char* buf, std::size_t n) override;
  std::uint64_t consumed() const override;

 private:
  struct archive* a_;
};

/// WHAT IT REPRESENTS: buffered reading of a ByteSource: peeks, lines,
/// counts. Bytes are counted from the start of the stream (offset()).
/// THREAD SAFETY: one thread.
class Input {
 public:
  explicit Input(ByteSource& source) : source_(source) {}

  /// The next `n` bytes (fewer at the end or on an error), not consumed.
  std::string_view peek(std::size_t n);

  enum class Line { ok, end, too_long };
  /// The next line, without its "\n" or "\r\n", into `out`. A line longer
  /// than `max` bytes is skipped to its end and gives too_long (out empty).
  Line line(std::string& out, std::size_t max);

  /// Appends the next `n` bytes to `out`; false when the stream ends first
  /// (out then has what there was).
  bool read(std::size_t n, std::string& out);
  /// Skips `n` bytes; false when the stream ends first.
  bool skip(std::size_t n);
  /// Appends everything left to `out`, at most `max` bytes; false if more was left.
  bool rest(std::string& out, std::size_t max);

  std::uint64_t offset() const { return offset_; }
  bool failed() const { return failed_; }
  const std::string& error() const { return source_.error(); }
  std::uint64_t consumed() const { return source_.consumed(); }

 private:
  /// Reads more into the buffer; false at the end or on an error.
  bool fill();
  std::size_t available() const { return end_ - begin_; }
  void consume(std::size_t n) {
    begin_ += n;
    offset_ += n;
  }

  ByteSource& source_;
  /// Bytes read and not yet consumed are [begin_, end_) of buffer_, which
  /// holds capacity_ bytes, never zero-filled: a corpus of small files must
  /// not pay for clearing a large buffer per file.
  std::unique_ptr<char[]> buffer_;
  std::size_t capacity_ = 0;
  std::size_t begin_ = 0, end_ = 0;
  std::uint64_t offset_ = 0;
  bool eof_ = false, failed_ = false;
  static constexpr std::size_t kChunk = std::size_t{256} << 10U;
  /// The least free space a read is made into (else the buffer grows).
  static constexpr std::size_t kMinRead = std::size_t{16} << 10U;
};

}  // namespace entente::ingest
