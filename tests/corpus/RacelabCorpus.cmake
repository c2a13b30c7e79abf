# The corpus: student work the graders were not written for, judged like the
# kit's solutions and wrong fixes, with the exercise's own machinery
# (cmake/RacelabExercise.cmake) and grader objects.
#
# racelab_add_corpus_entry(<number> correct|wrong <name>
#   [FAILS <judge> <regex> …]  # wrong: every judge that must reject it, and the
#                              # reason its output must give (required)
#   [PERF])                    # exercises with a perf judge: judge this entry's
#                              # speed too (a wrong entry does when FAILS names perf)
#
# The entry lives in <NN-name>/<correct|wrong>/<name>/ next to the calling
# CMakeLists.txt and holds only the student files it writes; the exercise's
# other files are the first reference solution's, compiled once per flavour
# and shared by every entry, so an entry of exercise 6 that rewrites one
# strategy costs one file's compilation, not four. The static judge reads the
# entry's own files only: the others are the kit's, judged with the solution.
#
# A correct entry must pass every judge; a wrong entry must fail each judge
# named in FAILS for the stated reason (the judges not named may say anything).
# The perf judge needs the machine to itself (RUN_SERIAL), so only the few
# entries that say PERF, or that are wrong for their speed, are timed.
#
# Tests: selftest.corpus.exercise<N>.<correct|wrong>.<name>.<judge>, labelled
# selftest, corpus, corpus-exercise<N> and corpus-<correct|wrong>.

# variant_<option> = the options the exercise gives its variants
# (racelab_add_exercise's SOURCES, INCLUDE_DIRS, TIMEOUT, PERF_ADAPTER…).
macro(_racelab_corpus_variant_options number)
  get_property(_corpus_variant_args GLOBAL PROPERTY RACELAB_${number}_VARIANT_ARGS)
  cmake_parse_arguments(variant "ALLOW_SLEEP" "TIMEOUT;PERF_ADAPTER"
                        "SOURCES;GRADER;SUPPORT;INCLUDE_DIRS;LIBRARIES;TSAN_COMPILE_OPTIONS" ${_corpus_variant_args})
endmacro()

# <out_var> = the object library holding the first solution's <file>, compiled
# for <flavour> (functional, tsan or perf) with the flags a variant gives it;
# created on first use, then shared.
function(_racelab_corpus_fallback_objects number file flavour out_var)
  get_property(folder GLOBAL PROPERTY RACELAB_${number}_FOLDER)
  get_property(first_solution GLOBAL PROPERTY RACELAB_${number}_FIRST_SOLUTION)
  _racelab_corpus_variant_options(${number})
  if(NOT variant_TSAN_COMPILE_OPTIONS)
    set(variant_TSAN_COMPILE_OPTIONS -O1)
  endif()
  string(MAKE_C_IDENTIFIER ${file} id)
  set(target corpus_exercise${number}_fallback_${id}_${flavour})
  if(NOT TARGET ${target})
    set(dir ${PROJECT_SOURCE_DIR}/solutions/${folder}/${first_solution})
    add_library(${target} OBJECT ${dir}/${file})
    if(flavour STREQUAL "perf")
      # As _racelab_add_variant builds a perf driver's student files.
      target_include_directories(${target} PRIVATE ${dir} ${PROJECT_SOURCE_DIR}/exercises/${folder}
                                 ${variant_INCLUDE_DIRS})
      target_link_libraries(${target} PRIVATE racelab_bench_driver_core Threads::Threads)
      target_compile_options(${target} PRIVATE -O2 -g -Wall -Wextra)
    else()
      # No LIBRARIES: a variant's student files get none either (they come
      # with the grader objects), and one carrying sources would be compiled
      # in here a second time.
      _racelab_apply_flavour(${target} ${flavour} ${number}
                             "${dir};${PROJECT_SOURCE_DIR}/exercises/${folder};${variant_INCLUDE_DIRS}"
                             "" "${variant_TSAN_COMPILE_OPTIONS}")
    endif()
  endif()
  set(${out_var} ${target} PARENT_SCOPE)
endfunction()

# Checks a racelab_add_corpus_entry() call; <out_var> = the entry's folder.
function(_racelab_corpus_entry_folder number kind name fails out_var)
  set(where "racelab_add_corpus_entry(${number} ${kind} ${name})")
  get_property(folder GLOBAL PROPERTY RACELAB_${number}_FOLDER)
  if(NOT folder)
    message(FATAL_ERROR "${where}: add the exercise first")
  endif()
  if(NOT kind MATCHES "^(correct|wrong)$")
    message(FATAL_ERROR "${where}: the kind is 'correct' or 'wrong'")
  endif()
  if(kind STREQUAL "correct" AND fails)
    message(FATAL_ERROR "${where}: a correct entry passes every judge; FAILS is for wrong ones")
  endif()
  if(kind STREQUAL "wrong" AND NOT fails)
    message(FATAL_ERROR "${where}: name the judges that must reject it (FAILS)")
  endif()
  set(dir ${CMAKE_CURRENT_SOURCE_DIR}/${kind}/${name})
  if(NOT IS_DIRECTORY ${dir})
    message(FATAL_ERROR "${where}: no folder ${dir}")
  endif()
  set(${out_var} ${dir} PARENT_SCOPE)
endfunction()

# Registers the entry's expectations, one test per judge in RACELAB_JUDGES,
# from the commands _racelab_add_variant left in <prefix>_<judge>_command and
# the reasons in reason_<judge> (both the caller's variables).
function(_racelab_corpus_expectations prefix number kind name timeout)
  set(test_name corpus.exercise${number}.${kind}.${name})
  set(labels "selftest;corpus;corpus-exercise${number};corpus-${kind}")
  foreach(judge IN LISTS RACELAB_JUDGES)
    if(DEFINED reason_${judge})
      _racelab_add_expectation(${test_name} ${judge} corpus "${${prefix}_${judge}_command}"
                               fail "${reason_${judge}}" ${timeout})
    elseif(kind STREQUAL "correct")
      _racelab_add_expectation(${test_name} ${judge} corpus "${${prefix}_${judge}_command}"
                               pass "" ${timeout})
    else()
      continue()  # a wrong entry: the judges not named may say anything
    endif()
    set_tests_properties(selftest.${test_name}.${judge} PROPERTIES LABELS "${labels}")
  endforeach()
endfunction()

function(racelab_add_corpus_entry number kind name)
  cmake_parse_arguments(PARSE_ARGV 3 arg "PERF" "" "FAILS")
  if(NOT RACELAB_SELFTEST)
    return()
  endif()
  _racelab_corpus_entry_folder(${number} ${kind} ${name} "${arg_FAILS}" dir)
  _racelab_corpus_variant_options(${number})

  # The judges of this entry: perf only where asked for (or failed for).
  get_property(RACELAB_JUDGES GLOBAL PROPERTY RACELAB_${number}_JUDGES)
  if(arg_FAILS)
    _racelab_parse_failures("${arg_FAILS}" reason)
  endif()
  set(timed FALSE)
  if(arg_PERF OR DEFINED reason_perf)
    if(NOT "perf" IN_LIST RACELAB_JUDGES)
      message(FATAL_ERROR "racelab_add_corpus_entry(${number} ${kind} ${name}): exercise ${number} has no perf judge")
    endif()
    set(timed TRUE)
  else()
    list(REMOVE_ITEM RACELAB_JUDGES perf)
  endif()

  # The entry's own files, and the first solution's for the rest.
  set(own "")
  set(borrowed "")
  foreach(file IN LISTS variant_SOURCES)
    if(EXISTS ${dir}/${file})
      list(APPEND own ${file})
    else()
      list(APPEND borrowed ${file})
    endif()
  endforeach()
  if(NOT own)
    message(FATAL_ERROR "racelab_add_corpus_entry(${number} ${kind} ${name}): ${dir} holds none of "
                        "the exercise's files (${variant_SOURCES})")
  endif()
  set(args SOURCES ${own} INCLUDE_DIRS ${variant_INCLUDE_DIRS} LIBRARIES ${variant_LIBRARIES}
           TSAN_COMPILE_OPTIONS ${variant_TSAN_COMPILE_OPTIONS} TIMEOUT ${variant_TIMEOUT})
  set(flavours functional tsan)
  if(variant_ALLOW_SLEEP)
    list(APPEND args ALLOW_SLEEP)
  endif()
  if(timed)
    list(APPEND args PERF_ADAPTER ${variant_PERF_ADAPTER})
    list(APPEND flavours perf)
  endif()

  get_property(folder GLOBAL PROPERTY RACELAB_${number}_FOLDER)
  string(MAKE_C_IDENTIFIER "${kind}_${name}" id)
  set(prefix selftest_corpus${number}_${id})
  _racelab_add_variant(${prefix} ${number} ${folder} ${dir} ${args}
                       GRADER_OBJECTS exercise${number}_grader)
  foreach(file IN LISTS borrowed)
    foreach(flavour IN LISTS flavours)
      _racelab_corpus_fallback_objects(${number} ${file} ${flavour} objects)
      target_link_libraries(${prefix}_${flavour} PRIVATE ${objects})
    endforeach()
  endforeach()
  _racelab_corpus_expectations(${prefix} ${number} ${kind} ${name} ${variant_TIMEOUT})
endfunction()
