// Exercise 5 — stopping a thread.
//
// The contract between your code (spinner.cpp) and the grader. Do not change
// it: the grader calls these functions exactly as declared here.
#pragma once

#include <chrono>
#include <functional>

namespace racelab {

/// How long the spinner waits between two frames.
inline constexpr std::chrono::milliseconds spinner_tick{10};

/// What run_with_spinner() reports.
struct SpinnerRun {
  long answer = 0;  ///< what work() returned
  long frames = 0;  ///< how many frames the spinner drew (calls to draw_frame)
};

/// Runs work() on the calling thread while a second thread, the spinner, draws
/// one frame every spinner_tick to show that the program is alive. When work()
/// returns, tells the spinner to stop, waits until the spinner thread has
/// finished, and returns the answer and the number of frames drawn.
///
/// The spinner must keep drawing for as long as work() runs, stop within a few
/// ticks of being told, and be finished (joined) when this function returns.
/// Each call starts a new spinner, counting frames from zero.
SpinnerRun run_with_spinner(const std::function<long()>& work);

/// Provided by the kit. Draws frame number `frame` of the spinner ('|', '/',
/// '-', '\' in turn, followed by " thinking!") over the status line, and
/// returns at once. Call it from the spinner thread only. (While grading,
/// nothing is printed: the kit counts the frames, for the grader.)
void draw_frame(long frame);

}  // namespace racelab
