// Corpus, exercise 5, wrong. Style: no globals: the flag and the count are
// locals of run_with_spinner(), handed to a named spinner function by
// pointer.
// Bug: the flag is a plain bool: the main thread writes *stop while the
// spinner reads it, with nothing ordering the two (a data race; a compiler
// may read it once and spin for ever).
#include "spinner.hpp"

#include <thread>

namespace racelab {

void spin(const bool* stop, long* frames) {
  while (!*stop) {
    draw_frame(*frames);
    ++*frames;
    std::this_thread::sleep_for(spinner_tick);
  }
}

SpinnerRun run_with_spinner(const std::function<long()>& work) {
  bool stop = false;
  long frames = 0;
  std::thread spinner(spin, &stop, &frames);
  const long answer = work();
  stop = true;
  spinner.join();
  return {answer, frames};
}

}  // namespace racelab
