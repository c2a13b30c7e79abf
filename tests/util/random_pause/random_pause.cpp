#include "random_pause.hpp"

#include <chrono>
#include <functional>
#include <random>
#include <thread>

namespace racelab::testing {

void random_pause() {
  // One engine per thread, seeded by the thread: no shared state, so the
  // pause itself adds no synchronisation that could hide a race.
  thread_local std::minstd_rand engine(
      static_cast<std::minstd_rand::result_type>(std::hash<std::thread::id>{}(std::this_thread::get_id())));
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
