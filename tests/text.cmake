# Text stages of extract/: reader (text -> Document text), segment (tokens and
# sentences) and dates. Fixtures in fixtures/text/ (see README.md there).
entente_unit_test(reader_test SOURCES reader_test.cpp LIBS entente::extract)
entente_unit_test(segment_test SOURCES segment_test.cpp LIBS entente::extract)
entente_unit_test(dates_test SOURCES dates_test.cpp LIBS entente::extract)
