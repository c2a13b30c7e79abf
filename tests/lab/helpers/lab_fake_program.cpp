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
//   boost-pass        write a passing Boost.Test report (to --report_sink=…, as the judges ask), exit 0
//   failed-exit-zero  write a failing report, then exit 0 as a destructor calling _exit(0) would
//   fork-many <n>     fork n children that sleep forever, then sleep forever
//   setsid-linger <f> fork a child that leaves the group with setsid() and sleeps forever, write its
//                     pid to <f>, write a passing report, exit 0
//   eat-memory <mib>  allocate and touch that much memory, then sleep forever
//   spin              burn CPU without end
//   fail-on-seed <n>  fail a Boost.Test check and exit 201 when RACELAB_SEED is n, else pass
//   crash-on-seed <n> raise SIGSEGV when RACELAB_SEED is n, else pass
//   pass-after <ms>   sleep that long, then pass
//   fail-then-segv    print a Boost.Test failure line that explains, then raise SIGSEGV
//   write-file <f>    write <f> (a sandbox must stop it), then a passing report, exit 0
// With --list_content anywhere, it lists its one test case, fake_case, as Boost.Test does.
// Reports are written only where a judge asks for one with --report_sink=.
#include <poll.h>
#include <sys/personality.h>
#include <unistd.h>

#include <cstdint>
#include <vector>

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

/// Writes what Boost.Test writes at the end of a run to the file a judge
/// named with --report_sink=, if it named one.
void write_report(int argc, char** argv, bool passed) {
  const std::string option = "--report_sink=";
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg.rfind(option, 0) != 0) continue;
    std::ofstream(arg.substr(option.size()))
        << "<TestResult><TestSuite name=\"fake\" result=\"" << (passed ? "passed" : "failed")
        << "\" test_cases_passed=\"" << (passed ? 1 : 0) << "\" test_cases_passed_with_warnings=\"0\""
        << " test_cases_failed=\"" << (passed ? 0 : 1) << "\" test_cases_aborted=\"0\">"
        << "<TestCase name=\"fake_case\" result=\"" << (passed ? "passed" : "failed") << "\"/></TestSuite></TestResult>";
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return 100;
  // The grader's list of its test cases, as Boost.Test prints it (on stderr).
  for (int i = 1; i < argc; ++i) {
    if (std::string(argv[i]) == "--list_content") {
      std::fprintf(stderr, "fake_case*\n");
      return 0;
    }
  }
  std::string behaviour = argv[1];
  // The seeded behaviours turn into plain ones once the seed is known.
  const char* seed = std::getenv("RACELAB_SEED");
  const bool seed_is = argc > 2 && seed != nullptr && std::string(seed) == argv[2];
  if (behaviour == "fail-on-seed" && argc > 2) behaviour = seed_is ? "boost-fail" : "boost-pass";
  if (behaviour == "crash-on-seed" && argc > 2) behaviour = seed_is ? "segv" : "boost-pass";
  if (behaviour == "pass-after" && argc > 2) {
    ::poll(nullptr, 0, std::atoi(argv[2]));  // waits that many milliseconds
    behaviour = "boost-pass";
  }
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
  if (behaviour == "fail-then-segv") {
    std::printf("slow_test.cpp(136): error: in \"slow_tests/spinner\": slow() resumed itself inline: it co_awaits "
                "dispatch() on the loop's own thread, until the stack overflows\n");
    std::fflush(stdout);
    behaviour = "segv";
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
    if (persona != -1 && (persona & ADDR_NO_RANDOMIZE) != 0) {
      write_report(argc, argv, true);
      return 0;
    }
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
    write_report(argc, argv, true);
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
  if (behaviour == "boost-pass") {
    write_report(argc, argv, true);
    return 0;
  }
  if (behaviour == "failed-exit-zero") {
    write_report(argc, argv, false);
    ::_exit(0);
  }
  if (behaviour == "fork-many" && argc > 2) {
    for (int i = 0; i < std::atoi(argv[2]); ++i) {
      if (::fork() == 0) sleep_forever();
    }
    sleep_forever();
  }
  if (behaviour == "setsid-linger" && argc > 2) {
    const pid_t child = ::fork();
    if (child == 0) {
      ::setsid();
      sleep_forever();
    }
    std::ofstream(argv[2]) << child << '\n';
    write_report(argc, argv, true);
    return 0;
  }
  if (behaviour == "eat-memory" && argc > 2) {
    std::vector<char> block(static_cast<std::size_t>(std::atoll(argv[2])) << 20);
    for (std::size_t i = 0; i < block.size(); i += 4096) block[i] = 1;
    sleep_forever();
  }
  if (behaviour == "write-file" && argc > 2) {
    std::ofstream(argv[2]) << "escaped\n";
    write_report(argc, argv, true);
    return 0;
  }
  if (behaviour == "spin") {
    volatile std::uint64_t n = 0;
    for (;;) n = n + 1;
  }
  return 100;
}
