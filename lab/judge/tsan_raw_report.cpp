#include "judge/tsan_raw_report.hpp"

#include "core/text.hpp"

#include <regex>
#include <sstream>

namespace racelab::lab {
namespace {

bool starts_with(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

/// `#3 function file:line:col (module+0x…)`, without the `#3`.
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

}  // namespace

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

}  // namespace racelab::lab
