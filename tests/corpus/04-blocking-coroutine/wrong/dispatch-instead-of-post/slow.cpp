// Corpus, exercise 4, wrong. Style: the reference's yielding loop, with
// boost::asio::dispatch() "because it is faster than post()".
// Bug: dispatch() runs the continuation at once when it is already on the
// right executor, which it always is here: the coroutine never goes to the
// back of the queue, the loop never gets a turn (and each "yield" nests one
// more resumption on the stack).
#include "slow.hpp"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <chrono>
#include <cstdint>

namespace racelab {

boost::asio::awaitable<int> slow(std::chrono::milliseconds delay) {
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
  std::uint64_t until_next_step = 20'000;
  for (std::uint64_t divisor = 3; divisor * divisor <= n; divisor += 2) {
    if (n % divisor == 0) {
      co_return false;
    }
    if (--until_next_step == 0) {
      until_next_step = 20'000;
      co_await boost::asio::dispatch(co_await boost::asio::this_coro::executor, boost::asio::use_awaitable);
    }
  }
  co_return true;
}

}  // namespace racelab
