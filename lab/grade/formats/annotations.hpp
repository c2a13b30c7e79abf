#pragma once
/// \file
/// annotations.txt: GitHub workflow commands (`::error file=…,line=…::message`)
/// that GitHub shows on the lines of the student's files.

#include "grade/model/grade_report.hpp"

#include <iosfwd>
#include <string>

namespace racelab::lab {

/// GitHub's escaping of a workflow command's message: %, CR, LF.
std::string escape_annotation_message(const std::string& text);

/// GitHub's escaping of a workflow command's property: also ':' and ','.
std::string escape_annotation_property(const std::string& text);

/// One `::error file=…,line=…,col=…,title=…::message` line per finding, and one
/// (without a file) per failed judge that has no finding.
std::string github_annotations(const GradeReport& report);

/// Prints the annotations to `out` when $GITHUB_ACTIONS is "true", so that GitHub shows them.
void print_github_annotations(const GradeReport& report, std::ostream& out);

}  // namespace racelab::lab
