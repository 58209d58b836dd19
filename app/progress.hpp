// A progress bar on stderr for long builds: documents, MB/s, time left.
// Shown only when stderr is a terminal and the user did not ask for quiet.
#pragma once
#include <chrono>
#include <cstddef>
#include <cstdio>
#include <string>

namespace entente::app {

/// WHAT IT REPRESENTS: the progress line of one build.
/// THREAD SAFETY: call from one thread.
class Progress {
 public:
  Progress(std::size_t total_docs, std::size_t total_bytes, bool enabled)
      : docs_(total_docs), bytes_(total_bytes), enabled_(enabled), start_(Clock::now()), last_(start_) {}

  /// One more document done, of `bytes` bytes.
  void advance(std::size_t bytes) {
    ++done_docs_;
    done_bytes_ += bytes;
    if (!enabled_) return;
    auto now = Clock::now();
    if (now - last_ < std::chrono::milliseconds(100) && done_docs_ < docs_) return;
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
    double frac = bytes_ > 0 ? static_cast<double>(done_bytes_) / static_cast<double>(bytes_) : 1.0;
    double left = frac > 0 ? secs * (1.0 - frac) / frac : 0.0;
    constexpr int kWidth = 30;
    int filled = static_cast<int>(frac * kWidth);
    std::string bar(static_cast<std::size_t>(filled), '=');
    bar.resize(kWidth, ' ');
    std::fprintf(stderr, "\r\033[K[%s] %zu/%zu documents  %.1f MB/s  %d:%02d left", bar.c_str(), done_docs_, docs_,
                 mbps, static_cast<int>(left) / 60, static_cast<int>(left) % 60);
    std::fflush(stderr);
    drawn_ = true;
  }

  std::size_t docs_, bytes_;
  bool enabled_;
  Clock::time_point start_, last_;
  std::size_t done_docs_ = 0, done_bytes_ = 0;
  bool drawn_ = false;
};

}  // namespace entente::app
