//===- AsmCheck.h - racelab-policy-asm --------------------------------------===//
#ifndef RACELAB_CHECKER_POLICY_ASMCHECK_H
#define RACELAB_CHECKER_POLICY_ASMCHECK_H

#include "policy/PolicyCheck.h"

namespace racelab::policy {

/// Rejects inline assembly (`asm(...)`), file-scope `asm` and asm labels
/// (`int f() asm("name")`, `register … asm("reg")`) in the student's code.
///
/// Doc: checker/docs/policy-asm.md
class AsmCheck : public PolicyCheck {
public:
  AsmCheck();
  void checkAST(clang::ASTContext &Ctx, PolicyTU &TU) override;
};

} // namespace racelab::policy

#endif // RACELAB_CHECKER_POLICY_ASMCHECK_H
