# Where users take the graph (docs/GEPHI.md): GraphML read by networkx, igraph
# and graphology-graphml (Gephi Lite's reader), GEXF by networkx and
# graphology-gexf (gephi_test, e2e). report.html: report.cmake.
# The readers of Gephi Lite are npm packages pinned by tests/gephi/package-lock.json
# and installed by scripts/setup.sh (`npm ci --prefix tests/gephi`).
find_program(ENTENTE_NODE node DOC "Node.js, for graphology (tests/gephi)")
entente_e2e_test(gephi_test SOURCES gephi_test.cpp)
# test_support.hpp (running tools) includes entente/extract/document.hpp.
target_link_libraries(gephi_test PRIVATE entente::extract)
target_compile_definitions(gephi_test PRIVATE
  ENTENTE_NODE="${ENTENTE_NODE}")
