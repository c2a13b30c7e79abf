//===- PolicyCheck.h - the interface every racelab-policy-* check implements ===//
//
// Policy checks run only when a policy is given (`--policy=<exercise.json>`),
// on every compile command of every file, on the preprocessed code: they see
// the preprocessor at work (PPCallbacks: includes, pragmas, line markers,
// macro tests) and the AST (every name the code uses, declares, initialises).
// Their findings are errors of kind "policy"; no NOLINT silences them.
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_CHECKER_POLICY_POLICYCHECK_H
#define RACELAB_CHECKER_POLICY_POLICYCHECK_H

#include "lib/Diagnostics.h"
#include "policy/Policy.h"
#include "policy/SourceOrigins.h"

#include "clang/AST/ASTContext.h"
#include "clang/Frontend/CompilerInstance.h"

#include <memory>
#include <string>
#include <vector>

namespace racelab::policy {

/// How racelab-check was asked to apply the policy.
struct PolicyOptions {
  bool Grading = false;                  ///< --grading: NOLINT for racelab checks is a violation
  std::vector<std::string> ConcurrencyChecks; ///< names a NOLINT could silence
};

/// What a policy check sees of one translation unit (one compile command of
/// one file).
struct PolicyTU {
  const Policy &Rules;
  const PolicyOptions &Options;
  clang::CompilerInstance &CI;
  SourceOrigins &Origins;
  DiagnosticSink &Sink;
  std::string MainFile;  ///< the source file as given on the command line
  std::string BuildName; ///< e.g. "the build with -fsanitize=thread (-O1)"

  const clang::SourceManager &sourceManager() const { return CI.getSourceManager(); }

  /// Reports \p Message of \p Check at \p Loc (a policy finding: an error,
  /// never silenced by NOLINT), with an optional `to fix:` note.
  void report(llvm::StringRef Check, clang::SourceLocation Loc, std::string Message,
              std::string Fix = "") const;
};

/// A `racelab-policy-…` check. One object lives for the whole run; per
/// translation unit it is handed the preprocessor (before parsing) and the
/// AST (after parsing without errors).
class PolicyCheck {
public:
  PolicyCheck(std::string Name, std::string Summary)
      : CheckName(std::move(Name)), CheckSummary(std::move(Summary)) {}
  virtual ~PolicyCheck() = default;

  const std::string &name() const { return CheckName; }
  /// One line saying what the check rejects (SARIF's shortDescription).
  const std::string &summary() const { return CheckSummary; }

  /// Before parsing: add PPCallbacks through \p TU.CI.getPreprocessor(). The
  /// callbacks may keep \p TU until the translation unit ends.
  virtual void beginTranslationUnit(PolicyTU & /*TU*/) {}

  /// After the translation unit parsed without errors.
  virtual void checkAST(clang::ASTContext & /*Ctx*/, PolicyTU & /*TU*/) {}

  /// After every compile command of one source file was analysed.
  virtual void endFile(DiagnosticSink & /*Sink*/) {}

  /// After every file of the run was analysed.
  virtual void finish(DiagnosticSink & /*Sink*/) {}

private:
  std::string CheckName;
  std::string CheckSummary;
};

/// Every policy check, in alphabetical order (policy/PolicyChecks.cpp).
std::vector<std::unique_ptr<PolicyCheck>> createPolicyChecks();

/// The note every rejected name carries: what graded code may use instead.
extern const char *const AllowedInstead;

} // namespace racelab::policy

#endif // RACELAB_CHECKER_POLICY_POLICYCHECK_H
