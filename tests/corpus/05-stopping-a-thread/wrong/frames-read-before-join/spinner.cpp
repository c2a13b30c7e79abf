// Corpus, exercise 5, wrong. Style: a correct std::atomic<bool> flag; the
// result is put together before the join "so it is ready sooner".
// Bug: `frames` is read into the result before join(): the spinner may still
// be drawing and counting, so the read races with its last ++frames.
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
  const SpinnerRun result{answer, frames};
  spinner.join();
  return result;
}

}  // namespace racelab
