// Corpus, exercise 5, wrong. Style: the spinner asks a std::function<bool()>
// whether to stop; the main thread keeps the flag behind it.
// Bug: the function reads a plain bool that the main thread writes: the
// race is the same as the starter's, only hidden behind a std::function.
#include "spinner.hpp"

#include <functional>
#include <thread>

namespace racelab {

long frames = 0;

void spin(const std::function<bool()>& should_stop) {
  while (!should_stop()) {
    draw_frame(frames);
    ++frames;
    std::this_thread::sleep_for(spinner_tick);
  }
}

SpinnerRun run_with_spinner(const std::function<long()>& work) {
  bool done = false;
  const std::function<bool()> should_stop = [&done] { return done; };
  frames = 0;
  std::thread spinner(spin, std::cref(should_stop));
  const long answer = work();
  done = true;
  spinner.join();
  return {answer, frames};
}

}  // namespace racelab
