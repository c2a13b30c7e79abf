#pragma once
/// \file
/// The exercise's grading policy: `racelab-check --policy=<exercise.json> --grading`
/// on the student's files, before any judge runs them. A finding fails every judge
/// of the exercise, with the checker's place, reason and fix.

#include "judge/judge.hpp"

#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace racelab::lab {

/// The checker's command that checks `options`' policy with the compile commands in
/// `database_dir` (empty when it has no policy).
std::vector<std::string> policy_command(const JudgeOptions& options, const std::filesystem::path& database_dir);

/// A failed verdict, printed, when the student's files break the policy or the
/// policy cannot be checked; nullopt when they keep it or the judge has no policy.
std::optional<JudgeVerdict> fail_for_policy(const JudgeOptions& options, std::ostream& out);

}  // namespace racelab::lab
