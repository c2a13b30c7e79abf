// The kit's fuzz() for exercise 3 (declared in the contract header).
//
// The editors and the display call it around every assignment and read of
// the headline, so that each run mixes them in a different order: at random,
// half the calls do nothing, a quarter yield the processor and a quarter
// sleep a few microseconds. A correct program is only slowed down by it.
#include "shared_string.hpp"

#include <chrono>
#include <functional>
#include <random>
#include <thread>

namespace racelab {

void fuzz() {
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

}  // namespace racelab
