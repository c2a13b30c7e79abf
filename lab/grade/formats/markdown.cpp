#include "grade/formats/markdown.hpp"

#include "core/points.hpp"
#include "grade/formats/feedback.hpp"

#include <algorithm>
#include <cctype>
#include <sstream>
#include <string_view>

namespace racelab::lab {
namespace {

/// `text` shown literally on one line of Markdown (a table cell, a bullet): a
/// student's message may hold anything. Every character GitHub's Markdown (GFM)
/// gives a meaning inline is backslash-escaped — `|` would end the cell, `<` open
/// HTML (`std::vector<int>` would vanish as a tag), a backtick a code span, `&`
/// an entity — a list marker at its start too, and line breaks become spaces.
std::string md_text(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n' || c == '\r') {
      if (!out.empty() && out.back() != ' ') out += ' ';
      continue;
    }
    static const std::string_view special = "\\`*_[]<>|~&";
    const bool list_marker = i == 0 && (c == '-' || c == '+' || c == '#');
    // An `_` between two letters or digits never starts emphasis in GFM
    // (counter_test.cpp): left as it is, the file stays readable as text.
    const auto alnum = [&](std::size_t at) { return at < text.size() && std::isalnum(static_cast<unsigned char>(text[at])); };
    const bool intraword = c == '_' && i > 0 && alnum(i - 1) && alnum(i + 1);
    if ((special.find(c) != std::string_view::npos && !intraword) || list_marker) out += '\\';
    out += c;
  }
  return out;
}

/// `text` as inline code: a fence longer than any run of backticks in it; in a
/// table cell, `|` escaped too (GFM splits the cells before it reads code).
std::string md_code(const std::string& text, bool in_table) {
  std::size_t longest = 0, run = 0;
  for (char c : text) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  std::string body;
  for (char c : text) {
    if (c == '|' && in_table) body += '\\';
    body += (c == '\n' || c == '\r') ? ' ' : c;
  }
  const std::string fence(longest + 1, '`');
  const bool pad = !body.empty() && (body.front() == '`' || body.back() == '`');
  return fence + (pad ? " " + body + " " : body) + fence;
}

std::string verdict_mark(Verdict verdict) {
  switch (verdict) {
    case Verdict::pass: return "✅ pass";
    case Verdict::fail: return "❌ fail";
    case Verdict::timeout: return "⏱ timeout";
    case Verdict::withheld: return "🚫 withheld";
    case Verdict::unmeasured: return "❔ not graded (could not measure)";
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
    out << "| " << e.number << ' ' << md_code(e.folder, true) << " |";
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
    bullets << "- **" << judge_title(judge) << "**: " << md_text(o.summary.empty() ? verdict_word(o.verdict) : o.summary)
            << "\n";
    for (const auto& f : o.findings) {
      const auto position = finding_position(f);
      bullets << "  - " << (position.empty() ? "" : md_code(position, false) + " ") << md_text(f.message) << "\n";
      for (const auto& a : f.accesses) bullets << "    - " << md_text(access_line(a)) << "\n";
    }
  }
  return bullets.str();
}

}  // namespace

std::string markdown_summary(const GradeReport& report) {
  std::ostringstream out;
  out << "## racelab grade: " << points_text(report.points()) << " of " << points_text(report.max_points())
      << " points\n\n";
  if (!report.course.empty()) out << "Course: " << md_text(report.course) << "\n\n";
  write_table(report, out);
  if (!report.not_isolated.empty()) out << "\n**" << md_text(not_isolated_line(report.not_isolated)) << "**\n";
  if (!report.edited.empty()) {
    out << "\n### Credit withheld\n\n";
    for (const auto& file : report.edited) out << "- " << md_text(withheld_note(file)) << "\n";
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
    out << "\n#### Exercise " << e.number << " (" << md_code(e.folder, false) << ")\n\n" << bullets;
  }
  return out.str();
}

}  // namespace racelab::lab
