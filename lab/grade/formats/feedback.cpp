#include "grade/formats/feedback.hpp"

namespace racelab::lab {

std::string judge_test_name(int exercise, Judge judge) {
  return "Exercise " + std::to_string(exercise) + " — " + judge_title(judge);
}

std::string access_line(const FindingAccess& a) {
  std::string text = a.operation.empty() ? "access" : a.operation;
  if (!a.file.empty()) {
    text += " at " + a.file;
    if (a.line > 0) text += ":" + std::to_string(a.line);
    if (a.column > 0) text += ":" + std::to_string(a.column);
  }
  if (!a.thread.empty()) text += " by " + a.thread;
  if (a.mutexes.empty()) {
    text += ", holding no lock";
  } else {
    text += ", holding";
    for (const auto& m : a.mutexes) text += " " + m;
  }
  return text;
}

std::string finding_text(const GradeFinding& f, const std::string& indent) {
  const auto position = finding_position(f);
  std::string text = indent + (position.empty() ? "" : position + ": ") + f.message + "\n";
  for (const auto& a : f.accesses) text += indent + "  " + access_line(a) + "\n";
  for (const auto& n : f.notes) text += indent + "  " + n + "\n";
  return text;
}

std::string judge_feedback(const JudgeOutcome& o) {
  std::string text;
  if (o.verdict != Verdict::pass && !o.summary.empty()) text += o.summary + "\n";
  if (!o.findings.empty()) {
    text += "\nFindings:\n";
    for (const auto& f : o.findings) text += finding_text(f, "  ");
  }
  if (!o.output.empty()) text += "\n--- judge output (capped) ---\n" + o.output;
  return text;
}

bool follows_from_build(const ExerciseOutcome& e, Judge judge, const JudgeOutcome& o) {
  return judge != Judge::build && o.verdict == Verdict::not_run && !e.compile_error.empty();
}

bool reported_once_elsewhere(const ExerciseOutcome& e, Judge judge, const JudgeOutcome& o) {
  return follows_from_build(e, judge, o) || o.verdict == Verdict::withheld;
}

}  // namespace racelab::lab
