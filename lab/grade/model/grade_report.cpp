#include "grade/model/grade_report.hpp"

#include <algorithm>

namespace racelab::lab {
namespace {

bool is_listed(const std::vector<Judge>& judges, Judge judge) {
  return std::find(judges.begin(), judges.end(), judge) != judges.end();
}

}  // namespace

bool JudgeOutcome::waits_for_build() const {
  return verdict == Verdict::not_run && (summary == not_run_build_failed || summary == not_run_not_compiled);
}

double ExerciseOutcome::points() const {
  double sum = 0;
  for (const auto& [judge, outcome] : judges) sum += outcome.points;
  return sum;
}

double ExerciseOutcome::max_points() const {
  double sum = 0;
  for (const auto& [judge, outcome] : judges) sum += outcome.max_points;
  return sum;
}

std::vector<Judge> ExerciseOutcome::shown_judges() const {
  std::vector<Judge> shown;
  for (const Judge judge : all_judges) {
    if (is_listed(registered, judge) || judges.count(judge) > 0) shown.push_back(judge);
  }
  return shown;
}

bool ExerciseOutcome::shows(Judge judge) const { return is_listed(shown_judges(), judge); }

const JudgeOutcome& ExerciseOutcome::outcome(Judge judge) const {
  static const JudgeOutcome not_reported;
  const auto found = judges.find(judge);
  return found == judges.end() ? not_reported : found->second;
}

double GradeReport::points() const {
  double sum = 0;
  for (const auto& e : exercises) sum += e.counts() ? e.points() : 0;
  return sum;
}

double GradeReport::max_points() const {
  double sum = 0;
  for (const auto& e : exercises) sum += e.in_course ? e.max_points() : 0;
  return sum;
}

std::vector<Judge> GradeReport::shown_judges() const {
  std::vector<Judge> shown;
  for (const Judge judge : all_judges) {
    const bool any = std::any_of(exercises.begin(), exercises.end(),
                                 [judge](const ExerciseOutcome& e) { return e.graded && e.shows(judge); });
    if (any) shown.push_back(judge);
  }
  if (shown.empty()) shown.assign(grade_judges.begin(), grade_judges.end());
  return shown;
}

bool any_failure(const GradeReport& report) {
  for (const auto& e : report.exercises) {
    if (!e.counts()) continue;
    for (const Judge judge : e.shown_judges()) {
      if (e.outcome(judge).verdict != Verdict::pass) return true;
    }
  }
  return false;
}

}  // namespace racelab::lab
