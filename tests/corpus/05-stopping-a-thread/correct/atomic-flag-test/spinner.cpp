// Corpus, exercise 5, correct. Style: C++20 std::atomic_flag as the stop
// flag: the spinner reads it with test() (acquire), the main thread sets it
// with test_and_set() (release).
#include "spinner.hpp"

#include <atomic>
#include <thread>

namespace racelab {

std::atomic_flag finished;  // C++20: starts clear
long frames = 0;

void spin() {
  while (!finished.test(std::memory_order_acquire)) {
    draw_frame(frames);
    ++frames;
    std::this_thread::sleep_for(spinner_tick);
  }
}

SpinnerRun run_with_spinner(const std::function<long()>& work) {
  finished.clear();
  frames = 0;
  std::thread spinner(spin);
  const long answer = work();
  finished.test_and_set(std::memory_order_release);
  spinner.join();
  return {answer, frames};
}

}  // namespace racelab
