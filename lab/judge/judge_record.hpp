#pragma once
/// \file
/// The judges' records: findings as data, next to the verdict a student reads.
///
/// When RACELAB_RESULTS_DIR is set (by `racelab grade`), each judge writes
/// `<dir>/exercise<N>.<judge>.json` with its verdict, summary and findings, so
/// grade never parses what a student's program printed. The student's program
/// is started without that variable.

#include "grade/grade.hpp"
#include "judge/judge.hpp"

#include <boost/json/value.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace racelab::lab {

struct TsanLog;
struct EscapeHatch;

/// The environment variable naming the folder for the judges' records.
inline constexpr const char* results_dir_variable = "RACELAB_RESULTS_DIR";

/// What one judge run recorded. Finding files are absolute paths.
struct JudgeRecord {
  int exercise = 0;
  std::string judge;    ///< "functional", "tsan", "static", "perf"
  std::string verdict;  ///< "passed", "failed", "error"
  std::string summary;  ///< one line: why it failed
  std::vector<GradeFinding> findings;
};

boost::json::value record_to_json(const JudgeRecord& record);
/// Throws std::exception when `value` is not a record.
JudgeRecord record_from_json(const boost::json::value& value);

/// `<dir>/exercise<N>.<judge>.json`.
std::filesystem::path record_file(const std::filesystem::path& dir, int exercise, const std::string& judge);

/// The judge's verdict without the record (judge.cpp); run_judge records around it.
int run_judge_verdict(const JudgeOptions& options, std::ostream& out);

// Findings a judge notes while it runs; run_judge writes them into the record.
void note_tsan_findings(const TsanLog& log, const std::filesystem::path& sources);
void note_checker_findings(const JudgeOptions& options);
void note_escape_hatches(const JudgeOptions& options, const std::vector<EscapeHatch>& hatches);

/// The checker's `--format=json` output as findings (files as the checker gave them).
std::vector<GradeFinding> checker_findings_from_json(const std::string& text);

}  // namespace racelab::lab
