// The course file: the kit's own lab/course.toml reads, and every kind of
// mistake is reported with the file, the line and the column where it is.
#include "core/course.hpp"
#include "sandbox/process.hpp"
#include "sandbox/temp_dir.hpp"
#include "lab_test_support.hpp"

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <string>

namespace lab = racelab::lab;
namespace fs = std::filesystem;

namespace {

const fs::path repository = fs::path(RACELAB_TEST_DATA_DIR).parent_path().parent_path();

/// A small valid course; each mistake test breaks one line of it.
const std::string good_course = R"([course]
name = "test course"
visibility = "hidden"

[limits]
time_seconds = 30

[exercise.2]
points = { build = 0, functional = 4, tsan = 3, static = 3 }

[exercise.1]
points = { functional = 2.5, perf = 1 }
perf = { threaded = 0.8 }
limits = { memory_mib = 512 }
)";

/// The message `text` is rejected with ("" when it is accepted).
std::string mistake_in(const std::string& text) {
  try {
    (void)lab::parse_course(text, "lab/course.toml");
  } catch (const lab::CourseError& e) {
    return e.message;
  }
  return "";
}

/// `good_course` with `line` (1-based) replaced.
std::string with_line(int line, const std::string& replacement) {
  std::string text = good_course;
  std::size_t start = 0;
  for (int i = 1; i < line; ++i) start = text.find('\n', start) + 1;
  text.replace(start, text.find('\n', start) - start, replacement);
  return text;
}

bool starts_with(const std::string& text, const std::string& prefix) { return text.rfind(prefix, 0) == 0; }
using racelab::lab::testing::contains;

}  // namespace

BOOST_AUTO_TEST_SUITE(course_tests)

BOOST_AUTO_TEST_CASE(a_good_course_reads_in_number_order) {
  const auto course = lab::parse_course(good_course, "lab/course.toml");
  BOOST_TEST(course.name == "test course");
  BOOST_TEST(course.visibility == "hidden");
  BOOST_TEST(course.limits.time_seconds == 30);
  BOOST_TEST(course.limits.memory_mib == 4096u);  // the default, not overridden at course level
  BOOST_REQUIRE(course.exercises.size() == 2u);
  BOOST_TEST(course.exercises[0].number == 1);
  BOOST_TEST(course.exercises[0].line == 11);
  BOOST_TEST(course.exercises[0].point_lines.at(lab::Judge::perf) == 12);
  BOOST_TEST(course.exercises[0].max_points() == 3.5);
  BOOST_TEST(course.exercises[0].perf_min_ratio.at("threaded") == 0.8);
  BOOST_TEST(course.limits_for(1).memory_mib == 512u);
  BOOST_TEST(course.limits_for(1).time_seconds == 30);  // taken from [limits]
  BOOST_TEST(course.limits_for(2).memory_mib == 4096u);
  BOOST_TEST(course.max_points() == 13.5);
  BOOST_TEST(course.find(3) == nullptr);
}

BOOST_AUTO_TEST_CASE(the_kits_own_course_file_is_valid) {
  const auto course = lab::load_course(lab::default_course_file(repository));
  BOOST_TEST(course.exercises.size() >= 5u);
  BOOST_TEST(course.find(1) != nullptr);
  BOOST_TEST(course.find(1)->points.at(lab::Judge::functional) > 0);
}

BOOST_AUTO_TEST_CASE(a_misspelt_judge_names_the_known_ones) {
  const auto message = mistake_in(with_line(9, "points = { build = 0, funtional = 4 }"));
  BOOST_TEST(message == "lab/course.toml:9:23: unknown judge 'funtional' (known: build, functional, tsan, static, perf)");
}

BOOST_AUTO_TEST_CASE(negative_points_are_refused) {
  const auto message = mistake_in(with_line(9, "points = { tsan = -3 }"));
  BOOST_TEST(starts_with(message, "lab/course.toml:9:19: "), message);
  BOOST_TEST(contains(message, "exercise.2.points.tsan must be a number ≥ 0, not -3"), message);
}

BOOST_AUTO_TEST_CASE(points_must_be_numbers) {
  const auto message = mistake_in(with_line(9, "points = { tsan = \"three\" }"));
  BOOST_TEST(starts_with(message, "lab/course.toml:9:19: "), message);
  BOOST_TEST(contains(message, "must be a number, not \"three\""), message);
}

BOOST_AUTO_TEST_CASE(a_perf_ratio_must_be_in_range) {
  BOOST_TEST(contains(mistake_in(with_line(13, "perf = { threaded = 0 }")), "lab/course.toml:13:21: "));
  const auto message = mistake_in(with_line(13, "perf = { threaded = 1.6 }"));
  BOOST_TEST(starts_with(message, "lab/course.toml:13:21: exercise.1.perf.threaded must be a ratio in (0, 1.5]"), message);
  BOOST_TEST(mistake_in(with_line(13, "perf = { threaded = 1.5 }")) == "");
}

BOOST_AUTO_TEST_CASE(visibility_must_be_one_of_four) {
  const auto message = mistake_in(with_line(3, "visibility = \"public\""));
  BOOST_TEST(starts_with(message, "lab/course.toml:3:14: course.visibility must be one of visible, hidden, "
                                  "after_due_date, after_published"),
             message);
}

BOOST_AUTO_TEST_CASE(exercise_numbers_are_whole_numbers) {
  const auto message = mistake_in(with_line(8, "[exercise.two]"));
  BOOST_TEST(starts_with(message, "lab/course.toml:8:11: exercise number 'two' is not a whole number"), message);
  BOOST_TEST(contains(mistake_in(with_line(8, "[exercise.0]")), "lab/course.toml:8:11: "));
}

BOOST_AUTO_TEST_CASE(the_same_exercise_twice_is_refused) {
  const auto message = mistake_in(with_line(8, "[exercise.01]"));
  BOOST_TEST(message == "lab/course.toml:11:11: exercise 1 is given twice (first at line 8)", message);
}

BOOST_AUTO_TEST_CASE(unknown_keys_and_tables_are_refused) {
  BOOST_TEST(starts_with(mistake_in(with_line(6, "time_secs = 30")), "lab/course.toml:6:1: unknown key 'time_secs' in [limits]"));
  BOOST_TEST(starts_with(mistake_in(with_line(5, "[limit]")), "lab/course.toml:5:2: unknown key 'limit' in the course file"));
  BOOST_TEST(starts_with(mistake_in(with_line(14, "limit = { memory_mib = 512 }")),
                         "lab/course.toml:14:1: unknown key 'limit' in [exercise.1]"));
}

BOOST_AUTO_TEST_CASE(limits_have_types_and_signs) {
  BOOST_TEST(starts_with(mistake_in(with_line(6, "time_seconds = -1")),
                         "lab/course.toml:6:16: [limits].time_seconds must be greater than 0"));
  BOOST_TEST(starts_with(mistake_in(with_line(14, "limits = { memory_mib = 1.5 }")),
                         "lab/course.toml:14:25: exercise.1.limits.memory_mib must be a whole number, not 1.5"));
}

BOOST_AUTO_TEST_CASE(a_table_where_a_value_belongs_is_refused) {
  const auto message = mistake_in(with_line(9, "points = 10"));
  BOOST_TEST(starts_with(message, "lab/course.toml:9:10: exercise.2.points must be a table, not 10"), message);
}

BOOST_AUTO_TEST_CASE(an_exercise_without_points_is_refused) {
  const auto message = mistake_in(with_line(9, ""));
  BOOST_TEST(starts_with(message, "lab/course.toml:8:11: [exercise.2] has no points"), message);
}

BOOST_AUTO_TEST_CASE(toml_syntax_errors_carry_their_line) {
  const auto message = mistake_in(with_line(2, "name = \"unterminated"));
  BOOST_TEST(starts_with(message, "lab/course.toml:2:"), message);
  BOOST_TEST(message.size() > std::string("lab/course.toml:2:1: ").size());
}

BOOST_AUTO_TEST_CASE(a_missing_file_says_so) {
  BOOST_CHECK_EXCEPTION(lab::load_course("no/such/course.toml"), lab::CourseError, [](const lab::CourseError& e) {
    return contains(e.message, "no/such/course.toml: cannot read the course file");
  });
}

BOOST_AUTO_TEST_CASE(the_course_file_is_found_upward) {
  const auto found = lab::find_course_file(repository / "exercises");
  BOOST_REQUIRE(found.has_value());
  BOOST_TEST(fs::equivalent(*found, repository / "lab" / "course.toml"));
  BOOST_TEST(!lab::find_course_file(fs::path("/")).has_value());
}


namespace {

struct ListRun {
  int status = -1;
  std::string out;
};

ListRun run_list(const std::vector<std::string>& args) {
  lab::TempDir dir("racelab-list-test");
  lab::RunRequest request;
  request.command = {RACELAB_TEST_RACELAB, "list"};
  request.command.insert(request.command.end(), args.begin(), args.end());
  request.output_file = dir.path() / "out.txt";
  const auto r = lab::run_process(request);
  return {r.exit_code.value_or(-1), r.output};
}

}  // namespace

BOOST_AUTO_TEST_CASE(list_shows_exercises_judges_and_points) {
  const auto r = run_list({"--course", (repository / "lab" / "course.toml").string()});
  BOOST_TEST(r.status == 0, r.out);
  BOOST_TEST(contains(r.out, "01-counter"), r.out);
  BOOST_TEST(contains(r.out, "build 0, functional 4, tsan 3, static 3"), r.out);
  BOOST_TEST(contains(r.out, "exercise1\n"), r.out);
  BOOST_TEST(contains(r.out, "\ntotal "), r.out);
}

BOOST_AUTO_TEST_CASE(list_reports_a_course_mistake_with_its_line) {
  lab::TempDir dir("racelab-list-test");
  const auto course = dir.path() / "course.toml";
  std::ofstream(course) << "[exercise.1]\npoints = { funtional = 3 }\n";
  const auto r = run_list({"--course", course.string()});
  BOOST_TEST(r.status == 2);
  BOOST_TEST(contains(r.out, course.string() + ":2:12: unknown judge 'funtional'"), r.out);
}
BOOST_AUTO_TEST_SUITE_END()
