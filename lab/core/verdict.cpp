#include "core/verdict.hpp"

#include <ostream>

namespace racelab::lab {

std::string status_id(JudgeStatus status) {
  switch (status) {
    case judge_passed: return "passed";
    case judge_failed: return "failed";
    case judge_error: return "error";
  }
  return "error";
}

std::string status_headline(JudgeStatus status) {
  switch (status) {
    case judge_passed: return "passed";
    case judge_failed: return "FAILED";
    case judge_error: return "could not run";
  }
  return "could not run";
}

std::string verdict_word(Verdict verdict) {
  switch (verdict) {
    case Verdict::pass: return "pass";
    case Verdict::fail: return "FAIL";
    case Verdict::timeout: return "timeout";
    case Verdict::not_run: return "not run";
    case Verdict::withheld: return "withheld";
  }
  return "not run";
}

bool is_failure(Verdict verdict) {
  return verdict == Verdict::fail || verdict == Verdict::timeout || verdict == Verdict::withheld;
}

std::ostream& operator<<(std::ostream& out, Verdict verdict) { return out << verdict_word(verdict); }

}  // namespace racelab::lab
