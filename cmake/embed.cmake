# embed_files(TARGET SYMBOL DIR GLOBS...): compiles the files under DIR that match GLOBS into
# TARGET as a function `std::span<const andel::EmbeddedFile> SYMBOL()` (see src/core/embedded.h).
function(embed_files target symbol dir)
  set(files)
  foreach(pattern IN LISTS ARGN)
    file(GLOB_RECURSE matched CONFIGURE_DEPENDS "${dir}/${pattern}")
    list(APPEND files ${matched})
  endforeach()
  list(SORT files)
  embed_file_list(${target} ${symbol} "${dir}" ${files})
endfunction()

# embed_file_list(TARGET SYMBOL DIR FILES...): the same for files named one by one, which may be
# made at build time (each path is stored relative to DIR).
function(embed_file_list target symbol dir)
  set(files ${ARGN})
  set(output "${CMAKE_CURRENT_BINARY_DIR}/${symbol}.cpp")
  string(REPLACE ";" "|" file_arg "${files}")
  add_custom_command(
    OUTPUT "${output}"
    COMMAND ${CMAKE_COMMAND} -DSYMBOL=${symbol} -DDIR=${dir} -DOUTPUT=${output}
            "-DFILES=${file_arg}" -P "${CMAKE_CURRENT_FUNCTION_LIST_DIR}/embed_run.cmake"
    DEPENDS ${files} "${CMAKE_CURRENT_FUNCTION_LIST_DIR}/embed_run.cmake"
    COMMENT "Embedding ${symbol}"
    VERBATIM)
  target_sources(${target} PRIVATE "${output}")
endfunction()
