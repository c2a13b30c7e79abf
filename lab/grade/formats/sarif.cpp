#include "grade/formats/sarif.hpp"

#include "grade/formats/feedback.hpp"

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

/// The rule a finding belongs to: the checker's check, or the judge and kind ("tsan-data-race").
std::string rule_id(const GradeFinding& f) {
  if (f.judge == Judge::static_check && f.kind.rfind("racelab-", 0) == 0) return f.kind;
  std::string id = judge_id(f.judge) + "-";
  for (char c : f.kind) id += (c == ' ' || c == '_') ? '-' : c;
  return id;
}

std::string rule_description(const GradeFinding& f) {
  if (f.judge == Judge::build) return "the code does not compile";
  return judge_title(f.judge) + ": " + f.kind;
}

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
  json::object physical{{"artifactLocation", artifact}};
  if (line > 0) {
    json::object region{{"startLine", line}};
    if (column > 0) region["startColumn"] = column;
    physical["region"] = region;
  }
  json::object location{{"physicalLocation", physical}};
  if (!message.empty()) location["message"] = json::object{{"text", message}};
  return location;
}

json::object sarif_result(const ExerciseOutcome& e, const GradeFinding& f, std::size_t rule_index) {
  std::string text = f.message.empty() ? f.kind : f.message;
  text += " (exercise " + std::to_string(e.number) + ", " + judge_title(f.judge) + ")";
  json::object result{{"ruleId", rule_id(f)},
                      {"ruleIndex", rule_index},
                      {"level", "error"},
                      {"message", json::object{{"text", text}}}};
  if (!f.file.empty()) result["locations"] = json::array{sarif_location(f.file, f.line, f.column)};
  json::array related;
  for (const auto& a : f.accesses) {
    if (!a.file.empty()) related.push_back(sarif_location(a.file, a.line, a.column, access_line(a)));
  }
  if (!related.empty()) result["relatedLocations"] = std::move(related);
  return result;
}

/// The rules in order of first use, and the results that refer to them by index.
struct Run {
  json::array rules;
  std::map<std::string, std::size_t> rule_index;
  json::array results;

  std::size_t rule(const std::string& id, const std::string& description) {
    if (!rule_index.count(id)) {
      rule_index[id] = rules.size();
      rules.push_back(json::object{{"id", id}, {"shortDescription", json::object{{"text", description}}}});
    }
    return rule_index[id];
  }
};

void add_edited_files(const GradeReport& report, Run& run) {
  if (report.edited.empty()) return;
  const std::string id = "racelab-protected-file";
  const auto index = run.rule(id, "a grader or other protected file is not as handed out");
  for (const auto& file : report.edited) {
    run.results.push_back(json::object{{"ruleId", id},
                                       {"ruleIndex", index},
                                       {"level", "error"},
                                       {"message", json::object{{"text", withheld_note(file)}}},
                                       {"locations", json::array{sarif_location(file.path, 0, 0)}}});
  }
}

}  // namespace

json::value sarif_log(const GradeReport& report) {
  Run run;
  for_each_judge(report, [&](const ExerciseOutcome& e, Judge, const JudgeOutcome& o) {
    for (const auto& f : o.findings) run.results.push_back(sarif_result(e, f, run.rule(rule_id(f), rule_description(f))));
  });
  add_edited_files(report, run);
  json::object driver{{"name", "racelab"}, {"version", RACELAB_VERSION}, {"rules", run.rules}};
  json::object root_description{{"description", json::object{{"text", "the repository root"}}}};
  json::object sarif_run{{"tool", json::object{{"driver", driver}}},
                         {"originalUriBaseIds", json::object{{"%SRCROOT%", root_description}}},
                         {"results", run.results}};
  return json::object{{"version", "2.1.0"},
                      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                      {"runs", json::array{sarif_run}}};
}

}  // namespace racelab::lab
