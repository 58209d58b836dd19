entente_e2e_test(e2e_test SOURCES e2e_test.cpp)
entente_e2e_test(cli_e2e_test SOURCES cli_e2e_test.cpp)
entente_e2e_test(docs_test SOURCES docs_test.cpp)
entente_e2e_test(interrupt_e2e_test SOURCES interrupt_e2e_test.cpp)
