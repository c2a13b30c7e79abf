#include "grade/formats/sarif_rules.hpp"

#include "sarif/RuleHelp.h"

namespace racelab::lab {
namespace {

namespace json = boost::json;

json::object text(const std::string& text) { return json::object{{"text", text}}; }

/// What a judge finds and how to act on it: the full description and help of
/// its rules that have no page of their own.
struct JudgeHelp {
  std::string description;
  std::string help;  ///< Markdown
};

JudgeHelp judge_help(Judge judge) {
  switch (judge) {
    case Judge::build:
      return {"The exercise does not compile, so no other judge can run on it.",
              "Build the exercise as the grade does (`cmake --build --preset default`) and fix the first "
              "error the compiler reports: later errors often follow from it."};
    case Judge::functional:
      return {"A functional test of the exercise failed: the code does not do what the exercise asks.",
              "Run the exercise's tests (`ctest --preset default -L exerciseN`, N the exercise's number) and "
              "read the failed check: it says what was expected and what came out. The exercise's README "
              "explains what the code must do."};
    case Judge::tsan:
      return {"ThreadSanitizer saw two threads touch the same memory, at least one writing, with nothing "
              "ordering the two accesses (no common lock, no atomic, no join between them).",
              "The result names both accesses and the threads that made them. Protect every access to the "
              "variable with one mutex that both threads lock, make the variable `std::atomic`, or hand the "
              "data from one thread to the other (join, a queue) so that only one thread owns it at a time."};
    case Judge::static_check:
      return {"racelab-check, the kit's static checker, found a concurrency mistake in the code.",
              "Run `racelab-check` on the file to see the finding with its notes; each check's page in the "
              "kit's `checker/docs` explains what it finds and how to fix it."};
    case Judge::perf:
      return {"The perf judge measured the exercise and it does not meet the exercise's bar.",
              "Run the exercise's perf driver and compare with the exercise's README: it says which "
              "measurement is judged and what the bar is."};
  }
  return {"A judge of the racelab kit did not pass.", "See the exercise's README."};
}

json::object rule(const std::string& id, const std::string& summary, const std::string& full,
                  const std::string& markdown) {
  return json::object{{"id", id},
                      {"shortDescription", text(summary)},
                      {"fullDescription", text(full)},
                      {"help", json::object{{"text", markdown}, {"markdown", markdown}}},
                      {"defaultConfiguration", json::object{{"level", "error"}}}};
}

}  // namespace

std::string sarif_rule_id(const GradeFinding& f) {
  if (f.judge == Judge::static_check && f.kind.rfind("racelab-", 0) == 0) return f.kind;
  std::string id = judge_id(f.judge) + "-";
  for (char c : f.kind) id += (c == ' ' || c == '_') ? '-' : c;
  return id;
}

json::object sarif_rule(const GradeFinding& f) {
  const std::string id = sarif_rule_id(f);
  if (const auto page = sarif::checkHelp(id)) {
    auto descriptor = rule(id, page->ShortDescription, page->FullDescription, page->Markdown);
    if (!page->HelpUri.empty()) descriptor["helpUri"] = page->HelpUri;
    return descriptor;
  }
  const auto help = judge_help(f.judge);
  const std::string summary =
      f.judge == Judge::build ? "the code does not compile" : judge_title(f.judge) + ": " + f.kind;
  return rule(id, summary, help.description, help.help);
}

json::object protected_file_rule() {
  const std::string why =
      "A grader or another file the exercise hands out was changed. The grade withholds the exercise's credit: "
      "its judges would not be judging the exercise as handed out.";
  return rule(protected_file_rule_id, "a grader or other protected file is not as handed out", why,
              why + "\n\nRestore the file as it was handed out, and make your changes in the exercise's own "
                    "files.");
}

}  // namespace racelab::lab
