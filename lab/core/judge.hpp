#pragma once
/// \file
/// The judges, named once. Every judge's id ("tsan": ctest names, the course
/// file, records, report.json), its title ("ThreadSanitizer": sentences and
/// headings) and the order of the table's columns come from this enum.

#include <array>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>

namespace racelab::lab {

/// A judge of an exercise, in table order (the build step counts as one).
enum class Judge {
  build,         ///< the exercise's build step: does the student's code compile?
  functional,    ///< the grader's Boost.Test checks, built plainly
  tsan,          ///< the same checks built with -fsanitize=thread
  static_check,  ///< racelab-check on the student's sources
  perf,          ///< the perf exercises: the student's strategies against the reference, as ratios
};

/// Every judge, in table order.
inline constexpr std::array<Judge, 5> all_judges{Judge::build, Judge::functional, Judge::tsan, Judge::static_check,
                                                 Judge::perf};

/// The judges every exercise has (perf: only the perf exercises).
inline constexpr std::array<Judge, 4> grade_judges{Judge::build, Judge::functional, Judge::tsan,
                                                   Judge::static_check};

/// "build", "functional", "tsan", "static", "perf".
std::string judge_id(Judge judge);

/// "build", "functional tests", "ThreadSanitizer", "racelab-check", "perf".
std::string judge_title(Judge judge);

/// The judge whose id is `id`; nullopt when there is none.
std::optional<Judge> judge_from_id(std::string_view id);

/// Writes judge_id(judge).
std::ostream& operator<<(std::ostream& out, Judge judge);

}  // namespace racelab::lab
