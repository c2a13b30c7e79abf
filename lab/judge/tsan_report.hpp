#pragma once
/// \file
/// Turning ThreadSanitizer's log files into findings a student can read:
/// the kind, the object, the two accesses and their threads.

#include <filesystem>
#include <string>
#include <vector>

namespace racelab::lab {

/// One frame of a TSan stack: `#3 function file:line:col (module+0x…)`.
struct Frame {
  std::string function;
  std::string file;  ///< empty when TSan printed <null>
  int line = 0;
  int column = 0;
};

/// Where something happened, as shown to the student.
struct Site {
  std::string file;  ///< relative to --sources when inside it
  int line = 0;
  int column = 0;
  std::string function;

  [[nodiscard]] bool known() const { return !file.empty(); }
  /// "counter.cpp:21:13 in racelab::worker(long)"
  [[nodiscard]] std::string str() const;
  /// "counter.cpp:21:13"
  [[nodiscard]] std::string position() const;
};

/// One memory access of a data race.
struct Access {
  std::string operation;  ///< "read", "write", "atomic read", "atomic write"
  int size = 0;
  bool previous = false;  ///< TSan's "Previous …": the earlier of the two
  std::string thread;     ///< "thread T2" or "the main thread"
  std::vector<std::string> mutexes;  ///< held, as "M0" (TSan names)
  Site where;
};

/// What kind of report TSan wrote.
enum class FindingKind {
  data_race,          ///< "data race", "data race on vptr …"
  lock_order,         ///< "lock-order-inversion (potential deadlock)"
  thread_leak,        ///< "thread leak"
  signal_unsafe,      ///< "signal-unsafe call inside of a signal"
  bad_unlock,         ///< "unlock of an unlocked mutex (or by a wrong thread)"
  use_after_free,     ///< "heap-use-after-free"
  crash,              ///< "ERROR: ThreadSanitizer: SEGV …" (a deadly signal)
  other,              ///< any other WARNING
};

/// One deduplicated report.
struct Finding {
  FindingKind kind = FindingKind::other;
  std::string title;   ///< TSan's words: "data race", "SEGV on unknown address 0x0"
  std::string object;  ///< "global 'racelab::counter'", "heap block of 8 bytes allocated at …"
  std::vector<Access> accesses;   ///< data races: current first, previous second
  std::vector<std::string> details;  ///< further lines already in plain words
  std::vector<Site> sites;        ///< other kinds: the places involved
  int reports = 1;                ///< raw reports folded into this one
  std::string raw;                ///< TSan's text of the first report

  /// Kind + object + the set of places: equal keys are one finding.
  [[nodiscard]] std::string key() const;
};

/// Everything read from TSan's logs of one run.
struct TsanLog {
  std::vector<Finding> findings;  ///< deduplicated, in order of first appearance
  int raw_reports = 0;            ///< before deduplication
  bool aslr_failure = false;      ///< "FATAL: ThreadSanitizer: unexpected memory mapping"
  std::string raw;                ///< all log text, in file order
};

/// Parses TSan log text. Frames inside `sources` are preferred when choosing
/// the place to show; paths under it are shown relative to it.
void parse_tsan_text(const std::string& text, const std::filesystem::path& sources, TsanLog& log);

/// Reads every `<stem>.<pid>` file TSan wrote into `directory`.
TsanLog read_tsan_logs(const std::filesystem::path& directory, const std::filesystem::path& sources,
                       const std::string& stem = "tsan");

/// The text under the headline: "ThreadSanitizer found 1 data race (2 reports, deduplicated):"
/// and one block per finding.
std::string summarise(const TsanLog& log);

/// "data race", "lock-order inversion"… (plural when `count` != 1).
std::string kind_noun(FindingKind kind, int count);

/// True when TSan's text says it could not map its shadow memory (ASLR).
bool mentions_aslr_failure(const std::string& text);

}  // namespace racelab::lab
