# The cooperation ontology (ontology/coop.ttl) against its header of IRIs
# (entente/ontology/vocab.hpp), read with Serd, and checked by sord_validate
# with the W3C schemas of lv2-dev and ontology/schemas/*.ttl.
find_path(ENTENTE_LV2_SCHEMAS rdfs.ttl
  PATHS /usr/lib/lv2 /usr/local/lib/lv2 /usr/lib64/lv2
  PATH_SUFFIXES schemas.lv2
  DOC "lv2-dev's W3C schemas (rdf.ttl rdfs.ttl owl.ttl xsd.ttl dct.ttl foaf.ttl)"
  REQUIRED)
entente_unit_test(ontology_test SOURCES ontology_test.cpp LIBS entente::ontology PkgConfig::SERD)
target_compile_definitions(ontology_test PRIVATE ENTENTE_LV2_SCHEMAS="${ENTENTE_LV2_SCHEMAS}")
