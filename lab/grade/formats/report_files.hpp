#pragma once
/// \file
/// Every format `racelab grade` writes, into one folder.

#include "grade/model/grade_report.hpp"

#include <filesystem>
#include <vector>

namespace racelab::lab {

/// A report file could not be written; the message names it.
struct ReportWriteError {
  std::string message;
};

/// Writes report.json, junit.xml, results.json, summary.md, annotations.txt and racelab.sarif
/// into `dir` (and appends the summary to $GITHUB_STEP_SUMMARY when set); returns the files
/// written. Throws ReportWriteError when one cannot be written.
std::vector<std::filesystem::path> write_reports(const GradeReport& report, const std::filesystem::path& dir);

}  // namespace racelab::lab
