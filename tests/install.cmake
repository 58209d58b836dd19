# `cmake --install` into a temporary prefix, then the installed program on the
# examples, its man page against every --help, and bash completion
# (install_check.sh).
add_test(NAME Install.IntoAPrefixRunsTheExamplesWithManPageAndCompletion
  COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/install_check.sh ${PROJECT_BINARY_DIR} ${PROJECT_SOURCE_DIR})
set_tests_properties(Install.IntoAPrefixRunsTheExamplesWithManPageAndCompletion PROPERTIES LABELS e2e)
