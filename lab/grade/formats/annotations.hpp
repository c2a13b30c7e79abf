#pragma once
/// \file
/// annotations.txt: GitHub workflow commands (`::error file=…,line=…::message`)
/// that GitHub shows on the lines of the student's files.

#include "grade/model/grade_report.hpp"

#include <cstddef>
#include <iosfwd>
#include <string>

namespace racelab::lab {

/// GitHub's escaping of a workflow command's message: %, CR, LF.
std::string escape_annotation_message(const std::string& text);

/// GitHub's escaping of a workflow command's property: also ':' and ','.
std::string escape_annotation_property(const std::string& text);

/// GitHub shows at most this many error annotations of one step and drops the rest.
inline constexpr std::size_t github_annotations_per_step = 10;

/// One `::error file=…,line=…,col=…,title=…::message` line per finding, and one
/// (without a file) per failed judge that has no finding: the first
/// github_annotations_per_step of them, then, when there are more, one notice
/// that says how many more and that the job summary has them all.
std::string github_annotations(const GradeReport& report);

/// Prints the annotations to `out` when $GITHUB_ACTIONS is "true", so that GitHub shows them.
void print_github_annotations(const GradeReport& report, std::ostream& out);

}  // namespace racelab::lab
