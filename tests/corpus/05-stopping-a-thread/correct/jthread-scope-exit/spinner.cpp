// Corpus, exercise 5, correct. Style: std::jthread in an inner scope: its
// destructor requests the stop and joins, so the frame count is read only
// after the closing brace. The spinner tests its std::stop_token.
#include "spinner.hpp"

#include <stop_token>
#include <thread>

namespace racelab {

SpinnerRun run_with_spinner(const std::function<long()>& work) {
  long answer = 0;
  long frames = 0;
  {
    std::jthread spinner([&frames](std::stop_token stop) {
      while (!stop.stop_requested()) {
        draw_frame(frames);
        ++frames;
        std::this_thread::sleep_for(spinner_tick);
      }
    });
    answer = work();
  }  // ~jthread(): request_stop(), then join()
  return {answer, frames};
}

}  // namespace racelab
