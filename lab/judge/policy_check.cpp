#include "judge/policy_check.hpp"

#include "core/judge_record.hpp"
#include "core/text.hpp"
#include "judge/compile_database.hpp"
#include "judge/policy_cache.hpp"
#include "judge/static_judge.hpp"
#include "judge/verdict_text.hpp"
#include "sandbox/output.hpp"
#include "sandbox/process.hpp"
#include "sandbox/temp_dir.hpp"

#include <algorithm>
#include <fstream>
#include <ostream>

namespace racelab::lab {
namespace {

namespace fs = std::filesystem;

/// Enough for every finding of a file the build accepted; a longer answer is cut, not parsed.
constexpr std::size_t findings_bytes = 16u << 20;

/// The least time the checker is given, whatever the program's own limit.
constexpr double policy_seconds = 60;

/// The wall clock a check may take, in multiples of its CPU limit.
constexpr double wall_factor = 10;

/// `file` relative to the student's folder when inside it, as the other judges show places.
std::string shown_path(const JudgeOptions& o, const std::string& file) {
  if (o.sources.empty() || file.empty()) return file;
  const fs::path relative = fs::path(file).lexically_relative(fs::absolute(o.sources).lexically_normal());
  if (relative.empty() || *relative.begin() == "..") return file;
  return relative.string();
}

/// "counter.cpp:12:5: <why> [racelab-policy-reference]" and the checker's notes under it.
void print_finding(const JudgeOptions& o, const GradeFinding& f, std::ostream& out) {
  out << "  " << shown_path(o, f.file) << ":" << f.line << ":" << f.column << ": " << f.message << " [" << f.kind
      << "]\n";
  for (const auto& note : f.notes) {
    // The checker's notes carry their own place; the fix is about the line just shown.
    const auto at = note.find(": note: ");
    out << "    " << (at == std::string::npos ? note : note.substr(at + 8)) << "\n";
  }
}

JudgeVerdict policy_broken(const JudgeOptions& o, std::vector<GradeFinding> findings, std::ostream& out) {
  out << headline(o, judge_failed);
  out << "your code breaks exercise " << o.exercise << "'s grading policy (" << findings.size()
      << (findings.size() == 1 ? " place" : " places")
      << "), so no judge of this exercise gives credit until it keeps it:\n";
  for (auto& f : findings) {
    print_finding(o, f, out);
    f.judge = o.judge;
    f.kind = "policy: " + f.kind;
  }
  out << "What the exercise lets your code use is listed under \"What your code may use\" in its README.\n"
      << what_to_do(o);
  return {judge_failed, std::move(findings)};
}

JudgeVerdict policy_unchecked(const JudgeOptions& o, const std::string& why, const std::string& output,
                              std::ostream& out) {
  out << headline(o, judge_failed);
  out << "the grading policy could not be checked on your code (" << why
      << "), so this judge gives no credit. Make sure your files compile (see the build step); " << what_to_do(o);
  section(out, "racelab-check output", output);
  return {judge_failed, {}};
}

/// The compile database the policy reads: its folder and its text.
struct PolicyDatabase {
  fs::path folder;
  std::string text;
};

/// This variant's commands, written to `scratch`, when the judge names its targets and
/// they compile every student file; else the build's own.
PolicyDatabase policy_database(const JudgeOptions& o, const fs::path& scratch) {
  const fs::path whole = o.compile_commands / "compile_commands.json";
  std::error_code error;
  if (!fs::is_regular_file(whole, error)) return {o.compile_commands, ""};  // the checker says what is missing
  std::string text = read_text(whole);
  if (o.compile_targets.empty()) return {o.compile_commands, std::move(text)};
  auto own = commands_of_targets(text, o.compile_targets, o.student_files);
  if (!own) return {o.compile_commands, std::move(text)};
  std::ofstream(scratch / "compile_commands.json") << *own;
  return {scratch, std::move(*own)};
}

}  // namespace

std::vector<std::string> policy_command(const JudgeOptions& o, const fs::path& database) {
  if (o.policy.empty()) return {};
  std::vector<std::string> command{o.checker.string(), "--policy=" + o.policy.string(), "--grading",
                                   "--checks=-*", "--format=json", "-p", database.string()};
  for (const auto& file : o.student_files) command.push_back(file.string());
  return command;
}

std::optional<JudgeVerdict> fail_for_policy(const JudgeOptions& o, std::ostream& out) {
  if (o.policy.empty()) return std::nullopt;
  TempDir dir("racelab-policy");
  const PolicyDatabase database = policy_database(o, dir.path());
  // The same files, commands and checker checked by an earlier judge: its verdict.
  const auto key = database.text.empty() ? std::nullopt : policy_cache_key(o, database.text);
  const PolicyCheckLock lock(o, key);
  if (const auto known = key ? remembered_policy(o, *key) : std::nullopt) {
    if (known->clean) return std::nullopt;
    return policy_broken(o, checker_findings_from_json(known->findings), out);
  }
  const auto command = policy_command(o, database.folder);
  RunRequest request;
  request.command = command;
  // The checker's own limit, not the program's, and in CPU time: a short time limit for a
  // program that must not hang says nothing of how long parsing may take, and a machine
  // busy with other work slows the parse without making it fail. The wall clock only
  // ends a checker that waits on something forever.
  const double seconds = std::max(o.timeout_seconds, policy_seconds);
  request.cpu_limit = std::chrono::seconds(static_cast<long long>(seconds));
  request.time_limit = std::chrono::milliseconds(static_cast<long long>(seconds * wall_factor * 1000));
  request.output_file = dir.path() / "findings.json";
  request.output_limit = findings_bytes;
  request.unset_env = {results_dir_variable};
  const RunResult r = run_process(request);
  const std::string output = read_capped(request.output_file, findings_bytes);
  if (r.exited_with(0)) {
    if (key) remember_policy(o, *key, {true, ""});
    return std::nullopt;
  }
  if (r.exited_with(1)) {
    auto findings = checker_findings_from_json(output);
    if (!findings.empty()) {
      if (key) remember_policy(o, *key, {false, output});
      return policy_broken(o, std::move(findings), out);
    }
    return policy_unchecked(o, "it found problems but did not say which", output, out);
  }
  return policy_unchecked(o, r.exited_with(2) ? "racelab-check reported an error" : r.describe(), output, out);
}

}  // namespace racelab::lab
