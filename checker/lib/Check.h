//===- Check.h - the interface every racelab check implements -------------===//
#ifndef RACELAB_CHECKER_LIB_CHECK_H
#define RACELAB_CHECKER_LIB_CHECK_H

#include "lib/Analysis.h"
#include "lib/Diagnostics.h"

#include "clang/AST/ASTContext.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace racelab {

/// What a check sees of one parsed translation unit: the AST, what the
/// engine found in it (typed findings, Analysis.h), and where to report.
struct TranslationUnitContext {
  clang::ASTContext &Ctx;
  const Analysis &Findings;
  DiagnosticSink &Sink;
};

/// A racelab check: a name (`racelab-…`) and a pass over each translation unit.
class Check {
public:
  explicit Check(std::string Name) : Name(std::move(Name)) {}
  virtual ~Check() = default;

  const std::string &name() const { return Name; }

  /// One line saying what the check finds (SARIF's rule shortDescription).
  virtual std::string summary() const { return "racelab check " + Name; }

  /// The option names this check reads (without the `<check>.` prefix); a
  /// config file naming any other option of this check is an error.
  virtual std::vector<std::string> optionNames() const { return {}; }

  /// Options by key, as clang-tidy names them: `<check name>.<Option>`
  /// (e.g. `racelab-blocking-in-coroutine.BlockingFunctions`); the tool fills
  /// them from the config file and its command line before the first
  /// translation unit.
  void setOptions(const std::map<std::string, std::string> &AllOptions) { Options = AllOptions; }
  /// This check's option \p Key, or \p Default.
  std::string option(const std::string &Key, const std::string &Default = "") const {
    auto It = Options.find(Name + "." + Key);
    return It == Options.end() ? Default : It->second;
  }

  /// Called once per translation unit that parsed without errors.
  virtual void check(const TranslationUnitContext &TU) = 0;

private:
  std::string Name;
  std::map<std::string, std::string> Options;
};

/// Every check, in alphabetical order (checks/RacelabChecks.cpp).
std::vector<std::unique_ptr<Check>> createAllChecks();

} // namespace racelab

#endif // RACELAB_CHECKER_LIB_CHECK_H
