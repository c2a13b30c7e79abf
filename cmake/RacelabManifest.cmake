# An exercise's manifest, tests/exercises/NN-name/exercise.json: everything
# about the exercise in one file, read here with string(JSON) and by the
# racelab CLI with Boost.JSON (lab/core/exercise_manifest.cpp). Its fields:
#
#   number             whole number ≥ 1; the folder's NN
#   folder             "NN-name", the name of the folder holding the manifest
#   title, pitfall     one line each, for the READMEs and `racelab list`
#   contract           the header in exercises/<folder>/ that the grader calls
#   sources            the student's files, in exercises/<folder>/
#   grader             { tests: Boost.Test sources (no main), support: kit sources linked with the
#                        student's code, libraries: CMake targets, include_dirs: folders relative
#                        to the kit's root, definitions: for every file of the program,
#                        coroutines_across_threads: the TSan build avoids clang 16's -O1
#                        miscompilation (RACELAB_COROUTINE_TSAN_OPTIONS), why: a note }
#   solutions          approaches, each a folder solutions/<folder>/<approach>/ (the first is
#                      what RACELAB_SOURCE=solutions grades)
#   timeout_seconds    per judge run; a hang past it is reported as a possible deadlock
#   allow_sleep        the task sleeps on purpose: a sleep is not an escape hatch (default false)
#   starter            { fails: { judge: regex, … }, why } the judges the starter must fail, and
#                      what each must say
#   wrong_fixes        [ { name, fails: { judge: regex, … }, why } ] plausible but wrong fixes in
#                      tests/exercises/<folder>/wrong-fixes/<name>/ (the files they change)
#   perf               { adapter, strategies } perf exercises: the adapter registering the
#                      student's strategies with the bench driver, and their names
#   hints              how many numbered hints the README's "## Hints" section gives
#   policy             the grading policy's allow-list (read by racelab-check --policy)
#
# Judges: functional, tsan, static, and perf when the exercise has `perf`.
# A mistake stops the configure step with one line naming the file and the field.

set(RACELAB_MANIFEST_KEYS number folder title pitfall contract sources grader solutions timeout_seconds
    allow_sleep starter wrong_fixes perf hints policy)
set(RACELAB_MANIFEST_REQUIRED number folder title pitfall contract sources grader solutions timeout_seconds
    starter hints policy)
set(_racelab_manifest_grader_keys tests support libraries include_dirs definitions coroutines_across_threads why)

function(_racelab_manifest_fail file field message)
  message(FATAL_ERROR "${file}: ${field}: ${message}")
endfunction()

# <out> = the JSON type of the member of <json> at the path given after it
# (NULL, NUMBER, STRING, BOOLEAN, ARRAY, OBJECT), or MISSING.
function(_racelab_json_type out json)
  string(JSON type ERROR_VARIABLE error TYPE "${json}" ${ARGN})
  if(error)
    set(type MISSING)
  endif()
  set(${out} ${type} PARENT_SCOPE)
endfunction()

# Refuses a member of <json> not in <known>: a misspelt key would otherwise be ignored.
function(_racelab_manifest_known_keys file where json known)
  string(JSON count LENGTH "${json}")
  if(count EQUAL 0)
    return()
  endif()
  math(EXPR last "${count} - 1")
  foreach(i RANGE ${last})
    string(JSON key MEMBER "${json}" ${i})
    if(NOT key IN_LIST known)
      string(REPLACE ";" ", " known_text "${known}")
      _racelab_manifest_fail(${file} "${where}${key}" "unknown key (known: ${known_text})")
    endif()
  endforeach()
endfunction()

# _racelab_manifest_string(<out> <file> <field> <json> <path…>): the non-empty
# string at <path> in <json>; <field> names it in messages.
function(_racelab_manifest_string out file field json)
  _racelab_json_type(type "${json}" ${ARGN})
  if(NOT type STREQUAL "STRING")
    _racelab_manifest_fail(${file} ${field} "expected a string, found ${type}")
  endif()
  string(JSON value GET "${json}" ${ARGN})
  if(value STREQUAL "")
    _racelab_manifest_fail(${file} ${field} "must not be empty")
  endif()
  set(${out} "${value}" PARENT_SCOPE)
endfunction()

# <out> = the array of strings <json>.<key> as a CMake list (empty when absent and optional).
function(_racelab_manifest_strings out file field json key required)
  _racelab_json_type(type "${json}" ${key})
  set(values "")
  if(type STREQUAL "MISSING" AND NOT required)
    set(${out} "" PARENT_SCOPE)
    return()
  endif()
  if(NOT type STREQUAL "ARRAY")
    _racelab_manifest_fail(${file} ${field} "expected an array of strings, found ${type}")
  endif()
  string(JSON count LENGTH "${json}" ${key})
  if(count EQUAL 0 AND required)
    _racelab_manifest_fail(${file} ${field} "must name at least one")
  endif()
  if(count GREATER 0)
    math(EXPR last "${count} - 1")
    foreach(i RANGE ${last})
      _racelab_manifest_string(value ${file} "${field}[${i}]" "${json}" ${key} ${i})
      if(value MATCHES ";")
        _racelab_manifest_fail(${file} "${field}[${i}]" "must not hold ';'")
      endif()
      list(APPEND values "${value}")
    endforeach()
  endif()
  set(${out} "${values}" PARENT_SCOPE)
endfunction()

# A note (`why`): a non-empty string when present.
function(_racelab_manifest_optional_string file field json key)
  _racelab_json_type(type "${json}" ${key})
  if(NOT type STREQUAL "MISSING")
    _racelab_manifest_string(value ${file} ${field} "${json}" ${key})
  endif()
endfunction()

# <out> = the whole number <json>.<key>, at least <minimum>.
function(_racelab_manifest_whole out file field json key minimum)
  _racelab_json_type(type "${json}" ${key})
  if(NOT type STREQUAL "NUMBER")
    _racelab_manifest_fail(${file} ${field} "expected a whole number, found ${type}")
  endif()
  string(JSON value GET "${json}" ${key})
  if(NOT value MATCHES "^[0-9]+$" OR value LESS minimum)
    _racelab_manifest_fail(${file} ${field} "expected a whole number ≥ ${minimum}, found ${value}")
  endif()
  set(${out} ${value} PARENT_SCOPE)
endfunction()

# <out> = the boolean <json>.<key> as TRUE/FALSE (FALSE when absent).
function(_racelab_manifest_bool out file field json key)
  _racelab_json_type(type "${json}" ${key})
  if(type STREQUAL "MISSING")
    set(${out} FALSE PARENT_SCOPE)
    return()
  endif()
  if(NOT type STREQUAL "BOOLEAN")
    _racelab_manifest_fail(${file} ${field} "expected true or false, found ${type}")
  endif()
  string(JSON value GET "${json}" ${key})
  set(${out} ${value} PARENT_SCOPE)
endfunction()

# A regex on its way through CMake lists: ';', '[', ']' and '\' would split
# it or glue it to the next item, so they travel as placeholders, restored by
# racelab_decode_pattern where the pattern is used.
function(racelab_encode_pattern out pattern)
  string(REPLACE "\\" "<racelab:bs>" pattern "${pattern}")
  string(REPLACE ";" "<racelab:sc>" pattern "${pattern}")
  string(REPLACE "[" "<racelab:lb>" pattern "${pattern}")
  string(REPLACE "]" "<racelab:rb>" pattern "${pattern}")
  set(${out} "${pattern}" PARENT_SCOPE)
endfunction()

function(racelab_decode_pattern out pattern)
  string(REPLACE "<racelab:rb>" "]" pattern "${pattern}")
  string(REPLACE "<racelab:lb>" "[" pattern "${pattern}")
  string(REPLACE "<racelab:sc>" ";" pattern "${pattern}")
  string(REPLACE "<racelab:bs>" "\\" pattern "${pattern}")
  set(${out} "${pattern}" PARENT_SCOPE)
endfunction()

# <out> = `judge <encoded regex> …` from the object { judge: regex, … } at <json>.<key>.
function(_racelab_manifest_failures out file field json key judges)
  _racelab_json_type(type "${json}" ${key})
  if(NOT type STREQUAL "OBJECT")
    _racelab_manifest_fail(${file} ${field} "expected an object { judge: regex, … }, found ${type}")
  endif()
  string(JSON object GET "${json}" ${key})
  string(JSON count LENGTH "${object}")
  if(count EQUAL 0)
    _racelab_manifest_fail(${file} ${field} "must name at least one judge")
  endif()
  _racelab_manifest_known_keys(${file} "${field}." "${object}" "${judges}")
  set(pairs "")
  math(EXPR last "${count} - 1")
  foreach(i RANGE ${last})
    string(JSON judge MEMBER "${object}" ${i})
    _racelab_manifest_string(pattern ${file} "${field}.${judge}" "${object}" ${judge})
    racelab_encode_pattern(pattern "${pattern}")
    list(APPEND pairs ${judge} "${pattern}")
  endforeach()
  set(${out} "${pairs}" PARENT_SCOPE)
endfunction()

# (The macros below take the name of the variable holding the JSON text.)
# <prefix>_TESTS, _SUPPORT, _LIBRARIES, _INCLUDE_DIRS, _DEFINITIONS, _COROUTINES from "grader".
macro(_racelab_manifest_read_grader file json prefix)
  _racelab_json_type(_type "${${json}}" grader)
  if(NOT _type STREQUAL "OBJECT")
    _racelab_manifest_fail(${file} grader "expected an object, found ${_type}")
  endif()
  string(JSON _grader GET "${${json}}" grader)
  _racelab_manifest_known_keys(${file} "grader." "${_grader}" "${_racelab_manifest_grader_keys}")
  _racelab_manifest_strings(${prefix}_TESTS ${file} grader.tests "${_grader}" tests TRUE)
  foreach(_key support libraries include_dirs definitions)
    string(TOUPPER ${_key} _upper)
    _racelab_manifest_strings(${prefix}_${_upper} ${file} grader.${_key} "${_grader}" ${_key} FALSE)
  endforeach()
  _racelab_manifest_bool(${prefix}_COROUTINES ${file} grader.coroutines_across_threads "${_grader}"
                         coroutines_across_threads)
  _racelab_manifest_optional_string(${file} grader.why "${_grader}" why)
endmacro()

# <prefix>_PERF_ADAPTER and <prefix>_PERF_STRATEGIES from "perf" (empty when absent).
macro(_racelab_manifest_read_perf file json prefix)
  set(${prefix}_PERF_ADAPTER "")
  set(${prefix}_PERF_STRATEGIES "")
  _racelab_json_type(_type "${${json}}" perf)
  if(NOT _type STREQUAL "MISSING")
    if(NOT _type STREQUAL "OBJECT")
      _racelab_manifest_fail(${file} perf "expected an object { adapter, strategies }, found ${_type}")
    endif()
    string(JSON _perf GET "${${json}}" perf)
    _racelab_manifest_known_keys(${file} "perf." "${_perf}" "adapter;strategies")
    _racelab_manifest_string(${prefix}_PERF_ADAPTER ${file} perf.adapter "${_perf}" adapter)
    _racelab_manifest_strings(${prefix}_PERF_STRATEGIES ${file} perf.strategies "${_perf}" strategies TRUE)
  endif()
endmacro()

# <prefix>_STARTER_FAILS, <prefix>_WRONG_FIXES (names) and, for each name at
# index i, <prefix>_WRONG_FIX_<i>_FAILS: `judge <encoded regex> …` lists.
macro(_racelab_manifest_read_expectations file json prefix judges)
  _racelab_json_type(_type "${${json}}" starter)
  if(NOT _type STREQUAL "OBJECT")
    _racelab_manifest_fail(${file} starter "expected an object { fails, why }, found ${_type}")
  endif()
  string(JSON _starter GET "${${json}}" starter)
  _racelab_manifest_known_keys(${file} "starter." "${_starter}" "fails;why")
  _racelab_manifest_failures(${prefix}_STARTER_FAILS ${file} starter.fails "${_starter}" fails "${judges}")
  _racelab_manifest_optional_string(${file} starter.why "${_starter}" why)
  set(${prefix}_WRONG_FIXES "")
  _racelab_json_type(_type "${${json}}" wrong_fixes)
  if(NOT _type STREQUAL "MISSING" AND NOT _type STREQUAL "ARRAY")
    _racelab_manifest_fail(${file} wrong_fixes "expected an array of { name, fails, why }, found ${_type}")
  endif()
  if(_type STREQUAL "ARRAY")
    string(JSON _count LENGTH "${${json}}" wrong_fixes)
    set(_index 0)
    while(_index LESS _count)
      set(_field "wrong_fixes[${_index}]")
      _racelab_json_type(_type "${${json}}" wrong_fixes ${_index})
      if(NOT _type STREQUAL "OBJECT")
        _racelab_manifest_fail(${file} ${_field} "expected an object { name, fails, why }, found ${_type}")
      endif()
      string(JSON _fix GET "${${json}}" wrong_fixes ${_index})
      _racelab_manifest_known_keys(${file} "${_field}." "${_fix}" "name;fails;why")
      _racelab_manifest_string(_name ${file} ${_field}.name "${_fix}" name)
      _racelab_manifest_optional_string(${file} ${_field}.why "${_fix}" why)
      if(_name IN_LIST ${prefix}_WRONG_FIXES)
        _racelab_manifest_fail(${file} ${_field}.name "'${_name}' is listed twice")
      endif()
      list(APPEND ${prefix}_WRONG_FIXES ${_name})
      _racelab_manifest_failures(${prefix}_WRONG_FIX_${_index}_FAILS ${file} ${_field}.fails "${_fix}" fails
                                 "${judges}")
      math(EXPR _index "${_index} + 1")
    endwhile()
  endif()
endmacro()

# racelab_read_exercise_manifest(<file> <prefix>): checks the manifest and sets,
# in the caller's scope, <prefix>_NUMBER, _FOLDER, _TITLE, _PITFALL, _CONTRACT,
# _SOURCES, _SOLUTIONS, _TIMEOUT, _ALLOW_SLEEP, _HINTS, _JUDGES, the grader's
# (_TESTS, _SUPPORT, _LIBRARIES, _INCLUDE_DIRS, _DEFINITIONS, _COROUTINES), the
# perf exercise's (_PERF_ADAPTER, _PERF_STRATEGIES) and the expectations
# (_STARTER_FAILS, _WRONG_FIXES, _WRONG_FIX_<i>_FAILS). Usable in script mode.
macro(racelab_read_exercise_manifest file prefix)
  if(NOT EXISTS "${file}")
    message(FATAL_ERROR "${file}: no such file (every exercise folder holds its manifest, exercise.json)")
  endif()
  file(READ "${file}" _json)
  string(JSON _type ERROR_VARIABLE _error TYPE "${_json}")
  if(_error OR NOT _type STREQUAL "OBJECT")
    message(FATAL_ERROR "${file}: not a JSON object: ${_error}")
  endif()
  _racelab_manifest_known_keys(${file} "" "${_json}" "${RACELAB_MANIFEST_KEYS}")
  foreach(_key IN LISTS RACELAB_MANIFEST_REQUIRED)
    _racelab_json_type(_type "${_json}" ${_key})
    if(_type STREQUAL "MISSING")
      string(REPLACE ";" ", " _required "${RACELAB_MANIFEST_REQUIRED}")
      _racelab_manifest_fail(${file} ${_key} "missing (required: ${_required})")
    endif()
  endforeach()
  _racelab_manifest_whole(${prefix}_NUMBER ${file} number "${_json}" number 1)
  foreach(_key folder title pitfall contract)
    string(TOUPPER ${_key} _upper)
    _racelab_manifest_string(${prefix}_${_upper} ${file} ${_key} "${_json}" ${_key})
  endforeach()
  set(_file "${file}")
  cmake_path(GET _file PARENT_PATH _dir)
  cmake_path(GET _dir FILENAME _dir_name)
  if(NOT ${prefix}_FOLDER STREQUAL _dir_name)
    _racelab_manifest_fail(${file} folder "'${${prefix}_FOLDER}' is not the name of its folder, '${_dir_name}'")
  endif()
  if(NOT ${prefix}_FOLDER MATCHES "^0*${${prefix}_NUMBER}-[a-z0-9-]+$")
    _racelab_manifest_fail(${file} folder "'${${prefix}_FOLDER}' must be NN-name, NN being the number "
                                          "(${${prefix}_NUMBER}) and name lower-case letters, digits and '-'")
  endif()
  _racelab_manifest_strings(${prefix}_SOURCES ${file} sources "${_json}" sources TRUE)
  _racelab_manifest_strings(${prefix}_SOLUTIONS ${file} solutions "${_json}" solutions TRUE)
  _racelab_manifest_whole(${prefix}_TIMEOUT ${file} timeout_seconds "${_json}" timeout_seconds 1)
  _racelab_manifest_whole(${prefix}_HINTS ${file} hints "${_json}" hints 1)
  _racelab_manifest_bool(${prefix}_ALLOW_SLEEP ${file} allow_sleep "${_json}" allow_sleep)
  _racelab_json_type(_type "${_json}" policy)
  if(NOT _type STREQUAL "OBJECT")
    _racelab_manifest_fail(${file} policy "expected an object (the grading policy), found ${_type}")
  endif()
  _racelab_manifest_read_grader(${file} _json ${prefix})
  _racelab_manifest_read_perf(${file} _json ${prefix})
  set(${prefix}_JUDGES functional tsan static)
  if(${prefix}_PERF_ADAPTER)
    list(APPEND ${prefix}_JUDGES perf)
  endif()
  _racelab_manifest_read_expectations(${file} _json ${prefix} "${${prefix}_JUDGES}")
endmacro()

# Registers the exercise whose folder tests/exercises/<folder> holds exercise.json:
# racelab_add_exercise and racelab_add_wrong_fix with what the manifest says.
function(racelab_add_exercise_from_manifest dir)
  if(EXISTS ${dir}/CMakeLists.txt)
    message(FATAL_ERROR "${dir}/CMakeLists.txt: an exercise is registered from its exercise.json alone; move "
                        "what its racelab_add_exercise call says into the manifest and delete the file "
                        "(tests/exercises/README.md converts each argument)")
  endif()
  racelab_read_exercise_manifest(${dir}/exercise.json ex)
  get_property(taken GLOBAL PROPERTY RACELAB_${ex_NUMBER}_FOLDER)
  if(taken)
    _racelab_manifest_fail(${dir}/exercise.json number "${ex_NUMBER} is already the number of ${taken}")
  endif()
  set(args CONTRACT ${ex_CONTRACT} SOURCES ${ex_SOURCES} TESTS_DIR ${dir} SOLUTIONS ${ex_SOLUTIONS}
           TIMEOUT ${ex_TIMEOUT})
  list(TRANSFORM ex_TESTS PREPEND ${dir}/)
  list(APPEND args GRADER ${ex_TESTS})
  if(ex_SUPPORT)
    list(TRANSFORM ex_SUPPORT PREPEND ${dir}/)
    list(APPEND args SUPPORT ${ex_SUPPORT})
  endif()
  if(ex_INCLUDE_DIRS)
    list(TRANSFORM ex_INCLUDE_DIRS PREPEND ${PROJECT_SOURCE_DIR}/)
    list(APPEND args INCLUDE_DIRS ${ex_INCLUDE_DIRS})
  endif()
  if(ex_LIBRARIES)
    list(APPEND args LIBRARIES ${ex_LIBRARIES})
  endif()
  if(ex_COROUTINES)
    list(APPEND args TSAN_COMPILE_OPTIONS ${RACELAB_COROUTINE_TSAN_OPTIONS})
  endif()
  if(ex_PERF_ADAPTER)
    list(APPEND args PERF_ADAPTER ${dir}/${ex_PERF_ADAPTER})
  endif()
  if(ex_ALLOW_SLEEP)
    list(APPEND args ALLOW_SLEEP)
  endif()
  list(APPEND args STARTER_FAILS ${ex_STARTER_FAILS})
  # Last, as racelab_add_exercise asks of DEFINITIONS.
  if(ex_DEFINITIONS)
    list(APPEND args DEFINITIONS ${ex_DEFINITIONS})
  endif()
  racelab_add_exercise(${ex_NUMBER} ${ex_FOLDER} ${args})
  set(index 0)
  foreach(name IN LISTS ex_WRONG_FIXES)
    racelab_add_wrong_fix(${ex_NUMBER} ${name} FAILS ${ex_WRONG_FIX_${index}_FAILS})
    math(EXPR index "${index} + 1")
  endforeach()
endfunction()
