//===- PolicyRunner.h - the grading policy, as racelab-check's driver runs it =//
//
// The driver (lib/Tool.cpp) owns one PolicyRunner for a run with --policy. For
// each compile command of each file it asks for an ASTConsumer (which also
// hooks the checks into the preprocessor); after the last command of a file it
// calls endFile, after the last file finish.
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_CHECKER_POLICY_POLICYRUNNER_H
#define RACELAB_CHECKER_POLICY_POLICYRUNNER_H

#include "policy/PolicyCheck.h"

#include "clang/AST/ASTConsumer.h"

#include <memory>
#include <string>
#include <vector>

namespace racelab::policy {

class PolicyRunner {
public:
  /// \p StudentFolder: the student's folder for every file; "" = the folder
  /// of each source file.
  PolicyRunner(Policy Rules, PolicyOptions Options, std::string StudentFolder);

  const std::vector<std::unique_ptr<PolicyCheck>> &checks() const { return Checks; }

  /// Sets the checks up for the translation unit \p CI is about to parse
  /// (its main file \p MainFile); the consumer runs the AST checks.
  std::unique_ptr<clang::ASTConsumer> beginTranslationUnit(clang::CompilerInstance &CI,
                                                           llvm::StringRef MainFile,
                                                           DiagnosticSink &Sink);

  /// After every compile command of one file.
  void endFile(DiagnosticSink &Sink);
  /// After every file.
  void finish(DiagnosticSink &Sink);

private:
  std::string studentFolderFor(llvm::StringRef MainFile) const;

  Policy Rules;
  PolicyOptions Options;
  std::string StudentFolder;
  std::vector<std::unique_ptr<PolicyCheck>> Checks;
};

/// How a compile command builds: "the plain build (-O2)", "the build with
/// -fsanitize=thread (-O1)".
std::string describeBuild(const clang::CompilerInstance &CI);

} // namespace racelab::policy

#endif // RACELAB_CHECKER_POLICY_POLICYRUNNER_H
