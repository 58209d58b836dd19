# Every output format (export/include/entente/export/writers.hpp): the RDF
# syntaxes read back by serdi (and Serd's reader), evidence.ttl checked by
# sord_validate, GEXF read by libxml2 and networkx (gexf_check.py), DOT read by
# Graphviz when it is installed (the test is skipped otherwise).
find_path(ENTENTE_LV2_SCHEMAS rdfs.ttl
  PATHS /usr/lib/lv2 /usr/local/lib/lv2 /usr/lib64/lv2
  PATH_SUFFIXES schemas.lv2
  DOC "lv2-dev's W3C schemas (rdf.ttl rdfs.ttl owl.ttl xsd.ttl dct.ttl foaf.ttl)"
  REQUIRED)
find_program(ENTENTE_DOT dot DOC "Graphviz's dot (optional: checks graph.dot when present)")
set(ENTENTE_DOT_PATH "")
if(ENTENTE_DOT)
  set(ENTENTE_DOT_PATH "${ENTENTE_DOT}")
endif()
entente_unit_test(formats_test SOURCES formats_test.cpp
  LIBS entente::export PkgConfig::SERD LibXml2::LibXml2 nlohmann_json::nlohmann_json)
target_compile_definitions(formats_test PRIVATE
  ENTENTE_LV2_SCHEMAS="${ENTENTE_LV2_SCHEMAS}"
  ENTENTE_DOT="${ENTENTE_DOT_PATH}")
