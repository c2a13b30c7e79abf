//===- AttributeCheck.h - racelab-policy-attribute --------------------------===//
#ifndef RACELAB_CHECKER_POLICY_ATTRIBUTECHECK_H
#define RACELAB_CHECKER_POLICY_ATTRIBUTECHECK_H

#include "policy/PolicyCheck.h"

namespace racelab::policy {

/// Rejects every attribute the student writes that is not on the allow-list
/// ([[nodiscard]], [[maybe_unused]], alignas, thread-safety annotations…):
/// `constructor`/`destructor`, `no_sanitize`, `section`, `weak`, `alias`, `ifunc`…
///
/// Doc: checker/docs/policy-attribute.md
class AttributeCheck : public PolicyCheck {
public:
  AttributeCheck();
  void checkAST(clang::ASTContext &Ctx, PolicyTU &TU) override;
};

} // namespace racelab::policy

#endif // RACELAB_CHECKER_POLICY_ATTRIBUTECHECK_H
