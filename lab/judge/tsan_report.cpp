#include "judge/tsan_report.hpp"

#include "judge/tsan_finding.hpp"
#include "judge/tsan_raw_report.hpp"
#include "judge/tsan_site.hpp"

#include "core/regular_file.hpp"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

namespace racelab::lab {
namespace {

bool starts_with(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

}  // namespace

std::string Site::position() const {
  if (file.empty()) return function;
  std::string s = file;
  if (line > 0) s += ":" + std::to_string(line);
  if (column > 0) s += ":" + std::to_string(column);
  return s;
}

std::string Site::str() const {
  std::string s = position();
  if (!file.empty() && !function.empty()) s += " in " + function;
  return s;
}

std::string Finding::key() const {
  std::set<std::string> places;
  for (const auto& s : sites) places.insert(s.position());
  std::string k = std::to_string(static_cast<int>(kind)) + "|" + title + "|" + object;
  for (const auto& p : places) k += "|" + p;
  return k;
}

bool mentions_aslr_failure(const std::string& text) {
  return text.find("ThreadSanitizer: unexpected memory mapping") != std::string::npos;
}

void parse_tsan_text(const std::string& text, const std::filesystem::path& sources, TsanLog& log) {
  log.raw += text;
  if (mentions_aslr_failure(text)) log.aslr_failure = true;
  const SiteMaker sites(sources);
  for (const auto& report : split_reports(text)) {
    ++log.raw_reports;
    Finding finding = make_finding(report, sites);
    const auto key = finding.key();
    const auto same = std::find_if(log.findings.begin(), log.findings.end(),
                                   [&](const Finding& f) { return f.key() == key; });
    if (same != log.findings.end()) ++same->reports;
    else log.findings.push_back(std::move(finding));
  }
}

TsanLog read_tsan_logs(const std::filesystem::path& directory, const std::filesystem::path& sources,
                       const std::string& stem) {
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(directory, ec)) {
    const auto name = entry.path().filename().string();
    if (entry.is_regular_file(ec) && starts_with(name, stem + ".")) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  TsanLog log;
  for (const auto& file : files) {
    // The program can write in this folder: a FIFO or a link put at a log's name is not read
    // (the judge's watch on the folder reports it).
    try {
      parse_tsan_text(read_regular_file(file, 64u << 20), sources, log);
    } catch (const FileError&) {
    }
  }
  return log;
}

std::string kind_noun(FindingKind kind, int count) {
  const bool one = count == 1;
  switch (kind) {
    case FindingKind::data_race: return one ? "data race" : "data races";
    case FindingKind::lock_order: return one ? "lock-order inversion (potential deadlock)" : "lock-order inversions (potential deadlocks)";
    case FindingKind::thread_leak: return one ? "thread leak" : "thread leaks";
    case FindingKind::signal_unsafe: return one ? "signal-unsafe call in a signal handler" : "signal-unsafe calls in a signal handler";
    case FindingKind::bad_unlock: return one ? "bad unlock" : "bad unlocks";
    case FindingKind::use_after_free: return one ? "use after free" : "uses after free";
    case FindingKind::crash: return one ? "crash" : "crashes";
    case FindingKind::other: return one ? "other problem" : "other problems";
  }
  return "problem";
}

std::string summarise(const TsanLog& log) {
  std::vector<std::pair<FindingKind, int>> counts;
  for (const auto& f : log.findings) {
    auto it = std::find_if(counts.begin(), counts.end(), [&](const auto& c) { return c.first == f.kind; });
    if (it == counts.end()) counts.emplace_back(f.kind, 1);
    else ++it->second;
  }
  std::ostringstream out;
  out << "ThreadSanitizer found ";
  for (std::size_t i = 0; i < counts.size(); ++i) {
    if (i > 0) out << (i + 1 == counts.size() ? " and " : ", ");
    out << counts[i].second << ' ' << kind_noun(counts[i].first, counts[i].second);
  }
  if (log.raw_reports != static_cast<int>(log.findings.size())) {
    out << " (" << log.raw_reports << " reports, deduplicated)";
  }
  out << ":\n";
  constexpr std::size_t shown = 10;
  for (std::size_t i = 0; i < log.findings.size() && i < shown; ++i) {
    const auto& f = log.findings[i];
    out << "  ";
    switch (f.kind) {
      case FindingKind::data_race:
        if (starts_with(f.title, "data race on vptr")) {
          out << "data race on the vtable pointer of " << (f.object.empty() ? "an object" : f.object)
              << ": an object is destroyed (or built) while another thread calls a virtual function on it";
        } else {
          out << "data race" << (f.object.empty() ? "" : " on " + f.object);
        }
        break;
      case FindingKind::lock_order:
        out << "lock-order inversion (potential deadlock)" << (f.object.empty() ? "" : ": " + f.object);
        break;
      case FindingKind::crash:
        out << "crash: " << f.title;
        break;
      case FindingKind::signal_unsafe:
        out << "signal-unsafe call inside a signal handler";
        break;
      default:
        out << f.title << (f.object.empty() ? "" : " on " + f.object);
    }
    if (f.reports > 1) out << " (reported " << f.reports << " times)";
    out << '\n';
    for (const auto& d : f.details) out << "    " << d << '\n';
  }
  if (log.findings.size() > shown) {
    out << "  … and " << log.findings.size() - shown << " more (see the raw report below)\n";
  }
  return out.str();
}

}  // namespace racelab::lab
