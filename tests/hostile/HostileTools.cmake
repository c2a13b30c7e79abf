# cmake -DRACELAB=<racelab> -DCHECKER=<racelab-check> -DKIT=<the kit's source folder> -DWORK=<scratch folder>
#       -P HostileTools.cmake
#
# Tools changed during a batch run without the sandbox: grading a-trudy
# changes racelab-check, the tool every later judge and submission relies on.
# Here the tools are copies in a folder of their own, and racelab-check is a
# wrapper that runs the real one and, for a-trudy's files only, rewrites
# itself, as a submission's program run with the grader's rights could. The
# batch must notice once a-trudy's grading ends, stop, name a-trudy and the
# changed tool, and write neither a-trudy's grade nor b-bob's (graded after
# it) as valid.
foreach(required RACELAB CHECKER KIT WORK)
  if(NOT ${required})
    message(FATAL_ERROR "HostileTools: -D${required}=… is required")
  endif()
endforeach()

set(tools ${WORK}/tools)
set(out ${WORK}/grades)
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${tools} ${WORK}/submissions)
file(COPY_FILE ${RACELAB} ${tools}/racelab)
file(WRITE ${tools}/racelab-check "#!/bin/sh
case \"$*\" in *a-trudy*) echo '# changed while a-trudy was graded' >> \"$0\" ;; esac
exec ${CHECKER} \"$@\"
")
file(CHMOD ${tools}/racelab ${tools}/racelab-check PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE)

foreach(student a-trudy b-bob)
  execute_process(COMMAND ${RACELAB} assign 1 --to ${WORK}/submissions/${student} --kit ${KIT}
                  RESULT_VARIABLE status OUTPUT_QUIET)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "hostile tools: racelab assign failed")
  endif()
endforeach()

# Without the sandbox, as the attack needs (in it, the tools are read-only).
execute_process(COMMAND ${CMAKE_COMMAND} -E env RACELAB_SANDBOX=off
                        ${tools}/racelab grade --batch ${WORK}/submissions --out ${out}
                WORKING_DIRECTORY ${KIT} RESULT_VARIABLE status OUTPUT_VARIABLE output ERROR_VARIABLE output)
message("racelab grade --batch:\n${output}")
if(NOT status EQUAL 2)
  message(FATAL_ERROR "hostile tools: the batch ended with status ${status}, not 2 (stopped)")
endif()
if(NOT output MATCHES "stopped: the grading tools changed while submission 'a-trudy' was graded: [^\n]*racelab-check \\(edited\\)")
  message(FATAL_ERROR "hostile tools: the batch did not say that the tools changed while a-trudy was graded")
endif()
foreach(student a-trudy b-bob)
  if(EXISTS ${out}/${student}/report.json)
    message(FATAL_ERROR "hostile tools: ${student}'s report.json was kept as a valid grade")
  endif()
endforeach()
file(STRINGS ${out}/class.csv trudy REGEX "^a-trudy,")
file(STRINGS ${out}/class.csv bob REGEX "^b-bob,")
if(NOT trudy MATCHES "^a-trudy,0,0,[0-9.]+,error: the grading tools changed while it was graded")
  message(FATAL_ERROR "hostile tools: class.csv does not void a-trudy's grade: ${trudy}")
endif()
if(NOT bob MATCHES "^b-bob,0,0,[0-9.]+,error: not graded: the grading tools changed while a-trudy was graded")
  message(FATAL_ERROR "hostile tools: class.csv does not void b-bob's grade: ${bob}")
endif()
message("hostile tools: the batch stopped at a-trudy, named the changed tool and kept no grade after it")
