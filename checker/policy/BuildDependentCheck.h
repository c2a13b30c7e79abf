//===- BuildDependentCheck.h - racelab-policy-build-dependent ---------------===//
#ifndef RACELAB_CHECKER_POLICY_BUILDDEPENDENTCHECK_H
#define RACELAB_CHECKER_POLICY_BUILDDEPENDENTCHECK_H

#include "policy/PolicyCheck.h"

#include <memory>

namespace racelab::policy {

/// Compares the tokens the compiler reads from the student's files under each
/// compile command of a file: code that differs between the plain build and
/// the ThreadSanitizer build (an #if on the optimisation level, on a macro one
/// build defines…) is rejected.
///
/// Doc: checker/docs/policy-build-dependent.md
class BuildDependentCheck : public PolicyCheck {
public:
  BuildDependentCheck();
  ~BuildDependentCheck() override;
  void beginTranslationUnit(PolicyTU &TU) override;
  void checkAST(clang::ASTContext &Ctx, PolicyTU &TU) override;
  void endFile(DiagnosticSink &Sink) override;

  struct State; ///< what the check keeps between translation units

private:
  std::unique_ptr<State> S;
};

} // namespace racelab::policy

#endif // RACELAB_CHECKER_POLICY_BUILDDEPENDENTCHECK_H
