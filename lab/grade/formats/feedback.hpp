#pragma once
/// \file
/// Wording every format shares: a finding in plain lines, what a judge said,
/// which judges a report visits and which it leaves to another line.

#include "grade/model/grade_report.hpp"

#include <string>

namespace racelab::lab {

/// "Exercise 1 — ThreadSanitizer": a judge's name in every format.
std::string judge_test_name(int exercise, Judge judge);

/// "write at exercises/01-counter/counter.cpp:21:5 by thread T2, holding M0".
std::string access_line(const FindingAccess& access);

/// A finding in plain text lines: position and message, then its accesses and notes.
std::string finding_text(const GradeFinding& finding, const std::string& indent);

/// What a judge said, for formats that carry text: summary, findings, then the capped output.
std::string judge_feedback(const JudgeOutcome& outcome);

/// A judge that was not run because its exercise did not compile is reported once, on the build judge.
bool follows_from_build(const ExerciseOutcome& exercise, Judge judge, const JudgeOutcome& outcome);

/// Judges whose reason a report gives once for the exercise: those not run because it did not
/// compile (on its build judge), those withheld (on the edited file that withholds them).
bool reported_once_elsewhere(const ExerciseOutcome& exercise, Judge judge, const JudgeOutcome& outcome);

/// Calls visit(exercise, judge, outcome) for each exercise that counts, each judge it shows.
template <typename Visit>
void for_each_judge(const GradeReport& report, Visit visit) {
  for (const auto& e : report.exercises) {
    if (!e.counts()) continue;
    for (const Judge judge : e.shown_judges()) visit(e, judge, e.outcome(judge));
  }
}

}  // namespace racelab::lab
