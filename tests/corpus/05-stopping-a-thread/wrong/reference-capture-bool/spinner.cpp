// Corpus, exercise 5, wrong. Style: the spinner is a lambda capturing
// everything by reference ([&]).
// Bug: what it captures is a plain local bool, written by the main thread
// while the lambda reads it: a data race, reached through a reference
// capture.
#include "spinner.hpp"

#include <thread>

namespace racelab {

SpinnerRun run_with_spinner(const std::function<long()>& work) {
  bool finished = false;
  long frames = 0;
  std::thread spinner([&] {
    while (!finished) {
      draw_frame(frames);
      ++frames;
      std::this_thread::sleep_for(spinner_tick);
    }
  });
  const long answer = work();
  finished = true;
  spinner.join();
  return {answer, frames};
}

}  // namespace racelab
