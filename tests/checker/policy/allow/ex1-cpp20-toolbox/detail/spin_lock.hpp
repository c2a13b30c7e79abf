// A lock that spins: for very short critical sections only.
#pragma once

#include <atomic>
#include <thread>

namespace racelab {

class SpinLock {
 public:
  void lock() noexcept {
    while (flag_.test_and_set(std::memory_order_acquire)) {
      if (__builtin_expect(++spins_ % 64 == 0, 0)) {
        std::this_thread::yield();
      } else {
        __builtin_ia32_pause();
      }
    }
  }
  void unlock() noexcept { flag_.clear(std::memory_order_release); }

 private:
  std::atomic_flag flag_ = ATOMIC_FLAG_INIT;
  unsigned spins_ = 0;
};

}  // namespace racelab
