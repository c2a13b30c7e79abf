// Corpus, exercise 5, correct. Style: a reader-writer lock around the flag
// (the spinner reads under std::shared_lock, the main thread writes under
// std::unique_lock), and a std::latch so the work starts only once the
// spinner runs.
#include "spinner.hpp"

#include <latch>
#include <mutex>
#include <shared_mutex>
#include <thread>

namespace racelab {

std::shared_mutex flag_mutex;
bool stop_now = false;  // under flag_mutex
long frames = 0;

void spin(std::latch& started) {
  started.count_down();
  for (;;) {
    {
      std::shared_lock<std::shared_mutex> lock(flag_mutex);
      if (stop_now) {
        break;
      }
    }
    draw_frame(frames);
    ++frames;
    std::this_thread::sleep_for(spinner_tick);
  }
}

SpinnerRun run_with_spinner(const std::function<long()>& work) {
  {
    std::unique_lock<std::shared_mutex> lock(flag_mutex);
    stop_now = false;
  }
  frames = 0;
  std::latch started(1);
  std::thread spinner(spin, std::ref(started));
  started.wait();
  const long answer = work();
  {
    std::unique_lock<std::shared_mutex> lock(flag_mutex);
    stop_now = true;
  }
  spinner.join();
  return {answer, frames};
}

}  // namespace racelab
