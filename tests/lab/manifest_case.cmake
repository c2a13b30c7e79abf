# cmake -DGOOD=<exercise.json> -DFROM=<text> -DTO=<text> -DWORK=<dir> -P manifest_case.cmake
#
# One case of the manifest reader's tests: the good manifest with FROM replaced
# by TO, read as the configure step reads it (cmake/RacelabManifest.cmake).
# The test registering it checks the error message (or, FROM empty, that none comes).
cmake_minimum_required(VERSION 3.25)
include(${CMAKE_CURRENT_LIST_DIR}/../../cmake/RacelabManifest.cmake)
file(READ ${GOOD} text)
if(FROM)
  string(FIND "${text}" "${FROM}" at)
  if(at LESS 0)
    message(FATAL_ERROR "manifest case: '${FROM}' is not in ${GOOD}: the case tests nothing")
  endif()
  string(REPLACE "${FROM}" "${TO}" text "${text}")
endif()
cmake_path(GET GOOD PARENT_PATH folder)
cmake_path(GET folder FILENAME folder)
file(WRITE ${WORK}/${folder}/exercise.json "${text}")
racelab_read_exercise_manifest(${WORK}/${folder}/exercise.json case)
message("manifest read: exercise ${case_NUMBER}, judges ${case_JUDGES}, starter ${case_STARTER_FAILS}")
