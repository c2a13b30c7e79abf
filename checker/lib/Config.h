//===- Config.h - check globs and the .racelab-check config file ----------===//
//
// The check selection (`--checks` and a config file's `Checks`) is a
// comma-separated list of globs as in clang-tidy: `*` is the only wildcard, a
// leading `-` removes, and the last glob that matches a check decides.
//
// A config file, `.racelab-check`, is found upward from each source file (the
// nearest one wins, like `.clang-tidy`) or named with `--config-file`. It is
// YAML (so JSON too), read with LLVM's YAML parser (see checker/README.md);
// `--config` gives the same text on the command line:
//
//   Checks: '-racelab-missing-lock'
//   WarningsAsErrors: 'racelab-*'
//   HeaderFilterRegex: 'src/.*'
//   CheckOptions:
//     racelab-blocking-in-coroutine.BlockingFunctions: 'net::fetch, Db::query'
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_CHECKER_LIB_CONFIG_H
#define RACELAB_CHECKER_LIB_CONFIG_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace racelab {

/// The name of the config file searched upward from each source file.
inline constexpr const char ConfigFileName[] = ".racelab-check";

/// What the tool knows of a check, to validate globs and option keys.
struct CheckInfo {
  std::string Name;                 ///< e.g. "racelab-blocking-in-coroutine"
  std::vector<std::string> Options; ///< option names it reads, e.g. "BlockingFunctions"
};

/// Is \p Check enabled by the glob list \p Globs (the last glob matching it
/// decides; none matching: not enabled)?
bool checkEnabled(llvm::StringRef Check, llvm::StringRef Globs);

/// "" if every glob of \p Globs is well formed and matches at least one of
/// \p Checks; else a message naming the first bad glob.
std::string validateCheckGlobs(llvm::StringRef Globs, llvm::ArrayRef<CheckInfo> Checks);

/// A parsed config file.
struct ConfigFile {
  std::string Path;                  ///< where it was read from
  std::optional<std::string> Checks; ///< its `Checks:` globs, if any
  std::optional<std::string> WarningsAsErrors;  ///< check globs whose findings are errors
  std::optional<std::string> HeaderFilterRegex; ///< headers whose findings are shown
  std::map<std::string, std::string> Options; ///< `<check>.<Option>` -> value
};

/// Parses \p Text as the config file \p Path. On error, returns false and sets
/// \p Error to one line: `<path>:<line>:<col>: <what is wrong>`.
bool parseConfigFile(llvm::StringRef Text, llvm::StringRef Path, llvm::ArrayRef<CheckInfo> Checks,
                     ConfigFile &Out, std::string &Error);

/// Reads and parses the config file \p Path. On error, \p Error is one line:
/// `malformed config file: <path>:<line>:<col>: <what>` or
/// `cannot read config file '<path>': <reason>`.
bool readConfigFile(llvm::StringRef Path, llvm::ArrayRef<CheckInfo> Checks, ConfigFile &Out,
                    std::string &Error);

/// Writes \p Config as a config file (YAML, through LLVM's YAML I/O) that
/// parseConfigFile reads back to the same values.
void writeConfigFile(llvm::raw_ostream &OS, const ConfigFile &Config);

/// "" if \p Regex is a valid header filter (empty: it matches no header);
/// else what is wrong with it.
std::string validateHeaderFilter(llvm::StringRef Regex);

/// The nearest `.racelab-check` in the folder of \p SourceFile or one of its
/// parents (absolute path), or "" if there is none.
std::string findConfigFile(llvm::StringRef SourceFile);

} // namespace racelab

#endif // RACELAB_CHECKER_LIB_CONFIG_H
