# entente_embed_files(TARGET FILES...)
# Generates a C++ source that holds each file's bytes, so that language data
# and the ontology travel inside the binary (Entente works offline, anywhere).
# Each file is reachable through entente::embedded::entries_<TARGET>(), by its
# base name. The source is made when CMake configures.
#
# entente_embed_files_at_build(TARGET FILES...)
# The same, made at build time whenever one of the files changes: for files
# that are not in the repository but installed by scripts/setup.sh (report/
# node_modules). A target uses one of the two, not both.
include(${CMAKE_CURRENT_LIST_DIR}/EmbedFilesScript.cmake)

function(entente_embed_files target)
  set(out "${CMAKE_CURRENT_BINARY_DIR}/${target}_embedded.cpp")
  entente_embed_generate("${out}" "${target}" ${ARGN})
  foreach(file IN LISTS ARGN)
    set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${file}")
  endforeach()
  target_sources(${target} PRIVATE "${out}")
endfunction()

function(entente_embed_files_at_build target)
  set(out "${CMAKE_CURRENT_BINARY_DIR}/${target}_embedded.cpp")
  string(REPLACE ";" "|" files "${ARGN}")
  add_custom_command(OUTPUT "${out}"
    COMMAND ${CMAKE_COMMAND} "-DENTENTE_EMBED_OUT=${out}" "-DENTENTE_EMBED_TARGET=${target}"
            "-DENTENTE_EMBED_FILES=${files}" -P "${ENTENTE_EMBED_SCRIPT}"
    DEPENDS ${ARGN} "${ENTENTE_EMBED_SCRIPT}"
    COMMENT "Embedding ${target}'s files"
    VERBATIM)
  target_sources(${target} PRIVATE "${out}")
endfunction()
