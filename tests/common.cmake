# common/: ordered_parallel, the pipeline under `entente build --jobs N` and
# under evidence.ttl's pieces.
entente_unit_test(common_test SOURCES ordered_parallel_test.cpp LIBS entente::common)
