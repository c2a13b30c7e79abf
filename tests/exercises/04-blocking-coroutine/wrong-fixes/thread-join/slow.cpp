// A wrong fix for exercise 4: is_prime() moves the computation to a
// std::thread — and then join()s it inside the coroutine. join() blocks the
// loop's thread until the computation ends, exactly as if the loop had run
// it itself.
#include "slow.hpp"

#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <chrono>
#include <cstdint>
#include <thread>

namespace racelab {

boost::asio::awaitable<int> slow(std::chrono::milliseconds delay) {
  // The server takes its time to answer.
  boost::asio::steady_timer timer(co_await boost::asio::this_coro::executor, delay);
  co_await timer.async_wait(boost::asio::use_awaitable);
  co_return 42;
}

boost::asio::awaitable<bool> is_prime(std::uint64_t n) {
  if (n < 2) {
    co_return false;
  }
  if (n % 2 == 0) {
    co_return n == 2;
  }
  bool prime = true;
  std::thread worker([n, &prime] {
    for (std::uint64_t divisor = 3; divisor * divisor <= n; divisor += 2) {
      if (n % divisor == 0) {
        prime = false;
        return;
      }
    }
  });
  worker.join();
  co_return prime;
}

}  // namespace racelab
