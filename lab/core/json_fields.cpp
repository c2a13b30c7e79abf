#include "core/json_fields.hpp"

#include <boost/json.hpp>

namespace racelab::lab {

std::string string_field(const boost::json::object& object, const char* key) {
  const auto* value = object.if_contains(key);
  return value != nullptr && value->is_string() ? boost::json::value_to<std::string>(*value) : std::string();
}

int int_field(const boost::json::object& object, const char* key) {
  const auto* value = object.if_contains(key);
  return value != nullptr && value->is_number() ? value->to_number<int>() : 0;
}

}  // namespace racelab::lab
