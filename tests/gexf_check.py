#!/usr/bin/env python3
"""Reads an Entente GEXF file with networkx, as it is, and prints what it read, as JSON.

Usage: gexf_check.py FILE

networkx.read_gexf(FILE) with its defaults: GEXF 1.2draft, which networkx 2.8
(Debian 12) and networkx 3 both read. Prints on stdout
  {"directed": bool, "mode": str,
   "nodes": {id: {"label", "type", "start", "color": [r, g, b], "size"}},
   "edges": [{"source", "target", "label", "relation", "weight", "start"}]}
(absent values as null) and exits 0; exits 1 with a message on stderr when
networkx cannot read the file, 2 on bad usage.
"""
import json
import sys


def read(path):
    import networkx
    graph = networkx.read_gexf(path)
    nodes = {}
    for node, data in graph.nodes(data=True):
        viz = data.get("viz", {})
        color = viz.get("color")
        nodes[node] = {
            "label": data.get("label"),
            "type": data.get("type"),
            "start": data.get("start"),
            "color": [color["r"], color["g"], color["b"]] if color else None,
            "size": viz.get("size"),
        }
    edges = []
    for source, target, data in graph.edges(data=True):
        edges.append({
            "source": source,
            "target": target,
            "label": data.get("label"),
            "relation": data.get("relation"),
            "weight": data.get("weight"),
            "start": data.get("start"),
        })
    return {"directed": graph.is_directed(), "mode": graph.graph.get("mode"), "nodes": nodes, "edges": edges}


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    try:
        result = read(sys.argv[1])
    except Exception as error:  # an import or parse failure is a failed check
        print(f"{sys.argv[1]}: {type(error).__name__}: {error}", file=sys.stderr)
        sys.exit(1)
    json.dump(result, sys.stdout, ensure_ascii=False, sort_keys=True)
