# The bundled example corpus (examples/articles, gold in examples/gold.json):
# the checked-in examples/graph.{ttl,graphml} must be what the current build
# writes, and the graph must stay above a quality floor on the gold. Label "e2e".
entente_e2e_test(examples_test SOURCES examples_test.cpp)
