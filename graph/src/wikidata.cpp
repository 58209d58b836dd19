// WikidataIndex: reading index files, finding items, linking nodes
// (the public header, entente/graph/wikidata.hpp, says what and why).
#include "entente/graph/wikidata.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <set>
#include <stdexcept>

#include "data.hpp"
#include "entente/extract/names.hpp"

namespace entente::graph {
namespace {

constexpr std::string_view kBuiltinFile = "wikidata-index.tsv";
constexpr std::size_t kColumns = 8;
constexpr std::size_t kMaxErrors = 20;

char type_letter(WikidataType t) {
  switch (t) {
    case WikidataType::person:
      return 'p';
    case WikidataType::organisation:
      return 'o';
    case WikidataType::country:
      return 'c';
  }
  return '?';
}

std::optional<WikidataType> parse_type(std::string_view s) {
  if (s == "person") return WikidataType::person;
  if (s == "organisation") return WikidataType::organisation;
  if (s == "country") return WikidataType::country;
  return std::nullopt;
}

/// The kind of item a node of `type` may be; nullopt for places and agreements.
std::optional<WikidataType> item_type(extract::EntityType type) {
  switch (type) {
    case extract::EntityType::Person:
      return WikidataType::person;
    case extract::EntityType::Institution:
      return WikidataType::organisation;
    case extract::EntityType::Country:
      return WikidataType::country;
    case extract::EntityType::Agreement:
    case extract::EntityType::Place:
      return std::nullopt;
  }
  return std::nullopt;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (true) {
    std::size_t j = s.find(sep, i);
    if (j == std::string_view::npos) {
      out.push_back(s.substr(i));
      return out;
    }
    out.push_back(s.substr(i, j - i));
    i = j + 1;
  }
}

std::vector<std::string> split_values(std::string_view cell) {
  std::vector<std::string> out;
  if (cell.empty()) return out;
  for (auto v : split(cell, '|')) {
    if (!v.empty()) out.emplace_back(v);
  }
  return out;
}

bool valid_qid(std::string_view s) {
  if (s.size() < 2 || s.size() > 12 || s[0] != 'Q' || s[1] < '1' || s[1] > '9') return false;
  return std::all_of(s.begin() + 1, s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool valid_country_code(std::string_view s) {
  return s.size() == 2 && std::all_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

void report(Diagnostics& diags, const std::string& file, std::size_t line, std::string message) {
  Diagnostic d;
  d.severity = Severity::error;
  d.where.file = file + ":" + std::to_string(line);
  d.message = std::move(message);
  diags.push_back(std::move(d));
}

}  // namespace

std::string_view to_string(WikidataType t) {
  switch (t) {
    case WikidataType::person:
      return "person";
    case WikidataType::organisation:
      return "organisation";
    case WikidataType::country:
      return "country";
  }
  return "?";
}

void WikidataIndex::add(WikidataItem item) {
  const auto idx = static_cast<std::uint32_t>(items_.size());
  const char letter = type_letter(item.type);
  std::vector<const std::string*> names = {&item.label_fr, &item.label_en};
  for (const auto& a : item.aliases_fr) names.push_back(&a);
  for (const auto& a : item.aliases_en) names.push_back(&a);
  for (const std::string* name : names) {
    std::string key = extract::name_key(*name);
    if (key.empty()) continue;
    auto& list = by_key_[letter + key];
    if (list.empty() || list.back() != idx) list.push_back(idx);
  }
  if (item.type == WikidataType::country) {
    for (const auto& code : item.countries) country_by_code_[code].push_back(idx);
  }
  by_qid_.emplace(item.qid, idx);
  items_.push_back(std::move(item));
}

std::optional<WikidataIndex> WikidataIndex::parse(std::string_view text, const std::string& file,
                                                  Diagnostics& diags) {
  WikidataIndex index;
  std::size_t errors = 0;
  auto fail = [&](std::size_t line, std::string message) {
    if (errors++ < kMaxErrors) report(diags, file, line, std::move(message));
  };
  std::vector<std::string_view> lines = split(text, '\n');
  if (!lines.empty() && lines.back().empty()) lines.pop_back();
  for (auto& l : lines) {
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
  }
  if (!lines.empty() && lines[0].starts_with("\xEF\xBB\xBF")) lines[0].remove_prefix(3);

  constexpr std::string_view kVersionPrefix = "# entente-wikidata-index ";
  if (lines.empty() || lines[0] != kVersionLine) {
    if (!lines.empty() && lines[0].starts_with(kVersionPrefix)) {
      report(diags, file, 1,
             "index format version " + std::string(lines[0].substr(kVersionPrefix.size())) +
                 ", this program reads version " + std::to_string(kVersion) + " ('" +
                 std::string(kVersionLine) + "')");
    } else {
      report(diags, file, 1,
             "not an Entente Wikidata index: the first line must be '" + std::string(kVersionLine) + "'");
    }
    return std::nullopt;
  }

  bool seen_header = false;
  std::map<std::string, std::size_t, std::less<>> line_of_qid;
  for (std::size_t n = 1; n < lines.size(); ++n) {
    const std::size_t line_no = n + 1;
    std::string_view line = lines[n];
    if (line.empty() || line[0] == '#') continue;
    if (!seen_header) {
      if (line != kHeader) {
        report(diags, file, line_no, "the header row must be '" + std::string(kHeader) + "'");
        return std::nullopt;
      }
      seen_header = true;
      continue;
    }
    auto cells = split(line, '\t');
    if (cells.size() != kColumns) {
      fail(line_no, std::to_string(cells.size()) + " columns, expected " + std::to_string(kColumns));
      continue;
    }
    WikidataItem item;
    item.qid = std::string(cells[0]);
    if (!valid_qid(item.qid)) {
      fail(line_no, "'" + item.qid + "' is not a QID (Q followed by digits)");
      continue;
    }
    auto type = parse_type(cells[1]);
    if (!type) {
      fail(line_no, "type '" + std::string(cells[1]) + "' is not person, organisation or country");
      continue;
    }
    item.type = *type;
    item.countries = split_values(cells[2]);
    bool codes_ok = true;
    for (const auto& c : item.countries) {
      if (!valid_country_code(c)) {
        fail(line_no, "country '" + c + "' is not an ISO 3166-1 alpha-2 code");
        codes_ok = false;
      }
    }
    if (!codes_ok) continue;
    if (item.type == WikidataType::country && item.countries.size() > 1) {
      fail(line_no, "a country item has one country code, its own");
      continue;
    }
    item.label_fr = std::string(cells[3]);
    item.label_en = std::string(cells[4]);
    item.aliases_fr = split_values(cells[5]);
    item.aliases_en = split_values(cells[6]);
    item.source = std::string(cells[7]);
    if (item.label_fr.empty() && item.label_en.empty()) {
      fail(line_no, item.qid + " has neither a French nor an English label");
      continue;
    }
    if (item.source.empty()) {
      fail(line_no, item.qid + " has no source");
      continue;
    }
    auto [it, inserted] = line_of_qid.emplace(item.qid, line_no);
    if (!inserted) {
      fail(line_no, item.qid + " is already on line " + std::to_string(it->second));
      continue;
    }
    index.add(std::move(item));
  }
  if (!seen_header) {
    report(diags, file, lines.size(), "no header row '" + std::string(kHeader) + "'");
    return std::nullopt;
  }
  if (errors > kMaxErrors) {
    report(diags, file, lines.size(), std::to_string(errors - kMaxErrors) + " more errors");
  }
  if (errors > 0) return std::nullopt;
  return index;
}

std::optional<WikidataIndex> WikidataIndex::load(const std::filesystem::path& file, Diagnostics& diags) {
  std::ifstream in(file, std::ios::binary);
  std::string text;
  if (in) text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (!in && !in.eof()) {
    Diagnostic d;
    d.severity = Severity::error;
    d.where.file = file.string();
    d.message = "cannot read the Wikidata index";
    diags.push_back(std::move(d));
    return std::nullopt;
  }
  return parse(text, file.string(), diags);
}

const WikidataIndex& WikidataIndex::builtin() {
  static const WikidataIndex index = [] {
    Diagnostics diags;
    auto parsed = parse(data_file(kBuiltinFile), std::string(kBuiltinFile) + " (built in)", diags);
    if (!parsed) throw std::logic_error(diags.empty() ? "bad built-in index" : format(diags.front()));
    return std::move(*parsed);
  }();
  return index;
}

const WikidataItem* WikidataIndex::item(std::string_view qid) const {
  auto it = by_qid_.find(qid);
  return it == by_qid_.end() ? nullptr : &items_[it->second];
}

std::string WikidataIndex::find(extract::EntityType type, const std::vector<std::string>& labels,
                                std::string_view country) const {
  const auto want = item_type(type);
  if (!want) return {};
  if (*want == WikidataType::country && !country.empty()) {
    auto it = country_by_code_.find(country);
    if (it == country_by_code_.end() || it->second.size() != 1) return {};
    return items_[it->second.front()].qid;
  }
  std::set<std::uint32_t> found;
  const char letter = type_letter(*want);
  for (const auto& label : labels) {
    std::string key = extract::name_key(label);
    if (key.empty()) continue;
    auto it = by_key_.find(letter + key);
    if (it == by_key_.end()) continue;
    const std::size_t words = extract::key_words(key).size();
    for (std::uint32_t idx : it->second) {
      const WikidataItem& item = items_[idx];
      const bool item_has = !item.countries.empty();
      const bool shared = !country.empty() && std::find(item.countries.begin(), item.countries.end(),
                                                        country) != item.countries.end();
      if (!country.empty() && item_has && !shared) continue;                             // another state's
      if (*want == WikidataType::person && words < 2 && !shared) continue;               // a lone name
      if (*want == WikidataType::organisation && item_has && country.empty()) continue;  // a national body
      found.insert(idx);
    }
    if (found.size() > 1) return {};
  }
  return found.size() == 1 ? items_[*found.begin()].qid : std::string();
}

namespace {

/// The country a node belongs to: a country's own code; a person's or an
/// institution's Node::country, else the one country its coop:country edges
/// point to (none when they point to several).
std::string node_country(const Graph& g, Vertex v) {
  const Node& n = g[v];
  if (n.type == EntityType::Country) return valid_country_code(n.key) ? n.key : std::string();
  if (!n.country.empty()) return n.country;
  std::string found;
  for (auto e : boost::make_iterator_range(boost::out_edges(v, g))) {
    if (g[e].predicate != Predicate::country) continue;
    const Node& c = g[boost::target(e, g)];
    if (c.type != EntityType::Country || !valid_country_code(c.key)) continue;
    if (!found.empty() && found != c.key) return {};
    found = c.key;
  }
  return found;
}

}  // namespace

std::size_t link_wikidata(KnowledgeGraph& kg, const WikidataIndex& index) {
  Graph& g = kg.mutable_graph();
  std::size_t linked = 0;
  for (auto v : boost::make_iterator_range(boost::vertices(g))) {
    std::string country = node_country(g, v);
    Node& n = g[v];
    std::vector<std::string> labels;
    labels.reserve(n.alt_labels.size() + 1);
    labels.push_back(n.label);
    labels.insert(labels.end(), n.alt_labels.begin(), n.alt_labels.end());
    std::string qid = index.find(n.type, labels, country);
    if (qid.empty()) continue;
    n.qid = std::move(qid);
    ++linked;
  }
  return linked;
}

}  // namespace entente::graph
