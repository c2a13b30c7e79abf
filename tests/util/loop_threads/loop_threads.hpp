// Which threads run the handlers of each Asio event loop.
//
// An event loop (io_context) run by one thread runs one handler at a time:
// that is what makes coroutines on it safe to share data without locks. Call
// io_context::run() from a second thread and handlers run on both, two
// coroutines at the same moment, and the program races; but the second thread
// only gets handlers when it happens to be waiting as they become ready, so
// a test sees it on some runs only. A LoopThreadsWatch makes it every run:
// - every handler run in the program is noted with its loop and its thread
//   (through Asio's handler tracking, racelab_asio_tracking.hpp);
// - the first handlers each loop runs hold their thread (hold.hpp) until
//   another thread has run a handler of the same loop, or no other thread can
//   run. While the one thread is held, the loop hands its ready handlers to
//   any other thread inside run(): on a loop run by two threads the second is
//   seen at once; on a loop run by one, the hold ends straight away, since
//   nothing else can run.
// Everything it records is a relaxed atomic: it orders nothing.
#pragma once

#include <cstddef>

namespace racelab::testing {

/// While alive, notes the threads that run each loop's handlers. One at a time.
class LoopThreadsWatch {
 public:
  /// `holds_per_loop`: how many of each loop's first handlers hold their thread.
  explicit LoopThreadsWatch(int holds_per_loop = 8);
  ~LoopThreadsWatch();
  LoopThreadsWatch(const LoopThreadsWatch&) = delete;
  LoopThreadsWatch& operator=(const LoopThreadsWatch&) = delete;

  /// The most threads that ran handlers of one loop (0 if no handler ran).
  int most_threads_on_one_loop() const;
  /// How many loops ran handlers.
  int loops() const;
};

// What Asio's tracking macros call (racelab_asio_tracking.hpp).
namespace asio_tracking {

/// The base Asio gives every operation: the loop the handler belongs to.
struct TrackedHandler {
  const void* loop = nullptr;
};

template <class Context, class... Rest>
void creation(Context& context, TrackedHandler& handler, const Rest&...) {
  handler.loop = static_cast<const void*>(&context);
}

/// A handler of `loop` is about to run on the calling thread.
void handler_runs(const void* loop);

class Completion {
 public:
  explicit Completion(const TrackedHandler& handler) : loop_(handler.loop) {}
  template <class... Arguments>
  void invocation_begin(const Arguments&...) {
    handler_runs(loop_);
  }
  void invocation_end() {}

 private:
  const void* loop_;
};

}  // namespace asio_tracking
}  // namespace racelab::testing
