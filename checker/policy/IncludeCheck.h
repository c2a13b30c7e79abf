//===- IncludeCheck.h - racelab-policy-include ------------------------------===//
#ifndef RACELAB_CHECKER_POLICY_INCLUDECHECK_H
#define RACELAB_CHECKER_POLICY_INCLUDECHECK_H

#include "policy/PolicyCheck.h"

#include <memory>

namespace racelab::policy {

/// Checks every file the compiler reads: the student's folder (any name, any
/// extension), the exercise's contract and kit headers, and system headers
/// other than Boost.Test, the sanitizers' and Boost libraries the exercise does
/// not use; and that no file in the student's folder has the name of a system
/// or kit header.
///
/// Doc: checker/docs/policy-include.md
class IncludeCheck : public PolicyCheck {
public:
  IncludeCheck();
  ~IncludeCheck() override;
  void beginTranslationUnit(PolicyTU &TU) override;

  struct State; ///< what the check keeps between translation units

private:
  std::unique_ptr<State> S;
};

} // namespace racelab::policy

#endif // RACELAB_CHECKER_POLICY_INCLUDECHECK_H
