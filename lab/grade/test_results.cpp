#include "grade/test_results.hpp"

#include "core/build_manifest.hpp"
#include "core/ctest.hpp"
#include "core/display_path.hpp"
#include "core/judge_headline.hpp"
#include "core/judge_record.hpp"
#include "core/regular_file.hpp"
#include "core/text.hpp"
#include "grade/grade_error.hpp"
#include "sandbox/output.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <regex>

namespace racelab::lab {
namespace {

namespace fs = std::filesystem;

/// What report.json and the other formats keep of a judge's output.
constexpr std::size_t report_output_bytes = 16 * 1024;

void sort_by_number(GradeReport& report) {
  std::sort(report.exercises.begin(), report.exercises.end(),
            [](const auto& a, const auto& b) { return a.number < b.number; });
}

ExerciseOutcome outcome_of(const ManifestExercise& m) {
  ExerciseOutcome e;
  e.number = m.number;
  e.folder = m.folder;
  e.label = m.label;
  e.graded = m.graded;
  e.registered = m.judges;
  e.judges_listed = m.judges_listed;
  e.sources = m.sources;
  e.workspace = m.workspace;
  e.perf_driver = m.perf_driver;
  return e;
}

/// Absolute paths in a summary line (the checker names files as it was given them),
/// shown as the student finds them: relative to the repository root.
std::string with_display_paths(const std::string& text, const std::optional<fs::path>& workspace) {
  static const std::regex absolute(R"((^|[\s'"(])(/[^\s:'"()]+))");
  std::string out;
  std::size_t done = 0;
  for (std::sregex_iterator it(text.begin(), text.end(), absolute), end; it != end; ++it) {
    const auto& m = *it;
    const auto start = static_cast<std::size_t>(m.position(2));
    out += text.substr(done, start - done) + path_for_display(m[2].str(), workspace);
    done = start + static_cast<std::size_t>(m.length(2));
  }
  return out + text.substr(done);
}

/// "exercise3.tsan" → (3, tsan); nullopt for any other test.
std::optional<std::pair<int, Judge>> judge_test(const std::string& name) {
  static const std::regex test_name(R"(^exercise(\d+)\.([A-Za-z0-9_-]+)$)");
  std::smatch m;
  if (!std::regex_match(name, m, test_name)) return std::nullopt;
  const auto judge = judge_from_id(m[2].str());
  if (!judge) return std::nullopt;
  return std::make_pair(std::stoi(m[1]), *judge);
}

ExerciseOutcome& exercise_numbered(GradeReport& report, int number) {
  const auto found = std::find_if(report.exercises.begin(), report.exercises.end(),
                                  [&](const auto& e) { return e.number == number; });
  if (found != report.exercises.end()) return *found;
  ExerciseOutcome added;
  added.number = number;
  added.label = "exercise" + std::to_string(number);
  added.graded = true;
  report.exercises.push_back(added);
  return report.exercises.back();
}

JudgeOutcome outcome_from(const CtestCase& test, Judge judge, bool timed_out,
                          const std::optional<fs::path>& workspace) {
  JudgeOutcome outcome;
  outcome.output = cap_text(test.output, report_output_bytes);
  outcome.seconds = test.seconds;
  switch (test.status) {
    case CtestCase::Status::passed:
      outcome.verdict = Verdict::pass;
      break;
    case CtestCase::Status::failed:
      outcome.verdict = timed_out ? Verdict::timeout : Verdict::fail;
      outcome.summary = timed_out ? "ctest stopped it at its time limit, after " +
                                        std::to_string(static_cast<long long>(outcome.seconds)) + " s"
                                  : with_display_paths(failure_summary(judge, outcome.output), workspace);
      break;
    case CtestCase::Status::not_run:
      if (judge == Judge::perf && test.skipped_message.rfind("SKIP_RETURN_CODE", 0) == 0) {
        // The perf judge's exit status 3: the machine was too busy to tell.
        outcome.verdict = Verdict::unmeasured;
        outcome.summary = unmeasured_prefix + failure_summary(judge, outcome.output);
        break;
      }
      outcome.verdict = Verdict::not_run;
      outcome.summary = test.skipped_message == "Fixture dependency failed"
                            ? not_run_build_failed
                            : (test.skipped_message.empty() ? verdict_word(Verdict::not_run) : "not run: " + test.skipped_message);
      break;
  }
  return outcome;
}

}  // namespace

GradeReport read_manifest(const fs::path& manifest) {
  BuildManifest read;
  try {
    read = read_build_manifest(manifest);
  } catch (const ManifestError& e) {
    throw GradeError{e.message};
  }
  GradeReport report;
  report.source = read.source;
  for (const auto& exercise : read.exercises) report.exercises.push_back(outcome_of(exercise));
  return report;
}

void apply_junit(GradeReport& report, const fs::path& junit_xml, const std::vector<std::string>& timed_out) {
  try {
    apply_tests(report, read_ctest_junit(junit_xml), timed_out);
  } catch (const CtestError& e) {
    throw GradeError{e.message};
  }
}

void apply_unfinished(GradeReport& report, const std::vector<CtestCase>& finished, const std::string& why) {
  for (auto& e : report.exercises) {
    if (!e.counts()) continue;
    for (const Judge judge : e.shown_judges()) {
      const auto name = e.label + "." + judge_id(judge);
      const bool done = std::any_of(finished.begin(), finished.end(), [&](const auto& t) { return t.name == name; });
      if (done) continue;  // it finished: its verdict stands
      JudgeOutcome& outcome = e.judges[judge];
      outcome.verdict = Verdict::not_run;
      outcome.summary = "not graded: " + why;
    }
  }
}

void apply_tests(GradeReport& report, const std::vector<CtestCase>& tests, const std::vector<std::string>& timed_out) {
  for (const auto& test : tests) {
    const auto which = judge_test(test.name);
    if (!which) continue;
    const bool timeout = std::find(timed_out.begin(), timed_out.end(), test.name) != timed_out.end();
    auto& exercise = exercise_numbered(report, which->first);
    exercise.graded = true;
    exercise.judges[which->second] = outcome_from(test, which->second, timeout, report.workspace);
  }
  sort_by_number(report);
}

std::optional<GradeFinding> first_compile_error(const std::string& build_output,
                                                const std::optional<fs::path>& workspace) {
  // clang and gcc both write `file:line:col: error: message` (gcc may add "fatal").
  static const std::regex error(R"(^(.+?):(\d+):(\d+): (?:fatal )?error: (.*)$)");
  for (const auto& line : lines_of(build_output)) {
    std::smatch m;
    if (!std::regex_match(line, m, error)) continue;
    GradeFinding f;
    f.judge = Judge::build;
    f.kind = "compile error";
    f.file = path_for_display(m[1].str(), workspace);
    f.line = std::stoi(m[2].str());
    f.column = std::stoi(m[3].str());
    f.message = m[4].str();
    return f;
  }
  return std::nullopt;
}

void apply_compile_failures(GradeReport& report) {
  for (auto& e : report.exercises) {
    const auto build = e.judges.find(Judge::build);
    if (build == e.judges.end() || build->second.verdict != Verdict::fail) continue;
    const auto error = first_compile_error(build->second.output, report.workspace);
    if (!error) continue;  // failed for another reason: its summary already says which
    e.compile_error = error->file + ":" + std::to_string(error->line) + ":" + std::to_string(error->column) +
                      ": error: " + error->message;
    build->second.summary = "did not compile: " + e.compile_error;
    build->second.findings = {*error};
    for (auto& [judge, outcome] : e.judges) {
      if (judge != Judge::build && outcome.verdict == Verdict::not_run) outcome.summary = not_run_not_compiled;
    }
  }
}

void apply_judge_records(GradeReport& report, const fs::path& dir) {
  for (auto& e : report.exercises) {
    for (auto& [judge, outcome] : e.judges) {
      // The verdict is ctest's: a record cannot make a failed test pass, and a
      // passed judge shows no findings even if a record (or a student) says so.
      if (outcome.verdict == Verdict::pass) continue;
      const auto file = record_file(dir, e.number, judge);
      std::error_code ec;
      if (!fs::is_regular_file(fs::symlink_status(file, ec))) continue;
      try {
        auto record = record_from_json(boost::json::parse(read_regular_file(file, 16u << 20)));
        if (record.exercise != e.number || record.judge != judge) continue;
        outcome.could_not_run = record.verdict == judge_error;
        for (auto& finding : record.findings) {
          if (!finding.file.empty()) finding.file = path_for_display(finding.file, report.workspace);
          for (auto& access : finding.accesses) {
            if (!access.file.empty()) access.file = path_for_display(access.file, report.workspace);
          }
          outcome.findings.push_back(std::move(finding));
        }
      } catch (const std::exception&) {
        // An unreadable record only loses detail; the verdict stands.
      }
    }
  }
}

}  // namespace racelab::lab
