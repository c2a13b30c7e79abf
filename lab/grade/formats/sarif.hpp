#pragma once
/// \file
/// racelab.sarif: SARIF 2.1.0 for code-scanning tools, every finding a result
/// under a rule per checker check and TSan kind.

#include "grade/model/grade_report.hpp"

#include <boost/json/value.hpp>

namespace racelab::lab {

boost::json::value sarif_log(const GradeReport& report);

}  // namespace racelab::lab
