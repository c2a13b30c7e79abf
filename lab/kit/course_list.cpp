#include "kit/course_list.hpp"

#include "core/build_manifest.hpp"
#include "core/course.hpp"
#include "core/display_path.hpp"
#include "core/points.hpp"
#include "core/text.hpp"
#include "kit/registration.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <ostream>
#include <regex>

namespace racelab::lab {
namespace {

namespace fs = std::filesystem;

/// What the build (or the exercises/ folder) says about one exercise.
struct KnownExercise {
  std::string folder;
  std::string label;
  std::vector<Judge> judges{grade_judges.begin(), grade_judges.end()};
};

/// From the build's manifest: folders, labels and the judges each exercise registered.
std::map<int, KnownExercise> exercises_in_build(const fs::path& build) {
  std::map<int, KnownExercise> known;
  for (const auto& e : read_build_manifest(manifest_file(build)).exercises) known[e.number] = {e.folder, e.label, e.judges};
  return known;
}

/// From the kit's manifests (tests/exercises/NN-name/exercise.json), when there is no build.
std::map<int, KnownExercise> exercises_in_manifests(const fs::path& root) {
  std::map<int, KnownExercise> known;
  try {
    for (const auto& e : kit_exercises(root)) known[e.number] = {e.folder, "exercise" + std::to_string(e.number), e.judges()};
  } catch (const KitError& e) {
    throw ManifestError{e.message};
  }
  return known;
}

/// From the folders exercises/NN-name: without a build or manifests, the judges are the four every exercise has.
std::map<int, KnownExercise> exercises_in_folder(const fs::path& exercises) {
  static const std::regex numbered(R"(^(\d+)-.+$)");
  std::map<int, KnownExercise> known;
  std::error_code ec;
  for (fs::directory_iterator it(exercises, ec), end; !ec && it != end; it.increment(ec)) {
    const auto name = it->path().filename().string();
    std::smatch m;
    if (!it->is_directory(ec) || !std::regex_match(name, m, numbered)) continue;
    const int number = std::stoi(m[1].str());
    known[number] = {name, "exercise" + std::to_string(number)};
  }
  return known;
}

/// "build 0, functional 4, tsan 3, static 3": the judges registered and those the course pays, in table order.
std::string judges_with_points(const KnownExercise* known, const CourseExercise& c) {
  std::vector<Judge> judges = known ? known->judges : std::vector<Judge>(grade_judges.begin(), grade_judges.end());
  for (const auto& [judge, points] : c.points) judges.push_back(judge);
  std::string text;
  for (const Judge judge : all_judges) {
    if (std::find(judges.begin(), judges.end(), judge) == judges.end()) continue;
    const auto points = c.points.find(judge);
    text += (text.empty() ? "" : ", ") + judge_id(judge) + " " +
            (points == c.points.end() ? "0" : points_text(points->second));
  }
  return text;
}

/// A column: `text` padded to `width`, or followed by two spaces when it is wider.
std::string column(const std::string& text, std::size_t width) {
  return display_width(text) >= width ? text + "  " : pad_right(text, width);
}

void write_table(const Course& course, const std::map<int, KnownExercise>& known, std::ostream& out) {
  out << column("exercise", 10) << column("folder", 28) << column("judges and their points", 56) << column("total", 7)
      << "label\n";
  std::map<int, bool> shown;
  for (const auto& c : course.exercises) {
    const auto found = known.find(c.number);
    const KnownExercise* k = found == known.end() ? nullptr : &found->second;
    out << column(std::to_string(c.number), 10) << column(k ? k->folder : "(no folder in this build)", 28)
        << column(judges_with_points(k, c), 56) << column(points_text(c.max_points()), 7)
        << (k ? k->label : "exercise" + std::to_string(c.number)) << '\n';
    shown[c.number] = true;
  }
  for (const auto& [number, k] : known) {
    if (shown.count(number)) continue;
    out << column(std::to_string(number), 10) << column(k.folder, 28)
        << column("not graded: not in the course file", 56) << column("-", 7) << k.label << '\n';
  }
  out << column("total", 10) << column("", 28) << column("", 56) << points_text(course.max_points()) << '\n';
}

}  // namespace

int run_list(const ListOptions& options, std::ostream& out, std::ostream& err) {
  try {
    std::optional<fs::path> build;
    if (!options.build.empty()) build = fs::absolute(options.build);
    const fs::path course_file = options.course.empty() ? locate_course_file(build) : fs::path(options.course);
    const Course course = load_course(course_file);
    const fs::path root = course_file.parent_path().parent_path();
    const auto known = build                                          ? exercises_in_build(*build)
                       : fs::is_directory(root / "tests/exercises") ? exercises_in_manifests(fs::absolute(root))
                                                                     : exercises_in_folder(fs::absolute(root) / "exercises");
    out << "Course: " << (course.name.empty() ? "(unnamed)" : course.name) << " ("
        << path_for_display(fs::absolute(course_file).string())
        << "), Gradescope visibility: " << course.visibility << "\n\n";
    write_table(course, known, out);
    return 0;
  } catch (const CourseError& e) {
    err << "racelab list: " << e.message << '\n';
  } catch (const ManifestError& e) {
    err << "racelab list: " << e.message << '\n';
  }
  return 2;
}

}  // namespace racelab::lab
