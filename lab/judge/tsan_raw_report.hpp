#pragma once
/// \file
/// ThreadSanitizer's log text cut into raw reports: the first line, the
/// sections (a header line and the stack under it) and the ==pid== notes.

#include "judge/tsan_report.hpp"

#include <string>
#include <vector>

namespace racelab::lab {

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

/// Splits log text into raw reports.
std::vector<RawReport> split_reports(const std::string& text);

}  // namespace racelab::lab
