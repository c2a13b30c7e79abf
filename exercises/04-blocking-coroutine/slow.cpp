// Exercise 4 — blocking inside a coroutine.
//
// slow() waits for a pretend server, is_prime() does a long computation. The
// grader runs each of them on an Asio event loop next to a spinner that
// should tick every 10 ms. Run `ctest -L exercise4` and read what the three
// judges say, then read README.md in this folder.
#include "slow.hpp"

#include <chrono>
#include <cstdint>
#include <thread>

namespace racelab {

boost::asio::awaitable<int> slow(std::chrono::milliseconds delay) {
  // The server takes its time to answer.
  // TODO: the spinner must keep turning while slow() waits.
  std::this_thread::sleep_for(delay);
  co_return 42;
}

boost::asio::awaitable<bool> is_prime(std::uint64_t n) {
  if (n < 2) {
    co_return false;
  }
  if (n % 2 == 0) {
    co_return n == 2;
  }
  // Try every odd divisor up to the square root of n.
  // TODO: the spinner must keep turning while this loop runs, too.
  for (std::uint64_t divisor = 3; divisor * divisor <= n; divisor += 2) {
    if (n % divisor == 0) {
      co_return false;
    }
  }
  co_return true;
}

}  // namespace racelab
