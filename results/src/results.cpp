// Extraction results as files (results.hpp): JSON Lines through nlohmann-json.
#include "entente/results/results.hpp"

#include <algorithm>
#include <array>
#include <cinttypes>
#include <cstdio>
#include <cstring>
#include <nlohmann/json.hpp>
#include <limits>
#include <tuple>
#include <type_traits>
#include <utility>

#include "cache.hpp"
#include "entente/common/hash.hpp"

namespace entente::results {
namespace {

using json = nlohmann::ordered_json;
constexpr std::string_view kFormat = "extraction results";

template <typename Enum, std::size_t N>
bool parse_enum(const std::string& name, Enum& out) {
  for (std::size_t i = 0; i < N; ++i) {
    const auto e = static_cast<Enum>(i);
    if (extract::to_string(e) == name) {
      out = e;
      return true;
    }
  }
  return false;
}

std::string hex64(std::uint64_t v) {
  std::array<char, 17> buf{};
  std::snprintf(buf.data(), buf.size(), "%016" PRIx64, v);
  return std::string(buf.data(), 16);
}

bool is_hex64(std::string_view s) {
  return s.size() == 16 && s.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

json location_json(const Location& l) {
  json j;
  j["file"] = l.file;
  if (l.offset != Location::npos) j["offset"] = l.offset;
  if (l.line != Location::npos) j["line"] = l.line;
  if (l.record != Location::npos) j["record"] = l.record;
  return j;
}

void string_or_absent(json& j, const char* key, const std::string& v) {
  if (!v.empty()) j[key] = v;
}

/// `j` as a whole number of type T; throws json::type_error when it is not
/// one (a float such as 1e21, a string) or does not fit T (found by
/// fuzz_read: nlohmann-json's get<unsigned>() of a float out of range is
/// undefined behaviour).
template <typename T>
T whole(const json& j) {
  if (j.is_number_unsigned()) {
    const auto v = j.get<std::uint64_t>();
    if (v <= static_cast<std::uint64_t>(std::numeric_limits<T>::max())) return static_cast<T>(v);
  } else if (j.is_number_integer()) {
    const auto v = j.get<std::int64_t>();
    if (std::is_signed_v<T> && v >= static_cast<std::int64_t>(std::numeric_limits<T>::min()) &&
        v <= static_cast<std::int64_t>(std::numeric_limits<T>::max()))
      return static_cast<T>(v);
  }
  throw json::type_error::create(302, "not a whole number of the expected range: " + j.dump(), &j);
}

/// An array of whole numbers of type T.
template <typename T>
std::vector<T> wholes(const json& j) {
  if (!j.is_array()) throw json::type_error::create(302, "not an array: " + j.dump(), &j);
  std::vector<T> out;
  out.reserve(j.size());
  for (const json& x : j) out.push_back(whole<T>(x));
  return out;
}

/// A field of `j`, or `fallback` when absent; throws (json::exception) on a wrong type.
template <typename T>
T field(const json& j, const char* key, T fallback = T{}) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return fallback;
  if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>) return whole<T>(*it);
  return it->get<T>();
}

}  // namespace

std::filesystem::path cache_of(const std::filesystem::path& results) {
  std::filesystem::path p = results;
  return p.replace_extension(kCacheExtension);
}

std::uint64_t content_hash(const extract::Document& doc) {
  // FNV-1a over the text and each metadata field, each ended by a NUL byte
  // (which no field holds), then MurmurHash3's finaliser.
  const extract::Metadata& m = doc.meta;
  std::uint64_t h = common::kFnvOffset;
  for (const std::string_view field : {std::string_view(doc.text), std::string_view(m.url), std::string_view(m.title),
                                       std::string_view(m.date), std::string_view(m.publisher),
                                       std::string_view(m.language)})
    h = common::fnv1a(std::string_view("\0", 1), common::fnv1a(field, h));
  return common::mix64(h);
}

Record record_of(const extract::Document& doc, const ingest::InputFile& input, std::uint64_t ordinal, bool evidence) {
  Record r;
  r.facts = graph::facts_of(doc);
  r.fingerprint = graph::fingerprint(doc);
  if (evidence) r.evidence = exporter::EvidenceWriter::draft(doc);
  r.diagnostics = doc.diagnostics;
  r.input = input;
  r.ordinal = ordinal;
  return r;
}

std::string to_line(const Record& r, std::uint32_t file_index) {
  const graph::DocumentFacts& f = r.facts;
  json j;
  j["id"] = f.id;
  j["path"] = f.path;
  j["file"] = file_index;
  j["ordinal"] = r.ordinal;
  if (r.content != 0) j["content"] = hex64(r.content);
  json meta = json::object();
  string_or_absent(meta, "url", f.meta.url);
  string_or_absent(meta, "title", f.meta.title);
  string_or_absent(meta, "date", f.meta.date);
  string_or_absent(meta, "publisher", f.meta.publisher);
  string_or_absent(meta, "language", f.meta.language);
  if (f.meta.dateline) meta["dateline"] = true;
  j["metadata"] = std::move(meta);
  j["first_line"] = f.first_line;
  j["length"] = f.length;
  j["fingerprint"] = {{"exact", hex64(r.fingerprint.exact)},
                      {"words", r.fingerprint.words},
                      {"sketch", r.fingerprint.sketch}};
  json entities = json::array();
  for (const auto& e : f.entities) {
    json x;
    x["type"] = extract::to_string(e.type);
    x["name"] = e.name;
    if (!e.labels.empty()) x["labels"] = e.labels;
    string_or_absent(x, "key", e.key);
    string_or_absent(x, "country", e.country);
    string_or_absent(x, "wikidata", e.qid);
    if (!e.roles.empty()) {
      json roles = json::array();
      for (const auto& role : e.roles) roles.push_back({{"title", role.title}, {"institution", role.institution}});
      x["roles"] = std::move(roles);
    }
    string_or_absent(x, "kind", e.kind);
    string_or_absent(x, "date", e.date);
    string_or_absent(x, "date_end", e.date_end);
    entities.push_back(std::move(x));
  }
  j["entities"] = std::move(entities);
  json relations = json::array();
  for (std::size_t i = 0; i < f.relations.size(); ++i) {
    const auto& rel = f.relations[i];
    json x = {{"predicate", extract::to_string(rel.predicate)},
              {"subject", rel.subject},
              {"object", rel.object},
              {"sentence", rel.sentence},
              {"stage", rel.stage}};
    if (i < f.sentences.size()) x["span"] = {f.sentences[i].first, f.sentences[i].second};
    relations.push_back(std::move(x));
  }
  j["relations"] = std::move(relations);
  j["text"] = r.evidence.text;
  json stretches = json::array();
  for (const auto& s : r.evidence.stretches) {
    stretches.push_back({{"span", {s.begin, s.end}},
                         {"bytes", {s.byte_begin, s.byte_end}},
                         {"entities", s.entities},
                         {"relations", s.relations}});
  }
  j["stretches"] = std::move(stretches);
  if (!r.diagnostics.empty()) {
    json diags = json::array();
    for (const auto& d : r.diagnostics) {
      json x = {{"severity", d.severity == Severity::error ? "error" : "warning"},
                {"where", location_json(d.where)},
                {"message", d.message}};
      string_or_absent(x, "kind", d.kind);
      diags.push_back(std::move(x));
    }
    j["diagnostics"] = std::move(diags);
  }
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string from_line(std::string_view line, const std::vector<ingest::InputFile>& files, Record& r,
                      std::uint32_t* file_index) {
  json j = json::parse(line, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return "not a JSON object";
  if (j.contains("end")) return "a second end line";
  try {
    r = Record{};
    graph::DocumentFacts& f = r.facts;
    f.id = j.at("id").get<std::string>();
    f.path = field<std::string>(j, "path");
    const auto file = whole<std::size_t>(j.at("file"));
    if (file >= files.size()) return "its input file (" + std::to_string(file) + ") is not in the end line's list";
    r.input = files[file];
    if (file_index != nullptr) *file_index = static_cast<std::uint32_t>(file);
    r.ordinal = whole<std::uint64_t>(j.at("ordinal"));
    if (auto content = j.find("content"); content != j.end()) {
      const auto hex = content->get<std::string>();
      if (!is_hex64(hex)) return "content is not 16 hex digits";
      r.content = std::stoull(hex, nullptr, 16);
    }
    const json& meta = j.at("metadata");
    f.meta.url = field<std::string>(meta, "url");
    f.meta.title = field<std::string>(meta, "title");
    f.meta.date = field<std::string>(meta, "date");
    f.meta.publisher = field<std::string>(meta, "publisher");
    f.meta.language = field<std::string>(meta, "language");
    f.meta.dateline = field<bool>(meta, "dateline");
    f.first_line = field<std::string>(j, "first_line");
    f.length = whole<std::uint32_t>(j.at("length"));
    const json& fp = j.at("fingerprint");
    const auto exact = fp.at("exact").get<std::string>();
    if (!is_hex64(exact))
      return "fingerprint.exact is not 16 hex digits";
    r.fingerprint.exact = std::stoull(exact, nullptr, 16);
    r.fingerprint.words = whole<std::uint32_t>(fp.at("words"));
    const json& sketch = fp.at("sketch");
    if (!sketch.is_array() || sketch.size() != r.fingerprint.sketch.size())
      return "fingerprint.sketch does not hold " + std::to_string(r.fingerprint.sketch.size()) + " numbers";
    for (std::size_t i = 0; i < sketch.size(); ++i) r.fingerprint.sketch[i] = whole<std::uint32_t>(sketch[i]);
    for (const json& x : j.at("entities")) {
      extract::Entity e;
      if (!parse_enum<extract::EntityType, 5>(x.at("type").get<std::string>(), e.type))
        return "unknown entity type \"" + x.at("type").get<std::string>() + "\"";
      e.name = x.at("name").get<std::string>();
      e.labels = field<std::vector<std::string>>(x, "labels");
      e.key = field<std::string>(x, "key");
      e.country = field<std::string>(x, "country");
      e.qid = field<std::string>(x, "wikidata");
      if (auto roles = x.find("roles"); roles != x.end()) {
        for (const json& role : *roles) e.roles.push_back({role.at("title").get<std::string>(), field<int>(role, "institution", -1)});
      }
      e.kind = field<std::string>(x, "kind");
      e.date = field<std::string>(x, "date");
      e.date_end = field<std::string>(x, "date_end");
      f.entities.push_back(std::move(e));
    }
    const auto entity_count = static_cast<int>(f.entities.size());
    for (const json& x : j.at("relations")) {
      extract::Relation rel;
      if (!parse_enum<extract::Predicate, 6>(x.at("predicate").get<std::string>(), rel.predicate))
        return "unknown predicate \"" + x.at("predicate").get<std::string>() + "\"";
      rel.subject = whole<int>(x.at("subject"));
      rel.object = whole<int>(x.at("object"));
      if (rel.subject < -1 || rel.subject >= entity_count || rel.object < -1 || rel.object >= entity_count)
        return "a relation names an entity the record does not have";
      rel.sentence = whole<std::uint32_t>(x.at("sentence"));
      rel.stage = field<std::string>(x, "stage");
      const json& span = x.at("span");
      f.sentences.emplace_back(whole<std::uint32_t>(span.at(0)), whole<std::uint32_t>(span.at(1)));
      f.relations.push_back(std::move(rel));
    }
    r.evidence.text = j.at("text").get<std::string>();
    for (const json& x : j.at("stretches")) {
      exporter::EvidenceDraft::Stretch s;
      s.begin = whole<std::uint32_t>(x.at("span").at(0));
      s.end = whole<std::uint32_t>(x.at("span").at(1));
      s.byte_begin = whole<std::uint32_t>(x.at("bytes").at(0));
      s.byte_end = whole<std::uint32_t>(x.at("bytes").at(1));
      if (s.begin > s.end || s.byte_begin > s.byte_end || s.byte_end > r.evidence.text.size() || s.end > f.length)
        return "a stretch lies outside the text";
      s.entities = wholes<std::uint32_t>(x.at("entities"));
      s.relations = wholes<std::uint32_t>(x.at("relations"));
      for (auto e : s.entities)
        if (e >= f.entities.size()) return "a stretch names an entity the record does not have";
      for (auto e : s.relations)
        if (e >= f.relations.size()) return "a stretch names a relation the record does not have";
      r.evidence.stretches.push_back(std::move(s));
    }
    if (auto diags = j.find("diagnostics"); diags != j.end()) {
      for (const json& x : *diags) {
        Diagnostic d;
        d.severity = x.at("severity").get<std::string>() == "error" ? Severity::error : Severity::warning;
        const json& w = x.at("where");
        d.where.file = w.at("file").get<std::string>();
        d.where.offset = field<std::size_t>(w, "offset", Location::npos);
        d.where.line = field<std::size_t>(w, "line", Location::npos);
        d.where.record = field<std::size_t>(w, "record", Location::npos);
        d.message = x.at("message").get<std::string>();
        d.kind = field<std::string>(x, "kind");
        r.diagnostics.push_back(std::move(d));
      }
    }
  } catch (const json::exception& e) {
    // "[json.exception.out_of_range.403] key 'id' not found" -> "key 'id' not found"
    std::string what = e.what();
    if (auto at = what.find("] "); at != std::string::npos) what.erase(0, at + 2);
    return what;
  }
  return {};
}

// ---------------------------------------------------------------- Writer ----

Writer::~Writer() = default;

Writer::Writer(std::filesystem::path file, bool cache) : file_(std::move(file)) {
  if (!file_.ok()) {
    error_ = file_.error();
    return;
  }
  if (cache) cache_ = std::make_unique<CacheWriter>(file_.target());
  json header = {{"entente", kFormat}, {"version", kVersion}};
  const std::string line = header.dump() + "\n";
  file_.write(line);
  bytes_ += line.size();
}

void Writer::add(const Record& r) {
  if (!error_.empty()) return;
  std::uint32_t index = 0;
  if (!files_.empty() && files_.back() == r.input) {
    index = static_cast<std::uint32_t>(files_.size() - 1);
  } else {
    auto it = std::find(files_.begin(), files_.end(), r.input);
    index = static_cast<std::uint32_t>(it - files_.begin());
    if (it == files_.end()) files_.push_back(r.input);
  }
  line_ = to_line(r, index);
  line_ += '\n';
  file_.write(line_);
  if (cache_) cache_->add(r, index, bytes_);
  bytes_ += line_.size();
  ++documents_;
  if (!file_.ok()) error_ = file_.error();
}

std::string Writer::finish() {
  if (!error_.empty()) return error_;
  json files = json::array();
  for (const auto& f : files_) files.push_back({{"id", f.id}, {"base_id", f.base_id}, {"canonical", f.canonical}});
  json end = {{"end", {{"documents", documents_}, {"files", std::move(files)}}}};
  const std::string line = end.dump(-1, ' ', false, json::error_handler_t::replace) + "\n";
  file_.write(line);
  bytes_ += line.size();
  if (!file_.commit()) error_ = file_.error();
  else if (cache_) cache_->finish(files_, bytes_, end_line_hash(line));
  cache_.reset();
  return error_;
}

// ---------------------------------------------------------------- Reader ----

Reader::Reader() = default;
Reader::~Reader() = default;

std::string Reader::open(const std::filesystem::path& file, Cache cache) {
  path_ = file;
  const std::string name = file.string();
  in_.open(file, std::ios::binary);
  if (!in_) return error_ = name + ": cannot open the results file";
  if (!std::getline(in_, line_)) return error_ = name + ": empty, not an Entente results file";
  const json header = json::parse(line_, nullptr, false);
  // Look before taking: value() throws when the field holds another type (found by fuzz_read).
  const auto format = header.is_object() ? header.find("entente") : header.end();
  if (header.is_discarded() || !header.is_object() || format == header.end() || !format->is_string() ||
      format->get_ref<const std::string&>() != kFormat)
    return error_ = name + ":1: not an Entente results file (its first line is not "
                           "{\"entente\": \"extraction results\", \"version\": N})";
  const json version = header.value("version", json());
  if (!version.is_number_integer() || version.get<std::int64_t>() != kVersion) {
    return error_ = name + ":1: results of version " + version.dump() + "; this entente reads version " +
                    std::to_string(kVersion) + " (extract the articles again with this entente)";
  }
  const std::streamoff body = in_.tellg();
  // The last line: read backwards from the end, a chunk at a time, to the newline before it.
  in_.seekg(0, std::ios::end);
  const std::streamoff size = in_.tellg();
  std::vector<std::string> chunks;  // from the end backwards
  std::streamoff start = size;
  constexpr std::streamoff kChunk = 1 << 16;
  while (start > body) {
    const std::streamoff from = std::max(body, start - kChunk);
    std::string chunk(static_cast<std::size_t>(start - from), '\0');
    in_.seekg(from);
    in_.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    start = from;
    // A newline other than the file's final one: the last line starts after it.
    const std::size_t skip = chunks.empty() && !chunk.empty() && chunk.back() == '\n' ? 1 : 0;
    const std::size_t cut = chunk.size() > skip ? chunk.rfind('\n', chunk.size() - 1 - skip) : std::string::npos;
    if (cut != std::string::npos) {
      start += static_cast<std::streamoff>(cut + 1);
      chunks.push_back(chunk.substr(cut + 1));
      break;
    }
    chunks.push_back(std::move(chunk));
  }
  std::string tail;
  for (auto it = chunks.rbegin(); it != chunks.rend(); ++it) tail += *it;
  end_offset_ = static_cast<std::uint64_t>(start);
  size_ = static_cast<std::uint64_t>(size);
  if (cache != Cache::no) {
    // A cache that matches the file holds its input files: its end line is not parsed.
    end_hash_ = end_line_hash(tail);
    cache_ = std::make_unique<CacheReader>();
    if (cache_->open(file, size_, end_hash_) && cache_->files(files_).empty()) {
      documents_ = cache_->documents();
      return {};
    }
    cache_.reset();
    files_.clear();
  }
  // Each input file is taken from the end line as soon as it is parsed, and
  // dropped from the tree: the tree of a line listing every input file would
  // cost several times their list.
  std::string key1, key2, broken;  // the keys being read at depths 1 and 2; the first problem
  const auto take_file = [&](int depth, json::parse_event_t event, json& parsed) {
    if (event == json::parse_event_t::key) {
      if (depth == 1) key1 = parsed.get<std::string>();
      if (depth == 2) key2 = parsed.get<std::string>();
    }
    if (event != json::parse_event_t::object_end || depth != 3 || key1 != "end" || key2 != "files") return true;
    try {
      files_.push_back({parsed.at("base_id").get<std::string>(), parsed.at("id").get<std::string>(),
                        parsed.at("canonical").get<std::string>()});
    } catch (const json::exception& e) {
      if (broken.empty()) broken = e.what();
    }
    return false;
  };
  std::size_t listed = 0;  // "canonical": once per input file (inside a string its quotes would be escaped)
  for (std::size_t at = tail.find("\"canonical\":"); at != std::string::npos; at = tail.find("\"canonical\":", at + 1))
    ++listed;
  files_.reserve(listed);
  const json end = json::parse(tail, take_file, false);
  if (end.is_discarded() || !end.is_object() || !end.contains("end")) {
    return error_ = name + ": incomplete: its last line is not the end line {\"end\": ...} "
                           "(was the extraction stopped? run it again)";
  }
  try {
    documents_ = whole<std::size_t>(end.at("end").at("documents"));
    const json& rest = end.at("end").at("files");  // what was not an input file
    if (broken.empty() && !rest.is_array()) broken = "its \"files\" is not a list";
    if (broken.empty() && !rest.empty()) broken = "its \"files\" holds " + rest.front().dump().substr(0, 60) + ", not an input file";
  } catch (const json::exception& e) {
    broken = e.what();
  }
  if (!broken.empty()) return error_ = name + ": its end line is broken: " + broken;
  in_.clear();
  in_.seekg(body);
  offset_ = static_cast<std::uint64_t>(body);
  if (cache == Cache::remake) {
    remake_ = std::make_unique<CacheWriter>(file);
    if (!remake_->ok()) remake_.reset();
  }
  return {};
}

std::string Reader::places(std::vector<Place>& out) {
  if (!cache_) return "no record cache";
  if (std::string err = cache_->places(out); !err.empty()) return cache_->path().string() + ": " + err;
  for (const Place& p : out)
    if (p.file >= files_.size()) return cache_->path().string() + ": its index names an input file it does not have";
  return {};
}

bool Reader::next_cached(Record& r, const BodyWanted& wanted) {
  std::string err;
  if (!cache_->next(record_, err) && err.empty()) return false;  // the end
  if (err.empty()) err = from_binary(record_, files_, r, wanted);
  if (!err.empty()) {
    error_ = cache_->path().string() + ": record " + std::to_string(read_ + 1) + ": " + err +
             " (remove the file: it is made again from " + path_.filename().string() + ")";
    return false;
  }
  ++read_;
  ++line_number_;
  return true;
}

bool Reader::next(Record& r, const BodyWanted& wanted) {
  if (!error_.empty()) return false;
  if (cache_) return next_cached(r, wanted);
  if (offset_ >= end_offset_) {
    if (read_ != documents_) {
      error_ = path_.string() + ": holds " + std::to_string(read_) + " documents, its end line says " +
               std::to_string(documents_);
    } else if (remake_) {
      // Every record read and cached: the cache is whole.
      (void)remake_->finish(files_, size_, end_hash_);
    }
    remake_.reset();
    return false;
  }
  ++line_number_;
  if (!std::getline(in_, line_)) {
    error_ = path_.string() + ":" + std::to_string(line_number_) + ": cannot read: " + std::string(std::strerror(errno));
    return false;
  }
  const std::uint64_t offset = offset_;
  offset_ += line_.size() + 1;
  std::uint32_t index = 0;
  if (std::string why = from_line(line_, files_, r, &index); !why.empty()) {
    error_ = path_.string() + ":" + std::to_string(line_number_) + ": not a document record of version " +
             std::to_string(kVersion) + ": " + why;
    return false;
  }
  if (remake_) remake_->add(r, index, offset);
  ++read_;
  return true;
}

// ----------------------------------------------------------------- Merge ----

std::string Merge::open(const std::vector<std::filesystem::path>& files, bool caches) {
  caches_ = caches;
  // Canonical -> the file as first named, and whether every file names it so.
  // A results file names its inputs as one build of them would (tell_apart
  // over them): with one file there is nothing to settle, and nothing kept.
  std::map<std::string, std::pair<ingest::InputFile, bool>> inputs;
  for (const auto& f : files) {
    // The first few files stay open for the merge; the others are opened
    // again when it reaches them (a bounded number of open files).
    const bool keep = files.size() <= kKeptOpen;
    auto reader = std::make_unique<Reader>();
    const Reader::Cache cache = !caches_ ? Reader::Cache::no : keep ? Reader::Cache::remake : Reader::Cache::read;
    if (std::string err = reader->open(f, cache); !err.empty()) return error_ = err;
    if (files.size() > 1) {
      for (const auto& input : reader->files()) {
        const auto [it, added] = inputs.try_emplace(input.canonical, input, true);
        if (!added && it->second.first.id != input.id) it->second.second = false;
      }
    }
    documents_ += reader->documents();
    if (reader->documents() > 0 && !reader->files().empty()) {
      std::string first = reader->files().front().canonical;
      pending_.push_back({f, std::move(first), keep ? std::move(reader) : nullptr});
    }
  }
  std::vector<ingest::InputFile> all;
  std::vector<std::string> named;  // the identifier every file gave, or "" when they differ
  for (auto& [canonical, input] : inputs) {
    named.push_back(input.second ? input.first.id : std::string());
    all.push_back(std::move(input.first));
  }
  inputs.clear();
  ingest::tell_apart(all);
  // Kept: the identifiers that differ from one a file gave (next() renames those).
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (named[i].empty() || all[i].id != named[i]) ids_[all[i].canonical] = all[i].id;
  }
  // The file with the smallest first input file last; equal ones in the order given.
  std::stable_sort(pending_.begin(), pending_.end(), [](const Pending& a, const Pending& b) { return a.first < b.first; });
  std::reverse(pending_.begin(), pending_.end());
  return {};
}

bool Merge::open_next(const BodyWanted& wanted) {
  Pending p = std::move(pending_.back());
  pending_.pop_back();
  std::unique_ptr<Reader> reader = std::move(p.reader);  // kept open by open()
  if (!reader) {
    reader = std::make_unique<Reader>();
    if (std::string err = reader->open(p.path, caches_ ? Reader::Cache::remake : Reader::Cache::no); !err.empty()) {
      error_ = err;
      return false;
    }
  }
  readers_.push_back(std::move(reader));
  heads_.emplace_back();
  last_read_.emplace_back();
  most_open_ = std::max(most_open_, ++open_);
  return fill(readers_.size() - 1, wanted);
}

bool Merge::fill(std::size_t i, const BodyWanted& wanted) {
  heads_[i].reset();
  Record r;
  if (!readers_[i]->next(r, wanted)) {
    if (!readers_[i]->error().empty()) {
      error_ = readers_[i]->error();
      return false;
    }
    readers_[i].reset();  // read to its end: closed
    --open_;
    return true;
  }
  auto& [canonical, ordinal] = last_read_[i];
  if (std::tie(r.input.canonical, r.ordinal) < std::tie(canonical, ordinal)) {
    error_ = readers_[i]->path().string() + ": document " + r.facts.id +
             " comes after one it should precede: the records are not in reading order";
    return false;
  }
  canonical = r.input.canonical;
  ordinal = r.ordinal;
  heads_[i] = std::move(r);
  return true;
}

void Merge::drop_closed() {
  for (std::size_t i = readers_.size(); i-- > 0;) {
    if (readers_[i]) continue;
    readers_.erase(readers_.begin() + static_cast<std::ptrdiff_t>(i));
    heads_.erase(heads_.begin() + static_cast<std::ptrdiff_t>(i));
    last_read_.erase(last_read_.begin() + static_cast<std::ptrdiff_t>(i));
  }
}

std::optional<std::size_t> Merge::smallest() const {
  std::optional<std::size_t> best;
  for (std::size_t i = 0; i < heads_.size(); ++i) {
    if (!heads_[i]) continue;
    if (!best || std::tie(heads_[i]->input.canonical, heads_[i]->ordinal) <
                     std::tie(heads_[*best]->input.canonical, heads_[*best]->ordinal))
      best = i;
  }
  return best;
}

bool Merge::next(Record& out, const BodyWanted& wanted) {
  while (error_.empty()) {
    // Open the files whose first document may come before every head.
    drop_closed();
    std::optional<std::size_t> best = smallest();
    while (!pending_.empty() && (!best || pending_.back().first <= heads_[*best]->input.canonical)) {
      if (!open_next(wanted)) return false;
      drop_closed();
      best = smallest();
    }
    if (!best) return false;
    Record r = std::move(*heads_[*best]);
    if (!fill(*best, wanted)) return false;
    // The same input file and place, the same text: a document given twice.
    if (any_ && r.input.canonical == last_canonical_ && r.ordinal == last_ordinal_ &&
        r.fingerprint.exact == last_exact_) {
      ++repeated_;
      continue;
    }
    any_ = true;
    last_canonical_ = r.input.canonical;
    last_ordinal_ = r.ordinal;
    last_exact_ = r.fingerprint.exact;
    // Identified as one build of every input would: "x.txt" -> "a/x.txt".
    if (auto it = ids_.find(r.input.canonical); it != ids_.end() && it->second != r.input.id) {
      if (r.facts.id.starts_with(r.input.id)) r.facts.id = it->second + r.facts.id.substr(r.input.id.size());
      r.input.id = it->second;
    }
    out = std::move(r);
    return true;
  }
  return false;
}

}  // namespace entente::results
