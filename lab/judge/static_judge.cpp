#include "judge/static_judge.hpp"

#include "core/json_fields.hpp"
#include "core/judge_record.hpp"
#include "judge/limited_run.hpp"
#include "judge/verdict_text.hpp"
#include "sandbox/output.hpp"
#include "sandbox/temp_dir.hpp"

#include <boost/json.hpp>

#include <ostream>

namespace racelab::lab {
namespace {

namespace json = boost::json;

/// One diagnostic of the checker's JSON output.
GradeFinding finding_of(const json::object& d) {
  GradeFinding f;
  f.judge = Judge::static_check;
  f.kind = string_field(d, "check");
  f.message = string_field(d, "message");
  f.file = string_field(d, "file");
  f.line = int_field(d, "line");
  f.column = int_field(d, "column");
  if (const auto* notes = d.if_contains("notes"); notes != nullptr && notes->is_array()) {
    for (const auto& n : notes->as_array()) {
      if (!n.is_object()) continue;
      const auto& note = n.as_object();
      f.notes.push_back(string_field(note, "file") + ":" + std::to_string(int_field(note, "line")) + ":" +
                        std::to_string(int_field(note, "column")) + ": note: " + string_field(note, "message"));
    }
  }
  return f;
}

/// The verdict comes from the checker's text run; this second run gives the same findings as data.
std::vector<GradeFinding> checker_findings(const JudgeOptions& o) {
  try {
    TempDir dir("racelab-check-json");
    RunRequest request;
    request.command = o.command;
    request.command.insert(request.command.begin() + 1, "--format=json");
    request.time_limit = std::chrono::seconds(static_cast<long long>(o.timeout_seconds));
    request.output_file = dir.path() / "findings.json";
    request.output_limit = 16u << 20;
    request.unset_env = {results_dir_variable};
    (void)run_process(request);
    return checker_findings_from_json(read_capped(request.output_file, 16u << 20));
  } catch (const RunError&) {
    return {};  // no findings as data; the verdict and its text are unaffected
  }
}

void print_output(const RunResult& r, std::ostream& out) {
  out << r.output;
  if (!r.output.empty() && r.output.back() != '\n') out << '\n';
}

}  // namespace

std::vector<GradeFinding> checker_findings_from_json(const std::string& text) {
  std::vector<GradeFinding> findings;
  const auto begin = text.find('[');
  const auto end = text.rfind(']');
  if (begin == std::string::npos || end == std::string::npos || end < begin) return findings;
  json::value parsed;
  try {
    parsed = json::parse(text.substr(begin, end - begin + 1));
  } catch (const std::exception&) {
    return findings;
  }
  if (!parsed.is_array()) return findings;
  for (const auto& entry : parsed.as_array()) {
    if (entry.is_object()) findings.push_back(finding_of(entry.as_object()));
  }
  return findings;
}

JudgeVerdict judge_static(const JudgeOptions& o, std::ostream& out) {
  TempDir dir("racelab-judge");
  const RunResult r = run_process(limited_request(o, dir.path()));
  if (r.exited_with(0) && !r.timed_out) {
    out << headline(o, judge_passed);
    return {judge_passed, {}};
  }
  out << headline(o, judge_failed);
  if (r.exited_with(1)) {
    JudgeVerdict verdict{judge_failed, {}};
    if (o.findings_as_data && !o.command.empty()) verdict.findings = checker_findings(o);
    out << "racelab-check found problems in your code:\n";
    print_output(r, out);
    out << what_to_do(o);
    return verdict;
  }
  out << "racelab-check could not analyse your code: "
      << (r.exited_with(2) ? std::string("it reported an error") : ending_summary(r, o.timeout_seconds)) << "\n";
  print_output(r, out);
  out << "Make sure your files compile (see the build step); " << what_to_do(o);
  return {judge_failed, {}};
}

}  // namespace racelab::lab
