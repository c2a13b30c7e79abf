# cmake -DRACELAB=<racelab> -DKIT=<the kit's source folder> -DWORK=<scratch folder>
#       -P HostileGradeFiles.cmake
#
# Files racelab grade reads back or writes, replaced by what a program judged
# without the sandbox (or a student's repository) could put there: a FIFO, on
# which an open blocks for ever, and symbolic links leading out of the report
# folder. A tiny ctest project stands in for the exercise: its "functional
# judge" fails and, while ctest runs, puts a FIFO in place of
# <out>/ctest-output.txt and of its own judge record; before grading, the
# report folder already holds a FIFO and links where the reports go.
# racelab grade must end (within its own limit here, not ctest's backstop),
# write every report as a file of its own, leave the files the links lead to
# untouched, and grade the exercise from ctest's verdicts (functional FAIL).
foreach(required RACELAB KIT WORK)
  if(NOT ${required})
    message(FATAL_ERROR "HostileGradeFiles: -D${required}=… is required")
  endif()
endforeach()

set(src ${WORK}/src)
set(build ${WORK}/build)
set(out ${WORK}/out)
set(outside ${WORK}/outside.txt)
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${src} ${out})
file(WRITE ${outside} "untouched\n")

# The "judged program": run by ctest, as a student's program runs without the sandbox.
file(WRITE ${src}/plant.sh [=[
out=$1
rm -f "$out/ctest-output.txt"
mkfifo "$out/ctest-output.txt"
mkfifo "$RACELAB_RESULTS_DIR/exercise1.functional.json"
mkfifo "$RACELAB_RESULTS_DIR/exercise1.functional.json.partial"
exit 1
]=])
file(WRITE ${src}/CMakeLists.txt "cmake_minimum_required(VERSION 3.25)
project(hostile_files NONE)
enable_testing()
add_test(NAME exercise1.build COMMAND ${CMAKE_COMMAND} -E true)
add_test(NAME exercise1.functional COMMAND sh ${src}/plant.sh ${out})
add_test(NAME exercise1.tsan COMMAND ${CMAKE_COMMAND} -E true)
add_test(NAME exercise1.static COMMAND ${CMAKE_COMMAND} -E true)
set_tests_properties(exercise1.build exercise1.functional exercise1.tsan exercise1.static PROPERTIES LABELS exercise1)
")
execute_process(COMMAND ${CMAKE_COMMAND} -S ${src} -B ${build} RESULT_VARIABLE status OUTPUT_QUIET)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "hostile files: the sample project did not configure")
endif()
file(WRITE ${build}/racelab-exercises.json
     [=[{"source":"exercises","exercises":[{"number":1,"folder":"01-counter","label":"exercise1","graded":true}]}]=])

# Planted before grading: a FIFO where ctest's output goes, links where reports go.
execute_process(COMMAND mkfifo ${out}/ctest-output.txt ${out}/summary.md RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "hostile files: mkfifo failed")
endif()
file(CREATE_LINK ${outside} ${out}/report.json SYMBOLIC)
file(CREATE_LINK ${outside} ${out}/junit.xml SYMBOLIC)

execute_process(COMMAND ${RACELAB} grade --build ${build} --out ${out} --course ${KIT}/lab/course.toml
                RESULT_VARIABLE status OUTPUT_VARIABLE output ERROR_VARIABLE output TIMEOUT 120)
message("racelab grade:\n${output}")
if(NOT status MATCHES "^[01]$")
  message(FATAL_ERROR "hostile files: racelab grade did not end with a report (status: ${status}); "
                      "a FIFO or a link in its folders blocked or stopped it")
endif()
file(READ ${outside} kept)
if(NOT kept STREQUAL "untouched\n")
  message(FATAL_ERROR "hostile files: racelab grade wrote through a link into ${outside}")
endif()
foreach(name report.json junit.xml summary.md)
  if(IS_SYMLINK ${out}/${name} OR IS_DIRECTORY ${out}/${name} OR NOT EXISTS ${out}/${name})
    message(FATAL_ERROR "hostile files: ${out}/${name} is not a file racelab grade wrote")
  endif()
endforeach()
file(READ ${out}/report.json report)
string(JSON functional GET "${report}" exercises 0 judges functional status)
if(NOT functional STREQUAL "FAIL")
  message(FATAL_ERROR "hostile files: the failed functional judge reads '${functional}' in report.json")
endif()
message("hostile files: racelab grade ended, wrote its own files and followed no link")
