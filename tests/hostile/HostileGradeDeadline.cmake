# cmake -DRACELAB=<racelab> -DWORK=<scratch folder> -P HostileGradeDeadline.cmake
#
# racelab grade's own deadline (limits.grade_minutes of the course file): a
# submission that makes ctest run for ever (here a "functional judge" that
# sleeps ten minutes, as endless slow tests or a looping build would) gets a
# report within the limit, with "grading took longer than N minutes", the
# judges that finished graded and the one that did not marked "not graded".
# A tiny ctest project stands in for the exercise; the limit is 0.1 minutes.
foreach(required RACELAB WORK)
  if(NOT ${required})
    message(FATAL_ERROR "HostileGradeDeadline: -D${required}=… is required")
  endif()
endforeach()

set(src ${WORK}/src)
set(build ${WORK}/build)
set(out ${WORK}/out)
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${src} ${out})
file(WRITE ${src}/CMakeLists.txt "cmake_minimum_required(VERSION 3.25)
project(hostile_deadline NONE)
enable_testing()
add_test(NAME exercise1.build COMMAND ${CMAKE_COMMAND} -E true)
add_test(NAME exercise1.functional COMMAND ${CMAKE_COMMAND} -E sleep 600)
add_test(NAME exercise1.tsan COMMAND ${CMAKE_COMMAND} -E true)
add_test(NAME exercise1.static COMMAND ${CMAKE_COMMAND} -E true)
set_tests_properties(exercise1.build exercise1.functional exercise1.tsan exercise1.static PROPERTIES LABELS exercise1)
")
execute_process(COMMAND ${CMAKE_COMMAND} -S ${src} -B ${build} RESULT_VARIABLE status OUTPUT_QUIET)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "hostile deadline: the sample project did not configure")
endif()
file(WRITE ${build}/racelab-exercises.json
     [=[{"source":"exercises","exercises":[{"number":1,"folder":"01-counter","label":"exercise1","graded":true}]}]=])
file(WRITE ${WORK}/course.toml "[limits]
grade_minutes = 0.1
[exercise.1]
points = { build = 1, functional = 4, tsan = 3, static = 3 }
")

string(TIMESTAMP started "%s")
execute_process(COMMAND ${RACELAB} grade --build ${build} --out ${out} --course ${WORK}/course.toml
                RESULT_VARIABLE status OUTPUT_VARIABLE output ERROR_VARIABLE output TIMEOUT 120)
string(TIMESTAMP ended "%s")
math(EXPR seconds "${ended} - ${started}")
message("racelab grade (${seconds} s):\n${output}")
if(NOT status MATCHES "^[01]$")
  message(FATAL_ERROR "hostile deadline: racelab grade did not end with a report (status: ${status})")
endif()
if(NOT output MATCHES "grading took longer than 0\\.1 minutes")
  message(FATAL_ERROR "hostile deadline: racelab grade did not say that grading took longer than its limit")
endif()
file(READ ${out}/report.json report)
string(JSON functional GET "${report}" exercises 0 judges functional status)
string(JSON why GET "${report}" exercises 0 judges functional summary)
string(JSON build_status GET "${report}" exercises 0 judges build status)
if(NOT functional STREQUAL "not run" OR NOT why MATCHES "^not graded: grading took longer than 0\\.1 minutes")
  message(FATAL_ERROR "hostile deadline: the unfinished judge reads '${functional}: ${why}', not 'not graded'")
endif()
if(NOT build_status STREQUAL "pass")
  message(FATAL_ERROR "hostile deadline: the finished build judge reads '${build_status}', not its verdict")
endif()
message("hostile deadline: racelab grade stopped at its limit and marked the unfinished judge not graded")
