#pragma once
/// \file
/// Grading a student's workspace with the kit's graders: where the kit is,
/// and the build configured to grade the workspace's files.

#include <filesystem>
#include <iosfwd>

namespace racelab::lab {

/// The folder of the running racelab binary: racelab-check is built beside it.
std::filesystem::path executable_dir();

/// The kit's sources: where the build that made this racelab binary was configured from,
/// else the repository found upward from the current folder. Throws GradeError.
std::filesystem::path kit_root();

/// Configures `build` to grade the student's files in `workspace` (laid out like exercises/,
/// or holding exercises/) with this racelab and racelab-check; cmake's output goes to
/// <out_dir>/configure-output.txt. Throws GradeError.
void configure_workspace_build(const std::filesystem::path& workspace, const std::filesystem::path& build,
                               const std::filesystem::path& out_dir, std::ostream& out);

}  // namespace racelab::lab
