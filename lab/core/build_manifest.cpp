#include "core/build_manifest.hpp"

#include "core/text.hpp"

#include <boost/json.hpp>

#include <algorithm>

namespace racelab::lab {
namespace {

namespace json = boost::json;
namespace fs = std::filesystem;

std::vector<std::string> strings_in(const json::object& object, const char* key) {
  std::vector<std::string> strings;
  if (const auto* value = object.if_contains(key)) {
    for (const auto& s : value->as_array()) strings.push_back(json::value_to<std::string>(s));
  }
  return strings;
}

std::string string_in(const json::object& object, const char* key) {
  const auto* value = object.if_contains(key);
  return value != nullptr ? json::value_to<std::string>(*value) : std::string();
}

ManifestExercise exercise_from_json(const json::object& e) {
  ManifestExercise exercise;
  exercise.number = static_cast<int>(e.at("number").to_number<long long>());
  exercise.folder = json::value_to<std::string>(e.at("folder"));
  exercise.label = e.contains("label") ? string_in(e, "label") : "exercise" + std::to_string(exercise.number);
  exercise.graded = e.contains("graded") && e.at("graded").as_bool();
  exercise.workspace = string_in(e, "workspace");
  exercise.perf_driver = string_in(e, "perf_driver");
  if (e.contains("judges")) {
    exercise.judges.clear();
    for (const auto& id : strings_in(e, "judges")) {
      if (const auto judge = judge_from_id(id)) exercise.judges.push_back(*judge);
    }
    exercise.judges_listed = true;
  }
  exercise.sources = strings_in(e, "sources");
  return exercise;
}

}  // namespace

fs::path manifest_file(const fs::path& build) { return build / "racelab-exercises.json"; }

BuildManifest read_build_manifest(const fs::path& file) {
  std::error_code ec;
  if (!fs::is_regular_file(file, ec)) {
    throw ManifestError{"no " + file.string() +
                        ": is this a racelab build folder? Configure one first: cmake --preset default"};
  }
  json::value root;
  try {
    root = json::parse(read_text(file));
  } catch (const std::exception& e) {
    throw ManifestError{file.string() + " is not valid JSON: " + e.what()};
  }
  BuildManifest manifest;
  try {
    const auto& object = root.as_object();
    if (const auto* source = object.if_contains("source")) manifest.source = json::value_to<std::string>(*source);
    for (const auto& entry : object.at("exercises").as_array()) {
      manifest.exercises.push_back(exercise_from_json(entry.as_object()));
    }
  } catch (const std::exception& e) {
    throw ManifestError{file.string() + " does not look like a racelab manifest: " + e.what()};
  }
  std::sort(manifest.exercises.begin(), manifest.exercises.end(),
            [](const auto& a, const auto& b) { return a.number < b.number; });
  return manifest;
}

}  // namespace racelab::lab
