// Gold files: JSON read with nlohmann, checked against the format of
// docs/EVALUATION.md. Every problem is a diagnostic at the byte offset of
// the value it is about (found by locate(), since nlohmann keeps no offsets).
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "entente/eval/score.hpp"
#include "files.hpp"

namespace entente::eval {
namespace {

using nlohmann::json;

/// Where a value sits in the document: object keys and array indices.
using Step = std::variant<std::string, std::size_t>;
using Path = std::vector<Step>;

Path operator/(Path p, Step s) {
  p.push_back(std::move(s));
  return p;
}

/// "entities[3].type"
std::string to_text(const Path& path) {
  std::string out;
  for (const auto& step : path) {
    if (const auto* key = std::get_if<std::string>(&step)) {
      if (!out.empty()) out += '.';
      out += *key;
    } else {
      out += '[' + std::to_string(std::get<std::size_t>(step)) + ']';
    }
  }
  return out.empty() ? "the document" : out;
}

/// A cursor over JSON text that is known to be valid.
class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {}
  std::size_t at() const { return pos_; }
  bool done() const { return pos_ >= text_.size(); }
  char peek() const { return done() ? '\0' : text_[pos_]; }
  void advance() { ++pos_; }

  void skip_space() {
    while (!done() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r')) ++pos_;
  }

  /// The raw text of the string literal at the cursor, quotes included.
  std::string_view string_literal() {
    const std::size_t begin = pos_++;
    while (!done() && peek() != '"') pos_ += peek() == '\\' ? std::size_t{2} : std::size_t{1};
    pos_ = std::min(pos_ + 1, text_.size());
    return text_.substr(begin, pos_ - begin);
  }

  void skip_value() {
    skip_space();
    if (peek() == '"') {
      string_literal();
      return;
    }
    if (peek() == '{' || peek() == '[') {
      int depth = 0;
      do {
        if (peek() == '"') {
          string_literal();
          continue;
        }
        if (peek() == '{' || peek() == '[') ++depth;
        if (peek() == '}' || peek() == ']') --depth;
        advance();
      } while (depth > 0 && !done());
      return;
    }
    while (!done() && std::string_view(",]} \t\r\n").find(peek()) == std::string_view::npos) advance();
  }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
};

/// The byte offset of the value at `path` in the valid JSON `text`, or of
/// its deepest ancestor that could be found.
std::size_t locate(std::string_view text, const Path& path) {
  Scanner s(text);
  s.skip_space();
  for (const auto& step : path) {
    const std::size_t here = s.at();
    if (const auto* key = std::get_if<std::string>(&step)) {
      if (s.peek() != '{') return here;
      const std::string quoted = json(*key).dump();
      s.advance();
      bool found = false;
      while (!found) {
        s.skip_space();
        if (s.peek() != '"') return here;
        found = s.string_literal() == quoted;
        s.skip_space();
        s.advance();  // ':'
        s.skip_space();
        if (found) break;
        s.skip_value();
        s.skip_space();
        if (s.peek() != ',') return here;
        s.advance();
      }
    } else {
      if (s.peek() != '[') return here;
      s.advance();
      for (std::size_t i = 0; i < std::get<std::size_t>(step); ++i) {
        s.skip_value();
        s.skip_space();
        if (s.peek() != ',') return here;
        s.advance();
      }
      s.skip_space();
    }
  }
  return s.at();
}

bool is_qid(const std::string& s) {
  return s.size() >= 2 && s[0] == 'Q' &&
         std::all_of(s.begin() + 1, s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool is_date(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}

std::optional<Class> entity_class(const std::string& s) {
  if (s == "Person") return Class::person;
  if (s == "Institution") return Class::institution;
  if (s == "Country") return Class::country;
  if (s == "Place") return Class::place;
  return std::nullopt;
}

/// Reads one gold document, appending a diagnostic per problem.
class GoldReader {
 public:
  GoldReader(std::string_view text, const std::string& file, Diagnostics& diags)
      : text_(text), file_(file), diags_(diags) {}

  std::optional<Gold> read() {
    json doc;
    try {
      doc = json::parse(text_.begin(), text_.end());
    } catch (const json::parse_error& e) {
      std::string what = e.what();
      if (const auto cut = what.find("] "); what.starts_with("[json.exception") && cut != std::string::npos)
        what.erase(0, cut + 2);
      diags_.push_back({Severity::error, {file_, e.byte > 0 ? e.byte - 1 : 0}, "not JSON: " + what, {}});
      return std::nullopt;
    }
    Gold gold;
    gold.file = file_;
    if (!doc.is_object()) {
      error({}, "a gold file is a JSON object with \"entities\", \"agreements\" and \"relations\"");
      return std::nullopt;
    }
    check_keys(doc, {}, {"entities", "agreements", "relations", "optional_relations"},
               {"corpus", "about", "documents", "roles", "note"});
    if (!doc.contains("entities")) error({}, "\"entities\" is missing (a list of entities)");
    for_each(doc, {}, "entities", [&](const json& e, const Path& p) { entity(e, p, gold); });
    for (const auto& e : gold.entities) entity_ids_.insert(e.id);
    for_each(doc, {}, "agreements", [&](const json& a, const Path& p) { agreement(a, p, gold); });
    for_each(doc, {}, "relations", [&](const json& r, const Path& p) { relation(r, p, gold.relations); });
    for_each(doc, {}, "optional_relations",
             [&](const json& r, const Path& p) { relation(r, p, gold.optional_relations); });
    if (failed_) return std::nullopt;
    return gold;
  }

 private:
  void diagnose(Severity severity, const Path& path, const std::string& message) {
    diags_.push_back({severity, {file_, locate(text_, path)}, to_text(path) + ": " + message, {}});
  }
  void error(const Path& path, const std::string& message) {
    failed_ = true;
    diagnose(Severity::error, path, message);
  }

  /// Warns about keys of `obj` that are neither read nor informational.
  void check_keys(const json& obj, const Path& path, std::initializer_list<std::string_view> read,
                  std::initializer_list<std::string_view> informational) {
    for (const auto& [key, value] : obj.items()) {
      const auto known = [&](std::initializer_list<std::string_view> keys) {
        return std::find(keys.begin(), keys.end(), key) != keys.end();
      };
      if (!known(read) && !known(informational))
        diagnose(Severity::warning, path / key, "unknown key, ignored (see docs/EVALUATION.md)");
    }
  }

  /// Calls f(element, its path) for each element of the array obj[key], if present.
  template <class F>
  void for_each(const json& obj, const Path& path, const std::string& key, F f) {
    if (!obj.contains(key)) return;
    const json& list = obj[key];
    if (!list.is_array()) {
      error(path / key, "must be a list");
      return;
    }
    for (std::size_t i = 0; i < list.size(); ++i) f(list[i], path / key / i);
  }

  /// obj[key] as a string: "" when absent (an error too when `required`).
  std::string string(const json& obj, const Path& path, const std::string& key, bool required) {
    if (!obj.contains(key)) {
      if (required) error(path, "\"" + key + "\" is missing");
      return {};
    }
    const json& v = obj[key];
    if (!v.is_string() || v.get_ref<const std::string&>().empty()) {
      error(path / key, "must be a non-empty string");
      return {};
    }
    return v.get<std::string>();
  }

  /// obj[key] as a list of strings (a lone string is accepted when `lone`).
  std::vector<std::string> strings(const json& obj, const Path& path, const std::string& key,
                                   bool lone = false) {
    std::vector<std::string> out;
    if (!obj.contains(key)) return out;
    const json& v = obj[key];
    if (lone && v.is_string()) return {v.get<std::string>()};
    if (!v.is_array()) {
      error(path / key, lone ? "must be a string or a list of strings" : "must be a list of strings");
      return out;
    }
    for (std::size_t i = 0; i < v.size(); ++i) {
      if (v[i].is_string()) {
        out.push_back(v[i].get<std::string>());
      } else {
        error(path / key / i, "must be a string");
      }
    }
    return out;
  }

  bool flag(const json& obj, const Path& path, const std::string& key) {
    if (!obj.contains(key)) return false;
    if (!obj[key].is_boolean()) {
      error(path / key, "must be true or false");
      return false;
    }
    return obj[key].get<bool>();
  }

  void unique_id(const std::string& id, const Path& path) {
    if (!id.empty() && !ids_.insert(id).second) error(path / "id", "id \"" + id + "\" is used twice");
  }

  void entity(const json& e, const Path& path, Gold& gold) {
    if (!e.is_object()) {
      error(path, "an entity is an object with \"id\", \"type\" and \"name\"");
      return;
    }
    check_keys(e, path, {"id", "type", "name", "aliases", "alt_types", "wikidata", "optional"},
               {"note", "docs", "roles", "kind"});
    GoldEntity g;
    g.id = string(e, path, "id", true);
    unique_id(g.id, path);
    const std::string type = string(e, path, "type", true);
    if (const auto c = entity_class(type)) {
      g.type = *c;
    } else if (!type.empty()) {
      error(path / "type", "\"" + type + "\" is not one of Person, Institution, Country, Place");
    }
    g.name = string(e, path, "name", true);
    g.aliases = strings(e, path, "aliases");
    const std::vector<std::string> alt = strings(e, path, "alt_types");
    for (std::size_t i = 0; i < alt.size(); ++i) {
      const auto c = entity_class(alt[i]);
      if (c && *c != Class::place) {
        g.alt_types.push_back(*c);
      } else {
        error(path / "alt_types" / i, "\"" + alt[i] + "\" is not one of Person, Institution, Country");
      }
    }
    g.wikidata = strings(e, path, "wikidata", true);
    for (const auto& q : g.wikidata)
      if (!is_qid(q)) error(path / "wikidata", "\"" + q + "\" is not a Wikidata QID (Q and digits)");
    g.optional = flag(e, path, "optional");
    gold.entities.push_back(std::move(g));
  }

  /// obj[key]: a list of entity ids.
  std::vector<std::string> entity_refs(const json& obj, const Path& path, const std::string& key) {
    std::vector<std::string> ids = strings(obj, path, key);
    for (std::size_t i = 0; i < ids.size(); ++i)
      if (!entity_ids_.contains(ids[i])) error(path / key / i, "\"" + ids[i] + "\" is not an entity id");
    return ids;
  }

  void agreement(const json& a, const Path& path, Gold& gold) {
    if (!a.is_object()) {
      error(path, "an agreement is an object with \"id\", \"docs\" and \"parties\"");
      return;
    }
    check_keys(a, path,
               {"id", "docs", "parties", "optional_parties", "signatories", "participants",
                "optional_participants", "date", "date_partial", "optional"},
               {"kind", "name", "note", "place", "period", "topics", "status", "date_month"});
    GoldAgreement g;
    g.id = string(a, path, "id", true);
    unique_id(g.id, path);
    g.docs = strings(a, path, "docs");
    if (g.docs.empty() && !a.contains("docs"))
      error(path, "\"docs\" is missing (the file names of the documents that report it)");
    g.parties = entity_refs(a, path, "parties");
    g.optional_parties = entity_refs(a, path, "optional_parties");
    g.signatories = entity_refs(a, path, "signatories");
    g.participants = entity_refs(a, path, "participants");
    g.optional_participants = entity_refs(a, path, "optional_participants");
    g.date = string(a, path, "date", false);
    if (!g.date.empty() && !is_date(g.date))
      error(path / "date", "\"" + g.date + "\" is not a date YYYY-MM-DD");
    g.date_partial = string(a, path, "date_partial", false);
    g.optional = flag(a, path, "optional");
    gold.agreements.push_back(std::move(g));
  }

  void relation(const json& r, const Path& path, std::vector<Triple>& out) {
    if (!r.is_array() || r.size() != 3 || !r[0].is_string() || !r[1].is_string() || !r[2].is_string()) {
      error(path, "a relation is a list of three strings: [subject id, predicate, object id]");
      return;
    }
    Triple t{r[0].get<std::string>(), r[1].get<std::string>(), r[2].get<std::string>()};
    bool ok = true;
    if (t.predicate != "memberOf" && t.predicate != "country" && t.predicate != "cooperatesWith") {
      error(path / std::size_t{1},
            "\"" + t.predicate +
                "\" is not memberOf, country or cooperatesWith (an agreement's parties, signatories "
                "and participants are listed in the agreement)");
      ok = false;
    }
    for (std::size_t i : {0u, 2u}) {
      const std::string& id = i == 0 ? t.subject : t.object;
      if (!entity_ids_.contains(id)) {
        error(path / i, "\"" + id + "\" is not an entity id");
        ok = false;
      }
    }
    if (ok) out.push_back(std::move(t));
  }

  std::string_view text_;
  const std::string& file_;
  Diagnostics& diags_;
  std::set<std::string> ids_;         ///< entity and agreement ids seen
  std::set<std::string> entity_ids_;  ///< entity ids, once every entity is read
  bool failed_ = false;
};

}  // namespace

std::optional<Gold> parse_gold(std::string_view json_text, const std::string& file, Diagnostics& diags) {
  return GoldReader(json_text, file, diags).read();
}

std::optional<Gold> read_gold(const std::string& path, Diagnostics& diags) {
  const std::optional<std::string> bytes = read_bytes(path, diags);
  if (!bytes) return std::nullopt;
  return parse_gold(*bytes, path, diags);
}

}  // namespace entente::eval
