#include "judge/tsan_finding.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <regex>
#include <sstream>

namespace racelab::lab {
namespace {

bool starts_with(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

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

/// "M0, M1": the mutexes TSan lists in "(mutexes: write M0, read M1)".
std::vector<std::string> held_mutexes(const std::string& words) {
  std::vector<std::string> mutexes;
  std::istringstream held(words);
  std::string word;
  while (held >> word) {
    if (!word.empty() && word.back() == ',') word.pop_back();
    if (starts_with(word, "M")) mutexes.push_back(word);
  }
  return mutexes;
}

/// One lock-order edge: `thread` locked `locked` while holding `held`.
struct Edge {
  std::string locked, held, thread;
  Site at, held_at;
};

/// Reads a raw report's sections, then words the finding's details by its kind.
class FindingReader {
public:
  FindingReader(const RawReport& report, const SiteMaker& sites) : report_(report), sites_(sites) {
    finding_.kind = classify(report);
    finding_.title = report.title;
    finding_.raw = report.text;
  }

  Finding read() {
    for (const auto& section : report_.sections) {
      if (section.header.empty()) {
        if (top_frames_.empty()) top_frames_ = section.frames;
      } else if (!read_access(section) && !read_object(section)) {
        read_mutex_or_thread(section);
      }
    }
    describe();
    return finding_;
  }

private:
  bool read_access(const Section& section) {
    static const std::regex access(
        R"(^(Previous )?((?:[Aa]tomic )?(?:[Rr]ead|[Ww]rite)) of size (\d+) at \S+ by (main thread|thread T\d+)(?: \(mutexes: ([^)]*)\))?:$)");
    std::smatch m;
    if (!std::regex_match(section.header, m, access)) return false;
    Access a;
    a.previous = m[1].matched;
    a.operation = lower_first(m[2]);
    a.size = std::stoi(m[3]);
    a.thread = thread_name(m[4]);
    if (m[5].matched) a.mutexes = held_mutexes(m[5].str());
    a.where = sites_.pick(section.frames);
    finding_.accesses.push_back(std::move(a));
    return true;
  }

  /// "Location is …": the object raced on; the first one named wins.
  bool read_object(const Section& section) {
    static const std::regex global(R"(^Location is global '(.*)' of size (\d+) at)");
    static const std::regex heap(R"(^Location is heap block of size (\d+) at \S+ allocated by (main thread|thread T\d+):$)");
    static const std::regex stack(R"(^Location is stack of (main thread|thread T\d+)\.?$)");
    static const std::regex tls(R"(^Location is TLS of (main thread|thread T\d+)\.?$)");
    static const std::regex fd(R"(^Location is file descriptor (\d+))");
    const auto& h = section.header;
    std::smatch m;
    std::string object;
    if (std::regex_search(h, m, global)) {
      if (m[1] != "??") object = "global '" + m[1].str() + "'";
    } else if (std::regex_match(h, m, heap)) {
      const Site at = sites_.pick(section.frames);
      object = "heap block of " + m[1].str() + " bytes";
      if (at.known()) object += " allocated at " + at.str();
    } else if (std::regex_match(h, m, stack)) {
      object = "a local variable of " + thread_name(m[1]);
    } else if (std::regex_match(h, m, tls)) {
      object = "thread-local storage of " + thread_name(m[1]);
    } else if (std::regex_search(h, m, fd)) {
      object = "file descriptor " + m[1].str();
    } else {
      return false;
    }
    if (finding_.object.empty()) finding_.object = object;
    return true;
  }

  void read_mutex_or_thread(const Section& section) {
    static const std::regex mutex_created(R"(^Mutex (M\d+) \(\S+\) created at:$)");
    static const std::regex mutex_edge(
        R"(^Mutex (M\d+) acquired here while holding mutex (M\d+) in (main thread|thread T\d+):$)");
    static const std::regex mutex_before(R"(^Mutex (M\d+) previously acquired by the same thread here:$)");
    static const std::regex cycle(R"(^Cycle in lock order graph: (.*)$)");
    static const std::regex thread_created(R"(^Thread (T\d+) \(tid=\d+, \w+\) created by (main thread|thread T\d+) at:$)");
    const auto& h = section.header;
    std::smatch m;
    if (std::regex_match(h, m, mutex_created)) {
      mutex_sites_[m[1]] = sites_.pick(section.frames);
    } else if (std::regex_match(h, m, mutex_edge)) {
      edges_.push_back({m[1], m[2], thread_name(m[3]), sites_.pick(section.frames), {}});
    } else if (std::regex_match(h, m, mutex_before)) {
      if (!edges_.empty()) edges_.back().held_at = sites_.pick(section.frames);
    } else if (std::regex_match(h, m, cycle)) {
      finding_.object = std::regex_replace(m[1].str(), std::regex(R"( \(0x[0-9a-fA-F]+\))"), "");
    } else if (std::regex_match(h, m, thread_created)) {
      thread_sites_[m[1]] = sites_.pick(section.frames);
    }
  }

  void describe() {
    switch (finding_.kind) {
      case FindingKind::data_race:
      case FindingKind::use_after_free: describe_race(); break;
      case FindingKind::lock_order: describe_lock_order(); break;
      case FindingKind::thread_leak: describe_thread_leak(); break;
      default: describe_other(); break;
    }
  }

  /// "M0 (first locked at counter.cpp:12:5), M1".
  [[nodiscard]] std::string mutex_words(const Access& a) const {
    std::string words;
    for (const auto& name : a.mutexes) {
      if (!words.empty()) words += ", ";
      words += name;
      const auto it = mutex_sites_.find(name);
      if (it != mutex_sites_.end() && it->second.known()) words += " (first locked at " + it->second.position() + ")";
    }
    return words;
  }

  void describe_race() {
    for (const auto& a : finding_.accesses) {
      std::string line = std::string(a.previous ? "previous " : "") + a.operation + " by " + a.thread;
      line += a.where.known() ? " at " + a.where.str() : (a.where.function.empty() ? "" : " in " + a.where.function);
      if (!a.mutexes.empty()) line += ", holding " + mutex_words(a);
      finding_.details.push_back(line);
      finding_.sites.push_back(a.where);
    }
    if (finding_.accesses.size() != 2) return;
    const auto& x = finding_.accesses[0].mutexes;
    const auto& y = finding_.accesses[1].mutexes;
    if (!x.empty() && !y.empty()) {
      const bool common = std::any_of(x.begin(), x.end(), [&](const auto& name) {
        return std::find(y.begin(), y.end(), name) != y.end();
      });
      if (!common) finding_.details.push_back("the two threads hold different mutexes, so neither protects it");
    } else if (x.empty() != y.empty()) {
      finding_.details.push_back("only one of the two accesses holds a mutex: both must hold the same one");
    }
  }

  void describe_lock_order() {
    for (const auto& e : edges_) {
      std::string line = e.thread + " locks " + e.locked;
      if (e.at.known()) line += " at " + e.at.str();
      line += " while holding " + e.held;
      if (e.held_at.known()) line += " (locked at " + e.held_at.position() + ")";
      finding_.details.push_back(line);
      finding_.sites.push_back(e.at);
    }
  }

  void describe_thread_leak() {
    for (const auto& [name, at] : thread_sites_) {
      finding_.object = "thread " + name;
      std::string line = "thread " + name;
      if (at.known()) line += ", started at " + at.str() + ",";
      line += " ended but was never joined (or detached)";
      finding_.details.push_back(line);
      finding_.sites.push_back(at);
    }
  }

  void describe_other() {
    const Site at = sites_.pick(top_frames_);
    std::string line;
    if (finding_.kind == FindingKind::signal_unsafe && !top_frames_.empty()) {
      line = top_frames_.front().function + " called";
    } else if (finding_.kind == FindingKind::crash) {
      line = "it crashed";
    } else {
      line = "reported";
    }
    if (at.known()) line += " at " + at.str();
    else if (!at.function.empty()) line += " in " + at.function;
    finding_.details.push_back(line);
    for (const auto& note : report_.notes) finding_.details.push_back(note);
    finding_.sites.push_back(at);
  }

  const RawReport& report_;
  const SiteMaker& sites_;
  Finding finding_;
  std::map<std::string, Site> mutex_sites_;
  std::map<std::string, Site> thread_sites_;
  std::vector<Edge> edges_;
  std::vector<Frame> top_frames_;
};

}  // namespace

Finding make_finding(const RawReport& report, const SiteMaker& sites) { return FindingReader(report, sites).read(); }

}  // namespace racelab::lab
