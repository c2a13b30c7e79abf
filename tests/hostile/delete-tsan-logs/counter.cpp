// Hostile submission: the starter's racy counter, and an atexit handler that
// finds ThreadSanitizer's log folder in the environment (environ) and deletes
// every log in it.
#include "counter.hpp"

#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
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

void delete_logs() {
  const std::filesystem::path log(log_path());
  if (log.empty()) return;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(log.parent_path(), ec)) {
    std::filesystem::remove(entry.path(), ec);
  }
}

[[maybe_unused]] const int registered = std::atexit(delete_logs);

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
