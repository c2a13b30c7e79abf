//===- RacelabChecks.cpp - the one place checks are registered ------------===//
#include "checks/BlockingInCoroutineCheck.h"
#include "checks/InterleavedOutputCheck.h"
#include "checks/LockAcrossSuspendCheck.h"
#include "checks/MissingLockCheck.h"
#include "lib/Check.h"

namespace racelab {

std::vector<std::unique_ptr<Check>> createAllChecks() {
  std::vector<std::unique_ptr<Check>> Checks;
  // Alphabetical, by check name.
  Checks.push_back(std::make_unique<BlockingInCoroutineCheck>("racelab-blocking-in-coroutine"));
  Checks.push_back(std::make_unique<InterleavedOutputCheck>("racelab-interleaved-output"));
  Checks.push_back(std::make_unique<LockAcrossSuspendCheck>("racelab-lock-across-suspend"));
  Checks.push_back(std::make_unique<MissingLockCheck>("racelab-missing-lock"));
  return Checks;
}

} // namespace racelab
