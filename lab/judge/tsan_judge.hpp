#pragma once
/// \file
/// The ThreadSanitizer judge: the grader's checks built with -fsanitize=thread.
/// It fails on any TSan report, a hang, a crash, or a run that stopped early.

#include "judge/judge.hpp"

#include <filesystem>
#include <iosfwd>
#include <string>

namespace racelab::lab {

/// Exit status of a TSan run that found problems (set through TSAN_OPTIONS).
inline constexpr int tsan_exit_code = 66;

/// The judges' TSAN_OPTIONS for logs written to `<log_dir>/tsan.<pid>`.
std::string judge_tsan_options(const std::filesystem::path& log_dir);

/// The verdict; its findings are TSan's reports, files absolute.
JudgeVerdict judge_tsan(const JudgeOptions& options, std::ostream& out);

}  // namespace racelab::lab
