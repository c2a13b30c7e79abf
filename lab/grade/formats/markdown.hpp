#pragma once
/// \file
/// summary.md: the grade in Markdown (GitHub's job summary): totals, a table
/// of exercises and judges, and what to fix.

#include "grade/model/grade_report.hpp"

#include <string>

namespace racelab::lab {

std::string markdown_summary(const GradeReport& report);

}  // namespace racelab::lab
