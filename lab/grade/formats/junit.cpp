#include "grade/formats/junit.hpp"

#include "core/xml.hpp"
#include "grade/formats/feedback.hpp"

#include <cstdio>

namespace racelab::lab {
namespace {

namespace pt = boost::property_tree;

std::string seconds_attribute(double seconds) {
  char text[32];
  std::snprintf(text, sizeof text, "%.3f", seconds);
  return text;
}

struct SuiteCounts {
  int tests = 0, failures = 0, skipped = 0;
  double seconds = 0;

  void add(const SuiteCounts& other) {
    tests += other.tests;
    failures += other.failures;
    skipped += other.skipped;
    seconds += other.seconds;
  }
};

SuiteCounts count_suite(const ExerciseOutcome& e) {
  SuiteCounts counts;
  for (const Judge judge : e.shown_judges()) {
    const JudgeOutcome& o = e.outcome(judge);
    ++counts.tests;
    if (is_failure(o.verdict)) ++counts.failures;
    else if (o.verdict != Verdict::pass) ++counts.skipped;
    counts.seconds += o.seconds;
  }
  return counts;
}

void set_counts(pt::ptree& element, const SuiteCounts& counts) {
  set_attribute(element, "tests", std::to_string(counts.tests));
  set_attribute(element, "failures", std::to_string(counts.failures));
  set_attribute(element, "errors", "0");
  set_attribute(element, "skipped", std::to_string(counts.skipped));
  set_attribute(element, "time", seconds_attribute(counts.seconds));
}

/// JUnit's failure type: why the judge did not pass.
std::string failure_type(Verdict verdict) { return verdict == Verdict::fail ? "failed" : verdict_word(verdict); }

void add_testcase(pt::ptree& suite, const ExerciseOutcome& e, Judge judge, const JudgeOutcome& o) {
  auto& testcase = add_element(suite, "testcase");
  set_attribute(testcase, "classname", e.label);
  set_attribute(testcase, "name", judge_title(judge));
  set_attribute(testcase, "time", seconds_attribute(o.seconds));
  if (is_failure(o.verdict)) {
    std::string findings;
    for (const auto& f : o.findings) findings += finding_text(f, "");
    auto& failure = add_text_element(testcase, "failure", findings);
    set_attribute(failure, "type", failure_type(o.verdict));
    set_attribute(failure, "message", o.summary);
  } else if (o.verdict != Verdict::pass) {
    set_attribute(add_element(testcase, "skipped"), "message", o.summary.empty() ? verdict_word(o.verdict) : o.summary);
  }
  if (!o.output.empty()) add_element(testcase, "system-out", o.output);
}

}  // namespace

std::string junit_xml(const GradeReport& report) {
  pt::ptree document;
  auto& suites = add_element(document, "testsuites");
  set_attribute(suites, "name", "racelab");
  SuiteCounts all;
  for (const auto& e : report.exercises) {
    if (!e.counts()) continue;
    const auto counts = count_suite(e);
    all.add(counts);
    auto& suite = add_element(suites, "testsuite");
    set_attribute(suite, "name", e.label + " " + e.folder);
    set_counts(suite, counts);
    for (const Judge judge : e.shown_judges()) add_testcase(suite, e, judge, e.outcome(judge));
  }
  set_counts(suites, all);
  return xml_document(document);
}

}  // namespace racelab::lab
