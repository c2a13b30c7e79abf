#include "grade/grade.hpp"

#include "kit/assign.hpp"
#include "core/course.hpp"
#include "judge/judge_record.hpp"
#include "sandbox/process.hpp"
#include "grade/formats/report_formats.hpp"
#include "core/text.hpp"

#include <boost/json.hpp>
#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>

#include <algorithm>
#include <numeric>
#include <fstream>
#include <ostream>
#include <regex>
#include <sstream>
#include <unistd.h>

namespace racelab::lab {
namespace {

namespace json = boost::json;
namespace fs = std::filesystem;

constexpr std::size_t report_output_bytes = 16 * 1024;
const std::string not_compiled = "not run: did not compile";

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
  if (status == "FAIL" || status == "timeout" || status == "withheld") return "\033[1;31m" + text + "\033[0m";
  return "\033[2m" + text + "\033[0m";
}

std::string pad(const std::string& text, std::size_t width) {
  // Width in characters, not bytes: the em dash and ellipsis are multi-byte.
  std::size_t chars = 0;
  for (unsigned char c : text) chars += (c & 0xC0) != 0x80;
  return chars >= width ? text : text + std::string(width - chars, ' ');
}

std::vector<std::string> strings_in(const json::object& object, const char* key) {
  std::vector<std::string> strings;
  if (const auto* value = object.if_contains(key)) {
    for (const auto& s : value->as_array()) strings.push_back(json::value_to<std::string>(s));
  }
  return strings;
}

ExerciseOutcome exercise_from_manifest(const json::object& e) {
  ExerciseOutcome exercise;
  exercise.number = static_cast<int>(e.at("number").to_number<long long>());
  exercise.folder = json::value_to<std::string>(e.at("folder"));
  exercise.label = e.contains("label") ? json::value_to<std::string>(e.at("label"))
                                       : "exercise" + std::to_string(exercise.number);
  exercise.graded = e.contains("graded") && e.at("graded").as_bool();
  if (e.contains("workspace")) exercise.workspace = json::value_to<std::string>(e.at("workspace"));
  if (e.contains("perf_driver")) exercise.perf_driver = json::value_to<std::string>(e.at("perf_driver"));
  if (e.contains("judges")) {
    exercise.judge_names = strings_in(e, "judges");
    exercise.judges_from_manifest = true;
  }
  exercise.sources = strings_in(e, "sources");
  return exercise;
}

void sort_by_number(GradeReport& report) {
  std::sort(report.exercises.begin(), report.exercises.end(),
            [](const auto& a, const auto& b) { return a.number < b.number; });
}

bool is_listed(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

/// The judges among `wanted` in table order.
std::vector<std::string> in_table_order(const std::vector<std::string>& wanted) {
  std::vector<std::string> ordered;
  for (const auto& judge : all_judges) {
    if (is_listed(wanted, judge)) ordered.push_back(judge);
  }
  for (const auto& judge : wanted) {
    if (!is_listed(ordered, judge)) ordered.push_back(judge);
  }
  return ordered;
}

}  // namespace

std::string judge_display_name(const std::string& judge) {
  if (judge == "build") return "build";
  if (judge == "functional") return "functional tests";
  if (judge == "tsan") return "ThreadSanitizer";
  if (judge == "static") return "racelab-check";
  return judge;
}

double ExerciseOutcome::points() const {
  double sum = 0;
  for (const auto& [name, outcome] : judges) sum += outcome.points;
  return sum;
}

double ExerciseOutcome::max_points() const {
  double sum = 0;
  for (const auto& [name, outcome] : judges) sum += outcome.max_points;
  return sum;
}

std::vector<std::string> ExerciseOutcome::shown_judges() const {
  std::vector<std::string> wanted = judge_names;
  for (const auto& [name, outcome] : judges) {
    if (!is_listed(wanted, name)) wanted.push_back(name);
  }
  return in_table_order(wanted);
}

double GradeReport::points() const {
  double sum = 0;
  for (const auto& e : exercises) sum += e.counts() ? e.points() : 0;
  return sum;
}

double GradeReport::max_points() const {
  double sum = 0;
  for (const auto& e : exercises) sum += e.in_course ? e.max_points() : 0;
  return sum;
}

std::vector<std::string> GradeReport::shown_judges() const {
  std::vector<std::string> wanted;
  for (const auto& e : exercises) {
    if (!e.graded) continue;
    for (const auto& judge : e.shown_judges()) {
      if (!is_listed(wanted, judge)) wanted.push_back(judge);
    }
  }
  return in_table_order(wanted.empty() ? grade_judges : wanted);
}

GradeReport read_manifest(const fs::path& manifest) {
  std::error_code ec;
  if (!fs::is_regular_file(manifest, ec)) {
    throw GradeError{"no " + manifest.string() +
                     ": is this a racelab build folder? Configure one first: cmake --preset default"};
  }
  json::value root;
  try {
    root = json::parse(read_text(manifest));
  } catch (const std::exception& e) {
    throw GradeError{manifest.string() + " is not valid JSON: " + e.what()};
  }
  GradeReport report;
  try {
    const auto& object = root.as_object();
    if (const auto* source = object.if_contains("source")) report.source = json::value_to<std::string>(*source);
    for (const auto& entry : object.at("exercises").as_array()) {
      report.exercises.push_back(exercise_from_manifest(entry.as_object()));
    }
  } catch (const std::exception& e) {
    throw GradeError{manifest.string() + " does not look like a racelab manifest: " + e.what()};
  }
  sort_by_number(report);
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

namespace {

/// A graded workspace without CMakePresets.json or .git: its files are shown relative to it.
std::optional<fs::path>& workspace_root() {
  static std::optional<fs::path> root;
  return root;
}

}  // namespace

std::string path_for_display(const std::string& path) {
  const auto shown = readme_for_display(path);
  if (!fs::path(shown).is_absolute() || !workspace_root()) return shown;
  const auto relative = fs::path(shown).lexically_normal().lexically_relative(*workspace_root());
  if (relative.empty() || *relative.begin() == "..") return shown;
  return relative.string();
}

namespace {

/// Absolute paths in a summary line (the checker names files as it was given them),
/// shown as the student finds them: relative to the repository root.
std::string with_display_paths(const std::string& text) {
  static const std::regex absolute(R"((^|[\s'"(])(/[^\s:'"()]+))");
  std::string out;
  std::size_t done = 0;
  for (std::sregex_iterator it(text.begin(), text.end(), absolute), end; it != end; ++it) {
    const auto& m = *it;
    const auto start = static_cast<std::size_t>(m.position(2));
    out += text.substr(done, start - done) + path_for_display(m[2].str());
    done = start + static_cast<std::size_t>(m.length(2));
  }
  return out + text.substr(done);
}

}  // namespace

std::optional<GradeFinding> first_compile_error(const std::string& build_output) {
  // clang and gcc both write `file:line:col: error: message` (gcc may add "fatal").
  static const std::regex error(R"(^(.+?):(\d+):(\d+): (?:fatal )?error: (.*)$)");
  for (const auto& line : lines_of(build_output)) {
    std::smatch m;
    if (!std::regex_match(line, m, error)) continue;
    GradeFinding f;
    f.judge = "build";
    f.kind = "compile error";
    f.file = path_for_display(m[1].str());
    f.line = std::stoi(m[2].str());
    f.column = std::stoi(m[3].str());
    f.message = m[4].str();
    return f;
  }
  return std::nullopt;
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
                                : with_display_paths(failure_summary(judge, outcome.output));
    } else {
      outcome.status = "not run";
      const auto skipped = testcase.get<std::string>("skipped.<xmlattr>.message", "");
      outcome.summary = skipped == "Fixture dependency failed" ? "not run: the build step failed"
                                                               : (skipped.empty() ? "not run" : "not run: " + skipped);
    }
    exercise->graded = true;
    exercise->judges[judge] = std::move(outcome);
  }
  sort_by_number(report);
}

void apply_compile_failures(GradeReport& report) {
  for (auto& e : report.exercises) {
    const auto build = e.judges.find("build");
    if (build == e.judges.end() || build->second.status != "FAIL") continue;
    const auto error = first_compile_error(build->second.output);
    if (!error) continue;  // failed for another reason: its summary already says which
    e.compile_error = error->file + ":" + std::to_string(error->line) + ":" + std::to_string(error->column) +
                      ": error: " + error->message;
    build->second.summary = "did not compile: " + e.compile_error;
    build->second.findings = {*error};
    for (auto& [name, outcome] : e.judges) {
      if (name != "build" && outcome.status == "not run") outcome.summary = not_compiled;
    }
  }
}

void apply_judge_records(GradeReport& report, const fs::path& dir) {
  for (auto& e : report.exercises) {
    for (auto& [name, outcome] : e.judges) {
      // The verdict is ctest's: a record cannot make a failed test pass, and a
      // passed judge shows no findings even if a record (or a student) says so.
      if (outcome.status == "pass") continue;
      const auto file = record_file(dir, e.number, name);
      std::error_code ec;
      if (!fs::is_regular_file(file, ec)) continue;
      try {
        auto record = record_from_json(json::parse(read_text(file)));
        if (record.exercise != e.number || record.judge != name) continue;
        for (auto& finding : record.findings) {
          finding.judge = name;
          if (!finding.file.empty()) finding.file = path_for_display(finding.file);
          for (auto& access : finding.accesses) {
            if (!access.file.empty()) access.file = path_for_display(access.file);
          }
          outcome.findings.push_back(std::move(finding));
        }
      } catch (const std::exception&) {
        // An unreadable record only loses detail; the verdict stands.
      }
    }
  }
}

namespace {

/// "lab/course.toml:30: exercise 6 gives points to perf, but …" when the build lacks a judge the course pays for.
void check_course_judges(const ExerciseOutcome& e, const CourseExercise& c, const Course& course) {
  if (!e.judges_from_manifest || !e.graded) return;
  for (const auto& [judge, points] : c.points) {
    if (is_listed(e.judge_names, judge)) continue;
    const auto line = c.point_lines.count(judge) ? c.point_lines.at(judge) : c.line;
    std::string registered;
    for (const auto& name : e.judge_names) registered += (registered.empty() ? "" : ", ") + name;
    throw GradeError{course.file.string() + ":" + std::to_string(line) + ": exercise " + std::to_string(e.number) +
                     " gives points to the " + judge + " judge, but the build has no " + judge +
                     " test for it (its judges: " + registered + "); remove those points or register the judge"};
  }
}

}  // namespace

void apply_course(GradeReport& report, const Course& course) {
  report.course = course.name;
  report.course_file = course.file.string();
  report.visibility = course.visibility;
  for (auto& e : report.exercises) {
    const CourseExercise* c = course.find(e.number);
    e.in_course = c != nullptr;
    if (c == nullptr) continue;
    check_course_judges(e, *c, course);
    for (const auto& judge : e.shown_judges()) {
      auto& outcome = e.judges[judge];
      const auto points = c->points.find(judge);
      outcome.max_points = points == c->points.end() ? 0 : points->second;
      // Partial credit per judge: all of a judge's points when it passed, none otherwise.
      outcome.points = outcome.status == "pass" ? outcome.max_points : 0;
    }
  }
}

namespace {

/// The repository's files compared with `check.record`.
std::vector<EditedFile> edited_against_record(const IntegrityCheck& check) {
  std::vector<IntegrityEntry> entries;
  try {
    entries = read_integrity(*check.record);
  } catch (const std::exception& e) {
    if (!check.record_is_the_repositorys) throw GradeError{e.what()};
    // The repository's own record no longer reads: it was edited, so nothing it lists can be trusted.
    auto shown = check.record->lexically_normal().lexically_relative(check.repository.lexically_normal());
    if (shown.empty()) shown = *check.record;
    return {{shown.generic_string(), 0, "edited"}};
  }
  return check_integrity(check.repository, entries);
}

std::vector<EditedFile> edited_for(const std::vector<EditedFile>& edited, int exercise) {
  std::vector<EditedFile> grading_it;
  for (const auto& file : edited) {
    if (withholds_credit({file}, exercise)) grading_it.push_back(file);
  }
  return grading_it;
}

}  // namespace

IntegrityCheck integrity_check(const fs::path& repository, const std::optional<fs::path>& trusted_record,
                               const std::optional<fs::path>& kit) {
  IntegrityCheck check;
  check.repository = repository;
  check.kit = kit;
  std::error_code ec;
  if (trusted_record) {
    check.record = fs::absolute(*trusted_record).lexically_normal();
    if (!fs::is_regular_file(*check.record, ec)) {
      throw GradeError{"no integrity record " + check.record->string() +
                       " (--integrity names the record racelab assign wrote: .racelab/integrity.json)"};
    }
  } else if (fs::exists(integrity_record(repository), ec)) {
    check.record = integrity_record(repository);
    check.record_is_the_repositorys = true;
  }
  return check;
}

std::vector<EditedFile> find_edited_files(const IntegrityCheck& check) {
  std::vector<EditedFile> edited;
  if (check.record) merge_edited(edited, edited_against_record(check));
  if (!check.kit) return edited;
  // The instructor's copy: a submission that edited a grader and its record as well is caught here.
  try {
    merge_edited(edited, edited_protected_files(*check.kit, check.repository));
  } catch (const KitError& e) {
    throw GradeError{"cannot compare the protected files of " + check.repository.string() + " with the kit in " +
                     check.kit->string() + ": " + e.message};
  } catch (const std::exception& e) {
    throw GradeError{"cannot compare the protected files of " + check.repository.string() + " with the kit in " +
                     check.kit->string() + ": " + e.what()};
  }
  return edited;
}

std::string withheld_reason(const std::vector<EditedFile>& edited) {
  std::string files;
  for (const auto& file : edited) files += (files.empty() ? "" : ", ") + describe(file);
  return files + " — graders must stay as handed out";
}

std::string withheld_note(const EditedFile& file) {
  return withheld_reason({file}) + "; " +
         (file.exercise == 0 ? std::string("no exercise gets credit")
                             : "exercise " + std::to_string(file.exercise) + " gets no credit");
}

void apply_integrity(GradeReport& report, const std::vector<EditedFile>& edited) {
  report.edited = edited;
  for (auto& e : report.exercises) {
    const auto grading_it = edited_for(edited, e.number);
    if (grading_it.empty()) continue;
    e.withheld = withheld_reason(grading_it);
    if (!e.graded) continue;
    // Every judge, whatever ctest said: with an edited grader a pass proves nothing.
    for (const auto& judge : e.shown_judges()) {
      auto& outcome = e.judges[judge];
      outcome.status = "withheld";
      outcome.summary = "withheld: " + e.withheld;
      outcome.points = 0;
    }
  }
}

bool any_failure(const GradeReport& report) {
  for (const auto& e : report.exercises) {
    if (!e.counts()) continue;
    for (const auto& judge : e.shown_judges()) {
      const auto it = e.judges.find(judge);
      if (it == e.judges.end() || it->second.status != "pass") return true;
    }
  }
  return false;
}

json::value to_json(const GradeReport& report) {
  json::object root;
  root["source"] = report.source;
  root["course"] = report.course;
  root["course_file"] = report.course_file;
  json::array exercises;
  int passed = 0, failed = 0, timeouts = 0, not_run = 0, withheld = 0, graded = 0, all_passed = 0;
  for (const auto& e : report.exercises) {
    json::object entry;
    entry["number"] = e.number;
    entry["folder"] = e.folder;
    entry["label"] = e.label;
    entry["graded"] = e.graded;
    entry["in_course"] = e.in_course;
    entry["points"] = points_json(e.counts() ? e.points() : 0.0);
    entry["max_points"] = points_json(e.in_course ? e.max_points() : 0.0);
    if (!e.compile_error.empty()) entry["compile_error"] = e.compile_error;
    if (!e.withheld.empty()) entry["withheld"] = e.withheld;
    json::object judges;
    bool clean = e.counts();
    if (e.counts()) {
      ++graded;
      for (const auto& name : e.shown_judges()) {
        const auto found = e.judges.find(name);
        const JudgeOutcome outcome = found == e.judges.end() ? JudgeOutcome{} : found->second;
        judges[name] = {{"status", outcome.status},    {"summary", outcome.summary},
                        {"output", outcome.output},    {"seconds", outcome.seconds},
                        {"points", points_json(outcome.points)}, {"max_points", points_json(outcome.max_points)},
                        {"findings", findings_to_json(outcome.findings)}};
        if (outcome.status == "pass") ++passed;
        else if (outcome.status == "FAIL") ++failed;
        else if (outcome.status == "timeout") ++timeouts;
        else if (outcome.status == "withheld") ++withheld;
        else ++not_run;
        clean = clean && outcome.status == "pass";
      }
    }
    if (clean) ++all_passed;
    entry["judges"] = std::move(judges);
    exercises.push_back(std::move(entry));
  }
  root["exercises"] = std::move(exercises);
  json::array edited;
  for (const auto& file : report.edited) {
    edited.push_back(json::object{{"path", file.path}, {"exercise", file.exercise}, {"what", file.what}});
  }
  root["edited_files"] = std::move(edited);
  root["totals"] = {{"exercises", report.exercises.size()}, {"graded", graded},
                    {"exercises_passed", all_passed},       {"judges_passed", passed},
                    {"judges_failed", failed},              {"judges_timed_out", timeouts},
                    {"judges_not_run", not_run},            {"judges_withheld", withheld},
                    {"points", points_json(report.points())},
                    {"max_points", points_json(report.max_points())}};
  return root;
}

std::string render_table(const GradeReport& report, bool color) {
  const auto judges = report.shown_judges();
  std::size_t first = std::string("exercise").size();
  for (const auto& e : report.exercises) {
    first = std::max(first, std::to_string(e.number).size() + 1 + e.folder.size());
  }
  first += 2;
  std::vector<std::size_t> widths;
  for (const auto& judge : judges) widths.push_back(std::max<std::size_t>(judge.size(), 7) + 2);

  std::ostringstream out;
  out << pad("exercise", first);
  for (std::size_t i = 0; i < judges.size(); ++i) out << pad(judges[i], widths[i]);
  out << "points\n";
  for (const auto& e : report.exercises) {
    out << pad(std::to_string(e.number) + " " + e.folder, first);
    if (!e.graded) {
      out << paint("not in workspace", "not run", color) << '\n';
      continue;
    }
    if (!e.in_course) {
      out << paint("not graded: not in the course file", "not run", color) << '\n';
      continue;
    }
    std::string row;
    for (std::size_t i = 0; i < judges.size(); ++i) {
      const auto it = e.judges.find(judges[i]);
      const bool has = is_listed(e.shown_judges(), judges[i]);
      const std::string status = !has ? "-" : it == e.judges.end() ? "not run" : it->second.status;
      row += paint(pad(status, widths[i]), status, color);
    }
    out << row << points_text(e.points()) << "/" << points_text(e.max_points()) << '\n';
  }
  out << pad("total", first) << std::string(std::accumulate(widths.begin(), widths.end(), std::size_t{0}), ' ')
      << points_text(report.points()) << "/" << points_text(report.max_points()) << '\n';
  // Each edited protected file once; the judges it withholds would only repeat it.
  bool heading = !report.edited.empty();
  if (heading) out << "\nWhy:\n";
  for (const auto& file : report.edited) out << "  withheld: " << withheld_note(file) << '\n';
  for (const auto& e : report.exercises) {
    if (!e.counts()) continue;
    for (const auto& judge : e.shown_judges()) {
      const auto it = e.judges.find(judge);
      if (it == e.judges.end() || it->second.status == "pass" || it->second.status == "withheld") continue;
      const auto& summary = it->second.summary;
      // One reason per exercise that did not compile: its other judges only follow from it.
      if (it->second.status == "not run" && (summary == "not run: the build step failed" || summary == not_compiled)) {
        continue;
      }
      if (!heading) {
        out << "\nWhy:\n";
        heading = true;
      }
      out << "  exercise " << e.number << " " << judge << ": " << (summary.empty() ? it->second.status : summary)
          << '\n';
    }
  }
  return out.str();
}

namespace {

fs::path executable_dir() {
  std::error_code ec;
  const auto self = fs::read_symlink("/proc/self/exe", ec);
  return ec ? fs::path() : self.parent_path();
}

/// The kit's sources: where the build that made this racelab binary was configured from,
/// else the repository found upward from the current folder.
fs::path kit_root() {
  if (const auto source = build_source_dir(executable_dir().parent_path())) return *source;
  if (const auto course = find_course_file(fs::current_path())) return course->parent_path().parent_path();
  throw GradeError{"cannot find the racelab kit's sources (neither from this racelab binary's build nor above "
                   "the current folder): run racelab from the kit's repository"};
}

/// A workspace is laid out like exercises/, or is a repository root holding exercises/.
fs::path exercises_folder_of(const fs::path& workspace) {
  std::error_code ec;
  if (!fs::is_directory(workspace, ec)) {
    throw GradeError{"no workspace folder " + workspace.string() + ": name a folder laid out like exercises/"};
  }
  if (fs::is_directory(workspace / "exercises", ec)) return workspace / "exercises";
  return workspace;
}

/// Configures `build` to grade the student's files in `workspace` with this racelab and racelab-check.
void configure_workspace_build(const fs::path& workspace, const fs::path& build, const fs::path& out_dir,
                               std::ostream& out) {
  const auto tools = executable_dir();
  std::error_code ec;
  if (!fs::is_regular_file(tools / "racelab-check", ec)) {
    throw GradeError{"no racelab-check next to this racelab (in " + tools.string() +
                     "): build both tools into one folder (cmake --build <build> --target racelab racelab-check)"};
  }
  const auto sources = exercises_folder_of(workspace);
  out << "racelab grade: configuring " << build.string() << " to grade " << sources.string() << "…\n" << std::flush;
  RunRequest request;
  request.command = {"cmake", "-S", kit_root().string(), "-B", build.string(), "--preset", "default",
                     "-DRACELAB_SOURCE=" + sources.string(), "-DRACELAB_TOOLS_DIR=" + tools.string()};
  request.time_limit = std::chrono::minutes(10);
  request.output_file = out_dir / "configure-output.txt";
  RunResult ran;
  try {
    ran = run_process(request);
  } catch (const RunError& e) {
    throw GradeError{"cannot run cmake: " + e.message};
  }
  if (!ran.exited_with(0)) {
    throw GradeError{"configuring the workspace's build failed (" + ran.describe() + "); cmake's output is in " +
                     request.output_file.string()};
  }
}

/// ctest's -L regex for the exercises that count: "^exercise(1|2|5)$".
std::string label_regex(const GradeReport& report) {
  std::string numbers;
  for (const auto& e : report.exercises) {
    if (e.counts()) numbers += (numbers.empty() ? "" : "|") + std::to_string(e.number);
  }
  if (numbers.empty()) {
    throw GradeError{"the course file grades none of the exercises this build has: nothing to grade (see racelab list)"};
  }
  return "^exercise(" + numbers + ")$";
}

Course load_course_for(const GradeOptions& options, const fs::path& build) {
  try {
    return load_course(options.course ? *options.course : locate_course_file(build));
  } catch (const CourseError& e) {
    throw GradeError{e.message};
  }
}

/// Runs ctest on the exercises the course grades; the judges record their findings in `records`.
void run_ctest(GradeReport& report, const fs::path& build, const fs::path& out_dir, const fs::path& records,
               std::ostream& out) {
  const auto ctest = find_ctest(build);
  if (!ctest) throw GradeError{"ctest not found (neither next to the cmake that configured the build nor on PATH)"};
  const fs::path junit = out_dir / "ctest-junit.xml";
  std::error_code ec;
  fs::remove(junit, ec);
  out << "racelab grade: running every judge of every exercise in " << build.string()
      << " (this rebuilds what changed)…\n" << std::flush;
  RunRequest request;
  request.command = {*ctest, "--test-dir", build.string(), "-L", label_regex(report), "-j2",
                     "--output-junit", junit.string()};
  request.time_limit = std::chrono::hours(6);
  request.output_file = out_dir / "ctest-output.txt";
  request.output_limit = 256u << 20;
  request.set_env[results_dir_variable] = records.string();
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
  apply_junit(report, junit, timed_out_tests(read_text(request.output_file)));
}

/// What `grade` checks for edited protected files: the workspace (else the build's sources),
/// and a workspace against the kit as well.
IntegrityCheck integrity_check_for(const GradeOptions& options, const fs::path& build,
                                   const std::optional<fs::path>& workspace) {
  if (workspace) return integrity_check(*workspace, options.integrity, kit_root());
  if (const auto source = build_source_dir(build)) return integrity_check(*source, options.integrity, std::nullopt);
  if (options.integrity) {
    throw GradeError{"--integrity: cannot tell which repository the build " + build.string() +
                     " grades (its CMakeCache.txt names no source folder); name it with --workspace"};
  }
  return {};  // no repository known: nothing to compare
}

}  // namespace

int run_grade(const GradeOptions& options, std::ostream& out, std::ostream& err) {
  try {
    std::error_code ec;
    fs::path build = fs::absolute(options.build).lexically_normal();
    std::optional<fs::path> out_dir;
    if (options.out) out_dir = fs::absolute(*options.out).lexically_normal();
    workspace_root().reset();
    if (options.workspace) {
      auto workspace = fs::absolute(*options.workspace).lexically_normal();
      if (!workspace.has_filename()) workspace = workspace.parent_path();  // "ws/" → "ws"
      workspace_root() = workspace;
      if (!options.build_given) build = out_dir ? *out_dir / "build" : kit_root() / "build" / "workspace";
      if (!out_dir) out_dir = build / "grade";
      fs::create_directories(*out_dir, ec);
      configure_workspace_build(workspace, build, *out_dir, out);
    }
    if (!fs::is_directory(build, ec)) {
      throw GradeError{"no build folder " + build.string() +
                       ": configure and build first (cmake --preset default), or name it with --build"};
    }
    GradeReport report = read_manifest(build / "racelab-exercises.json");
    const Course course = load_course_for(options, build);
    apply_course(report, course);  // before ctest: a course/build mismatch stops here, before hours of tests
    if (!out_dir) out_dir = build / "grade";
    fs::create_directories(*out_dir, ec);
    if (ec) throw GradeError{"cannot create " + out_dir->string() + ": " + ec.message()};
    // Before the tests: the files the build is about to use.
    const IntegrityCheck integrity = integrity_check_for(options, build, workspace_root());
    auto edited = find_edited_files(integrity);

    TempDir records("racelab-records");  // private (mode 0700), removed when grading ends
    run_ctest(report, build, *out_dir, records.path(), out);
    // Again after the tests: a program that rewrites a grader while it is tested is caught too.
    merge_edited(edited, find_edited_files(integrity));
    apply_compile_failures(report);
    apply_judge_records(report, records.path());
    apply_integrity(report, edited);
    apply_course(report, course);

    const auto written = write_reports(report, *out_dir);
    out << '\n' << render_table(report, options.color) << '\n';
    print_github_annotations(report, out);
    out << "reports in " << out_dir->string() << ": ";
    for (std::size_t i = 0; i < written.size(); ++i) out << (i ? ", " : "") << written[i].filename().string();
    out << '\n';
    return options.require_pass && any_failure(report) ? grade_failures : grade_done;
  } catch (const GradeError& e) {
    err << "racelab grade: " << e.message << '\n';
    return grade_error;
  } catch (const RunError& e) {
    err << "racelab grade: " << e.message << '\n';
    return grade_error;
  }
}

}  // namespace racelab::lab
