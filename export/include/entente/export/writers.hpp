// Serialisers of the corpus graph. Each writes one file atomically and only
// serialises: identity and content are decided in graph/.
//
// Every writer visits nodes and edges in KnowledgeGraph::sorted_vertices() /
// sorted_edges() order, so the same graph gives byte-identical files.
#pragma once
#include <filesystem>
#include <string>

#include "entente/graph/graph.hpp"

namespace entente::exporter {

/// Turtle through Serd: prefixes, typed dates, rdfs:label@fr, skos:altLabel@fr,
/// coop:mentionedIn -> document nodes with dcterms:identifier, owl:sameAs Wikidata.
/// Returns an empty string on success, else a message naming the file.
std::string write_turtle(const graph::KnowledgeGraph& kg, const std::filesystem::path& file);

/// GraphML that Gephi, networkx, igraph and boost::read_graphml import.
/// Returns an empty string on success, else a message naming the file.
std::string write_graphml(const graph::KnowledgeGraph& kg, const std::filesystem::path& file);

}  // namespace entente::exporter
