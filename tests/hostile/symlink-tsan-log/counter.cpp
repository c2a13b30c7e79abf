// Hostile submission: the starter's racy counter, which plants its
// ThreadSanitizer log name as a symbolic link to /dev/null before any report
// is written, so that TSan's reports go nowhere.
#include "counter.hpp"

#include <unistd.h>

#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

namespace racelab {

long counter = 0;

namespace {

/// The sanitizer's log path, found in whichever variable of the environment holds it.
std::string log_path() {
  for (char** variable = environ; *variable != nullptr; ++variable) {
    const std::string text(*variable);
    const auto at = text.find("log_path=");
    if (at != std::string::npos) return text.substr(at + 9, text.find(' ', at) - at - 9);
  }
  return {};
}

[[maybe_unused]] const bool planted = [] {
  const std::string path = log_path();
  if (path.empty()) return false;
  const std::string log = path + "." + std::to_string(::getpid());
  return ::symlink("/dev/null", log.c_str()) == 0;
}();

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
