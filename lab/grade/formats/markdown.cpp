#include "grade/formats/markdown.hpp"

#include "core/points.hpp"
#include "grade/formats/feedback.hpp"

#include <sstream>

namespace racelab::lab {
namespace {

std::string md_cell(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '|') out += "\\|";
    else if (c == '\n') out += ' ';
    else out += c;
  }
  return out;
}

std::string verdict_mark(Verdict verdict) {
  switch (verdict) {
    case Verdict::pass: return "✅ pass";
    case Verdict::fail: return "❌ fail";
    case Verdict::timeout: return "⏱ timeout";
    case Verdict::withheld: return "🚫 withheld";
    case Verdict::not_run: break;
  }
  return "➖ " + verdict_word(verdict);
}

void write_table(const GradeReport& report, std::ostream& out) {
  const auto judges = report.shown_judges();
  out << "| exercise |";
  for (const Judge judge : judges) out << ' ' << judge_title(judge) << " |";
  out << " points |\n|---|";
  for (std::size_t i = 0; i < judges.size(); ++i) out << "---|";
  out << "---:|\n";
  for (const auto& e : report.exercises) {
    out << "| " << e.number << " `" << md_cell(e.folder) << "` |";
    if (!e.counts()) {
      const std::string why = !e.graded ? "not in the workspace" : "not graded: not in the course file";
      for (std::size_t i = 0; i < judges.size(); ++i) out << (i == 0 ? " " + why + " |" : " |");
      out << " – |\n";
      continue;
    }
    for (const Judge judge : judges) {
      if (!e.shows(judge)) {
        out << " |";
        continue;
      }
      const JudgeOutcome& o = e.outcome(judge);
      out << ' ' << verdict_mark(o.verdict) << ' ' << points_text(o.points) << '/' << points_text(o.max_points)
          << " |";
    }
    out << ' ' << points_text(e.points()) << '/' << points_text(e.max_points()) << " |\n";
  }
}

/// One bullet per judge that did not pass, its findings under it.
std::string what_to_fix(const ExerciseOutcome& e) {
  std::ostringstream bullets;
  for (const Judge judge : e.shown_judges()) {
    const auto found = e.judges.find(judge);
    if (found == e.judges.end() || found->second.verdict == Verdict::pass ||
        reported_once_elsewhere(e, judge, found->second)) {
      continue;
    }
    const auto& o = found->second;
    bullets << "- **" << judge_title(judge) << "**: " << md_cell(o.summary.empty() ? verdict_word(o.verdict) : o.summary)
            << "\n";
    for (const auto& f : o.findings) {
      const auto position = finding_position(f);
      bullets << "  - " << (position.empty() ? "" : "`" + position + "` ") << md_cell(f.message) << "\n";
      for (const auto& a : f.accesses) bullets << "    - " << md_cell(access_line(a)) << "\n";
    }
  }
  return bullets.str();
}

}  // namespace

std::string markdown_summary(const GradeReport& report) {
  std::ostringstream out;
  out << "## racelab grade: " << points_text(report.points()) << " of " << points_text(report.max_points())
      << " points\n\n";
  if (!report.course.empty()) out << "Course: " << md_cell(report.course) << "\n\n";
  write_table(report, out);
  if (!report.edited.empty()) {
    out << "\n### Credit withheld\n\n";
    for (const auto& file : report.edited) out << "- " << md_cell(withheld_note(file)) << "\n";
  }
  bool heading = false;
  for (const auto& e : report.exercises) {
    if (!e.counts()) continue;
    const auto bullets = what_to_fix(e);
    if (bullets.empty()) continue;
    if (!heading) {
      out << "\n### What to fix\n";
      heading = true;
    }
    out << "\n#### Exercise " << e.number << " (`" << md_cell(e.folder) << "`)\n\n" << bullets;
  }
  return out.str();
}

}  // namespace racelab::lab
