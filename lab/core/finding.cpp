#include "core/finding.hpp"

#include "core/json_fields.hpp"

#include <boost/json.hpp>

namespace racelab::lab {
namespace {

namespace json = boost::json;

json::array strings_to_json(const std::vector<std::string>& strings) {
  json::array array;
  for (const auto& s : strings) array.emplace_back(s);
  return array;
}

std::vector<std::string> strings_from_json(const json::value* value) {
  std::vector<std::string> strings;
  if (value == nullptr || !value->is_array()) return strings;
  for (const auto& s : value->as_array()) strings.push_back(json::value_to<std::string>(s));
  return strings;
}

}  // namespace

std::string finding_position(const GradeFinding& f) {
  if (f.file.empty()) return {};
  std::string text = f.file;
  if (f.line > 0) text += ":" + std::to_string(f.line);
  if (f.line > 0 && f.column > 0) text += ":" + std::to_string(f.column);
  return text;
}

json::object finding_to_json(const GradeFinding& f) {
  json::array accesses;
  for (const auto& a : f.accesses) {
    accesses.push_back(json::object{{"operation", a.operation}, {"file", a.file}, {"line", a.line},
                                    {"column", a.column},       {"thread", a.thread},
                                    {"mutexes", strings_to_json(a.mutexes)}});
  }
  return json::object{{"judge", judge_id(f.judge)}, {"kind", f.kind},     {"message", f.message},
                      {"file", f.file},             {"line", f.line},     {"column", f.column},
                      {"object", f.object},         {"accesses", accesses}, {"notes", strings_to_json(f.notes)}};
}

json::array findings_to_json(const std::vector<GradeFinding>& findings) {
  json::array array;
  for (const auto& f : findings) array.push_back(finding_to_json(f));
  return array;
}

GradeFinding finding_from_json(const json::object& o, Judge judge) {
  GradeFinding f;
  f.judge = judge;
  f.kind = string_field(o, "kind");
  f.message = string_field(o, "message");
  f.file = string_field(o, "file");
  f.line = int_field(o, "line");
  f.column = int_field(o, "column");
  f.object = string_field(o, "object");
  f.notes = strings_from_json(o.if_contains("notes"));
  if (const auto* accesses = o.if_contains("accesses"); accesses != nullptr && accesses->is_array()) {
    for (const auto& entry : accesses->as_array()) {
      const auto& a = entry.as_object();
      f.accesses.push_back({string_field(a, "operation"), string_field(a, "file"), int_field(a, "line"),
                            int_field(a, "column"), string_field(a, "thread"),
                            strings_from_json(a.if_contains("mutexes"))});
    }
  }
  return f;
}

}  // namespace racelab::lab
