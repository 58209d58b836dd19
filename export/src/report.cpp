// report.html: one self-contained page that shows a graph to someone without
// Gephi (writers.hpp, write_report). No file or network fetch when viewed:
// style, scripts and data are all inside it.
//
// What is written, in this order:
//   counts: documents (and copies of earlier ones, when there are), nodes,
//     edges, agreements, Wikidata links; nodes by entity type (with the
//     colours of style.hpp) and edges by relation;
//   the network view: an empty <div id="view"> that report/report.js fills
//     (controls, the sigma.js drawing, the panel of what is clicked) and a
//     timeline of the agreements; without JavaScript a <noscript> note
//     points to the tables;
//   agreements: name, kind, dates, parties, signatories, participants and the
//     documents that report them, by date (undated last), then name, then IRI;
//   the 15 most connected entities: degree = edges in and out, ties by name,
//     then IRI; entities without an edge are left out;
//   then the graph as JSON (report_data.hpp) in a <script type="application/json">,
//     graphology, sigma.js (each after its licence, as a comment) and
//     report/report.js, all compiled in (export/CMakeLists.txt).
//
// Text from the corpus goes through xml_text() (what XML and HTML forbid is
// dropped), then & < > " ' are escaped; in the JSON, < > & and bidirectional
// controls are \u escapes (append_json_string), so no text of the corpus can
// close a script. Nothing depends on the time, the locale or the order of
// hash tables: the same graph gives byte-identical pages.
#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "entente/embedded.hpp"
#include "entente/export/atomic_file.hpp"
#include "entente/export/writers.hpp"
#include "report_data.hpp"
#include "style.hpp"
#include "text.hpp"
#include "xml_util.hpp"

namespace entente::embedded {
/// The files of report/ and report/node_modules (export/CMakeLists.txt).
std::span<const Entry> entries_entente_export();
}  // namespace entente::embedded

namespace entente::exporter {
namespace {

using graph::EntityType;
using graph::Predicate;

constexpr std::size_t kMostConnected = 15;

/// `text` as HTML element content or attribute value.
std::string html(std::string_view text) {
  std::string out;
  for (const char c : xml_text(text)) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string name_of(const graph::Node& n) { return n.label.empty() ? n.iri : n.label; }

/// A coloured dot and the entity's name; its IRI as tooltip, a link to
/// Wikidata when it has an item.
std::string entity_html(const graph::Node& n) {
  std::string out = "<span class=\"chip t-" + std::string(extract::to_string(n.type)) + "\"></span>";
  if (!n.qid.empty()) {
    out += "<a href=\"https://www.wikidata.org/wiki/" + html(n.qid) + "\" title=\"" + html(n.iri) + "\">" +
           html(name_of(n)) + "</a>";
  } else {
    out += "<span title=\"" + html(n.iri) + "\">" + html(name_of(n)) + "</span>";
  }
  return out;
}

// ---- The page ----------------------------------------------------------------

/// Degree (edges in and out) of every vertex.
std::vector<std::size_t> degrees(const graph::KnowledgeGraph& kg) {
  const graph::Graph& g = kg.graph();
  std::vector<std::size_t> degree(boost::num_vertices(g));
  for (const graph::EdgeDescriptor e : boost::make_iterator_range(boost::edges(g))) {
    ++degree[boost::source(e, g)];
    ++degree[boost::target(e, g)];
  }
  return degree;
}

void counts(std::string& out, const graph::KnowledgeGraph& kg) {
  const graph::Graph& g = kg.graph();
  std::array<std::size_t, kReportTypes.size()> by_type{};
  std::array<std::size_t, kReportRelations.size()> by_predicate{};
  std::size_t linked = 0, agreements = 0;
  for (const graph::Vertex v : boost::make_iterator_range(boost::vertices(g))) {
    const auto at = std::find(kReportTypes.begin(), kReportTypes.end(), g[v].type);
    if (at != kReportTypes.end()) ++by_type[static_cast<std::size_t>(at - kReportTypes.begin())];
    if (!g[v].qid.empty()) ++linked;
    if (g[v].type == EntityType::Agreement) ++agreements;
  }
  for (const graph::EdgeDescriptor e : boost::make_iterator_range(boost::edges(g))) {
    const auto at = std::find(kReportRelations.begin(), kReportRelations.end(), g[e].predicate);
    if (at != kReportRelations.end()) ++by_predicate[static_cast<std::size_t>(at - kReportRelations.begin())];
  }
  const auto card = [&](std::size_t n, std::string_view what) {
    out += "<div class=\"card\"><b>" + number(n) + "</b><span>" + std::string(what) + "</span></div>";
  };
  out += "<section id=\"counts\">\n<h2>Counts</h2>\n<div class=\"cards\">";
  card(kg.documents().size(), "documents");
  const auto copies = static_cast<std::size_t>(
      std::count_if(kg.documents().begin(), kg.documents().end(),
                    [](const graph::DocumentInfo& d) { return d.copy_of.has_value(); }));
  if (copies > 0) card(copies, "copies of earlier documents (they add nothing)");
  card(boost::num_vertices(g), "nodes (entities)");
  card(boost::num_edges(g), "edges (relations)");
  card(agreements, "agreements");
  card(linked, "linked to Wikidata");
  out +=
      "</div>\n<div class=\"pair\">\n<table class=\"types\">\n<thead><tr><th>Entity type</th>"
      "<th class=\"n\">Nodes</th></tr></thead>\n<tbody>\n";
  for (std::size_t i = 0; i < kReportTypes.size(); ++i) {
    const std::string type(extract::to_string(kReportTypes[i]));
    out += "<tr><td><span class=\"chip t-" + type + "\"></span>" + type + "</td><td class=\"n\">" +
           number(by_type[i]) + "</td></tr>\n";
  }
  out +=
      "</tbody>\n</table>\n<table class=\"relations\">\n<thead><tr><th>Relation</th>"
      "<th class=\"n\">Edges</th></tr></thead>\n<tbody>\n";
  for (std::size_t i = 0; i < kReportRelations.size(); ++i) {
    out += "<tr><td>" + std::string(extract::to_string(kReportRelations[i])) + "</td><td class=\"n\">" +
           number(by_predicate[i]) + "</td></tr>\n";
  }
  out += "</tbody>\n</table>\n</div>\n</section>\n";
}

/// The nodes that an agreement's edges of `predicate` point to, as an HTML list by name.
/// A document's name, linking to its page when its URL is known; its headline on hover.
std::string document_link(const graph::DocumentInfo& info) {
  if (info.url.empty()) return "<span title=\"" + html(info.title) + "\">" + html(info.id) + "</span>";
  return "<a href=\"" + html(graph::url_as_iri(info.url)) + "\" title=\"" + html(info.title) + "\">" + html(info.id) +
         "</a>";
}

std::string related(const graph::KnowledgeGraph& kg, graph::Vertex agreement, Predicate predicate) {
  const graph::Graph& g = kg.graph();
  std::vector<const graph::Node*> nodes;
  for (const graph::EdgeDescriptor e : boost::make_iterator_range(boost::out_edges(agreement, g))) {
    if (g[e].predicate == predicate) nodes.push_back(&g[boost::target(e, g)]);
  }
  if (nodes.empty()) return "<span class=\"muted\">—</span>";
  std::sort(nodes.begin(), nodes.end(), [](const graph::Node* a, const graph::Node* b) {
    return std::tie(a->label, a->iri) < std::tie(b->label, b->iri);
  });
  std::string out = "<ul class=\"names\">";
  for (const graph::Node* n : nodes) out += "<li>" + entity_html(*n) + "</li>";
  return out + "</ul>";
}

void agreements(std::string& out, const graph::KnowledgeGraph& kg) {
  const graph::Graph& g = kg.graph();
  std::vector<graph::Vertex> list;
  for (const graph::Vertex v : kg.sorted_vertices()) {
    if (g[v].type == EntityType::Agreement) list.push_back(v);
  }
  std::stable_sort(list.begin(), list.end(), [&](graph::Vertex a, graph::Vertex b) {
    const graph::Node &x = g[a], &y = g[b];
    return std::make_tuple(x.date.empty(), std::string_view(x.date), std::string_view(x.label)) <
           std::make_tuple(y.date.empty(), std::string_view(y.date), std::string_view(y.label));
  });
  out += "<section id=\"agreements\">\n<h2>Agreements</h2>\n";
  if (list.empty()) {
    out += "<p class=\"muted\">No agreement was found in these documents.</p>\n</section>\n";
    return;
  }
  out +=
      "<p class=\"sub\">By date; undated ones last. Parties are the states and institutions bound, "
      "signatories those who signed, participants those present.</p>\n"
      "<table class=\"agreements\">\n<thead><tr><th>Agreement</th><th>Date</th><th>Parties</th>"
      "<th>Signatories</th><th>Participants</th><th>Reported in</th></tr></thead>\n<tbody>\n";
  graph::DocumentList::Lookup lookup(kg.documents());
  for (const graph::Vertex v : list) {
    const graph::Node& n = g[v];
    std::string dates = n.date.empty() ? "<span class=\"muted\">unknown</span>" : html(n.date);
    if (!n.date_end.empty()) dates += " – " + html(n.date_end);
    std::string docs;
    for (const std::uint32_t d : n.documents) {
      if (d >= kg.documents().size()) continue;
      docs += std::string(docs.empty() ? "" : "<br>") + "<small>" + document_link(lookup[d]) + "</small>";
    }
    const bool kind_shown = !n.kind.empty() && ascii_lower(n.kind) != ascii_lower(n.label);
    out += "<tr><td>" + entity_html(n) + (kind_shown ? "<br><small>" + html(n.kind) + "</small>" : "") +
           "</td><td class=\"date\">" + dates + "</td><td>" + related(kg, v, Predicate::party) + "</td><td>" +
           related(kg, v, Predicate::signatory) + "</td><td>" + related(kg, v, Predicate::participant) +
           "</td><td>" + docs + "</td></tr>\n";
  }
  out += "</tbody>\n</table>\n</section>\n";
}

/// The documents read: name, headline (a link to the page when its URL is
/// known), publication date, outlet, language; the first kDocumentRows.
void documents(std::string& out, const graph::KnowledgeGraph& kg) {
  constexpr std::size_t kDocumentRows = 500;
  const auto& docs = kg.documents();
  out += "<section id=\"documents\">\n<h2>Documents</h2>\n";
  out +=
      "<p class=\"sub\">In input order. The headline links to the page when the input gave its URL; the date is "
      "its publication (from its metadata, or its dateline).</p>\n"
      "<table class=\"documents\">\n<thead><tr><th>Document</th><th>Headline</th><th>Published</th>"
      "<th>Outlet</th><th>Language</th></tr></thead>\n<tbody>\n";
  auto doc_at = docs.begin();
  for (std::size_t i = 0; i < docs.size() && i < kDocumentRows; ++i, ++doc_at) {
    const graph::DocumentInfo& d = *doc_at;
    std::string headline = d.title.empty() ? "<span class=\"muted\">no headline</span>" : html(d.title);
    if (!d.url.empty()) headline = "<a href=\"" + html(graph::url_as_iri(d.url)) + "\">" + headline + "</a>";
    if (d.copy_of && d.copy_of->original < docs.size())
      headline += "<br><small class=\"muted\">copy of " + html(docs[d.copy_of->original].id) + "</small>";
    out += "<tr><td><small title=\"" + html(d.iri) + "\">" + html(d.id) + "</small></td><td>" + headline +
           "</td><td class=\"date\">" + html(d.date) + "</td><td>" + html(d.publisher) + "</td><td>" +
           html(d.language) + "</td></tr>\n";
  }
  out += "</tbody>\n</table>\n";
  if (docs.size() > kDocumentRows) {
    out += "<p class=\"muted\">and " + number(docs.size() - kDocumentRows) + " more (graph.ttl lists them all).</p>\n";
  }
  out += "</section>\n";
}

void most_connected(std::string& out, const graph::KnowledgeGraph& kg) {
  const graph::Graph& g = kg.graph();
  const std::vector<std::size_t> degree = degrees(kg);
  std::vector<graph::Vertex> list;
  for (const graph::Vertex v : kg.sorted_vertices()) {  // by IRI, the last tie-break
    if (degree[v] > 0) list.push_back(v);
  }
  std::stable_sort(list.begin(), list.end(), [&](graph::Vertex a, graph::Vertex b) {
    if (degree[a] != degree[b]) return degree[a] > degree[b];
    return g[a].label < g[b].label;
  });
  if (list.size() > kMostConnected) list.resize(kMostConnected);
  out += "<section id=\"connected\">\n<h2>Most connected entities</h2>\n";
  if (list.empty()) {
    out += "<p class=\"muted\">No entity has a relation.</p>\n</section>\n";
    return;
  }
  out += "<p class=\"sub\">The " + number(list.size()) +
         " entities with the most relations (edges in and out: the degree).</p>\n"
         "<table class=\"connected\">\n<thead><tr><th class=\"n\">#</th><th>Entity</th><th>Type</th>"
         "<th class=\"n\">Degree</th><th class=\"n\">Documents</th><th>Wikidata</th></tr></thead>\n<tbody>\n";
  for (std::size_t i = 0; i < list.size(); ++i) {
    const graph::Node& n = g[list[i]];
    out += "<tr><td class=\"n\">" + number(i + 1) + "</td><td>" + entity_html(n) + "</td><td>" +
           std::string(extract::to_string(n.type)) + "</td><td class=\"n\">" + number(degree[list[i]]) +
           "</td><td class=\"n\">" + number(n.documents.size()) + "</td><td>" +
           (n.qid.empty() ? "<span class=\"muted\">—</span>" : html(n.qid)) + "</td></tr>\n";
  }
  out += "</tbody>\n</table>\n</section>\n";
}

/// The bytes of a file compiled in from report/ or report/node_modules (export/CMakeLists.txt).
std::string_view asset(std::string_view name) {
  for (const embedded::Entry& e : embedded::entries_entente_export()) {
    if (e.name == name) return e.bytes;
  }
  return {};
}

/// `code` with every "</script" and "<!--" (any case) broken up, so that it
/// cannot end or confuse the <script> element it is written into.
std::string inert_script(std::string_view code) {
  std::string out;
  out.reserve(code.size());
  const auto starts = [&](std::size_t i, std::string_view what) {
    if (code.size() - i < what.size()) return false;
    for (std::size_t k = 0; k < what.size(); ++k) {
      char c = code[i + k];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c != what[k]) return false;
    }
    return true;
  };
  for (std::size_t i = 0; i < code.size(); ++i) {
    if (code[i] == '<' && (starts(i, "</script") || starts(i, "<!--"))) {
      out += "<\\";
      continue;
    }
    out += code[i];
  }
  return out;
}

/// A library's licence as a JavaScript comment ("*/" in it broken up).
std::string licence_comment(std::string_view library, std::string_view licence) {
  std::string text(licence);
  for (std::size_t at = text.find("*/"); at != std::string::npos; at = text.find("*/", at))
    text.replace(at, 2, "* /");
  return "/*! " + std::string(library) + " (compiled into entente from npm; report/package-lock.json)\n" +
         text + "\n*/\n";
}

void network(std::string& out) {
  out +=
      "<section id=\"network\">\n<h2>Network</h2>\n"
      "<p class=\"sub\">Every entity and relation: nodes coloured by type and sized by their number of "
      "relations, laid out by ForceAtlas2. Search a name, filter by type, country, relation or date, "
      "click a node for its names, Wikidata link, roles and documents, or an edge for the sentences it "
      "was read from. Drag to move, scroll to zoom.</p>\n"
      "<noscript><p class=\"note\">The network view needs JavaScript. The agreements and the most "
      "connected entities are in the tables below; the whole graph is in <code>graph.gexf</code> "
      "(Gephi).</p></noscript>\n"
      "<div id=\"view\" class=\"view plain\"><p class=\"note\" id=\"view-note\">The network view "
      "starts when the page has loaded (it needs JavaScript and WebGL).</p></div>\n"
      "<h2 id=\"timeline-title\">Agreements over time</h2>\n"
      "<div id=\"timeline\" class=\"timeline\"><p>The timeline is drawn by the network view's "
      "script; the agreements table below lists the same dates.</p></div>\n"
      "</section>\n";
}

void scripts(std::string& out, const graph::KnowledgeGraph& kg, const ReportSentences* sentences) {
  out += "<script type=\"application/json\" id=\"entente-data\">";
  out += report_json(kg, sentences);
  out += "</script>\n<script>";
  out += inert_script(licence_comment("graphology 0.26", asset("graphology-LICENSE.txt")));
  out += inert_script(asset("graphology.umd.min.js"));
  out += "\n</script>\n<script>";
  out += inert_script(licence_comment("sigma.js 3", asset("sigma-LICENSE.txt")));
  out += inert_script(asset("sigma.min.js"));
  out += "\n</script>\n<script>\n";
  out += inert_script(asset("report.js"));
  out += "</script>\n";
}

std::string page(const graph::KnowledgeGraph& kg, const ReportSentences* sentences) {
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<meta name=\"generator\" content=\"Entente\">\n<title>Entente report: " +
      number(kg.documents().size()) + " documents</title>\n<style>\n" + std::string(asset("report.css"));
  for (const EntityType t : kReportTypes) {
    out += ".t-" + std::string(extract::to_string(t)) + " { background: " + std::string(style_of(t).hex) +
           "; }\n";
  }
  out +=
      "</style>\n</head>\n<body>\n<main>\n<header>\n<h1>Entente report</h1>\n"
      "<p class=\"sub\">Cooperation between states read from " +
      number(kg.documents().size()) +
      " French news documents: who, which institutions and countries, which agreements. The graph "
      "itself is in the files beside this page (<code>graph.graphml</code> or <code>graph.gexf</code> "
      "for Gephi).</p>\n</header>\n";
  network(out);
  // The scripts before the tables: the view is drawn while the rest of the page is still read.
  scripts(out, kg, sentences);
  counts(out, kg);
  agreements(out, kg);
  most_connected(out, kg);
  documents(out, kg);
  out +=
      "<footer>Written by <code>entente build --report</code>. Node names link to Wikidata where the "
      "entity is known there; hover a name in a table for its IRI. The network view runs on "
      "<a href=\"https://www.sigmajs.org\">sigma.js</a> and <a href=\"https://graphology.github.io\">"
      "graphology</a> (MIT licence), written into this page.</footer>\n</main>\n</body>\n</html>\n";
  return out;
}

}  // namespace

std::string write_report(const graph::KnowledgeGraph& kg, const std::filesystem::path& file,
                         const ReportSentences* sentences) {
  AtomicFile out(file);  // first, so that an unwritable file is known before the layout runs
  if (!out.ok()) return out.error();
  out.write(page(kg, sentences));
  if (!out.commit()) return out.error();
  return {};
}

}  // namespace entente::exporter
