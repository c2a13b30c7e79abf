// The kit's draw_frame() for exercise 5 (declared in the contract header).
//
// Only relaxed atomics here, on purpose: the kit must not add any ordering
// between the spinner and the main thread. If it locked a mutex shared by both,
// that lock would hide the very race the exercise is about from
// ThreadSanitizer. The hold (hold.hpp) polls relaxed atomics too.
#include "spinner_kit.hpp"

#include <atomic>

#include "hold.hpp"
#include "spinner.hpp"

namespace racelab {
namespace {

using testing::hold_until;

std::atomic<long> frames_drawn{0};
std::atomic<long> frames_on_work_thread{0};
std::atomic<long> threads_started{0};
std::atomic<long> threads_finished{0};
std::atomic<std::thread::id> work_thread{};
std::atomic<long> last_frame{-1};  // the "status line": the last frame shown

// The forced schedule (spinner_kit.hpp): armed by the grader, taken by the
// first frame drawn after that; `frame_held` while that frame is held, and
// `work_ending` once the work has seen it.
std::atomic<bool> hold_armed{false};
std::atomic<bool> frame_held{false};
std::atomic<bool> work_ending{false};

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

// The held frame: first until the work has seen it and is about to return
// (the work runs meanwhile, so the census cannot end this half early), then
// until the main thread cannot run (it waits for the spinner, having given its
// order) or the limit passes.
void hold_this_frame() {
  work_ending.store(false, std::memory_order_relaxed);
  frame_held.store(true, std::memory_order_relaxed);
  hold_until([] { return work_ending.load(std::memory_order_relaxed); }, kit::held_frame_limit * 10);
  hold_until([] { return false; }, kit::held_frame_limit);
  frame_held.store(false, std::memory_order_relaxed);
}

}  // namespace

void draw_frame(long frame) {
  frames_drawn.fetch_add(1, std::memory_order_relaxed);
  if (std::this_thread::get_id() == work_thread.load(std::memory_order_relaxed)) {
    frames_on_work_thread.fetch_add(1, std::memory_order_relaxed);
  } else {
    if (!mark.counted) {
      mark.counted = true;
      threads_started.fetch_add(1, std::memory_order_relaxed);
    }
    if (hold_armed.exchange(false, std::memory_order_relaxed)) hold_this_frame();
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

void hold_next_frame() {
  frame_held.store(false, std::memory_order_relaxed);
  hold_armed.store(true, std::memory_order_relaxed);
}

bool end_work_while_a_frame_is_drawn(std::chrono::milliseconds limit) {
  const auto give_up = std::chrono::steady_clock::now() + limit;
  while (!frame_held.load(std::memory_order_relaxed)) {
    if (std::chrono::steady_clock::now() >= give_up) {
      // Disarmed, unless a spinner took it just now: then it is held, and
      // goes on once the main thread waits.
      if (hold_armed.exchange(false, std::memory_order_relaxed)) return false;
    }
    std::this_thread::yield();
  }
  work_ending.store(true, std::memory_order_relaxed);
  testing::wake_held_threads();
  return true;
}

}  // namespace kit
}  // namespace racelab
