// `racelab grade --batch`: four submissions of exercise 1 — the starter, a
// solution, one that does not compile, and a repository made by assign whose
// grader was edited — graded two at a time into one class CSV.
#include "kit/assign.hpp"
#include "sandbox/process.hpp"
#include "sandbox/temp_dir.hpp"
#include "lab_test_support.hpp"

#include <boost/test/unit_test.hpp>

#include <fstream>
#include <map>
#include <sstream>

namespace lab = racelab::lab;
namespace fs = std::filesystem;

namespace {

const fs::path kit = RACELAB_TEST_KIT_DIR;

using racelab::lab::testing::contains;
using racelab::lab::testing::read;

/// A submission laid out like exercises/, holding exercise 1 with `source` as the student's counter.cpp.
void exercise1_submission(const fs::path& folder, const fs::path& source) {
  fs::create_directories(folder / "01-counter");
  fs::copy(kit / "exercises/01-counter", folder / "01-counter", fs::copy_options::recursive);
  fs::copy_file(source, folder / "01-counter/counter.cpp", fs::copy_options::overwrite_existing);
}

/// class.csv as submission → {column → value}.
std::map<std::string, std::map<std::string, std::string>> read_csv(const fs::path& file) {
  std::istringstream lines(read(file));
  std::string line;
  std::getline(lines, line);
  std::vector<std::string> header;
  std::istringstream names(line);
  for (std::string name; std::getline(names, name, ',');) header.push_back(name);
  std::map<std::string, std::map<std::string, std::string>> rows;
  while (std::getline(lines, line)) {
    std::vector<std::string> fields;
    std::string field;
    bool quoted = false;
    for (char c : line) {
      if (c == '"') quoted = !quoted;
      else if (c == ',' && !quoted) fields.push_back(std::exchange(field, {}));
      else field += c;
    }
    fields.push_back(field);
    for (std::size_t i = 0; i < header.size() && i < fields.size(); ++i) rows[fields[0]][header[i]] = fields[i];
  }
  return rows;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(batch_tests)

BOOST_AUTO_TEST_CASE(class_csv_has_one_correct_row_per_submission) {
  lab::TempDir dir("racelab-batch");
  const auto submissions = dir.path() / "submissions";
  exercise1_submission(submissions / "ada", kit / "exercises/01-counter/counter.cpp");
  exercise1_submission(submissions / "grace", kit / "solutions/01-counter/mutex/counter.cpp");
  std::ofstream(dir.path() / "broken.cpp") << "#include \"counter.hpp\"\nthis does not compile;\n";
  exercise1_submission(submissions / "linus", dir.path() / "broken.cpp");
  // A repository made by assign, the solution in place and its grader "fixed" to pass.
  std::ostringstream ignored;
  BOOST_TEST_REQUIRE(lab::run_assign({{1}, submissions / "mallory", kit}, ignored, ignored) == 0);
  fs::copy_file(kit / "solutions/01-counter/atomic/counter.cpp", submissions / "mallory/exercises/01-counter/counter.cpp",
                fs::copy_options::overwrite_existing);
  std::ofstream(submissions / "mallory/tests/exercises/01-counter/counter_test.cpp", std::ios::app) << "// pass\n";

  lab::RunRequest request;
  request.command = {RACELAB_TEST_RACELAB, "grade", "--batch", submissions.string(), "-j", "2",
                     "--out", (dir.path() / "grades").string()};
  request.output_file = dir.path() / "batch-output.txt";
  request.time_limit = std::chrono::minutes(25);
  const auto ran = lab::run_process(request);
  const auto output = read(request.output_file);
  BOOST_TEST_REQUIRE(ran.exited_with(0), output);
  BOOST_TEST(contains(output, "[4/4]"), output);

  auto rows = read_csv(dir.path() / "grades/class.csv");
  BOOST_TEST_REQUIRE(rows.size() == 4u, read(dir.path() / "grades/class.csv"));
  BOOST_TEST(rows["grace"]["status"] == "graded");
  BOOST_TEST(rows["grace"]["exercise1"] == rows["grace"]["max"]);
  BOOST_TEST(rows["grace"]["total"] == rows["grace"]["max"]);
  BOOST_TEST(rows["grace"]["tampered"].empty());
  BOOST_TEST(rows["ada"]["status"] == "graded");
  BOOST_TEST(std::stod(rows["ada"]["exercise1"]) < std::stod(rows["ada"]["max"]), "the starter fails judges");
  BOOST_TEST(contains(rows["linus"]["status"], "did not compile: exercise 1"), rows["linus"]["status"]);
  BOOST_TEST(rows["linus"]["total"] == "0");
  BOOST_TEST(contains(rows["mallory"]["tampered"], "tests/exercises/01-counter/counter_test.cpp (edited)"));
  BOOST_TEST(contains(rows["mallory"]["status"], "credit withheld"));
  BOOST_TEST(rows["mallory"]["total"] == "0");
}

BOOST_AUTO_TEST_CASE(a_missing_folder_is_an_error) {
  lab::RunRequest request;
  lab::TempDir dir("racelab-batch");
  request.command = {RACELAB_TEST_RACELAB, "grade", "--batch", (dir.path() / "absent").string()};
  request.output_file = dir.path() / "out.txt";
  const auto ran = lab::run_process(request);
  BOOST_TEST(ran.exited_with(2));
  BOOST_TEST(contains(read(request.output_file), "no folder"));
}

BOOST_AUTO_TEST_SUITE_END()
