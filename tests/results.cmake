# Extraction results as files (results/): a record read back is the record
# written; a file of another version, cut short or broken is refused with a
# message naming it; several files read as one corpus in one build's order.
entente_unit_test(results_test SOURCES results_test.cpp LIBS entente::results entente::extract)
# `entente extract -o` then `entente build --from`, whatever the split of the
# documents into files: the same bytes as one `entente build`.
entente_e2e_test(results_e2e_test SOURCES results_e2e_test.cpp)
# `entente build ARTICLES --state DIR`: after any sequence of updates, the
# bytes of one build of every article given; only new documents extracted.
entente_e2e_test(state_e2e_test SOURCES state_e2e_test.cpp)
# Record caches of a state folder: the binary form reads back as the JSON
# line does, a cache is read only while it matches its results file (made
# again otherwise), and a broken one is named.
entente_unit_test(record_cache_test SOURCES record_cache_test.cpp LIBS entente::results entente::extract)
