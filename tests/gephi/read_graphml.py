#!/usr/bin/env python3
"""Reads an Entente GraphML file with networkx or python-igraph and prints what
it read, as JSON, for tests/gephi_test.cpp.

Usage: read_graphml.py networkx|igraph FILE

Prints on stdout the same summary as read_graphml.mjs (graphology):
  {"reader", "directed", "multi", "nodes", "edges",
   "nodeTypes": {"Country": n, ..., "Document": n},
   "edgeRelations": {"country": n, ..., "mentionedIn": n},
   "mentionsOfNodes",                 # the sum of the entity nodes' `documents`
   "weightTypes": ["float"],          # Python type names of every edge weight
   "weightsMissing", "weightSum",
   "nodeDocumentsTypes", "edgeDocumentsTypes",
   "documentsNotIntegral",            # `documents` values that are not whole numbers
   "labelsMissing"}
and exits 0; exits 1 with a message on stderr when the reader fails, 2 on bad
usage. igraph keeps every number as a float (it has no integer attributes), so
its `documents` are floats with whole values.
"""
import json
import sys


def networkx_items(path):
    import networkx

    graph = networkx.read_graphml(path)
    nodes = [data for _, data in graph.nodes(data=True)]
    edges = [data for _, _, data in graph.edges(data=True)]
    return graph.is_directed(), graph.is_multigraph(), nodes, edges


def igraph_items(path):
    import igraph

    graph = igraph.Graph.Read_GraphML(path)
    nodes = [v.attributes() for v in graph.vs]
    edges = [e.attributes() for e in graph.es]
    return graph.is_directed(), graph.has_multiple(), nodes, edges


def type_name(value):
    return "missing" if value is None else type(value).__name__


def integral(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool) and float(value).is_integer()


def summary(reader, directed, multi, nodes, edges):
    node_types = {}
    for data in nodes:
        node_types[data.get("type")] = node_types.get(data.get("type"), 0) + 1
    edge_relations = {}
    for data in edges:
        edge_relations[data.get("relation")] = edge_relations.get(data.get("relation"), 0) + 1
    entities = [data for data in nodes if data.get("type") != "Document"]
    weights = [data.get("weight") for data in edges]
    documents = [data.get("documents") for data in entities + edges]
    labels = [data.get("label") for data in nodes + edges]
    return {
        "reader": reader,
        "directed": directed,
        "multi": multi,
        "nodes": len(nodes),
        "edges": len(edges),
        "nodeTypes": node_types,
        "edgeRelations": edge_relations,
        "mentionsOfNodes": int(sum(d for d in (data.get("documents") for data in entities) if integral(d))),
        "weightTypes": sorted({type_name(w) for w in weights}),
        "weightsMissing": sum(1 for w in weights if not isinstance(w, (int, float))),
        "weightSum": sum(w for w in weights if isinstance(w, (int, float))),
        "nodeDocumentsTypes": sorted({type_name(data.get("documents")) for data in entities}),
        "edgeDocumentsTypes": sorted({type_name(data.get("documents")) for data in edges}),
        "documentsNotIntegral": sum(1 for d in documents if not integral(d)),
        "labelsMissing": sum(1 for label in labels if not isinstance(label, str) or not label),
    }


def main(argv):
    readers = {"networkx": networkx_items, "igraph": igraph_items}
    if len(argv) != 3 or argv[1] not in readers:
        print(__doc__, file=sys.stderr)
        return 2
    reader, path = argv[1], argv[2]
    try:
        result = summary(reader, *readers[reader](path))
    except Exception as error:  # an import or parse failure is a failed read
        print(f"{path}: {reader}: {type(error).__name__}: {error}", file=sys.stderr)
        return 1
    json.dump(result, sys.stdout, ensure_ascii=False, sort_keys=True)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
