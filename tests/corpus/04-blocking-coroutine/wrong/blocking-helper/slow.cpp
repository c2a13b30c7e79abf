// Corpus, exercise 4, wrong. Style: the waiting is wrapped in a helper
// function; is_prime() yields correctly.
// Bug: the helper sleeps with std::this_thread::sleep_for, and slow() calls
// it: a blocking call reached through a helper still blocks the event loop.
#include "slow.hpp"

#include <boost/asio/post.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <chrono>
#include <cstdint>
#include <thread>

namespace racelab {
namespace {

void wait_for_server(std::chrono::milliseconds delay) {
  std::this_thread::sleep_for(delay);
}

int ask_server(std::chrono::milliseconds delay) {
  wait_for_server(delay);
  return 42;
}

}  // namespace

boost::asio::awaitable<int> slow(std::chrono::milliseconds delay) {
  co_return ask_server(delay);
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
