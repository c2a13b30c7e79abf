// Hostile submission: the starter's racy counter, which at start-up forks a
// child that leaves the process group with setsid() and waits forever. It must
// not outlive the judge. The child writes its pid where the self-test looks
// (RACELAB_HOSTILE_PID_FILE, set by tests/hostile/CMakeLists.txt).
#include "counter.hpp"

#include <unistd.h>

#include <fstream>
#include <thread>
#include <vector>

namespace racelab {

long counter = 0;

namespace {

[[maybe_unused]] const bool daemon_started = [] {
  if (::fork() == 0) {
    ::setsid();
    std::ofstream(RACELAB_HOSTILE_PID_FILE) << ::getpid() << '\n';
    for (;;) ::pause();
  }
  return true;
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
