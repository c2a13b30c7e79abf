// Corpus, exercise 5, correct. Style: a std::promise<void> is the stop
// order; the spinner holds a std::shared_future and waits on it for one tick
// between frames (wait_for), so it stops as soon as the value is set.
#include "spinner.hpp"

#include <future>
#include <thread>

namespace racelab {
namespace {

long spin(std::shared_future<void> stop) {
  long frames = 0;
  for (;;) {
    draw_frame(frames);
    ++frames;
    if (stop.wait_for(spinner_tick) == std::future_status::ready) {
      return frames;
    }
  }
}

}  // namespace

SpinnerRun run_with_spinner(const std::function<long()>& work) {
  std::promise<void> stop;
  long frames = 0;
  std::thread spinner([&frames, token = stop.get_future().share()] { frames = spin(token); });
  const long answer = work();
  stop.set_value();
  spinner.join();
  return {answer, frames};
}

}  // namespace racelab
