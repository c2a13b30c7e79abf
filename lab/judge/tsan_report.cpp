#include "judge/tsan_report.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

namespace racelab::lab {
namespace {

/// A header line of a report and the stack printed under it.
struct Section {
  std::string header;  ///< trimmed; empty for the frames right under WARNING
  std::vector<Frame> frames;
};

/// One raw report: its first line and its sections.
struct RawReport {
  bool is_error = false;  ///< "==pid==ERROR: …" (a deadly signal) rather than WARNING
  std::string title;
  std::vector<Section> sections;
  std::vector<std::string> notes;  ///< "==pid==The signal is caused by a WRITE memory access."
  std::string text;
};

bool starts_with(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

Frame parse_frame(std::string text) {
  static const std::regex build_id(R"(\s*\(BuildId: [0-9a-fA-F]+\)\s*$)");
  static const std::regex module(R"(\s*\([^()]*\+0x[0-9a-fA-F]+\)\s*$)");
  static const std::regex position(R"(^(.*?):(\d+)(?::(\d+))?$)");
  text = std::regex_replace(text, build_id, "");
  text = std::regex_replace(text, module, "");
  text = trim(text);
  Frame frame;
  const auto space = text.rfind(' ');
  const std::string location = space == std::string::npos ? text : text.substr(space + 1);
  frame.function = space == std::string::npos ? std::string() : text.substr(0, space);
  std::smatch m;
  if (location == "<null>") {
    // no file
  } else if (std::regex_match(location, m, position)) {
    frame.file = m[1];
    frame.line = std::stoi(m[2]);
    frame.column = m[3].matched ? std::stoi(m[3]) : 0;
  } else if (location.find('/') != std::string::npos) {
    frame.file = location;
  }
  return frame;
}

/// Splits log text into raw reports.
std::vector<RawReport> split_reports(const std::string& text) {
  static const std::regex warning(R"(^WARNING: ThreadSanitizer: (.*?)(?: \(pid=\d+\))?\s*$)");
  static const std::regex error(R"(^==\d+==ERROR: ThreadSanitizer: (.*?)(?: \(pc 0x.*)?\s*$)");
  static const std::regex pid_note(R"(^==\d+==(.*)$)");
  static const std::regex frame_line(R"(^\s+#\d+ (.*)$)");
  static const std::regex aborting(R"(^==\d+==ABORTING)");

  std::vector<RawReport> reports;
  RawReport* current = nullptr;
  bool in_section = false;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::smatch m;
    if (std::regex_match(line, m, warning) || std::regex_match(line, m, error)) {
      reports.emplace_back();
      current = &reports.back();
      current->is_error = line.rfind("==", 0) == 0;
      current->title = trim(m[1]);
      current->text = (current->is_error ? "" : "==================\n") + line + "\n";
      current->sections.push_back({});
      in_section = true;
      continue;
    }
    if (current == nullptr) continue;
    if (line == "==================" || std::regex_search(line, aborting)) {
      current->text += line + "\n";
      current = nullptr;
      continue;
    }
    current->text += line + "\n";
    if (starts_with(line, "SUMMARY:") || starts_with(trim(line), "ThreadSanitizer can not")) continue;
    if (std::regex_match(line, m, frame_line)) {
      if (!in_section) current->sections.push_back({});
      current->sections.back().frames.push_back(parse_frame(m[1]));
      in_section = true;
    } else if (std::regex_match(line, m, pid_note)) {
      current->notes.push_back(trim(m[1]));
      in_section = false;
    } else if (trim(line).empty()) {
      in_section = false;
    } else {
      current->sections.push_back({trim(line), {}});
      in_section = true;
    }
  }
  return reports;
}

/// Chooses the frame to show and turns it into a Site.
class SiteMaker {
public:
  explicit SiteMaker(const std::filesystem::path& sources)
      : sources_(sources.empty() ? std::string() : normal(sources.string())) {
    while (sources_.size() > 1 && sources_.back() == '/') sources_.pop_back();
  }

  [[nodiscard]] Site pick(const std::vector<Frame>& frames) const {
    const Frame* chosen = nullptr;
    for (const auto& f : frames) {
      if (f.line > 0 && inside(f.file)) { chosen = &f; break; }
    }
    if (!chosen) {
      for (const auto& f : frames) {
        if (f.line > 0) { chosen = &f; break; }
      }
    }
    if (!chosen) {
      for (const auto& f : frames) {
        if (!f.file.empty()) { chosen = &f; break; }
      }
    }
    if (!chosen) {
      Site site;
      if (!frames.empty()) site.function = frames.front().function;
      return site;
    }
    return {shown(chosen->file), chosen->line, chosen->column, chosen->function};
  }

private:
  static std::string normal(const std::string& path) {
    return std::filesystem::path(path).lexically_normal().string();
  }
  [[nodiscard]] bool inside(const std::string& file) const {
    if (sources_.empty() || file.empty()) return false;
    const auto n = normal(file);
    return n.size() > sources_.size() && starts_with(n, sources_) && n[sources_.size()] == '/';
  }
  [[nodiscard]] std::string shown(const std::string& file) const {
    const auto n = normal(file);
    return inside(file) ? n.substr(sources_.size() + 1) : n;
  }

  std::string sources_;
};

std::string thread_name(const std::string& tsan_words) {
  return tsan_words == "main thread" ? "the main thread" : tsan_words;
}

std::string lower_first(std::string s) {
  if (!s.empty()) s[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(s[0])));
  return s;
}

FindingKind classify(const RawReport& report) {
  const auto& t = report.title;
  if (report.is_error) return FindingKind::crash;
  if (starts_with(t, "data race")) return FindingKind::data_race;
  if (starts_with(t, "lock-order-inversion")) return FindingKind::lock_order;
  if (starts_with(t, "thread leak")) return FindingKind::thread_leak;
  if (starts_with(t, "signal-unsafe call")) return FindingKind::signal_unsafe;
  if (starts_with(t, "unlock of an unlocked mutex")) return FindingKind::bad_unlock;
  if (starts_with(t, "heap-use-after-free")) return FindingKind::use_after_free;
  return FindingKind::other;
}

Finding make_finding(const RawReport& report, const SiteMaker& sites) {
  static const std::regex access(
      R"(^(Previous )?((?:[Aa]tomic )?(?:[Rr]ead|[Ww]rite)) of size (\d+) at \S+ by (main thread|thread T\d+)(?: \(mutexes: ([^)]*)\))?:$)");
  static const std::regex global(R"(^Location is global '(.*)' of size (\d+) at)");
  static const std::regex heap(R"(^Location is heap block of size (\d+) at \S+ allocated by (main thread|thread T\d+):$)");
  static const std::regex stack(R"(^Location is stack of (main thread|thread T\d+)\.?$)");
  static const std::regex tls(R"(^Location is TLS of (main thread|thread T\d+)\.?$)");
  static const std::regex fd(R"(^Location is file descriptor (\d+))");
  static const std::regex mutex_created(R"(^Mutex (M\d+) \(\S+\) created at:$)");
  static const std::regex mutex_edge(
      R"(^Mutex (M\d+) acquired here while holding mutex (M\d+) in (main thread|thread T\d+):$)");
  static const std::regex mutex_before(R"(^Mutex (M\d+) previously acquired by the same thread here:$)");
  static const std::regex cycle(R"(^Cycle in lock order graph: (.*)$)");
  static const std::regex thread_created(R"(^Thread (T\d+) \(tid=\d+, \w+\) created by (main thread|thread T\d+) at:$)");

  Finding finding;
  finding.kind = classify(report);
  finding.title = report.title;
  finding.raw = report.text;

  std::map<std::string, Site> mutex_sites;
  std::map<std::string, Site> thread_sites;
  struct Edge { std::string locked, held, thread; Site at, held_at; };
  std::vector<Edge> edges;
  std::vector<Frame> top_frames;

  for (const auto& section : report.sections) {
    std::smatch m;
    const auto& h = section.header;
    if (h.empty()) {
      if (top_frames.empty()) top_frames = section.frames;
    } else if (std::regex_match(h, m, access)) {
      Access a;
      a.previous = m[1].matched;
      a.operation = lower_first(m[2]);
      a.size = std::stoi(m[3]);
      a.thread = thread_name(m[4]);
      if (m[5].matched) {
        std::istringstream held(m[5].str());
        std::string word;
        while (held >> word) {
          if (!word.empty() && word.back() == ',') word.pop_back();
          if (starts_with(word, "M")) a.mutexes.push_back(word);
        }
      }
      a.where = sites.pick(section.frames);
      finding.accesses.push_back(std::move(a));
    } else if (std::regex_search(h, m, global)) {
      if (finding.object.empty() && m[1] != "??") finding.object = "global '" + m[1].str() + "'";
    } else if (std::regex_match(h, m, heap)) {
      if (finding.object.empty()) {
        const Site at = sites.pick(section.frames);
        finding.object = "heap block of " + m[1].str() + " bytes";
        if (at.known()) finding.object += " allocated at " + at.str();
      }
    } else if (std::regex_match(h, m, stack)) {
      if (finding.object.empty()) finding.object = "a local variable of " + thread_name(m[1]);
    } else if (std::regex_match(h, m, tls)) {
      if (finding.object.empty()) finding.object = "thread-local storage of " + thread_name(m[1]);
    } else if (std::regex_search(h, m, fd)) {
      if (finding.object.empty()) finding.object = "file descriptor " + m[1].str();
    } else if (std::regex_match(h, m, mutex_created)) {
      mutex_sites[m[1]] = sites.pick(section.frames);
    } else if (std::regex_match(h, m, mutex_edge)) {
      edges.push_back({m[1], m[2], thread_name(m[3]), sites.pick(section.frames), {}});
    } else if (std::regex_match(h, m, mutex_before)) {
      if (!edges.empty()) edges.back().held_at = sites.pick(section.frames);
    } else if (std::regex_match(h, m, cycle)) {
      finding.object = std::regex_replace(m[1].str(), std::regex(R"( \(0x[0-9a-fA-F]+\))"), "");
    } else if (std::regex_match(h, m, thread_created)) {
      thread_sites[m[1]] = sites.pick(section.frames);
    }
  }

  auto mutex_words = [&](const Access& a) {
    std::string words;
    for (const auto& name : a.mutexes) {
      if (!words.empty()) words += ", ";
      words += name;
      const auto it = mutex_sites.find(name);
      if (it != mutex_sites.end() && it->second.known()) words += " (first locked at " + it->second.position() + ")";
    }
    return words;
  };

  switch (finding.kind) {
    case FindingKind::data_race:
    case FindingKind::use_after_free: {
      for (const auto& a : finding.accesses) {
        std::string line = std::string(a.previous ? "previous " : "") + a.operation + " by " + a.thread;
        line += a.where.known() ? " at " + a.where.str() : (a.where.function.empty() ? "" : " in " + a.where.function);
        if (!a.mutexes.empty()) line += ", holding " + mutex_words(a);
        finding.details.push_back(line);
        finding.sites.push_back(a.where);
      }
      if (finding.accesses.size() == 2 && !finding.accesses[0].mutexes.empty() &&
          !finding.accesses[1].mutexes.empty()) {
        const auto& x = finding.accesses[0].mutexes;
        const auto& y = finding.accesses[1].mutexes;
        const bool common = std::any_of(x.begin(), x.end(), [&](const auto& name) {
          return std::find(y.begin(), y.end(), name) != y.end();
        });
        if (!common) finding.details.push_back("the two threads hold different mutexes, so neither protects it");
      } else if (finding.accesses.size() == 2 &&
                 (finding.accesses[0].mutexes.empty() != finding.accesses[1].mutexes.empty())) {
        finding.details.push_back("only one of the two accesses holds a mutex: both must hold the same one");
      }
      break;
    }
    case FindingKind::lock_order:
      for (const auto& e : edges) {
        std::string line = e.thread + " locks " + e.locked;
        if (e.at.known()) line += " at " + e.at.str();
        line += " while holding " + e.held;
        if (e.held_at.known()) line += " (locked at " + e.held_at.position() + ")";
        finding.details.push_back(line);
        finding.sites.push_back(e.at);
      }
      break;
    case FindingKind::thread_leak:
      for (const auto& [name, at] : thread_sites) {
        finding.object = "thread " + name;
        std::string line = "thread " + name;
        if (at.known()) line += ", started at " + at.str() + ",";
        line += " ended but was never joined (or detached)";
        finding.details.push_back(line);
        finding.sites.push_back(at);
      }
      break;
    default: {
      const Site at = sites.pick(top_frames);
      std::string line;
      if (finding.kind == FindingKind::signal_unsafe && !top_frames.empty()) {
        line = top_frames.front().function + " called";
      } else if (finding.kind == FindingKind::crash) {
        line = "it crashed";
      } else {
        line = "reported";
      }
      if (at.known()) line += " at " + at.str();
      else if (!at.function.empty()) line += " in " + at.function;
      finding.details.push_back(line);
      for (const auto& note : report.notes) finding.details.push_back(note);
      finding.sites.push_back(at);
      break;
    }
  }
  return finding;
}

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
    if (entry.is_regular_file() && starts_with(name, stem + ".")) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  TsanLog log;
  for (const auto& file : files) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    parse_tsan_text(text.str(), sources, log);
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
