//===- PreprocessorCheck.h - racelab-policy-preprocessor --------------------===//
#ifndef RACELAB_CHECKER_POLICY_PREPROCESSORCHECK_H
#define RACELAB_CHECKER_POLICY_PREPROCESSORCHECK_H

#include "policy/PolicyCheck.h"

namespace racelab::policy {

/// Rejects, in the student's files, GNU line markers and `#line`, pragmas other
/// than `once`, `message` and diagnostic pragmas (so `#pragma clang
/// system_header`), and macro tests that tell the builds apart
/// (`__has_feature(thread_sanitizer)`, `__SANITIZE_THREAD__`, `__OPTIMIZE__`,
/// `__clang__`…), however the name is built; and macros the student's copy of
/// the contract header defines or undefines (the grader includes it), other
/// than its include guard.
///
/// Doc: checker/docs/policy-preprocessor.md
class PreprocessorCheck : public PolicyCheck {
public:
  PreprocessorCheck();
  void beginTranslationUnit(PolicyTU &TU) override;
};

} // namespace racelab::policy

#endif // RACELAB_CHECKER_POLICY_PREPROCESSORCHECK_H
