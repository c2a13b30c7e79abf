// Exercise 5 — stopping a thread. Reference solution: an event, built from a
// mutex, a flag and a condition variable, like Python's threading.Event.
#include "spinner.hpp"

#include <condition_variable>
#include <mutex>
#include <thread>

namespace racelab {

namespace {

// A one-shot signal. set() wakes a waiting thread at once; wait_for() sleeps
// until the signal is set or the time is up, and says which.
class Event {
 public:
  void set() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      is_set_ = true;
    }
    changed_.notify_all();
  }

  // True if the event was set (now or during the wait); false on time-out.
  bool wait_for(std::chrono::milliseconds timeout) {
    std::unique_lock<std::mutex> lock(mutex_);
    return changed_.wait_for(lock, timeout, [this] { return is_set_; });
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  bool is_set_ = false;  // only read or written with mutex_ held
};

}  // namespace

SpinnerRun run_with_spinner(const std::function<long()>& work) {
  Event done;
  // The flag now lives inside the event, behind its mutex: the main thread
  // writes it and the spinner reads it only while holding that same mutex.
  long frames = 0;
  std::thread spinner([&done, &frames] {
    while (true) {
      draw_frame(frames);
      ++frames;
      if (done.wait_for(spinner_tick)) break;
      // Instead of sleep_for(): wait one tick *or* until told to stop,
      // whichever comes first. The spinner stops at once, not at the next tick.
    }
  });
  const long answer = work();
  done.set();
  // Sets the flag under the mutex and wakes the spinner if it is waiting.
  spinner.join();
  return {answer, frames};
  // After join() the spinner has finished: reading `frames` is safe.
}

}  // namespace racelab
