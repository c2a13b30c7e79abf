// Corpus, exercise 5, correct. Style: a std::stop_source owned by the main
// thread, its std::stop_token handed to a plain std::thread running a lambda.
#include "spinner.hpp"

#include <stop_token>
#include <thread>

namespace racelab {

SpinnerRun run_with_spinner(const std::function<long()>& work) {
  std::stop_source stopper;
  long frames = 0;  // the spinner's alone until join()
  std::thread spinner([token = stopper.get_token(), &frames] {
    while (!token.stop_requested()) {
      draw_frame(frames);
      ++frames;
      std::this_thread::sleep_for(spinner_tick);
    }
  });
  const long answer = work();
  stopper.request_stop();
  spinner.join();
  return {answer, frames};
}

}  // namespace racelab
