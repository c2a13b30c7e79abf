// The kit's side of exercise 5: what draw_frame() records, for the grader.
//
// draw_frame() (declared in the contract header) draws nothing while grading;
// it counts. The grader reads the counts before and after a run to see whether
// the spinner drew while the work ran, stopped when told, and had finished
// (its thread had ended) when run_with_spinner() returned.
#pragma once

#include <thread>

namespace racelab::kit {

/// A snapshot of everything draw_frame() has seen since the program started.
struct SpinnerStats {
  long frames_drawn = 0;           ///< calls to draw_frame() from any thread
  long frames_on_work_thread = 0;  ///< calls made by the thread that runs the work
  long threads_started = 0;        ///< threads (other than the work's) that drew a frame
  long threads_finished = 0;       ///< of those, how many have ended
};

SpinnerStats spinner_stats();

/// The thread that calls run_with_spinner() and runs the work: it must not
/// draw frames itself.
void set_work_thread(std::thread::id id);

}  // namespace racelab::kit
