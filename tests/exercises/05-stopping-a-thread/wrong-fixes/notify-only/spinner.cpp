// A wrong fix for exercise 5: the reference's event without its flag. The
// spinner sleeps until the next frame is due on a condition variable, and
// being woken before then means "stop". No variable is shared, so nothing
// races — but a notification reaches only a thread that is waiting at that
// moment. An order given while the spinner draws its frame is lost, and the
// spinner goes on forever.
#include "spinner.hpp"

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace racelab {

namespace {

std::mutex order_mutex;
std::condition_variable order;

}  // namespace

SpinnerRun run_with_spinner(const std::function<long()>& work) {
  long frames = 0;
  std::thread spinner([&frames] {
    auto next_frame = std::chrono::steady_clock::now();
    for (;;) {
      draw_frame(frames);
      ++frames;
      next_frame += spinner_tick;
      std::unique_lock<std::mutex> lock(order_mutex);
      if (order.wait_until(lock, next_frame) == std::cv_status::no_timeout) return;
    }
  });
  const long answer = work();
  order.notify_all();
  spinner.join();
  return {answer, frames};
}

}  // namespace racelab
