// Exercise 6 — the prime pool. Reference solution, coroutine strategy: one
// coroutine per number on an event loop; in pool mode each coroutine hands its
// is_prime() call to a thread pool and waits for the verdict without holding
// the loop.
#include "prime_pool.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <optional>
#include <vector>

namespace racelab {

namespace {

// Checks `n` on a pool thread. co_spawn runs the lambda there; co_await
// suspends the caller until it is done, and the caller resumes on its own
// event loop, never on the pool. `n` is copied in and the verdict handed back
// by Asio: the two threads share nothing else.
boost::asio::awaitable<bool> is_prime_on(boost::asio::thread_pool& pool, std::uint64_t n) {
  co_return co_await boost::asio::co_spawn(
      pool, [n]() -> boost::asio::awaitable<bool> { co_return is_prime(n); }, boost::asio::use_awaitable);
}

// One number's coroutine. `primes` belongs to the event loop: every coroutine
// runs on the loop's thread whenever it touches it, so it needs no lock.
boost::asio::awaitable<void> check_number(std::uint64_t n, boost::asio::thread_pool* pool,
                                          std::vector<std::uint64_t>& primes) {
  const bool prime = pool ? co_await is_prime_on(*pool, n) : is_prime(n);
  if (prime) {
    primes.push_back(n);
  }
}

}  // namespace

std::vector<std::uint64_t> primes_coroutines(const std::vector<std::uint64_t>& numbers, CoroutineMode mode,
                                             int workers) {
  std::optional<boost::asio::thread_pool> pool;
  if (mode == CoroutineMode::thread_pool) {
    pool.emplace(static_cast<std::size_t>(workers));
  }
  boost::asio::io_context loop;
  std::vector<std::uint64_t> primes;
  for (std::uint64_t n : numbers) {
    boost::asio::co_spawn(loop, check_number(n, pool ? &*pool : nullptr, primes), boost::asio::detached);
  }
  // Runs the coroutines on this thread until every one has finished: a
  // coroutine waiting for the pool still counts as work for the loop.
  loop.run();
  if (pool) {
    pool->join();
    // The pool's threads end here: none outlives the call.
  }
  return primes;
}

}  // namespace racelab
