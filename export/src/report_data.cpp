// The graph of report.html's network view as JSON (report_data.hpp), and
// ReportSentences (writers.hpp).
//
// Positions: the nodes with at least one edge are laid out by ForceAtlas2
// (layout.hpp, parallel edges adding up, each weighing 1 + ln(weight)); the
// nodes without edges are set out in rows under that drawing, by type, then
// label, then IRI, so that showing them does not move the others. The whole
// is scaled so that its larger side spans 10,000 and rounded to integers.
#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "entente/export/writers.hpp"
#include "layout.hpp"
#include "report_data.hpp"
#include "style.hpp"
#include "text.hpp"
#include "xml_util.hpp"

namespace entente::exporter {
namespace {

using graph::EntityType;
using graph::Predicate;

/// A sentence longer than this (bytes) is cut at a character boundary, with "…".
constexpr std::size_t kMaxSentenceBytes = 2000;
/// The larger side of the drawing, in the page's coordinates.
constexpr double kExtent = 10000.0;

std::size_t type_index(EntityType t) {
  return static_cast<std::size_t>(std::find(kReportTypes.begin(), kReportTypes.end(), t) -
                                  kReportTypes.begin());
}
std::size_t predicate_index(Predicate p) {
  return static_cast<std::size_t>(std::find(kReportRelations.begin(), kReportRelations.end(), p) -
                                  kReportRelations.begin());
}

void append_hex4(std::string& out, char32_t c) {
  constexpr std::string_view kHex = "0123456789abcdef";
  out += "\\u";
  for (int shift = 12; shift >= 0; shift -= 4) out += kHex[(c >> static_cast<unsigned>(shift)) & 0xFU];
}

bool bidi_control(char32_t c) {
  return c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

void append_integer(std::string& out, long long value) {
  std::array<char, 24> buf{};
  const auto r = std::to_chars(buf.data(), buf.data() + buf.size(), value);
  out.append(buf.data(), r.ptr);
}

/// `"key":` then the string.
void member(std::string& out, std::string_view key, std::string_view text) {
  out += '"';
  out += key;
  out += "\":";
  append_json_string(out, text);
}

void member_strings(std::string& out, std::string_view key, const std::vector<std::string>& list) {
  out += '"';
  out += key;
  out += "\":[";
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (i > 0) out += ',';
    append_json_string(out, list[i]);
  }
  out += ']';
}

void member_indices(std::string& out, std::string_view key, const std::vector<std::uint32_t>& list) {
  out += '"';
  out += key;
  out += "\":[";
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (i > 0) out += ',';
    out += number(std::size_t{list[i]});
  }
  out += ']';
}

/// `text` cut to at most kMaxSentenceBytes at a character boundary, with "…" when cut.
std::string_view clipped(std::string_view text, bool& cut) {
  cut = text.size() > kMaxSentenceBytes;
  if (!cut) return text;
  std::size_t end = kMaxSentenceBytes;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0U) == 0x80U) --end;
  return text.substr(0, end);
}

/// Positions of every vertex (indexed like `order`), as integers.
std::vector<std::array<long long, 2>> positions(const graph::KnowledgeGraph& kg,
                                                const std::vector<graph::Vertex>& order,
                                                const std::vector<std::size_t>& degree) {
  const graph::Graph& g = kg.graph();
  const std::size_t n = order.size();
  std::vector<std::uint32_t> index_of(boost::num_vertices(g));
  for (std::size_t i = 0; i < n; ++i) index_of[order[i]] = static_cast<std::uint32_t>(i);

  // The nodes with edges, laid out together.
  std::vector<std::uint32_t> drawn_of(n, UINT32_MAX);
  std::vector<std::uint32_t> drawn;
  for (std::uint32_t i = 0; i < n; ++i) {
    if (degree[order[i]] > 0) {
      drawn_of[i] = static_cast<std::uint32_t>(drawn.size());
      drawn.push_back(i);
    }
  }
  std::vector<LayoutEdge> edges;
  for (const graph::EdgeDescriptor e : kg.sorted_edges()) {
    const std::uint32_t a = drawn_of[index_of[boost::source(e, g)]];
    const std::uint32_t b = drawn_of[index_of[boost::target(e, g)]];
    edges.push_back({a, b, 1.0 + std::log(std::max(1.0, g[e].weight))});
  }
  const std::vector<Point> laid = force_atlas2(drawn.size(), edges);

  std::vector<Point> p(n);
  double lo_x = 0, hi_x = 0, lo_y = 0, hi_y = 0;
  for (std::size_t k = 0; k < drawn.size(); ++k) {
    p[drawn[k]] = laid[k];
    if (k == 0 || laid[k].x < lo_x) lo_x = laid[k].x;
    if (k == 0 || laid[k].x > hi_x) hi_x = laid[k].x;
    if (k == 0 || laid[k].y < lo_y) lo_y = laid[k].y;
    if (k == 0 || laid[k].y > hi_y) hi_y = laid[k].y;
  }

  // The others in rows under the drawing (y grows upwards in the page).
  std::vector<std::uint32_t> alone;
  for (std::uint32_t i = 0; i < n; ++i) {
    if (drawn_of[i] == UINT32_MAX) alone.push_back(i);
  }
  std::stable_sort(alone.begin(), alone.end(), [&](std::uint32_t a, std::uint32_t b) {
    const graph::Node &x = g[order[a]], &y = g[order[b]];
    return std::make_tuple(type_index(x.type), std::string_view(x.label)) <
           std::make_tuple(type_index(y.type), std::string_view(y.label));
  });
  if (!alone.empty()) {
    const double width = std::max(hi_x - lo_x, 1.0);
    const double step =
        drawn.empty()
            ? 10.0
            : std::max(width / std::max(8.0, std::sqrt(static_cast<double>(drawn.size())) * 2), 1e-3);
    const auto columns =
        drawn.empty() ? static_cast<std::size_t>(std::ceil(std::sqrt(static_cast<double>(alone.size()))))
                      : std::max<std::size_t>(1, static_cast<std::size_t>(width / step) + 1);
    const double top = drawn.empty() ? 0.0 : lo_y - 3 * step;
    for (std::size_t k = 0; k < alone.size(); ++k) {
      p[alone[k]] = {lo_x + static_cast<double>(k % columns) * step,
                     top - static_cast<double>(k / columns) * step};
    }
    if (drawn.empty()) {
      lo_x = 0;
      hi_y = 0;
      hi_x = static_cast<double>(std::min(columns, alone.size()) - 1) * step;
    }
    lo_y = top - static_cast<double>((alone.size() - 1) / columns) * step;
  }

  const double side = std::max(hi_x - lo_x, hi_y - lo_y);
  const double scale = side > 0 ? kExtent / side : 1.0;
  std::vector<std::array<long long, 2>> out(n);
  for (std::size_t i = 0; i < n; ++i) {
    out[i] = {std::llround((p[i].x - lo_x) * scale), std::llround((p[i].y - lo_y) * scale)};
  }
  return out;
}

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
  const std::string clean = xml_text(text);
  out += '"';
  for (std::size_t i = 0; i < clean.size();) {
    const Utf8Unit u = utf8_unit(clean, i);
    const char32_t c = u.code_point;
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '<':
      case '>':
      case '&':
      case 0x2028:
      case 0x2029:
        append_hex4(out, c);
        break;
      default:
        if (c < 0x20 || bidi_control(c)) {
          append_hex4(out, c);
        } else {
          out.append(clean, i, u.size);
        }
    }
    i += u.size;
  }
  out += '"';
}

std::string report_json(const graph::KnowledgeGraph& kg, const ReportSentences* sentences) {
  const graph::Graph& g = kg.graph();
  const std::vector<graph::Vertex> order = kg.sorted_vertices();
  const std::vector<graph::EdgeDescriptor> edges = kg.sorted_edges();
  std::vector<std::size_t> degree(boost::num_vertices(g));
  for (const graph::EdgeDescriptor e : edges) {
    ++degree[boost::source(e, g)];
    ++degree[boost::target(e, g)];
  }
  std::vector<std::uint32_t> index_of(boost::num_vertices(g));
  for (std::size_t i = 0; i < order.size(); ++i) index_of[order[i]] = static_cast<std::uint32_t>(i);

  std::string out = "{\"version\":1,";
  member(out, "base", kg.base());
  out += ",\"types\":[";
  for (std::size_t i = 0; i < kReportTypes.size(); ++i) {
    out += i > 0 ? ",{" : "{";
    member(out, "name", extract::to_string(kReportTypes[i]));
    out += ',';
    member(out, "color", style_of(kReportTypes[i]).hex);
    out += '}';
  }
  out += "],\"relations\":[";
  for (std::size_t i = 0; i < kReportRelations.size(); ++i) {
    if (i > 0) out += ',';
    append_json_string(out, extract::to_string(kReportRelations[i]));
  }
  out += "],\n\"documents\":[";
  bool first = true;
  for (const graph::DocumentInfo& d : kg.documents()) {
    out += first ? "{" : ",\n{";
    first = false;
    member(out, "id", d.id);
    out += ',';
    member(out, "title", d.title);
    out += '}';
  }

  // Sentences: each edge's first texts, in its evidence order; each text once in the page.
  const bool evidence = sentences != nullptr && kg.keeps_evidence();
  std::unordered_map<std::string, std::uint32_t> sentence_index;
  std::vector<const std::string*> sentence_texts;
  std::vector<std::vector<std::pair<std::uint32_t, std::uint32_t>>> edge_sentences(edges.size());
  std::vector<std::size_t> edge_sentence_total(edges.size());
  if (evidence) {
    for (std::size_t k = 0; k < edges.size(); ++k) {
      std::vector<std::pair<std::uint32_t, std::uint32_t>>& shown = edge_sentences[k];
      std::size_t total = 0;
      for (const graph::Evidence& ev : g[edges[k]].evidence) {
        const std::string* text = sentences->find(ev);
        if (text == nullptr) continue;
        const auto [at, fresh] =
            sentence_index.try_emplace(*text, static_cast<std::uint32_t>(sentence_texts.size()));
        const std::pair<std::uint32_t, std::uint32_t> item{at->second, ev.document};
        if (std::find(shown.begin(), shown.end(), item) != shown.end()) continue;
        ++total;
        if (shown.size() < kReportSentencesPerEdge) {
          if (fresh) sentence_texts.push_back(&at->first);
          shown.push_back(item);
        } else if (fresh) {
          sentence_index.erase(at);  // not shown: not in the page
        }
      }
      edge_sentence_total[k] = total;
    }
  }
  out += "],\n\"sentences\":[";
  for (std::size_t i = 0; i < sentence_texts.size(); ++i) {
    if (i > 0) out += ",\n";
    bool cut = false;
    const std::string_view text = clipped(*sentence_texts[i], cut);
    append_json_string(out, cut ? std::string(text) + "…" : std::string(text));
  }
  out += "],\n\"evidence\":";
  out += evidence ? "true" : "false";
  out += ",\"perEdge\":" + number(kReportSentencesPerEdge);

  const std::vector<std::array<long long, 2>> xy = positions(kg, order, degree);
  out += ",\n\"nodes\":[";
  for (std::size_t i = 0; i < order.size(); ++i) {
    const graph::Node& n = g[order[i]];
    out += i > 0 ? ",\n{\"t\":" : "\n{\"t\":";
    out += number(type_index(n.type));
    out += ',';
    member(out, "l", n.label.empty() ? n.iri : n.label);
    out += ',';
    const std::string_view iri = n.iri;
    member(out, "i", iri.starts_with(kg.base()) ? iri.substr(kg.base().size()) : iri);
    out += ",\"x\":";
    append_integer(out, xy[i][0]);
    out += ",\"y\":";
    append_integer(out, xy[i][1]);
    if (!n.alt_labels.empty()) {
      out += ',';
      member_strings(out, "a", n.alt_labels);
    }
    const std::string& country = n.type == EntityType::Country ? n.key : n.country;
    if (!country.empty()) {
      out += ',';
      member(out, "c", country);
    }
    if (!n.qid.empty()) {
      out += ',';
      member(out, "q", n.qid);
    }
    if (!n.roles.empty()) {
      out += ',';
      member_strings(out, "r", n.roles);
    }
    if (!n.documents.empty()) {
      out += ',';
      member_indices(out, "d", n.documents);
    }
    if (!n.kind.empty()) {
      out += ',';
      member(out, "k", n.kind);
    }
    if (!n.date.empty()) {
      out += ',';
      member(out, "date", n.date);
    }
    if (!n.date_end.empty()) {
      out += ',';
      member(out, "end", n.date_end);
    }
    if (degree[order[i]] == 0) out += ",\"h\":1";
    out += '}';
  }
  out += "],\n\"edges\":[";
  for (std::size_t k = 0; k < edges.size(); ++k) {
    const graph::Edge& e = g[edges[k]];
    out += k > 0 ? ",\n{\"s\":" : "\n{\"s\":";
    out += number(std::size_t{index_of[boost::source(edges[k], g)]});
    out += ",\"o\":" + number(std::size_t{index_of[boost::target(edges[k], g)]});
    out += ",\"p\":" + number(predicate_index(e.predicate));
    out += ",\"w\":" + number(e.weight);
    if (!e.date.empty()) {
      out += ',';
      member(out, "date", e.date);
    }
    if (!e.documents.empty()) {
      out += ',';
      member_indices(out, "d", e.documents);
    }
    if (!edge_sentences[k].empty()) {
      out += ",\"e\":[";
      for (std::size_t j = 0; j < edge_sentences[k].size(); ++j) {
        if (j > 0) out += ',';
        out += '[' + number(std::size_t{edge_sentences[k][j].first}) + ',' +
               number(std::size_t{edge_sentences[k][j].second}) + ']';
      }
      out += ']';
    }
    if (edge_sentence_total[k] > edge_sentences[k].size()) out += ",\"n\":" + number(edge_sentence_total[k]);
    out += '}';
  }
  out += "]}";
  return out;
}

// ---- ReportSentences ------------------------------------------------------------

void ReportSentences::add(const EvidenceDraft& draft, const graph::AddedDocument& added) {
  if (added.copy) return;
  for (const EvidenceDraft::Stretch& s : draft.stretches) {
    bool kept = false;
    for (const std::uint32_t r : s.relations)
      kept = kept || (r < added.relations.size() && added.relations[r]);
    if (!kept || s.byte_end > draft.text.size() || s.byte_begin > s.byte_end) continue;
    sentences_.try_emplace(
        {added.index, s.begin, s.end},
        valid_utf8(std::string_view(draft.text).substr(s.byte_begin, s.byte_end - s.byte_begin)));
  }
}

const std::string* ReportSentences::find(const graph::Evidence& e) const {
  const auto at = sentences_.find({e.document, e.begin, e.end});
  return at == sentences_.end() ? nullptr : &at->second;
}

}  // namespace entente::exporter
