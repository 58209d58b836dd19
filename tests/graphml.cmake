# GraphML export: boost::read_graphml (hence Boost::graph), property_tree and
# networkx (graphml_check.py, run by the NetworkxReadsIt test through ENTENTE_PYTHON).
entente_unit_test(graphml_test SOURCES graphml_test.cpp LIBS entente::export Boost::graph)
