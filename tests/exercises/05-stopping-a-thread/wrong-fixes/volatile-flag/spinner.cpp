// A wrong fix for exercise 5: `volatile bool`. volatile stops the compiler from
// caching the flag in a register, so the loop would end even without the
// sleep — but it orders nothing between threads: the write and the reads still
// race, and the behaviour is still undefined. (volatile is for memory that
// hardware changes, not for threads; Java's and C#'s volatile are different.)
#include "spinner.hpp"

#include <thread>

namespace racelab {

volatile bool done = false;
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
  done = true;
  spinner.join();
  return {answer, frames};
}

}  // namespace racelab
