# Ingest (ingest/): inputs -> documents. Formats, archives, encodings,
# metadata and languages on fixtures written for the project
# (fixtures/ingest/, see README.md there; archives are made from them at run
# time with libarchive), and the reading thread (ingest/read_ahead.hpp).
find_package(LibArchive REQUIRED)
entente_unit_test(ingest_test SOURCES ingest_test.cpp LIBS entente::ingest LibArchive::LibArchive)
entente_unit_test(ingest_read_ahead_test SOURCES ingest_read_ahead_test.cpp LIBS entente::ingest)
# `entente build` on those inputs: the same articles in every format give the
# same facts; metadata in every output; warnings and counts of the summary.
entente_e2e_test(ingest_e2e_test SOURCES ingest_e2e_test.cpp)
