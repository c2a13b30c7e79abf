// A stand-in for a student's program, for the racelab CLI's tests.
// Usage: lab_fake_program <behaviour> [argument]
//   exit <n>          exit with status n
//   sleep-forever     sleep until killed
//   fork-and-sleep    fork a child that sleeps forever, write its pid to <argument>, sleep forever
//   flood             write to stdout without end
//   segv              raise SIGSEGV
//   print-env <name>  print the variable's value (or "<unset>")
//   aslr              exit 0 when ADDR_NO_RANDOMIZE is set, else print ThreadSanitizer's
//                     FATAL mapping message and exit 66, as TSan does on some kernels
//   fake-tsan         print a made-up TSan report on stderr, exit 0 (it must not count)
//   boost-fail        print Boost.Test failure lines and exit 201
#include <sys/personality.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>

namespace {

[[noreturn]] void sleep_forever() {
  for (;;) ::pause();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return 100;
  const std::string behaviour = argv[1];
  if (behaviour == "exit" && argc > 2) return std::atoi(argv[2]);
  if (behaviour == "sleep-forever") sleep_forever();
  if (behaviour == "fork-and-sleep" && argc > 2) {
    const pid_t child = ::fork();
    if (child == 0) sleep_forever();
    std::ofstream(argv[2]) << child << '\n';
    sleep_forever();
  }
  if (behaviour == "flood") {
    const std::string line(1023, 'x');
    for (;;) std::printf("%s\n", line.c_str());
  }
  if (behaviour == "segv") {
    std::raise(SIGSEGV);
    return 101;
  }
  if (behaviour == "print-env" && argc > 2) {
    const char* value = std::getenv(argv[2]);
    std::printf("%s\n", value ? value : "<unset>");
    return 0;
  }
  if (behaviour == "aslr") {
    const int persona = ::personality(0xffffffff);
    if (persona != -1 && (persona & ADDR_NO_RANDOMIZE) != 0) return 0;
    std::fprintf(stderr,
                 "FATAL: ThreadSanitizer: unexpected memory mapping 0x5e1b0c3d9000-0x5e1b0c3da000\n");
    return 66;
  }
  if (behaviour == "fake-tsan") {
    std::fprintf(stderr,
                 "==================\n"
                 "WARNING: ThreadSanitizer: data race (pid=1)\n"
                 "  Write of size 8 at 0x1 by thread T2:\n"
                 "    #0 worker /src/counter.cpp:21:13 (a.out+0x1)\n\n"
                 "  Location is global 'forged' of size 8 at 0x1 (a.out+0x1)\n\n"
                 "SUMMARY: ThreadSanitizer: data race /src/counter.cpp:21:13 in worker\n"
                 "==================\n");
    return 0;
  }
  if (behaviour == "boost-fail") {
    std::printf("Running 2 test cases...\n"
                "/home/student/racelab/tests/exercises/01-counter/counter_test.cpp(42): error: in "
                "\"counter_tests/four_workers_count_everything\": check total == 400000 has failed "
                "[399218 != 400000]\n"
                "\n*** 1 failure is detected in the test module \"exercise1\"\n");
    return 201;
  }
  return 100;
}
