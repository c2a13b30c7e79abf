#pragma once
/// \file
/// An exercise's manifest, tests/exercises/NN-name/exercise.json: the one
/// description of the exercise that CMake registers it from
/// (cmake/RacelabManifest.cmake, which documents every field) and that
/// `list`, `assign` and `verify` read. Read strictly: a missing field, a
/// wrong type or an unknown key is an error naming the file and the field.

#include "core/judge.hpp"

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace racelab::lab {

/// A plausible but wrong fix, kept in tests/exercises/<folder>/wrong-fixes/<name>/.
struct WrongFix {
  std::string name;
  std::map<Judge, std::string> fails;  ///< judge → regex its output must match
  std::string why;
};

/// The perf exercises' strategies, registered with the bench driver by the adapter.
struct PerfStrategies {
  std::string adapter;                  ///< in tests/exercises/<folder>/
  std::vector<std::string> strategies;  ///< "threaded", "queue-manager", …
};

struct ExerciseManifest {
  std::filesystem::path file;  ///< where it was read
  int number = 0;
  std::string folder;  ///< "01-counter"
  std::string title;
  std::string pitfall;
  std::string contract;                ///< the header in exercises/<folder>/ the grader calls
  std::vector<std::string> sources;    ///< the student's files, in exercises/<folder>/
  std::vector<std::string> grader;     ///< the grader's Boost.Test sources, in tests/exercises/<folder>/
  std::vector<std::string> solutions;  ///< approaches, each solutions/<folder>/<approach>/
  int timeout_seconds = 0;
  bool allow_sleep = false;
  int hints = 0;  ///< numbered hints in the README's "## Hints"
  std::map<Judge, std::string> starter_fails;  ///< judge → regex the starter's failure must match
  std::vector<WrongFix> wrong_fixes;
  std::optional<PerfStrategies> perf;

  /// The exercise's judges, the build step first: build, functional, tsan, static (and perf).
  [[nodiscard]] std::vector<Judge> judges() const;
};

/// A mistake in a manifest: "tests/exercises/01-counter/exercise.json: hints: expected a whole number".
struct ManifestFieldError {
  std::string message;
};

/// Parses and checks `text` (named `file` in messages, and whose folder's name
/// `folder` must equal); throws ManifestFieldError.
ExerciseManifest parse_exercise_manifest(std::string_view text, const std::filesystem::path& file);

/// Reads and checks a manifest; throws ManifestFieldError.
ExerciseManifest load_exercise_manifest(const std::filesystem::path& file);

}  // namespace racelab::lab
