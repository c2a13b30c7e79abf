#pragma once
/// \file
/// The perf judge: each strategy a student's driver registers, measured against
/// the kit's reference strategy of the same name in the same run, and graded
/// by the ratio of their speed-ups, never by an absolute time.

#include "judge/judge.hpp"

#include <iosfwd>

namespace racelab::lab {

JudgeVerdict judge_perf(const JudgeOptions& options, std::ostream& out);

}  // namespace racelab::lab
