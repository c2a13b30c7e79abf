// Corpus, exercise 6, correct (threaded strategy). Style: one std::async
// task per worker (std::launch::async), each returning the primes of its
// share (every workers-th number); the results come back through the futures.
#include "prime_pool.hpp"

#include <cstddef>
#include <future>
#include <vector>

namespace racelab {
namespace {

std::vector<std::uint64_t> primes_in_share(const std::vector<std::uint64_t>& numbers, std::size_t first,
                                           std::size_t stride) {
  std::vector<std::uint64_t> primes;
  for (std::size_t i = first; i < numbers.size(); i += stride) {
    if (is_prime(numbers[i])) {
      primes.push_back(numbers[i]);
    }
  }
  return primes;
}

}  // namespace

std::vector<std::uint64_t> primes_threaded(const std::vector<std::uint64_t>& numbers, int workers) {
  const auto stride = static_cast<std::size_t>(workers);
  std::vector<std::future<std::vector<std::uint64_t>>> shares;
  for (std::size_t first = 0; first < stride; ++first) {
    shares.push_back(std::async(std::launch::async, primes_in_share, std::cref(numbers), first, stride));
  }
  std::vector<std::uint64_t> primes;
  for (auto& share : shares) {
    const std::vector<std::uint64_t> some = share.get();  // waits for that task, and joins it
    primes.insert(primes.end(), some.begin(), some.end());
  }
  return primes;
}

}  // namespace racelab
