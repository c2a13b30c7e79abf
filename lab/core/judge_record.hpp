#pragma once
/// \file
/// A judge's record: its verdict and findings as data, the channel from a
/// judge to `racelab grade`.
///
/// When RACELAB_RESULTS_DIR is set (by `racelab grade`), each judge writes
/// `<dir>/exercise<N>.<judge>.json`, so that grade never parses what a
/// student's program printed. The student's program is started without that
/// variable.

#include "core/finding.hpp"
#include "core/judge.hpp"
#include "core/verdict.hpp"

#include <boost/json/fwd.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace racelab::lab {

/// The environment variable naming the folder for the judges' records.
inline constexpr const char* results_dir_variable = "RACELAB_RESULTS_DIR";

/// What one judge run recorded. Finding files are absolute paths.
struct JudgeRecord {
  int exercise = 0;
  Judge judge = Judge::functional;
  JudgeStatus verdict = judge_error;
  std::string summary;  ///< one line: why it failed
  std::vector<GradeFinding> findings;
};

boost::json::value record_to_json(const JudgeRecord& record);

/// Throws std::exception when `value` is not a record.
JudgeRecord record_from_json(const boost::json::value& value);

/// `<dir>/exercise<N>.<judge>.json`.
std::filesystem::path record_file(const std::filesystem::path& dir, int exercise, Judge judge);

/// Writes the record into `dir`, under a temporary name first so that grade never
/// reads half a record. A record is detail only: when it cannot be written, nothing is.
void write_record(const std::filesystem::path& dir, const JudgeRecord& record);

}  // namespace racelab::lab
