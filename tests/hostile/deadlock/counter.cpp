// Hostile submission: a correct counter (one mutex) plus an audit that takes
// a second mutex. The transfer path takes counter then audit, the audit path
// audit then counter: once both hold their first lock, neither moves again.
// The judges must stop it at the time limit; under TSan, the verdict must show
// the lock-order inversion TSan saw before the hang.
#include "counter.hpp"

#include <barrier>
#include <mutex>
#include <thread>
#include <vector>

namespace racelab {

long counter = 0;
std::mutex counter_mutex;
std::mutex audit_mutex;
long audited = 0;

void worker(long increments) {
  for (long i = 0; i < increments; ++i) {
    std::lock_guard<std::mutex> lock(counter_mutex);
    long old_value = counter;
    fuzz();
    counter = old_value + 1;
    fuzz();
  }
}

namespace {

// The first lock is taken by both before either asks for its second.
std::barrier both_hold_one(2);

void transfer() {
  std::lock_guard<std::mutex> first(counter_mutex);
  both_hold_one.arrive_and_wait();
  std::lock_guard<std::mutex> second(audit_mutex);
  ++audited;
}

void audit() {
  std::lock_guard<std::mutex> first(audit_mutex);
  both_hold_one.arrive_and_wait();
  std::lock_guard<std::mutex> second(counter_mutex);
  ++audited;
}

}  // namespace

long count_in_parallel(int workers, long increments) {
  counter = 0;
  std::vector<std::thread> threads;
  for (int w = 0; w < workers; ++w) threads.emplace_back(worker, increments);
  for (std::thread& thread : threads) thread.join();
  {
    // An audit alone, in the right order: the order TSan learns.
    std::lock_guard<std::mutex> first(counter_mutex);
    std::lock_guard<std::mutex> second(audit_mutex);
  }
  if (workers > 1 && increments > 0) {
    std::thread a(transfer);
    std::thread b(audit);
    a.join();
    b.join();
  }
  return counter;
}

}  // namespace racelab
