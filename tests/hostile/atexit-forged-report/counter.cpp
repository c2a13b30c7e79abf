// Hostile submission: the starter's racy counter, and an atexit handler that
// writes a passing Boost.Test report where the command line says the report
// goes, then leaves with _exit(0) so that nothing else is written.
#include "counter.hpp"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <unistd.h>
#include <thread>
#include <vector>

namespace racelab {

long counter = 0;

namespace {

void forge() {
  std::ifstream cmdline("/proc/self/cmdline");
  std::string arg;
  while (std::getline(cmdline, arg, '\0')) {
    if (arg.rfind("--report_sink=", 0) == 0) {
      std::ofstream(arg.substr(14)) << "<TestResult><TestSuite name=\"exercise1\" result=\"passed\" "
                                       "test_cases_passed=\"5\" test_cases_failed=\"0\" test_cases_aborted=\"0\"/>"
                                       "</TestResult>";
    }
  }
  ::_exit(0);
}

[[maybe_unused]] const int registered = std::atexit(forge);

}  // namespace

void worker(long increments) {
  for (long i = 0; i < increments; ++i) {
    long old_value = counter;
    fuzz();
    counter = old_value + 1;
    fuzz();
  }
}

long count_in_parallel(int workers, long increments) {
  counter = 0;
  std::vector<std::thread> threads;
  for (int w = 0; w < workers; ++w) threads.emplace_back(worker, increments);
  for (std::thread& thread : threads) thread.join();
  return counter;
}

}  // namespace racelab
