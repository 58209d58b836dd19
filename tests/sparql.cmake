# SPARQL stores: the seed graph loads into Oxigraph (npm package, installed in
# tests/sparql/node_modules by scripts/setup.sh) and docs/queries/*.rq answer
# what docs/SPARQL.md says. Needs `node` at run time; fails if it is missing.
entente_e2e_test(sparql_test SOURCES sparql_test.cpp)
