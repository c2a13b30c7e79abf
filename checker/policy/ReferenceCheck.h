//===- ReferenceCheck.h - racelab-policy-reference --------------------------===//
#ifndef RACELAB_CHECKER_POLICY_REFERENCECHECK_H
#define RACELAB_CHECKER_POLICY_REFERENCECHECK_H

#include "policy/PolicyCheck.h"

#include <memory>

namespace racelab::policy {

/// Checks every function, variable and type the student's code names: the
/// C++ standard library (less its denied parts), the exercise's libraries, the
/// C and POSIX functions of the allow-list (some only in a forked child), the
/// kit's functions, and the student's own; a function the student declares but
/// no student file defines is rejected at the end of the run.
///
/// Doc: checker/docs/policy-reference.md
class ReferenceCheck : public PolicyCheck {
public:
  ReferenceCheck();
  ~ReferenceCheck() override;
  void checkAST(clang::ASTContext &Ctx, PolicyTU &TU) override;
  void finish(DiagnosticSink &Sink) override;

  struct State; ///< what the check keeps between translation units

private:
  std::unique_ptr<State> S;
};

} // namespace racelab::policy

#endif // RACELAB_CHECKER_POLICY_REFERENCECHECK_H
