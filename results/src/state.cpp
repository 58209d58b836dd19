// State folder of `entente build --state` (state.hpp says what it holds).
#include "entente/results/state.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string_view>

#include "entente/export/atomic_file.hpp"
#include "entente/results/results.hpp"

namespace entente::results {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kPrefix = "run-";
constexpr std::string_view kSuffix = ".results";

/// The run number of "run-000012.results" (12), or 0 for any other name;
/// with `suffix` ".records", of its record cache "run-000012.records".
unsigned run_number(std::string_view name, std::string_view suffix = kSuffix) {
  if (name.size() != kPrefix.size() + 6 + suffix.size() || !name.starts_with(kPrefix) || !name.ends_with(suffix))
    return 0;
  unsigned n = 0;
  for (const char c : name.substr(kPrefix.size(), 6)) {
    if (c < '0' || c > '9') return 0;
    n = n * 10 + static_cast<unsigned>(c - '0');
  }
  return n;
}

/// A temporary that a killed run left of a results file ("run-000012.results.tmp-4242"),
/// of its record cache ("run-000012.records.tmp-4242") or of the IRI memory ("iris.tsv.tmp-4242").
bool leftover(std::string_view name) {
  const std::size_t at = name.find(".tmp-");
  if (at == std::string_view::npos) return false;
  const std::string_view stem = name.substr(0, at);
  return (run_number(stem) != 0 || run_number(stem, kCacheExtension) != 0 || stem == "iris.tsv") &&
         name.find_first_not_of("0123456789", at + 5) == std::string_view::npos && name.size() > at + 5;
}

/// The value of a top-level field of a record line, read without parsing
/// the line: the first `"key":` of a line is the field's (a string value
/// holds its quotes escaped, and the fields read here come before any nested
/// object). `hex`: a string of 16 hex digits, else a decimal number.
bool number_field(std::string_view line, std::string_view key, bool hex, std::uint64_t& value) {
  std::string pattern = "\"";
  pattern.append(key).append(hex ? "\":\"" : "\":");
  const std::size_t at = line.find(pattern);
  if (at == std::string_view::npos) return false;
  const char* first = line.data() + at + pattern.size();
  const char* last = line.data() + line.size();
  const auto [end, err] = std::from_chars(first, last, value, hex ? 16 : 10);
  // A hex value is exactly 16 lower-case digits and its closing quote.
  if (err != std::errc() || end == first) return false;
  return !hex || (end - first == 16 && end != last && *end == '"' &&
                  std::string_view(first, 16).find_first_not_of("0123456789abcdef") == std::string_view::npos);
}

std::string place_key(const std::string& canonical, std::uint64_t ordinal) {
  return canonical + '\n' + std::to_string(ordinal);
}

}  // namespace

State::~State() {
  if (lock_ >= 0) ::close(lock_);
}

std::string State::open(const fs::path& dir) {
  dir_ = dir;
  const fs::path results = dir / "results";
  std::error_code ec;
  fs::create_directories(results, ec);
  if (ec) return dir.string() + ": cannot make the state folder: " + ec.message();
  const fs::path lock = dir / "lock";
  lock_ = ::open(lock.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (lock_ < 0) return lock.string() + ": " + std::strerror(errno);
  if (::flock(lock_, LOCK_EX | LOCK_NB) != 0) {
    return errno == EWOULDBLOCK ? dir.string() + ": another entente is using this state folder (wait for it to end)"
                                : lock.string() + ": cannot lock: " + std::strerror(errno);
  }
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.starts_with("iris.tsv.tmp-") && leftover(name) && fs::remove(it->path(), ec)) removed_.push_back(name);
    ec.clear();
  }
  std::vector<std::pair<unsigned, fs::path>> runs;
  for (fs::directory_iterator it(results, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (leftover(name)) {
      // The lock is ours: no other run is writing it.
      if (fs::remove(it->path(), ec)) removed_.push_back("results/" + name);
      ec.clear();
    } else if (const unsigned n = run_number(name); n != 0) {
      runs.emplace_back(n, it->path());
    }
  }
  if (ec) return results.string() + ": cannot read the state folder: " + ec.message();
  std::sort(runs.begin(), runs.end());
  for (const auto& [n, file] : runs) {
    if (std::string err = added(file); !err.empty()) return err;
  }
  return {};
}

fs::path State::next_file() const {
  std::array<char, 16> digits{};
  std::snprintf(digits.data(), digits.size(), "%06u", last_run_ + 1);
  return dir_ / "results" / (std::string(kPrefix) + digits.data() + std::string(kSuffix));
}

std::string State::added(const fs::path& file) {
  if (std::string err = read_contents(file); !err.empty()) return err;
  files_.push_back(file);  // after read_contents, which numbers it files_.size()
  last_run_ = std::max(last_run_, run_number(file.filename().string()));
  return {};
}

std::string State::load_iris(graph::IriMemory& memory) const {
  memory = {};
  const fs::path file = dir_ / "iris.tsv";
  std::error_code ec;
  if (!fs::exists(file, ec)) return {};
  std::ifstream in(file, std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!in && !in.eof()) return file.string() + ": cannot read: " + std::strerror(errno);
  if (std::string err = graph::from_text(text, memory); !err.empty()) return file.string() + ": " + err;
  return {};
}

std::string State::save_iris(const graph::IriMemory& memory) const {
  exporter::AtomicFile out(dir_ / "iris.tsv");
  out.write(graph::to_text(memory));
  if (!out.commit()) return out.error();
  return {};
}

bool State::has_place(const std::string& canonical, std::uint64_t ordinal) const {
  return places_.count(place_key(canonical, ordinal)) != 0;
}

std::string State::stored(std::uint64_t content, Record& r) const {
  const auto it = first_.find(content);
  if (it == first_.end()) return dir_.string() + ": no document of this content in the state folder";
  const fs::path& file = files_[it->second.file];
  std::ifstream in(file, std::ios::binary);
  std::string line;
  in.seekg(static_cast<std::streamoff>(it->second.offset));
  if (!in || !std::getline(in, line)) return file.string() + ": cannot read it again: " + std::strerror(errno);
  if (std::string err = from_line(line, inputs_[it->second.file], r); !err.empty()) return file.string() + ": " + err;
  return {};
}

void State::take(const Place& p, const std::vector<ingest::InputFile>& inputs) {
  first_.try_emplace(p.content, Where{files_.size(), p.offset});
  places_.insert(place_key(inputs[p.file].canonical, p.ordinal));
  ++documents_;
}

std::string State::read_contents(const fs::path& file) {
  // Its input files first, from its last line (Reader checks the first).
  std::vector<ingest::InputFile> inputs;
  {
    Reader reader;
    if (std::string err = reader.open(file, Reader::Cache::read); !err.empty())
      return err + " (remove it from the state folder: its documents are extracted again)";
    inputs = reader.files();
    // Its record cache, when it matches, has an index: the file is not read.
    std::vector<Place> places;
    if (reader.cached() && reader.places(places).empty() &&
        std::none_of(places.begin(), places.end(), [](const Place& p) { return p.content == 0; })) {
      for (const Place& p : places) take(p, inputs);
      inputs_.push_back(std::move(inputs));
      return {};
    }
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) return file.string() + ": cannot open the results file";
  std::string line;
  std::size_t number = 0;
  std::uint64_t offset = 0;
  for (; std::getline(in, line); offset += line.size() + 1) {
    ++number;
    if (number == 1 || line.empty() || line.starts_with("{\"end\":")) continue;
    std::uint64_t content = 0, input = 0, ordinal = 0;
    if (!number_field(line, "content", true, content)) {
      return file.string() + ":" + std::to_string(number) +
             ": a record without its content hash: not written by `entente build --state` (remove the file or "
             "start a new state folder)";
    }
    if (!number_field(line, "file", false, input) || !number_field(line, "ordinal", false, ordinal) ||
        input >= inputs.size())
      return file.string() + ":" + std::to_string(number) + ": a record without its input file and place";
    take({content, static_cast<std::uint32_t>(input), ordinal, offset}, inputs);
  }
  inputs_.push_back(std::move(inputs));
  return {};
}

}  // namespace entente::results
