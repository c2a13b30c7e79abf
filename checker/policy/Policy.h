//===- Policy.h - what graded code may use, per exercise -------------------===//
//
// A grading policy is an allow-list: the C++ standard library, the exercise's
// contract, and exactly the C/POSIX functions, libraries and kit headers the
// exercise names. It is the built-in base (PolicyDefaults.def) plus the
// `"policy"` object of the exercise's metadata file
// (tests/exercises/NN-name/exercise.json), read with llvm::json:
//
//   { "policy": {
//       "contract":    ["prime_pool.hpp"],            // the student may hold a copy
//       "kit_headers": ["racelab/bench/primes.hpp"],  // other kit headers they may include
//       "provided":    ["racelab::is_prime"],         // kit functions defined outside their files
//       "libraries":   ["boost::asio"],               // namespaces beyond the standard library
//       "headers":     ["boost/asio.hpp", "boost/asio/*"],  // Boost headers they may include
//       "functions":   ["fork", "pipe"],              // C/POSIX functions beyond the base
//       "child_only":  ["_exit"],                     // only inside a forked child
//       "variables":   [],                            // C variables beyond stdin/stdout/stderr
//       "denied":      [{"name": "racelab::bench::Tables::keep_thinking_until",
//                        "why": "it changes how the grader watches the tables"}]
//   } }
//
// Every key is optional; an unknown key inside "policy" is an error, keys
// outside it belong to the rest of the exercise's metadata and are ignored.
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_CHECKER_POLICY_POLICY_H
#define RACELAB_CHECKER_POLICY_POLICY_H

#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>
#include <vector>

namespace racelab::policy {

/// Does \p Name match \p Glob (`*` is the only wildcard, matching any run of
/// characters, `::` included)?
bool matchesGlob(llvm::StringRef Glob, llvm::StringRef Name);

/// A name graded code may not use, and why (a sentence starting "it …").
struct DeniedName {
  std::string Glob;
  std::string Why;
};

/// What graded code of one exercise may use.
struct Policy {
  std::string Path; ///< the file it was read from; "" for the base alone

  std::vector<std::string> Contract;   ///< include names of the contract header(s)
  std::vector<std::string> KitHeaders; ///< other kit headers, by include name
  std::vector<std::string> Provided;   ///< qualified names the kit defines for the student
  std::vector<std::string> Libraries;  ///< namespaces beyond std (e.g. boost::asio)
  std::vector<std::string> Headers;    ///< Boost header globs the student may include
  std::vector<std::string> Functions;  ///< C/POSIX function globs (base + exercise)
  std::vector<std::string> ChildOnly;  ///< function globs allowed only in a forked child
  std::vector<std::string> Variables;  ///< C variable globs (base + exercise)
  std::vector<DeniedName> Denied;      ///< qualified-name globs denied (base + exercise)
  std::vector<std::string> KitNamespaces; ///< namespaces of the kit's own code

  bool allowsFunction(llvm::StringRef Name) const;
  bool allowsInChildOnly(llvm::StringRef Name) const;
  bool allowsVariable(llvm::StringRef Name) const;
  bool isProvided(llvm::StringRef QualifiedName) const;
  bool allowsHeader(llvm::StringRef IncludeName) const;
  /// The library namespace of Libraries that holds \p QualifiedName, if any.
  bool inLibrary(llvm::StringRef QualifiedName) const;
  bool inKitNamespace(llvm::StringRef QualifiedName) const;
  /// Why \p QualifiedName is denied, if a Denied entry matches it.
  std::optional<std::string> deniedBecause(llvm::StringRef QualifiedName) const;
};

/// The base policy alone (PolicyDefaults.def).
Policy basePolicy();

/// Why a C, POSIX or runtime name is dangerous ("it …"), if it is a known
/// dangerous one.
std::optional<std::string> knownDanger(llvm::StringRef Name);

/// Reads \p Path (an exercise.json) and returns the base policy extended by
/// its "policy" object. On error returns false and sets \p Error to one line:
/// `<path>: <what is wrong>`.
bool readPolicyFile(llvm::StringRef Path, Policy &Out, std::string &Error);

/// Parses \p Text as the contents of \p Path (see readPolicyFile).
bool parsePolicy(llvm::StringRef Text, llvm::StringRef Path, Policy &Out, std::string &Error);

} // namespace racelab::policy

#endif // RACELAB_CHECKER_POLICY_POLICY_H
