#include "judge/boost_test_report.hpp"

#include "core/text.hpp"

#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>

#include <regex>
#include <sstream>

namespace racelab::lab {

namespace pt = boost::property_tree;

void ask_for_report(RunRequest& request, Channel& channel) {
  request.command.push_back("--report_format=XML");
  request.command.push_back("--report_level=detailed");
  request.command.push_back("--report_sink=" + channel.path());
  request.channels.push_back(&channel);
  // The judges read Boost.Test's failure lines: colour codes would hide them (a replay run by hand
  // on a terminal gets them otherwise).
  request.command.push_back("--color_output=no");
}

std::string TestReport::counts() const {
  return std::to_string(passed) + " passed, " + std::to_string(failed) + " failed, " + std::to_string(aborted) +
         " aborted";
}

namespace {

/// Every TestCase under `suite`, by path below the master suite.
void collect_cases(const pt::ptree& suite, const std::string& prefix, std::map<std::string, std::string>& cases) {
  for (const auto& [tag, child] : suite) {
    if (tag != "TestSuite" && tag != "TestCase") continue;
    const std::string path = prefix + child.get<std::string>("<xmlattr>.name", "");
    if (tag == "TestCase") {
      cases[path] = child.get<std::string>("<xmlattr>.result", "");
    } else {
      collect_cases(child, path + "/", cases);
    }
  }
}

}  // namespace

TestReport parse_test_report(const std::string& xml) {
  TestReport report;
  pt::ptree tree;
  try {
    std::istringstream in(xml);
    pt::read_xml(in, tree);
  } catch (const pt::xml_parser_error&) {
    return report;  // none, or cut short: the run did not reach its end
  }
  // One document, Boost.Test's: anything written before or after it is not its report.
  if (tree.size() != 1 || tree.begin()->first != "TestResult") return report;
  const auto master = tree.get_child_optional("TestResult.TestSuite");
  if (!master) return report;
  report.result = master->get<std::string>("<xmlattr>.result", "");
  report.found = !report.result.empty();
  report.passed = master->get<int>("<xmlattr>.test_cases_passed", 0) +
                  master->get<int>("<xmlattr>.test_cases_passed_with_warnings", 0);
  report.failed = master->get<int>("<xmlattr>.test_cases_failed", 0);
  report.aborted = master->get<int>("<xmlattr>.test_cases_aborted", 0);
  collect_cases(*master, "", report.cases);
  return report;
}

std::vector<std::string> parse_test_list(const std::string& listing) {
  static const std::regex entry(R"re(^((?:    )*)([A-Za-z0-9_<>:,. -]+?)(\*?)\s*$)re");
  struct Node {
    std::size_t depth;
    std::string name;
    bool enabled;
  };
  std::vector<Node> nodes;
  for (const auto& line : lines_of(listing)) {
    std::smatch m;
    if (std::regex_match(line, m, entry)) nodes.push_back({static_cast<std::size_t>(m[1].length()) / 4, m[2].str(), m[3].length() > 0});
  }
  std::vector<std::string> cases;
  std::vector<std::string> path;
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    path.resize(std::min(path.size(), nodes[i].depth));
    path.push_back(nodes[i].name);
    const bool leaf = i + 1 == nodes.size() || nodes[i + 1].depth <= nodes[i].depth;
    if (leaf && nodes[i].enabled) cases.push_back(join(path, "/"));
  }
  return cases;
}

std::vector<std::string> cases_not_passed(const std::vector<std::string>& listed, const TestReport& report) {
  std::vector<std::string> missing;
  for (const auto& name : listed) {
    const auto found = report.cases.find(name);
    if (found == report.cases.end()) {
      missing.push_back(name + " (did not run)");
    } else if (found->second != "passed") {
      missing.push_back(name + " (" + (found->second.empty() ? "no result" : found->second) + ")");
    }
  }
  return missing;
}

std::vector<std::string> cases_not_run(const std::vector<std::string>& listed, const TestReport& report) {
  std::vector<std::string> missing;
  for (auto& name : cases_not_passed(listed, report)) {
    if (name.size() > 9 && (name.ends_with(" (skipped)") || name.ends_with(" (did not run)") || name.ends_with(" (no result)"))) {
      missing.push_back(std::move(name));
    }
  }
  return missing;
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
