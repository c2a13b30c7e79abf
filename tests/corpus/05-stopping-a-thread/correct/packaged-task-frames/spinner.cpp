// Corpus, exercise 5, correct. Style: the spinner is a
// std::packaged_task<long()> run on a std::thread: it counts its frames in a
// local and hands the count back through its future; the stop flag is a
// std::atomic<bool> captured by reference.
#include "spinner.hpp"

#include <atomic>
#include <future>
#include <thread>
#include <utility>

namespace racelab {

SpinnerRun run_with_spinner(const std::function<long()>& work) {
  std::atomic<bool> keep_going{true};
  std::packaged_task<long()> spinner_task([&keep_going] {
    long frames = 0;
    while (keep_going.load()) {
      draw_frame(frames);
      ++frames;
      std::this_thread::sleep_for(spinner_tick);
    }
    return frames;
  });
  std::future<long> frames = spinner_task.get_future();
  std::thread spinner(std::move(spinner_task));
  const long answer = work();
  keep_going.store(false);
  spinner.join();
  return {answer, frames.get()};
}

}  // namespace racelab
