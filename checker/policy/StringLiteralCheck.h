//===- StringLiteralCheck.h - racelab-policy-string -------------------------===//
#ifndef RACELAB_CHECKER_POLICY_STRINGLITERALCHECK_H
#define RACELAB_CHECKER_POLICY_STRINGLITERALCHECK_H

#include "policy/PolicyCheck.h"

namespace racelab::policy {

/// Rejects string literals in the student's code that name /proc, a
/// sanitizer hook (`__tsan_…`) or a sanitizer's options (`TSAN_OPTIONS`).
///
/// Doc: checker/docs/policy-string.md
class StringLiteralCheck : public PolicyCheck {
public:
  StringLiteralCheck();
  void checkAST(clang::ASTContext &Ctx, PolicyTU &TU) override;
};

} // namespace racelab::policy

#endif // RACELAB_CHECKER_POLICY_STRINGLITERALCHECK_H
