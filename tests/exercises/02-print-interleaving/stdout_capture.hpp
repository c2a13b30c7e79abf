// What really reached file descriptor 1 while the student's code ran.
//
// The grader points descriptor 1 somewhere of its own for the capture's
// lifetime, so it sees the console exactly as a user would, whatever the
// student's code writes with (std::cout, printf, osyncstream, write), and the
// student's output never mixes with the grader's own.
//
// Two consoles:
// - fast: a temporary file. Every write goes through at once.
// - slow: a pipe (one page of buffer) that the grader empties only when no
//   other thread of the program can run: every thread waits, for the console
//   or for something else (thread_census.hpp); meanwhile it takes a trickle (a
//   few hundred bytes every 20 ms), so that threads spinning until the writer
//   is done still get there. A program that prints as it goes waits for the
//   pipe and loses nothing. A print manager that is told
//   to stop while records still wait in its queue shows it on every run: the
//   workers finish while the manager is stuck behind the console; the console
//   takes more only once the main thread, too, waits (in join(), after the
//   order to stop), so when the manager gets going again the order to stop
//   is already there.
#pragma once

#include <cstddef>
#include <cstdio>
#include <memory>
#include <string>

namespace racelab::grader {

class StdoutCapture {
 public:
  enum class Console { fast, slow };
  explicit StdoutCapture(Console console = Console::fast);
  ~StdoutCapture();
  StdoutCapture(const StdoutCapture&) = delete;
  StdoutCapture& operator=(const StdoutCapture&) = delete;

  /// Puts descriptor 1 back and returns everything written to it meanwhile
  /// (at most max_output bytes: far more than any call asks for).
  std::string text();

  static constexpr std::size_t max_output = 16u << 20;

 private:
  class SlowReader;
  void open_slow_console();
  void restore();

  std::FILE* file_ = nullptr;               // the fast console
  std::unique_ptr<SlowReader> slow_;        // the slow one
  int saved_ = -1;                          // descriptor 1 as it was
};

}  // namespace racelab::grader
