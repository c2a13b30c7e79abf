//===- LockAcrossSuspendCheck.h - racelab-lock-across-suspend --------------===//
#ifndef RACELAB_CHECKER_CHECKS_LOCKACROSSSUSPENDCHECK_H
#define RACELAB_CHECKER_CHECKS_LOCKACROSSSUSPENDCHECK_H

#include "lib/Check.h"

namespace racelab {

/// Finds a mutex still locked (by a std::lock_guard, std::scoped_lock,
/// std::shared_lock, an owning std::unique_lock, or m.lock() not yet
/// unlocked) where a coroutine suspends (co_await, co_yield).
///
/// Doc: checker/docs/lock-across-suspend.md
class LockAcrossSuspendCheck : public Check {
public:
  using Check::Check;
  std::string summary() const override;
  void check(const TranslationUnitContext &TU) override;
};

} // namespace racelab

#endif // RACELAB_CHECKER_CHECKS_LOCKACROSSSUSPENDCHECK_H
