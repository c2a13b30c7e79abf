#pragma once
/// \file
/// The README.md of a student repository, from lab/student/README.md.in.

#include "kit/registration.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace racelab::lab {

/// The template with @EXERCISE_ROWS@, @FIRST_NUMBER@, @FIRST_FOLDER@ and @FIRST_SOURCE@ filled in
/// for `chosen` (not empty); throws KitError when a file cannot be read.
std::string student_readme(const std::filesystem::path& kit, const std::vector<KitExercise>& chosen);

}  // namespace racelab::lab
