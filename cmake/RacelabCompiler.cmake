# The compiler, chosen before project() enables the languages.
#
# The kit builds and passes its self-test with LLVM/Clang 16 through 22. Unless
# a compiler is named (-DCMAKE_CXX_COMPILER=…, or CXX/CC in the environment, at
# the first configure), the newest supported clang++ found on PATH is used, so
# a preset works unedited on Debian 12 (clang 16), Debian 13 (clang 19) and
# Ubuntu 24.04 (clang 18), and on any machine with more than one installed.
# The checker's LLVM is chosen apart (RACELAB_LLVM_VERSION, in
# RacelabDependencies.cmake); it follows this compiler by default.

# Newest first: the order the search prefers.
set(RACELAB_SUPPORTED_LLVM 22 21 20 19 18 17 16)

if(NOT CMAKE_CXX_COMPILER AND NOT DEFINED ENV{CXX})
  set(_racelab_names "")
  foreach(_racelab_version IN LISTS RACELAB_SUPPORTED_LLVM)
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
