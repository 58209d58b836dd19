// IRIs that stay across builds (stable_iris.hpp says the rules).
#include "entente/graph/stable_iris.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cinttypes>
#include <cstdio>
#include <map>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

namespace entente::graph {

namespace {

struct AnchorHash {
  std::size_t operator()(const Anchor& a) const noexcept {
    return static_cast<std::size_t>(a.content ^ (std::uint64_t{a.entity} * 0x9e3779b97f4a7c15ULL));
  }
};

}  // namespace

IriMemory keep_iris(KnowledgeGraph& kg, const std::vector<std::vector<Anchor>>& anchors, const IriMemory& before) {
  Graph& g = kg.mutable_graph();
  const std::size_t n = boost::num_vertices(g);

  // What the earlier builds named: anchor -> the IRI that held it, and the
  // IRIs a node held (live), by index into before.entries.
  std::unordered_map<Anchor, std::size_t, AnchorHash> owner;
  std::unordered_map<std::string, std::size_t> live;
  std::unordered_set<std::string> used;
  for (std::size_t i = 0; i < before.entries.size(); ++i) {
    const auto& e = before.entries[i];
    used.insert(e.iri);
    if (!e.now.empty()) continue;
    live.emplace(e.iri, i);
    for (const Anchor& a : e.anchors) owner.emplace(a, i);
  }

  // Each node's votes: earlier IRIs and how many of its anchors each had.
  std::vector<std::map<std::size_t, std::size_t>> votes(n);
  for (std::size_t v = 0; v < n && v < anchors.size(); ++v)
    for (const Anchor& a : anchors[v])
      if (auto it = owner.find(a); it != owner.end()) ++votes[v][it->second];

  // A node also claims the earlier IRI that is its own name in this build,
  // below any anchor: its anchors may be gone (the articles that named it
  // became copies of others, which add nothing), not its name.
  // Score: two per anchor, one for the name. Highest first; then the smallest
  // earlier IRI, then the node's own IRI.
  std::vector<std::tuple<std::size_t, std::size_t, std::size_t>> claims;  // (score, entry, vertex)
  for (std::size_t v = 0; v < n; ++v) {
    const auto own = live.find(g[v].iri);
    if (own != live.end()) votes[v].try_emplace(own->second, 0);
    for (const auto& [entry, count] : votes[v])
      claims.emplace_back(2 * count + (own != live.end() && own->second == entry ? 1 : 0), entry, v);
  }
  std::sort(claims.begin(), claims.end(), [&](const auto& a, const auto& b) {
    if (std::get<0>(a) != std::get<0>(b)) return std::get<0>(a) > std::get<0>(b);
    if (std::get<1>(a) != std::get<1>(b)) return before.entries[std::get<1>(a)].iri < before.entries[std::get<1>(b)].iri;
    return g[std::get<2>(a)].iri < g[std::get<2>(b)].iri;
  });
  constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  std::vector<std::size_t> kept(n, kNone);                      // vertex -> entry it keeps
  std::vector<std::size_t> holder(before.entries.size(), kNone);  // entry -> vertex that keeps it
  for (const auto& [score, entry, v] : claims) {
    if (kept[v] != kNone || holder[entry] != kNone) continue;
    kept[v] = entry;
    holder[entry] = v;
  }
  // Earlier IRIs a node also stood for (by anchors) and nobody keeps: the
  // same entity, owl:sameAs.
  for (const auto& [score, entry, v] : claims) {
    if (score < 2 || kept[v] == kNone || holder[entry] != kNone) continue;
    holder[entry] = v;
  }

  // The IRIs this build gives, beside the kept ones: free ones only.
  std::unordered_set<std::string> taken;
  std::vector<std::string> final_iri(n);
  std::vector<std::size_t> fresh;
  for (std::size_t v = 0; v < n; ++v) {
    if (kept[v] == kNone) {
      fresh.push_back(v);
    } else {
      final_iri[v] = before.entries[kept[v]].iri;
      taken.insert(final_iri[v]);
    }
  }
  std::sort(fresh.begin(), fresh.end(), [&](std::size_t a, std::size_t b) { return g[a].iri < g[b].iri; });
  for (const std::size_t v : fresh) {
    std::string iri = g[v].iri;
    for (int k = 2; used.count(iri) != 0 || taken.count(iri) != 0; ++k) iri = g[v].iri + "-" + std::to_string(k);
    taken.insert(iri);
    final_iri[v] = iri;
  }

  // Where each earlier IRI went: kept by a node, joined to one, or retired.
  std::vector<std::string> now(before.entries.size());
  for (std::size_t i = 0; i < before.entries.size(); ++i) {
    if (holder[i] != kNone) now[i] = final_iri[holder[i]];
    else if (!before.entries[i].now.empty()) now[i] = before.entries[i].now;  // an alias or retired before
    else now[i] = "-";
  }
  // An alias of an IRI that is now itself an alias (or kept by a node) follows it.
  std::unordered_map<std::string, std::size_t> index_of;
  for (std::size_t i = 0; i < before.entries.size(); ++i) index_of.emplace(before.entries[i].iri, i);
  const auto resolve = [&](std::size_t i) {
    std::string at = now[i];
    for (std::size_t hops = 0; hops < before.entries.size() && at != "-"; ++hops) {
      auto it = index_of.find(at);
      if (it == index_of.end() || it->second == i) break;
      const std::size_t j = it->second;
      if (holder[j] != kNone) return final_iri[holder[j]];  // kept or joined: where its node is
      if (now[j] == at) break;
      at = now[j];
    }
    return at;
  };

  IriMemory after;
  std::map<std::string, IriMemory::Entry> entries;
  for (std::size_t v = 0; v < n; ++v) {
    IriMemory::Entry e{final_iri[v], "", v < anchors.size() ? anchors[v] : std::vector<Anchor>{}};
    std::sort(e.anchors.begin(), e.anchors.end());
    e.anchors.erase(std::unique(e.anchors.begin(), e.anchors.end()), e.anchors.end());
    entries.emplace(e.iri, std::move(e));
  }
  std::vector<std::vector<std::string>> same_as(n);
  std::unordered_map<std::string, std::size_t> vertex_of;
  for (std::size_t v = 0; v < n; ++v) vertex_of.emplace(final_iri[v], v);
  for (std::size_t i = 0; i < before.entries.size(); ++i) {
    const std::string& iri = before.entries[i].iri;
    if (entries.count(iri) != 0) continue;  // a node holds it
    std::string target = holder[i] != kNone ? final_iri[holder[i]] : resolve(i);
    if (vertex_of.count(target) == 0) target = "-";
    entries.emplace(iri, IriMemory::Entry{iri, target, {}});
    if (target != "-") same_as[vertex_of[target]].push_back(iri);
  }
  for (auto& [iri, e] : entries) after.entries.push_back(std::move(e));

  for (std::size_t v = 0; v < n; ++v) {
    g[v].iri = final_iri[v];
    std::sort(same_as[v].begin(), same_as[v].end());
    g[v].same_as = std::move(same_as[v]);
  }
  return after;
}

std::string to_text(const IriMemory& memory) {
  std::string out;
  for (const auto& e : memory.entries) {
    out += e.iri;
    out += '\t';
    out += e.now;
    out += '\t';
    for (std::size_t i = 0; i < e.anchors.size(); ++i) {
      std::array<char, 40> buf{};
      const int len = std::snprintf(buf.data(), buf.size(), "%s%016" PRIx64 ":%" PRIu32, i == 0 ? "" : ",",
                                    e.anchors[i].content, e.anchors[i].entity);
      out.append(buf.data(), static_cast<std::size_t>(len));
    }
    out += '\n';
  }
  return out;
}

std::string from_text(std::string_view text, IriMemory& memory) {
  memory.entries.clear();
  std::size_t line = 0;
  for (std::size_t at = 0; at < text.size();) {
    ++line;
    const std::size_t end = std::min(text.find('\n', at), text.size());
    const std::string_view row = text.substr(at, end - at);
    at = end + 1;
    const std::string where = "line " + std::to_string(line) + ": ";
    const std::size_t t1 = row.find('\t');
    const std::size_t t2 = t1 == std::string_view::npos ? t1 : row.find('\t', t1 + 1);
    if (t2 == std::string_view::npos) return where + "not IRI<TAB>NOW<TAB>ANCHORS";
    IriMemory::Entry e;
    e.iri = std::string(row.substr(0, t1));
    e.now = std::string(row.substr(t1 + 1, t2 - t1 - 1));
    if (e.iri.empty()) return where + "no IRI";
    if (!memory.entries.empty() && !(memory.entries.back().iri < e.iri)) return where + "IRIs out of order or repeated";
    std::string_view rest = row.substr(t2 + 1);
    while (!rest.empty()) {
      const std::size_t comma = std::min(rest.find(','), rest.size());
      const std::string_view anchor = rest.substr(0, comma);
      rest = comma < rest.size() ? rest.substr(comma + 1) : std::string_view();
      Anchor a;
      const std::size_t colon = anchor.find(':');
      if (colon != 16) return where + "an anchor is not CONTENT:ENTITY";
      const auto [p1, e1] = std::from_chars(anchor.data(), anchor.data() + 16, a.content, 16);
      const auto [p2, e2] = std::from_chars(anchor.data() + 17, anchor.data() + anchor.size(), a.entity);
      if (e1 != std::errc() || p1 != anchor.data() + 16 || e2 != std::errc() || p2 != anchor.data() + anchor.size())
        return where + "an anchor is not CONTENT:ENTITY";
      e.anchors.push_back(a);
    }
    memory.entries.push_back(std::move(e));
  }
  return {};
}

}  // namespace entente::graph
