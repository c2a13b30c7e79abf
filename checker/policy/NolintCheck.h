//===- NolintCheck.h - racelab-policy-nolint --------------------------------===//
#ifndef RACELAB_CHECKER_POLICY_NOLINTCHECK_H
#define RACELAB_CHECKER_POLICY_NOLINTCHECK_H

#include "policy/PolicyCheck.h"

namespace racelab::policy {

/// Rejects a NOLINT marker anywhere but in a comment and, with --grading, any
/// NOLINT comment that would silence a racelab check.
///
/// Doc: checker/docs/policy-nolint.md
class NolintCheck : public PolicyCheck {
public:
  NolintCheck();
  void beginTranslationUnit(PolicyTU &TU) override;
};

} // namespace racelab::policy

#endif // RACELAB_CHECKER_POLICY_NOLINTCHECK_H
