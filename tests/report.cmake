# report.html (docs/FORMATS.md, "report.html"): the page written from a
# hand-made graph, its graph data and the ForceAtlas2 layout (report_test,
# unit); the page opened in Debian's headless Chromium, driven by
# puppeteer-core (npm, pinned by tests/report/package-lock.json, installed by
# scripts/setup.sh) on the seeds and on 2,000 documents, with screenshots in
# report-screenshots/ of the build folder (report_e2e_test, e2e).
find_program(ENTENTE_NODE node DOC "Node.js, for graphology (tests/gephi) and puppeteer-core (tests/report)")
find_program(ENTENTE_CHROMIUM NAMES chromium chromium-browser DOC "Chromium, to open report.html headless")
set(ENTENTE_NODE_PATH "")
if(ENTENTE_NODE)
  set(ENTENTE_NODE_PATH "${ENTENTE_NODE}")
endif()
set(ENTENTE_CHROMIUM_PATH "")
if(ENTENTE_CHROMIUM)
  set(ENTENTE_CHROMIUM_PATH "${ENTENTE_CHROMIUM}")
endif()

entente_unit_test(report_test SOURCES report_test.cpp LIBS entente::export nlohmann_json::nlohmann_json)

entente_e2e_test(report_e2e_test SOURCES report_e2e_test.cpp)
# test_support.hpp includes entente/extract/document.hpp.
target_link_libraries(report_e2e_test PRIVATE entente::extract)
target_compile_definitions(report_e2e_test PRIVATE
  ENTENTE_NODE="${ENTENTE_NODE_PATH}"
  ENTENTE_CHROMIUM="${ENTENTE_CHROMIUM_PATH}"
  ENTENTE_REPORT_SCREENSHOTS="${PROJECT_BINARY_DIR}/report-screenshots")
