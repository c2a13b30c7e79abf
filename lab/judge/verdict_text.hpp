#pragma once
/// \file
/// The wording the judges share: the headline, "What to do", sections of output.

#include "judge/judge.hpp"

#include <iosfwd>
#include <string>
#include <vector>

namespace racelab::lab {

/// "exercise 3 — ThreadSanitizer judge: FAILED\n" for this judge run.
std::string headline(const JudgeOptions& options, JudgeStatus status);

/// "What to do: read the hints in exercises/01-counter/README.md\n".
std::string what_to_do(const JudgeOptions& options);

/// "--- title ---" and the text under it ("(nothing)" when empty).
void section(std::ostream& out, const std::string& title, const std::string& text);

/// The first `max_lines` lines, indented, and how many more there are.
std::string indent_lines(const std::vector<std::string>& lines, std::size_t max_lines);

/// "60 s", "2.5 s".
std::string seconds_text(double seconds);

}  // namespace racelab::lab
