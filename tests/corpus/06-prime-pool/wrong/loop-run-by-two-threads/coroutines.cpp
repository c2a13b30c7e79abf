// Corpus, exercise 6, wrong (coroutine strategy). Style: the reference's
// co_spawn onto the pool, and "a second thread on the event loop to go
// faster".
// Bug: two threads run the same io_context, so the coroutines run on both at
// once: their appends to `primes` race, and in one_thread mode half the checks
// run on a thread that is not the loop's caller.
#include "prime_pool.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <optional>
#include <thread>
#include <vector>

namespace racelab {
namespace {

boost::asio::awaitable<void> check(std::uint64_t n, boost::asio::thread_pool* pool,
                                   std::vector<std::uint64_t>& primes) {
  bool prime;
  if (pool != nullptr) {
    prime = co_await boost::asio::co_spawn(
        *pool, [n]() -> boost::asio::awaitable<bool> { co_return is_prime(n); }, boost::asio::use_awaitable);
  } else {
    prime = is_prime(n);
  }
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
    boost::asio::co_spawn(loop, check(n, pool ? &*pool : nullptr, primes), boost::asio::detached);
  }
  std::thread helper([&loop] { loop.run(); });
  loop.run();
  helper.join();
  if (pool) {
    pool->join();
  }
  return primes;
}

}  // namespace racelab
