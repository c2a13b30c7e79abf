# cmake -DEXPECT=pass|fail -DMATCH=<regex> -P RacelabExpect.cmake -- <command…>
#
# The self-test's verdict on one judge: with EXPECT=pass the judge must pass;
# with EXPECT=fail it must fail and its output must match MATCH, so a starter
# that fails for the wrong reason (say, it does not compile) is caught. Exit
# status 3 of a judge (perf: could not measure) makes the test a skip.
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
if(NOT command)
  message(FATAL_ERROR "RacelabExpect: no command after --")
endif()

execute_process(COMMAND ${command} RESULT_VARIABLE status
                OUTPUT_VARIABLE output ERROR_VARIABLE output)
message("${output}")

# The perf judge's "could not measure" (exit status 3): the machine was too busy
# to tell, so the expectation is neither met nor missed. The test registers
# SKIP_REGULAR_EXPRESSION on this line (cmake -P cannot choose its exit status).
if(status EQUAL 3)
  message("self-test: SKIPPED — the judge could not measure (see above); run it on a quiet machine")
  return()
endif()

if(EXPECT STREQUAL "pass")
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "self-test: this judge should PASS but failed (status ${status})")
  endif()
  message("self-test: passed, as expected")
elseif(EXPECT STREQUAL "fail")
  if(status EQUAL 0)
    message(FATAL_ERROR "self-test: this judge should FAIL but passed")
  endif()
  # The perf judge failed the program for another strategy, and could not
  # measure, on a busy machine, the very strategy whose failure is expected.
  if(NOT output MATCHES "${MATCH}" AND MATCH MATCHES "^your ([^ ]+) strategy ")
    string(FIND "${output}" "your ${CMAKE_MATCH_1} strategy could not be measured: " unmeasured)
    if(unmeasured GREATER -1)
      message("self-test: SKIPPED — the judge failed, but could not measure the expected reason (see above)")
      return()
    endif()
  endif()
  if(NOT output MATCHES "${MATCH}")
    message(FATAL_ERROR "self-test: this judge failed, but not for the expected reason: "
                        "its output does not match '${MATCH}'")
  endif()
  message("self-test: failed, as expected, for the expected reason ('${MATCH}')")
else()
  message(FATAL_ERROR "RacelabExpect: EXPECT must be pass or fail, not '${EXPECT}'")
endif()
