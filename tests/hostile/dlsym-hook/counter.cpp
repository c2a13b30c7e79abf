// Hostile submission: the starter's racy counter, and TSan's interface found
// at run time with dlsym() from a string, to turn its reports off.
#include "counter.hpp"

#include <dlfcn.h>
#include <thread>
#include <vector>

namespace racelab {

long counter = 0;

namespace {

[[maybe_unused]] const bool ignoring = [] {
  using Ignore = void (*)();
  if (auto ignore = reinterpret_cast<Ignore>(::dlsym(RTLD_DEFAULT, "__tsan_ignore_thread_begin"))) ignore();
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
