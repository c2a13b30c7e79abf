#include "kit/registration.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <regex>

namespace racelab::lab {

namespace fs = std::filesystem;

namespace {


/// The text between `racelab_add_exercise(` and its closing parenthesis,
/// comments removed (CMake comments run from # to the end of the line).
std::optional<std::string> call_arguments(const std::string& text, const std::string& function) {
  const std::regex opening("(^|\\n)[ \\t]*" + function + "[ \\t]*\\(");
  std::smatch match;
  if (!std::regex_search(text, match, opening)) return std::nullopt;
  std::string arguments;
  bool quoted = false;
  for (std::size_t i = match.position(0) + match.length(0); i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '\\' && i + 1 < text.size()) {
        arguments += c;
        arguments += text[++i];
        continue;
      }
      quoted = c != '"';
    } else if (c == '"') {
      quoted = true;
    } else if (c == '#') {
      while (i < text.size() && text[i] != '\n') ++i;
      arguments += '\n';
      continue;
    } else if (c == ')') {
      return arguments;
    }
    arguments += c;
  }
  return std::nullopt;
}

/// CMake's arguments: whitespace-separated, "quoted" ones kept whole (quotes removed).
std::vector<std::string> split_arguments(const std::string& arguments) {
  std::vector<std::string> words;
  std::string word;
  bool quoted = false, in_word = false;
  for (std::size_t i = 0; i < arguments.size(); ++i) {
    const char c = arguments[i];
    if (quoted) {
      if (c == '\\' && i + 1 < arguments.size()) word += arguments[++i];
      else if (c == '"') quoted = false;
      else word += c;
    } else if (c == '"') {
      quoted = in_word = true;
    } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      if (in_word) words.push_back(word);
      word.clear();
      in_word = false;
    } else {
      word += c;
      in_word = true;
    }
  }
  if (in_word) words.push_back(word);
  return words;
}

bool is_keyword(const std::string& word) {
  static const std::regex keyword("[A-Z][A-Z_]+");
  return std::regex_match(word, keyword);
}

}  // namespace

KitExercise parse_registration(const std::string& cmake_text, const fs::path& file) {
  const auto arguments = call_arguments(cmake_text, "racelab_add_exercise");
  if (!arguments) throw KitError{file.string() + ": no racelab_add_exercise(...) call"};
  const auto words = split_arguments(*arguments);
  if (words.size() < 2) throw KitError{file.string() + ": racelab_add_exercise needs a number and a folder"};
  KitExercise exercise;
  try {
    exercise.number = std::stoi(words[0]);
  } catch (const std::exception&) {
    throw KitError{file.string() + ": racelab_add_exercise's first argument must be a number, not '" + words[0] + "'"};
  }
  exercise.folder = words[1];
  exercise.registration = file;
  std::map<std::string, std::vector<std::string>> values;
  std::string keyword;
  for (std::size_t i = 2; i < words.size(); ++i) {
    if (is_keyword(words[i])) keyword = words[i];
    else if (!keyword.empty()) values[keyword].push_back(words[i]);
  }
  if (!values["CONTRACT"].empty()) exercise.contract = values["CONTRACT"].front();
  exercise.sources = values["SOURCES"];
  exercise.solutions = values["SOLUTIONS"];
  return exercise;
}

std::vector<KitExercise> kit_exercises(const fs::path& kit) {
  std::vector<KitExercise> exercises;
  const fs::path graders = kit / "tests/exercises";
  if (!fs::is_directory(graders)) throw KitError{"no tests/exercises folder in " + kit.string()};
  static const std::regex folder_name("[0-9][0-9]-.+");
  for (const auto& entry : fs::directory_iterator(graders)) {
    const auto name = entry.path().filename().string();
    if (!entry.is_directory() || !std::regex_match(name, folder_name)) continue;
    const fs::path registration = entry.path() / "CMakeLists.txt";
    if (!fs::is_regular_file(registration)) continue;
    exercises.push_back(parse_registration(read_kit_file(registration), registration));
  }
  std::sort(exercises.begin(), exercises.end(), [](const auto& a, const auto& b) { return a.number < b.number; });
  return exercises;
}

}  // namespace racelab::lab
