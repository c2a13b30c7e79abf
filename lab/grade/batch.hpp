#pragma once
/// \file
/// `racelab grade --batch DIR -j N`: a folder of submissions (one student
/// workspace per sub-folder) graded into one class CSV.

#include <filesystem>
#include <iosfwd>
#include <optional>

namespace racelab::lab {

struct BatchOptions {
  std::filesystem::path submissions;           ///< one sub-folder per student
  std::optional<std::filesystem::path> out;    ///< default: <submissions>/racelab-grades
  std::filesystem::path course;                ///< empty: lab/course.toml of the kit
  int jobs = 1;                                ///< submissions graded at once
  bool color = false;
};

/// Grades every submission, writes <out>/class.csv and one report folder per
/// submission; returns 0 when the CSV was written, 2 when it could not be.
int run_batch(const BatchOptions& options, std::ostream& out, std::ostream& err);

}  // namespace racelab::lab
