#pragma once
/// \file
/// The terminal table `racelab grade` prints: a row per exercise, a column per
/// judge, then one "why" line per judge that did not pass.

#include "grade/model/grade_report.hpp"

#include <string>

namespace racelab::lab {

/// The table, then the reasons; `color`: ANSI colours for a terminal.
std::string render_table(const GradeReport& report, bool color);

}  // namespace racelab::lab
