#include "grade/formats/sarif.hpp"

#include "grade/formats/feedback.hpp"
#include "grade/formats/sarif_rules.hpp"
#include "sarif/Fingerprint.h"
#include "sarif/RuleHelp.h"

#include <boost/json.hpp>

#include <cctype>
#include <map>

#ifndef RACELAB_VERSION
#define RACELAB_VERSION "0"
#endif

namespace racelab::lab {
namespace {

namespace json = boost::json;
namespace fs = std::filesystem;

/// Percent-encodes what may not stand in a URI path (RFC 3986), keeping '/'.
std::string uri_path(const std::string& path) {
  static const char hex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

/// A relative path is relative to the repository root (%SRCROOT%); an absolute one becomes a file URI.
json::object sarif_location(const std::string& file, int line, int column, const std::string& message = {}) {
  json::object artifact;
  if (fs::path(file).is_absolute()) {
    artifact["uri"] = "file://" + uri_path(file);
  } else {
    artifact["uri"] = uri_path(file);
    artifact["uriBaseId"] = "%SRCROOT%";
  }
  // Without a line (an edited grader: the whole file), its first line: code
  // scanning places a result by its region, and SARIF2017 asks for one.
  json::object region{{"startLine", line > 0 ? line : 1}};
  if (line > 0 && column > 0) region["startColumn"] = column;
  json::object physical{{"artifactLocation", artifact}, {"region", region}};
  json::object location{{"physicalLocation", physical}};
  if (!message.empty()) location["message"] = json::object{{"text", message}};
  return location;
}

/// The rules in order of first use, the results that refer to them by index,
/// and the fingerprints that follow each result from one grading to the next.
struct Run {
  json::array rules;
  std::map<std::string, std::size_t> rule_index;
  json::array results;
  sarif::Fingerprints fingerprints;

  std::size_t rule(const std::string& id, const json::object& descriptor) {
    if (!rule_index.count(id)) {
      rule_index[id] = rules.size();
      rules.push_back(descriptor);
    }
    return rule_index[id];
  }

  void add(const std::string& rule_id, std::size_t index, const std::string& text, json::array locations) {
    const auto* first = locations.empty() ? nullptr : locations.front().as_object().if_contains("physicalLocation");
    const std::string uri = first ? std::string(first->at("artifactLocation").at("uri").as_string()) : "";
    json::object result{{"ruleId", rule_id},
                        {"ruleIndex", index},
                        {"level", "error"},
                        {"message", json::object{{"text", text}}},
                        {"partialFingerprints",
                         json::object{{sarif::FingerprintKey, fingerprints.next(rule_id, uri, text)}}}};
    if (!locations.empty()) result["locations"] = std::move(locations);
    results.push_back(std::move(result));
  }
};

void add_finding(const ExerciseOutcome& e, const GradeFinding& f, Run& run) {
  const std::string id = sarif_rule_id(f);
  const auto index = run.rule(id, sarif_rule(f));
  std::string text = f.message.empty() ? f.kind : f.message;
  text += " (exercise " + std::to_string(e.number) + ", " + judge_title(f.judge) + ")";
  json::array locations;
  if (!f.file.empty()) locations.push_back(sarif_location(f.file, f.line, f.column));
  run.add(id, index, text, std::move(locations));
  json::array related;
  for (const auto& a : f.accesses) {
    if (!a.file.empty()) related.push_back(sarif_location(a.file, a.line, a.column, access_line(a)));
  }
  if (!related.empty()) run.results.back().as_object()["relatedLocations"] = std::move(related);
}

void add_edited_files(const GradeReport& report, Run& run) {
  if (report.edited.empty()) return;
  const auto index = run.rule(protected_file_rule_id, protected_file_rule());
  for (const auto& file : report.edited) {
    run.add(protected_file_rule_id, index, withheld_note(file), json::array{sarif_location(file.path, 0, 0)});
  }
}

/// Why the grade is incomplete, one notification per judge that gave no
/// verdict: not graded (the perf judge on a busy machine), or could not run
/// (its record says so, or ctest did not run it for another reason than the
/// student's build, e.g. the kit's own tools did not build). Such a judge has
/// no finding to show, so SARIF says it of the run, not as a result.
json::array incomplete_notifications(const GradeReport& report) {
  json::array notes;
  for_each_judge(report, [&](const ExerciseOutcome& e, Judge judge, const JudgeOutcome& o) {
    const bool not_graded = o.verdict == Verdict::unmeasured;
    const bool not_run = o.could_not_run || (o.verdict == Verdict::not_run && !o.waits_for_build());
    if (!not_graded && !not_run) return;
    const std::string why = o.summary.empty() ? verdict_word(o.verdict) : o.summary;
    const std::string judge_name = "exercise " + std::to_string(e.number) + " " + judge_title(judge) + " judge";
    // An unmeasured judge's summary already says "not graded, no points lost or given: …".
    const std::string text =
        not_graded ? judge_name + ": " + why : judge_name + " could not run, so the grade is incomplete: " + why;
    notes.push_back(json::object{{"level", not_graded ? "warning" : "error"}, {"message", json::object{{"text", text}}}});
  });
  return notes;
}

}  // namespace

json::value sarif_log(const GradeReport& report) {
  Run run;
  for_each_judge(report, [&](const ExerciseOutcome& e, Judge, const JudgeOutcome& o) {
    for (const auto& f : o.findings) add_finding(e, f, run);
  });
  add_edited_files(report, run);
  json::object driver{{"name", "racelab"},
                      {"version", RACELAB_VERSION},
                      {"informationUri", sarif::informationUri("lab/README.md")},
                      {"rules", run.rules}};
  json::object root_description{{"description", json::object{{"text", "the repository root"}}}};
  // The grade's own errors stop it before any report; a judge that gave no
  // verdict makes the run unsuccessful, so that a code-scanning tool does not
  // read its missing results as clean code.
  json::array notes = incomplete_notifications(report);
  json::object invocation{{"executionSuccessful", notes.empty()}};
  if (!notes.empty()) invocation["toolExecutionNotifications"] = std::move(notes);
  json::object sarif_run{{"tool", json::object{{"driver", driver}}},
                         {"invocations", json::array{invocation}},
                         {"originalUriBaseIds", json::object{{"%SRCROOT%", root_description}}},
                         {"results", run.results}};
  return json::object{{"version", "2.1.0"},
                      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                      {"runs", json::array{sarif_run}}};
}

}  // namespace racelab::lab
