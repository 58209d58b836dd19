# Recognition stages of extract/: the French language data (lexicon_test, which
# includes the internal extract/src/lexicon.hpp), mentions and entities
# (recognize_test) and relations (relations_test), on texts written for the tests.
entente_unit_test(lexicon_test SOURCES lexicon_test.cpp LIBS entente::extract)
entente_unit_test(recognize_test SOURCES recognize_test.cpp LIBS entente::extract)
entente_unit_test(relations_test SOURCES relations_test.cpp LIBS entente::extract)
