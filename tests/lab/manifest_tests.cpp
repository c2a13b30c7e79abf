// The exercise manifest as the CLI reads it (lab/core/exercise_manifest.cpp):
// every manifest of the kit, and broken ones, each refused naming the file and the field.
// The configure step's reader of the same files is tested by lab.manifest.* (manifest_case.cmake).

#include "core/exercise_manifest.hpp"
#include "kit/registration.hpp"
#include "lab_test_support.hpp"

#include <boost/test/unit_test.hpp>

namespace lab = racelab::lab;
namespace fs = std::filesystem;

namespace {

const fs::path kit = RACELAB_TEST_KIT_DIR;
const fs::path counter = kit / "tests/exercises/01-counter/exercise.json";

using racelab::lab::testing::contains;

/// Exercise 1's manifest with `from` replaced by `to`, read: the error's message, or "" when it was read.
std::string broken(const std::string& from, const std::string& to) {
  std::string text = racelab::lab::testing::read(counter);
  const auto at = text.find(from);
  BOOST_REQUIRE_MESSAGE(at != std::string::npos, "exercise 1's manifest holds no '" + from + "'");
  text.replace(at, from.size(), to);
  try {
    lab::parse_exercise_manifest(text, counter);
  } catch (const lab::ManifestFieldError& e) {
    return e.message;
  }
  return "";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(manifest_tests)

BOOST_AUTO_TEST_CASE(the_kits_manifests_are_read) {
  const auto exercises = lab::kit_exercises(kit);
  BOOST_REQUIRE(exercises.size() >= 7);
  const auto& first = exercises.front();
  BOOST_TEST(first.number == 1);
  BOOST_TEST(first.folder == "01-counter");
  BOOST_TEST(first.contract == "counter.hpp");
  BOOST_TEST(first.sources == (std::vector<std::string>{"counter.cpp"}), boost::test_tools::per_element());
  BOOST_TEST(first.solutions == (std::vector<std::string>{"mutex", "atomic", "manager"}), boost::test_tools::per_element());
  BOOST_TEST(first.starter_fails.size() == 3u);
  BOOST_TEST(first.starter_fails.at(lab::Judge::functional) == "increments were lost");
  BOOST_TEST(first.wrong_fixes.size() == 6u);
  BOOST_TEST(!first.perf.has_value());
  BOOST_TEST(first.hints == 5);
  const auto& primes = exercises.at(5);
  BOOST_TEST(primes.number == 6);
  BOOST_REQUIRE(primes.perf.has_value());
  BOOST_TEST(primes.perf->strategies.size() == 5u);
  BOOST_TEST(primes.judges().back() == lab::Judge::perf);
  BOOST_TEST(primes.starter_fails.at(lab::Judge::static_check).find("[^[]") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_missing_field_is_named) {
  BOOST_TEST(broken("\"contract\": \"counter.hpp\",", "") == counter.string() + ": contract: missing");
  BOOST_TEST(broken("\"tests\": [\"counter_test.cpp\"],", "") == counter.string() + ": grader.tests: expected an array of strings, found nothing");
}

BOOST_AUTO_TEST_CASE(a_wrong_type_is_named) {
  BOOST_TEST(broken("\"hints\": 5", "\"hints\": \"five\"") == counter.string() + ": hints: expected a whole number, found a string");
  BOOST_TEST(broken("\"sources\": [\"counter.cpp\"]", "\"sources\": \"counter.cpp\"") ==
             counter.string() + ": sources: expected an array of strings, found a string");
  BOOST_TEST(broken("\"timeout_seconds\": 120", "\"timeout_seconds\": 0") ==
             counter.string() + ": timeout_seconds: expected a whole number ≥ 1, found 0");
  BOOST_TEST(broken("\"name\": \"mutex-per-thread\",", "\"name\": 3,") ==
             counter.string() + ": wrong_fixes[0].name: expected a string, found a number");
}

BOOST_AUTO_TEST_CASE(an_unknown_key_is_named) {
  BOOST_TEST(contains(broken("\"hints\": 5", "\"hint\": 5, \"hints\": 5"), counter.string() + ": hint: unknown key (known: "));
  BOOST_TEST(contains(broken("\"support\":", "\"suport\":"), ": grader.suport: unknown key"));
  // perf is a judge only of an exercise with a perf adapter.
  BOOST_TEST(contains(broken("\"functional\": \"increments were lost\",", "\"perf\": \"x\", \"functional\": \"y\","),
                      ": starter.fails.perf: unknown key (known: functional, static, tsan)"));
}

BOOST_AUTO_TEST_CASE(folder_number_and_syntax_are_checked) {
  BOOST_TEST(broken("\"folder\": \"01-counter\"", "\"folder\": \"01-count\"") ==
             counter.string() + ": folder: '01-count' is not the name of its folder, '01-counter'");
  BOOST_TEST(contains(broken("\"number\": 1,", "\"number\": 2,"), ": folder: '01-counter' must be NN-name, NN being the number (2)"));
  BOOST_TEST(contains(broken("\"number\": 1,", "\"number\": 1,,"), counter.string() + ": not JSON: "));
  BOOST_TEST(contains(broken("\"mutex-per-thread\"", "\"count-without-threads\""), ": wrong_fixes[5].name: 'count-without-threads' is listed twice"));
  BOOST_TEST(broken("\"hints\": 5", "\"hints\": 5").empty());
}

BOOST_AUTO_TEST_SUITE_END()
