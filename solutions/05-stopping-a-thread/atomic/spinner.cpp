// Exercise 5 — stopping a thread. Reference solution: an atomic flag.
#include "spinner.hpp"

#include <atomic>
#include <thread>

namespace racelab {

std::atomic<bool> done{false};  // set by the main thread when the work is finished
// std::atomic makes the write and the reads of the flag well defined when they
// happen at the same time, and obliges the spinner to load it afresh on every
// test: the compiler may no longer keep a copy in a register.
long frames = 0;  // frames drawn by the spinner
// Still a plain long: only the spinner touches it while it runs, and the main
// thread reads it after join().

void spin() {
  while (!done.load()) {
    // An atomic load: sees the main thread's store at the latest one tick after it.
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
  // An atomic store: the spinner is sure to see it, and no other access of the
  // flag can race with it.
  spinner.join();
  return {answer, frames};
  // join() orders every write of the spinner before this read of `frames`.
}

}  // namespace racelab
