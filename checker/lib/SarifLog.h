//===- SarifLog.h - racelab-check's findings as a SARIF 2.1.0 log -*- C++ -*-===//
//
// What GitHub code scanning needs to accept the log (sarif-multitool validate
// --rule-kind Ghas): rules with a full description and help, results with
// fingerprints and URIs relative to %SRCROOT%, and the run's success or its
// errors in invocations[].
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_CHECKER_LIB_SARIFLOG_H
#define RACELAB_CHECKER_LIB_SARIFLOG_H

#include "lib/Diagnostics.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

#include <string>
#include <vector>

namespace racelab {

/// A check the run had enabled: its name and one-line summary.
struct SarifRule {
  std::string Id;      ///< e.g. "racelab-missing-lock"
  std::string Summary; ///< Check::summary()
};

struct SarifRun {
  std::vector<SarifRule> Rules;
  /// The absolute folder %SRCROOT% stands for (see sourceRoot()).
  std::string SourceRoot;
  /// The run's tool errors, each one line: any makes executionSuccessful false.
  std::vector<std::string> ToolErrors;
};

/// The folder the log's URIs are relative to, whatever the current directory:
/// the repository (the nearest folder above \p File holding .git), else the
/// current directory.
std::string sourceRoot(llvm::StringRef File);

void printSarifLog(llvm::raw_ostream &OS, llvm::ArrayRef<Diagnostic> Diags, const SarifRun &Run);

} // namespace racelab

#endif // RACELAB_CHECKER_LIB_SARIFLOG_H
