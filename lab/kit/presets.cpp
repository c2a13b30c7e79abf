#include "kit/presets.hpp"

#include <boost/json.hpp>

#include <ostream>
#include <sstream>

namespace racelab::lab {
namespace {

namespace json = boost::json;


/// A preset that needs the self-test (solutions/), directly or through another.
bool needs_selftest(const json::object& preset) {
  for (const char* key : {"name", "configurePreset", "inherits"}) {
    if (const auto* value = preset.if_contains(key); value && value->is_string() && value->as_string() == "selftest") {
      return true;
    }
  }
  if (const auto* steps = preset.if_contains("steps"); steps && steps->is_array()) {
    for (const auto& step : steps->as_array()) {
      if (step.is_object() && needs_selftest(step.as_object())) return true;
    }
  }
  return false;
}

/// JSON with two-space indentation, one member per line: how CMakePresets.json is read by people.
void pretty(std::ostream& out, const json::value& value, int indent) {
  const std::string pad(static_cast<std::size_t>(indent) * 2, ' ');
  const std::string inner(static_cast<std::size_t>(indent + 1) * 2, ' ');
  if (const auto* object = value.if_object(); object && !object->empty()) {
    out << "{\n";
    std::size_t i = 0;
    for (const auto& member : *object) {
      out << inner << json::serialize(json::value(member.key())) << ": ";
      pretty(out, member.value(), indent + 1);
      out << (++i < object->size() ? ",\n" : "\n");
    }
    out << pad << "}";
  } else if (const auto* array = value.if_array(); array && !array->empty()) {
    out << "[\n";
    for (std::size_t i = 0; i < array->size(); ++i) {
      out << inner;
      pretty(out, (*array)[i], indent + 1);
      out << (i + 1 < array->size() ? ",\n" : "\n");
    }
    out << pad << "]";
  } else {
    out << json::serialize(value);
  }
}

}  // namespace

std::string student_presets(const std::string& presets_json) {
  json::value document = json::parse(presets_json);
  auto& root = document.as_object();
  for (auto& member : root) {
    if (!member.value().is_array()) continue;
    auto& presets = member.value().as_array();
    json::array kept;
    for (const auto& preset : presets) {
      if (!preset.is_object() || !needs_selftest(preset.as_object())) kept.push_back(preset);
    }
    presets = std::move(kept);
  }
  std::ostringstream out;
  pretty(out, document, 0);
  out << "\n";
  return out.str();
}

}  // namespace racelab::lab
