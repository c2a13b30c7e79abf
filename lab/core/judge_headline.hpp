#pragma once
/// \file
/// The first line of every judge's verdict ("exercise 3 — ThreadSanitizer
/// judge: FAILED"), written by the judges and read back by `racelab grade`.

#include "core/judge.hpp"
#include "core/verdict.hpp"

#include <string>

namespace racelab::lab {

/// "exercise 3 — ThreadSanitizer judge: FAILED\n".
std::string judge_headline(int exercise, Judge judge, JudgeStatus status);

/// The first line of why a judge failed, from what it printed: the line under its
/// headline (a build step has none: its first error). Never empty.
std::string failure_summary(Judge judge, const std::string& output);

}  // namespace racelab::lab
