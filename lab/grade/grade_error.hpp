#pragma once
/// \file
/// What stops `racelab grade`.

#include <string>

namespace racelab::lab {

/// Something that stops grading; the message names the problem and what to do.
struct GradeError {
  std::string message;
};

}  // namespace racelab::lab
