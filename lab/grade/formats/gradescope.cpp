#include "grade/formats/gradescope.hpp"

#include "core/points.hpp"
#include "grade/formats/feedback.hpp"

#include <boost/json.hpp>

namespace racelab::lab {
namespace {

namespace json = boost::json;

/// The overall output: the points, then what concerns whole exercises.
std::string overall_output(const GradeReport& report) {
  std::string output = (report.course.empty() ? std::string("racelab") : report.course) + ": " +
                       points_text(report.points()) + " of " + points_text(report.max_points()) + " points.\n";
  for (const auto& e : report.exercises) {
    if (!e.graded && e.in_course) output += "Exercise " + std::to_string(e.number) + " is not in the submission.\n";
    if (!e.compile_error.empty()) {
      output += "Exercise " + std::to_string(e.number) + " did not compile: " + e.compile_error + "\n";
    }
  }
  for (const auto& file : report.edited) output += "Credit withheld: " + withheld_note(file) + ".\n";
  return output;
}

}  // namespace

json::value gradescope_results(const GradeReport& report) {
  json::array tests;
  for_each_judge(report, [&](const ExerciseOutcome& e, Judge judge, const JudgeOutcome& o) {
    const std::string feedback =
        follows_from_build(e, judge, o) ? "not run: did not compile: " + e.compile_error + "\n" : judge_feedback(o);
    tests.push_back(json::object{{"name", judge_test_name(e.number, judge)},
                                 {"score", points_json(o.points)},
                                 {"max_score", points_json(o.max_points)},
                                 {"status", o.verdict == Verdict::pass ? "passed" : "failed"},
                                 {"output", feedback},
                                 {"output_format", "text"},
                                 {"visibility", report.visibility}});
  });
  return json::object{{"score", points_json(report.points())}, {"max_score", points_json(report.max_points())},
                      {"output", overall_output(report)},  {"output_format", "text"},
                      {"visibility", report.visibility},   {"stdout_visibility", "hidden"},
                      {"tests", tests}};
}

}  // namespace racelab::lab
