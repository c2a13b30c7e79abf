//===- StaticInitCheck.h - racelab-policy-static-init -----------------------===//
#ifndef RACELAB_CHECKER_POLICY_STATICINITCHECK_H
#define RACELAB_CHECKER_POLICY_STATICINITCHECK_H

#include "policy/PolicyCheck.h"

namespace racelab::policy {

/// Rejects global, static and thread_local objects whose construction runs
/// the student's code before main() (beyond plain initialisation) or whose
/// destruction runs it after the tests have finished.
///
/// Doc: checker/docs/policy-static-init.md
class StaticInitCheck : public PolicyCheck {
public:
  StaticInitCheck();
  void checkAST(clang::ASTContext &Ctx, PolicyTU &TU) override;
};

} // namespace racelab::policy

#endif // RACELAB_CHECKER_POLICY_STATICINITCHECK_H
