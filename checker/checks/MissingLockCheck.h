//===- MissingLockCheck.h - racelab-missing-lock ---------------------------===//
#ifndef RACELAB_CHECKER_CHECKS_MISSINGLOCKCHECK_H
#define RACELAB_CHECKER_CHECKS_MISSINGLOCKCHECK_H

#include "lib/Check.h"

namespace racelab {

/// Finds data written by one thread and accessed by another (or by a second
/// instance of the same thread) with no common mutex held, and atomics updated
/// as a separate load and store.
///
/// Doc: checker/docs/missing-lock.md
class MissingLockCheck : public Check {
public:
  using Check::Check;
  std::string summary() const override {
    return "Data written by one thread and accessed by another with no common lock held";
  }
  void check(const TranslationUnitContext &TU) override;
};

} // namespace racelab

#endif // RACELAB_CHECKER_CHECKS_MISSINGLOCKCHECK_H
