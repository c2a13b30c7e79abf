#pragma once
/// \file
/// Running the judged program: under the course's limits, with an environment
/// it cannot use to steer the judge, and how its run ended in plain words.

#include "judge/judge.hpp"
#include "sandbox/process.hpp"

#include <filesystem>
#include <iosfwd>
#include <string>

namespace racelab::lab {

/// The request every judge starts from: the command, the time limit, the course's
/// limits on CPU, memory, processes and output; output into `<dir>/output.txt`.
RunRequest limited_request(const JudgeOptions& options, const std::filesystem::path& dir);

/// How a run ended, in plain words, when it did not end well.
std::string ending_summary(const RunResult& result, double timeout_seconds);

/// A note for a passing verdict: the program left processes running.
void note_leftovers(const RunResult& result, std::ostream& out);

}  // namespace racelab::lab
