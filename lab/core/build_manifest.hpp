#pragma once
/// \file
/// The build's manifest (<build>/racelab-exercises.json, written by CMake at
/// configure time): the exercises a build grades, their folders, judges,
/// student sources and perf drivers.

#include "core/judge.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace racelab::lab {

/// One exercise as the build registered it.
struct ManifestExercise {
  int number = 0;
  std::string folder;
  std::string label;                 ///< the ctest label: "exercise3"
  bool graded = false;               ///< false: not in the workspace
  std::vector<Judge> judges{grade_judges.begin(), grade_judges.end()};  ///< the tests it registered
  bool judges_listed = false;        ///< the manifest listed them (else the four every exercise has)
  std::vector<std::string> sources;  ///< the student's files, absolute
  std::string workspace;             ///< the student's folder for this exercise, absolute
  std::string perf_driver;           ///< the student's perf driver; empty: none
};

struct BuildManifest {
  std::string source;                       ///< what the build grades: "exercises", "solutions" or a path
  std::vector<ManifestExercise> exercises;  ///< by number
};

/// The manifest is missing or unreadable; the message says what to do.
struct ManifestError {
  std::string message;
};

/// <build>/racelab-exercises.json.
std::filesystem::path manifest_file(const std::filesystem::path& build);

/// Reads the manifest; throws ManifestError.
BuildManifest read_build_manifest(const std::filesystem::path& file);

}  // namespace racelab::lab
