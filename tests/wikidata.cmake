# Wikidata links (graph/src/wikidata.cpp, wikidata_import.cpp): the built-in
# index, index files and their version line, dump import on
# fixtures/wikidata (compressed to .gz and .bz2 at run time, hence zlib and
# libbz2), and link_wikidata on a hand-made graph.
find_package(ZLIB REQUIRED)
find_package(BZip2 REQUIRED)
entente_unit_test(wikidata_test SOURCES wikidata_test.cpp LIBS entente::graph ZLIB::ZLIB BZip2::BZip2)
