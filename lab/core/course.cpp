#include "core/course.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <numeric>
#include <sstream>

namespace racelab::lab {
namespace {

namespace fs = std::filesystem;

const std::vector<std::string> known_visibilities{"visible", "hidden", "after_due_date", "after_published"};

std::vector<std::string> known_judges() {
  std::vector<std::string> ids;
  for (const Judge judge : all_judges) ids.push_back(judge_id(judge));
  return ids;
}

std::string joined(const std::vector<std::string>& words) {
  std::string text;
  for (const auto& word : words) text += (text.empty() ? "" : ", ") + word;
  return text;
}

/// Reads a course while remembering the file name for every message it throws.
class CourseReader {
 public:
  explicit CourseReader(fs::path file) : file_(std::move(file)) {}

  [[noreturn]] void fail(const toml::source_region& where, const std::string& what) const {
    std::ostringstream message;
    message << file_.string() << ':' << where.begin.line << ':' << where.begin.column << ": " << what;
    throw CourseError{message.str()};
  }

  /// Every key of `table` must be one of `allowed`; `what` names the table in the message.
  void only_keys(const toml::table& table, const std::vector<std::string>& allowed, const std::string& what) const {
    for (const auto& [key, value] : table) {
      const std::string name(key.str());
      if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
        fail(key.source(), "unknown key '" + name + "' in " + what + " (known: " + joined(allowed) + ")");
      }
    }
  }

  const toml::table& table_at(const toml::node& node, const std::string& what) const {
    const auto* table = node.as_table();
    if (table == nullptr) fail(node.source(), what + " must be a table, not " + describe(node));
    return *table;
  }

  std::string string_at(const toml::node& node, const std::string& what) const {
    const auto value = node.value<std::string>();
    if (!value || !node.is_string()) fail(node.source(), what + " must be a string in quotes, not " + describe(node));
    return *value;
  }

  /// Integers and floats both count as numbers (`points = 3` and `points = 2.5`).
  double number_at(const toml::node& node, const std::string& what) const {
    if (!node.is_number()) fail(node.source(), what + " must be a number, not " + describe(node));
    const double value = *node.value<double>();
    if (!std::isfinite(value)) fail(node.source(), what + " must be a finite number, not " + describe(node));
    return value;
  }

  double positive_number_at(const toml::node& node, const std::string& what) const {
    const double value = number_at(node, what);
    if (value <= 0) fail(node.source(), what + " must be greater than 0, not " + describe(node));
    return value;
  }

  std::int64_t positive_integer_at(const toml::node& node, const std::string& what) const {
    if (!node.is_integer()) fail(node.source(), what + " must be a whole number, not " + describe(node));
    const auto value = *node.value<std::int64_t>();
    if (value <= 0) fail(node.source(), what + " must be greater than 0, not " + describe(node));
    return value;
  }

  /// How a value reads in a message: its text for scalars (strings quoted), its kind otherwise.
  static std::string describe(const toml::node& node) {
    if (node.is_string()) return "\"" + *node.value<std::string>() + "\"";
    if (node.is_table()) return "a table";
    if (node.is_array()) return "an array";
    std::ostringstream text;
    node.visit([&text](const auto& value) {
      if constexpr (toml::is_value<decltype(value)>) text << value;
    });
    return text.str();
  }

  Course read(const toml::table& root) const {
    only_keys(root, {"course", "limits", "exercise"}, "the course file");
    Course course;
    course.file = file_;
    if (const auto* node = root.get("course")) read_course_table(table_at(*node, "[course]"), course);
    if (const auto* node = root.get("limits")) {
      const auto& table = table_at(*node, "[limits]");
      course.limits = read_limits(table, course.limits, "[limits]", {"grade_minutes"});
      if (const auto* n = table.get("grade_minutes")) course.grade_minutes = positive_number_at(*n, "limits.grade_minutes");
    }
    const auto* exercises = root.get("exercise");
    if (exercises == nullptr) fail(root.source(), "the course has no exercises: add an [exercise.N] table for each one graded");
    for (const auto& [key, value] : table_at(*exercises, "[exercise]")) {
      course.exercises.push_back(read_exercise(key, value, course));
    }
    std::sort(course.exercises.begin(), course.exercises.end(),
              [](const auto& a, const auto& b) { return a.number < b.number; });
    return course;
  }

 private:
  void read_course_table(const toml::table& table, Course& course) const {
    only_keys(table, {"name", "visibility"}, "[course]");
    if (const auto* node = table.get("name")) course.name = string_at(*node, "course.name");
    if (const auto* node = table.get("visibility")) {
      course.visibility = string_at(*node, "course.visibility");
      if (std::find(known_visibilities.begin(), known_visibilities.end(), course.visibility) ==
          known_visibilities.end()) {
        fail(node->source(), "course.visibility must be one of " + joined(known_visibilities) + ", not \"" +
                                 course.visibility + "\"");
      }
    }
  }

  /// The limits in `table`, each one replacing the same one of `base`.
  /// `also`: keys the table may hold besides (the course's own [limits] has grade_minutes).
  Limits read_limits(const toml::table& table, Limits base, const std::string& what,
                     std::vector<std::string> also = {}) const {
    also.insert(also.end(), {"time_seconds", "cpu_seconds", "memory_mib", "processes", "output_kib"});
    only_keys(table, also, what);
    if (const auto* n = table.get("time_seconds")) base.time_seconds = positive_number_at(*n, what + ".time_seconds");
    if (const auto* n = table.get("cpu_seconds")) base.cpu_seconds = positive_number_at(*n, what + ".cpu_seconds");
    if (const auto* n = table.get("memory_mib")) {
      base.memory_mib = static_cast<std::uint64_t>(positive_integer_at(*n, what + ".memory_mib"));
    }
    if (const auto* n = table.get("processes")) {
      const auto processes = positive_integer_at(*n, what + ".processes");
      if (processes > 100000) fail(n->source(), what + ".processes must be at most 100000, not " + describe(*n));
      base.processes = static_cast<int>(processes);
    }
    if (const auto* n = table.get("output_kib")) {
      base.output_kib = static_cast<std::uint64_t>(positive_integer_at(*n, what + ".output_kib"));
    }
    return base;
  }

  /// The N of [exercise.N]: a whole number from 1 up, written in decimal digits.
  int exercise_number(const toml::key& key) const {
    const std::string text(key.str());
    int number = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
    if (error != std::errc{} || end != text.data() + text.size() || number < 1) {
      fail(key.source(), "exercise number '" + text + "' is not a whole number from 1 up: write [exercise.1], [exercise.2], …");
    }
    return number;
  }

  CourseExercise read_exercise(const toml::key& key, const toml::node& node, const Course& course) const {
    CourseExercise exercise;
    exercise.number = exercise_number(key);
    exercise.line = static_cast<int>(key.source().begin.line);
    const std::string name = "exercise." + std::to_string(exercise.number);
    for (const auto& other : course.exercises) {
      if (other.number == exercise.number) {
        fail(key.source(), "exercise " + std::to_string(exercise.number) + " is given twice (first at line " +
                               std::to_string(other.line) + ")");
      }
    }
    const auto& table = table_at(node, "[" + name + "]");
    only_keys(table, {"points", "perf", "limits"}, "[" + name + "]");
    const auto* points = table.get("points");
    if (points == nullptr) fail(key.source(), "[" + name + "] has no points: add points = { functional = 4, tsan = 3, … }");
    read_points(table_at(*points, name + ".points"), name, exercise);
    if (const auto* perf = table.get("perf")) read_perf(table_at(*perf, name + ".perf"), name, exercise);
    if (const auto* limits = table.get("limits")) {
      exercise.limits = read_limits(table_at(*limits, name + ".limits"), course.limits, name + ".limits");
    }
    return exercise;
  }

  void read_points(const toml::table& table, const std::string& name, CourseExercise& exercise) const {
    for (const auto& [key, value] : table) {
      const std::string id(key.str());
      const auto judge = judge_from_id(id);
      if (!judge) fail(key.source(), "unknown judge '" + id + "' (known: " + joined(known_judges()) + ")");
      const double points = number_at(value, name + ".points." + id);
      if (points < 0) fail(value.source(), name + ".points." + id + " must be a number ≥ 0, not " + describe(value));
      exercise.points[*judge] = points;
      exercise.point_lines[*judge] = static_cast<int>(key.source().begin.line);
    }
  }

  void read_perf(const toml::table& table, const std::string& name, CourseExercise& exercise) const {
    for (const auto& [key, value] : table) {
      const std::string strategy(key.str());
      const std::string what = name + ".perf." + strategy;
      const double ratio = number_at(value, what);
      // Above 1.5 a student would have to beat the reference by half again: no strategy can be asked that.
      if (ratio <= 0 || ratio > 1.5) fail(value.source(), what + " must be a ratio in (0, 1.5], not " + describe(value));
      exercise.perf_min_ratio[strategy] = ratio;
    }
  }

  fs::path file_;
};

}  // namespace

double CourseExercise::max_points() const {
  return std::accumulate(points.begin(), points.end(), 0.0,
                         [](double sum, const auto& judge) { return sum + judge.second; });
}

const CourseExercise* Course::find(int number) const {
  const auto it = std::find_if(exercises.begin(), exercises.end(), [number](const auto& e) { return e.number == number; });
  return it == exercises.end() ? nullptr : &*it;
}

const Limits& Course::limits_for(int number) const {
  const auto* exercise = find(number);
  return exercise != nullptr && exercise->limits ? *exercise->limits : limits;
}

double Course::max_points() const {
  return std::accumulate(exercises.begin(), exercises.end(), 0.0,
                         [](double sum, const auto& e) { return sum + e.max_points(); });
}

Course parse_course(std::string_view text, const fs::path& file) {
  CourseReader reader(file);
  toml::table root;
  try {
    root = toml::parse(text, file.string());
  } catch (const toml::parse_error& e) {
    reader.fail(e.source(), std::string(e.description()));
  }
  return reader.read(root);
}

Course load_course(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw CourseError{file.string() + ": cannot read the course file (does it exist?)"};
  std::ostringstream text;
  text << in.rdbuf();
  return parse_course(text.str(), file);
}

fs::path default_course_file(const fs::path& repository_root) { return repository_root / "lab" / "course.toml"; }

std::optional<fs::path> find_course_file(const fs::path& start) {
  std::error_code ec;
  for (fs::path dir = fs::absolute(start, ec); !dir.empty(); dir = dir.parent_path()) {
    const auto candidate = default_course_file(dir);
    if (fs::is_regular_file(candidate, ec)) return candidate;
    if (dir == dir.root_path()) break;
  }
  return std::nullopt;
}

std::optional<fs::path> build_source_dir(const fs::path& build) {
  std::ifstream cache(build / "CMakeCache.txt");
  const std::string key = "CMAKE_HOME_DIRECTORY:INTERNAL=";
  std::string line;
  while (std::getline(cache, line)) {
    if (line.rfind(key, 0) == 0) return fs::path(line.substr(key.size()));
  }
  return std::nullopt;
}

fs::path locate_course_file(const std::optional<fs::path>& build) {
  if (auto found = find_course_file(fs::current_path())) return *found;
  if (build) {
    if (const auto source = build_source_dir(*build)) {
      const auto candidate = default_course_file(*source);
      std::error_code ec;
      if (fs::is_regular_file(candidate, ec)) return candidate;
    }
  }
  throw CourseError{"no lab/course.toml found in this folder or above it" +
                    std::string(build ? " nor in the source folder of " + build->string() : "") +
                    ": run racelab from the repository, or name the course file with --course FILE"};
}

}  // namespace racelab::lab
