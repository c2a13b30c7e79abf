#pragma once
/// \file
/// The functional judge: the grader's Boost.Test checks, built plainly. It
/// passes only when Boost.Test's own report says every test case passed.

#include "judge/judge.hpp"

#include <iosfwd>

namespace racelab::lab {

JudgeVerdict judge_functional(const JudgeOptions& options, std::ostream& out);

}  // namespace racelab::lab
