# cmake -DMANIFEST=<exercise.json> [-DFIELD=<field>] -P RacelabManifestCheck.cmake
#
# Checks an exercise's manifest as the configure step does (cmake/RacelabManifest.cmake),
# without a build: one line naming the file and the field on a mistake, exit status 1.
# With FIELD (number, folder, title, pitfall, contract, sources, solutions,
# timeout_seconds, hints), prints that field's value on standard output.
cmake_minimum_required(VERSION 3.25)  # script mode: the policies of the build (IN_LIST, cmake_path)
include(${CMAKE_CURRENT_LIST_DIR}/RacelabManifest.cmake)
if(NOT MANIFEST)
  message(FATAL_ERROR "usage: cmake -DMANIFEST=<exercise.json> [-DFIELD=<field>] -P ${CMAKE_CURRENT_LIST_FILE}")
endif()
racelab_read_exercise_manifest(${MANIFEST} manifest)
set(fields number NUMBER folder FOLDER title TITLE pitfall PITFALL contract CONTRACT sources SOURCES
           solutions SOLUTIONS timeout_seconds TIMEOUT hints HINTS)
if(FIELD)
  list(FIND fields ${FIELD} at)
  if(at LESS 0)
    message(FATAL_ERROR "${MANIFEST}: FIELD=${FIELD}: not a field this script prints")
  endif()
  math(EXPR at "${at} + 1")
  list(GET fields ${at} variable)
  execute_process(COMMAND ${CMAKE_COMMAND} -E echo "${manifest_${variable}}")
endif()
