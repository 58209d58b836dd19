// Internal to entente_export: the writers behind entente::exporter::write()
// (see entente/export/writers.hpp for what each format holds).
#pragma once
#include <serd/serd.h>

#include <filesystem>
#include <string>
#include <string_view>

#include "entente/graph/graph.hpp"

namespace entente::exporter {

/// The graph's RDF in `syntax` (turtle.cpp). "" or an error naming the file.
std::string write_rdf(const graph::KnowledgeGraph& kg, SerdSyntax syntax, const std::filesystem::path& file);

/// GEXF 1.3 with viz and dates (gexf.cpp). "" or an error naming the file.
std::string write_gexf(const graph::KnowledgeGraph& kg, const std::filesystem::path& file);

/// Graphviz DOT through boost::write_graphviz (dot.cpp). "" or an error naming the file.
std::string write_dot(const graph::KnowledgeGraph& kg, const std::filesystem::path& file);

/// The ontology property of a relation (coop:memberOf, ...).
std::string_view property_iri(graph::Predicate p);

}  // namespace entente::exporter
