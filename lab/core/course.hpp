#pragma once
/// \file
/// The course file (lab/course.toml): which exercises a course grades, points
/// per judge, perf thresholds, limits on student programs, feedback visibility.

#include "core/judge.hpp"

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace racelab::lab {

/// Limits on every student program a judge runs (defaults in lab/course.toml).
struct Limits {
  double time_seconds = 120;          ///< wall clock per judge run; past it: "timed out — possible deadlock"
  double cpu_seconds = 600;           ///< CPU time of the program (RLIMIT_CPU)
  std::uint64_t memory_mib = 4096;    ///< resident memory of the program (not under TSan: its shadow is virtual)
  int processes = 64;                 ///< processes alive at once in the program's group
  std::uint64_t output_kib = 8192;    ///< bytes it may write (RLIMIT_FSIZE)
};

/// One exercise of the course.
struct CourseExercise {
  int number = 0;
  /// Points per judge.
  std::map<Judge, double> points;
  /// perf: strategy name → least acceptable ratio of the student's speed-up to the reference's.
  std::map<std::string, double> perf_min_ratio;
  std::optional<Limits> limits;  ///< overrides the course's, when given
  int line = 0;                  ///< where the exercise's table starts in the file
  /// judge → line of its points in the file (for "points for a judge the build does not have").
  std::map<Judge, int> point_lines;

  [[nodiscard]] double max_points() const;
};

/// Gradescope's feedback visibility: "visible", "hidden", "after_due_date", "after_published".
struct Course {
  std::filesystem::path file;
  std::string name;
  std::string visibility = "visible";
  Limits limits;
  /// [limits] grade_minutes: how long `racelab grade` may run every judge of a workspace;
  /// past it, the judges that had not finished are reported as not graded.
  double grade_minutes = 60;
  std::vector<CourseExercise> exercises;  ///< in the order of their numbers

  [[nodiscard]] const CourseExercise* find(int number) const;
  [[nodiscard]] const Limits& limits_for(int number) const;
  [[nodiscard]] double max_points() const;
};

/// A mistake in the course file: "lab/course.toml:12:9: points.tsan must be a number ≥ 0, not "three"".
struct CourseError {
  std::string message;
};

/// Parses and validates `text` (named `file` in messages); throws CourseError.
Course parse_course(std::string_view text, const std::filesystem::path& file);

/// Reads and validates the course file; throws CourseError.
Course load_course(const std::filesystem::path& file);

/// The course file of a repository: <root>/lab/course.toml.
std::filesystem::path default_course_file(const std::filesystem::path& repository_root);

/// The first <dir>/lab/course.toml from `start` upward, if any.
std::optional<std::filesystem::path> find_course_file(const std::filesystem::path& start);

/// The source folder a build was configured from (CMakeCache's CMAKE_HOME_DIRECTORY).
std::optional<std::filesystem::path> build_source_dir(const std::filesystem::path& build);

/// The course file when none is named: found upward from the current folder, else in
/// the source folder of `build`; throws CourseError saying what to do when neither has one.
std::filesystem::path locate_course_file(const std::optional<std::filesystem::path>& build);

}  // namespace racelab::lab
