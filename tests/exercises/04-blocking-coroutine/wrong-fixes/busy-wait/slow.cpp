// A wrong fix for exercise 4: sleep_for is gone, but slow() now waits by
// watching the clock in a loop. The thread is no longer asleep, it is busy —
// and the event loop is just as stuck: no co_await, no other task runs.
#include "slow.hpp"

#include <boost/asio/post.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <chrono>
#include <cstdint>

namespace racelab {

boost::asio::awaitable<int> slow(std::chrono::milliseconds delay) {
  // The server takes its time to answer.
  const auto answer_time = std::chrono::steady_clock::now() + delay;
  while (std::chrono::steady_clock::now() < answer_time) {
    // wait without sleeping
  }
  co_return 42;
}

boost::asio::awaitable<bool> is_prime(std::uint64_t n) {
  if (n < 2) {
    co_return false;
  }
  if (n % 2 == 0) {
    co_return n == 2;
  }
  std::uint64_t until_next_step = 20'000;
  for (std::uint64_t divisor = 3; divisor * divisor <= n; divisor += 2) {
    if (n % divisor == 0) {
      co_return false;
    }
    if (--until_next_step == 0) {
      until_next_step = 20'000;
      co_await boost::asio::post(co_await boost::asio::this_coro::executor, boost::asio::use_awaitable);
    }
  }
  co_return true;
}

}  // namespace racelab
