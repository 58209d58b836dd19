// import_wikidata_dump: a Wikidata JSON dump in, an index file out, one line
// in memory at a time (see entente/graph/wikidata.hpp and docs/WIKIDATA.md).
//
// The dump is a JSON array written one entity per line:
//   [
//   {"type":"item","id":"Q31","labels":{...},"aliases":{...},"claims":{...},...},
//   ...
//   {"type":"item","id":"Q...",...}
//   ]
// Each line is parsed on its own, with the parts the index never needs
// (descriptions, sitelinks, other languages, other properties, references,
// qualifiers) dropped while parsing. Compressed dumps are read through zlib
// (gzip, concatenated members included) and libbz2 (multi-stream files, as
// parallel compressors write them).
#include <bzlib.h>
#include <zlib.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <fstream>
#include <memory>
#include <set>
#include <unordered_set>

#include <nlohmann/json.hpp>

#include "entente/graph/wikidata.hpp"

namespace entente::graph {
namespace {

using json = nlohmann::json;

/// A line longer than this is reported and skipped (read, never held).
constexpr std::size_t kMaxLine = std::size_t{64} << 20;
constexpr std::size_t kChunk = std::size_t{1} << 20;

// The classes (P31 values) that make an item worth keeping. Subclasses are not
// followed (a dump line does not say what its classes are subclasses of).
constexpr std::array<std::string_view, 2> kCountryClasses = {
    "Q6256",     // country
    "Q3624078",  // sovereign state
};
constexpr std::array<std::string_view, 4> kInternationalClasses = {
    "Q484652",    // international organization
    "Q245065",    // intergovernmental organization
    "Q1127126",   // military alliance
    "Q15925165",  // specialized agency of the United Nations
};
constexpr std::array<std::string_view, 6> kOrganisationClasses = {
    "Q43229",    // organization
    "Q327333",   // government agency
    "Q7188",     // government
    "Q35798",    // executive branch
    "Q192350",   // ministry
    "Q2659904",  // government organization
};
constexpr std::string_view kHuman = "Q5";
// Properties read: P31 instance of, P39 position held, P27 country of
// citizenship, P17 country, P297 ISO 3166-1 alpha-2 code.
constexpr std::array<std::string_view, 5> kProperties = {"P31", "P39", "P27", "P17", "P297"};

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& set, std::string_view x) {
  return std::find(set.begin(), set.end(), x) != set.end();
}

void diagnose(Diagnostics& diags, Severity severity, const std::string& where, std::string message) {
  Diagnostic d;
  d.severity = severity;
  d.where.file = where;
  d.message = std::move(message);
  diags.push_back(std::move(d));
}

// ---- reading bytes ---------------------------------------------------------

/// A stream of bytes: a plain, gzip or bzip2 file.
class ByteSource {
 public:
  virtual ~ByteSource() = default;
  /// Up to `size` bytes into `buf`; 0 at the end; -1 on error (see error()).
  virtual long read(char* buf, std::size_t size) = 0;
  const std::string& error() const { return error_; }

 protected:
  std::string error_;
};

class PlainSource final : public ByteSource {
 public:
  explicit PlainSource(std::FILE* f) : f_(f) {}
  ~PlainSource() override { std::fclose(f_); }
  PlainSource(const PlainSource&) = delete;  // owns the FILE
  PlainSource& operator=(const PlainSource&) = delete;
  long read(char* buf, std::size_t size) override {
    std::size_t n = std::fread(buf, 1, size, f_);
    if (n == 0 && std::ferror(f_) != 0) {
      error_ = "read error";
      return -1;
    }
    return static_cast<long>(n);
  }

 private:
  std::FILE* f_;
};

class GzipSource final : public ByteSource {
 public:
  explicit GzipSource(gzFile f) : f_(f) { gzbuffer(f_, 1U << 18); }
  ~GzipSource() override { gzclose(f_); }
  GzipSource(const GzipSource&) = delete;  // owns the gzFile
  GzipSource& operator=(const GzipSource&) = delete;
  long read(char* buf, std::size_t size) override {
    int n = gzread(f_, buf, static_cast<unsigned>(std::min<std::size_t>(size, 1U << 30)));
    if (n < 0) {
      int code = 0;
      const char* msg = gzerror(f_, &code);
      error_ = std::string("gzip: ") + (msg != nullptr ? msg : "error");
      return -1;
    }
    if (n == 0) {
      // zlib reports a file cut inside a stream only through gzerror.
      int code = Z_OK;
      gzerror(f_, &code);
      if (code == Z_BUF_ERROR) {
        error_ = "gzip: file ends inside a compressed stream";
        return -1;
      }
    }
    return n;
  }

 private:
  gzFile f_;
};

class Bzip2Source final : public ByteSource {
 public:
  explicit Bzip2Source(std::FILE* f) : f_(f) { open({}); }
  ~Bzip2Source() override {
    close();
    std::fclose(f_);
  }
  Bzip2Source(const Bzip2Source&) = delete;  // owns the FILE and the BZFILE
  Bzip2Source& operator=(const Bzip2Source&) = delete;

  long read(char* buf, std::size_t size) override {
    while (true) {
      if (bz_ == nullptr) return error_.empty() ? 0 : -1;
      if (stream_end_) {
        // Another stream may follow (multi-stream files): start it with the
        // bytes the last one read past its end.
        char* unused = nullptr;
        int nunused = 0;
        int err = BZ_OK;
        BZ2_bzReadGetUnused(&err, bz_, reinterpret_cast<void**>(&unused), &nunused);
        std::string rest(unused, static_cast<std::size_t>(std::max(nunused, 0)));
        close();
        if (rest.empty()) {
          int c = std::fgetc(f_);
          if (c == EOF) return 0;
          std::ungetc(c, f_);
        }
        open(rest);
        continue;
      }
      int err = BZ_OK;
      int n = BZ2_bzRead(&err, bz_, buf, static_cast<int>(std::min<std::size_t>(size, 1U << 30)));
      if (err == BZ_STREAM_END) {
        stream_end_ = true;
        if (n > 0) return n;
        continue;
      }
      if (err != BZ_OK) {
        error_ = "bzip2: " + describe(err);
        close();
        return -1;
      }
      return n;
    }
  }

 private:
  void open(const std::string& unused) {
    int err = BZ_OK;
    rest_ = unused;
    bz_ = BZ2_bzReadOpen(&err, f_, 0, 0, rest_.empty() ? nullptr : rest_.data(),
                         static_cast<int>(rest_.size()));
    stream_end_ = false;
    if (err != BZ_OK) {
      error_ = "bzip2: " + describe(err);
      close();
    }
  }
  void close() {
    if (bz_ == nullptr) return;
    int err = BZ_OK;
    BZ2_bzReadClose(&err, bz_);
    bz_ = nullptr;
  }
  static std::string describe(int err) {
    switch (err) {
      case BZ_DATA_ERROR:
        return "corrupt data";
      case BZ_DATA_ERROR_MAGIC:
        return "not bzip2 data";
      case BZ_UNEXPECTED_EOF:
        return "file ends inside a compressed stream";
      case BZ_MEM_ERROR:
        return "out of memory";
      case BZ_IO_ERROR:
        return "read error";
      default:
        return "error " + std::to_string(err);
    }
  }

  std::FILE* f_;
  BZFILE* bz_ = nullptr;
  bool stream_end_ = false;
  std::string rest_;  ///< bytes handed to BZ2_bzReadOpen; must outlive the stream
};

bool ends_with(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::unique_ptr<ByteSource> open_dump(const std::filesystem::path& dump, std::string& error) {
  const std::string name = dump.filename().string();
  if (ends_with(name, ".gz")) {
    gzFile f = gzopen(dump.c_str(), "rb");
    if (f == nullptr) {
      error = "cannot open the dump";
      return nullptr;
    }
    return std::make_unique<GzipSource>(f);
  }
  std::FILE* f = std::fopen(dump.c_str(), "rb");
  if (f == nullptr) {
    error = "cannot open the dump";
    return nullptr;
  }
  if (ends_with(name, ".bz2")) {
    auto src = std::make_unique<Bzip2Source>(f);
    if (!src->error().empty()) {
      error = src->error();
      return nullptr;
    }
    return src;
  }
  return std::make_unique<PlainSource>(f);
}

/// Lines of a ByteSource, '\n'-terminated, at most kMaxLine bytes held.
class LineReader {
 public:
  explicit LineReader(ByteSource& src) : src_(src) {}

  /// The next line without its '\n'; false at the end or on error (see error()).
  /// `too_long` tells that the line was cut at kMaxLine bytes.
  bool next(std::string& line, bool& too_long) {
    line.clear();
    too_long = false;
    bool any = false;
    while (true) {
      if (pos_ == buf_.size()) {
        buf_.resize(kChunk);
        long n = src_.read(buf_.data(), buf_.size());
        if (n < 0) {
          error_ = src_.error();
          buf_.clear();
          pos_ = 0;
          return false;
        }
        buf_.resize(static_cast<std::size_t>(n));
        pos_ = 0;
        if (n == 0) return any;
      }
      any = true;
      std::size_t nl = buf_.find('\n', pos_);
      std::size_t end = nl == std::string::npos ? buf_.size() : nl;
      std::size_t room = kMaxLine > line.size() ? kMaxLine - line.size() : 0;
      std::size_t take = std::min(end - pos_, room);
      line.append(buf_, pos_, take);
      if (take < end - pos_) too_long = true;
      pos_ = end;
      if (nl != std::string::npos) {
        ++pos_;
        return true;
      }
    }
  }
  const std::string& error() const { return error_; }

 private:
  ByteSource& src_;
  std::string buf_;
  std::size_t pos_ = 0;
  std::string error_;
};

// ---- reading entities ------------------------------------------------------

/// Drops, while parsing, what the index never reads.
json parse_entity(std::string_view line) {
  std::string top;
  json::parser_callback_t keep = [&top](int depth, json::parse_event_t event, json& parsed) {
    if (event != json::parse_event_t::key) return true;
    const auto& key = parsed.get_ref<const std::string&>();
    if (depth == 1) {
      top = key;
      return key == "id" || key == "type" || key == "labels" || key == "aliases" || key == "claims";
    }
    if (depth == 2 && (top == "labels" || top == "aliases")) return key == "fr" || key == "en";
    if (depth == 2 && top == "claims") return contains(kProperties, key);
    if (depth == 4 && top == "claims") return key == "mainsnak" || key == "rank";
    return true;
  };
  return json::parse(line.begin(), line.end(), keep, /*allow_exceptions=*/false);
}

/// The "truthy" values of a property: statements not deprecated, and only the
/// preferred ones when some are. Items give their QID, strings themselves.
/// obj[key] when it is a string, else `fallback` (a dump may hold anything where a string is expected).
std::string string_at(const json& obj, const char* key, const char* fallback) {
  auto it = obj.find(key);
  return it != obj.end() && it->is_string() ? it->get<std::string>() : std::string(fallback);
}

std::vector<std::string> values(const json& claims, std::string_view property) {
  std::vector<std::string> normal, preferred;
  auto it = claims.find(property);
  if (it == claims.end() || !it->is_array()) return {};
  for (const auto& st : *it) {
    if (!st.is_object()) continue;
    const std::string rank = string_at(st, "rank", "normal");
    if (rank == "deprecated") continue;
    auto snak = st.find("mainsnak");
    if (snak == st.end() || !snak->is_object() || string_at(*snak, "snaktype", "") != "value") continue;
    auto dv = snak->find("datavalue");
    if (dv == snak->end() || !dv->is_object()) continue;
    auto v = dv->find("value");
    if (v == dv->end()) continue;
    std::string out;
    if (v->is_string()) {
      out = v->get<std::string>();
    } else if (v->is_object()) {
      if (auto id = v->find("id"); id != v->end() && id->is_string()) {
        out = id->get<std::string>();
      } else if (auto num = v->find("numeric-id"); num != v->end() && num->is_number_unsigned()) {
        out = "Q" + std::to_string(num->get<std::uint64_t>());
      }
    }
    if (out.empty()) continue;
    (rank == "preferred" ? preferred : normal).push_back(std::move(out));
  }
  return preferred.empty() ? normal : preferred;
}

/// A cell value: no tab, line break or '|' (the file's separators), trimmed.
std::string clean(std::string_view s) {
  std::string out;
  for (char c : s) {
    bool sep = c == '\t' || c == '\n' || c == '\r' || c == '|';
    if (sep) c = ' ';
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out.push_back(c);
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string label(const json& entity, const char* lang) {
  auto labels = entity.find("labels");
  if (labels == entity.end() || !labels->is_object()) return {};
  auto l = labels->find(lang);
  if (l == labels->end() || !l->is_object()) return {};
  auto v = l->find("value");
  return v != l->end() && v->is_string() ? clean(v->get_ref<const std::string&>()) : std::string();
}

std::vector<std::string> aliases(const json& entity, const char* lang, const std::string& label_value) {
  std::vector<std::string> out;
  auto all = entity.find("aliases");
  if (all == entity.end() || !all->is_object()) return out;
  auto list = all->find(lang);
  if (list == all->end() || !list->is_array()) return out;
  for (const auto& a : *list) {
    if (!a.is_object()) continue;
    auto v = a.find("value");
    if (v == a.end() || !v->is_string()) continue;
    std::string s = clean(v->get_ref<const std::string&>());
    if (!s.empty() && s != label_value && std::find(out.begin(), out.end(), s) == out.end()) {
      out.push_back(std::move(s));
    }
  }
  return out;
}

bool is_iso2(std::string_view s) {
  return s.size() == 2 && std::all_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& x : v) {
    if (!out.empty()) out += '|';
    out += x;
  }
  return out;
}

/// Why a line is malformed, or "" when it is a fine entity.
struct Outcome {
  std::string malformed;
  std::optional<WikidataItem> item;
};

Outcome read_entity(std::string_view line, std::map<std::string, std::string, std::less<>>& iso_of) {
  Outcome out;
  json e = parse_entity(line);
  if (e.is_discarded()) {
    out.malformed = "not valid JSON";
    return out;
  }
  if (!e.is_object()) {
    out.malformed = "not a JSON object";
    return out;
  }
  auto id = e.find("id");
  if (id == e.end() || !id->is_string()) {
    out.malformed = "an entity without an \"id\"";
    return out;
  }
  const std::string& qid = id->get_ref<const std::string&>();
  if (qid.empty() || qid[0] != 'Q') return out;  // properties, lexemes: not for the index
  if (qid.size() < 2 || qid.size() > 12 || qid[1] == '0' ||
      !std::all_of(qid.begin() + 1, qid.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    out.malformed = "\"" + qid + "\" is not a QID";
    return out;
  }
  static const json kEmpty = json::object();
  auto claims_it = e.find("claims");
  const json& claims = claims_it != e.end() && claims_it->is_object() ? *claims_it : kEmpty;
  std::vector<std::string> classes = values(claims, "P31");
  auto has_class = [&](auto& set) {
    return std::any_of(classes.begin(), classes.end(),
                       [&](const std::string& c) { return contains(set, c); });
  };
  WikidataItem item;
  item.qid = qid;
  std::vector<std::string> codes;
  if (has_class(kCountryClasses)) {
    item.type = WikidataType::country;
    for (const auto& code : values(claims, "P297")) {
      if (is_iso2(code)) codes.push_back(code);
    }
    if (codes.empty()) {
      if (auto it = iso_of.find(qid); it != iso_of.end()) codes.push_back(it->second);
    }
    if (codes.size() > 1) codes.resize(1);
    if (!codes.empty()) iso_of.emplace(qid, codes.front());
  } else if (std::find(classes.begin(), classes.end(), kHuman) != classes.end()) {
    if (values(claims, "P39").empty()) return out;  // no position held
    item.type = WikidataType::person;
    codes = values(claims, "P27");
  } else if (has_class(kInternationalClasses)) {
    item.type = WikidataType::organisation;  // international: no country, even if it has a seat
  } else if (has_class(kOrganisationClasses)) {
    item.type = WikidataType::organisation;
    codes = values(claims, "P17");
  } else {
    return out;
  }
  if (item.type != WikidataType::country) {
    std::set<std::string> mapped;
    for (const auto& c : codes) {
      if (auto it = iso_of.find(c); it != iso_of.end()) mapped.insert(it->second);
    }
    codes.assign(mapped.begin(), mapped.end());
  }
  item.countries = std::move(codes);
  item.label_fr = label(e, "fr");
  item.label_en = label(e, "en");
  if (item.label_fr.empty() && item.label_en.empty()) return out;  // neither French nor English
  item.aliases_fr = aliases(e, "fr", item.label_fr);
  item.aliases_en = aliases(e, "en", item.label_en);
  out.item = std::move(item);
  return out;
}

}  // namespace

std::optional<ImportStats> import_wikidata_dump(const std::filesystem::path& dump,
                                                const std::filesystem::path& out, Diagnostics& diags) {
  const std::string dump_name = dump.string();
  std::string error;
  auto src = open_dump(dump, error);
  if (!src) {
    diagnose(diags, Severity::error, dump_name, error);
    return std::nullopt;
  }

  std::filesystem::path tmp = out;
  tmp += ".tmp";
  std::ofstream os(tmp, std::ios::binary | std::ios::trunc);
  if (!os) {
    diagnose(diags, Severity::error, tmp.string(), "cannot write the index");
    return std::nullopt;
  }
  auto abandon = [&] {
    os.close();
    std::error_code ec;
    std::filesystem::remove(tmp, ec);
  };

  const std::string source = "Wikidata dump " + clean(dump.filename().string()) + " line ";
  os << WikidataIndex::kVersionLine << "\n"
     << "# Grown from the Wikidata dump " << clean(dump.filename().string())
     << " by import_wikidata_dump (`entente index import`); format: docs/WIKIDATA.md.\n"
     << "# Kept: items with a French or English label that are countries (P31 Q6256, Q3624078),\n"
     << "# organisations (P31 Q43229, Q484652, Q245065, Q1127126, Q15925165, Q327333, Q7188, Q35798,\n"
     << "# Q192350, Q2659904) or humans (Q5) with a position held (P39). Countries: P297, P17, P27.\n"
     << WikidataIndex::kHeader << "\n";

  // Country QID -> ISO code: the built-in index's countries, then the dump's own P297.
  std::map<std::string, std::string, std::less<>> iso_of;
  for (const auto& it : WikidataIndex::builtin().items()) {
    if (it.type == WikidataType::country && it.countries.size() == 1) iso_of.emplace(it.qid, it.countries[0]);
  }

  ImportStats stats;
  std::unordered_set<std::uint64_t> kept_ids;
  LineReader reader(*src);
  std::string line;
  bool too_long = false;
  while (reader.next(line, too_long)) {
    const std::size_t line_no = ++stats.lines;
    const std::string where = dump_name + ":" + std::to_string(line_no);
    if (too_long) {
      ++stats.malformed;
      diagnose(diags, Severity::warning, where,
               "line longer than " + std::to_string(kMaxLine >> 20) + " MiB, skipped");
      continue;
    }
    std::string_view text = line;
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) {
      text.remove_suffix(1);
    }
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    if (text.empty() || text == "[" || text == "]") continue;
    if (text.back() == ',') text.remove_suffix(1);
    Outcome r;
    try {
      r = read_entity(text, iso_of);
    } catch (const json::exception& e) {
      // A value of an unexpected type somewhere in the entity: the line is malformed, not the dump.
      std::string what = e.what();
      if (const std::size_t close = what.find("] "); close != std::string::npos) what.erase(0, close + 2);
      r = Outcome{};
      r.malformed = "unexpected JSON (" + what + ")";
    }
    if (!r.malformed.empty()) {
      ++stats.malformed;
      diagnose(diags, Severity::warning, where, r.malformed + ", skipped");
      continue;
    }
    if (!r.item) continue;
    WikidataItem& item = *r.item;
    if (!kept_ids.insert(std::stoull(item.qid.substr(1))).second) {
      diagnose(diags, Severity::warning, where, item.qid + " is already in the index, skipped");
      continue;
    }
    os << item.qid << '\t' << to_string(item.type) << '\t' << join(item.countries) << '\t' << item.label_fr
       << '\t' << item.label_en << '\t' << join(item.aliases_fr) << '\t' << join(item.aliases_en) << '\t'
       << source << line_no << '\n';
    ++stats.kept;
  }
  if (!reader.error().empty()) {
    diagnose(diags, Severity::error, dump_name + ":" + std::to_string(stats.lines + 1), reader.error());
    abandon();
    return std::nullopt;
  }
  os.flush();
  if (!os) {
    diagnose(diags, Severity::error, tmp.string(), "write error");
    abandon();
    return std::nullopt;
  }
  os.close();
  std::error_code ec;
  std::filesystem::rename(tmp, out, ec);
  if (ec) {
    diagnose(diags, Severity::error, out.string(), "cannot replace the index: " + ec.message());
    std::filesystem::remove(tmp, ec);
    return std::nullopt;
  }
  return stats;
}

}  // namespace entente::graph
