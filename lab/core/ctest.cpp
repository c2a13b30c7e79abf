#include "core/ctest.hpp"

#include "core/text.hpp"

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
    pt::read_xml(junit_file.string(), tree);
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
