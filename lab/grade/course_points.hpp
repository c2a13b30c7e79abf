#pragma once
/// \file
/// Points from the course file: which exercises count, and what each judge is worth.

#include "core/course.hpp"
#include "grade/model/grade_report.hpp"

namespace racelab::lab {

/// Marks the exercises the course does not grade, sets each judge's points and maximum
/// (all of a judge's points when it passed, none otherwise). Throws GradeError naming the
/// course file's line when it gives points to a judge the build registered no test for.
void apply_course(GradeReport& report, const Course& course);

}  // namespace racelab::lab
