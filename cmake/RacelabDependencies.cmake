# Every dependency comes from Debian 12 packages installed by ci/setup.
find_package(Threads REQUIRED)
find_package(Boost 1.81 CONFIG REQUIRED COMPONENTS unit_test_framework json filesystem)
find_package(CLI11 CONFIG REQUIRED)
find_package(tomlplusplus CONFIG REQUIRED)  # the course file (lab/course.toml)
find_package(OpenSSL REQUIRED COMPONENTS Crypto)  # SHA-256 for the integrity record (libcrypto)

# The compiler the exercises are built with decides the TSan runtime; the
# checker parses with clang 16's builtin headers whatever compiler is used.
find_program(RACELAB_CLANGXX NAMES clang++-16 REQUIRED)
execute_process(COMMAND ${RACELAB_CLANGXX} -print-resource-dir
                OUTPUT_VARIABLE RACELAB_CLANG_RESOURCE_DIR
                OUTPUT_STRIP_TRAILING_WHITESPACE COMMAND_ERROR_IS_FATAL ANY)
