# Corpus identity (graph/src/graph.cpp): node merging, IRIs, slugs and edges,
# on hand-made extract::Document values.
entente_unit_test(graph_test SOURCES graph_test.cpp LIBS entente::graph)
