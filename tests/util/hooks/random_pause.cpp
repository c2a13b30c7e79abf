#include "random_pause.hpp"

#include <atomic>
#include <chrono>
#include <random>
#include <thread>

namespace racelab::testing {

namespace {

std::atomic<std::uint64_t> threads_paused{0};

std::mt19937_64 engine_for_this_thread(std::uint64_t run_seed) {
  const std::uint64_t order = threads_paused.fetch_add(1, std::memory_order_relaxed);
  std::seed_seq seeds{static_cast<std::uint32_t>(run_seed), static_cast<std::uint32_t>(run_seed >> 32),
                      static_cast<std::uint32_t>(order)};
  return std::mt19937_64(seeds);
}

}  // namespace

void random_pause(std::uint64_t run_seed) {
  thread_local std::mt19937_64 engine = engine_for_this_thread(run_seed);
  switch (engine() % 4) {
    case 0:
      std::this_thread::yield();
      break;
    case 1:
      std::this_thread::sleep_for(std::chrono::microseconds(1 + engine() % 10));
      break;
    default:
      break;
  }
}

}  // namespace racelab::testing
