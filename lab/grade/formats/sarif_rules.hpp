#pragma once
/// \file
/// The rules of racelab.sarif: what GitHub code scanning shows beside an alert
/// (short and full description, help), for each checker check (its page of
/// checker/docs) and for the other judges' kinds of finding.

#include "grade/model/grade_report.hpp"

#include <boost/json/object.hpp>

#include <string>

namespace racelab::lab {

/// The rule a finding belongs to: the checker's check ("racelab-missing-lock"),
/// or the judge and kind ("tsan-data-race").
std::string sarif_rule_id(const GradeFinding& finding);

/// The reportingDescriptor of the rule of `finding`.
boost::json::object sarif_rule(const GradeFinding& finding);

/// The rule of the results that name a protected file not as handed out.
inline const std::string protected_file_rule_id = "racelab-protected-file";
boost::json::object protected_file_rule();

}  // namespace racelab::lab
