# Corpus identity (graph/src/graph.cpp): node merging, IRIs, slugs and edges,
# on hand-made extract::Document values.
entente_unit_test(graph_test SOURCES graph_test.cpp LIBS entente::graph)
# IRIs that stay across the builds of a graph that grows (graph/stable_iris.hpp).
entente_unit_test(stable_iris_test SOURCES stable_iris_test.cpp LIBS entente::graph)
