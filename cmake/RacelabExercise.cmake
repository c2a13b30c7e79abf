# Registering an exercise: one call creates everything a student runs with
# `ctest -L exerciseN`, and, in the self-test, the same judges on the starter,
# on every reference solution and on every known wrong fix.
#
# An exercise is described by its manifest, tests/exercises/<folder>/exercise.json
# (fields: cmake/RacelabManifest.cmake); tests/exercises/CMakeLists.txt finds
# every manifest and racelab_add_exercise_from_manifest() makes the calls below
# from it. They are not meant to be written by hand.
#
# racelab_add_exercise(<number> <folder>
#   CONTRACT <header>                 # exercises/<folder>/<header>: what the grader calls
#   SOURCES <file…>                   # the student's files, relative to the workspace folder
#   [TESTS_DIR <dir>]                 # where GRADER, SUPPORT, PERF_ADAPTER and wrong-fixes/ are (default: the current folder)
#   GRADER <file…>                    # Boost.Test sources of the grader (no main)
#   [SUPPORT <file…>]                 # kit-side sources linked with the student's code
#   [INCLUDE_DIRS <dir…>]             # more include folders for the grader and support sources
#   [LIBRARIES <target…>]             # more libraries to link (both builds)
#   [TSAN_COMPILE_OPTIONS <opt…>]     # replaces the TSan build's -O1 (e.g. -O0 where clang miscompiles)
#   [DEFINITIONS <def…>]              # preprocessor definitions for every file of the grader, the student's too
#   SOLUTIONS <approach…>             # solutions/<folder>/<approach>/; RACELAB_SOURCE=solutions grades the first
#   STARTER_FAILS <judge> <regex> …   # self-test: the judges the starter fails, and the reason each must give
#                                     # (a regex may carry racelab_encode_pattern's placeholders)
#   [PERF_ADAPTER <file>]             # perf exercises: registers the student's strategies with the bench driver
#   [ALLOW_SLEEP]                     # the task sleeps on purpose: a sleep in the student's files is not an escape hatch
#   [TIMEOUT <seconds>])              # per judge run; a hang past it is reported as a possible deadlock
#
# Every judge first checks the exercise's grading policy (tests/exercises/<folder>/exercise.json)
# on the student's files with racelab-check --grading: a finding fails every judge.
#
# Tests created (label exerciseN): exerciseN.build (a fixture that rebuilds the
# exercise, so `ctest -L exerciseN` picks up edits), exerciseN.functional,
# exerciseN.tsan and exerciseN.static; with PERF_ADAPTER also exerciseN.perf
# (RUN_SERIAL: the student's driver exerciseN_perf, built -O2 without TSan,
# against racelab-bench-reference, as speed-up ratios with thresholds from
# lab/course.toml; SKIP_RETURN_CODE 3 when the judge could not measure on a
# busy machine), and `perf` may be named in STARTER_FAILS and FAILS; a perf
# expectation of the self-test is skipped, never failed, when its judge could
# not measure.
# The build's manifest (racelab-exercises.json, what `racelab grade` and `bench` read),
# written from the exercise manifests, lists per exercise its judges
# ("build" first), the student's files (absolute) and its perf driver.
#
# racelab_add_wrong_fix(<number> <name> FAILS <judge> <regex> …)
#   A plausible but wrong fix kept in tests/exercises/<folder>/wrong-fixes/<name>/
#   (only the files it changes; the others come from the first solution): the
#   self-test checks that each listed judge rejects it for the stated reason.

set(RACELAB_JUDGES functional tsan static)
set(_racelab_expect_script ${CMAKE_CURRENT_LIST_DIR}/RacelabExpect.cmake)

# The folder holding the student's files for <folder>, per RACELAB_SOURCE.
function(_racelab_workspace_folder folder first_solution out_var)
  if(RACELAB_SOURCE STREQUAL "exercises")
    set(dir ${PROJECT_SOURCE_DIR}/exercises/${folder})
  elseif(RACELAB_SOURCE STREQUAL "solutions")
    set(dir ${PROJECT_SOURCE_DIR}/solutions/${folder}/${first_solution})
  else()
    cmake_path(ABSOLUTE_PATH RACELAB_SOURCE BASE_DIRECTORY ${PROJECT_SOURCE_DIR} OUTPUT_VARIABLE root)
    if(NOT IS_DIRECTORY "${root}")
      message(FATAL_ERROR "RACELAB_SOURCE: '${RACELAB_SOURCE}' is not 'exercises', 'solutions' "
                          "or an existing folder laid out like exercises/")
    endif()
    set(dir ${root}/${folder})
  endif()
  set(${out_var} ${dir} PARENT_SCOPE)
endfunction()

# Compile options shared by everything built for one flavour of the grader.
# Any further arguments are preprocessor definitions (the exercise's DEFINITIONS).
function(_racelab_apply_flavour target flavour number include_dirs libraries tsan_options)
  target_include_directories(${target} PRIVATE ${include_dirs})
  target_compile_definitions(${target} PRIVATE BOOST_TEST_DYN_LINK ${ARGN})
  target_link_libraries(${target} PRIVATE Boost::unit_test_framework Threads::Threads ${libraries})
  # Release builds define NDEBUG; a student's assert() must still fire.
  target_compile_options(${target} PRIVATE -Wall -Wextra -g -UNDEBUG)
  if(flavour STREQUAL "tsan")
    target_compile_options(${target} PRIVATE ${tsan_options} -fsanitize=thread -fno-omit-frame-pointer)
    target_link_options(${target} PRIVATE -fsanitize=thread)
  else()
    target_compile_options(${target} PRIVATE -O2)
  endif()
endfunction()

# The grader and support sources compiled once per flavour against the kit's
# contract (a folder of the build, see racelab_add_exercise), for every variant to share:
# <prefix>_functional and <prefix>_tsan object libraries. The student's folder
# is on none of their include paths: nothing there can stand in for the
# contract, Boost.Test or a kit header the grader includes.
function(_racelab_add_grader_objects prefix number folder)
  cmake_parse_arguments(PARSE_ARGV 3 arg "ALLOW_SLEEP;EXCLUDE_FROM_ALL" "TIMEOUT;PERF_ADAPTER"
                        "SOURCES;GRADER;SUPPORT;INCLUDE_DIRS;LIBRARIES;TSAN_COMPILE_OPTIONS;DEFINITIONS")
  if(NOT arg_TSAN_COMPILE_OPTIONS)
    set(arg_TSAN_COMPILE_OPTIONS -O1)
  endif()
  foreach(flavour functional tsan)
    set(exclude "")
    if(arg_EXCLUDE_FROM_ALL)
      set(exclude EXCLUDE_FROM_ALL)
    endif()
    add_library(${prefix}_${flavour} OBJECT ${exclude} ${arg_GRADER} ${arg_SUPPORT})
    get_property(contract_dir GLOBAL PROPERTY RACELAB_${number}_CONTRACT_DIR)
    _racelab_apply_flavour(${prefix}_${flavour} ${flavour} ${number}
                           "${contract_dir};${arg_INCLUDE_DIRS}"
                           "${arg_LIBRARIES}" "${arg_TSAN_COMPILE_OPTIONS}" ${arg_DEFINITIONS})
    # The grader's files only: a student file that includes a Boost.Test header
    # must not define the test module's entry point a second time.
    target_compile_definitions(${prefix}_${flavour} PRIVATE BOOST_TEST_MODULE=exercise${number})
    # Every variant linking these objects builds its own files with the same
    # definitions (they can change the layout of types both sides share).
    target_compile_definitions(${prefix}_${flavour} INTERFACE ${arg_DEFINITIONS})
  endforeach()
endfunction()

# Builds the grader against the files in <source_dir>, once plain and once
# with ThreadSanitizer, and returns the three judge commands in
# <prefix>_functional_command, <prefix>_tsan_command, <prefix>_static_command.
# Links the grader compiled by _racelab_add_grader_objects (GRADER_OBJECTS),
# never compiling it with the student's include paths. With FALLBACK_DIR, a student file missing from
# <source_dir> is taken from there (a wrong fix holds only the files it changes).
function(_racelab_add_variant prefix number folder source_dir)
  cmake_parse_arguments(PARSE_ARGV 4 arg "EXCLUDE_FROM_ALL;ALLOW_SLEEP;NO_POLICY"
                        "TIMEOUT;GRADER_OBJECTS;PERF_ADAPTER;FALLBACK_DIR"
                        "SOURCES;GRADER;SUPPORT;INCLUDE_DIRS;LIBRARIES;TSAN_COMPILE_OPTIONS;DEFINITIONS")
  if(NOT arg_GRADER_OBJECTS)
    message(FATAL_ERROR "_racelab_add_variant(${prefix}): GRADER_OBJECTS is required")
  endif()
  if(NOT arg_TSAN_COMPILE_OPTIONS)
    set(arg_TSAN_COMPILE_OPTIONS -O1)
  endif()
  set(student_files "")
  foreach(file IN LISTS arg_SOURCES)
    if(arg_FALLBACK_DIR AND NOT EXISTS ${source_dir}/${file})
      list(APPEND student_files ${arg_FALLBACK_DIR}/${file})
    else()
      list(APPEND student_files ${source_dir}/${file})
    endif()
  endforeach()
  set(exclude "")
  if(arg_EXCLUDE_FROM_ALL)
    set(exclude EXCLUDE_FROM_ALL)
  endif()

  foreach(flavour functional tsan)
    set(target ${prefix}_${flavour})
    add_executable(${target} ${exclude} ${student_files})
    # Linking the object library brings its objects and, link-only, its
    # libraries: a library carrying sources (INTERFACE_SOURCES) is not
    # compiled a second time.
    target_link_libraries(${target} PRIVATE ${arg_GRADER_OBJECTS}_${flavour})
    # The student's files find their own headers (their copy of the contract
    # too) by '#include "…"' only (-iquote): an '#include <…>' of Boost or the
    # library never lands in the student's folder. The kit's contract is the
    # fallback, and the grader never sees the student's folder at all.
    get_property(contract_dir GLOBAL PROPERTY RACELAB_${number}_CONTRACT_DIR)
    target_compile_options(${target} PRIVATE "SHELL:-iquote ${source_dir}")
    _racelab_apply_flavour(${target} ${flavour} ${number}
                           "${contract_dir};${arg_INCLUDE_DIRS}"
                           "" "${arg_TSAN_COMPILE_OPTIONS}" ${arg_DEFINITIONS})
  endforeach()

  set(readme ${PROJECT_SOURCE_DIR}/exercises/${folder}/README.md)
  # The course file gives the limits on student programs (and the perf thresholds).
  set(options --exercise ${number} --readme ${readme} --sources ${source_dir} --timeout ${arg_TIMEOUT}
              --course ${PROJECT_SOURCE_DIR}/lab/course.toml)
  if(arg_ALLOW_SLEEP)
    list(APPEND options --allow-sleep)
  endif()
  # The grading policy: every judge checks it on the student's files first
  # (every compile command of each file, from this build's compile_commands.json).
  set(policy ${PROJECT_SOURCE_DIR}/tests/exercises/${folder}/exercise.json)
  # NO_POLICY: the kit's tests of the layers under the policy (sandbox, verdicts).
  if(EXISTS ${policy} AND NOT arg_NO_POLICY)
    list(APPEND options --policy ${policy} --checker $<TARGET_FILE:racelab-check>
                        --compile-commands ${PROJECT_BINARY_DIR})
    foreach(file IN LISTS student_files)
      list(APPEND options --student-file ${file})
    endforeach()
    # This variant's own builds of the files: the policy reads their commands, not
    # those of every other variant (a wrong fix borrows a solution's files).
    list(APPEND options --compile-target ${prefix}_functional --compile-target ${prefix}_tsan)
    if(arg_PERF_ADAPTER)
      list(APPEND options --compile-target ${prefix}_perf)
    endif()
  endif()
  set(judge $<TARGET_FILE:racelab> judge)
  set(${prefix}_functional_command ${judge} functional ${options} -- $<TARGET_FILE:${prefix}_functional> PARENT_SCOPE)
  set(${prefix}_tsan_command ${judge} tsan ${options} -- $<TARGET_FILE:${prefix}_tsan> PARENT_SCOPE)
  set(${prefix}_static_command ${judge} static ${options} --
      # Every check, whatever a .racelab-check file in the workspace says.
      $<TARGET_FILE:racelab-check> --checks=racelab-* -p ${PROJECT_BINARY_DIR} ${student_files} PARENT_SCOPE)

  if(arg_PERF_ADAPTER)
    # The perf driver: the student's code and the exercise's adapter (which
    # registers the student's strategies) on the kit's driver main(). Always
    # -O2 and never sanitized, like the reference it is compared with; the
    # grader's LIBRARIES are not linked: a driver holds no Boost.Test code.
    add_executable(${prefix}_perf ${exclude} ${student_files} ${arg_PERF_ADAPTER})
    target_include_directories(${prefix}_perf PRIVATE ${contract_dir} ${arg_INCLUDE_DIRS})
    target_compile_options(${prefix}_perf PRIVATE "SHELL:-iquote ${source_dir}")
    target_link_libraries(${prefix}_perf PRIVATE racelab::bench_driver Threads::Threads)
    target_compile_options(${prefix}_perf PRIVATE -O2 -g -Wall -Wextra)
    set(${prefix}_perf_command ${judge} perf ${options}
        --reference $<TARGET_FILE:racelab-bench-reference> -- $<TARGET_FILE:${prefix}_perf> PARENT_SCOPE)
  endif()
endfunction()

# Registers `selftest.<name>.<judge>`: runs the judge and checks its verdict.
# A judge expected to fail must fail *and* say why (its output matches <regex>).
function(_racelab_add_expectation name judge label command verdict regex timeout)
  racelab_decode_pattern(regex "${regex}")
  add_test(NAME selftest.${name}.${judge}
           COMMAND ${CMAKE_COMMAND} -DEXPECT=${verdict} "-DMATCH=${regex}"
                   -P ${_racelab_expect_script} -- ${command})
  math(EXPR backstop "${timeout} * 2 + 60")
  set_tests_properties(selftest.${name}.${judge} PROPERTIES
                       LABELS "selftest;selftest-${label}" TIMEOUT ${backstop}
                       ENVIRONMENT BOOST_TEST_COLOR_OUTPUT=no)
  if(judge STREQUAL "perf")
    # A measurement needs the cores to itself. A judge that could not measure
    # (other work on the machine) gives no verdict either way: a skip.
    set_tests_properties(selftest.${name}.${judge} PROPERTIES RUN_SERIAL TRUE
                         SKIP_REGULAR_EXPRESSION "self-test: SKIPPED")
  endif()
endfunction()

# <out_prefix>_<judge> = regex for each judge named in a `<judge> <regex> …` list.
function(_racelab_parse_failures list out_prefix)
  list(LENGTH list length)
  math(EXPR odd "${length} % 2")
  if(odd OR length EQUAL 0)
    message(FATAL_ERROR "expected pairs of <judge> <regex>, got: ${list}")
  endif()
  math(EXPR last "${length} - 1")
  foreach(i RANGE 0 ${last} 2)
    math(EXPR j "${i} + 1")
    list(GET list ${i} judge)
    list(GET list ${j} regex)
    if(NOT judge IN_LIST RACELAB_JUDGES)
      message(FATAL_ERROR "unknown judge '${judge}' (known: ${RACELAB_JUDGES})")
    endif()
    set(${out_prefix}_${judge} "${regex}" PARENT_SCOPE)
  endforeach()
endfunction()

# Registers the three expectations of one variant: listed judges must fail for
# the given reason, the others must pass.
function(_racelab_expect_variant prefix name label timeout)
  cmake_parse_arguments(PARSE_ARGV 4 arg "" "" "FAILS")
  if(arg_FAILS)
    _racelab_parse_failures("${arg_FAILS}" reason)
  endif()
  foreach(judge IN LISTS RACELAB_JUDGES)
    if(DEFINED reason_${judge})
      _racelab_add_expectation(${name} ${judge} ${label} "${${prefix}_${judge}_command}"
                               fail "${reason_${judge}}" ${timeout})
    else()
      _racelab_add_expectation(${name} ${judge} ${label} "${${prefix}_${judge}_command}"
                               pass "" ${timeout})
    endif()
  endforeach()
endfunction()

function(racelab_add_exercise number folder)
  cmake_parse_arguments(PARSE_ARGV 2 arg "ALLOW_SLEEP" "CONTRACT;TIMEOUT;TESTS_DIR"
                        "SOURCES;GRADER;SUPPORT;INCLUDE_DIRS;LIBRARIES;TSAN_COMPILE_OPTIONS;DEFINITIONS;SOLUTIONS;STARTER_FAILS;PERF_ADAPTER")
  foreach(required CONTRACT SOURCES GRADER SOLUTIONS STARTER_FAILS)
    if(NOT arg_${required})
      message(FATAL_ERROR "racelab_add_exercise(${number} ${folder}): ${required} is required")
    endif()
  endforeach()
  if(NOT EXISTS ${PROJECT_SOURCE_DIR}/exercises/${folder}/${arg_CONTRACT})
    message(FATAL_ERROR "racelab_add_exercise(${number} ${folder}): no contract header "
                        "exercises/${folder}/${arg_CONTRACT}")
  endif()
  if(NOT arg_TIMEOUT)
    set(arg_TIMEOUT 120)
  endif()
  set(label exercise${number})
  if(NOT arg_TESTS_DIR)
    set(arg_TESTS_DIR ${CMAKE_CURRENT_SOURCE_DIR})
  endif()
  foreach(list_name arg_GRADER arg_SUPPORT)
    set(absolute "")
    foreach(file IN LISTS ${list_name})
      cmake_path(ABSOLUTE_PATH file BASE_DIRECTORY ${arg_TESTS_DIR})
      list(APPEND absolute ${file})
    endforeach()
    set(${list_name} ${absolute})
  endforeach()
  list(GET arg_SOLUTIONS 0 first_solution)
  set(variant_args SOURCES ${arg_SOURCES} GRADER ${arg_GRADER} SUPPORT ${arg_SUPPORT}
                   INCLUDE_DIRS ${arg_INCLUDE_DIRS} LIBRARIES ${arg_LIBRARIES}
                   TSAN_COMPILE_OPTIONS ${arg_TSAN_COMPILE_OPTIONS} TIMEOUT ${arg_TIMEOUT})
  # Last, after a one-value keyword: a reader of these arguments that does not
  # know DEFINITIONS leaves them out instead of adding them to another list;
  # the variants get them from the grader objects anyway.
  if(arg_DEFINITIONS)
    list(APPEND variant_args DEFINITIONS ${arg_DEFINITIONS})
  endif()
  if(arg_ALLOW_SLEEP)
    list(APPEND variant_args ALLOW_SLEEP)
  endif()
  # This exercise's judges; the helpers called below see this variable (CMake
  # scopes are dynamic), so `perf` is a judge only where a PERF_ADAPTER is given.
  set(RACELAB_JUDGES functional tsan static)
  if(arg_PERF_ADAPTER)
    cmake_path(ABSOLUTE_PATH arg_PERF_ADAPTER BASE_DIRECTORY ${arg_TESTS_DIR})
    list(APPEND variant_args PERF_ADAPTER ${arg_PERF_ADAPTER})
    list(APPEND RACELAB_JUDGES perf)
  endif()
  set_property(GLOBAL PROPERTY RACELAB_${number}_JUDGES "${RACELAB_JUDGES}")

  # The kit's contract, alone in a folder of the build: what the grader includes,
  # and the fallback of the student's files. The folder holds nothing else, so
  # no other file of exercises/ (a starter, a stray header) is on any include path.
  set(contract_dir ${PROJECT_BINARY_DIR}/racelab-contracts/${folder})
  foreach(contract IN LISTS arg_CONTRACT)
    configure_file(${PROJECT_SOURCE_DIR}/exercises/${folder}/${contract} ${contract_dir}/${contract} COPYONLY)
  endforeach()
  set_property(GLOBAL PROPERTY RACELAB_${number}_CONTRACT_DIR ${contract_dir})

  # Remembered for racelab_add_wrong_fix and the manifest.
  set_property(GLOBAL PROPERTY RACELAB_${number}_FOLDER ${folder})
  set_property(GLOBAL PROPERTY RACELAB_${number}_TESTS_DIR ${arg_TESTS_DIR})
  set_property(GLOBAL PROPERTY RACELAB_${number}_FIRST_SOLUTION ${first_solution})
  _racelab_parse_failures("${arg_STARTER_FAILS}" starter)
  set(starter_judges "")
  foreach(judge IN LISTS RACELAB_JUDGES)
    if(DEFINED starter_${judge})
      list(APPEND starter_judges ${judge})
    endif()
  endforeach()
  set_property(GLOBAL PROPERTY RACELAB_${number}_STARTER_JUDGES "${starter_judges}")
  set_property(GLOBAL PROPERTY RACELAB_${number}_VARIANT_ARGS "${variant_args}")
  set_property(GLOBAL APPEND PROPERTY RACELAB_EXERCISES ${number})

  # What the student runs: `ctest -L exerciseN`.
  _racelab_workspace_folder(${folder} ${first_solution} workspace)
  # The grader, compiled once for the student's build and every self-test variant.
  set(grader_exclude EXCLUDE_FROM_ALL)
  if(RACELAB_SELFTEST)
    set(grader_exclude "")
  endif()
  _racelab_add_grader_objects(${label}_grader ${number} ${folder} ${variant_args} ${grader_exclude})
  if(NOT IS_DIRECTORY ${workspace})
    message(STATUS "racelab: ${label} (${folder}) is not in ${RACELAB_SOURCE}; not graded")
  else()
    _racelab_add_variant(${label} ${number} ${folder} ${workspace} EXCLUDE_FROM_ALL ${variant_args}
                         GRADER_OBJECTS ${label}_grader)
    add_custom_target(${label})
    add_dependencies(${label} ${label}_functional ${label}_tsan)
    if(arg_PERF_ADAPTER)
      add_dependencies(${label} ${label}_perf racelab-bench-reference)
      set_property(GLOBAL PROPERTY RACELAB_${number}_PERF_DRIVER ${CMAKE_RUNTIME_OUTPUT_DIRECTORY}/${label}_perf)
    endif()
    if(NOT RACELAB_TOOLS_DIR)
      add_dependencies(${label} racelab racelab-check)
    endif()
    add_test(NAME ${label}.build
             COMMAND ${CMAKE_COMMAND} --build ${PROJECT_BINARY_DIR} --target ${label})
    # One build at a time: two builds in one tree would race on the same files.
    set_tests_properties(${label}.build PROPERTIES
                         LABELS ${label} FIXTURES_SETUP ${label}.built RESOURCE_LOCK racelab-build
                         TIMEOUT 900)
    math(EXPR backstop "${arg_TIMEOUT} * 2 + 60")
    foreach(judge IN LISTS RACELAB_JUDGES)
      add_test(NAME ${label}.${judge} COMMAND ${${label}_${judge}_command})
      set_tests_properties(${label}.${judge} PROPERTIES
                           LABELS ${label} FIXTURES_REQUIRED ${label}.built TIMEOUT ${backstop}
                           ENVIRONMENT BOOST_TEST_COLOR_OUTPUT=no)
    endforeach()
    if(arg_PERF_ADAPTER)
      # A measurement needs the cores to itself. Exit status 3, "could not
      # measure" (other work on the machine), is neither a pass nor a failure.
      set_tests_properties(${label}.perf PROPERTIES RUN_SERIAL TRUE SKIP_RETURN_CODE 3)
    endif()
    set(student_files ${arg_SOURCES})
    list(TRANSFORM student_files PREPEND ${workspace}/)
    set_property(GLOBAL PROPERTY RACELAB_${number}_SOURCES "${student_files}")
    set_property(GLOBAL PROPERTY RACELAB_${number}_WORKSPACE ${workspace})
  endif()

  if(NOT RACELAB_SELFTEST)
    return()
  endif()
  # The self-test: the starter fails as the exercise teaches, every solution passes.
  _racelab_add_variant(selftest_${label}_starter ${number} ${folder}
                       ${PROJECT_SOURCE_DIR}/exercises/${folder} ${variant_args}
                       GRADER_OBJECTS ${label}_grader)
  _racelab_expect_variant(selftest_${label}_starter ${label}.starter ${label} ${arg_TIMEOUT}
                          FAILS ${arg_STARTER_FAILS})
  foreach(solution IN LISTS arg_SOLUTIONS)
    set(dir ${PROJECT_SOURCE_DIR}/solutions/${folder}/${solution})
    if(NOT IS_DIRECTORY ${dir})
      message(FATAL_ERROR "racelab_add_exercise(${number}): no solution folder ${dir}")
    endif()
    string(MAKE_C_IDENTIFIER ${solution} id)
    _racelab_add_variant(selftest_${label}_${id} ${number} ${folder} ${dir} ${variant_args}
                         GRADER_OBJECTS ${label}_grader)
    _racelab_expect_variant(selftest_${label}_${id} ${label}.solution.${solution} ${label}
                            ${arg_TIMEOUT})
  endforeach()
endfunction()

function(racelab_add_wrong_fix number name)
  cmake_parse_arguments(PARSE_ARGV 2 arg "" "" "FAILS")
  if(NOT RACELAB_SELFTEST)
    return()
  endif()
  get_property(folder GLOBAL PROPERTY RACELAB_${number}_FOLDER)
  get_property(variant_args GLOBAL PROPERTY RACELAB_${number}_VARIANT_ARGS)
  get_property(RACELAB_JUDGES GLOBAL PROPERTY RACELAB_${number}_JUDGES)  # perf too, when it has an adapter
  if(NOT folder)
    message(FATAL_ERROR "racelab_add_wrong_fix(${number} ${name}): add the exercise first")
  endif()
  if(NOT arg_FAILS)
    message(FATAL_ERROR "racelab_add_wrong_fix(${number} ${name}): name the judges that reject it (FAILS)")
  endif()
  get_property(tests_dir GLOBAL PROPERTY RACELAB_${number}_TESTS_DIR)
  set(dir ${tests_dir}/wrong-fixes/${name})
  if(NOT IS_DIRECTORY ${dir})
    message(FATAL_ERROR "racelab_add_wrong_fix(${number} ${name}): no folder ${dir}")
  endif()
  cmake_parse_arguments(variant "" "TIMEOUT" "" ${variant_args})
  string(MAKE_C_IDENTIFIER ${name} id)
  # The folder holds the files the fix changes; the others are the first solution's.
  get_property(first_solution GLOBAL PROPERTY RACELAB_${number}_FIRST_SOLUTION)
  _racelab_add_variant(selftest_exercise${number}_wrong_${id} ${number} ${folder} ${dir} ${variant_args}
                       GRADER_OBJECTS exercise${number}_grader
                       FALLBACK_DIR ${PROJECT_SOURCE_DIR}/solutions/${folder}/${first_solution})
  # A wrong fix must be rejected by the judges named; the others may say anything.
  _racelab_parse_failures("${arg_FAILS}" reason)
  foreach(judge IN LISTS RACELAB_JUDGES)
    if(DEFINED reason_${judge})
      _racelab_add_expectation(exercise${number}.wrong-fix.${name} ${judge} exercise${number}
                               "${selftest_exercise${number}_wrong_${id}_${judge}_command}"
                               fail "${reason_${judge}}" ${variant_TIMEOUT})
    endif()
  endforeach()
endfunction()

# Writes <build>/racelab-exercises.json: what `racelab grade` grades.
function(racelab_write_manifest)
  get_property(numbers GLOBAL PROPERTY RACELAB_EXERCISES)
  set(json "{}")
  string(JSON json SET "${json}" source "\"${RACELAB_SOURCE}\"")
  string(JSON json SET "${json}" exercises "[]")
  set(index 0)
  foreach(number IN LISTS numbers)
    get_property(folder GLOBAL PROPERTY RACELAB_${number}_FOLDER)
    get_property(workspace GLOBAL PROPERTY RACELAB_${number}_WORKSPACE)
    set(entry "{}")
    string(JSON entry SET "${entry}" number ${number})
    string(JSON entry SET "${entry}" folder "\"${folder}\"")
    string(JSON entry SET "${entry}" label "\"exercise${number}\"")
    string(JSON entry SET "${entry}" readme "\"${PROJECT_SOURCE_DIR}/exercises/${folder}/README.md\"")
    # "build" first: the fixture every other judge needs.
    get_property(judges GLOBAL PROPERTY RACELAB_${number}_JUDGES)
    string(JSON entry SET "${entry}" judges "[]")
    set(judge_index 0)
    foreach(judge IN ITEMS build ${judges})
      string(JSON entry SET "${entry}" judges ${judge_index} "\"${judge}\"")
      math(EXPR judge_index "${judge_index} + 1")
    endforeach()
    get_property(sources GLOBAL PROPERTY RACELAB_${number}_SOURCES)
    string(JSON entry SET "${entry}" sources "[]")
    set(source_index 0)
    foreach(source IN LISTS sources)
      string(JSON entry SET "${entry}" sources ${source_index} "\"${source}\"")
      math(EXPR source_index "${source_index} + 1")
    endforeach()
    get_property(perf_driver GLOBAL PROPERTY RACELAB_${number}_PERF_DRIVER)
    if(perf_driver)
      string(JSON entry SET "${entry}" perf_driver "\"${perf_driver}\"")
    endif()
    if(workspace)
      string(JSON entry SET "${entry}" workspace "\"${workspace}\"")
      string(JSON entry SET "${entry}" graded true)
    else()
      string(JSON entry SET "${entry}" graded false)
    endif()
    string(JSON json SET "${json}" exercises ${index} "${entry}")
    math(EXPR index "${index} + 1")
  endforeach()
  file(WRITE ${PROJECT_BINARY_DIR}/racelab-exercises.json.tmp "${json}\n")
  file(COPY_FILE ${PROJECT_BINARY_DIR}/racelab-exercises.json.tmp
       ${PROJECT_BINARY_DIR}/racelab-exercises.json ONLY_IF_DIFFERENT)
endfunction()

include(${CMAKE_CURRENT_LIST_DIR}/RacelabManifest.cmake)
