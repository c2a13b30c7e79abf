#pragma once
/// \file
/// The functional judge: the grader's Boost.Test checks, built plainly. It
/// passes only when Boost.Test's own report, received through a pipe, shows
/// every test case the grader lists (`--list_content`, asked before the run)
/// as passed: a case skipped, filtered away or never reached is a failure.

#include "judge/judge.hpp"

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace racelab::lab {

JudgeVerdict judge_functional(const JudgeOptions& options, std::ostream& out);

/// The grader's enabled test cases, from `<command> --list_content` run under the
/// judge's limits; nullopt (with why in `problem`) when it cannot list them.
std::optional<std::vector<std::string>> list_test_cases(const JudgeOptions& options, std::string& problem);

}  // namespace racelab::lab
