// All or nothing per run: `entente build -o OUT` writes every output into a
// fresh folder beside OUT, then swaps it in with one rename, so that after
// any end of a run OUT holds every file of the previous successful run or
// every file of this one, never a mix.
//
// The method (docs/FORMATS.md, "The output folder"):
//   1. prepare(): leftovers of killed runs for OUT are removed (see below);
//      `.OUT.entente-new-PID/` is made beside OUT (its staging folder).
//   2. The build writes there (each file through AtomicFile, as before).
//   3. commit(): every file and the folder are flushed to disk (fsync), then
//      - OUT missing: the staging folder is renamed OUT;
//      - OUT a folder: renameat2(RENAME_EXCHANGE) swaps the two in one step,
//        OUT's entries that Entente did not write (a user's notes.txt) are
//        moved back into the new OUT one by one, and the previous run's
//        outputs, now in `.OUT.entente-old-PID/`, are deleted with it.
//      A file system that cannot exchange (or OUT a mount point) falls back
//      to moving the files one by one, each atomically (a warning says so).
//   4. abandon() (an error, SIGINT, SIGTERM, SIGHUP): the staging folder is
//      deleted; OUT is as it was.
// Leftovers: a run killed (SIGKILL, power loss) leaves `.OUT.entente-new-PID`
// or `.OUT.entente-old-PID` beside OUT, or `NAME.tmp-PID` files of older
// versions inside it; the next run for OUT removes them when process PID is
// gone, deleting only files Entente names (own_file()) and moving anything
// else of an old folder back into OUT. A folder that still holds other
// things after that is left in place, with a warning.
//
// THREAD SAFETY: commit() and abandon() may race (a signal arrives during a
// commit): both take one mutex, and abandon() after a finished commit does
// nothing. Nothing else is thread-safe.
#pragma once
#include <filesystem>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

namespace entente::app {

/// `name` is a file Entente writes into an output folder (an output, or a
/// temporary of one: "graph.ttl.tmp-123", "evidence.ttl.spool-123").
bool own_file(const std::string& name);

class OutputFolder {
 public:
  explicit OutputFolder(std::filesystem::path target);

  /// Cleans up after killed runs, then makes the staging folder. Returns ""
  /// or an error naming the folder. `notes` receives warnings (leftovers that
  /// could not be removed, the file-by-file fallback).
  std::string prepare(std::vector<std::string>& notes);

  /// Where this run writes its outputs.
  const std::filesystem::path& staging() const { return staging_; }
  /// The folder the user named (-o).
  const std::filesystem::path& target() const { return target_; }

  /// Entente's outputs now in the target that `names` (this run's file
  /// names) do not include: what commit() will remove.
  std::vector<std::string> superseded(const std::vector<std::string>& names) const;

  /// Makes the staging folder the target (see the top). "" or an error; on
  /// an error the target is as it was.
  std::string commit(std::vector<std::string>& notes);

  /// Deletes the staging folder (Entente's files only). Safe to call at any
  /// time, and from the thread that handles signals.
  void abandon();

  /// The run committed: the target holds its outputs.
  bool committed() const;

  /// Called by commit() between the swap and the return of the previous
  /// folder's other files (tests pause there: ENTENTE_PAUSE_AT=swap).
  void set_after_swap(std::function<void()> f) { after_swap_ = std::move(f); }

 private:
  std::string commit_file_by_file();

  std::filesystem::path target_;   ///< as given, links resolved
  std::filesystem::path staging_;  ///< .NAME.entente-new-PID beside it
  std::filesystem::path old_;      ///< .NAME.entente-old-PID beside it
  mutable std::mutex mutex_;
  bool made_ = false;       ///< the staging folder exists
  bool committed_ = false;
  std::function<void()> after_swap_;
};

}  // namespace entente::app
