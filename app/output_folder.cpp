#include "output_folder.hpp"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <system_error>

#include "entente/export/writers.hpp"

namespace fs = std::filesystem;

namespace entente::app {
namespace {

bool digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool output_name(std::string_view name) {
  if (name == "evidence.ttl" || name == "report.html") return true;
  for (const auto format : exporter::kFormats) {
    if (name == "graph." + std::string(exporter::extension(format))) return true;
  }
  return false;
}

/// The process of a leftover's PID is gone (or never was). Called before
/// this run makes anything, so this process's own PID names a leftover of an
/// earlier process that had the same number.
bool gone(const std::string& pid) {
  if (!digits(pid) || pid.size() > 9) return true;
  const pid_t p = static_cast<pid_t>(std::stol(pid));
  if (p == ::getpid()) return true;
  return ::kill(p, 0) != 0 && errno == ESRCH;
}

/// The PID of a temporary of ours ("graph.ttl.tmp-123" -> "123"), or "".
std::string temporary_pid(const std::string& name) {
  for (const char* mark : {".tmp-", ".spool-"}) {
    const std::size_t at = name.rfind(mark);
    if (at != std::string::npos && output_name(name.substr(0, at)) && digits(name.substr(at + std::strlen(mark))))
      return name.substr(at + std::strlen(mark));
  }
  return {};
}

void sync_path(const fs::path& p, int flags) {
  const int fd = ::open(p.c_str(), flags | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

/// Removes Entente's files from `dir`; then `dir` itself when nothing else is
/// left. Returns the entries left (not ours).
std::vector<std::string> remove_own(const fs::path& dir) {
  std::vector<std::string> left;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    std::error_code e2;
    if (own_file(name) && fs::is_regular_file(fs::symlink_status(it->path(), e2))) {
      fs::remove(it->path(), e2);
      if (!e2) continue;
    }
    left.push_back(name);
  }
  if (left.empty()) fs::remove(dir, ec);
  return left;
}

/// Empties `from`, a swapped-out or left-over output folder: Entente's files
/// are deleted, anything else is moved into `to` (unless `to` has that name;
/// then it stays, with a warning in `notes`); `from` goes when it is empty.
void return_others(const fs::path& from, const fs::path& to, std::vector<std::string>& notes) {
  std::error_code ec;
  for (const std::string& other : remove_own(from)) {
    if (fs::exists(fs::symlink_status(to, ec)) && !fs::exists(fs::symlink_status(to / other, ec))) {
      fs::rename(from / other, to / other, ec);
      if (!ec) continue;
    }
    notes.push_back((from / other).string() + ": warning: not Entente's, could not go back into " + to.string() +
                    ": left there");
  }
  fs::remove(from, ec);  // only when empty
}

}  // namespace

bool own_file(const std::string& name) { return output_name(name) || !temporary_pid(name).empty(); }

OutputFolder::OutputFolder(fs::path target) {
  std::error_code ec;
  target_ = fs::absolute(target, ec).lexically_normal();
  if (ec) target_ = std::move(target);
  if (target_.filename().empty()) target_ = target_.parent_path();
  if (fs::is_symlink(target_, ec)) {
    const fs::path real = fs::weakly_canonical(target_, ec);
    if (!ec) target_ = real;
  }
  const std::string pid = std::to_string(::getpid());
  staging_ = target_.parent_path() / ("." + target_.filename().string() + ".entente-" + pid);
}

std::string OutputFolder::prepare(std::vector<std::string>& notes) {
  std::error_code ec;
  const bool exists = fs::exists(target_, ec);
  if (exists && !fs::is_directory(target_, ec)) return target_.string() + ": exists and is not a folder";
  const fs::path parent = target_.parent_path();
  const std::string prefix = "." + target_.filename().string() + ".entente-";

  // Leftovers of killed runs: folders beside the target, temporaries inside it.
  for (fs::directory_iterator it(parent, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.rfind(prefix, 0) != 0) continue;
    const std::string pid = name.substr(prefix.size());
    std::error_code e2;
    if (!digits(pid) || !gone(pid) || !fs::is_directory(fs::symlink_status(it->path(), e2))) continue;
    // Anything not ours (a user's file of an output folder swapped out) goes back.
    return_others(it->path(), target_, notes);
  }
  if (exists) {
    for (fs::directory_iterator it(target_, ec), end; !ec && it != end; it.increment(ec)) {
      const std::string name = it->path().filename().string();
      const std::string pid = temporary_pid(name);
      std::error_code e2;
      if (!pid.empty() && gone(pid) && fs::is_regular_file(fs::symlink_status(it->path(), e2))) {
        fs::remove(it->path(), e2);
      } else if (name.rfind(".entente-", 0) == 0 && digits(name.substr(9)) && gone(name.substr(9)) &&
                 fs::is_directory(fs::symlink_status(it->path(), e2))) {
        if (!remove_own(it->path()).empty())
          notes.push_back(it->path().string() + ": warning: left by an interrupted run, holds files that are not Entente's");
      }
    }
  }

  // The staging folder: beside the target, unless the target holds the
  // current folder (a swap would pull it from under the user's shell) or
  // nothing can be made beside it; then inside it, and files move one by one.
  bool inside = false;
  if (exists) {
    const fs::path cwd = fs::weakly_canonical(fs::current_path(ec), ec);
    const fs::path real = fs::weakly_canonical(target_, ec);
    const auto mismatch = std::mismatch(real.begin(), real.end(), cwd.begin(), cwd.end());
    inside = !ec && mismatch.first == real.end();
  }
  if (!inside) {
    if (!exists) fs::create_directories(target_.parent_path(), ec);
    if (fs::exists(fs::symlink_status(staging_, ec)))  // what cleaning up could not remove (not Entente's)
      return staging_.string() + ": left by an earlier run, holds files that are not Entente's: move them away";
    if (fs::create_directory(staging_, ec) && !ec) {
      // The swapped-in folder keeps the permissions the user gave the old one.
      if (exists) fs::permissions(staging_, fs::status(target_, ec).permissions(), ec);
      made_ = true;
      return {};
    }
    if (!exists) {
      // Nothing to keep: make the target itself, as before this method.
      fs::create_directories(target_, ec);
      if (ec) return target_.string() + ": cannot create output directory: " + ec.message();
    } else {
      notes.push_back(staging_.string() + ": warning: cannot be made (" + ec.message() +
                      "): the outputs replace the previous ones file by file");
    }
  }
  staging_ = target_ / (".entente-" + std::to_string(::getpid()));
  if (fs::exists(fs::symlink_status(staging_, ec)))
    return staging_.string() + ": left by an earlier run, holds files that are not Entente's: move them away";
  fs::create_directories(staging_, ec);
  if (ec) return staging_.string() + ": cannot create output directory: " + ec.message();
  made_ = true;
  return {};
}

std::vector<std::string> OutputFolder::superseded(const std::vector<std::string>& names) const {
  std::vector<std::string> out;
  std::error_code ec;
  for (fs::directory_iterator it(target_, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    std::error_code e2;
    if (output_name(name) && fs::is_regular_file(fs::symlink_status(it->path(), e2)) &&
        std::find(names.begin(), names.end(), name) == names.end())
      out.push_back(name);
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string OutputFolder::commit(std::vector<std::string>& notes) {
  std::lock_guard lock(mutex_);
  if (!made_) return staging_.string() + ": no output was written";
  // On disk before the swap: a power loss leaves the old set or the new one.
  std::error_code ec;
  for (fs::directory_iterator it(staging_, ec), end; !ec && it != end; it.increment(ec))
    sync_path(it->path(), O_RDONLY);
  sync_path(staging_, O_RDONLY | O_DIRECTORY);

  if (staging_.parent_path() == target_) return commit_file_by_file();
  if (!fs::exists(target_, ec)) {
    fs::rename(staging_, target_, ec);
    if (ec) return target_.string() + ": cannot put the outputs in place: " + ec.message();
  } else if (::renameat2(AT_FDCWD, staging_.c_str(), AT_FDCWD, target_.c_str(), RENAME_EXCHANGE) != 0) {
    const int err = errno;
    if (err != EINVAL && err != ENOSYS && err != EXDEV && err != EBUSY && err != ENOTSUP)
      return target_.string() + ": cannot put the outputs in place: " + std::strerror(err);
    notes.push_back(target_.string() + ": warning: the file system cannot swap folders (" + std::strerror(err) +
                    "): the outputs replace the previous ones file by file");
    return commit_file_by_file();
  } else {
    if (after_swap_) after_swap_();
  }
  committed_ = true;
  sync_path(target_.parent_path(), O_RDONLY | O_DIRECTORY);
  // staging_ names the previous folder, if any: its outputs go, what is not ours comes back.
  if (fs::exists(staging_, ec)) return_others(staging_, target_, notes);
  return {};
}

std::string OutputFolder::commit_file_by_file() {
  std::error_code ec;
  fs::create_directories(target_, ec);
  if (ec) return target_.string() + ": cannot create output directory: " + ec.message();
  std::vector<std::string> names;
  for (fs::directory_iterator it(staging_, ec), end; !ec && it != end; it.increment(ec))
    names.push_back(it->path().filename().string());
  std::sort(names.begin(), names.end());
  for (const std::string& name : names) {
    std::error_code e2;
    fs::rename(staging_ / name, target_ / name, e2);
    if (e2 == std::errc::cross_device_link) {
      // Another file system: a copy beside the target, then one rename.
      const fs::path temp = target_ / (name + ".tmp-" + std::to_string(::getpid()));
      e2.clear();
      fs::copy_file(staging_ / name, temp, fs::copy_options::overwrite_existing, e2);
      if (!e2) {
        sync_path(temp, O_RDONLY);
        fs::rename(temp, target_ / name, e2);
      }
      if (e2) fs::remove(temp, ec);
    }
    if (e2) return (target_ / name).string() + ": cannot put in place: " + e2.message();
  }
  committed_ = true;
  for (const std::string& name : superseded(names)) fs::remove(target_ / name, ec);
  remove_own(staging_);
  sync_path(target_, O_RDONLY | O_DIRECTORY);
  return {};
}

void OutputFolder::abandon() {
  std::lock_guard lock(mutex_);
  if (!made_ || committed_) return;
  remove_own(staging_);
  made_ = false;
}

bool OutputFolder::committed() const {
  std::lock_guard lock(mutex_);
  return committed_;
}

}  // namespace entente::app
