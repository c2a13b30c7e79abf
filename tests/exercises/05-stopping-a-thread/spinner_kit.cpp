// The kit's draw_frame() for exercise 5 (declared in the contract header).
//
// Only relaxed atomics here, on purpose: the kit must not add any ordering
// between the spinner and the main thread. If it locked a mutex shared by both,
// that lock would hide the very race the exercise is about from
// ThreadSanitizer.
#include "spinner_kit.hpp"

#include <atomic>

#include "spinner.hpp"

namespace racelab {
namespace {

std::atomic<long> frames_drawn{0};
std::atomic<long> frames_on_work_thread{0};
std::atomic<long> threads_started{0};
std::atomic<long> threads_finished{0};
std::atomic<std::thread::id> work_thread{};
std::atomic<long> last_frame{-1};  // the "status line": the last frame shown

// One per thread that draws: counts the thread in when it draws its first frame
// and out when the thread ends (thread_local objects are destroyed as the
// thread exits, before join() returns in the thread that waits for it).
struct SpinnerThreadMark {
  bool counted = false;
  ~SpinnerThreadMark() {
    if (counted) threads_finished.fetch_add(1, std::memory_order_relaxed);
  }
};
thread_local SpinnerThreadMark mark;

}  // namespace

void draw_frame(long frame) {
  frames_drawn.fetch_add(1, std::memory_order_relaxed);
  if (std::this_thread::get_id() == work_thread.load(std::memory_order_relaxed)) {
    frames_on_work_thread.fetch_add(1, std::memory_order_relaxed);
  } else if (!mark.counted) {
    mark.counted = true;
    threads_started.fetch_add(1, std::memory_order_relaxed);
  }
  last_frame.store(frame, std::memory_order_relaxed);
}

namespace kit {

SpinnerStats spinner_stats() {
  SpinnerStats stats;
  stats.frames_drawn = frames_drawn.load(std::memory_order_relaxed);
  stats.frames_on_work_thread = frames_on_work_thread.load(std::memory_order_relaxed);
  stats.threads_started = threads_started.load(std::memory_order_relaxed);
  stats.threads_finished = threads_finished.load(std::memory_order_relaxed);
  return stats;
}

void set_work_thread(std::thread::id id) { work_thread.store(id, std::memory_order_relaxed); }

}  // namespace kit
}  // namespace racelab
