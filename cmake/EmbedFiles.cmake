# solieu_embed_files(TARGET FILE...) builds a static library holding the
# contents of FILE... (paths relative to the source tree), looked up by
# corpus/rules.h. Regenerated whenever a file changes.
function(solieu_embed_files target)
  set(out ${CMAKE_CURRENT_BINARY_DIR}/${target}_embedded.cc)
  set(abs_files)
  foreach(f ${ARGN})
    list(APPEND abs_files ${CMAKE_SOURCE_DIR}/${f})
  endforeach()
  string(REPLACE ";" "|" joined "${ARGN}")
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DSOURCE_DIR=${CMAKE_SOURCE_DIR} -DOUTPUT=${out}
            "-DFILES=${joined}" -P ${CMAKE_SOURCE_DIR}/cmake/GenerateEmbedded.cmake
    DEPENDS ${abs_files} ${CMAKE_SOURCE_DIR}/cmake/GenerateEmbedded.cmake
    COMMENT "Embedding rule files and SQL"
    VERBATIM)
  add_library(${target} STATIC ${out})
endfunction()
