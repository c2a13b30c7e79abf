// Every file `racelab grade` writes, and its table, byte for byte, from one
// recorded grading of the kit's starters (grade-samples/starters: the build's
// manifest, ctest's JUnit and console output, the judges' records). The
// expected files were written by the grader itself; any change to what a
// report says shows here as a diff.
//
// The recorded files name the repository as @ROOT@: the test puts a
// repository (CMakePresets.json, the course file) in a temporary folder and
// grades as if the starters lived there, so that paths are shown relative to
// it as they are in a student's repository.
#include "core/course.hpp"
#include "core/integrity.hpp"
#include "core/text.hpp"
#include "grade/course_points.hpp"
#include "grade/formats/report_files.hpp"
#include "grade/formats/table.hpp"
#include "grade/grade.hpp"
#include "grade/test_results.hpp"
#include "sandbox/temp_dir.hpp"
#include "lab_test_support.hpp"

#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <fstream>

namespace lab = racelab::lab;
namespace fs = std::filesystem;

namespace {

const fs::path recorded = fs::path(RACELAB_TEST_DATA_DIR) / "grade-samples" / "starters";
const fs::path expected = fs::path(RACELAB_TEST_DATA_DIR) / "grade-samples" / "expected";

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

void write(const fs::path& file, const std::string& text) {
  fs::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary) << text;
}

/// The recorded grading, replayed in a repository under a temporary folder.
struct Replay {
  lab::TempDir dir{"racelab-golden"};
  fs::path root = dir.path() / "racelab";
  fs::path in = dir.path() / "in";
  fs::path out = dir.path() / "grade";
  std::string table;
  std::string color_table;

  Replay() {
    ::unsetenv("GITHUB_STEP_SUMMARY");
    write(root / "CMakePresets.json", "{}\n");
    write(root / "lab" / "course.toml", lab::testing::read(recorded / "course.toml"));
    for (const auto& entry : fs::recursive_directory_iterator(recorded)) {
      if (!entry.is_regular_file()) continue;
      const auto text = lab::testing::read(entry.path());
      write(in / fs::relative(entry.path(), recorded), replaced(text, "@ROOT@", root.string()));
    }
    grade();
  }

  /// What `racelab grade` does once ctest has run.
  void grade() {
    auto report = lab::read_manifest(in / "racelab-exercises.json");
    const auto course = lab::load_course(root / "lab" / "course.toml");
    lab::apply_course(report, course);
    // One edited grader, so that every format shows withheld credit too.
    const std::vector<lab::EditedFile> edited{{"tests/exercises/05-stopping-a-thread/spinner_test.cpp", 5, "edited"}};
    lab::apply_test_results(report, course, {in / "ctest-junit.xml", lab::read_text(in / "ctest-output.txt"), in / "records"},
                            edited);
    fs::create_directories(out);
    lab::write_reports(report, out);
    table = lab::render_table(report, false);
    color_table = lab::render_table(report, true);
  }

  /// What the test wrote, with the temporary repository shown as @ROOT@ again.
  [[nodiscard]] std::string shown(const std::string& text) const { return replaced(text, root.string(), "@ROOT@"); }
};

/// Compares `actual` with expected/<name>; on a difference, keeps the actual file beside the build for a diff.
void check_same(const std::string& name, const std::string& actual) {
  const auto wanted = lab::testing::read(expected / name);
  if (actual == wanted) return;
  const auto kept = fs::current_path() / ("golden-actual-" + name);
  write(kept, actual);
  BOOST_ERROR(name << " differs from " << (expected / name).string() << "; what was written: " << kept.string());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(grade_golden_tests)

BOOST_AUTO_TEST_CASE(every_report_file_is_as_recorded) {
  const Replay replay;
  for (const auto* name : {"report.json", "junit.xml", "results.json", "summary.md", "annotations.txt", "racelab.sarif"}) {
    check_same(name, replay.shown(lab::read_text(replay.out / name)));
  }
}

BOOST_AUTO_TEST_CASE(the_table_is_as_recorded) {
  const Replay replay;
  check_same("table.txt", replay.shown(replay.table));
  check_same("table-color.txt", replay.shown(replay.color_table));
}

BOOST_AUTO_TEST_SUITE_END()
