// POLICY-EXERCISE: 05-stopping-a-thread
// Exercise 5 with C++20's atomic wait, a stop_source and a binary semaphore.
#include "spinner.hpp"

#include <atomic>
#include <chrono>
#include <semaphore>
#include <stop_token>
#include <thread>

namespace racelab {

SpinnerRun run_with_spinner(const std::function<long()> &work) {
  std::atomic<bool> done{false};
  std::binary_semaphore finished(0);
  std::stop_source stop;
  long frames = 0;
  std::thread spinner([&, token = stop.get_token()] {
    std::stop_callback wake(token, [&done] {
      done.store(true);
      done.notify_all();
    });
    while (!done.load(std::memory_order_acquire)) {
      draw_frame(frames);
      ++frames;
      std::this_thread::sleep_for(spinner_tick);
    }
    finished.release();
  });
  const long answer = work();
  stop.request_stop();
  finished.acquire();
  spinner.join();
  return {answer, frames};
}

}  // namespace racelab
