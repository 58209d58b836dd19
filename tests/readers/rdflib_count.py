#!/usr/bin/env python3
"""Parses an RDF file with rdflib (Debian's python3-rdflib) and prints how many
statements it read, for tests/hostile_e2e_test.cpp.

Usage: rdflib_count.py FILE turtle|nt|nquads|trig

Prints {"statements": N} on stdout and exits 0; exits 1 with rdflib's message
on stderr when it cannot parse the file, 2 on bad usage. For N-Quads and TriG
the statements of every graph are counted (a Dataset).
"""
import json
import sys


def count(path, syntax):
    import rdflib

    if syntax in ("nquads", "trig"):
        data = rdflib.Dataset()
        data.parse(path, format=syntax)
        return sum(1 for _ in data.quads((None, None, None, None)))
    graph = rdflib.Graph()
    graph.parse(path, format=syntax)
    return len(graph)


def main(argv):
    if len(argv) != 3 or argv[2] not in ("turtle", "nt", "nquads", "trig"):
        print(__doc__, file=sys.stderr)
        return 2
    try:
        n = count(argv[1], argv[2])
    except Exception as error:  # a parse failure is a failed read
        print(f"{argv[1]}: rdflib: {type(error).__name__}: {error}", file=sys.stderr)
        return 1
    json.dump({"statements": n}, sys.stdout)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
