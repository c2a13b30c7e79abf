#pragma once
/// \file
/// The CPU-bound workload shared by exercise 6 and the perf harness: checking
/// large numbers for primality by trial division. Header-only, so a grader,
/// a student's strategy and the reference all test numbers the same way and
/// do the same work.

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace racelab::bench {

/// True when `n` is prime. Trial division by 6k ± 1 up to √n: deliberately
/// plain, so every number costs real CPU time (~3 ms for one near 3·10^13).
inline bool is_prime(std::uint64_t n) {
  if (n < 2) return false;
  if (n < 4) return true;
  if (n % 2 == 0 || n % 3 == 0) return false;
  for (std::uint64_t i = 5; i * i <= n; i += 6) {
    if (n % i == 0 || n % (i + 2) == 0) return false;
  }
  return true;
}

/// The first 32 primes above 3·10^13.
inline constexpr std::array<std::uint64_t, 32> large_primes{
    30000000000011ull, 30000000000013ull, 30000000000017ull, 30000000000073ull,
    30000000000079ull, 30000000000109ull, 30000000000161ull, 30000000000163ull,
    30000000000181ull, 30000000000253ull, 30000000000263ull, 30000000000319ull,
    30000000000329ull, 30000000000413ull, 30000000000419ull, 30000000000457ull,
    30000000000463ull, 30000000000533ull, 30000000000571ull, 30000000000611ull,
    30000000000637ull, 30000000000713ull, 30000000000727ull, 30000000000743ull,
    30000000000767ull, 30000000000863ull, 30000000000907ull, 30000000000913ull,
    30000000000917ull, 30000000000941ull, 30000000000973ull, 30000000001003ull};

/// Products of two consecutive primes just above √(3·10^13): composite, but
/// trial division must run as far as for a prime to find the smaller factor,
/// so every number of the workload costs about the same.
inline constexpr std::array<std::uint64_t, 16> hard_composites{
    30000103245221ull, 30000519516493ull, 30000705744091ull, 30000990563807ull,
    30001297294327ull, 30001549252673ull, 30001834076413ull, 30001987443613ull,
    30002327043763ull, 30002666645957ull, 30003017204857ull, 30003455406677ull,
    30003992208019ull, 30004408506383ull, 30004868628851ull, 30005580730189ull};

/// `size` numbers of about equal cost: two primes, then a hard composite,
/// repeating (cycling through the tables when `size` is large).
inline std::vector<std::uint64_t> prime_workload(std::size_t size) {
  std::vector<std::uint64_t> numbers;
  numbers.reserve(size);
  std::size_t next_prime = 0, next_composite = 0;
  for (std::size_t i = 0; i < size; ++i) {
    if (i % 3 == 2) {
      numbers.push_back(hard_composites[next_composite++ % hard_composites.size()]);
    } else {
      numbers.push_back(large_primes[next_prime++ % large_primes.size()]);
    }
  }
  return numbers;
}

}  // namespace racelab::bench
