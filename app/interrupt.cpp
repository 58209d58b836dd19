#include "interrupt.hpp"

#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <thread>

namespace entente::app {
namespace {

// Held by the signal thread from the signal to _Exit, and by on_interrupt()
// and end_interrupts(): a run that ends while a signal is handled waits for
// the exit, and nothing the handler uses is destroyed under it (both objects
// live until the process ends, never destroyed).
std::mutex& cleanup_mutex() {
  static auto* m = new std::mutex;
  return *m;
}
std::function<std::string()>& cleanup() {
  static auto* f = new std::function<std::string()>;
  return *f;
}

std::atomic<bool> g_interrupted{false};

sigset_t interrupt_signals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGHUP);
  return set;
}

const char* name_of(int sig) {
  switch (sig) {
    case SIGINT:
      return "SIGINT";
    case SIGTERM:
      return "SIGTERM";
    case SIGHUP:
      return "SIGHUP";
    default:
      return "a signal";
  }
}

}  // namespace

void install_interrupts() {
  const sigset_t set = interrupt_signals();
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  std::thread([set] {
    int sig = 0;
    if (sigwait(&set, &sig) != 0) return;
    g_interrupted = true;  // ends a pause_point() at once
    std::string what = "stopped";
    cleanup_mutex().lock();  // never released: the process ends here
    if (cleanup()) what = cleanup()();
    // A progress bar may be on the line: start a fresh one.
    const std::string line = (::isatty(STDERR_FILENO) ? "\r\033[K" : "") + std::string("entente: interrupted (") +
                             name_of(sig) + "): " + what + "\n";
    std::fwrite(line.data(), 1, line.size(), stderr);
    std::fflush(stderr);
    std::_Exit(128 + sig);
  }).detach();
}

void on_interrupt(std::function<std::string()> f) {
  std::lock_guard lock(cleanup_mutex());
  cleanup() = std::move(f);
}

void end_interrupts() {
  // Never released: a signal from now on waits, and the process exits with the run's status.
  cleanup_mutex().lock();
}

void pause_point(const char* phase) {
  const char* at = std::getenv("ENTENTE_PAUSE_AT");
  if (at == nullptr || std::strcmp(at, phase) != 0) return;
  std::fprintf(stderr, "entente: paused at %s (ENTENTE_PAUSE_AT)\n", phase);
  std::fflush(stderr);
  for (int i = 0; i < 1200 && !g_interrupted; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
}

}  // namespace entente::app
