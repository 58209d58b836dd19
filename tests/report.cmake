# report.html (docs/FORMATS.md, "report.html"): the page written from a
# hand-made graph, its graph data and the ForceAtlas2 layout (report_test,
# unit).
entente_unit_test(report_test SOURCES report_test.cpp LIBS entente::export nlohmann_json::nlohmann_json)
