#include "grade/formats/report_formats.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <ostream>
#include <sstream>

#ifndef RACELAB_VERSION
#define RACELAB_VERSION "0"
#endif

namespace racelab::lab {
namespace {

namespace json = boost::json;
namespace fs = std::filesystem;

// ---- shared wording ------------------------------------------------------

/// "write at exercises/01-counter/counter.cpp:21:5 by thread T2, holding M0"
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

/// A finding in plain text lines: position and message, then its accesses and notes.
std::string finding_text(const GradeFinding& f, const std::string& indent) {
  const auto position = finding_position(f);
  std::string text = indent + (position.empty() ? "" : position + ": ") + f.message + "\n";
  for (const auto& a : f.accesses) text += indent + "  " + access_line(a) + "\n";
  for (const auto& n : f.notes) text += indent + "  " + n + "\n";
  return text;
}

/// What a judge said, for formats that carry text: summary, findings, then the capped output.
std::string judge_feedback(const JudgeOutcome& o) {
  std::string text;
  if (o.status != "pass" && !o.summary.empty()) text += o.summary + "\n";
  if (!o.findings.empty()) {
    text += "\nFindings:\n";
    for (const auto& f : o.findings) text += finding_text(f, "  ");
  }
  if (!o.output.empty()) text += "\n--- judge output (capped) ---\n" + o.output;
  return text;
}

/// Each exercise that counts, with each judge it shows.
template <typename Visit>
void for_each_judge(const GradeReport& report, Visit visit) {
  for (const auto& e : report.exercises) {
    if (!e.counts()) continue;
    for (const auto& name : e.shown_judges()) {
      const auto found = e.judges.find(name);
      static const JudgeOutcome none;
      visit(e, name, found == e.judges.end() ? none : found->second);
    }
  }
}

/// A judge that was not run because its exercise did not compile is reported once, on the build judge.
bool follows_from_build(const ExerciseOutcome& e, const std::string& judge, const JudgeOutcome& o) {
  return judge != "build" && o.status == "not run" && !e.compile_error.empty();
}

/// Judges whose reason a report gives once for the exercise: those not run because it did not
/// compile (on its build judge), those withheld (on the edited file that withholds them).
bool reported_once_elsewhere(const ExerciseOutcome& e, const std::string& judge, const JudgeOutcome& o) {
  return follows_from_build(e, judge, o) || o.status == "withheld";
}

// ---- XML -----------------------------------------------------------------

std::string xml_escape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (unsigned char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        // XML 1.0 forbids most control characters, even escaped: a program's output may hold them.
        if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') out += "?";
        else out += static_cast<char>(c);
    }
  }
  return out;
}

std::string seconds_attribute(double seconds) {
  char text[32];
  std::snprintf(text, sizeof text, "%.3f", seconds);
  return text;
}

struct SuiteCounts {
  int tests = 0, failures = 0, skipped = 0;
  double seconds = 0;
};

SuiteCounts count_suite(const ExerciseOutcome& e) {
  SuiteCounts counts;
  for (const auto& name : e.shown_judges()) {
    const auto found = e.judges.find(name);
    const std::string status = found == e.judges.end() ? "not run" : found->second.status;
    ++counts.tests;
    if (status == "FAIL" || status == "timeout" || status == "withheld") ++counts.failures;
    else if (status != "pass") ++counts.skipped;
    if (found != e.judges.end()) counts.seconds += found->second.seconds;
  }
  return counts;
}

std::string junit_testcase(const ExerciseOutcome& e, const std::string& judge, const JudgeOutcome& o) {
  std::ostringstream out;
  out << "    <testcase classname=\"" << xml_escape(e.label) << "\" name=\"" << xml_escape(judge_display_name(judge))
      << "\" time=\"" << seconds_attribute(o.seconds) << "\">\n";
  std::string findings;
  for (const auto& f : o.findings) findings += finding_text(f, "");
  if (o.status == "FAIL" || o.status == "timeout" || o.status == "withheld") {
    const std::string type = o.status == "FAIL" ? "failed" : o.status;
    out << "      <failure type=\"" << type << "\" message=\"" << xml_escape(o.summary) << "\">" << xml_escape(findings)
        << "</failure>\n";
  } else if (o.status != "pass") {
    out << "      <skipped message=\"" << xml_escape(o.summary.empty() ? o.status : o.summary) << "\"/>\n";
  }
  if (!o.output.empty()) out << "      <system-out>" << xml_escape(o.output) << "</system-out>\n";
  out << "    </testcase>\n";
  return out.str();
}

// ---- Markdown ------------------------------------------------------------

std::string md_cell(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '|') out += "\\|";
    else if (c == '\n') out += ' ';
    else out += c;
  }
  return out;
}

std::string status_mark(const std::string& status) {
  if (status == "pass") return "✅ pass";
  if (status == "FAIL") return "❌ fail";
  if (status == "timeout") return "⏱ timeout";
  if (status == "withheld") return "🚫 withheld";
  return "➖ " + status;
}

// ---- SARIF ---------------------------------------------------------------

/// The rule a finding belongs to: the checker's check, or the judge and kind ("tsan-data-race").
std::string rule_id(const GradeFinding& f) {
  if (f.judge == "static" && f.kind.rfind("racelab-", 0) == 0) return f.kind;
  std::string id = f.judge + "-";
  for (char c : f.kind) id += (c == ' ' || c == '_') ? '-' : c;
  return id;
}

std::string rule_description(const GradeFinding& f) {
  if (f.judge == "static") return "racelab-check: " + f.kind;
  if (f.judge == "tsan") return "ThreadSanitizer: " + f.kind;
  if (f.judge == "build") return "the code does not compile";
  return judge_display_name(f.judge) + ": " + f.kind;
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
  text += " (exercise " + std::to_string(e.number) + ", " + judge_display_name(f.judge) + ")";
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

void write_text(const fs::path& file, const std::string& text) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (!out) throw GradeError{"cannot write " + file.string()};
}

}  // namespace

std::string points_text(double points) {
  const double rounded = std::round(points * 100) / 100;
  char text[32];
  std::snprintf(text, sizeof text, "%g", rounded);
  return text;
}

json::value points_json(double points) {
  const double rounded = std::round(points * 100) / 100;
  if (rounded == std::floor(rounded) && std::fabs(rounded) < 1e15) return static_cast<std::int64_t>(rounded);
  return rounded;
}

std::string judge_test_name(int exercise, const std::string& judge) {
  return "Exercise " + std::to_string(exercise) + " — " + judge_display_name(judge);
}

std::string finding_position(const GradeFinding& f) {
  if (f.file.empty()) return {};
  std::string text = f.file;
  if (f.line > 0) text += ":" + std::to_string(f.line);
  if (f.line > 0 && f.column > 0) text += ":" + std::to_string(f.column);
  return text;
}

json::array findings_to_json(const std::vector<GradeFinding>& findings) {
  json::array array;
  for (const auto& f : findings) {
    json::array accesses;
    for (const auto& a : f.accesses) {
      json::array mutexes;
      for (const auto& m : a.mutexes) mutexes.emplace_back(m);
      accesses.push_back(json::object{{"operation", a.operation}, {"file", a.file}, {"line", a.line},
                                      {"column", a.column},       {"thread", a.thread}, {"mutexes", mutexes}});
    }
    json::array notes;
    for (const auto& n : f.notes) notes.emplace_back(n);
    array.push_back(json::object{{"judge", f.judge},   {"kind", f.kind},         {"message", f.message},
                                 {"file", f.file},     {"line", f.line},         {"column", f.column},
                                 {"object", f.object}, {"accesses", accesses}, {"notes", notes}});
  }
  return array;
}

std::string junit_xml(const GradeReport& report) {
  std::ostringstream suites;
  SuiteCounts all;
  for (const auto& e : report.exercises) {
    if (!e.counts()) continue;
    const auto counts = count_suite(e);
    all.tests += counts.tests;
    all.failures += counts.failures;
    all.skipped += counts.skipped;
    all.seconds += counts.seconds;
    suites << "  <testsuite name=\"" << xml_escape(e.label + " " + e.folder) << "\" tests=\"" << counts.tests
           << "\" failures=\"" << counts.failures << "\" errors=\"0\" skipped=\"" << counts.skipped << "\" time=\""
           << seconds_attribute(counts.seconds) << "\">\n";
    for (const auto& name : e.shown_judges()) {
      const auto found = e.judges.find(name);
      suites << junit_testcase(e, name, found == e.judges.end() ? JudgeOutcome{} : found->second);
    }
    suites << "  </testsuite>\n";
  }
  std::ostringstream out;
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << "<testsuites name=\"racelab\" tests=\"" << all.tests << "\" failures=\"" << all.failures
      << "\" errors=\"0\" skipped=\"" << all.skipped << "\" time=\"" << seconds_attribute(all.seconds) << "\">\n"
      << suites.str() << "</testsuites>\n";
  return out.str();
}

json::value gradescope_results(const GradeReport& report) {
  json::array tests;
  std::string output = (report.course.empty() ? std::string("racelab") : report.course) + ": " +
                       points_text(report.points()) + " of " + points_text(report.max_points()) + " points.\n";
  for (const auto& e : report.exercises) {
    if (!e.graded && e.in_course) output += "Exercise " + std::to_string(e.number) + " is not in the submission.\n";
    if (!e.compile_error.empty()) {
      output += "Exercise " + std::to_string(e.number) + " did not compile: " + e.compile_error + "\n";
    }
  }
  for (const auto& file : report.edited) output += "Credit withheld: " + withheld_note(file) + ".\n";
  for_each_judge(report, [&](const ExerciseOutcome& e, const std::string& judge, const JudgeOutcome& o) {
    std::string feedback = follows_from_build(e, judge, o) ? "not run: did not compile: " + e.compile_error + "\n"
                                                           : judge_feedback(o);
    tests.push_back(json::object{{"name", judge_test_name(e.number, judge)},
                                 {"score", points_json(o.points)},
                                 {"max_score", points_json(o.max_points)},
                                 {"status", o.status == "pass" ? "passed" : "failed"},
                                 {"output", feedback},
                                 {"output_format", "text"},
                                 {"visibility", report.visibility}});
  });
  return json::object{{"score", points_json(report.points())}, {"max_score", points_json(report.max_points())},
                      {"output", output},              {"output_format", "text"},
                      {"visibility", report.visibility}, {"stdout_visibility", "hidden"},
                      {"tests", tests}};
}

std::string markdown_summary(const GradeReport& report) {
  const auto judges = report.shown_judges();
  std::ostringstream out;
  out << "## racelab grade: " << points_text(report.points()) << " of " << points_text(report.max_points())
      << " points\n\n";
  if (!report.course.empty()) out << "Course: " << md_cell(report.course) << "\n\n";
  out << "| exercise |";
  for (const auto& judge : judges) out << ' ' << judge_display_name(judge) << " |";
  out << " points |\n|---|";
  for (std::size_t i = 0; i < judges.size(); ++i) out << "---|";
  out << "---:|\n";
  for (const auto& e : report.exercises) {
    out << "| " << e.number << " `" << md_cell(e.folder) << "` |";
    if (!e.counts()) {
      const std::string why = !e.graded ? "not in the workspace" : "not graded: not in the course file";
      for (std::size_t i = 0; i < judges.size(); ++i) out << (i == 0 ? " " + why + " |" : " |");
      out << " – |\n";
      continue;
    }
    const auto shown = e.shown_judges();
    for (const auto& judge : judges) {
      const auto found = e.judges.find(judge);
      if (std::find(shown.begin(), shown.end(), judge) == shown.end()) {
        out << " |";
        continue;
      }
      const JudgeOutcome o = found == e.judges.end() ? JudgeOutcome{} : found->second;
      out << ' ' << status_mark(o.status) << ' ' << points_text(o.points) << '/' << points_text(o.max_points) << " |";
    }
    out << ' ' << points_text(e.points()) << '/' << points_text(e.max_points()) << " |\n";
  }
  if (!report.edited.empty()) {
    out << "\n### Credit withheld\n\n";
    for (const auto& file : report.edited) out << "- " << md_cell(withheld_note(file)) << "\n";
  }
  bool heading = false;
  for (const auto& e : report.exercises) {
    if (!e.counts()) continue;
    std::ostringstream bullets;
    for (const auto& judge : e.shown_judges()) {
      const auto found = e.judges.find(judge);
      if (found == e.judges.end() || found->second.status == "pass" ||
          reported_once_elsewhere(e, judge, found->second)) {
        continue;
      }
      const auto& o = found->second;
      bullets << "- **" << judge_display_name(judge) << "**: " << md_cell(o.summary.empty() ? o.status : o.summary)
              << "\n";
      for (const auto& f : o.findings) {
        const auto position = finding_position(f);
        bullets << "  - " << (position.empty() ? "" : "`" + position + "` ") << md_cell(f.message) << "\n";
        for (const auto& a : f.accesses) bullets << "    - " << md_cell(access_line(a)) << "\n";
      }
    }
    if (bullets.str().empty()) continue;
    if (!heading) {
      out << "\n### What to fix\n";
      heading = true;
    }
    out << "\n#### Exercise " << e.number << " (`" << md_cell(e.folder) << "`)\n\n" << bullets.str();
  }
  return out.str();
}

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
  for_each_judge(report, [&](const ExerciseOutcome& e, const std::string& judge, const JudgeOutcome& o) {
    if (o.status == "pass" || reported_once_elsewhere(e, judge, o)) return;
    const std::string title = "title=" + escape_annotation_property("exercise " + std::to_string(e.number) + " " +
                                                                     judge_display_name(judge));
    for (const auto& f : o.findings) {
      std::string properties;
      if (!f.file.empty()) {
        properties = "file=" + escape_annotation_property(f.file);
        if (f.line > 0) properties += ",line=" + std::to_string(f.line);
        if (f.line > 0 && f.column > 0) properties += ",col=" + std::to_string(f.column);
        properties += ",";
      }
      out += "::error " + properties + title + "::" + escape_annotation_message(f.message) + "\n";
    }
    if (o.findings.empty()) {
      out += "::error " + title + "::" + escape_annotation_message(o.summary.empty() ? o.status : o.summary) + "\n";
    }
  });
  return out;
}

json::value sarif_log(const GradeReport& report) {
  json::array rules;
  std::map<std::string, std::size_t> rule_index;
  json::array results;
  for_each_judge(report, [&](const ExerciseOutcome& e, const std::string&, const JudgeOutcome& o) {
    for (const auto& f : o.findings) {
      const auto id = rule_id(f);
      if (!rule_index.count(id)) {
        rule_index[id] = rules.size();
        rules.push_back(json::object{{"id", id}, {"shortDescription", json::object{{"text", rule_description(f)}}}});
      }
      results.push_back(sarif_result(e, f, rule_index[id]));
    }
  });
  if (!report.edited.empty()) {
    const std::string id = "racelab-protected-file";
    rule_index[id] = rules.size();
    rules.push_back(json::object{
        {"id", id},
        {"shortDescription", json::object{{"text", "a grader or other protected file is not as handed out"}}}});
    for (const auto& file : report.edited) {
      results.push_back(json::object{{"ruleId", id},
                                     {"ruleIndex", rule_index[id]},
                                     {"level", "error"},
                                     {"message", json::object{{"text", withheld_note(file)}}},
                                     {"locations", json::array{sarif_location(file.path, 0, 0)}}});
    }
  }
  json::object driver{{"name", "racelab"},
                      {"version", RACELAB_VERSION},
                      {"rules", rules}};
  json::object run{{"tool", json::object{{"driver", driver}}},
                   {"originalUriBaseIds",
                    json::object{{"%SRCROOT%", json::object{{"description",
                                                              json::object{{"text", "the repository root"}}}}}}},
                   {"results", results}};
  return json::object{{"version", "2.1.0"},
                      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                      {"runs", json::array{run}}};
}

std::vector<fs::path> write_reports(const GradeReport& report, const fs::path& dir) {
  std::vector<fs::path> written;
  auto write = [&](const std::string& name, const std::string& text) {
    write_text(dir / name, text);
    written.push_back(dir / name);
  };
  write("report.json", json::serialize(to_json(report)) + "\n");
  write("junit.xml", junit_xml(report));
  write("results.json", json::serialize(gradescope_results(report)) + "\n");
  const auto summary = markdown_summary(report);
  write("summary.md", summary);
  write("annotations.txt", github_annotations(report));
  write("racelab.sarif", json::serialize(sarif_log(report)) + "\n");
  // GitHub shows this file on the job's page; appending keeps what earlier steps wrote.
  if (const char* step_summary = std::getenv("GITHUB_STEP_SUMMARY"); step_summary != nullptr && *step_summary) {
    std::ofstream(step_summary, std::ios::app) << summary << '\n';
  }
  return written;
}

void print_github_annotations(const GradeReport& report, std::ostream& out) {
  const char* actions = std::getenv("GITHUB_ACTIONS");
  if (actions != nullptr && std::string(actions) == "true") out << github_annotations(report);
}

}  // namespace racelab::lab
