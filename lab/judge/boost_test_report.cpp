#include "judge/boost_test_report.hpp"

#include "core/text.hpp"

#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>

#include <regex>

namespace racelab::lab {

namespace pt = boost::property_tree;

std::filesystem::path report_path(const std::filesystem::path& dir) { return dir / "boost-test-report.xml"; }

void ask_for_report(RunRequest& request, const std::filesystem::path& dir) {
  request.command.push_back("--report_format=XML");
  request.command.push_back("--report_level=detailed");
  request.command.push_back("--report_sink=" + report_path(dir).string());
}

std::string TestReport::counts() const {
  return std::to_string(passed) + " passed, " + std::to_string(failed) + " failed, " + std::to_string(aborted) +
         " aborted";
}

TestReport read_test_report(const std::filesystem::path& file) {
  TestReport report;
  pt::ptree tree;
  try {
    pt::read_xml(file.string(), tree);
  } catch (const pt::xml_parser_error&) {
    return report;  // none, or cut short: the run did not reach its end
  }
  const auto master = tree.get_child_optional("TestResult.TestSuite.<xmlattr>");
  if (!master) return report;
  report.result = master->get<std::string>("result", "");
  report.found = !report.result.empty();
  report.passed = master->get<int>("test_cases_passed", 0) + master->get<int>("test_cases_passed_with_warnings", 0);
  report.failed = master->get<int>("test_cases_failed", 0);
  report.aborted = master->get<int>("test_cases_aborted", 0);
  return report;
}

std::string unproven_exit(const RunResult& r, const TestReport& report) {
  const std::string code = "exit code " + std::to_string(r.exit_code.value_or(-1));
  if (!report.found) {
    return "the program exited before its tests finished (" + code +
           ") — did something call exit() or quick_exit()? Only a test run that reaches its end counts.";
  }
  if (report.passed + report.failed + report.aborted == 0) {
    return "no test case ran (" + code + "): the grader's tests must run, and pass, to count.";
  }
  return "the tests did not all pass (" + report.counts() + "), yet the program ended with " + code +
         " — something changed its exit status (a destructor, an atexit handler, quick_exit?). Only the test "
         "framework's own report counts.";
}

std::vector<std::string> boost_test_failures(const std::string& output) {
  static const std::regex failure(R"re(^(.*)\((\d+)\): (fatal error|error): in "([^"]*)": (.*)$)re");
  std::vector<std::string> lines;
  for (const auto& line : lines_of(output)) {
    std::smatch m;
    if (std::regex_match(line, m, failure)) {
      const auto file = std::filesystem::path(m[1].str()).filename().string();
      lines.push_back(file + "(" + m[2].str() + "): in \"" + m[4].str() + "\": " + m[5].str());
    }
  }
  return lines;
}

}  // namespace racelab::lab
