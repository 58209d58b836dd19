# scripts/dask_extract.py: extraction as tasks on a Dask LocalCluster (two
# worker processes on 127.0.0.1, Debian's python3-distributed), then the build
# from the shards' results: the same bytes as one `entente build`; a failed
# task retried; a shard failing twice reported without losing the others.
entente_e2e_test(dask_e2e_test SOURCES dask_e2e_test.cpp)
