#pragma once
/// \file
/// junit.xml: racelab's own JUnit XML, one testsuite per exercise and one
/// testcase per judge, for CI systems that show test results.

#include "grade/model/grade_report.hpp"

#include <string>

namespace racelab::lab {

/// The JUnit document.
std::string junit_xml(const GradeReport& report);

}  // namespace racelab::lab
