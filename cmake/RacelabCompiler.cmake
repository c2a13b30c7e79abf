# The compiler, chosen before project() enables the languages.
#
# The kit builds and passes its self-test with LLVM/Clang 16 through 22. Unless
# a compiler is named (-DCMAKE_CXX_COMPILER=…, or CXX/CC in the environment, at
# the first configure), the distribution's clang (the one ci/setup installs)
# is used when present, else the newest supported clang++ found on PATH, so
# a preset works unedited on Debian 12 (clang 16), Debian 13 (clang 19) and
# Ubuntu 24.04 (clang 18), and on any machine with more than one installed.
# The checker's LLVM is chosen apart (RACELAB_LLVM_VERSION, in
# RacelabDependencies.cmake); it follows this compiler by default.

# Newest first: the order the search prefers after the distribution's own.
set(RACELAB_SUPPORTED_LLVM 22 21 20 19 18 17 16)

# The clang that ci/setup installs on this distribution comes first, so every
# machine of one distribution builds the exercises with the same compiler,
# whatever other releases are installed beside it: the graders' verdicts were
# measured with that compiler. Elsewhere, the newest supported one.
function(_racelab_distribution_llvm out_var)
  set(${out_var} "" PARENT_SCOPE)
  if(NOT EXISTS /etc/os-release)
    return()
  endif()
  file(STRINGS /etc/os-release _racelab_id REGEX "^ID=")
  file(STRINGS /etc/os-release _racelab_version_id REGEX "^VERSION_ID=")
  string(REGEX REPLACE "^[A-Z_]+=\"?([^\"]*)\"?$" "\\1" _racelab_id "${_racelab_id}")
  string(REGEX REPLACE "^[A-Z_]+=\"?([^\"]*)\"?$" "\\1" _racelab_version_id "${_racelab_version_id}")
  # Keep in step with ci/setup's table of distributions.
  set(_racelab_table debian-12=16 debian-13=19 ubuntu-24.04=18)
  foreach(_racelab_entry IN LISTS _racelab_table)
    if(_racelab_entry MATCHES "^${_racelab_id}-${_racelab_version_id}=([0-9]+)$")
      set(${out_var} ${CMAKE_MATCH_1} PARENT_SCOPE)
    endif()
  endforeach()
endfunction()

if(NOT CMAKE_CXX_COMPILER AND NOT DEFINED ENV{CXX})
  _racelab_distribution_llvm(_racelab_preferred)
  set(_racelab_names "")
  foreach(_racelab_version IN ITEMS ${_racelab_preferred} ${RACELAB_SUPPORTED_LLVM})
    list(APPEND _racelab_names clang++-${_racelab_version})
  endforeach()
  # The unversioned name last: on a distribution that has only one clang, its
  # version is checked once the compiler is known (RacelabDependencies.cmake).
  find_program(RACELAB_DEFAULT_CXX NAMES ${_racelab_names} clang++
               DOC "The newest supported clang++ found: the default compiler")
  if(NOT RACELAB_DEFAULT_CXX)
    message(FATAL_ERROR
      "racelab: no clang++ 16 to 22 found on PATH. Run ci/setup (it installs the "
      "distribution's clang), or name a compiler: -DCMAKE_CXX_COMPILER=<clang++ or g++ 12+>.")
  endif()
  set(CMAKE_CXX_COMPILER ${RACELAB_DEFAULT_CXX} CACHE FILEPATH "The C++ compiler")
  # The C compiler only serves LLVM's configuration probes; the same release.
  if(NOT CMAKE_C_COMPILER AND NOT DEFINED ENV{CC})
    get_filename_component(_racelab_name ${RACELAB_DEFAULT_CXX} NAME)
    string(REPLACE "clang++" "clang" _racelab_name ${_racelab_name})
    get_filename_component(_racelab_dir ${RACELAB_DEFAULT_CXX} DIRECTORY)
    if(EXISTS ${_racelab_dir}/${_racelab_name})
      set(CMAKE_C_COMPILER ${_racelab_dir}/${_racelab_name} CACHE FILEPATH "The C compiler")
    endif()
  endif()
endif()
