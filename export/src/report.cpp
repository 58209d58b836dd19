// report.html: one self-contained page that shows a graph to someone without
// Gephi (writers.hpp, write_report). Inline CSS, inline SVG, no script, no
// file or network fetch.
//
// What is written, in this order:
//   counts: documents (and copies of earlier ones, when there are), nodes,
//     edges, agreements, Wikidata links; nodes by
//     entity type (with the colours of style.hpp) and edges by relation;
//   agreements: name, kind, dates, parties, signatories, participants and the
//     documents that report them, by date (undated last), then name, then IRI;
//   the 15 most connected entities: degree = edges in and out, ties by name,
//     then IRI; entities without an edge are left out;
//   a drawing: graph.dot as write(kg, Format::dot) writes it, laid out by
//     Graphviz `dot -Tsvg` run as a subprocess (found on PATH), its <svg>
//     element pasted into the page. Without `dot`, or when it fails, takes
//     longer than kDrawTimeout or the graph has more than kMaxDrawnNodes
//     nodes, the page says so where the drawing would be.
//
// Text from the corpus goes through xml_text() (what XML and HTML forbid is
// dropped), then & < > " ' are escaped. Nothing depends on the time, the
// locale or the order of hash tables: the same graph and the same Graphviz
// give byte-identical pages.
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <tuple>
#include <vector>

#include "entente/export/atomic_file.hpp"
#include "entente/export/writers.hpp"
#include "style.hpp"
#include "text.hpp"
#include "xml_util.hpp"

extern char** environ;

namespace entente::exporter {
namespace {

using graph::EntityType;
using graph::Predicate;

constexpr std::size_t kMostConnected = 15;
constexpr std::size_t kMaxDrawnNodes = 2500;
constexpr std::chrono::seconds kDrawTimeout{120};

constexpr std::array kTypes = {EntityType::Country, EntityType::Institution, EntityType::Person,
                               EntityType::Agreement, EntityType::Place};
constexpr std::array kPredicates = {Predicate::party,    Predicate::signatory, Predicate::participant,
                                    Predicate::memberOf, Predicate::country,   Predicate::cooperatesWith};

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

// ---- The drawing -------------------------------------------------------------

/// A temporary folder, removed with everything in it.
class TempDir {
 public:
  TempDir() {
    std::error_code ec;
    std::string pattern = (std::filesystem::temp_directory_path(ec) / "entente-report-XXXXXX").string();
    if (!ec && ::mkdtemp(pattern.data()) != nullptr) path_ = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    if (!path_.empty()) std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

std::string slurp(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

/// The SVG element of a drawing, or a note (HTML) saying why there is none.
struct Drawing {
  std::string svg;
  std::string note;
};

Drawing note(std::string text) { return {{}, std::move(text)}; }

/// Runs `dot -Tsvg -o svg dot_file` with no standard input or output and its
/// errors to `errors`. Returns "" when it exits 0, else what went wrong (HTML).
std::string run_dot(const std::filesystem::path& dot_file, const std::filesystem::path& svg,
                    const std::filesystem::path& errors) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, errors.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                   0600);
  std::string program = "dot", format = "-Tsvg", output = "-o", svg_arg = svg.string(),
              in = dot_file.string();
  std::array<char*, 6> argv = {program.data(), format.data(), output.data(),
                               svg_arg.data(), in.data(),     nullptr};
  pid_t pid = 0;
  const int rc = ::posix_spawnp(&pid, "dot", &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc == ENOENT) {
    return "Graphviz’s <code>dot</code> program was not found on <code>PATH</code>, so the graph is not "
           "drawn here. Install Graphviz (Debian: <code>apt-get install graphviz</code>) and run "
           "<code>entente build --report</code> again, or draw <code>graph.dot</code> "
           "(<code>-f dot</code>) elsewhere.";
  }
  if (rc != 0) return "Graphviz’s <code>dot</code> could not be started: " + html(std::strerror(rc)) + ".";

  const auto deadline = std::chrono::steady_clock::now() + kDrawTimeout;
  int status = 0;
  for (;;) {
    const pid_t done = ::waitpid(pid, &status, WNOHANG);
    if (done == pid) break;
    if (done < 0 && errno != EINTR)
      return "Graphviz’s <code>dot</code> was lost: " + html(std::strerror(errno)) + ".";
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      return "Graphviz’s <code>dot</code> took longer than " + number(std::size_t(kDrawTimeout.count())) +
             " s and was stopped: draw <code>graph.dot</code> with <code>sfdp</code> instead.";
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return {};
  std::string why = slurp(errors);
  why = why.substr(0, why.find('\n'));
  return "Graphviz’s <code>dot</code> failed" +
         (WIFEXITED(status) ? " (exit status " + number(std::size_t(WEXITSTATUS(status))) + ")"
                            : std::string()) +
         (why.empty() ? std::string() : ": " + html(why)) + ".";
}

Drawing draw(const graph::KnowledgeGraph& kg) {
  const std::size_t nodes = boost::num_vertices(kg.graph());
  if (nodes == 0) return note("The graph is empty.");
  if (nodes > kMaxDrawnNodes) {
    return note("The graph has " + number(nodes) + " nodes, too many to draw legibly on a page (at most " +
                number(kMaxDrawnNodes) + "). Open <code>graph.gexf</code> in Gephi, or draw " +
                "<code>graph.dot</code> with <code>sfdp -Tsvg -Goverlap=prism</code>.");
  }
  const TempDir tmp;
  if (tmp.path().empty()) return note("No temporary folder could be made for Graphviz.");
  const std::filesystem::path dot_file = tmp.path() / "graph.dot", svg = tmp.path() / "graph.svg";
  if (std::string err = write(kg, Format::dot, dot_file); !err.empty()) return note(html(err));
  if (std::string err = run_dot(dot_file, svg, tmp.path() / "dot.err"); !err.empty()) return note(err);
  std::string text = slurp(svg);
  const std::size_t start = text.find("<svg");  // after the XML declaration, doctype and comments
  if (start == std::string::npos) return note("Graphviz’s <code>dot</code> wrote no SVG.");
  return {text.substr(start), {}};
}

// ---- The page ----------------------------------------------------------------

constexpr std::string_view kStyle = R"(
:root { color-scheme: light; --ink: #1f2933; --muted: #616e7c; --line: #e4e7eb; --head: #f5f7fa; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
       color: var(--ink); background: #fff; }
main { max-width: 1200px; margin: 0 auto; padding: 24px 32px 48px; }
header { border-bottom: 3px solid #4e79a7; margin-bottom: 8px; }
h1 { font-size: 28px; margin: 0 0 2px; }
h2 { font-size: 20px; margin: 32px 0 10px; }
p { margin: 6px 0 12px; }
.muted, .sub { color: var(--muted); }
.cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 12px 0 16px; }
.card { flex: 1 1 140px; border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; background: var(--head); }
.card b { display: block; font-size: 26px; line-height: 1.2; }
.card span { color: var(--muted); font-size: 13px; }
.pair { display: flex; flex-wrap: wrap; gap: 24px; align-items: flex-start; }
.pair table { flex: 1 1 300px; }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { text-align: left; vertical-align: top; padding: 6px 10px; border-bottom: 1px solid var(--line); }
th { background: var(--head); font-weight: 600; white-space: nowrap; }
tbody tr:nth-child(even) { background: #fafbfc; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
td.date { white-space: nowrap; font-variant-numeric: tabular-nums; }
td small { color: var(--muted); }
ul.names { list-style: none; margin: 0; padding: 0; }
a { color: #2c5c8f; text-decoration: none; }
a:hover { text-decoration: underline; }
.chip { display: inline-block; width: 10px; height: 10px; border-radius: 50%; margin-right: 6px;
        vertical-align: baseline; border: 1px solid rgba(0,0,0,.25); }
.note { border-left: 4px solid #f28e2b; background: #fff8f0; padding: 10px 14px; }
.drawing { border: 1px solid var(--line); border-radius: 8px; overflow: auto; max-height: 1400px; background: #fff; }
.drawing svg { display: block; max-width: 100%; height: auto; margin: 0 auto; }
#actual-size:checked ~ .drawing svg { max-width: none; }
label.toggle { font-size: 14px; color: var(--muted); cursor: pointer; }
footer { margin-top: 40px; font-size: 13px; color: var(--muted); }
)";

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
  std::array<std::size_t, kTypes.size()> by_type{};
  std::array<std::size_t, kPredicates.size()> by_predicate{};
  std::size_t linked = 0, agreements = 0;
  for (const graph::Vertex v : boost::make_iterator_range(boost::vertices(g))) {
    const auto at = std::find(kTypes.begin(), kTypes.end(), g[v].type);
    if (at != kTypes.end()) ++by_type[static_cast<std::size_t>(at - kTypes.begin())];
    if (!g[v].qid.empty()) ++linked;
    if (g[v].type == EntityType::Agreement) ++agreements;
  }
  for (const graph::EdgeDescriptor e : boost::make_iterator_range(boost::edges(g))) {
    const auto at = std::find(kPredicates.begin(), kPredicates.end(), g[e].predicate);
    if (at != kPredicates.end()) ++by_predicate[static_cast<std::size_t>(at - kPredicates.begin())];
  }
  const auto card = [&](std::size_t n, std::string_view what) {
    out += "<div class=\"card\"><b>" + number(n) + "</b><span>" + std::string(what) + "</span></div>";
  };
  out += "<section id=\"counts\">\n<h2>Counts</h2>\n<div class=\"cards\">";
  card(kg.documents().size(), "documents");
  const auto copies = static_cast<std::size_t>(std::count_if(
      kg.documents().begin(), kg.documents().end(), [](const graph::DocumentInfo& d) { return d.copy_of.has_value(); }));
  if (copies > 0) card(copies, "copies of earlier documents (they add nothing)");
  card(boost::num_vertices(g), "nodes (entities)");
  card(boost::num_edges(g), "edges (relations)");
  card(agreements, "agreements");
  card(linked, "linked to Wikidata");
  out +=
      "</div>\n<div class=\"pair\">\n<table class=\"types\">\n<thead><tr><th>Entity type</th>"
      "<th class=\"n\">Nodes</th></tr></thead>\n<tbody>\n";
  for (std::size_t i = 0; i < kTypes.size(); ++i) {
    const std::string type(extract::to_string(kTypes[i]));
    out += "<tr><td><span class=\"chip t-" + type + "\"></span>" + type + "</td><td class=\"n\">" +
           number(by_type[i]) + "</td></tr>\n";
  }
  out +=
      "</tbody>\n</table>\n<table class=\"relations\">\n<thead><tr><th>Relation</th>"
      "<th class=\"n\">Edges</th></tr></thead>\n<tbody>\n";
  for (std::size_t i = 0; i < kPredicates.size(); ++i) {
    out += "<tr><td>" + std::string(extract::to_string(kPredicates[i])) + "</td><td class=\"n\">" +
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
  for (const graph::Vertex v : list) {
    const graph::Node& n = g[v];
    std::string dates = n.date.empty() ? "<span class=\"muted\">unknown</span>" : html(n.date);
    if (!n.date_end.empty()) dates += " – " + html(n.date_end);
    std::string docs;
    for (const std::uint32_t d : n.documents) {
      if (d >= kg.documents().size()) continue;
      docs += std::string(docs.empty() ? "" : "<br>") + "<small>" + document_link(kg.documents()[d]) + "</small>";
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
  for (std::size_t i = 0; i < docs.size() && i < kDocumentRows; ++i) {
    const graph::DocumentInfo& d = docs[i];
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

void drawing(std::string& out, const graph::KnowledgeGraph& kg) {
  out += "<section id=\"drawing\">\n<h2>Drawing</h2>\n";
  const Drawing d = draw(kg);
  if (d.svg.empty()) {
    out += "<p class=\"note\">" + d.note + "</p>\n</section>\n";
    return;
  }
  out +=
      "<p class=\"sub\">Every node and edge, laid out by Graphviz (<code>dot</code>) from "
      "<code>graph.dot</code>. Colours and shapes by type:";
  for (const EntityType t : kTypes) {
    const std::string type(extract::to_string(t));
    out +=
        " <span class=\"chip t-" + type + "\"></span>" + type + " (" + std::string(style_of(t).shape) + ")";
  }
  out +=
      ".</p>\n"
      "<input type=\"checkbox\" id=\"actual-size\"> <label class=\"toggle\" for=\"actual-size\">"
      "Actual size (scroll to move around)</label>\n<div class=\"drawing\">\n" +
      d.svg + "</div>\n</section>\n";
}

std::string page(const graph::KnowledgeGraph& kg) {
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<meta name=\"generator\" content=\"Entente\">\n<title>Entente report: " +
      number(kg.documents().size()) + " documents</title>\n<style>" + std::string(kStyle);
  for (const EntityType t : kTypes) {
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
  counts(out, kg);
  agreements(out, kg);
  most_connected(out, kg);
  drawing(out, kg);
  documents(out, kg);
  out +=
      "<footer>Written by <code>entente build --report</code>. Node names link to Wikidata where the "
      "entity is known there; hover a name for its IRI.</footer>\n</main>\n</body>\n</html>\n";
  return out;
}

}  // namespace

std::string write_report(const graph::KnowledgeGraph& kg, const std::filesystem::path& file) {
  AtomicFile out(file);  // first, so that an unwritable file is known before Graphviz runs
  if (!out.ok()) return out.error();
  out.write(page(kg));
  if (!out.commit()) return out.error();
  return {};
}

}  // namespace entente::exporter
