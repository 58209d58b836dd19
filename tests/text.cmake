# Text stages of extract/: reader (bytes -> Document text), segment (tokens and
# sentences) and dates. Fixtures in fixtures/text/ (see README.md there).
entente_unit_test(reader_test SOURCES reader_test.cpp LIBS entente::extract)
entente_unit_test(segment_test SOURCES segment_test.cpp LIBS entente::extract)
entente_unit_test(dates_test SOURCES dates_test.cpp LIBS entente::extract)
# app/read_ahead.hpp: input files read on a thread of their own, ahead of extraction.
entente_unit_test(read_ahead_test SOURCES read_ahead_test.cpp LIBS entente::extract)
