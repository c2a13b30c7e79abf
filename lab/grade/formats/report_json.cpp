#include "grade/formats/report_json.hpp"

#include "core/points.hpp"

#include <boost/json.hpp>

namespace racelab::lab {
namespace {

namespace json = boost::json;

/// How many judges ended each way, over the exercises that count.
struct Totals {
  int passed = 0, failed = 0, timeouts = 0, not_run = 0, withheld = 0, graded = 0, all_passed = 0;

  void count(Verdict verdict) {
    switch (verdict) {
      case Verdict::pass: ++passed; break;
      case Verdict::fail: ++failed; break;
      case Verdict::timeout: ++timeouts; break;
      case Verdict::withheld: ++withheld; break;
      case Verdict::not_run: ++not_run; break;
    }
  }
};

json::object judge_json(const JudgeOutcome& o) {
  return {{"status", verdict_word(o.verdict)},   {"summary", o.summary},
          {"output", o.output},                  {"seconds", o.seconds},
          {"points", points_json(o.points)},     {"max_points", points_json(o.max_points)},
          {"findings", findings_to_json(o.findings)}};
}

json::object exercise_json(const ExerciseOutcome& e, Totals& totals) {
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
    ++totals.graded;
    for (const Judge judge : e.shown_judges()) {
      const JudgeOutcome& outcome = e.outcome(judge);
      judges[judge_id(judge)] = judge_json(outcome);
      totals.count(outcome.verdict);
      clean = clean && outcome.verdict == Verdict::pass;
    }
  }
  if (clean) ++totals.all_passed;
  entry["judges"] = std::move(judges);
  return entry;
}

}  // namespace

json::value report_json(const GradeReport& report) {
  json::object root;
  root["source"] = report.source;
  root["course"] = report.course;
  root["course_file"] = report.course_file;
  Totals totals;
  json::array exercises;
  for (const auto& e : report.exercises) exercises.push_back(exercise_json(e, totals));
  root["exercises"] = std::move(exercises);
  json::array edited;
  for (const auto& file : report.edited) {
    edited.push_back(json::object{{"path", file.path}, {"exercise", file.exercise}, {"what", file.what}});
  }
  root["edited_files"] = std::move(edited);
  root["totals"] = {{"exercises", report.exercises.size()},   {"graded", totals.graded},
                    {"exercises_passed", totals.all_passed},  {"judges_passed", totals.passed},
                    {"judges_failed", totals.failed},         {"judges_timed_out", totals.timeouts},
                    {"judges_not_run", totals.not_run},       {"judges_withheld", totals.withheld},
                    {"points", points_json(report.points())}, {"max_points", points_json(report.max_points())}};
  return root;
}

}  // namespace racelab::lab
