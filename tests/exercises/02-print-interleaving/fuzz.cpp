// The kit's fuzz manipulator for exercise 2 (declared in the contract header).
//
// `std::cout << a << b` is not one write but two calls, one after the other;
// another thread may print in between, but on a quiet machine it rarely does.
// Written between the parts of a record, fuzz widens that gap at random: half
// the time it does nothing, a quarter of the time it yields the processor and
// a quarter of the time it sleeps a few microseconds. A record that can be
// split is then split on every run; a correct program only gets slower.
#include "printer.hpp"

#include <chrono>
#include <functional>
#include <ostream>
#include <random>
#include <thread>

namespace racelab {

std::ostream& fuzz(std::ostream& out) {
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
  return out;
}

}  // namespace racelab
