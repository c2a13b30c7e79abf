# What `cmake --install` installs and `cpack` packages: the two tools, their
# manual pages, racelab-check's documentation. Included by the top-level
# CMakeLists.txt when the tools are built here.
include(GNUInstallDirs)

install(TARGETS racelab racelab-check RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES ${PROJECT_SOURCE_DIR}/checker/README.md
        DESTINATION ${CMAKE_INSTALL_DOCDIR} RENAME racelab-check.md)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/checker/docs/
        DESTINATION ${CMAKE_INSTALL_DOCDIR}/checks FILES_MATCHING PATTERN "*.md")

# The manual pages come from the installed tools' own --help, at install time,
# so they never disagree with the binaries. help2man is a Debian package
# (ci/setup installs it for the kit); without it the --help text is installed.
find_program(RACELAB_HELP2MAN help2man DOC "help2man, to make man pages from --help")
set(RACELAB_MAN_NAMES
    "racelab=grade, assign and verify the racelab concurrency lab kit"
    "racelab-check=static checker for concurrency pitfalls in C++ (Clang libTooling)")
foreach(entry IN LISTS RACELAB_MAN_NAMES)
  string(REGEX REPLACE "=.*" "" tool "${entry}")
  string(REGEX REPLACE "^[^=]*=" "" summary "${entry}")
  install(CODE "
    set(bin \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}/${tool}\")
    set(help2man \"${RACELAB_HELP2MAN}\")
    if(help2man)
      set(page \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_MANDIR}/man1/${tool}.1\")
      file(MAKE_DIRECTORY \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_MANDIR}/man1\")
      message(STATUS \"Installing: \${page}\")
      execute_process(COMMAND \${help2man} --no-info --no-discard-stderr
                              --version-string=${PROJECT_VERSION} \"--name=${summary}\"
                              --output=\${page} \${bin}
                      COMMAND_ERROR_IS_FATAL ANY)
    else()
      set(text \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_DOCDIR}/${tool}.help.txt\")
      message(STATUS \"Installing: \${text} (no help2man: the --help text instead of a man page)\")
      execute_process(COMMAND \${bin} --help OUTPUT_FILE \${text} COMMAND_ERROR_IS_FATAL ANY)
    endif()
  ")
endforeach()

# The .deb: its library dependencies from dpkg-shlibdeps, plus clang's builtin
# headers, which racelab-check reads at run time (RACELAB_CLANG_RESOURCE_DIR).
set(CPACK_PACKAGE_NAME racelab)
set(CPACK_PACKAGE_VENDOR "racelab")
set(RACELAB_PACKAGE_MAINTAINER "racelab maintainers" CACHE STRING
    "The Maintainer field of the .deb (a name and an e-mail address, for a course's own package)")
set(CPACK_PACKAGE_CONTACT "${RACELAB_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "A C++ concurrency lab kit's tools: racelab and racelab-check")
set(CPACK_PACKAGE_DESCRIPTION "racelab grades the racelab lab kit's exercises with functional tests, ThreadSanitizer, a static checker and a perf judge; racelab-check is its clang-tidy-like static checker for missing locks, interleaved output, blocking calls in coroutines and locks held across co_await.")
set(CPACK_GENERATOR DEB)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libclang-common-${RACELAB_CHECKER_LLVM_MAJOR}-dev")
include(CPack)
