#include "judge/hatch_check.hpp"

#include "judge/escape_hatches.hpp"
#include "judge/verdict_text.hpp"

#include <algorithm>
#include <ostream>

namespace racelab::lab {
namespace {

/// The escape hatches in the student's sources that dodge this judge.
std::vector<EscapeHatch> hatches_dodging(const JudgeOptions& o) {
  std::vector<EscapeHatch> dodging;
  for (auto& hatch : find_escape_hatches(o.sources, student_files(o.sources), o.sleep_allowed)) {
    if (hatch.dodges == o.judge) dodging.push_back(std::move(hatch));
  }
  return dodging;
}

GradeFinding finding_of(const EscapeHatch& hatch, const JudgeOptions& o) {
  GradeFinding f;
  f.judge = o.judge;
  f.kind = "escape hatch";
  f.message = hatch.message;
  f.file = absolute_in_sources(o, hatch.file);
  f.line = hatch.line;
  f.notes = {hatch.text};
  return f;
}

}  // namespace

std::vector<std::filesystem::path> student_files(const std::filesystem::path& sources) {
  static const std::vector<std::string> extensions{".c", ".cc", ".cpp", ".cxx", ".c++", ".h", ".hh", ".hpp",
                                                    ".hxx", ".h++", ".ipp", ".inl", ".tpp"};
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  if (sources.empty() || !std::filesystem::is_directory(sources, ec)) return files;
  std::filesystem::recursive_directory_iterator it(sources, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    const auto name = it->path().filename().string();
    if (it->is_directory(ec) && (name.rfind('.', 0) == 0 || name.rfind("build", 0) == 0)) {
      it.disable_recursion_pending();
      continue;
    }
    const auto ext = it->path().extension().string();
    if (it->is_regular_file(ec) && std::find(extensions.begin(), extensions.end(), ext) != extensions.end()) {
      files.push_back(it->path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::optional<JudgeVerdict> fail_for_escape_hatches(const JudgeOptions& o, std::ostream& out) {
  const auto hatches = hatches_dodging(o);
  if (hatches.empty()) return std::nullopt;
  out << headline(o, judge_failed);
  out << "your code tells " << judge_title(o.judge) << " to look away (" << hatches.size()
      << (hatches.size() == 1 ? " place" : " places") << "), so this judge gives no credit until "
      << (hatches.size() == 1 ? "it is" : "they are") << " gone:\n";
  JudgeVerdict verdict{judge_failed, {}};
  for (const auto& hatch : hatches) {
    out << "  " << hatch.file << ":" << hatch.line << ": " << hatch.text << "\n"
        << "    " << hatch.message << "\n";
    verdict.findings.push_back(finding_of(hatch, o));
  }
  out << what_to_do(o);
  return verdict;
}

}  // namespace racelab::lab
