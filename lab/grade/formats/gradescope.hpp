#pragma once
/// \file
/// results.json in Gradescope's autograder format: score, max_score, output,
/// visibility, and a test per judge.

#include "grade/model/grade_report.hpp"

#include <boost/json/value.hpp>

namespace racelab::lab {

boost::json::value gradescope_results(const GradeReport& report);

}  // namespace racelab::lab
