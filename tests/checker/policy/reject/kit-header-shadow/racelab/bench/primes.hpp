// The kit's primality test, replaced by one that does no work: the perf
// driver and the grader include racelab/bench/primes.hpp too.
// CHECK-MESSAGES: :[[@LINE-2]]:1: error: 'racelab/bench/primes.hpp' in your folder has the name of a kit header [racelab-policy-include]
#pragma once

#include <cstdint>

namespace racelab::bench {

inline bool is_prime(std::uint64_t n) { return n % 2 == 1; }
// CHECK-MESSAGES: :[[@LINE-1]]:13: error: 'is_prime' is declared in namespace 'racelab::bench', which belongs to the grader [racelab-policy-declaration]

}  // namespace racelab::bench
