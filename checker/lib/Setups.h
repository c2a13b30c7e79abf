//===- Setups.h - which checks run on a file, with which settings ---------===//
//
// The settings of one source file merge, in this order (later wins): the
// defaults (every racelab-* check, findings in every header shown), its
// configuration (--config, --config-file, or the nearest .racelab-check), then
// the command line's --checks, --warnings-as-errors, --header-filter and
// check options.
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_CHECKER_LIB_SETUPS_H
#define RACELAB_CHECKER_LIB_SETUPS_H

#include "lib/Check.h"
#include "lib/Config.h"
#include "lib/Diagnostics.h"

#include "llvm/Support/Regex.h"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace racelab {

/// What the command line says of the configuration.
struct CommandLineSettings {
  std::string Checks;                          ///< --checks ("" = none)
  std::optional<std::string> WarningsAsErrors; ///< --warnings-as-errors
  std::optional<std::string> HeaderFilter;     ///< --header-filter
  std::map<std::string, std::string> Options;  ///< check options (--blocking-functions)
  /// --config or --config-file, already parsed: it replaces the lookup.
  std::optional<ConfigFile> Config;
  bool Grading = false;   ///< --grading: no config file from the graded folders
  bool HasPolicy = false; ///< --policy: its checks run even if no other does
};

/// The checks one source file gets, and what to do with their findings.
struct Setup {
  std::string Error;      ///< why its files cannot be analysed, or ""
  bool Malformed = false; ///< the config file is (Error says where)
  std::vector<std::unique_ptr<Check>> Checks;
  ConfigFile Effective; ///< the merged configuration (--dump-config)

  /// Applies WarningsAsErrors to \p D; false when the header filter hides it
  /// (a finding in a header the filter does not match, never a policy one).
  bool admit(Diagnostic &D, bool InMainFile) const;

private:
  friend class Setups;
  std::optional<llvm::Regex> HeaderFilter;
};

/// The check names and their options, to validate globs and option keys.
std::vector<CheckInfo> knownChecks();

/// The setup of each configuration (by path; "" = none), built once.
class Setups {
public:
  Setups(std::vector<CheckInfo> Known, CommandLineSettings Settings)
      : Known(std::move(Known)), Settings(std::move(Settings)) {}

  /// For the configuration given on the command line, or the nearest
  /// .racelab-check above \p SourceFile.
  const Setup &forFile(llvm::StringRef SourceFile);

  /// Every check enabled for at least one file, in registration order.
  std::vector<const Check *> enabledAnywhere() const;

private:
  Setup make(const ConfigFile *Config) const;

  std::vector<CheckInfo> Known;
  CommandLineSettings Settings;
  std::map<std::string, Setup> ByConfig;
};

} // namespace racelab

#endif // RACELAB_CHECKER_LIB_SETUPS_H
