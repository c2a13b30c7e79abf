#include "core/ctest.hpp"

#include "core/json_fields.hpp"
#include "core/regular_file.hpp"
#include "core/text.hpp"

#include <boost/json.hpp>

#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <regex>
#include <sstream>

namespace racelab::lab {
namespace {

namespace fs = std::filesystem;
namespace pt = boost::property_tree;

CtestCase::Status status_of(const std::string& status) {
  if (status == "run") return CtestCase::Status::passed;
  if (status == "fail") return CtestCase::Status::failed;
  return CtestCase::Status::not_run;
}

CtestCase case_from(const pt::ptree& testcase) {
  CtestCase c;
  c.name = testcase.get<std::string>("<xmlattr>.name", "");
  c.status = status_of(testcase.get<std::string>("<xmlattr>.status", ""));
  c.output = testcase.get<std::string>("system-out", "");
  c.skipped_message = testcase.get<std::string>("skipped.<xmlattr>.message", "");
  try {
    c.seconds = testcase.get<double>("<xmlattr>.time", 0.0);
  } catch (const std::exception&) {
    c.seconds = 0;
  }
  return c;
}

}  // namespace

std::vector<CtestCase> read_ctest_junit(const fs::path& junit_file) {
  pt::ptree tree;
  try {
    // A regular file only, never through a link: a FIFO put at its name must not block the grader.
    std::istringstream text(read_regular_file(junit_file));
    pt::read_xml(text, tree);
  } catch (const std::exception& e) {
    throw CtestError{"cannot read ctest's JUnit file " + junit_file.string() + ": " + e.what()};
  }
  const auto suite = tree.get_child_optional("testsuite");
  if (!suite) throw CtestError{junit_file.string() + " has no <testsuite>"};
  std::vector<CtestCase> cases;
  for (const auto& [tag, testcase] : *suite) {
    if (tag == "testcase") cases.push_back(case_from(testcase));
  }
  return cases;
}

std::vector<std::string> timed_out_tests(const std::string& ctest_output) {
  static const std::regex timeout(R"(Test +#\d+: (\S+) \.*\*+Timeout)");
  std::vector<std::string> names;
  for (const auto& line : lines_of(ctest_output)) {
    std::smatch m;
    if (std::regex_search(line, m, timeout)) names.push_back(m[1]);
  }
  return names;
}

std::vector<CtestCase> finished_tests(const std::string& ctest_output) {
  // "3/8 Test #3: exercise1.tsan .....***Failed    2.05 sec": ctest's own progress line.
  static const std::regex finished(R"(^ *\d+/\d+ +Test +#\d+: (\S+) \.* *(\**)([A-Za-z][^0-9]*?) +([0-9.]+) sec)");
  std::vector<CtestCase> tests;
  for (const auto& line : lines_of(ctest_output)) {
    std::smatch m;
    if (!std::regex_search(line, m, finished)) continue;
    CtestCase test;
    test.name = m[1];
    const std::string word = m[3];
    test.status = m[2].length() == 0 && word == "Passed" ? CtestCase::Status::passed
                  : word.rfind("Not Run", 0) == 0 || word.rfind("Skipped", 0) == 0 ? CtestCase::Status::not_run
                                                                                 : CtestCase::Status::failed;
    if (test.status == CtestCase::Status::not_run) test.skipped_message = word;
    test.seconds = std::stod(m[4]);
    tests.push_back(std::move(test));
  }
  return tests;
}

namespace {

namespace json = boost::json;

std::vector<std::string> strings_of(const json::value& value) {
  std::vector<std::string> strings;
  if (const auto* array = value.if_array()) {
    for (const auto& item : *array) {
      if (const auto* s = item.if_string()) strings.emplace_back(*s);
    }
  }
  return strings;
}

CtestTest test_from(const json::object& test) {
  CtestTest t;
  t.name = string_field(test, "name");
  if (const auto* command = test.if_contains("command")) t.command = strings_of(*command);
  const auto* properties = test.if_contains("properties");
  if (properties == nullptr || !properties->is_array()) return t;
  for (const auto& item : properties->get_array()) {
    const auto* property = item.if_object();
    if (property == nullptr || !property->contains("value")) continue;
    const std::string name = string_field(*property, "name");
    const json::value& value = property->at("value");
    if (name == "ENVIRONMENT") t.environment = strings_of(value);
    if (name == "TIMEOUT" && value.is_number()) t.timeout_seconds = value.to_number<double>();
  }
  return t;
}

}  // namespace

std::vector<CtestTest> parse_ctest_listing(const std::string& text) {
  boost::system::error_code ec;
  const json::value listing = json::parse(text, ec);
  const auto* object = ec ? nullptr : listing.if_object();
  const auto* tests = object == nullptr ? nullptr : object->if_contains("tests");
  if (tests == nullptr || !tests->is_array()) throw CtestError{"ctest --show-only=json-v1 printed no list of tests"};
  std::vector<CtestTest> listed;
  for (const auto& test : tests->get_array()) {
    if (const auto* t = test.if_object()) listed.push_back(test_from(*t));
  }
  return listed;
}

std::optional<std::string> find_ctest(const fs::path& build) {
  std::ifstream cache(build / "CMakeCache.txt");
  std::string line;
  while (std::getline(cache, line)) {
    const std::string key = "CMAKE_CTEST_COMMAND:INTERNAL=";
    if (line.rfind(key, 0) == 0) {
      const auto path = line.substr(key.size());
      if (::access(path.c_str(), X_OK) == 0) return path;
    }
  }
  const char* path_env = std::getenv("PATH");
  std::istringstream dirs(path_env ? path_env : "");
  std::string dir;
  while (std::getline(dirs, dir, ':')) {
    const auto candidate = (fs::path(dir.empty() ? "." : dir) / "ctest").string();
    if (::access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  return std::nullopt;
}

}  // namespace racelab::lab
