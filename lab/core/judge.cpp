#include "core/judge.hpp"

#include <ostream>

namespace racelab::lab {

std::string judge_id(Judge judge) {
  switch (judge) {
    case Judge::build: return "build";
    case Judge::functional: return "functional";
    case Judge::tsan: return "tsan";
    case Judge::static_check: return "static";
    case Judge::perf: return "perf";
  }
  return "?";
}

std::string judge_title(Judge judge) {
  switch (judge) {
    case Judge::build: return "build";
    case Judge::functional: return "functional tests";
    case Judge::tsan: return "ThreadSanitizer";
    case Judge::static_check: return "racelab-check";
    case Judge::perf: return "perf";
  }
  return "?";
}

std::optional<Judge> judge_from_id(std::string_view id) {
  for (const Judge judge : all_judges) {
    if (judge_id(judge) == id) return judge;
  }
  return std::nullopt;
}

std::ostream& operator<<(std::ostream& out, Judge judge) { return out << judge_id(judge); }

}  // namespace racelab::lab
