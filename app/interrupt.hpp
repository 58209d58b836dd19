// SIGINT, SIGTERM and SIGHUP end a run cleanly: a thread of their own waits
// for them (sigwait), runs what the command registered (a build deletes its
// staging folder, so its output folder stays as it was), prints one line and
// exits with 128 + the signal's number (130, 143, 129).
//
// THREAD SAFETY: install() before any other thread starts (the signals are
// blocked in the calling thread, and so in every thread it starts later);
// on_signal() from any thread.
#pragma once
#include <functional>
#include <string>

namespace entente::app {

/// Starts the thread that waits for the three signals.
void install_interrupts();

/// What to do on a signal before exiting: returns the end of the message
/// ("entente: interrupted (SIGINT): " + it). Replaces the previous one.
void on_interrupt(std::function<std::string()> cleanup);

/// The run is over: a signal that comes now no longer stops it (its exit
/// status is the run's). Waits if a signal is being handled (the process
/// then exits with 128 + the signal). Call once, last, from main().
void end_interrupts();

/// For the tests of interrupts: when the environment variable
/// ENTENTE_PAUSE_AT equals `phase`, says so on stderr ("entente: paused at
/// PHASE") and waits up to 60 s, so that a test can send a signal then.
void pause_point(const char* phase);

}  // namespace entente::app
