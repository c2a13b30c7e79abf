# Writes OUTPUT, a C++ table of the pages of DOCS (checker/docs/*.md), so that
# both tools carry the help of every check whatever is installed beside them.
# Run at build time (checker/sarif/CMakeLists.txt): editing a page rebuilds.
file(GLOB pages "${DOCS}/*.md")
list(SORT pages)
set(delimiter "racelab_doc")
set(body "")
foreach(page IN LISTS pages)
  get_filename_component(name "${page}" NAME_WE)
  file(READ "${page}" text)
  string(FIND "${text}" ")${delimiter}\"" clash)
  if(NOT clash EQUAL -1)
    message(FATAL_ERROR "${page} contains ')${delimiter}\"', which ends the raw string it is embedded in")
  endif()
  string(APPEND body "    {\"${name}\", R\"${delimiter}(${text})${delimiter}\"},\n")
endforeach()
file(WRITE "${OUTPUT}.new" "// Generated from checker/docs by checker/sarif/embed_docs.cmake.\n${body}")
file(COPY_FILE "${OUTPUT}.new" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.new")
