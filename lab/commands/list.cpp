// `racelab list`: the course's exercises, their judges and points, as a table.
#include "commands/commands.hpp"
#include "core/course.hpp"
#include "grade/grade.hpp"
#include "grade/formats/report_formats.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <regex>

namespace racelab::lab {
namespace {

namespace fs = std::filesystem;

struct ListOptions {
  std::string course;
  std::string build;
};

/// What the build (or the exercises/ folder) says about one exercise.
struct KnownExercise {
  std::string folder;
  std::string label;
  std::vector<std::string> judges = grade_judges;
};

/// From the build's manifest: folders, labels and the judges each exercise registered.
std::map<int, KnownExercise> exercises_in_build(const fs::path& build) {
  std::map<int, KnownExercise> known;
  for (const auto& e : read_manifest(build / "racelab-exercises.json").exercises) {
    known[e.number] = {e.folder, e.label, e.judge_names};
  }
  return known;
}

/// From the folders exercises/NN-name: without a build, the judges are the four every exercise has.
std::map<int, KnownExercise> exercises_in_folder(const fs::path& exercises) {
  static const std::regex numbered(R"(^(\d+)-.+$)");
  std::map<int, KnownExercise> known;
  std::error_code ec;
  for (fs::directory_iterator it(exercises, ec), end; !ec && it != end; it.increment(ec)) {
    const auto name = it->path().filename().string();
    std::smatch m;
    if (!it->is_directory(ec) || !std::regex_match(name, m, numbered)) continue;
    const int number = std::stoi(m[1].str());
    known[number] = {name, "exercise" + std::to_string(number), grade_judges};
  }
  return known;
}

std::string judges_with_points(const KnownExercise* known, const CourseExercise& c) {
  std::vector<std::string> judges = known ? known->judges : grade_judges;
  for (const auto& [judge, points] : c.points) {
    if (std::find(judges.begin(), judges.end(), judge) == judges.end()) judges.push_back(judge);
  }
  std::string text;
  for (const auto& judge : all_judges) {
    if (std::find(judges.begin(), judges.end(), judge) == judges.end()) continue;
    const auto points = c.points.find(judge);
    text += (text.empty() ? "" : ", ") + judge + " " + (points == c.points.end() ? "0" : points_text(points->second));
  }
  return text;
}

std::string pad(const std::string& text, std::size_t width) {
  std::size_t chars = 0;
  for (unsigned char c : text) chars += (c & 0xC0) != 0x80;
  return chars >= width ? text + "  " : text + std::string(width - chars, ' ');
}

int run_list(const ListOptions& options, std::ostream& out, std::ostream& err) {
  try {
    std::optional<fs::path> build;
    if (!options.build.empty()) build = fs::absolute(options.build);
    const fs::path course_file = options.course.empty() ? locate_course_file(build) : fs::path(options.course);
    const Course course = load_course(course_file);
    const fs::path root = course_file.parent_path().parent_path();
    const auto known = build ? exercises_in_build(*build) : exercises_in_folder(fs::absolute(root) / "exercises");

    out << "Course: " << (course.name.empty() ? "(unnamed)" : course.name) << " ("
        << path_for_display(fs::absolute(course_file).string())
        << "), Gradescope visibility: " << course.visibility << "\n\n";
    out << pad("exercise", 10) << pad("folder", 28) << pad("judges and their points", 56) << pad("total", 7)
        << "label\n";
    std::map<int, bool> shown;
    for (const auto& c : course.exercises) {
      const auto found = known.find(c.number);
      const KnownExercise* k = found == known.end() ? nullptr : &found->second;
      out << pad(std::to_string(c.number), 10) << pad(k ? k->folder : "(no folder in this build)", 28)
          << pad(judges_with_points(k, c), 56) << pad(points_text(c.max_points()), 7)
          << (k ? k->label : "exercise" + std::to_string(c.number)) << '\n';
      shown[c.number] = true;
    }
    for (const auto& [number, k] : known) {
      if (shown.count(number)) continue;
      out << pad(std::to_string(number), 10) << pad(k.folder, 28) << pad("not graded: not in the course file", 56)
          << pad("-", 7) << k.label << '\n';
    }
    out << pad("total", 10) << pad("", 28) << pad("", 56) << points_text(course.max_points()) << '\n';
    return 0;
  } catch (const CourseError& e) {
    err << "racelab list: " << e.message << '\n';
  } catch (const GradeError& e) {
    err << "racelab list: " << e.message << '\n';
  }
  return 2;
}

}  // namespace

Command add_list_command(CLI::App& app) {
  auto options = std::make_shared<ListOptions>();
  auto* cmd = app.add_subcommand("list", "List the course's exercises: folder, judges, points per judge, total, label");
  cmd->add_option("--course", options->course,
                  "The course file (default lab/course.toml, found upward from here or in the build's sources)");
  cmd->add_option("--build", options->build,
                  "A build folder: take folders and judges from its racelab-exercises.json (default: exercises/)");
  cmd->footer("Exit status: 0 listed, 2 the course file or the build could not be read.");
  return {cmd, [options](std::ostream& out, std::ostream& err) { return run_list(*options, out, err); }};
}

}  // namespace racelab::lab
