// Exercise 4 — blocking inside a coroutine. Reference solution: wait on a
// timer, and run the computation on a thread pool while the loop stays free.
#include "slow.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <chrono>
#include <cstdint>

namespace racelab {

namespace {

// The computation itself: an ordinary function. It blocks whichever thread
// runs it, so it must never run on the event loop's thread.
bool divides_by_none(std::uint64_t n) {
  // Try every odd divisor up to the square root of n.
  for (std::uint64_t divisor = 3; divisor * divisor <= n; divisor += 2) {
    if (n % divisor == 0) {
      return false;
    }
  }
  return true;
}

boost::asio::thread_pool& computing_threads() {
  static boost::asio::thread_pool pool(2);
  // Threads of their own for long computations, started on first use and
  // joined when the program ends. The event loop's thread is not among them.
  return pool;
}

}  // namespace

boost::asio::awaitable<int> slow(std::chrono::milliseconds delay) {
  // The server takes its time to answer.
  boost::asio::steady_timer timer(co_await boost::asio::this_coro::executor, delay);
  // A timer on the coroutine's own event loop: it fires `delay` from now.
  co_await timer.async_wait(boost::asio::use_awaitable);
  // co_await suspends this coroutine and returns the loop to other tasks; the
  // loop resumes it when the timer fires.
  co_return 42;
}

boost::asio::awaitable<bool> is_prime(std::uint64_t n) {
  if (n < 2) {
    co_return false;
  }
  if (n % 2 == 0) {
    co_return n == 2;
  }
  const bool prime = co_await boost::asio::co_spawn(
      computing_threads(), [n]() -> boost::asio::awaitable<bool> { co_return divides_by_none(n); },
      boost::asio::use_awaitable);
  // co_spawn runs the computation on a pool thread; co_await suspends this
  // coroutine until it is done, and the loop runs other tasks meanwhile. The
  // result comes back through the loop: this coroutine resumes on the loop's
  // thread, never on the pool's. `n` is copied into the lambda, so the two
  // threads share nothing but the result that Asio hands over.
  co_return prime;
}

}  // namespace racelab
