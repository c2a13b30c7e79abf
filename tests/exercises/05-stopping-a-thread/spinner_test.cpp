// The functional grader of exercise 5: does run_with_spinner() keep a spinner
// going while the work runs, stop it promptly when the work is done, wait for
// it, and return the work's answer?
#include <boost/test/unit_test.hpp>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <iostream>
#include <mutex>
#include <sstream>
#include <thread>

#include "spinner.hpp"
#include "spinner_kit.hpp"

namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

// The margins are wide on purpose: a busy machine, or ThreadSanitizer, may
// delay any thread by a few ticks; a wrong program misses them by far more.
constexpr milliseconds stop_limit = 50 * racelab::spinner_tick;  // told → stopped
constexpr long min_frames_per_work = 3;  // of the ~20–30 a 200–300 ms work should see
// A work lasts at least its nominal time, and then, if the spinner has drawn
// fewer frames than expected (a stalled machine), a little longer, up to this:
// so a correct spinner is never failed for a slow scheduler.
constexpr milliseconds work_extension_limit{2000};
constexpr milliseconds give_up_after{10000};

long ms(Clock::duration d) { return std::chrono::duration_cast<milliseconds>(d).count(); }

// How the order to stop was given in one call: at whatever moment the
// schedule made it, or while the spinner was inside draw_frame() (the kit held
// it there: spinner_kit.hpp).
enum class StopOrder { any_time, while_drawing };

// Ends the program with an explanation if run_with_spinner() never returns:
// a spinner that never sees the order to stop would otherwise hang the grader.
class Watchdog {
 public:
  Watchdog(const std::atomic<bool>& work_finished, StopOrder order)
      : order_(order), thread_([this, &work_finished] { watch(work_finished); }) {}
  ~Watchdog() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      returned_ = true;
    }
    changed_.notify_one();
    thread_.join();
  }
  Watchdog(const Watchdog&) = delete;
  Watchdog& operator=(const Watchdog&) = delete;

 private:
  void watch(const std::atomic<bool>& work_finished) {
    std::unique_lock<std::mutex> lock(mutex_);
    if (changed_.wait_for(lock, give_up_after, [this] { return returned_; })) return;
    std::cerr << "\nrun_with_spinner() did not return within " << give_up_after.count() / 1000 << " s. ";
    if (work_finished.load() && order_ == StopOrder::while_drawing) {
      std::cerr << "The work had finished while the spinner was drawing a frame (the grader held it inside "
                   "draw_frame() until the main thread was waiting for it), so the order to stop came while "
                   "the spinner was not waiting — and the spinner never noticed it. A notification "
                   "(notify_one) reaches only a thread that is waiting at that moment: it is lost otherwise. "
                   "Keep the order in a flag the spinner checks (an atomic, a flag read under the mutex with "
                   "a predicate wait, a stop_token) so that an order given at any moment is seen.\n";
    } else if (work_finished.load()) {
      std::cerr << "The work had finished, so the main thread told the spinner to stop and is waiting "
                   "in join() for it — but the spinner never noticed. Either it keeps reading its own "
                   "stale copy of the flag (with a plain bool, nothing forces it to see the main thread's "
                   "write: README.md, \"What goes wrong\"), or the order was only a notification and it "
                   "came while the spinner was not waiting, so it was lost (README.md, \"An order given "
                   "while the spinner draws\").\n";
    } else {
      std::cerr << "The work itself never finished: does run_with_spinner() call work() exactly once, "
                   "on the calling thread?\n";
    }
    std::cerr.flush();
    std::_Exit(1);
  }

  std::mutex mutex_;
  std::condition_variable changed_;
  bool returned_ = false;
  StopOrder order_;
  std::thread thread_;  // last: starts after the members it uses exist
};

// What one call of run_with_spinner() looked like from the outside.
struct Observation {
  racelab::SpinnerRun result;
  long work_ms = 0;                 // how long the work lasted
  long frames_during_work = 0;      // frames the kit saw drawn while the work ran
  long stop_ms = 0;                 // from the end of the work to the return
  long frames_drawn = 0;            // frames the kit saw drawn during the whole call
  long frames_after_return = 0;     // frames drawn in the 5 ticks after the return
  long frames_on_work_thread = 0;   // frames drawn by the work's own thread
  long spinners_still_running = 0;  // threads that drew and had not ended at the return
};

// Calls run_with_spinner() with a work that takes `duration` and returns
// `answer`. If by then the spinner has drawn fewer than `frames_wanted` frames
// during the work, the work goes on a little (see work_extension_limit). With
// StopOrder::while_drawing, the work ends only once the spinner is held inside
// draw_frame(), so the order to stop is given while it draws.
Observation observe(milliseconds duration, long answer, long frames_wanted = min_frames_per_work,
                    StopOrder order = StopOrder::any_time) {
  racelab::kit::set_work_thread(std::this_thread::get_id());
  const racelab::kit::SpinnerStats before = racelab::kit::spinner_stats();
  std::atomic<bool> work_finished{false};
  long frames_at_start = 0;
  long frames_at_end = 0;
  Clock::time_point work_started;
  Clock::time_point work_ended;
  bool held = false;
  const auto work = [&] {
    work_started = Clock::now();
    frames_at_start = racelab::kit::spinner_stats().frames_drawn;
    std::this_thread::sleep_for(duration);  // the slow computation…
    while (racelab::kit::spinner_stats().frames_drawn - frames_at_start < frames_wanted &&
           Clock::now() - work_started < duration + work_extension_limit) {
      std::this_thread::sleep_for(milliseconds(1));
    }
    long result = 0;
    for (long i = 0; i < answer; ++i) result += 1;  // …and its answer
    if (order == StopOrder::while_drawing) {
      racelab::kit::hold_next_frame();
      held = racelab::kit::end_work_while_a_frame_is_drawn(work_extension_limit);
    }
    frames_at_end = racelab::kit::spinner_stats().frames_drawn;
    work_finished.store(true);
    work_ended = Clock::now();
    return result;
  };

  Observation seen;
  {
    Watchdog watchdog(work_finished, order);
    seen.result = racelab::run_with_spinner(work);
  }
  const Clock::time_point returned = Clock::now();
  const racelab::kit::SpinnerStats after = racelab::kit::spinner_stats();
  std::this_thread::sleep_for(5 * racelab::spinner_tick);
  const racelab::kit::SpinnerStats later = racelab::kit::spinner_stats();

  BOOST_REQUIRE_MESSAGE(work_finished.load(), "run_with_spinner() returned without calling work()");
  if (order == StopOrder::while_drawing) {
    BOOST_REQUIRE_MESSAGE(held, "the spinner drew no frame during the last " << work_extension_limit.count()
                                                                              << " ms of the work");
  }
  seen.work_ms = ms(work_ended - work_started);
  seen.frames_during_work = frames_at_end - frames_at_start;
  seen.stop_ms = ms(returned - work_ended);
  seen.frames_drawn = after.frames_drawn - before.frames_drawn;
  seen.frames_after_return = later.frames_drawn - after.frames_drawn;
  seen.frames_on_work_thread = after.frames_on_work_thread - before.frames_on_work_thread;
  seen.spinners_still_running = after.threads_started - after.threads_finished;
  return seen;
}

void check_drawn_by_another_thread(const Observation& seen) {
  BOOST_TEST(seen.frames_on_work_thread == 0,
             "the thread running the work drew " << seen.frames_on_work_thread
                 << " frame(s) itself: draw_frame() must be called by the spinner thread only");
}

void check_spinner_finished(const Observation& seen) {
  BOOST_TEST(seen.spinners_still_running == 0,
             "when run_with_spinner() returned, the spinner thread was still running: wait for it "
             "(join) before returning, or it may go on using the program's data after it is gone");
  BOOST_TEST(seen.frames_after_return == 0,
             "the spinner drew " << seen.frames_after_return
                                 << " frame(s) after run_with_spinner() had returned: it was not stopped "
                                    "and waited for");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(spinner_tests)

BOOST_AUTO_TEST_CASE(returns_the_answer_of_the_work) {
  const Observation seen = observe(milliseconds(200), 42);
  BOOST_TEST(seen.result.answer == 42, "the work returned 42, run_with_spinner() reported "
                                           << seen.result.answer);
}

BOOST_AUTO_TEST_CASE(spinner_draws_while_the_work_runs) {
  const Observation seen = observe(milliseconds(300), 7);
  BOOST_TEST(seen.frames_during_work >= min_frames_per_work,
             "the spinner drew " << seen.frames_during_work << " frame(s) during " << seen.work_ms
                                 << " ms of work; with one frame every " << racelab::spinner_tick.count()
                                 << " ms it should draw about " << seen.work_ms / racelab::spinner_tick.count()
                                 << ". Start the spinner before the work, and keep it drawing until it is "
                                    "told to stop.");
  check_drawn_by_another_thread(seen);
}

BOOST_AUTO_TEST_CASE(spinner_stops_soon_after_it_is_told) {
  const Observation seen = observe(milliseconds(200), 5);
  BOOST_TEST(seen.stop_ms <= stop_limit.count(),
             "the work ended " << seen.stop_ms << " ms before run_with_spinner() returned; the spinner "
                               << "should stop within a tick or two (" << racelab::spinner_tick.count()
                               << " ms each) of being told, and this grader allows " << stop_limit.count()
                               << " ms. Does the spinner check for the order to stop between frames?");
}

BOOST_AUTO_TEST_CASE(spinner_has_finished_when_the_call_returns) {
  const Observation seen = observe(milliseconds(200), 3);
  check_spinner_finished(seen);
}

BOOST_AUTO_TEST_CASE(frames_reported_are_the_frames_drawn) {
  const Observation seen = observe(milliseconds(200), 11);
  BOOST_TEST(seen.result.frames == seen.frames_drawn,
             "run_with_spinner() reported " << seen.result.frames << " frames, but the spinner drew "
                                            << seen.frames_drawn
                                            << ". Count the frames the spinner draws, and read the "
                                               "count only once the spinner has finished.");
}

// The forced schedule: the work ends, and the order to stop is given, while
// the spinner is inside draw_frame(). An order that is only a notification is
// lost there (the watchdog explains it); a spinner that is not waited for is
// still running at the return.
BOOST_AUTO_TEST_CASE(an_order_given_while_the_spinner_draws_stops_it) {
  for (long run = 1; run <= 3; ++run) {
    const Observation seen = observe(milliseconds(50), run, 1, StopOrder::while_drawing);
    BOOST_TEST(seen.result.answer == run);
    BOOST_TEST(seen.stop_ms <= stop_limit.count(),
               "told to stop while it was drawing a frame, the spinner took " << seen.stop_ms
                   << " ms to stop (allowed: " << stop_limit.count()
                   << " ms): the order must be seen whenever it is given, not only while the spinner waits");
    check_spinner_finished(seen);
  }
}

BOOST_AUTO_TEST_CASE(instant_work_still_stops_the_spinner) {
  // The order to stop may come before the spinner has drawn anything at all.
  const Observation seen = observe(milliseconds(0), 1, 0);
  BOOST_TEST(seen.result.answer == 1);
  BOOST_TEST(seen.stop_ms <= stop_limit.count(),
             "with a work that returns at once, run_with_spinner() still took " << seen.stop_ms
                 << " ms to stop the spinner (allowed: " << stop_limit.count() << " ms)");
  check_spinner_finished(seen);
}

BOOST_AUTO_TEST_CASE(each_call_starts_a_new_spinner) {
  for (long run = 1; run <= 3; ++run) {
    const Observation seen = observe(milliseconds(100), run, 1);
    BOOST_TEST(seen.result.answer == run);
    BOOST_TEST(seen.result.frames == seen.frames_drawn,
               "call " << run << " reported " << seen.result.frames << " frames but drew "
                       << seen.frames_drawn << ": each call must count its own frames from zero");
    BOOST_TEST(seen.frames_during_work >= 1,
               "call " << run << ": the spinner drew nothing during " << seen.work_ms
                       << " ms of work — was it started again, and not stopped for good by the first call?");
    check_spinner_finished(seen);
  }
}

BOOST_AUTO_TEST_SUITE_END()
