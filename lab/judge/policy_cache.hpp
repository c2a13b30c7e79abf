#pragma once
/// \file
/// The grading policy's clean verdicts, remembered in the build folder: every
/// judge of a variant (functional, tsan, static, perf) checks the same files
/// with the same commands, and the parse costs seconds each time.
///
/// A verdict is found by a SHA-256 key over what could change it: the checker
/// (its bytes), the policy file, the compile commands read, and the bytes of
/// every file in every folder the parse could read a non-system header from
/// (the student's folder, each student file's folder, every -I/-iquote/-isystem
/// folder and forced include of those commands). Any change there is another key.
///
/// A clean verdict and the findings of a failed one are remembered (a check that
/// could not finish is not), and only where the judged programs run isolated: the
/// build folder is read-only to them, so no program can plant a verdict. Where they run without
/// isolation (RACELAB_SANDBOX=off, no bwrap) nothing is read or written, and
/// forget_policy_verdicts() wipes what such a program could have planted.

#include "judge/judge.hpp"

#include <optional>
#include <string>

namespace racelab::lab {

/// The key of a policy check of `options`' files with the compile commands in
/// `database` (the text of a compile_commands.json); nullopt when no verdict may be
/// remembered (programs not isolated, a folder too large or not found).
std::optional<std::string> policy_cache_key(const JudgeOptions& options, const std::string& database);

/// Held while a check with one key runs: the judges of one variant started side by
/// side (ctest -j) wait for the first one's verdict instead of parsing the same files
/// at the same time. Released when destroyed; without a key, holds nothing.
class PolicyCheckLock {
public:
  PolicyCheckLock(const JudgeOptions& options, const std::optional<std::string>& key);
  ~PolicyCheckLock();
  PolicyCheckLock(const PolicyCheckLock&) = delete;
  PolicyCheckLock& operator=(const PolicyCheckLock&) = delete;

private:
  int fd_ = -1;
};

/// A check's verdict: the files keep the policy, or the checker's findings (its JSON).
struct PolicyVerdict {
  bool clean = false;
  std::string findings;
};

/// The verdict of an earlier check with this key, if one is remembered.
std::optional<PolicyVerdict> remembered_policy(const JudgeOptions& options, const std::string& key);

/// Remembers the verdict of the check with this key.
void remember_policy(const JudgeOptions& options, const std::string& key, const PolicyVerdict& verdict);

/// Drops every remembered verdict of the build (after a program ran unisolated).
void forget_policy_verdicts(const JudgeOptions& options);

}  // namespace racelab::lab
