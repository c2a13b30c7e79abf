#include "core/judge_headline.hpp"

#include "core/text.hpp"

#include <regex>

namespace racelab::lab {

std::string judge_headline(int exercise, Judge judge, JudgeStatus status) {
  return "exercise " + std::to_string(exercise) + " — " + judge_title(judge) + " judge: " + status_headline(status) +
         "\n";
}

std::string failure_summary(Judge judge, const std::string& output) {
  static const std::regex judge_headline(R"(^exercise \d+ — .* judge: (FAILED|could not run)$)");
  const auto lines = lines_of(output);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (!std::regex_match(lines[i], judge_headline)) continue;
    for (std::size_t j = i + 1; j < lines.size(); ++j) {
      std::string summary = trim(lines[j]);
      if (summary.empty()) continue;
      if (summary.back() == ':' && j + 1 < lines.size() && !trim(lines[j + 1]).empty()) {
        summary += " " + trim(lines[j + 1]);
      }
      return summary;
    }
    return trim(lines[i]);
  }
  for (const auto& line : lines) {
    if (line.rfind("Failed test dependencies:", 0) == 0) return "not run: " + trim(line);
  }
  if (judge == Judge::build) {
    for (const auto& line : lines) {
      if (line.find("error:") != std::string::npos) return "did not compile: " + trim(line);
    }
    return "the build failed (see its output)";
  }
  for (const auto& line : lines) {
    if (!trim(line).empty()) return trim(line);
  }
  return "failed, without output";
}

}  // namespace racelab::lab
