# The scorer (eval/): label folding, gold JSON and RDF read with errors at
# their byte offset, and the counts on a tiny hand-written corpus.
entente_unit_test(score_test SOURCES score_test.cpp LIBS entente::eval)
