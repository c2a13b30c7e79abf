// The graders' check that the exercise's concurrent work was done, in the
// student's words: from a WorkSummary (work_log.hpp) and what the exercise
// asks, the problems found, each a sentence that says what to change.
#pragma once

#include <string>
#include <vector>

#include "work_log.hpp"

namespace racelab::testing {

/// What one call of the student's function must show at the hooks.
struct WorkExpected {
  std::string call;       ///< the call, as the student reads it: "count_in_parallel(4 workers, 200 increments)"
  std::string hook;       ///< the hook: "fuzz()", "<< fuzz"
  std::string who;        ///< the threads, plural: "workers", "editors and the display"
  int threads = 0;        ///< at least this many threads besides the caller reach the hook…
  long steps = 0;         ///< …with at least this many calls between them…
  std::string per_step;   ///< …which is the rule of the README: "one call next to every increment"
  bool together = false;  ///< and two of those threads are alive at the same time
};

/// Every way `seen` falls short of `expected`; empty when the work was done as asked.
std::vector<std::string> work_problems(const WorkSummary& seen, const WorkExpected& expected);

}  // namespace racelab::testing
