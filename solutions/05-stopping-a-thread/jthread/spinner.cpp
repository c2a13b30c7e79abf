// Exercise 5 — stopping a thread. Reference solution: std::jthread and its
// stop token (C++20), the standard library's own way to ask a thread to stop.
#include "spinner.hpp"

#include <condition_variable>
#include <mutex>
#include <stop_token>
#include <thread>

namespace racelab {

namespace {

// The spinner's body. The jthread passes it a stop_token: the receiving end of
// the stop request, safe to test from any thread at any time.
void spin(std::stop_token stop, long& frames) {
  std::mutex mutex;
  std::condition_variable_any tick;
  std::unique_lock<std::mutex> lock(mutex);
  while (!stop.stop_requested()) {
    draw_frame(frames);
    ++frames;
    tick.wait_for(lock, stop, spinner_tick, [] { return false; });
    // Sleeps one tick, but a stop request wakes it at once: this overload of
    // wait_for() watches the stop token. (A plain sleep_for() would also be
    // correct, only up to one tick slower to stop.) The mutex and the
    // condition variable are the spinner's own; no other thread uses them.
  }
}

}  // namespace

SpinnerRun run_with_spinner(const std::function<long()>& work) {
  long frames = 0;
  std::jthread spinner(spin, std::ref(frames));
  // No flag of our own: the jthread owns a stop state and hands its token to spin().
  const long answer = work();
  spinner.request_stop();
  // Thread-safe by design: any thread may request a stop while the spinner tests it.
  spinner.join();
  // ~jthread() would request the stop and join by itself; written out here so
  // that `frames` is read only once the spinner has finished.
  return {answer, frames};
}

}  // namespace racelab
