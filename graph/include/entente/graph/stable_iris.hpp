// IRIs that stay: what a graph that grows (`entente build --state`) has
// named keeps its name in every later build.
//
// One build names each node from its type and name, in the order nodes are
// made (graph.cpp). A later build of more articles may name them otherwise:
// a fuller name read first, two persons of one name met in the other order,
// two nodes that an article shows to be one. keep_iris() takes the names an
// earlier build gave (an IriMemory: each IRI and the document entities its
// node stood for, as (content hash of the document, entity index) anchors)
// and renames the nodes of a finished graph:
//   - a node keeps the earlier IRI most of its anchors had (its label may
//     change: the IRI does not); a node none of whose anchors an earlier
//     IRI had (its articles became copies of others, which add nothing)
//     keeps the earlier IRI that is its name in this build, if no node with
//     anchors keeps it;
//   - a node that holds the anchors of several earlier IRIs keeps one (the
//     one with most anchors, then the smallest) and states the others as
//     owl:sameAs (Node::same_as);
//   - when the anchors of one earlier IRI are now split between nodes, the
//     node with most of them keeps it;
//   - any other node has the IRI one build gives it, unless an earlier build
//     gave that IRI to another entity: then the next free "-2", "-3"...
// An IRI once given is never given to another entity: the memory keeps every
// IRI it ever held (those no node holds any more, as retired).
//
// Nothing here prints or touches files: to_text/from_text are the memory's
// format (docs/FORMATS.md), results::State keeps it in the state folder.
// THREAD SAFETY: values and free functions; keep_iris writes to the graph.
#pragma once
#include <compare>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "entente/graph/graph.hpp"

namespace entente::graph {

/// One entity of one document: the content hash of the document
/// (results::content_hash) and the entity's index in it.
struct Anchor {
  std::uint64_t content = 0;
  std::uint32_t entity = 0;
  friend auto operator<=>(const Anchor&, const Anchor&) = default;
};

/// WHAT IT REPRESENTS: every IRI earlier builds gave, and what it names.
struct IriMemory {
  struct Entry {
    std::string iri;
    /// "" while a node holds it; the IRI it is owl:sameAs once its node
    /// joined another; "-" when no node holds it any more (retired).
    std::string now;
    std::vector<Anchor> anchors;  ///< sorted; empty unless a node holds it
    friend bool operator==(const Entry&, const Entry&) = default;
  };
  std::vector<Entry> entries;  ///< sorted by iri, unique
  friend bool operator==(const IriMemory&, const IriMemory&) = default;
};

/// Renames the nodes of the finished graph `kg` as the header says, from
/// `anchors` (per vertex, the document entities that resolved to it in this
/// build) and the memory of earlier builds. Returns the memory after it.
IriMemory keep_iris(KnowledgeGraph& kg, const std::vector<std::vector<Anchor>>& anchors, const IriMemory& before);

/// The memory as text: one line per IRI, "IRI<TAB>NOW<TAB>ANCHORS", NOW as
/// in Entry (empty, an IRI, or "-"), ANCHORS as "content:entity" (16 hex
/// digits, a decimal) separated by commas; lines sorted by IRI.
std::string to_text(const IriMemory& memory);
/// Reads to_text's format. "" on success, else what is wrong and on which line.
std::string from_text(std::string_view text, IriMemory& memory);

}  // namespace entente::graph
