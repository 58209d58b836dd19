# Repeated articles (graph/src/duplicates.cpp): exact and near copies found,
# other articles on the same event not, and a copy adds nothing to the graph.
entente_unit_test(duplicates_test SOURCES duplicates_test.cpp LIBS entente::graph)
