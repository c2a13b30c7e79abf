# cmake -DRACELAB=<racelab> -DKIT=<the kit's source folder> -DWORK=<scratch folder>
#       -P HostileWorkspace.cmake
#
# The whole report with a hostile exercise in it. A student repository made by
# `racelab assign 1 2 3`, where exercise 1 is the writes-report submission (it
# forges report.json files and judge records) with its grader edited to check
# nothing (edits-grader), and exercises 2 and 3 are reference solutions, is
# graded as an instructor grades it: `racelab grade --batch` (which grades
# each submission with `grade --workspace` and the kit's own graders).
# Exercise 1 must get no points and its edited grader must be named;
# exercises 2 and 3 must get all of theirs in the submission's report.json.
# Beside it, in the same batch: eve, whose exercise 1 hides a sanitizer hook
# behind ## (the grading policy names the line), and alice, all solutions:
# neither loses anything to the others, and eve loses exercise 1 only.
foreach(required RACELAB KIT WORK)
  if(NOT ${required})
    message(FATAL_ERROR "HostileWorkspace: -D${required}=… is required")
  endif()
endforeach()

set(repo ${WORK}/submissions/mallory)
set(out ${WORK}/grades)
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK}/submissions)

# Runs racelab; stops the test, with racelab's output, when it could not run (status 2).
function(run_racelab)
  execute_process(COMMAND ${RACELAB} ${ARGN} RESULT_VARIABLE status OUTPUT_VARIABLE output ERROR_VARIABLE output)
  string(JOIN " " shown ${ARGN})
  message("racelab ${shown}:\n${output}")
  if(NOT status MATCHES "^[01]$")
    message(FATAL_ERROR "hostile workspace: 'racelab ${shown}' could not run (status ${status})")
  endif()
endfunction()

# Copies files into <folder>, replacing what is there. Not file(COPY): it skips
# a file whose namesake at the destination has the same time stamp, and every
# file of a fresh clone may have the same one, so a solution copied first would
# stay in place of the hostile file meant to replace it.
function(put folder)
  foreach(file IN LISTS ARGN)
    get_filename_component(name ${file} NAME)
    file(COPY_FILE ${file} ${folder}/${name})
  endforeach()
endfunction()

run_racelab(assign 1 2 3 --to ${repo} --kit ${KIT})
put(${repo}/exercises/01-counter ${KIT}/tests/hostile/writes-report/counter.cpp)
put(${repo}/tests/exercises/01-counter ${KIT}/tests/hostile/edits-grader/counter_test.cpp)
foreach(folder 02-print-interleaving 03-shared-string)
  file(GLOB files ${KIT}/solutions/${folder}/mutex/*)
  put(${repo}/exercises/${folder} ${files})
endforeach()

# Two more submissions: eve (a policy breach in exercise 1) and alice (solutions only).
foreach(student eve alice)
  run_racelab(assign 1 2 3 --to ${WORK}/submissions/${student} --kit ${KIT})
  foreach(folder 01-counter 02-print-interleaving 03-shared-string)
    file(GLOB files ${KIT}/solutions/${folder}/mutex/*)
    put(${WORK}/submissions/${student}/exercises/${folder} ${files})
  endforeach()
endforeach()
put(${WORK}/submissions/eve/exercises/01-counter ${KIT}/tests/hostile/token-paste-hook/counter.cpp)

run_racelab(grade --batch ${WORK}/submissions --out ${out})
if(NOT EXISTS ${out}/mallory/report.json OR NOT EXISTS ${out}/class.csv)
  message(FATAL_ERROR "hostile workspace: racelab grade --batch wrote no report.json or class.csv")
endif()
file(READ ${out}/mallory/report.json report)

# points and max_points of exercise <number> in report.json.
function(points_of number out_points out_max)
  string(JSON count LENGTH "${report}" exercises)
  math(EXPR last "${count} - 1")
  foreach(i RANGE ${last})
    string(JSON n GET "${report}" exercises ${i} number)
    if(n EQUAL number)
      string(JSON p GET "${report}" exercises ${i} points)
      string(JSON m GET "${report}" exercises ${i} max_points)
      set(${out_points} ${p} PARENT_SCOPE)
      set(${out_max} ${m} PARENT_SCOPE)
      return()
    endif()
  endforeach()
  message(FATAL_ERROR "hostile workspace: exercise ${number} is missing from report.json")
endfunction()

points_of(1 points max)
if(NOT points EQUAL 0 OR max EQUAL 0)
  message(FATAL_ERROR "hostile workspace: exercise 1 (hostile) got ${points} of ${max} points; it earned none")
endif()
foreach(number 2 3)
  points_of(${number} points max)
  if(max EQUAL 0 OR NOT points EQUAL max)
    message(FATAL_ERROR "hostile workspace: exercise ${number} (a solution) got ${points} of ${max} points, "
                        "not all of them: the hostile exercise 1 cost it")
  endif()
endforeach()

# class.csv: the submission's row names the edited grader and gives exercise 1 nothing.
file(STRINGS ${out}/class.csv row REGEX "^mallory,")
if(NOT row MATCHES "^mallory,0,.*tests/exercises/01-counter/counter_test\\.cpp \\(edited\\)")
  message(FATAL_ERROR "hostile workspace: class.csv does not give exercise 1 zero and name its edited grader: ${row}")
endif()
# eve: exercise 1 costs her that exercise only, and the report names the line and the check.
file(READ ${out}/eve/report.json report)
points_of(1 points max)
if(NOT points EQUAL 0 OR max EQUAL 0)
  message(FATAL_ERROR "hostile workspace: eve's exercise 1 (a sanitizer hook made by ##) got ${points} of ${max}")
endif()
if(NOT report MATCHES "racelab-policy-declaration" OR NOT report MATCHES "__tsan_default_suppressions")
  message(FATAL_ERROR "hostile workspace: eve's report.json does not name the policy finding")
endif()
foreach(number 2 3)
  points_of(${number} points max)
  if(max EQUAL 0 OR NOT points EQUAL max)
    message(FATAL_ERROR "hostile workspace: eve's exercise ${number} (a solution) got ${points} of ${max} points")
  endif()
endforeach()
# alice: every point, whatever the others did.
file(READ ${out}/alice/report.json report)
foreach(number 1 2 3)
  points_of(${number} points max)
  if(max EQUAL 0 OR NOT points EQUAL max)
    message(FATAL_ERROR "hostile workspace: alice's exercise ${number} (a solution) got ${points} of ${max} points, "
                        "not all of them: another submission cost her")
  endif()
endforeach()
message("hostile workspace: exercise 1 got no points and its edited grader is named; "
        "exercises 2 and 3 got all of theirs")
