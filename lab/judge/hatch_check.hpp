#pragma once
/// \file
/// A judge told to look away gives no credit: the escape hatches in the
/// student's sources that dodge this judge fail it before it runs.

#include "judge/judge.hpp"

#include <filesystem>
#include <iosfwd>
#include <optional>
#include <vector>

namespace racelab::lab {

/// Every C or C++ file under `sources`, skipping hidden and build folders, sorted.
std::vector<std::filesystem::path> student_files(const std::filesystem::path& sources);

/// A failed verdict, printed, when the sources hold an escape hatch that dodges this
/// judge; nullopt when they hold none.
std::optional<JudgeVerdict> fail_for_escape_hatches(const JudgeOptions& options, std::ostream& out);

}  // namespace racelab::lab
