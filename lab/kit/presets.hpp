#pragma once
/// \file
/// CMakePresets.json as a student repository carries it.

#include <string>

namespace racelab::lab {

/// CMakePresets.json without the self-test presets (they need solutions/).
std::string student_presets(const std::string& presets_json);

}  // namespace racelab::lab
