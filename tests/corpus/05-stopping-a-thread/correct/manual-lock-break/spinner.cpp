// Corpus, exercise 5, correct. Style: manual lock()/unlock() of a std::mutex
// around every access of a plain bool; the spinner leaves its endless loop
// with a break from inside the critical section, unlocking first.
#include "spinner.hpp"

#include <mutex>
#include <thread>

namespace racelab {

std::mutex flag_mutex;
bool told_to_stop = false;
long frames = 0;

void spin() {
  for (;;) {
    flag_mutex.lock();
    if (told_to_stop) {
      flag_mutex.unlock();
      break;
    }
    flag_mutex.unlock();
    draw_frame(frames);
    ++frames;
    std::this_thread::sleep_for(spinner_tick);
  }
}

SpinnerRun run_with_spinner(const std::function<long()>& work) {
  flag_mutex.lock();
  told_to_stop = false;
  flag_mutex.unlock();
  frames = 0;
  std::thread spinner(spin);
  const long answer = work();
  flag_mutex.lock();
  told_to_stop = true;
  flag_mutex.unlock();
  spinner.join();
  return {answer, frames};
}

}  // namespace racelab
