//===- InterleavedOutputCheck.h - racelab-interleaved-output ---------------===//
#ifndef RACELAB_CHECKER_CHECKS_INTERLEAVEDOUTPUTCHECK_H
#define RACELAB_CHECKER_CHECKS_INTERLEAVEDOUTPUTCHECK_H

#include "lib/Check.h"

namespace racelab {

/// Finds records written to a shared stream in several parts (a `<<` chain,
/// adjacent writes of one block) while another thread can write to the same
/// stream, with no mutex held by both.
///
/// Doc: checker/docs/interleaved-output.md
class InterleavedOutputCheck : public Check {
public:
  using Check::Check;
  std::string summary() const override {
    return "A record written to a shared stream in several parts while another thread can write to it, "
           "with no common lock held: the record comes out torn";
  }
  void check(const TranslationUnitContext &TU) override;
};

} // namespace racelab

#endif // RACELAB_CHECKER_CHECKS_INTERLEAVEDOUTPUTCHECK_H
