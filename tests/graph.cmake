# Corpus identity (graph/src/graph.cpp): node merging, IRIs, slugs and edges,
# on hand-made extract::Document values.
entente_unit_test(graph_test SOURCES graph_test.cpp LIBS entente::graph)
# IRIs that stay across the builds of a graph that grows (graph/stable_iris.hpp).
entente_unit_test(stable_iris_test SOURCES stable_iris_test.cpp LIBS entente::graph)
# The graph's document list (graph/documents.hpp): in memory, then spooled to
# an unlinked file; read in order, by index and through a Lookup alike.
entente_unit_test(documents_test SOURCES documents_test.cpp LIBS entente::graph)
