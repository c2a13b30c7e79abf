#pragma once
/// \file
/// The formats `racelab grade` writes, every one from the same GradeReport:
/// report.json, junit.xml, Gradescope's results.json, summary.md (GitHub job
/// summary), annotations.txt (GitHub workflow commands) and racelab.sarif.

#include "grade/grade.hpp"

#include <boost/json/value.hpp>

#include <filesystem>
#include <iosfwd>
#include <string>
#include <vector>

namespace racelab::lab {

/// "3", "2.5": points without trailing zeros.
std::string points_text(double points);

/// Points as a JSON number: a whole number as an integer (3, not 3E0), else a double.
boost::json::value points_json(double points);

/// "Exercise 1 — ThreadSanitizer": a judge's name in every format.
std::string judge_test_name(int exercise, const std::string& judge);

/// "counter.cpp:21:5" (as much of it as is known); empty when the finding has no file.
std::string finding_position(const GradeFinding& finding);

/// The findings as report.json writes them.
boost::json::array findings_to_json(const std::vector<GradeFinding>& findings);

/// Racelab's own JUnit XML: one testsuite per exercise, one testcase per judge.
std::string junit_xml(const GradeReport& report);

/// Gradescope's results.json: score, max_score, output, visibility, tests[].
boost::json::value gradescope_results(const GradeReport& report);

/// The Markdown summary: totals, a table per exercise, findings as bullets.
std::string markdown_summary(const GradeReport& report);

/// GitHub's escaping of a workflow command's message: %, CR, LF.
std::string escape_annotation_message(const std::string& text);
/// GitHub's escaping of a workflow command's property: also ':' and ','.
std::string escape_annotation_property(const std::string& text);

/// One `::error file=…,line=…,col=…,title=…::message` line per finding, and one
/// (without a file) per failed judge that has no finding.
std::string github_annotations(const GradeReport& report);

/// SARIF 2.1.0: every finding as a result, rules per checker check and TSan kind.
boost::json::value sarif_log(const GradeReport& report);

/// Writes every format into `dir` (and the summary to $GITHUB_STEP_SUMMARY when set);
/// returns the files written. Throws GradeError when one cannot be written.
std::vector<std::filesystem::path> write_reports(const GradeReport& report, const std::filesystem::path& dir);

/// Prints the annotations to `out` when $GITHUB_ACTIONS is "true", so that GitHub shows them.
void print_github_annotations(const GradeReport& report, std::ostream& out);

}  // namespace racelab::lab
