# Where users take the graph (docs/GEPHI.md): GraphML read by networkx, igraph
# and graphology-graphml (Gephi Lite's reader), GEXF by networkx and
# graphology-gexf, report.html written (report_test, unit) and opened in
# headless Chromium (gephi_test, e2e; screenshot in gephi-artefacts/).
# The readers of Gephi Lite are npm packages pinned by tests/gephi/package-lock.json
# and installed by scripts/setup.sh (`npm ci --prefix tests/gephi`).
find_program(ENTENTE_NODE node DOC "Node.js, for graphology (tests/gephi)")
find_program(ENTENTE_CHROMIUM NAMES chromium chromium-browser DOC "Chromium, to open report.html headless")
find_program(ENTENTE_DOT dot DOC "Graphviz's dot (optional: checks graph.dot when present)")
set(ENTENTE_DOT_PATH "")
if(ENTENTE_DOT)
  set(ENTENTE_DOT_PATH "${ENTENTE_DOT}")
endif()

entente_unit_test(report_test SOURCES report_test.cpp LIBS entente::export)
target_compile_definitions(report_test PRIVATE ENTENTE_DOT="${ENTENTE_DOT_PATH}")

entente_e2e_test(gephi_test SOURCES gephi_test.cpp)
# test_support.hpp (running tools) includes entente/extract/document.hpp.
target_link_libraries(gephi_test PRIVATE entente::extract)
target_compile_definitions(gephi_test PRIVATE
  ENTENTE_NODE="${ENTENTE_NODE}"
  ENTENTE_CHROMIUM="${ENTENTE_CHROMIUM}"
  ENTENTE_GEPHI_ARTEFACTS="${CMAKE_CURRENT_BINARY_DIR}/gephi-artefacts")
