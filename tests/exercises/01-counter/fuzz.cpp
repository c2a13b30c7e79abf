// The kit's fuzz() for exercise 1 (declared in the contract header).
//
// A race needs two threads to interleave at one exact point, which on a quiet
// machine may happen once in a million runs. Hettinger's fix is to fuzz: at
// random, let other threads run right there. Half the calls do nothing, a
// quarter yield the processor and a quarter sleep a few microseconds, so a
// racy program loses updates on every run and a correct one only gets slower.
#include "counter.hpp"

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
