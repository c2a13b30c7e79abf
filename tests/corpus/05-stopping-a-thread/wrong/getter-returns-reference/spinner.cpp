// Corpus, exercise 5, wrong. Style: a StopFlag class with a private mutex, a
// locked setter and a locked getter.
// Bug: the getter returns a const reference to the guarded bool: the lock is
// released when get() returns, and the spinner's read through the reference
// races with set().
#include "spinner.hpp"

#include <mutex>
#include <thread>

namespace racelab {

class StopFlag {
 public:
  const bool& get() {
    std::lock_guard<std::mutex> lock(mutex_);
    return value_;
  }
  void set(bool value) {
    std::lock_guard<std::mutex> lock(mutex_);
    value_ = value;
  }

 private:
  std::mutex mutex_;
  bool value_ = false;
};

StopFlag stop_flag;
long frames = 0;

void spin() {
  while (!stop_flag.get()) {
    draw_frame(frames);
    ++frames;
    std::this_thread::sleep_for(spinner_tick);
  }
}

SpinnerRun run_with_spinner(const std::function<long()>& work) {
  stop_flag.set(false);
  frames = 0;
  std::thread spinner(spin);
  const long answer = work();
  stop_flag.set(true);
  spinner.join();
  return {answer, frames};
}

}  // namespace racelab
