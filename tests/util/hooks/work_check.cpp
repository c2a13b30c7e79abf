// The graders' check that the concurrent work was done (see work_check.hpp).
#include "work_check.hpp"

namespace racelab::testing {

namespace {

std::string times(long count) { return std::to_string(count) + (count == 1 ? " time" : " times"); }

}  // namespace

std::vector<std::string> work_problems(const WorkSummary& seen, const WorkExpected& expected) {
  std::vector<std::string> problems;
  const std::string& hook = expected.hook;
  if (expected.threads > 0 && seen.threads == 0) {
    if (seen.steps_on_caller > 0) {
      problems.push_back(expected.call + ": all the work ran on the thread that called it (" + hook + " was reached " +
                         times(seen.steps_on_caller) + ", always from the caller's thread). The exercise is to " +
                         "do it with " + std::to_string(expected.threads) + " threads of their own: start the " +
                         expected.who + ", let each do its share, then wait for them.");
    } else {
      problems.push_back(expected.call + ": " + hook + " was never reached, so the grader cannot see which " +
                         "threads did the work. Keep " + hook + " where the starter has it: " + expected.per_step +
                         " (README.md, the hooks).");
    }
    return problems;
  }
  if (seen.threads < expected.threads) {
    problems.push_back(expected.call + ": only " + std::to_string(seen.threads) + " thread(s) besides the caller " +
                       "reached " + hook + "; the exercise asks for " + std::to_string(expected.threads) + " (" +
                       expected.who + "), each a thread of its own doing its own share of the work.");
  }
  if (seen.steps < expected.steps) {
    problems.push_back(expected.call + ": the " + expected.who + " reached " + hook + " " + times(seen.steps) +
                       " where at least " + std::to_string(expected.steps) + " were expected: " + expected.per_step +
                       ". The grader counts them to see which threads did the work, and times some tests by them "
                       "(README.md, the hooks).");
  }
  if (expected.together && seen.threads >= 2 && !seen.overlapped) {
    problems.push_back(expected.call + ": the " + expected.who + " ran one after another: each thread had ended " +
                       "before the next one started. Start all of them first, then wait for them (join), so that " +
                       "they run at the same time.");
  }
  return problems;
}

}  // namespace racelab::testing
