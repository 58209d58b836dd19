// Formats by name, and the one entry point that writes any of them (writers.hpp).
#include "entente/export/writers.hpp"

#include "formats.hpp"

namespace entente::exporter {

std::string_view extension(Format format) {
  switch (format) {
    case Format::ttl:
      return "ttl";
    case Format::graphml:
      return "graphml";
    case Format::nt:
      return "nt";
    case Format::nq:
      return "nq";
    case Format::trig:
      return "trig";
    case Format::gexf:
      return "gexf";
    case Format::dot:
      return "dot";
  }
  return "ttl";
}

std::optional<Format> parse_format(std::string_view name) {
  for (const Format f : kFormats) {
    if (extension(f) == name) return f;
  }
  return std::nullopt;
}

std::string write(const graph::KnowledgeGraph& kg, Format format, const std::filesystem::path& file) {
  switch (format) {
    case Format::ttl:
      return write_rdf(kg, SERD_TURTLE, file);
    case Format::graphml:
      return write_graphml(kg, file);
    case Format::nt:
      return write_rdf(kg, SERD_NTRIPLES, file);
    case Format::nq:
      return write_rdf(kg, SERD_NQUADS, file);
    case Format::trig:
      return write_rdf(kg, SERD_TRIG, file);
    case Format::gexf:
      return write_gexf(kg, file);
    case Format::dot:
      return write_dot(kg, file);
  }
  return file.string() + ": unknown format";
}

}  // namespace entente::exporter
