#include "judge/compile_database.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <sstream>

namespace racelab::lab {
namespace {

namespace json = boost::json;
namespace fs = std::filesystem;

/// The argument after `-o` in a `command` string (a quoted one too), or "".
std::string output_in_command(const std::string& command) {
  const auto at = command.find(" -o ");
  if (at == std::string::npos) return "";
  std::size_t begin = at + 4;
  if (begin < command.size() && command[begin] == '"') {
    const auto end = command.find('"', begin + 1);
    return end == std::string::npos ? "" : command.substr(begin + 1, end - begin - 1);
  }
  return command.substr(begin, command.find(' ', begin) - begin);
}

/// The object file an entry writes ("output", else its `-o` argument), or "".
std::string output_of(const json::object& entry) {
  if (const auto* output = entry.if_contains("output"); output && output->is_string())
    return std::string(output->get_string());
  if (const auto* arguments = entry.if_contains("arguments"); arguments && arguments->is_array()) {
    const auto& list = arguments->get_array();
    for (std::size_t i = 0; i + 1 < list.size(); ++i)
      if (list[i].is_string() && list[i].get_string() == "-o" && list[i + 1].is_string())
        return std::string(list[i + 1].get_string());
    return "";
  }
  if (const auto* command = entry.if_contains("command"); command && command->is_string())
    return output_in_command(std::string(command->get_string()));
  return "";
}

bool of_targets(const std::string& output, const std::vector<std::string>& targets) {
  return std::any_of(targets.begin(), targets.end(), [&](const std::string& target) {
    const std::string folder = "CMakeFiles/" + target + ".dir/";
    const auto at = output.find(folder);
    return at != std::string::npos && (at == 0 || output[at - 1] == '/');
  });
}

/// The file an entry compiles, absolute and normal, as the files asked about are.
fs::path file_of(const json::object& entry) {
  const auto* file = entry.if_contains("file");
  if (!file || !file->is_string()) return {};
  fs::path path(std::string(file->get_string()));
  if (path.is_relative())
    if (const auto* dir = entry.if_contains("directory"); dir && dir->is_string())
      path = fs::path(std::string(dir->get_string())) / path;
  return path.lexically_normal();
}

}  // namespace

std::vector<std::string> compile_arguments(const json::object& entry) {
  std::vector<std::string> out;
  if (const auto* list = entry.if_contains("arguments"); list && list->is_array()) {
    for (const auto& a : list->get_array())
      if (a.is_string()) out.emplace_back(a.get_string());
  } else if (const auto* command = entry.if_contains("command"); command && command->is_string()) {
    std::istringstream words{std::string(command->get_string())};
    for (std::string word; words >> word;) out.push_back(word);
  }
  return out;
}

std::optional<std::string> commands_of_targets(const std::string& database, const std::vector<std::string>& targets,
                                               const std::vector<fs::path>& files) {
  boost::system::error_code error;
  const json::value parsed = json::parse(database, error);
  if (error || !parsed.is_array()) return std::nullopt;
  json::array kept;
  std::vector<fs::path> covered;
  for (const auto& value : parsed.get_array()) {
    if (!value.is_object() || !of_targets(output_of(value.get_object()), targets)) continue;
    kept.push_back(value);
    covered.push_back(file_of(value.get_object()));
  }
  for (const auto& file : files)
    if (std::find(covered.begin(), covered.end(), fs::absolute(file).lexically_normal()) == covered.end())
      return std::nullopt;
  return json::serialize(kept);
}

}  // namespace racelab::lab
