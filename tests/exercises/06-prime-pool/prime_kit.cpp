// The kit's racelab::is_prime() for the graders: the shared workload's test,
// plus a count of which thread called it.
//
// The counts are relaxed atomics on purpose: they must not order the
// student's threads in any way. A mutex here would create happens-before
// edges between the workers, and could hide their own race from
// ThreadSanitizer.
#include "prime_kit.hpp"

#include <atomic>

#include "prime_pool.hpp"

namespace racelab {

namespace {

std::atomic<std::thread::id> watched_thread{};
std::atomic<long> calls_on_caller{0};
std::atomic<long> calls_elsewhere{0};

}  // namespace

bool is_prime(std::uint64_t n) {
  if (std::this_thread::get_id() == watched_thread.load(std::memory_order_relaxed)) {
    calls_on_caller.fetch_add(1, std::memory_order_relaxed);
  } else {
    calls_elsewhere.fetch_add(1, std::memory_order_relaxed);
  }
  return bench::is_prime(n);
}

namespace testing {

void watch_checks_from(std::thread::id caller) {
  watched_thread.store(caller, std::memory_order_relaxed);
  calls_on_caller.store(0, std::memory_order_relaxed);
  calls_elsewhere.store(0, std::memory_order_relaxed);
}

WhereChecked checks_seen() {
  return WhereChecked{calls_on_caller.load(std::memory_order_relaxed),
                      calls_elsewhere.load(std::memory_order_relaxed)};
}

}  // namespace testing

}  // namespace racelab
