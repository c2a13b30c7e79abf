#include "grade/course_points.hpp"

#include "grade/grade_error.hpp"

#include <algorithm>

namespace racelab::lab {
namespace {

/// "lab/course.toml:30: exercise 6 gives points to perf, but …" when the build lacks a judge the course pays for.
void check_course_judges(const ExerciseOutcome& e, const CourseExercise& c, const Course& course) {
  if (!e.judges_listed || !e.graded) return;
  for (const auto& [judge, points] : c.points) {
    if (std::find(e.registered.begin(), e.registered.end(), judge) != e.registered.end()) continue;
    const auto line = c.point_lines.count(judge) ? c.point_lines.at(judge) : c.line;
    std::string registered;
    for (const Judge name : e.registered) registered += (registered.empty() ? "" : ", ") + judge_id(name);
    const std::string id = judge_id(judge);
    throw GradeError{course.file.string() + ":" + std::to_string(line) + ": exercise " + std::to_string(e.number) +
                     " gives points to the " + id + " judge, but the build has no " + id +
                     " test for it (its judges: " + registered + "); remove those points or register the judge"};
  }
}

}  // namespace

void apply_course(GradeReport& report, const Course& course) {
  report.course = course.name;
  report.course_file = course.file.string();
  report.visibility = course.visibility;
  for (auto& e : report.exercises) {
    const CourseExercise* c = course.find(e.number);
    e.in_course = c != nullptr;
    if (c == nullptr) continue;
    check_course_judges(e, *c, course);
    for (const Judge judge : e.shown_judges()) {
      auto& outcome = e.judges[judge];
      const auto points = c->points.find(judge);
      outcome.max_points = points == c->points.end() ? 0 : points->second;
      outcome.points = outcome.verdict == Verdict::pass ? outcome.max_points : 0;
    }
  }
}

}  // namespace racelab::lab
