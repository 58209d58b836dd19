// A progress bar on stderr for long builds: documents, MB/s of input, time left.
// Shown only when stderr is a terminal and the user did not ask for quiet.
#pragma once
#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

namespace entente::app {

/// WHAT IT REPRESENTS: the progress line of one build.
/// THREAD SAFETY: call from one thread.
class Progress {
 public:
  /// `total_bytes`: the size of the input files (ingest::input_bytes).
  Progress(std::uint64_t total_bytes, bool enabled)
      : bytes_(total_bytes), enabled_(enabled), start_(Clock::now()), last_(start_) {}

  /// One more item done; `consumed`: bytes of the input files read so far
  /// (ingest::Record::consumed), `document`: it gave a document.
  void advance(std::uint64_t consumed, bool document) {
    if (document) ++done_docs_;
    done_bytes_ = std::max(done_bytes_, consumed);
    if (!enabled_) return;
    auto now = Clock::now();
    if (now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    draw(now);
  }

  /// Erases the line.
  void finish() {
    if (enabled_ && drawn_) std::fputs("\r\033[K", stderr);
  }

 private:
  using Clock = std::chrono::steady_clock;
  void draw(Clock::time_point now) {
    double secs = std::chrono::duration<double>(now - start_).count();
    double mbps = secs > 0 ? static_cast<double>(done_bytes_) / 1e6 / secs : 0.0;
    double frac = bytes_ > 0 ? std::min(1.0, static_cast<double>(done_bytes_) / static_cast<double>(bytes_)) : 1.0;
    double left = frac > 0 ? secs * (1.0 - frac) / frac : 0.0;
    constexpr int kWidth = 30;
    int filled = static_cast<int>(frac * kWidth);
    std::string bar(static_cast<std::size_t>(filled), '=');
    bar.resize(kWidth, ' ');
    std::fprintf(stderr, "\r\033[K[%s] %zu documents  %.1f MB/s  %d:%02d left", bar.c_str(), done_docs_, mbps,
                 static_cast<int>(left) / 60, static_cast<int>(left) % 60);
    std::fflush(stderr);
    drawn_ = true;
  }

  std::uint64_t bytes_;
  bool enabled_;
  Clock::time_point start_, last_;
  std::size_t done_docs_ = 0;
  std::uint64_t done_bytes_ = 0;
  bool drawn_ = false;
};

}  // namespace entente::app
