#pragma once
/// \file
/// Paths as a student finds them in their repository, in every message and report.

#include <filesystem>
#include <optional>
#include <string>

namespace racelab::lab {

/// Relative to the repository root (the nearest folder above it holding
/// CMakePresets.json or .git), else as given.
std::string repository_path(const std::filesystem::path& path);

/// repository_path(), and for a graded bare `workspace` (a folder with neither
/// CMakePresets.json nor .git) relative to the workspace.
std::string path_for_display(const std::string& path, const std::optional<std::filesystem::path>& workspace = {});

}  // namespace racelab::lab
