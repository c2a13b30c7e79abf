# racelab_add_test(<name> SOURCES <files…> [LIBRARIES <targets…>] [LABELS <labels…>]
#                  [ARGS <args…>] [TIMEOUT <seconds>])
#
# One Boost.Test executable for the kit's own tests. The module name comes from
# the target, so test files hold no main and no BOOST_TEST_MODULE. Every kit
# test carries the label `kit`.
function(racelab_add_test name)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "TIMEOUT" "SOURCES;LIBRARIES;LABELS;ARGS")
  add_executable(${name} ${arg_SOURCES})
  target_compile_definitions(${name} PRIVATE BOOST_TEST_DYN_LINK BOOST_TEST_MODULE=${name})
  target_link_libraries(${name} PRIVATE Boost::unit_test_framework ${arg_LIBRARIES})
  add_test(NAME kit.${name} COMMAND ${name} ${arg_ARGS})
  if(NOT arg_TIMEOUT)
    set(arg_TIMEOUT 300)
  endif()
  set_tests_properties(kit.${name} PROPERTIES LABELS "kit;${arg_LABELS}" TIMEOUT ${arg_TIMEOUT})
endfunction()
