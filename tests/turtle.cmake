# Turtle export (export/src/turtle.cpp): read back by serdi, checked by
# sord_validate against ontology/coop.ttl and the schemas (see ontology.cmake).
find_path(ENTENTE_LV2_SCHEMAS rdfs.ttl
  PATHS /usr/lib/lv2 /usr/local/lib/lv2 /usr/lib64/lv2
  PATH_SUFFIXES schemas.lv2
  DOC "lv2-dev's W3C schemas (rdf.ttl rdfs.ttl owl.ttl xsd.ttl dct.ttl foaf.ttl)"
  REQUIRED)
entente_unit_test(turtle_test SOURCES turtle_test.cpp LIBS entente::export)
target_compile_definitions(turtle_test PRIVATE ENTENTE_LV2_SCHEMAS="${ENTENTE_LV2_SCHEMAS}")
