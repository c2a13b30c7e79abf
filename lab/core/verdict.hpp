#pragma once
/// \file
/// Verdicts, named once: what one run of a judge concluded (its exit status,
/// its headline, its record) and what a judge's line of the grade says.

#include <iosfwd>
#include <string>

namespace racelab::lab {

/// What one run of a judge concluded; also the exit status of `racelab judge`.
enum JudgeStatus : int {
  judge_passed = 0,
  judge_failed = 1,
  judge_error = 2,  ///< the judge itself could not run
};

/// "passed", "failed", "error": as a judge's record says it.
std::string status_id(JudgeStatus status);

/// "passed", "FAILED", "could not run": as a judge's headline says it.
std::string status_headline(JudgeStatus status);

/// A judge's line in the grade. The verdict is ctest's: the judge's exit status,
/// or ctest's own word when the judge did not end (a time-out) or did not run.
enum class Verdict {
  pass,
  fail,
  timeout,   ///< ctest stopped it at its time limit
  not_run,   ///< ctest did not run it (its build failed, or it was never registered)
  withheld,  ///< a protected file it depends on was edited: no credit, whatever it said
};

/// "pass", "FAIL", "timeout", "not run", "withheld": the table's words, and report.json's.
std::string verdict_word(Verdict verdict);

/// FAIL, timeout and withheld: the judge did not pass, and says why (as opposed to not run).
bool is_failure(Verdict verdict);

/// Writes verdict_word(verdict).
std::ostream& operator<<(std::ostream& out, Verdict verdict);

}  // namespace racelab::lab
