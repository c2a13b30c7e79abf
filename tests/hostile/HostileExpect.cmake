# cmake -DEXPECT_SCRIPT=<RacelabExpect.cmake> -DMATCH=<regex> [-DPID_FILE=<file>] [-DESCAPE_FILE=<file>]
#       -P HostileExpect.cmake -- <judge command…>
#
# A hostile submission's verdict: the judge must fail and say why
# (RacelabExpect with EXPECT=fail), and a process the submission left behind
# (its pid written to PID_FILE) must be gone once the judge has returned, and
# ESCAPE_FILE, which the submission tries to write outside its sandbox, must
# not exist.
set(command "")
set(after_separator FALSE)
math(EXPR last "${CMAKE_ARGC} - 1")
foreach(i RANGE 1 ${last})
  if(after_separator)
    list(APPEND command "${CMAKE_ARGV${i}}")
  elseif(CMAKE_ARGV${i} STREQUAL "--")
    set(after_separator TRUE)
  endif()
endforeach()

if(PID_FILE)
  file(REMOVE ${PID_FILE})
endif()
if(ESCAPE_FILE)
  file(REMOVE ${ESCAPE_FILE})
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -DEXPECT=fail "-DMATCH=${MATCH}" -P ${EXPECT_SCRIPT} -- ${command}
                RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "hostile: the judge gave credit it should not have, or failed for another reason (see above)")
endif()

if(ESCAPE_FILE AND EXISTS ${ESCAPE_FILE})
  message(FATAL_ERROR "hostile: the submission wrote ${ESCAPE_FILE}, outside its sandbox")
endif()

if(PID_FILE AND EXISTS ${PID_FILE})
  file(STRINGS ${PID_FILE} pid LIMIT_COUNT 1)
  # A zombie is dead; anything else under /proc/<pid> is still running.
  if(EXISTS /proc/${pid}/stat)
    file(STRINGS /proc/${pid}/stat stat LIMIT_COUNT 1)
    if(NOT stat MATCHES "^[0-9]+ \\(.*\\) [ZX] ")
      message(FATAL_ERROR "hostile: process ${pid}, started by the submission, outlived the judge")
    endif()
  endif()
  message("hostile: process ${pid}, left behind by the submission, did not outlive the judge")
endif()
