#!/usr/bin/env python3
"""Checks that networkx reads an Entente GraphML file as Gephi users expect.

Usage: graphml_check.py FILE EXPECTED_NODES EXPECTED_EDGES

Exit status 0 when networkx.read_graphml reads FILE with the expected numbers
of nodes and edges, every node has a str label and type, every entity node an int `documents`, every document node
(type "Document") a str `identifier`, and every edge a str
label and a float weight; 1 with a message on stderr otherwise; 2 on bad usage.
"""
import sys


def check(path, expected_nodes, expected_edges):
    import networkx

    graph = networkx.read_graphml(path)
    problems = []
    if not graph.is_directed():
        problems.append("graph is not directed")
    if graph.number_of_nodes() != expected_nodes:
        problems.append(f"{graph.number_of_nodes()} nodes, expected {expected_nodes}")
    if graph.number_of_edges() != expected_edges:
        problems.append(f"{graph.number_of_edges()} edges, expected {expected_edges}")
    for node, data in graph.nodes(data=True):
        if not isinstance(data.get("type"), str):
            problems.append(f"node {node}: type is {data.get('type')!r}, not a str")
        if not isinstance(data.get("label"), str) or not data["label"]:
            problems.append(f"node {node}: label is {data.get('label')!r}")
        if data.get("type") == "Document":
            if not isinstance(data.get("identifier"), str):
                problems.append(f"node {node}: document without its identifier")
        elif not isinstance(data.get("documents"), int):
            problems.append(f"node {node}: documents is {data.get('documents')!r}, not an int")
    for source, target, data in graph.edges(data=True):
        if not isinstance(data.get("weight"), float):
            problems.append(f"edge {source}->{target}: weight is {data.get('weight')!r}, not a float")
        if not isinstance(data.get("label"), str) or not data["label"]:
            problems.append(f"edge {source}->{target}: label is {data.get('label')!r}")
    return problems


def main(argv):
    if len(argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    path, nodes, edges = argv[1], int(argv[2]), int(argv[3])
    try:
        problems = check(path, nodes, edges)
    except Exception as error:  # an import or parse failure is a failed check
        problems = [f"{type(error).__name__}: {error}"]
    for p in problems:
        print(f"{path}: {p}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
