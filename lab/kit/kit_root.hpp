#pragma once
/// \file
/// The kit: where it is, and what stops a command that reads it.

#include <filesystem>
#include <optional>
#include <string>

namespace racelab::lab {

/// Something that stops assign, verify or a batch; the message names the problem.
struct KitError {
  std::string message;
};

/// The kit root above `start` (or the current folder): the nearest folder
/// holding lab/course.toml and cmake/RacelabExercise.cmake.
std::optional<std::filesystem::path> find_kit_root(const std::filesystem::path& start = {});

/// The whole file; throws KitError naming it when it cannot be read.
std::string read_kit_file(const std::filesystem::path& file);

}  // namespace racelab::lab
