// Corpus, exercise 5, wrong. Style: a condition variable used as the stop
// signal: the spinner waits one tick with wait_for(), and a wake-up before the
// time-out means "stop".
// Bug: there is no flag, only the notification. A notify_one() sent while the
// spinner is drawing (not waiting) is lost, and the spinner never stops; a
// spurious wake-up stops it early. No data race: only the spinner's
// behaviour shows it.
#include "spinner.hpp"

#include <condition_variable>
#include <mutex>
#include <thread>

namespace racelab {

std::mutex wake_mutex;
std::condition_variable wake;
long frames = 0;

void spin() {
  for (;;) {
    draw_frame(frames);
    ++frames;
    std::unique_lock<std::mutex> lock(wake_mutex);
    if (wake.wait_for(lock, spinner_tick) == std::cv_status::no_timeout) {
      return;  // woken up: told to stop
    }
  }
}

SpinnerRun run_with_spinner(const std::function<long()>& work) {
  frames = 0;
  std::thread spinner(spin);
  const long answer = work();
  wake.notify_one();
  spinner.join();
  return {answer, frames};
}

}  // namespace racelab
