entente_e2e_test(e2e_test SOURCES e2e_test.cpp)
