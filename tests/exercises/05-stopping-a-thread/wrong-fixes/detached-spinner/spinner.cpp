// A wrong fix for exercise 5: the flag is atomic, so the spinner will stop —
// and, to return without waiting for its last tick, the thread is detached
// instead of joined. Now nothing orders the spinner's writes of `frames` before
// the main thread's read, and the spinner may still be running when
// run_with_spinner() returns.
#include "spinner.hpp"

#include <atomic>
#include <thread>

namespace racelab {

std::atomic<bool> done{false};
long frames = 0;

void spin() {
  while (!done.load()) {
    draw_frame(frames);
    ++frames;
    std::this_thread::sleep_for(spinner_tick);
  }
}

SpinnerRun run_with_spinner(const std::function<long()>& work) {
  done.store(false);
  frames = 0;
  std::thread spinner(spin);
  const long answer = work();
  done.store(true);
  spinner.detach();
  return {answer, frames};
}

}  // namespace racelab
