#include "judge/judge_record.hpp"

#include "judge/escape_hatches.hpp"
#include "sandbox/process.hpp"
#include "judge/tsan_report.hpp"

#include <boost/json.hpp>

#include <cstdlib>
#include <fstream>
#include <ostream>
#include <sstream>
#include <utility>

namespace racelab::lab {
namespace {

namespace json = boost::json;
namespace fs = std::filesystem;

/// A judge process runs one judge once: what it notes while running waits here.
std::vector<GradeFinding>& noted_findings() {
  static std::vector<GradeFinding> findings;
  return findings;
}

std::optional<fs::path> results_dir_from_environment() {
  const char* dir = std::getenv(results_dir_variable);
  if (dir == nullptr || *dir == '\0') return std::nullopt;
  return fs::path(dir);
}

/// Where this judge run records, read once as it starts (the student's
/// program is started without the variable).
std::optional<fs::path>& recording_dir() {
  static std::optional<fs::path> dir;
  return dir;
}

/// TSan shows files relative to --sources; the record holds absolute paths.
std::string absolute_under(const fs::path& sources, const std::string& file) {
  if (file.empty() || fs::path(file).is_absolute() || sources.empty()) return file;
  return (fs::absolute(sources) / file).lexically_normal().string();
}

json::array strings_to_json(const std::vector<std::string>& strings) {
  json::array array;
  for (const auto& s : strings) array.emplace_back(s);
  return array;
}

std::vector<std::string> strings_from_json(const json::value* value) {
  std::vector<std::string> strings;
  if (value == nullptr || !value->is_array()) return strings;
  for (const auto& s : value->as_array()) strings.push_back(json::value_to<std::string>(s));
  return strings;
}

std::string string_or_empty(const json::object& object, const char* key) {
  const auto* value = object.if_contains(key);
  return value != nullptr && value->is_string() ? json::value_to<std::string>(*value) : std::string();
}

int int_or_zero(const json::object& object, const char* key) {
  const auto* value = object.if_contains(key);
  return value != nullptr && value->is_number() ? value->to_number<int>() : 0;
}

json::object finding_to_json(const GradeFinding& f) {
  json::array accesses;
  for (const auto& a : f.accesses) {
    accesses.push_back(json::object{{"operation", a.operation}, {"file", a.file}, {"line", a.line},
                                    {"column", a.column}, {"thread", a.thread},
                                    {"mutexes", strings_to_json(a.mutexes)}});
  }
  return json::object{{"judge", f.judge},   {"kind", f.kind},         {"message", f.message},
                      {"file", f.file},     {"line", f.line},         {"column", f.column},
                      {"object", f.object}, {"accesses", accesses}, {"notes", strings_to_json(f.notes)}};
}

GradeFinding finding_from_json(const json::object& o) {
  GradeFinding f;
  f.judge = string_or_empty(o, "judge");
  f.kind = string_or_empty(o, "kind");
  f.message = string_or_empty(o, "message");
  f.file = string_or_empty(o, "file");
  f.line = int_or_zero(o, "line");
  f.column = int_or_zero(o, "column");
  f.object = string_or_empty(o, "object");
  f.notes = strings_from_json(o.if_contains("notes"));
  if (const auto* accesses = o.if_contains("accesses"); accesses != nullptr && accesses->is_array()) {
    for (const auto& entry : accesses->as_array()) {
      const auto& a = entry.as_object();
      f.accesses.push_back({string_or_empty(a, "operation"), string_or_empty(a, "file"), int_or_zero(a, "line"),
                            int_or_zero(a, "column"), string_or_empty(a, "thread"),
                            strings_from_json(a.if_contains("mutexes"))});
    }
  }
  return f;
}

/// The place to show for a TSan finding: the first access, else the first known site.
const Site* main_site(const Finding& finding) {
  for (const auto& access : finding.accesses) {
    if (access.where.known()) return &access.where;
  }
  for (const auto& site : finding.sites) {
    if (site.known()) return &site;
  }
  return nullptr;
}

GradeFinding from_tsan(const Finding& finding, const fs::path& sources) {
  GradeFinding f;
  f.judge = "tsan";
  f.kind = kind_noun(finding.kind, 1);
  f.object = finding.object;
  f.message = finding.object.empty() ? finding.title : f.kind + " on " + finding.object;
  if (const Site* site = main_site(finding)) {
    f.file = absolute_under(sources, site->file);
    f.line = site->line;
    f.column = site->column;
  }
  for (const auto& access : finding.accesses) {
    f.accesses.push_back({access.operation, absolute_under(sources, access.where.file), access.where.line,
                          access.where.column, access.thread, access.mutexes});
  }
  f.notes = finding.details;
  return f;
}

std::string verdict_word(int status) {
  if (status == judge_passed) return "passed";
  if (status == judge_failed) return "failed";
  return "error";
}

/// Written to a temporary name first, so that grade never reads half a record.
void write_record(const fs::path& dir, const JudgeRecord& record) {
  const auto file = record_file(dir, record.exercise, record.judge);
  const auto partial = fs::path(file.string() + ".partial");
  {
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    out << json::serialize(record_to_json(record)) << '\n';
    if (!out) return;  // a record is detail only: the verdict on stdout stands without it
  }
  std::error_code ec;
  fs::rename(partial, file, ec);
}

}  // namespace

json::value record_to_json(const JudgeRecord& record) {
  json::array findings;
  for (const auto& f : record.findings) findings.push_back(finding_to_json(f));
  return json::object{{"exercise", record.exercise}, {"judge", record.judge}, {"verdict", record.verdict},
                      {"summary", record.summary},   {"findings", findings}};
}

JudgeRecord record_from_json(const json::value& value) {
  const auto& o = value.as_object();
  JudgeRecord record;
  record.exercise = o.at("exercise").to_number<int>();
  record.judge = json::value_to<std::string>(o.at("judge"));
  record.verdict = json::value_to<std::string>(o.at("verdict"));
  record.summary = string_or_empty(o, "summary");
  for (const auto& f : o.at("findings").as_array()) record.findings.push_back(finding_from_json(f.as_object()));
  return record;
}

fs::path record_file(const fs::path& dir, int exercise, const std::string& judge) {
  return dir / ("exercise" + std::to_string(exercise) + "." + judge + ".json");
}

void note_tsan_findings(const TsanLog& log, const fs::path& sources) {
  for (const auto& finding : log.findings) noted_findings().push_back(from_tsan(finding, sources));
}

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
    if (!entry.is_object()) continue;
    const auto& d = entry.as_object();
    GradeFinding f;
    f.judge = "static";
    f.kind = string_or_empty(d, "check");
    f.message = string_or_empty(d, "message");
    f.file = string_or_empty(d, "file");
    f.line = int_or_zero(d, "line");
    f.column = int_or_zero(d, "column");
    if (const auto* notes = d.if_contains("notes"); notes != nullptr && notes->is_array()) {
      for (const auto& n : notes->as_array()) {
        if (!n.is_object()) continue;
        const auto& note = n.as_object();
        f.notes.push_back(string_or_empty(note, "file") + ":" + std::to_string(int_or_zero(note, "line")) + ":" +
                          std::to_string(int_or_zero(note, "column")) + ": note: " + string_or_empty(note, "message"));
      }
    }
    findings.push_back(std::move(f));
  }
  return findings;
}

void note_checker_findings(const JudgeOptions& options) {
  // The verdict comes from the checker's text run; this second run, only when
  // grade asks for records, gives the same findings as data.
  if (!recording_dir() || options.command.empty()) return;
  try {
    TempDir dir("racelab-check-json");
    RunRequest request;
    request.command = options.command;
    request.command.insert(request.command.begin() + 1, "--format=json");
    request.time_limit = std::chrono::seconds(static_cast<long long>(options.timeout_seconds));
    request.output_file = dir.path() / "findings.json";
    request.output_limit = 16u << 20;
    request.unset_env = {results_dir_variable};
    (void)run_process(request);
    for (auto& f : checker_findings_from_json(read_capped(request.output_file, 16u << 20))) {
      noted_findings().push_back(std::move(f));
    }
  } catch (const RunError&) {
    // No findings as data; the verdict and its text are unaffected.
  }
}

void note_escape_hatches(const JudgeOptions& options, const std::vector<EscapeHatch>& hatches) {
  for (const auto& hatch : hatches) {
    GradeFinding f;
    f.judge = judge_id(options.kind);
    f.kind = "escape hatch";
    f.message = hatch.message;
    f.file = absolute_under(options.sources, hatch.file);
    f.line = hatch.line;
    f.notes = {hatch.text};
    noted_findings().push_back(std::move(f));
  }
}

int run_judge(const JudgeOptions& options, std::ostream& out) {
  noted_findings().clear();
  recording_dir() = results_dir_from_environment();
  std::ostringstream text;
  const int status = run_judge_verdict(options, text);
  out << text.str() << std::flush;
  if (const auto dir = std::exchange(recording_dir(), std::nullopt)) {
    JudgeRecord record;
    record.exercise = options.exercise;
    record.judge = judge_id(options.kind);
    record.verdict = verdict_word(status);
    record.summary = status == judge_passed ? "" : failure_summary(record.judge, text.str());
    record.findings = std::move(noted_findings());
    write_record(*dir, record);
  }
  return status;
}

}  // namespace racelab::lab
