// read(): inputs -> records, in order, streaming (see ingest.hpp).
//
// Each input is opened once. Its first bytes decide what it is: a
// compressed file or an archive (libarchive reads it, and each member is
// read as an input of its own, one level of nesting deep), a WARC file, an
// HTML page, JSON; else the extension decides (.jsonl, .csv, .tsv, .html),
// else plain text. Containers are split into records here, on the reading
// thread, with as little work as that takes (a JSON line is not parsed
// here); decoding and parsing happen in to_document(), on any thread.
#include <archive.h>
#include <archive_entry.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <filesystem>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <system_error>

#include "entente/ingest/html.hpp"
#include "entente/ingest/ingest.hpp"
#include "entente/ingest/text.hpp"
#include "input.hpp"
#include "strings.hpp"

namespace entente::ingest {
namespace {

namespace fs = std::filesystem;

/// What a stream holds.
enum class Container : std::uint8_t { text, html, jsonl, json, csv, tsv, warc, archive };

/// The largest plain text or HTML file read (as before: offsets are 32-bit).
constexpr std::uint64_t kMaxWhole = std::uint64_t{0xFFFFFFFF};
/// The most bytes of text one document holds; longer texts are read in parts
/// (Reading::parts): a document's memory grows with its mentions and evidence.
constexpr std::size_t kPartBytes = std::size_t{1} << 20U;
/// How deep archives are opened inside archives (a .warc.gz in a .tar: 2).
constexpr int kMaxNesting = 2;

/// Extensions of compressed files; the name without them says what is inside.
bool compression_extension(std::string_view ext) {
  return ext == "gz" || ext == "bz2" || ext == "xz" || ext == "zst" || ext == "lz4" || ext == "z" || ext == "lzma";
}

bool archive_extension(std::string_view ext) {
  return ext == "zip" || ext == "tar" || ext == "tgz" || ext == "tbz2" || ext == "txz" || ext == "7z";
}

/// What a name says its file holds; nullopt when it names no format read.
std::optional<Container> by_name(std::string_view name) {
  std::string ext = extension(name);
  if (compression_extension(ext)) {
    std::string_view inner = base_name(name);
    inner = inner.substr(0, inner.rfind('.'));
    return by_name(inner).value_or(Container::archive);
  }
  if (archive_extension(ext)) return Container::archive;
  if (ext == "txt" || ext == "text") return Container::text;
  if (ext == "jsonl" || ext == "ndjson") return Container::jsonl;
  if (ext == "json") return Container::json;
  if (ext == "csv") return Container::csv;
  if (ext == "tsv" || ext == "tab") return Container::tsv;
  if (ext == "html" || ext == "htm" || ext == "xhtml" || ext == "shtml") return Container::html;
  if (ext == "warc") return Container::warc;
  return std::nullopt;
}

/// Whether the first bytes are those of a compressed file or an archive libarchive reads.
bool archive_magic(std::string_view head) {
  auto starts = [&](std::string_view m) { return head.substr(0, m.size()) == m; };
  return starts("\x1F\x8B") || starts("BZh") || starts(std::string_view("\xFD\x37\x7A\x58\x5A\x00", 6)) ||
         starts("\x28\xB5\x2F\xFD") || starts("\x04\x22\x4D\x18") || starts("PK\x03\x04") || starts("PK\x05\x06") ||
         starts("7z\xBC\xAF\x27\x1C") || (head.size() >= 262 && head.substr(257, 5) == "ustar");
}

/// The first bytes without a UTF-8 byte order mark and leading white space, lower-cased.
std::string head_text(std::string_view head) {
  if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
  const std::size_t start = head.find_first_not_of(" \t\r\n\f");
  if (start == std::string_view::npos) return {};
  return lower_ascii(head.substr(start, 2048));
}

bool looks_like_html(const std::string& head) {
  if (head.starts_with("<!doctype html") || head.starts_with("<html") || head.starts_with("<head") ||
      head.starts_with("<body"))
    return true;
  if (head.starts_with("<!--") || head.starts_with("<?xml") || head.starts_with("<meta"))
    return head.find("<html") != std::string::npos || head.find("<body") != std::string::npos ||
           head.find("<head") != std::string::npos;
  return false;
}

/// What a stream holds, by its first bytes, then its name.
Container detect(std::string_view name, std::string_view head) {
  if (archive_magic(head)) return Container::archive;
  const std::string h = head_text(head);
  const std::optional<Container> named = by_name(name);
  if (h.starts_with("warc/")) return Container::warc;
  if (looks_like_html(h)) return Container::html;
  if (named && *named != Container::text && *named != Container::archive) return *named;
  if (h.starts_with("{")) {
    // JSON Lines when its first line is a JSON object.
    std::string_view first = head.substr(head.find('{'));
    first = first.substr(0, first.find('\n'));
    if (nlohmann::json::accept(first)) return Container::jsonl;
  }
  return Container::text;
}

/// The "Name: value" fields of a header block, names lower-cased.
using Headers = std::map<std::string, std::string>;

void add_header(std::string_view line, Headers& headers) {
  const std::size_t colon = line.find(':');
  if (colon == std::string_view::npos) return;
  std::string value(line.substr(colon + 1));
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.erase(value.begin());
  while (!value.empty() && (value.back() == ' ' || value.back() == '\t' || value.back() == '\r')) value.pop_back();
  headers[lower_ascii(line.substr(0, colon))] = std::move(value);
}

std::string header(const Headers& h, const char* name) {
  auto it = h.find(name);
  return it == h.end() ? std::string() : it->second;
}

/// The charset parameter of a Content-Type ("text/html; charset=ISO-8859-1").
std::string charset_of(std::string_view content_type) {
  const std::string lower = lower_ascii(content_type);
  const std::size_t at = lower.find("charset=");
  if (at == std::string::npos) return {};
  std::string cs = lower.substr(at + 8);
  if (!cs.empty() && (cs.front() == '"' || cs.front() == '\'')) cs.erase(cs.begin());
  cs = cs.substr(0, cs.find_first_of("\"'; \t"));
  return cs;
}

/// An HTTP body sent in chunks, joined; false when the chunks are broken.
bool dechunk(std::string_view body, std::string& out) {
  out.clear();
  for (std::size_t at = 0; at < body.size();) {
    const std::size_t eol = body.find('\n', at);
    if (eol == std::string_view::npos) return false;
    std::size_t size = 0;
    const auto r = std::from_chars(body.data() + at, body.data() + eol, size, 16);
    if (r.ec != std::errc{}) return false;
    if (size == 0) return true;
    at = eol + 1;
    if (at + size > body.size()) return false;
    out.append(body.substr(at, size));
    at += size;
    while (at < body.size() && (body[at] == '\r' || body[at] == '\n')) ++at;
  }
  return true;
}

/// A body compressed with gzip or deflate, inflated (zlib); false when broken.
bool inflate_body(std::string_view body, std::string& out, std::size_t max) {
  z_stream z{};
  if (inflateInit2(&z, 15 + 32) != Z_OK) return false;  // gzip or zlib, by its header
  out.clear();
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(body.data()));
  z.avail_in = static_cast<uInt>(std::min<std::size_t>(body.size(), 0xFFFFFFFFU));
  char buf[1 << 16];
  int status = Z_OK;
  while (status == Z_OK && out.size() <= max) {
    z.next_out = reinterpret_cast<Bytef*>(buf);
    z.avail_out = sizeof buf;
    status = inflate(&z, Z_NO_FLUSH);
    out.append(buf, sizeof buf - z.avail_out);
    if (status == Z_BUF_ERROR && z.avail_in == 0) break;
  }
  inflateEnd(&z);
  return status == Z_STREAM_END || (status == Z_BUF_ERROR && !out.empty());
}

}  // namespace

void tell_apart(std::vector<InputFile>& files) {
  for (auto& f : files) f.id = f.base_id;
  for (std::size_t round = 0; round < 64; ++round) {
    std::map<std::string, std::vector<std::size_t>> by_id;
    for (std::size_t i = 0; i < files.size(); ++i)
      if (!files[i].canonical.empty()) by_id[files[i].id].push_back(i);
    bool changed = false;
    for (auto& [id, group] : by_id) {
      if (group.size() < 2) continue;
      for (const std::size_t i : group) {
        const fs::path full(files[i].canonical);
        const auto depth = static_cast<std::size_t>(std::distance(fs::path(id).begin(), fs::path(id).end()));
        std::vector<std::string> parts;
        for (const auto& part : full) parts.push_back(part.string());
        if (parts.size() <= depth) continue;
        std::string longer = parts[parts.size() - depth - 1];
        if (longer == "/") continue;
        files[i].id = longer + "/" + id;
        changed = true;
      }
    }
    if (!changed) break;
  }
}

namespace {

/// The reading of all inputs: the state read() keeps.
class Reading {
 public:
  Reading(const Options& options, const Sink& sink) : options_(options), sink_(sink) {}

  /// Reads one argument; false when the sink asked to stop.
  /// One input file to read: its path, and its dcterms:identifier.
  struct Planned {
    fs::path path;
    InputFile name;  ///< its identifiers and canonical path (what the files are sorted by)
  };

  /// Reads every argument as one set: the files they name (folders walked),
  /// each file once however often it is reached (by (device, inode): the same
  /// file given twice or through links), in the order of their canonical
  /// paths, so that the order of the arguments changes nothing. A file's
  /// identifier is its path relative to the folder argument that holds it
  /// (its name when named itself), lengthened by the folders above it while
  /// another file has the same one ("a/x.txt", "b/x.txt"). Standard input
  /// comes first.
  bool arguments(const std::vector<std::string>& args) {
    std::vector<Planned> planned;
    std::map<std::pair<dev_t, ino_t>, std::string> seen;  // file -> how it was first named
    bool stdin_read = false;
    const auto add = [&](const fs::path& path, std::string id) -> bool {
      struct stat st {};
      if (::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode)) {
        const auto [at, fresh] = seen.emplace(std::pair{st.st_dev, st.st_ino}, path.string());
        if (!fresh) {
          return warning(Location{path.string()}, "the same file as " + at->second + ": read once", "files read once");
        }
      }
      std::error_code ec;
      fs::path canonical = fs::weakly_canonical(fs::absolute(path, ec), ec);
      if (ec) canonical = path;
      planned.push_back({path, InputFile{id, id, canonical.string()}});
      return true;
    };
    for (const auto& arg : args) {
      if (arg == "-") {
        if (stdin_read || options_.shard_index != 0) continue;  // standard input is shard 0's
        stdin_read = true;
        ++totals.files;
        FdSource source(0, false);
        Input in(source);
        start_file(InputFile{"stdin", "stdin", ""});
        if (!stream(in, "stdin", "stdin", "stdin", true, 0)) return false;
        continue;
      }
      std::error_code ec;
      const fs::file_status st = fs::status(arg, ec);
      if (ec || !fs::exists(st)) {
        // The real reason: a link that loops is not a missing file.
        const std::string why = ec && ec.value() != ENOENT && ec.value() != ENOTDIR
                                    ? (ec.value() == ELOOP ? "a link that loops: " : "cannot read: ") + ec.message()
                                    : std::string("no such file or directory");
        if (!error(arg, why)) return false;
        continue;
      }
      if (fs::is_directory(st)) {
        std::vector<std::pair<std::string, std::string>> problems;
        std::vector<fs::path> files = list_directory(arg, ec, problems);
        if (ec) {
          if (!error(arg, "cannot list directory: " + ec.message())) return false;
          continue;
        }
        for (auto& [where, why] : problems) {
          if (!warning(Location{where}, std::move(why), "links and folders")) return false;
        }
        if (files.empty()) {
          if (!error(arg, "directory has no file to read (.txt .jsonl .json .csv .tsv .html .warc, "
                          "archives .zip .tar, compressed .gz .bz2 .xz .zst)"))
            return false;
          continue;
        }
        for (const auto& f : files) {
          if (!add(f, f.lexically_relative(arg).generic_string())) return false;
        }
        continue;
      }
      if (!add(arg, fs::path(arg).filename().string())) return false;
    }
    std::vector<InputFile> names;
    names.reserve(planned.size());
    for (const auto& p : planned) names.push_back(p.name);
    tell_apart(names);
    for (std::size_t i = 0; i < planned.size(); ++i) planned[i].name = std::move(names[i]);
    std::sort(planned.begin(), planned.end(),
              [](const Planned& a, const Planned& b) { return a.name.canonical < b.name.canonical; });
    if (options_.shard_count > 1) planned = shard(std::move(planned));
    for (const auto& p : planned) {
      start_file(p.name);
      if (!file(p.path, p.name.id)) return false;
    }
    return true;
  }

  Totals totals;

 private:
  /// The files of shard options_.shard_index: a file belongs to the shard
  /// its first byte falls in, when the corpus's bytes (in reading order)
  /// are cut into options_.shard_count equal runs.
  std::vector<Planned> shard(std::vector<Planned> planned) const {
    std::vector<std::uint64_t> sizes;
    std::uint64_t total = 0;
    for (const auto& p : planned) {
      struct stat st {};
      const std::uint64_t size = ::stat(p.path.c_str(), &st) == 0 ? static_cast<std::uint64_t>(st.st_size) : 0;
      sizes.push_back(size + 1);  // an empty file still goes somewhere
      total += size + 1;
    }
    std::vector<Planned> mine;
    std::uint64_t before = 0;
    const auto count = static_cast<std::uint64_t>(options_.shard_count);
    for (std::size_t i = 0; i < planned.size(); ++i) {
      const std::uint64_t shard = before * count / total;  // before < total: shard < count
      if (shard == options_.shard_index) mine.push_back(std::move(planned[i]));
      before += sizes[i];
    }
    return mine;
  }

  // ---------------------------------------------------------------- output ----

  /// The records emitted from now on are of input file `name`.
  void start_file(InputFile name) {
    current_ = std::make_shared<const InputFile>(std::move(name));
    ordinal_ = 0;
  }

  bool emit(Record&& r, Input& in) {
    r.consumed = done_bytes_ + in.consumed();
    r.input = current_;
    r.ordinal = ordinal_++;
    ++totals.records;
    Item item;
    item.record = std::move(r);
    return sink_(std::move(item));
  }
  bool report(Severity severity, Location where, std::string message, std::string kind = {}) {
    Item item;
    item.diags.push_back(Diagnostic{severity, std::move(where), std::move(message), std::move(kind)});
    return sink_(std::move(item));
  }
  bool error(const std::string& file, std::string message) {
    ++totals.bad_inputs;
    return report(Severity::error, Location{file}, std::move(message));
  }
  /// `kind`: what the summary counts it as (Diagnostic::kind).
  bool warning(Location where, std::string message, std::string kind = "broken records") {
    ++totals.bad_records;
    return report(Severity::warning, std::move(where), std::move(message), std::move(kind));
  }

  // ----------------------------------------------------------------- files ----

  /// The files of a folder that name a format, in name order; hidden ones
  /// left. What cannot be followed is a warning in `problems` (path, why): a
  /// link to nothing or to itself, a folder that cannot be read.
  static std::vector<fs::path> list_directory(const fs::path& dir, std::error_code& ec,
                                              std::vector<std::pair<std::string, std::string>>& problems) {
    std::vector<fs::path> found;
    auto it = fs::recursive_directory_iterator(dir, fs::directory_options::none, ec);
    if (ec) return found;
    for (; it != fs::recursive_directory_iterator();) {
      const fs::path path = it->path();
      const std::string name = path.filename().string();
      std::error_code e;
      if (name.starts_with(".")) {
        if (it->is_directory(e)) it.disable_recursion_pending();
      } else if (it->is_symlink(e) && !fs::exists(fs::status(path, e))) {
        problems.emplace_back(path.string(), e && e.value() == ELOOP ? "a link that loops (" + e.message() + "): skipped"
                                                                   : std::string("a link to nothing: skipped"));
      } else if (it->is_directory(e)) {
        if (::access(path.c_str(), R_OK | X_OK) != 0) {
          problems.emplace_back(path.string(), "cannot read this folder (" + std::string(std::strerror(errno)) +
                                                   "): its files are skipped");
          it.disable_recursion_pending();
        }
      } else if (it->is_regular_file(e) && by_name(name)) {
        found.push_back(path);
      }
      it.increment(e);
      if (e) {
        problems.emplace_back(path.string(), "cannot go on reading the folder: " + e.message());
        break;
      }
    }
    std::sort(found.begin(), found.end());
    std::sort(problems.begin(), problems.end());
    return found;
  }

  bool file(const fs::path& path, const std::string& id) {
    const std::string shown = path.string();
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      const int err = errno;
      if (err == ENOENT || err == ENOTDIR) return error(shown, "no such file");
      return error(shown, "cannot open file: " + std::string(std::strerror(err)));
    }
    FdSource source(fd, true);
    struct stat st {};
    if (::fstat(fd, &st) != 0) return error(shown, "cannot access file: " + std::string(std::strerror(errno)));
    if (S_ISDIR(st.st_mode)) return error(shown, "is a directory, not a file");
    if (!S_ISREG(st.st_mode) && !S_ISFIFO(st.st_mode) && !S_ISCHR(st.st_mode)) return error(shown, "not a regular file");
    ++totals.files;
    if (S_ISREG(st.st_mode)) totals.bytes += static_cast<std::uint64_t>(st.st_size);
    Input in(source);
    const std::string name = path.filename().string();
    const bool ok = stream(in, shown, id, name, true, 0);
    done_bytes_ += source.consumed();
    return ok;
  }

  /// Reads a stream. `shown` names it in diagnostics, `id` is its
  /// dcterms:identifier (and the prefix of its records'), `name` what its
  /// format is guessed from. `whole`: it is an input file of its own.
  bool stream(Input& in, const std::string& shown, const std::string& id, const std::string& name, bool whole,
              int depth) {
    const std::string_view head = in.peek(std::size_t{64} << 10U);
    if (in.failed()) return error(shown, "cannot read: " + in.error());
    const Container c = detect(name, head);
    switch (c) {
      case Container::archive:
        if (depth >= kMaxNesting) return warning(Location{shown}, "an archive inside an archive inside an archive: not read", "archives");
        return archive(in, shown, id, name, depth + 1);
      case Container::text:
      case Container::html:
        return whole_record(in, shown, id, c == Container::html ? Kind::html : Kind::text, whole);
      case Container::jsonl:
        return json_lines(in, shown, id);
      case Container::json:
        return json_file(in, shown, id);
      case Container::csv:
      case Container::tsv:
        return table(in, shown, id, c == Container::tsv);
      case Container::warc:
        return warc(in, shown, id);
    }
    return true;
  }

  /// A plain text or HTML input: one record.
  bool whole_record(Input& in, const std::string& shown, const std::string& id, Kind kind, bool whole) {
    Record r;
    r.id = id;
    r.where.file = shown;
    r.kind = kind;
    r.whole_input = whole;
    if (!in.rest(r.bytes, kMaxWhole)) {
      if (in.failed()) return error(shown, "cannot read: " + in.error());
      return error(shown, "file too large (over 4 GiB)");
    }
    if (in.failed()) return error(shown, "cannot read: " + in.error());
    if (kind != Kind::text || r.bytes.size() <= kPartBytes) return emit(std::move(r), in);
    return parts(std::move(r), in);
  }

  /// A text too long for one document (memory grows with a document's
  /// mentions and their evidence, not with a corpus): read in parts of at most
  /// kPartBytes, cut at a paragraph, else a line, else a sentence, else a
  /// space (never inside a UTF-8 character), each a document of its own
  /// ("a.txt#part2"), with one warning.
  bool parts(Record whole, Input& in) {
    const std::string_view bytes = whole.bytes;
    std::vector<std::pair<std::size_t, std::size_t>> cuts;  // [begin, end)
    for (std::size_t begin = 0; begin < bytes.size();) {
      std::size_t end = bytes.size();
      if (end - begin > kPartBytes) {
        const std::string_view window = bytes.substr(begin, kPartBytes);
        const std::size_t least = kPartBytes / 2;  // a cut in the second half
        std::size_t at = std::string_view::npos;
        for (const std::string_view mark : {std::string_view("\n\n"), std::string_view("\n"), std::string_view(". "),
                                            std::string_view(" ")}) {
          const std::size_t found = window.rfind(mark);
          if (found != std::string_view::npos && found >= least) {
            at = found + mark.size();
            break;
          }
        }
        if (at == std::string_view::npos) {
          at = kPartBytes;
          while (at > least && (static_cast<unsigned char>(window[at]) & 0xC0U) == 0x80U) --at;
        }
        end = begin + at;
      }
      cuts.emplace_back(begin, end);
      begin = end;
    }
    Location at = whole.where;
    if (!warning(std::move(at), "a text of " + std::to_string(bytes.size() >> 20U) + " MiB: read as " +
                                    std::to_string(cuts.size()) + " documents of at most " +
                                    std::to_string(kPartBytes >> 20U) + " MiB (" + whole.id + "#part1 ...)",
                 "long texts read in parts")) {
      return false;
    }
    --totals.bad_records;  // a warning, but nothing left out
    for (std::size_t k = 0; k < cuts.size(); ++k) {
      Record r;
      r.id = whole.id + "#part" + std::to_string(k + 1);
      r.where = whole.where;
      r.kind = whole.kind;
      r.meta = whole.meta;
      r.charset = whole.charset;
      r.whole_input = false;
      r.bytes.assign(bytes.substr(cuts[k].first, cuts[k].second - cuts[k].first));
      if (!emit(std::move(r), in)) return false;
    }
    return true;
  }

  // ---------------------------------------------------------------- JSON ----

  /// The charset of a JSON Lines or CSV file, decided at its first line that
  /// is not UTF-8 (uchardet on that line); the first record in it names it.
  struct FileCharset {
    std::string charset;
    bool noted = false;
    void apply(std::string_view bytes, Record& r) {
      if (charset.empty() && !valid_utf8(bytes)) {
        charset = detect_charset(bytes);
        if (charset.empty() || charset == "UTF-8") charset = "windows-1252";
      }
      if (charset.empty()) return;
      r.charset = charset;
      r.charset_guessed = true;
      r.charset_noted = noted;
      noted = true;
    }
  };

  bool json_lines(Input& in, const std::string& shown, const std::string& id) {
    std::string line;
    FileCharset cs;
    for (std::size_t number = 1;; ++number) {
      const Input::Line got = in.line(line, options_.max_record_bytes);
      if (got == Input::Line::end) break;
      if (got == Input::Line::too_long) {
        if (!warning(Location{shown, Location::npos, number}, "line longer than " + std::to_string(options_.max_record_bytes >> 20U) +
                                                                   " MiB: skipped"))
          return false;
        continue;
      }
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      Record r;
      r.id = id + ":" + std::to_string(number);
      r.where = Location{shown, Location::npos, number};
      r.kind = Kind::json;
      cs.apply(line, r);
      r.bytes = std::move(line);
      line = std::string();
      if (!emit(std::move(r), in)) return false;
    }
    if (in.failed()) return warning(Location{shown}, "read error: " + in.error() + "; the rest of the file is not read", "read errors");
    return true;
  }

  /// A .json file: an object, or an array of objects (read whole).
  bool json_file(Input& in, const std::string& shown, const std::string& id) {
    std::string bytes;
    if (!in.rest(bytes, kMaxWhole)) return error(shown, in.failed() ? "cannot read: " + in.error() : "file too large");
    const nlohmann::json j = nlohmann::json::parse(bytes, nullptr, false);
    if (j.is_discarded()) {
      // One object per line, named .json: JSON Lines.
      const std::size_t nl = bytes.find('\n');
      if (nl != std::string::npos && nlohmann::json::accept(std::string_view(bytes).substr(0, nl))) {
        return json_lines_from(bytes, shown, id, in);
      }
      return error(shown, "not JSON (an object, an array of objects, or one object per line)");
    }
    auto one = [&](const nlohmann::json& x, std::size_t number, bool numbered) {
      Record r;
      r.id = numbered ? id + "#" + std::to_string(number) : id;
      r.where = Location{shown};
      if (numbered) r.where.record = number;
      r.kind = Kind::json;
      r.whole_input = !numbered;
      r.bytes = x.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      return emit(std::move(r), in);
    };
    if (j.is_array()) {
      std::size_t number = 0;
      for (const auto& x : j)
        if (!one(x, ++number, true)) return false;
      return true;
    }
    return one(j, 1, false);
  }

  /// JSON Lines already in memory (a .json file that is one).
  bool json_lines_from(const std::string& bytes, const std::string& shown, const std::string& id, Input& in) {
    FileCharset cs;
    std::size_t number = 0;
    for (std::size_t at = 0; at < bytes.size();) {
      std::size_t end = bytes.find('\n', at);
      if (end == std::string::npos) end = bytes.size();
      std::string line = bytes.substr(at, end - at);
      at = end + 1;
      ++number;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.find_first_not_of(" \t") == std::string::npos) continue;
      Record r;
      r.id = id + ":" + std::to_string(number);
      r.where = Location{shown, Location::npos, number};
      r.kind = Kind::json;
      cs.apply(line, r);
      r.bytes = std::move(line);
      if (!emit(std::move(r), in)) return false;
    }
    return true;
  }

  // ----------------------------------------------------------------- CSV ----

  /// Whether a CSV text has an open quoted field at its end.
  static bool open_quote(std::string_view text) {
    return std::count(text.begin(), text.end(), '"') % 2 == 1;
  }

  bool table(Input& in, const std::string& shown, const std::string& id, bool tsv) {
    std::string line, row;
    FileCharset cs;
    std::shared_ptr<Table> header;
    std::size_t number = 0;
    for (;;) {
      const Input::Line got = in.line(line, options_.max_record_bytes);
      if (got == Input::Line::end) break;
      ++number;
      if (got == Input::Line::too_long) {
        if (!warning(Location{shown, Location::npos, number}, "line too long: skipped")) return false;
        continue;
      }
      if (!header && line.find_first_not_of(" \t\r") == std::string::npos) continue;
      const std::size_t start = number;
      row = std::move(line);
      // A quoted field may hold line breaks: read on until the quotes close.
      bool unterminated = false;
      while (open_quote(row)) {
        const Input::Line more = in.line(line, options_.max_record_bytes);
        if (more != Input::Line::ok || row.size() + line.size() > options_.max_record_bytes) {
          unterminated = true;
          break;
        }
        ++number;
        row += '\n';
        row += line;
      }
      if (unterminated) {
        return warning(Location{shown, Location::npos, start},
                       "a quoted field opened here is never closed: the rest of the file is not read");
      }
      if (!header) {
        header = std::make_shared<Table>();
        if (row.starts_with("\xEF\xBB\xBF")) row.erase(0, 3);
        header->separator = tsv ? '\t' : separator_of(row);
        Record probe;
        cs.apply(row, probe);
        header->columns = split_row(probe.charset.empty() ? row : decode(row, probe.charset).text, header->separator);
        for (auto& col : header->columns) col = collapse_spaces(col);
        continue;
      }
      if (row.find_first_not_of(" \t\r\n,;") == std::string::npos) continue;
      Record r;
      r.id = id + ":" + std::to_string(start);
      r.where = Location{shown, Location::npos, start};
      r.kind = Kind::row;
      r.table = header;
      cs.apply(row, r);
      r.bytes = std::move(row);
      row = std::string();
      if (!emit(std::move(r), in)) return false;
    }
    if (in.failed()) return warning(Location{shown}, "read error: " + in.error() + "; the rest of the file is not read", "read errors");
    if (!header) return error(shown, "empty table: no header row");
    return true;
  }

  /// The separator of a CSV header: the most frequent of , ; and tab outside quotes.
  static char separator_of(std::string_view header) {
    std::size_t comma = 0, semicolon = 0, tab = 0;
    bool quoted = false;
    for (char c : header) {
      if (c == '"') quoted = !quoted;
      if (quoted) continue;
      comma += c == ',' ? 1 : 0;
      semicolon += c == ';' ? 1 : 0;
      tab += c == '\t' ? 1 : 0;
    }
    if (semicolon > comma && semicolon >= tab) return ';';
    if (tab > comma && tab > semicolon) return '\t';
    return ',';
  }

 public:
  /// The fields of a CSV row (RFC 4180: "" inside quotes is one quote).
  static std::vector<std::string> split_row(std::string_view row, char separator) {
    std::vector<std::string> fields(1);
    bool quoted = false;
    for (std::size_t i = 0; i < row.size(); ++i) {
      const char c = row[i];
      if (quoted) {
        if (c == '"' && i + 1 < row.size() && row[i + 1] == '"') {
          fields.back() += '"';
          ++i;
        } else if (c == '"') {
          quoted = false;
        } else {
          fields.back() += c;
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == separator) {
        fields.emplace_back();
      } else if (c != '\r') {
        fields.back() += c;
      }
    }
    return fields;
  }

 private:
  // ---------------------------------------------------------------- WARC ----

  bool warc(Input& in, const std::string& shown, const std::string& id) {
    std::string line;
    std::size_t number = 0;
    for (;;) {
      // Records are separated by blank lines.
      Input::Line got = Input::Line::ok;
      do {
        got = in.line(line, 1U << 16U);
      } while (got == Input::Line::ok && line.empty());
      if (got == Input::Line::end) break;
      const Location where{shown, Location::npos, Location::npos, number + 1};
      if (got == Input::Line::too_long || !line.starts_with("WARC/")) {
        return warning(where, "not a WARC record header: the rest of the file is not read");
      }
      ++number;
      Headers warc_headers;
      for (;;) {
        got = in.line(line, 1U << 16U);
        if (got != Input::Line::ok) break;
        if (line.empty()) break;
        add_header(line, warc_headers);
      }
      if (got != Input::Line::ok) return warning(where, "truncated WARC record header: the rest of the file is not read");
      std::size_t length = 0;
      const std::string cl = header(warc_headers, "content-length");
      const auto r = std::from_chars(cl.data(), cl.data() + cl.size(), length);
      if (cl.empty() || r.ec != std::errc{}) {
        return warning(where, "WARC record without a valid Content-Length: the rest of the file is not read");
      }
      const std::string type = lower_ascii(header(warc_headers, "warc-type"));
      if (type != "response" && type != "resource" && type != "conversion") {
        ++totals.other_records;
        if (!in.skip(length)) return warning(where, "truncated WARC record (" + type + ")");
        continue;
      }
      if (length > options_.max_record_bytes) {
        if (!warning(where, "WARC record of " + std::to_string(length >> 20U) + " MiB: skipped")) return false;
        if (!in.skip(length)) return warning(where, "truncated WARC record");
        continue;
      }
      std::string content;
      if (!in.read(length, content)) {
        return warning(where, "truncated WARC record: " + std::to_string(content.size()) + " of " +
                                  std::to_string(length) + " bytes");
      }
      std::string uri = header(warc_headers, "warc-target-uri");
      if (uri.size() >= 2 && uri.front() == '<' && uri.back() == '>') uri = uri.substr(1, uri.size() - 2);
      std::string content_type = header(warc_headers, "content-type");
      std::string body;
      if (type == "response") {
        // An HTTP response: its status, headers and body.
        const std::size_t end = content.find("\r\n\r\n");
        const std::size_t end_lf = content.find("\n\n");
        std::size_t body_at = std::string::npos;
        std::size_t headers_end = std::string::npos;
        if (end != std::string::npos && (end_lf == std::string::npos || end < end_lf)) {
          headers_end = end;
          body_at = end + 4;
        } else if (end_lf != std::string::npos) {
          headers_end = end_lf;
          body_at = end_lf + 2;
        }
        if (!lower_ascii(content.substr(0, 5)).starts_with("http/") || body_at == std::string::npos) {
          if (!content.starts_with("HTTP/") && !content.starts_with("http/")) {
            // Not HTTP (a dns: or whois: response): no page.
            ++totals.other_records;
            continue;
          }
          if (!warning(where, "HTTP response without the end of its headers: skipped")) return false;
          continue;
        }
        Headers http;
        const std::string_view head(content.data(), headers_end);
        const std::size_t first_eol = head.find('\n');
        const std::string_view status_line = head.substr(0, first_eol);
        int status = 0;
        if (const std::size_t sp = status_line.find(' '); sp != std::string_view::npos)
          std::from_chars(status_line.data() + sp + 1, status_line.data() + status_line.size(), status);
        for (std::size_t at = first_eol == std::string_view::npos ? head.size() : first_eol + 1; at < head.size();) {
          std::size_t eol = head.find('\n', at);
          if (eol == std::string_view::npos) eol = head.size();
          add_header(head.substr(at, eol - at), http);
          at = eol + 1;
        }
        if (status < 200 || status >= 300) {  // redirects, errors: no article
          ++totals.other_records;
          continue;
        }
        content_type = header(http, "content-type");
        body = content.substr(body_at);
        if (lower_ascii(header(http, "transfer-encoding")).find("chunked") != std::string::npos) {
          std::string joined;
          if (dechunk(body, joined)) body.swap(joined);
        }
        const std::string encoding = lower_ascii(header(http, "content-encoding"));
        if (encoding == "gzip" || encoding == "x-gzip" || encoding == "deflate") {
          std::string inflated;
          if (!inflate_body(body, inflated, options_.max_record_bytes)) {
            if (!warning(where, "HTTP body compressed with " + encoding + " cannot be inflated: skipped")) return false;
            continue;
          }
          body.swap(inflated);
        } else if (!encoding.empty() && encoding != "identity") {
          if (!warning(where, "HTTP body compressed with " + encoding + ", which is not read: skipped")) return false;
          continue;
        }
      } else {
        body = std::move(content);
      }
      const std::string ct = lower_ascii(content_type);
      Kind kind = Kind::text;
      if (ct.find("html") != std::string::npos) {
        kind = Kind::html;
      } else if (ct.starts_with("text/plain")) {
        kind = Kind::text;
      } else if (ct.empty() && looks_like_html(head_text(body))) {
        kind = Kind::html;
      } else {
        ++totals.other_records;  // images, scripts, PDF, robots.txt...
        continue;
      }
      Record rec;
      rec.id = id + "#" + std::to_string(number);
      rec.where = where;
      rec.kind = kind;
      rec.bytes = std::move(body);
      rec.meta.url = uri;
      rec.charset = charset_of(content_type);
      if (!emit(std::move(rec), in)) return false;
    }
    if (in.failed()) return warning(Location{shown}, "read error: " + in.error() + "; the rest of the file is not read", "read errors");
    return true;
  }

  // ------------------------------------------------------------- archives ----

  /// Callbacks that feed libarchive from an Input (standard input, or a
  /// member of another archive).
  struct Feed {
    Input* in;
    std::string buffer;
  };
  static la_ssize_t feed_read(struct archive*, void* data, const void** out) {
    Feed* f = static_cast<Feed*>(data);
    f->buffer.clear();
    const bool more = f->in->read(std::size_t{1} << 16U, f->buffer);
    (void)more;
    *out = f->buffer.data();
    if (f->in->failed()) return -1;
    return static_cast<la_ssize_t>(f->buffer.size());
  }

  bool archive(Input& in, const std::string& shown, const std::string& id, const std::string& name, int depth) {
    std::unique_ptr<struct archive, int (*)(struct archive*)> a(archive_read_new(), archive_read_free);
    if (!a) return error(shown, "cannot open archive (out of memory)");
    archive_read_support_filter_all(a.get());
    archive_read_support_format_tar(a.get());
    archive_read_support_format_zip(a.get());
    archive_read_support_format_7zip(a.get());
    archive_read_support_format_cpio(a.get());
    archive_read_support_format_raw(a.get());
    Feed feed{&in, {}};
    if (archive_read_open(a.get(), &feed, nullptr, feed_read, nullptr) != ARCHIVE_OK) {
      return error(shown, std::string("cannot open archive: ") + archive_error_string(a.get()));
    }
    ArchiveSource source(a.get());
    struct archive_entry* entry = nullptr;
    std::size_t members = 0;
    for (;;) {
      const int status = archive_read_next_header(a.get(), &entry);
      if (status == ARCHIVE_EOF) break;
      if (status == ARCHIVE_FATAL) {
        const char* why = archive_error_string(a.get());
        const std::string message = std::string(why != nullptr ? why : "broken archive");
        if (members == 0) return error(shown, "cannot read archive: " + message);
        return warning(Location{shown}, "archive broken after " + std::to_string(members) + " member(s): " + message,
                       "archives");
      }
      const bool raw = archive_format(a.get()) == ARCHIVE_FORMAT_RAW;
      if (archive_entry_filetype(entry) != AE_IFREG && !raw) continue;
      ++members;
      if (raw) {
        // A compressed file: the file inside has the name without ".gz".
        std::string inner(base_name(name));
        if (compression_extension(extension(inner))) inner = inner.substr(0, inner.rfind('.'));
        if (extension(inner) == "tgz") inner = inner.substr(0, inner.size() - 3) + "tar";
        Input member(source);
        if (!stream(member, shown, id, inner, depth == 1, depth)) return false;
        if (member.failed()) return warning(Location{shown}, "cannot decompress: " + member.error(), "archives");
        continue;
      }
      const char* path = archive_entry_pathname_utf8(entry);
      if (path == nullptr) path = archive_entry_pathname(entry);
      const std::string member_path = path != nullptr ? path : "";
      const std::string_view member_name = base_name(member_path);
      if (member_name.empty() || member_name.starts_with(".") || member_path.starts_with("__MACOSX/") ||
          !by_name(member_name))
        continue;
      Input member(source);
      if (!stream(member, shown + "/" + member_path, id + "/" + member_path, std::string(member_name), true, depth))
        return false;
      if (member.failed()) {
        if (!warning(Location{shown + "/" + member_path}, "cannot read member: " + member.error(), "archives")) return false;
      }
    }
    return true;
  }

  const Options& options_;
  const Sink& sink_;
  std::uint64_t done_bytes_ = 0;  ///< bytes of the input files read to their end
  std::shared_ptr<const InputFile> current_;  ///< the file being read
  std::uint64_t ordinal_ = 0;                 ///< records emitted of it so far
};

/// Every file an argument names (what read() opens), for input_bytes().
void sizes(const std::string& arg, std::uint64_t& total) {
  std::error_code ec;
  const fs::file_status st = fs::status(arg, ec);
  if (ec || !fs::exists(st)) return;
  if (fs::is_regular_file(st)) {
    total += fs::file_size(arg, ec);
    return;
  }
  if (!fs::is_directory(st)) return;
  auto it = fs::recursive_directory_iterator(arg, fs::directory_options::skip_permission_denied, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.starts_with(".")) {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file(ec) && by_name(name)) total += it->file_size(ec);
  }
}

}  // namespace

std::vector<std::string> split_csv_row(std::string_view row, char separator) {
  return Reading::split_row(row, separator);
}

std::uint64_t input_bytes(const std::vector<std::string>& inputs) {
  std::uint64_t total = 0;
  for (const auto& in : inputs) sizes(in, total);
  return total;
}

Totals read(const std::vector<std::string>& inputs, const Options& options, const Sink& sink) {
  Reading reading(options, sink);
  reading.arguments(inputs);
  return reading.totals;
}

}  // namespace entente::ingest
