#include "judge/verdict_text.hpp"

#include "core/display_path.hpp"
#include "core/judge_headline.hpp"

#include <cmath>
#include <iomanip>
#include <ostream>
#include <sstream>

namespace racelab::lab {

std::string headline(const JudgeOptions& o, JudgeStatus status) { return judge_headline(o.exercise, o.judge, status); }

std::string what_to_do(const JudgeOptions& o) {
  if (o.readme.empty()) return "What to do: read the hints in the exercise's README.md\n";
  return "What to do: read the hints in " + repository_path(o.readme) + "\n";
}

void section(std::ostream& out, const std::string& title, const std::string& text) {
  out << "--- " << title << " ---\n";
  if (text.empty()) {
    out << "(nothing)\n";
  } else {
    out << text;
    if (text.back() != '\n') out << '\n';
  }
}

std::string indent_lines(const std::vector<std::string>& lines, std::size_t max_lines) {
  std::string text;
  for (std::size_t i = 0; i < lines.size() && i < max_lines; ++i) text += "  " + lines[i] + "\n";
  if (lines.size() > max_lines) {
    text += "  … and " + std::to_string(lines.size() - max_lines) + " more (see the output below)\n";
  }
  return text;
}

std::string seconds_text(double seconds) {
  std::ostringstream s;
  if (std::floor(seconds) == seconds) s << static_cast<long long>(seconds);
  else s << std::setprecision(3) << seconds;
  return s.str() + " s";
}

}  // namespace racelab::lab
