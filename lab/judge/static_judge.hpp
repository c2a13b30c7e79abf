#pragma once
/// \file
/// The static judge: racelab-check on the student's sources.

#include "judge/judge.hpp"

#include <iosfwd>
#include <string>
#include <vector>

namespace racelab::lab {

/// The verdict; with options.findings_as_data, the checker runs a second time with
/// --format=json and its diagnostics come back as findings.
JudgeVerdict judge_static(const JudgeOptions& options, std::ostream& out);

/// The checker's `--format=json` output as findings (files as the checker gave them).
std::vector<GradeFinding> checker_findings_from_json(const std::string& text);

}  // namespace racelab::lab
