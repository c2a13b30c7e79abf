// Corpus, exercise 4, wrong. Style: slow() waits on a condition variable with
// a timeout "so that it can be woken early"; is_prime() yields correctly.
// Bug: condition_variable::wait_for blocks the thread, and the event loop
// with it, for the whole delay: no other coroutine runs meanwhile.
#include "slow.hpp"

#include <boost/asio/post.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>

namespace racelab {
namespace {

std::mutex answer_mutex;
std::condition_variable answer_ready;
bool answered = false;  // nobody sets it: the wait always runs to its timeout

}  // namespace

boost::asio::awaitable<int> slow(std::chrono::milliseconds delay) {
  std::unique_lock<std::mutex> lock(answer_mutex);
  answer_ready.wait_for(lock, delay, [] { return answered; });
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
