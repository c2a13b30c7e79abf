#pragma once
/// \file
/// The kit's exercises: every tests/exercises/NN-name/exercise.json (their manifests).

#include "core/exercise_manifest.hpp"
#include "kit/kit_root.hpp"

#include <filesystem>
#include <vector>

namespace racelab::lab {

/// One exercise of the kit, as its manifest describes it.
using KitExercise = ExerciseManifest;

/// Every exercise of <kit>/tests/exercises, by number: each folder NN-name must
/// hold a manifest; throws KitError naming the file and the field of the first mistake.
std::vector<KitExercise> kit_exercises(const std::filesystem::path& kit);

}  // namespace racelab::lab
