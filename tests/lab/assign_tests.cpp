// `racelab assign`: the student repository made from this kit — what it holds,
// what it must never hold, its integrity record, and the refusals.

#include "core/integrity.hpp"
#include "kit/assign.hpp"
#include "kit/kit_root.hpp"
#include "kit/presets.hpp"
#include "kit/registration.hpp"
#include "kit/student_repository.hpp"
#include "sandbox/temp_dir.hpp"
#include "lab_test_support.hpp"

#include <boost/json.hpp>
#include <boost/test/unit_test.hpp>

#include <fstream>
#include <sstream>

namespace lab = racelab::lab;
namespace fs = std::filesystem;

namespace {

const fs::path kit = RACELAB_TEST_KIT_DIR;

using racelab::lab::testing::contains;
using racelab::lab::testing::read;

/// Every file under `root`, relative and '/'-separated.
std::vector<std::string> files_of(const fs::path& root) {
  std::vector<std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (entry.is_regular_file()) files.push_back(fs::relative(entry.path(), root).generic_string());
  }
  return files;
}

int assign(const std::vector<int>& numbers, const fs::path& to, std::string& out, std::string& err) {
  std::ostringstream o, e;
  const int status = lab::run_assign({numbers, to, kit}, o, e);
  out = o.str();
  err = e.str();
  return status;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(assign_tests)

BOOST_AUTO_TEST_CASE(course_keeps_only_the_chosen_exercises) {
  const std::string course =
      "[course]\nname = \"c\"\n\n[limits]\ntime_seconds = 5\n\n[exercise.1]\npoints = { functional = 1 }\n\n"
      "[exercise.2]\npoints = { functional = 2 }\n# a note of exercise 2\n\n[exercise.3]\npoints = { tsan = 3 }\n";
  const auto restricted = lab::restrict_course(course, {1, 3});
  BOOST_TEST(contains(restricted, "[limits]\ntime_seconds = 5"));
  BOOST_TEST(contains(restricted, "[exercise.1]"));
  BOOST_TEST(contains(restricted, "[exercise.3]\npoints = { tsan = 3 }"));
  BOOST_TEST(!contains(restricted, "exercise.2"));
  BOOST_TEST(!contains(restricted, "note of exercise 2"));
}

BOOST_AUTO_TEST_CASE(presets_lose_the_selftest) {
  const auto presets = lab::student_presets(read(kit / "CMakePresets.json"));
  BOOST_TEST(!contains(presets, "selftest"));
  const auto document = boost::json::parse(presets);
  BOOST_TEST(document.at("configurePresets").as_array().size() >= 2u);  // base and default
  BOOST_TEST(contains(presets, "\"name\": \"default\""));
}

BOOST_AUTO_TEST_CASE(repository_holds_starters_graders_and_ci_but_no_solution) {
  lab::TempDir dir("racelab-assign");
  const auto to = dir.path() / "class";
  std::string out, err;
  BOOST_TEST_REQUIRE(assign({1, 3}, to, out, err) == 0, err);
  BOOST_TEST(contains(out, "git init"));
  for (const char* expected : {"README.md", ".gitignore", "CMakeLists.txt", "CMakePresets.json", "ci/setup",
                               "lab/racelab", "lab/course.toml", ".github/workflows/racelab.yml", ".gitlab-ci.yml",
                               ".racelab/integrity.json", "exercises/01-counter/counter.cpp",
                               "exercises/03-shared-string/shared_string.hpp", "tests/exercises/01-counter/counter_test.cpp",
                               "tests/exercises/CMakeLists.txt", "checker/CMakeLists.txt", "cmake/RacelabExercise.cmake"}) {
    BOOST_TEST(fs::is_regular_file(to / expected), expected << " should be in the repository");
  }
  for (const auto& file : files_of(to)) {
    BOOST_TEST(!file.starts_with("solutions/"), file);
    BOOST_TEST(!contains(file, "wrong-fixes"), file);
    BOOST_TEST(!file.starts_with("checker/bench/"), file);
    BOOST_TEST(!file.starts_with("tests/lab/"), file);
    BOOST_TEST(!file.starts_with("tests/checker/"), file);
    BOOST_TEST(!file.starts_with("exercises/02-"), file);
    BOOST_TEST(!file.starts_with("tests/exercises/02-"), file);
  }
  // No starter in the repository may be a copy of a reference solution.
  for (const auto& entry : fs::recursive_directory_iterator(kit / "solutions/01-counter")) {
    if (entry.is_regular_file() && entry.path().extension() == ".cpp") {
      BOOST_TEST(read(entry.path()) != read(to / "exercises/01-counter/counter.cpp"));
    }
  }
  const bool executable = (fs::status(to / "lab/racelab").permissions() & fs::perms::owner_exec) != fs::perms::none;
  BOOST_TEST(executable, "lab/racelab keeps its execute bit");
  BOOST_TEST(fs::is_regular_file(to / "lab/course.toml"));
  const auto course = read(to / "lab/course.toml");
  BOOST_TEST(contains(course, "[exercise.3]"));
  BOOST_TEST(!contains(course, "[exercise.2]"));
  const auto readme = read(to / "README.md");
  BOOST_TEST(contains(readme, "ci/setup && lab/racelab grade"));
  BOOST_TEST(contains(readme, "exercises/03-shared-string/README.md"));
  BOOST_TEST(!contains(readme, "@"), "every placeholder of the template is filled");
}

BOOST_AUTO_TEST_CASE(record_protects_graders_and_flags_edits) {
  lab::TempDir dir("racelab-assign");
  const auto to = dir.path() / "class";
  std::string out, err;
  BOOST_TEST_REQUIRE(assign({1}, to, out, err) == 0, err);
  const auto entries = lab::read_integrity(lab::integrity_record(to));
  auto recorded = [&](const std::string& path) {
    return std::any_of(entries.begin(), entries.end(), [&](const auto& e) { return e.path == path; });
  };
  BOOST_TEST(recorded("tests/exercises/01-counter/counter_test.cpp"));
  BOOST_TEST(recorded("lab/course.toml"));
  BOOST_TEST(recorded("CMakePresets.json"));
  BOOST_TEST(recorded("exercises/01-counter/counter.hpp"));
  BOOST_TEST(!recorded("exercises/01-counter/counter.cpp"), "the student's own file is not protected");
  BOOST_TEST(lab::check_integrity(to, entries).empty());

  std::ofstream(to / "tests/exercises/01-counter/counter_test.cpp", std::ios::app) << "// always pass\n";
  const auto edited = lab::check_integrity(to, entries);
  BOOST_TEST_REQUIRE(edited.size() == 1u);
  BOOST_TEST(edited[0].exercise == 1);
}

// A student who edits a grader and rewrites the record to match is still caught:
// the comparison is with the kit's own files.
BOOST_AUTO_TEST_CASE(edits_are_found_against_the_kit_whatever_the_record_says) {
  lab::TempDir dir("racelab-assign");
  const auto to = dir.path() / "class";
  std::string out, err;
  BOOST_TEST_REQUIRE(assign({1}, to, out, err) == 0, err);
  BOOST_TEST(lab::edited_protected_files(kit, to).empty());

  std::ofstream(to / "tests/exercises/01-counter/counter_test.cpp", std::ios::app) << "// always pass\n";
  std::ofstream(to / "CMakePresets.json", std::ios::app) << "\n";
  auto entries = lab::read_integrity(lab::integrity_record(to));
  for (auto& entry : entries) entry.sha256 = lab::sha256_file(to / entry.path);
  lab::write_integrity(lab::integrity_record(to), entries);
  BOOST_TEST(lab::check_integrity(to, entries).empty(), "the forged record matches the edited files");

  const auto edited = lab::edited_protected_files(kit, to);
  BOOST_TEST_REQUIRE(edited.size() == 2u);
  BOOST_TEST(edited[0].path == "CMakePresets.json");
  BOOST_TEST(edited[0].exercise == 0);
  BOOST_TEST(edited[1].path == "tests/exercises/01-counter/counter_test.cpp");
  BOOST_TEST(edited[1].exercise == 1);
}

BOOST_AUTO_TEST_CASE(refuses_a_folder_with_something_in_it_and_touches_nothing) {
  lab::TempDir dir("racelab-assign");
  std::ofstream(dir.path() / "notes.txt") << "mine\n";
  std::string out, err;
  BOOST_TEST(assign({1}, dir.path(), out, err) == 2);
  BOOST_TEST(contains(err, "not empty"));
  BOOST_TEST(files_of(dir.path()) == std::vector<std::string>{"notes.txt"}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(unknown_exercise_is_refused_naming_the_known_ones) {
  lab::TempDir dir("racelab-assign");
  std::string out, err;
  BOOST_TEST(assign({1, 42}, dir.path() / "class", out, err) == 2);
  BOOST_TEST(contains(err, "no exercise 42"));
  BOOST_TEST(contains(err, "1 (01-counter)"));
  BOOST_TEST(!fs::exists(dir.path() / "class"));
}

BOOST_AUTO_TEST_SUITE_END()
