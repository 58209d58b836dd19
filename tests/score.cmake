# The scorer (eval/, `entente score`): label folding, gold JSON and RDF read
# with errors at their byte offset, and the counts on a tiny hand-written
# corpus (unit); the command, and its figures beside ../shared/eval/score.py
# on the seed and dev builds (e2e, skipped when ../shared is absent).
entente_unit_test(score_test SOURCES score_test.cpp LIBS entente::eval)
entente_e2e_test(score_e2e_test SOURCES score_e2e_test.cpp)
