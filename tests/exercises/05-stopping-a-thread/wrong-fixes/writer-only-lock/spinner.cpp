// A wrong fix for exercise 5: the main thread locks a mutex to set the flag,
// the spinner reads it without. A lock protects only against threads that take
// it too: the spinner's reads still race with the write.
#include "spinner.hpp"

#include <mutex>
#include <thread>

namespace racelab {

bool done = false;
std::mutex done_mutex;
long frames = 0;

void spin() {
  while (!done) {
    draw_frame(frames);
    ++frames;
    std::this_thread::sleep_for(spinner_tick);
  }
}

SpinnerRun run_with_spinner(const std::function<long()>& work) {
  done = false;
  frames = 0;
  std::thread spinner(spin);
  const long answer = work();
  {
    std::lock_guard<std::mutex> lock(done_mutex);
    done = true;
  }
  spinner.join();
  return {answer, frames};
}

}  // namespace racelab
