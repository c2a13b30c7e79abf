//===- BlockingInCoroutineCheck.h - racelab-blocking-in-coroutine ----------===//
#ifndef RACELAB_CHECKER_CHECKS_BLOCKINGINCOROUTINECHECK_H
#define RACELAB_CHECKER_CHECKS_BLOCKINGINCOROUTINECHECK_H

#include "lib/Check.h"

namespace racelab {

/// Finds a call that blocks the thread (sleep, mutex lock, condition wait,
/// future get, thread join, blocking I/O, synchronous Asio, system…) inside a
/// coroutine, directly or through the functions it calls in the file.
///
/// Option: `BlockingFunctions` (`--blocking-functions=ns::f,g`, or
/// `racelab-blocking-in-coroutine.BlockingFunctions` in a config file), more names.
/// Doc: checker/docs/blocking-in-coroutine.md
class BlockingInCoroutineCheck : public Check {
public:
  using Check::Check;
  std::string summary() const override;
  std::vector<std::string> optionNames() const override { return {"BlockingFunctions"}; }
  void check(const TranslationUnitContext &TU) override;
};

} // namespace racelab

#endif // RACELAB_CHECKER_CHECKS_BLOCKINGINCOROUTINECHECK_H
