#include "racelab/lab/grade.hpp"

#include "racelab/lab/process.hpp"

#include <boost/json.hpp>
#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>

#include <algorithm>
#include <fstream>
#include <ostream>
#include <regex>
#include <unistd.h>
#include <sstream>

namespace racelab::lab {
namespace {

namespace json = boost::json;
namespace fs = std::filesystem;

constexpr std::size_t report_output_bytes = 16 * 1024;

std::string trim(const std::string& s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  const auto last = s.find_last_not_of(" \t\r\n");
  return s.substr(first, last - first + 1);
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(line);
  }
  return lines;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

/// The ctest that configured `build`, else the one on PATH.
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

std::string paint(const std::string& text, const std::string& status, bool color) {
  if (!color) return text;
  if (status == "pass") return "\033[32m" + text + "\033[0m";
  if (status == "FAIL" || status == "timeout") return "\033[1;31m" + text + "\033[0m";
  return "\033[2m" + text + "\033[0m";
}

std::string pad(const std::string& text, std::size_t width) {
  // Width in characters, not bytes: the em dash and ellipsis are multi-byte.
  std::size_t chars = 0;
  for (unsigned char c : text) chars += (c & 0xC0) != 0x80;
  return chars >= width ? text : text + std::string(width - chars, ' ');
}

}  // namespace

GradeReport read_manifest(const fs::path& manifest) {
  std::error_code ec;
  if (!fs::is_regular_file(manifest, ec)) {
    throw GradeError{"no " + manifest.string() +
                     ": is this a racelab build folder? Configure one first: cmake --preset default"};
  }
  json::value root;
  try {
    root = json::parse(read_file(manifest));
  } catch (const std::exception& e) {
    throw GradeError{manifest.string() + " is not valid JSON: " + e.what()};
  }
  GradeReport report;
  try {
    const auto& object = root.as_object();
    if (const auto* source = object.if_contains("source")) report.source = json::value_to<std::string>(*source);
    for (const auto& entry : object.at("exercises").as_array()) {
      const auto& e = entry.as_object();
      ExerciseOutcome exercise;
      exercise.number = static_cast<int>(e.at("number").to_number<long long>());
      exercise.folder = json::value_to<std::string>(e.at("folder"));
      exercise.label = e.contains("label") ? json::value_to<std::string>(e.at("label"))
                                           : "exercise" + std::to_string(exercise.number);
      exercise.graded = e.contains("graded") && e.at("graded").as_bool();
      report.exercises.push_back(std::move(exercise));
    }
  } catch (const std::exception& e) {
    throw GradeError{manifest.string() + " does not look like a racelab manifest: " + e.what()};
  }
  std::sort(report.exercises.begin(), report.exercises.end(),
            [](const auto& a, const auto& b) { return a.number < b.number; });
  return report;
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

std::string failure_summary(const std::string& judge, const std::string& output) {
  static const std::regex judge_headline(R"(^exercise \d+ — .* judge: (FAILED|could not run)$)");
  const auto lines = lines_of(output);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (!std::regex_match(lines[i], judge_headline)) continue;
    for (std::size_t j = i + 1; j < lines.size(); ++j) {
      std::string summary = trim(lines[j]);
      if (summary.empty()) continue;
      if (summary.back() == ':' && j + 1 < lines.size() && !trim(lines[j + 1]).empty()) {
        summary += " " + trim(lines[j + 1]);
      }
      return summary;
    }
    return trim(lines[i]);
  }
  for (const auto& line : lines) {
    if (line.rfind("Failed test dependencies:", 0) == 0) return "not run: " + trim(line);
  }
  if (judge == "build") {
    for (const auto& line : lines) {
      if (line.find("error:") != std::string::npos) return "did not compile: " + trim(line);
    }
    return "the build failed (see its output)";
  }
  for (const auto& line : lines) {
    if (!trim(line).empty()) return trim(line);
  }
  return "failed, without output";
}

void apply_junit(GradeReport& report, const fs::path& junit_xml, const std::vector<std::string>& timed_out) {
  namespace pt = boost::property_tree;
  pt::ptree tree;
  try {
    pt::read_xml(junit_xml.string(), tree);
  } catch (const std::exception& e) {
    throw GradeError{"cannot read ctest's JUnit file " + junit_xml.string() + ": " + e.what()};
  }
  static const std::regex test_name(R"(^exercise(\d+)\.([A-Za-z0-9_-]+)$)");
  const auto suite = tree.get_child_optional("testsuite");
  if (!suite) throw GradeError{junit_xml.string() + " has no <testsuite>"};
  for (const auto& [tag, testcase] : *suite) {
    if (tag != "testcase") continue;
    const auto name = testcase.get<std::string>("<xmlattr>.name", "");
    std::smatch m;
    if (!std::regex_match(name, m, test_name)) continue;
    const int number = std::stoi(m[1]);
    const std::string judge = m[2];
    auto exercise = std::find_if(report.exercises.begin(), report.exercises.end(),
                                 [&](const auto& e) { return e.number == number; });
    if (exercise == report.exercises.end()) {
      ExerciseOutcome added;
      added.number = number;
      added.label = "exercise" + std::to_string(number);
      added.graded = true;
      report.exercises.push_back(added);
      exercise = std::prev(report.exercises.end());
    }
    JudgeOutcome outcome;
    const auto status = testcase.get<std::string>("<xmlattr>.status", "");
    outcome.output = cap_text(testcase.get<std::string>("system-out", ""), report_output_bytes);
    try {
      outcome.seconds = testcase.get<double>("<xmlattr>.time", 0.0);
    } catch (const std::exception&) {
      outcome.seconds = 0;
    }
    if (status == "run") {
      outcome.status = "pass";
    } else if (status == "fail") {
      const bool timeout = std::find(timed_out.begin(), timed_out.end(), name) != timed_out.end();
      outcome.status = timeout ? "timeout" : "FAIL";
      outcome.summary = timeout ? "ctest stopped it at its time limit, after " +
                                      std::to_string(static_cast<long long>(outcome.seconds)) + " s"
                                : failure_summary(judge, outcome.output);
    } else {
      outcome.status = "not run";
      const auto skipped = testcase.get<std::string>("skipped.<xmlattr>.message", "");
      outcome.summary = skipped == "Fixture dependency failed" ? "not run: the build step failed"
                                                               : (skipped.empty() ? "not run" : "not run: " + skipped);
    }
    exercise->graded = true;
    exercise->judges[judge] = std::move(outcome);
  }
  std::sort(report.exercises.begin(), report.exercises.end(),
            [](const auto& a, const auto& b) { return a.number < b.number; });
}

bool any_failure(const GradeReport& report) {
  for (const auto& e : report.exercises) {
    if (!e.graded) continue;
    for (const auto& judge : grade_judges) {
      const auto it = e.judges.find(judge);
      if (it == e.judges.end() || it->second.status != "pass") return true;
    }
    for (const auto& [name, outcome] : e.judges) {
      if (outcome.status != "pass") return true;
    }
  }
  return false;
}

json::value to_json(const GradeReport& report) {
  json::object root;
  root["source"] = report.source;
  json::array exercises;
  int passed = 0, failed = 0, timeouts = 0, not_run = 0, graded = 0, all_passed = 0;
  for (const auto& e : report.exercises) {
    json::object entry;
    entry["number"] = e.number;
    entry["folder"] = e.folder;
    entry["label"] = e.label;
    entry["graded"] = e.graded;
    json::object judges;
    bool clean = e.graded;
    if (e.graded) {
      ++graded;
      std::map<std::string, JudgeOutcome> all = e.judges;
      for (const auto& judge : grade_judges) all.try_emplace(judge);
      for (const auto& [name, outcome] : all) {
        judges[name] = {{"status", outcome.status}, {"summary", outcome.summary},
                        {"output", outcome.output}, {"seconds", outcome.seconds}};
        if (outcome.status == "pass") ++passed;
        else if (outcome.status == "FAIL") ++failed;
        else if (outcome.status == "timeout") ++timeouts;
        else ++not_run;
        clean = clean && outcome.status == "pass";
      }
    }
    if (clean) ++all_passed;
    entry["judges"] = std::move(judges);
    exercises.push_back(std::move(entry));
  }
  root["exercises"] = std::move(exercises);
  root["totals"] = {{"exercises", report.exercises.size()}, {"graded", graded},
                    {"exercises_passed", all_passed},       {"judges_passed", passed},
                    {"judges_failed", failed},              {"judges_timed_out", timeouts},
                    {"judges_not_run", not_run}};
  return root;
}

std::string render_table(const GradeReport& report, bool color) {
  std::size_t first = std::string("exercise").size();
  for (const auto& e : report.exercises) {
    first = std::max(first, std::to_string(e.number).size() + 1 + e.folder.size());
  }
  first += 2;
  std::vector<std::size_t> widths;
  for (const auto& judge : grade_judges) widths.push_back(std::max<std::size_t>(judge.size(), 7) + 2);

  std::ostringstream out;
  out << pad("exercise", first);
  for (std::size_t i = 0; i < grade_judges.size(); ++i) {
    out << (i + 1 == grade_judges.size() ? grade_judges[i] : pad(grade_judges[i], widths[i]));
  }
  out << '\n';
  for (const auto& e : report.exercises) {
    out << pad(std::to_string(e.number) + " " + e.folder, first);
    if (!e.graded) {
      out << paint("not in workspace", "not run", color) << '\n';
      continue;
    }
    std::string row;
    for (std::size_t i = 0; i < grade_judges.size(); ++i) {
      const auto it = e.judges.find(grade_judges[i]);
      const std::string status = it == e.judges.end() ? "not run" : it->second.status;
      const bool last = i + 1 == grade_judges.size();
      row += paint(last ? status : pad(status, widths[i]), status, color);
    }
    out << row << '\n';
  }
  bool heading = false;
  for (const auto& e : report.exercises) {
    if (!e.graded) continue;
    for (const auto& judge : grade_judges) {
      const auto it = e.judges.find(judge);
      if (it == e.judges.end() || it->second.status == "pass") continue;
      if (it->second.status == "not run" && it->second.summary == "not run: the build step failed") continue;
      if (!heading) {
        out << "\nWhy:\n";
        heading = true;
      }
      out << "  exercise " << e.number << " " << judge << ": "
          << (it->second.summary.empty() ? it->second.status : it->second.summary) << '\n';
    }
  }
  return out.str();
}

int run_grade(const GradeOptions& options, std::ostream& out, std::ostream& err) {
  try {
    std::error_code ec;
    const fs::path build = fs::absolute(options.build).lexically_normal();
    if (!fs::is_directory(build, ec)) {
      throw GradeError{"no build folder " + build.string() +
                       ": configure and build first (cmake --preset default), or name it with --build"};
    }
    GradeReport report = read_manifest(build / "racelab-exercises.json");
    const auto ctest = find_ctest(build);
    if (!ctest) throw GradeError{"ctest not found (neither next to the cmake that configured the build nor on PATH)"};
    const fs::path out_dir = fs::absolute(options.out.value_or(build / "grade")).lexically_normal();
    fs::create_directories(out_dir, ec);
    if (ec) throw GradeError{"cannot create " + out_dir.string() + ": " + ec.message()};
    const fs::path junit = out_dir / "ctest-junit.xml";
    fs::remove(junit, ec);

    out << "racelab grade: running every judge of every exercise in " << build.string()
        << " (this rebuilds what changed)…\n" << std::flush;
    RunRequest request;
    request.command = {*ctest, "--test-dir", build.string(), "-L", "^exercise[0-9]+$", "-j2",
                       "--output-junit", junit.string()};
    request.time_limit = std::chrono::hours(6);
    request.output_file = out_dir / "ctest-output.txt";
    request.output_limit = 256u << 20;
    RunResult ran;
    try {
      ran = run_process(request);
    } catch (const RunError& e) {
      throw GradeError{e.message};
    }
    if (!fs::is_regular_file(junit, ec)) {
      throw GradeError{"ctest did not write " + junit.string() + " (" + ran.describe() + "); its output is in " +
                       request.output_file.string()};
    }
    const auto ctest_output = read_file(request.output_file);
    apply_junit(report, junit, timed_out_tests(ctest_output));

    const fs::path report_file = out_dir / "report.json";
    std::ofstream(report_file) << json::serialize(to_json(report)) << '\n';

    out << '\n' << render_table(report, options.color) << '\n';
    out << "report: " << report_file.string() << "\nJUnit:  " << junit.string() << '\n';
    return options.require_pass && any_failure(report) ? grade_failures : grade_done;
  } catch (const GradeError& e) {
    err << "racelab grade: " << e.message << '\n';
    return grade_error;
  }
}

}  // namespace racelab::lab
