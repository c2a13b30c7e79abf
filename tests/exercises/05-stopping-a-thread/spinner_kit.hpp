// The kit's side of exercise 5: what draw_frame() records, for the grader,
// and the one schedule the grader forces.
//
// draw_frame() (declared in the contract header) draws nothing while grading;
// it counts. The grader reads the counts before and after a run to see whether
// the spinner drew while the work ran, stopped when told, and had finished
// (its thread had ended) when run_with_spinner() returned.
//
// The forced schedule: the order to stop given while the spinner is drawing.
// A spinner that learns of it only from a notification (notify_one() with no
// flag behind it) misses an order given while it is not waiting, and a
// spinner that is not waited for is still running when the call returns; both
// show only when the order comes at that moment. The grader makes it come
// then: it arms the hold (hold_next_frame()), and the work ends with
// end_work_while_a_frame_is_drawn(), which waits until the spinner is inside
// draw_frame() and held there. The spinner stays held until the main thread
// cannot run any more (it waits in join(), for a lock, for a future…) or for
// at most held_frame_limit if it never waits: the order is given, and the
// spinner goes on only afterwards.
#pragma once

#include <chrono>
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

/// The longest a held frame waits for the main thread to stop running: well
/// below the grader's limit on stopping, so that a correct spinner held this
/// long still stops in time.
inline constexpr std::chrono::milliseconds held_frame_limit{200};

/// Arms the hold: the next frame a spinner thread draws is held (see above).
void hold_next_frame();

/// Called by the work, last: waits (running, never sleeping, so that the held
/// spinner does not take the main thread for one that waits) until a spinner
/// is held in draw_frame(), at most `limit`, then lets the hold go on to its
/// second half (until the main thread waits). False if no frame was held in
/// time (the hold is then disarmed).
bool end_work_while_a_frame_is_drawn(std::chrono::milliseconds limit);

}  // namespace racelab::kit
