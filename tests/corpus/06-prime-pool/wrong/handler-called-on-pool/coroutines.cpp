// Corpus, exercise 6, wrong (coroutine strategy). Style: a hand-written
// asynchronous operation (async_initiate) that runs the check on the pool.
// Bug: the pool thread calls the completion handler itself instead of
// posting it back to the loop: the coroutine resumes on the pool thread and
// appends to `primes` there, at the same time as other coroutines on other
// pool threads and on the loop: a data race on the list.
#include "prime_pool.hpp"

#include <boost/asio/async_result.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <optional>
#include <utility>
#include <vector>

namespace racelab {
namespace {

template <class CompletionToken>
auto async_is_prime(boost::asio::thread_pool& pool, std::uint64_t n, CompletionToken&& token) {
  return boost::asio::async_initiate<CompletionToken, void(bool)>(
      [&pool](auto handler, std::uint64_t number) {
        boost::asio::post(pool, [handler = std::move(handler), number]() mutable {
          std::move(handler)(is_prime(number));  // resumes the coroutine right here, on the pool
        });
      },
      token, n);
}

boost::asio::awaitable<void> check(std::uint64_t n, boost::asio::thread_pool* pool,
                                   std::vector<std::uint64_t>& primes) {
  const bool prime = pool ? co_await async_is_prime(*pool, n, boost::asio::use_awaitable) : is_prime(n);
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
  loop.run();
  if (pool) {
    pool->join();
  }
  return primes;
}

}  // namespace racelab
