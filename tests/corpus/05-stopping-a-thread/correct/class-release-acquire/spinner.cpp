// Corpus, exercise 5, correct. Style: a Spinner class made on the heap, its
// thread started by a member function; the stop flag is a private
// std::atomic<bool> written with a release store and read with acquire loads.
#include "spinner.hpp"

#include <atomic>
#include <memory>
#include <thread>

namespace racelab {
namespace {

class Spinner {
 public:
  void start() { thread_ = std::thread(&Spinner::spin, this); }

  // Stops the spinner, waits for it, and returns how many frames it drew.
  long stop() {
    stop_.store(true, std::memory_order_release);
    thread_.join();
    return frames_;
  }

 private:
  void spin() {
    while (!stop_.load(std::memory_order_acquire)) {
      draw_frame(frames_);
      ++frames_;
      std::this_thread::sleep_for(spinner_tick);
    }
  }

  std::atomic<bool> stop_{false};
  long frames_ = 0;
  std::thread thread_;
};

}  // namespace

SpinnerRun run_with_spinner(const std::function<long()>& work) {
  auto spinner = std::make_unique<Spinner>();
  spinner->start();
  const long answer = work();
  const long frames = spinner->stop();
  return {answer, frames};
}

}  // namespace racelab
