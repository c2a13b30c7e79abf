//===- DeclarationCheck.h - racelab-policy-declaration ----------------------===//
#ifndef RACELAB_CHECKER_POLICY_DECLARATIONCHECK_H
#define RACELAB_CHECKER_POLICY_DECLARATIONCHECK_H

#include "policy/PolicyCheck.h"

namespace racelab::policy {

/// Rejects what the student's code declares that could take the place of the
/// library's, the sanitizer's or the grader's code: C-linkage declarations,
/// reserved names at namespace scope, declarations in namespaces std, boost or
/// the kit's, out-of-line members of library classes, a replaced global
/// operator new or delete, global variables named like the C library's.
///
/// Doc: checker/docs/policy-declaration.md
class DeclarationCheck : public PolicyCheck {
public:
  DeclarationCheck();
  void checkAST(clang::ASTContext &Ctx, PolicyTU &TU) override;
};

} // namespace racelab::policy

#endif // RACELAB_CHECKER_POLICY_DECLARATIONCHECK_H
