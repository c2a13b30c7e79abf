//===- Findings.h - from the engine's events to typed findings ------------===//
//
// Run once the engine has followed every root (Analysis.cpp), in this order.
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_CHECKER_LIB_FINDINGS_H
#define RACELAB_CHECKER_LIB_FINDINGS_H

#include "lib/Analysis.h"

#include "clang/Basic/SourceManager.h"

namespace racelab {

/// Races and split updates from the accesses (Races.cpp).
void findRaces(Analysis &A, const clang::SourceManager &SM);

/// Records from adjacent output statements, and the torn ones (Records.cpp).
void findTornRecords(Analysis &A, const clang::SourceManager &SM);

/// Blocking calls of coroutines on an event loop, and locks held where a
/// coroutine suspends (CoroutineFindings.cpp).
void findCoroutineFindings(Analysis &A, const clang::SourceManager &SM);

} // namespace racelab

#endif // RACELAB_CHECKER_LIB_FINDINGS_H
