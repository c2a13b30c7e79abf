#include "grade/formats/table.hpp"

#include "core/points.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <numeric>
#include <optional>
#include <sstream>

namespace racelab::lab {
namespace {

/// Green for a pass, red for what did not pass, dim for the rest (not run, no such judge).
std::string paint(const std::string& text, std::optional<Verdict> verdict, bool color) {
  if (!color) return text;
  if (verdict == Verdict::pass) return "\033[32m" + text + "\033[0m";
  if (verdict && is_failure(*verdict)) return "\033[1;31m" + text + "\033[0m";
  return "\033[2m" + text + "\033[0m";
}

struct Columns {
  std::vector<Judge> judges;
  std::size_t first = 0;            ///< the exercise column
  std::vector<std::size_t> widths;  ///< one per judge
};

Columns columns_of(const GradeReport& report) {
  Columns c;
  c.judges = report.shown_judges();
  c.first = std::string("exercise").size();
  for (const auto& e : report.exercises) {
    c.first = std::max(c.first, std::to_string(e.number).size() + 1 + e.folder.size());
  }
  c.first += 2;
  for (const Judge judge : c.judges) c.widths.push_back(std::max<std::size_t>(judge_id(judge).size(), 7) + 2);
  return c;
}

void write_row(const ExerciseOutcome& e, const Columns& c, bool color, std::ostream& out) {
  out << pad_right(std::to_string(e.number) + " " + e.folder, c.first);
  if (!e.graded) {
    out << paint("not in workspace", std::nullopt, color) << '\n';
    return;
  }
  if (!e.in_course) {
    out << paint("not graded: not in the course file", std::nullopt, color) << '\n';
    return;
  }
  for (std::size_t i = 0; i < c.judges.size(); ++i) {
    if (!e.shows(c.judges[i])) {
      out << paint(pad_right("-", c.widths[i]), std::nullopt, color);
      continue;
    }
    const Verdict verdict = e.outcome(c.judges[i]).verdict;
    out << paint(pad_right(verdict_word(verdict), c.widths[i]), verdict, color);
  }
  out << points_text(e.points()) << "/" << points_text(e.max_points()) << '\n';
}

/// One reason per judge that did not pass; each edited file once (the judges it withholds would only repeat it).
void write_reasons(const GradeReport& report, std::ostream& out) {
  bool heading = !report.edited.empty();
  if (heading) out << "\nWhy:\n";
  for (const auto& file : report.edited) out << "  withheld: " << withheld_note(file) << '\n';
  for (const auto& e : report.exercises) {
    if (!e.counts()) continue;
    for (const Judge judge : e.shown_judges()) {
      const auto found = e.judges.find(judge);
      if (found == e.judges.end()) continue;
      const JudgeOutcome& o = found->second;
      // One reason per exercise that did not compile: its other judges only follow from it.
      if (o.verdict == Verdict::pass || o.verdict == Verdict::withheld || o.waits_for_build()) continue;
      if (!heading) {
        out << "\nWhy:\n";
        heading = true;
      }
      out << "  exercise " << e.number << " " << judge_id(judge) << ": "
          << (o.summary.empty() ? verdict_word(o.verdict) : o.summary) << '\n';
    }
  }
}

}  // namespace

std::string render_table(const GradeReport& report, bool color) {
  const Columns c = columns_of(report);
  std::ostringstream out;
  out << pad_right("exercise", c.first);
  for (std::size_t i = 0; i < c.judges.size(); ++i) out << pad_right(judge_id(c.judges[i]), c.widths[i]);
  out << "points\n";
  for (const auto& e : report.exercises) write_row(e, c, color, out);
  out << pad_right("total", c.first) << std::string(std::accumulate(c.widths.begin(), c.widths.end(), std::size_t{0}), ' ')
      << points_text(report.points()) << "/" << points_text(report.max_points()) << '\n';
  write_reasons(report, out);
  return out.str();
}

}  // namespace racelab::lab
