#include "grade/formats/annotations.hpp"

#include "grade/formats/feedback.hpp"

#include <cstdlib>
#include <ostream>

namespace racelab::lab {
namespace {

/// "file=counter.cpp,line=21,col=5," for a finding with a file; empty otherwise.
std::string place_properties(const GradeFinding& f) {
  if (f.file.empty()) return {};
  std::string properties = "file=" + escape_annotation_property(f.file);
  if (f.line > 0) properties += ",line=" + std::to_string(f.line);
  if (f.line > 0 && f.column > 0) properties += ",col=" + std::to_string(f.column);
  return properties + ",";
}

}  // namespace

std::string escape_annotation_message(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '%') out += "%25";
    else if (c == '\r') out += "%0D";
    else if (c == '\n') out += "%0A";
    else out += c;
  }
  return out;
}

std::string escape_annotation_property(const std::string& text) {
  std::string out;
  for (char c : escape_annotation_message(text)) {
    if (c == ':') out += "%3A";
    else if (c == ',') out += "%2C";
    else out += c;
  }
  return out;
}

std::string github_annotations(const GradeReport& report) {
  std::string out;
  for (const auto& file : report.edited) {
    out += "::error file=" + escape_annotation_property(file.path) +
           ",title=" + escape_annotation_property("protected file not as handed out") +
           "::" + escape_annotation_message(withheld_note(file)) + "\n";
  }
  for_each_judge(report, [&](const ExerciseOutcome& e, Judge judge, const JudgeOutcome& o) {
    if (o.verdict == Verdict::pass || reported_once_elsewhere(e, judge, o)) return;
    const std::string title =
        "title=" + escape_annotation_property("exercise " + std::to_string(e.number) + " " + judge_title(judge));
    for (const auto& f : o.findings) {
      out += "::error " + place_properties(f) + title + "::" + escape_annotation_message(f.message) + "\n";
    }
    if (o.findings.empty()) {
      out += "::error " + title + "::" +
             escape_annotation_message(o.summary.empty() ? verdict_word(o.verdict) : o.summary) + "\n";
    }
  });
  return out;
}

void print_github_annotations(const GradeReport& report, std::ostream& out) {
  const char* actions = std::getenv("GITHUB_ACTIONS");
  if (actions != nullptr && std::string(actions) == "true") out << github_annotations(report);
}

}  // namespace racelab::lab
