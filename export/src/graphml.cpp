// GraphML for Gephi, networkx, igraph and boost::read_graphml, through
// libxml2's xmlTextWriter streaming into an AtomicFile.
//
// Not boost::write_graphml, because it writes numbers through the global
// locale ("0,5" under de_DE), declares graph-level keys that some importers
// reject, and passes on characters that XML 1.0 forbids.
//
// What is written, in this order:
//   <key>s for nodes, then for edges (ids "node_<name>", "edge_<name>"),
//   <graph id="G" edgedefault="directed">,
//   nodes "n0".. in KnowledgeGraph::sorted_vertices() order,
//   edges "e0".. in KnowledgeGraph::sorted_edges() order.
// Every node and edge has a label; other string values are written only when
// not empty (GraphML: an absent value is the key's default). Numbers are
// written with std::to_chars (locale-independent, shortest round trip).
#include <libxml/xmlwriter.h>

#include <array>
#include <charconv>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "entente/export/atomic_file.hpp"
#include "entente/export/writers.hpp"

namespace entente::exporter {
namespace {

// ---- Text ------------------------------------------------------------------

/// `text` without what XML 1.0 forbids: invalid UTF-8 (dropped byte by byte),
/// C0 controls other than tab, LF and CR, surrogates, U+FFFE and U+FFFF.
std::string xml_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  const std::size_t n = text.size();
  while (i < n) {
    const auto lead = static_cast<unsigned char>(text[i]);
    if (lead < 0x80) {
      if (lead >= 0x20 || lead == '\t' || lead == '\n' || lead == '\r') {
        out += text[i];
      }
      ++i;
      continue;
    }
    std::size_t len = 0;
    char32_t cp = 0;
    if (lead >= 0xC2 && lead <= 0xDF) {
      len = 2;
      cp = lead & 0x1Fu;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      len = 3;
      cp = lead & 0x0Fu;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      len = 4;
      cp = lead & 0x07u;
    } else {
      ++i;  // a continuation byte or an impossible lead byte
      continue;
    }
    bool well_formed = i + len <= n;
    for (std::size_t k = 1; well_formed && k < len; ++k) {
      const auto b = static_cast<unsigned char>(text[i + k]);
      if ((b & 0xC0u) != 0x80u) {
        well_formed = false;
      }
      cp = (cp << 6) | (b & 0x3Fu);
    }
    if (well_formed && len == 3 && cp < 0x800) {
      well_formed = false;  // overlong
    }
    if (well_formed && len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) {
      well_formed = false;  // overlong, too big
    }
    if (!well_formed) {
      ++i;  // drop the lead byte; what follows is looked at afresh
      continue;
    }
    const bool allowed = !(cp >= 0xD800 && cp <= 0xDFFF) && cp != 0xFFFE && cp != 0xFFFF;
    if (allowed) {
      out.append(text.substr(i, len));
    }
    i += len;
  }
  return out;
}

std::string joined(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) {
    if (p.empty()) {
      continue;
    }
    if (!out.empty()) {
      out += " | ";
    }
    out += p;
  }
  return out;
}

std::string number(std::size_t value) {
  std::array<char, 32> buf{};
  const auto r = std::to_chars(buf.data(), buf.data() + buf.size(), value);
  return std::string(buf.data(), r.ptr);
}

std::string number(double value) {
  std::array<char, 64> buf{};
  const auto r = std::to_chars(buf.data(), buf.data() + buf.size(), value);  // shortest round trip
  if (r.ec != std::errc()) {
    return "0";
  }
  return std::string(buf.data(), r.ptr);
}

// ---- Keys ------------------------------------------------------------------

struct Key {
  std::string_view id;
  std::string_view domain;  // "node" or "edge"
  std::string_view name;
  std::string_view type;  // GraphML attr.type
};

// clang-format off
constexpr std::array kKeys{
    Key{"node_label", "node", "label", "string"},
    Key{"node_type", "node", "type", "string"},
    Key{"node_iri", "node", "iri", "string"},
    Key{"node_wikidata", "node", "wikidata", "string"},
    Key{"node_country", "node", "country", "string"},
    Key{"node_alt_labels", "node", "alt_labels", "string"},
    Key{"node_roles", "node", "roles", "string"},
    Key{"node_documents", "node", "documents", "int"},
    Key{"node_kind", "node", "kind", "string"},
    Key{"node_date", "node", "date", "string"},
    Key{"edge_label", "edge", "label", "string"},
    Key{"edge_relation", "edge", "relation", "string"},
    Key{"edge_weight", "edge", "weight", "double"},
    Key{"edge_date", "edge", "date", "string"},
    Key{"edge_documents", "edge", "documents", "int"},
};
// clang-format on

// ---- Writer ----------------------------------------------------------------

const xmlChar* xml(const char* s) { return reinterpret_cast<const xmlChar*>(s); }

/// Sends libxml2's output to the AtomicFile. A failed write is recorded there
/// (and later writes ignored) but not reported to libxml2, which would print it:
/// write_graphml() checks the file at the end, and only the command line prints.
int write_to_file(void* context, const char* buffer, int len) {
  auto* file = static_cast<AtomicFile*>(context);
  if (len > 0) {
    file->write(std::string_view(buffer, static_cast<std::size_t>(len)));
  }
  return len;
}

struct WriterDeleter {
  void operator()(xmlTextWriter* w) const { xmlFreeTextWriter(w); }
};

/// Thin checked calls on an xmlTextWriter: after the first failure, every
/// further call does nothing and ok() stays false.
class Xml {
 public:
  explicit Xml(xmlTextWriterPtr w) : w_(w) {}
  bool ok() const { return ok_; }

  void check(int rc) {
    if (rc < 0) {
      ok_ = false;
    }
  }
  void start(const char* element) {
    if (ok_) {
      check(xmlTextWriterStartElement(w_, xml(element)));
    }
  }
  void end() {
    if (ok_) {
      check(xmlTextWriterEndElement(w_));
    }
  }
  /// An attribute whose value is ours (ASCII ids and names), not the corpus's.
  void attribute(const char* name, std::string_view value) {
    if (ok_) {
      check(xmlTextWriterWriteAttribute(w_, xml(name), xml(std::string(value).c_str())));
    }
  }
  /// <data key="..">value</data>; the value is filtered, then escaped by libxml2.
  void data(std::string_view key, std::string_view value) { write_data(key, xml_text(value)); }
  /// As data(), but nothing at all when the filtered value is empty.
  void data_if(std::string_view key, std::string_view value) {
    const std::string text = xml_text(value);
    if (!text.empty()) {
      write_data(key, text);
    }
  }

 private:
  void write_data(std::string_view key, const std::string& text) {
    start("data");
    attribute("key", key);
    if (ok_ && !text.empty()) {
      check(xmlTextWriterWriteString(w_, xml(text.c_str())));
    }
    end();
  }

  xmlTextWriterPtr w_;
  bool ok_ = true;
};

void write_document(Xml& x, const graph::KnowledgeGraph& kg) {
  const graph::Graph& g = kg.graph();

  x.start("graphml");
  x.attribute("xmlns", "http://graphml.graphdrawing.org/xmlns");
  x.attribute("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
  x.attribute("xsi:schemaLocation",
              "http://graphml.graphdrawing.org/xmlns "
              "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd");
  for (const Key& k : kKeys) {
    x.start("key");
    x.attribute("id", k.id);
    x.attribute("for", k.domain);
    x.attribute("attr.name", k.name);
    x.attribute("attr.type", k.type);
    x.end();
  }

  x.start("graph");
  x.attribute("id", "G");
  x.attribute("edgedefault", "directed");

  const std::vector<graph::Vertex> vertices = kg.sorted_vertices();
  // Vertex descriptor -> GraphML node id.
  std::vector<std::string> node_id(boost::num_vertices(g));
  for (std::size_t i = 0; i < vertices.size(); ++i) {
    node_id[vertices[i]] = "n" + number(i);
  }

  for (std::size_t i = 0; i < vertices.size(); ++i) {
    const graph::Node& n = g[vertices[i]];
    x.start("node");
    x.attribute("id", node_id[vertices[i]]);
    std::string label = xml_text(n.label);
    if (label.empty()) {
      label = n.iri.empty() ? node_id[vertices[i]] : n.iri;
    }
    x.data("node_label", label);
    x.data("node_type", extract::to_string(n.type));
    x.data_if("node_iri", n.iri);
    x.data_if("node_wikidata", n.qid);
    x.data_if("node_country", n.country);
    x.data_if("node_alt_labels", joined(n.alt_labels));
    x.data_if("node_roles", joined(n.roles));
    x.data("node_documents", number(n.documents.size()));
    x.data_if("node_kind", n.kind);
    x.data_if("node_date", n.date);
    x.end();
  }

  const std::vector<graph::EdgeDescriptor> edges = kg.sorted_edges();
  for (std::size_t i = 0; i < edges.size(); ++i) {
    const graph::EdgeDescriptor e = edges[i];
    const graph::Edge& p = g[e];
    const std::string_view predicate = extract::to_string(p.predicate);
    x.start("edge");
    x.attribute("id", "e" + number(i));
    x.attribute("source", node_id[boost::source(e, g)]);
    x.attribute("target", node_id[boost::target(e, g)]);
    x.data("edge_label", predicate);
    x.data("edge_relation", predicate);
    x.data("edge_weight", number(p.weight));
    x.data_if("edge_date", p.date);
    x.data("edge_documents", number(p.documents.size()));
    x.end();
  }

  x.end();  // graph
  x.end();  // graphml
}

}  // namespace

std::string write_graphml(const graph::KnowledgeGraph& kg, const std::filesystem::path& file) {
  AtomicFile out(file);
  if (!out.ok()) {
    return out.error();
  }

  xmlOutputBufferPtr buffer = xmlOutputBufferCreateIO(write_to_file, nullptr, &out, nullptr);
  if (buffer == nullptr) {
    return file.string() + ": cannot set up the GraphML writer";
  }
  std::unique_ptr<xmlTextWriter, WriterDeleter> writer(xmlNewTextWriter(buffer));
  if (writer == nullptr) {
    xmlOutputBufferClose(buffer);
    return file.string() + ": cannot set up the GraphML writer";
  }

  Xml x(writer.get());
  x.check(xmlTextWriterSetIndent(writer.get(), 1));
  x.check(xmlTextWriterSetIndentString(writer.get(), xml("  ")));
  if (x.ok()) {
    x.check(xmlTextWriterStartDocument(writer.get(), "1.0", "UTF-8", nullptr));
  }
  write_document(x, kg);
  if (x.ok()) {
    x.check(xmlTextWriterEndDocument(writer.get()));
  }
  if (x.ok()) {
    x.check(xmlTextWriterFlush(writer.get()));
  }
  writer.reset();  // closes the output buffer, which flushes into `out`

  if (!out.ok()) {
    return out.error();
  }
  if (!x.ok()) {
    return file.string() + ": cannot write GraphML";
  }
  if (!out.commit()) {
    return out.error();
  }
  return {};
}

}  // namespace entente::exporter
