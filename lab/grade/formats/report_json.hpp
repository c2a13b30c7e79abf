#pragma once
/// \file
/// report.json: the whole result model as JSON, for scripts and dashboards.

#include "grade/model/grade_report.hpp"

#include <boost/json/value.hpp>

namespace racelab::lab {

/// Every exercise with its judges (verdict, summary, output, findings, points), the edited files, totals.
boost::json::value report_json(const GradeReport& report);

}  // namespace racelab::lab
