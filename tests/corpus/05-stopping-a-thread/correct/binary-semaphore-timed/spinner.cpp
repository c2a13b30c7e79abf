// Corpus, exercise 5, correct. Style: a std::binary_semaphore as the stop
// signal: the spinner draws, then waits up to one tick for a permit with
// try_acquire_for(); the main thread release()s one to stop it at once.
#include "spinner.hpp"

#include <semaphore>
#include <thread>

namespace racelab {

std::binary_semaphore stop_signal{0};
long frames = 0;

void spin() {
  do {
    draw_frame(frames);
    ++frames;
  } while (!stop_signal.try_acquire_for(spinner_tick));
}

SpinnerRun run_with_spinner(const std::function<long()>& work) {
  frames = 0;
  std::thread spinner(spin);
  const long answer = work();
  stop_signal.release();  // taken by the spinner as it stops: the next call starts with none
  spinner.join();
  return {answer, frames};
}

}  // namespace racelab
