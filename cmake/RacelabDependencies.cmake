# Every dependency comes from the distribution's packages, installed by
# ci/setup (Debian 12, Debian 13, Ubuntu 24.04).
find_package(Threads REQUIRED)
find_package(Boost 1.81 CONFIG REQUIRED COMPONENTS unit_test_framework json filesystem)
find_package(CLI11 CONFIG REQUIRED)
find_package(tomlplusplus CONFIG REQUIRED)  # the course file (lab/course.toml)
find_package(OpenSSL REQUIRED COMPONENTS Crypto)  # SHA-256 for the integrity record (libcrypto)

# The compiler (chosen in RacelabCompiler.cmake, or named by the user): clang
# 16 to 22, or g++ 12 and newer (C++20 coroutines, <syncstream>, jthread).
if(CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
  string(REGEX MATCH "^[0-9]+" RACELAB_CXX_MAJOR ${CMAKE_CXX_COMPILER_VERSION})
  if(NOT RACELAB_CXX_MAJOR IN_LIST RACELAB_SUPPORTED_LLVM)
    message(FATAL_ERROR "racelab: clang ${CMAKE_CXX_COMPILER_VERSION} (${CMAKE_CXX_COMPILER}) is not "
                        "supported; use clang 16 to 22 (-DCMAKE_CXX_COMPILER=clang++-N) or g++ 12 and newer")
  endif()
elseif(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
  if(CMAKE_CXX_COMPILER_VERSION VERSION_LESS 12)
    message(FATAL_ERROR "racelab: g++ ${CMAKE_CXX_COMPILER_VERSION} is too old; use g++ 12 and newer or clang 16 to 22")
  endif()
else()
  message(WARNING "racelab: ${CMAKE_CXX_COMPILER_ID} is not a tested compiler (clang 16 to 22, g++ 12 and newer)")
endif()

# ThreadSanitizer and coroutines resumed on another thread: clang 16 at -O1
# caches a thread-local address across a co_await (llvm-project issues 47179,
# 63022), so a correct program that resumes its coroutines on a thread pool is
# reported as racy at random. The exercises whose TSan build runs such
# coroutines (4 and 6) pass RACELAB_COROUTINE_TSAN_OPTIONS as their
# TSAN_COMPILE_OPTIONS: -O1, the default of every TSan build, when a probe
# built with this compiler at -O1 shows every resumption using its own
# thread's variable, -O0 otherwise. Measured: clang 16 caches (8 of 8
# resumptions, at -O1 and -O2); clang 19, clang 22 and g++ 12 do not.
if(NOT DEFINED RACELAB_COROUTINE_TLS_AT_O1)
  try_run(_racelab_probe_run _racelab_probe_compiled
          ${CMAKE_BINARY_DIR}/probes/coroutine_thread_local
          ${CMAKE_CURRENT_LIST_DIR}/probes/coroutine_thread_local.cpp
          CXX_STANDARD 20 CXX_STANDARD_REQUIRED ON
          COMPILE_DEFINITIONS -O1
          LINK_LIBRARIES Threads::Threads
          RUN_OUTPUT_VARIABLE _racelab_probe_output)
  if(_racelab_probe_compiled AND _racelab_probe_run EQUAL 0)
    set(_racelab_probe_verdict correct)
  else()
    set(_racelab_probe_verdict cached)
  endif()
  set(RACELAB_COROUTINE_TLS_AT_O1 ${_racelab_probe_verdict} CACHE INTERNAL
      "Whether this compiler keeps thread_local addresses right across co_await at -O1")
  string(STRIP "${_racelab_probe_output}" _racelab_probe_output)
  message(STATUS "racelab: coroutines resumed on another thread at -O1: ${_racelab_probe_verdict} "
                 "(${_racelab_probe_output})")
endif()
if(RACELAB_COROUTINE_TLS_AT_O1 STREQUAL "correct")
  set(RACELAB_COROUTINE_TSAN_OPTIONS -O1)
else()
  set(RACELAB_COROUTINE_TSAN_OPTIONS -O0)
endif()

# racelab_find_clang(): the LLVM/Clang libraries racelab-check is built
# against (a macro: LLVM's variables and imported targets belong to the
# caller, checker/CMakeLists.txt), and RACELAB_CLANG_RESOURCE_DIR, the builtin
# headers (<stddef.h>, <stdatomic.h>…) of that same release, which the checker
# parses with whatever compiler builds the exercises.
#
# RACELAB_LLVM_VERSION picks the release (16 to 22). Left empty, it follows the
# compiler when that is a clang whose libraries are installed, else the newest
# release installed. Clang_DIR, when set, names ClangConfig.cmake's folder
# directly (another layout than Debian's and Ubuntu's /usr/lib/llvm-N).
set(RACELAB_LLVM_VERSION "" CACHE STRING
    "LLVM/Clang release racelab-check is built against (16 to 22); empty: the compiler's, else the newest installed")

function(_racelab_clang_dir version out_var)
  foreach(dir /usr/lib/llvm-${version}/lib/cmake/clang /usr/lib/cmake/clang-${version}
              /usr/lib64/llvm${version}/lib/cmake/clang)
    if(EXISTS ${dir}/ClangConfig.cmake)
      set(${out_var} ${dir} PARENT_SCOPE)
      return()
    endif()
  endforeach()
  set(${out_var} "" PARENT_SCOPE)
endfunction()

# The release to use when RACELAB_LLVM_VERSION is empty.
function(_racelab_default_llvm out_var)
  set(candidates ${RACELAB_SUPPORTED_LLVM})
  if(DEFINED RACELAB_CXX_MAJOR)
    list(PREPEND candidates ${RACELAB_CXX_MAJOR})
  endif()
  foreach(version IN LISTS candidates)
    _racelab_clang_dir(${version} dir)
    if(dir)
      set(${out_var} ${version} PARENT_SCOPE)
      return()
    endif()
  endforeach()
  set(${out_var} "" PARENT_SCOPE)
endfunction()

macro(racelab_find_clang)
  if(RACELAB_LLVM_VERSION)
    _racelab_clang_dir(${RACELAB_LLVM_VERSION} _racelab_found_dir)
    if(NOT _racelab_found_dir)
      message(FATAL_ERROR "racelab: RACELAB_LLVM_VERSION=${RACELAB_LLVM_VERSION}, but the Clang libraries "
                          "of that release are not installed (libclang-${RACELAB_LLVM_VERSION}-dev)")
    endif()
  elseif(Clang_DIR)
    set(_racelab_found_dir ${Clang_DIR})  # named by the user, or found by an earlier configure
  else()
    _racelab_default_llvm(_racelab_llvm)
    if(NOT _racelab_llvm)
      message(FATAL_ERROR "racelab: no Clang libraries (libclang-N-dev, N = 16 to 22) found: "
                          "run ci/setup, or set Clang_DIR to the folder of ClangConfig.cmake")
    endif()
    _racelab_clang_dir(${_racelab_llvm} _racelab_found_dir)
  endif()
  if(Clang_DIR AND NOT Clang_DIR STREQUAL _racelab_found_dir)
    unset(LLVM_DIR CACHE)  # another release: ClangConfig.cmake finds its own LLVM again
  endif()
  set(Clang_DIR ${_racelab_found_dir} CACHE PATH "The folder of ClangConfig.cmake racelab-check is built with" FORCE)
  find_package(Clang CONFIG REQUIRED PATHS ${Clang_DIR} NO_DEFAULT_PATH)
  if(NOT LLVM_VERSION_MAJOR IN_LIST RACELAB_SUPPORTED_LLVM)
    message(FATAL_ERROR "racelab: racelab-check needs LLVM 16 to 22; ${Clang_DIR} is LLVM ${LLVM_PACKAGE_VERSION}")
  endif()
  message(STATUS "racelab: racelab-check is built against LLVM ${LLVM_PACKAGE_VERSION} (${Clang_DIR})")
  set(RACELAB_CHECKER_LLVM_MAJOR ${LLVM_VERSION_MAJOR} CACHE INTERNAL "The LLVM release racelab-check is built against")

  # The builtin headers: the release's own clang knows where they are; without
  # it (only the -dev packages installed), the standard place in its lib folder.
  set(RACELAB_CLANG_RESOURCE_DIR "")
  if(EXISTS ${LLVM_TOOLS_BINARY_DIR}/clang)
    execute_process(COMMAND ${LLVM_TOOLS_BINARY_DIR}/clang -print-resource-dir
                    OUTPUT_VARIABLE RACELAB_CLANG_RESOURCE_DIR
                    OUTPUT_STRIP_TRAILING_WHITESPACE COMMAND_ERROR_IS_FATAL ANY)
  elseif(EXISTS ${LLVM_LIBRARY_DIR}/clang/${LLVM_VERSION_MAJOR}/include/stddef.h)
    set(RACELAB_CLANG_RESOURCE_DIR ${LLVM_LIBRARY_DIR}/clang/${LLVM_VERSION_MAJOR})
  endif()
  if(NOT EXISTS "${RACELAB_CLANG_RESOURCE_DIR}/include/stddef.h")
    message(FATAL_ERROR "racelab: the builtin headers of clang ${LLVM_VERSION_MAJOR} are missing "
                        "(found '${RACELAB_CLANG_RESOURCE_DIR}'); install clang-${LLVM_VERSION_MAJOR}")
  endif()
endmacro()
