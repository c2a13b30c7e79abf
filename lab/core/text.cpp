#include "core/text.hpp"

#include "core/regular_file.hpp"

#include <algorithm>
#include <limits>
#include <cctype>
#include <fstream>
#include <sstream>
#include <string_view>

namespace racelab::lab {

std::string read_text(const std::filesystem::path& file) {
  try {
    return read_regular_file(file, std::numeric_limits<std::size_t>::max(), Links::follow);
  } catch (const FileError&) {
    return {};
  }
}

std::string trim(const std::string& text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return text.substr(first, last - first + 1);
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(line);
  }
  return lines;
}

std::string join(const std::vector<std::string>& words, const std::string& separator) {
  std::string text;
  for (const auto& word : words) text += (text.empty() ? "" : separator) + word;
  return text;
}

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  if (from.empty()) return text;
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

std::string shell_line(const std::vector<std::string>& words) {
  std::string line;
  for (const auto& word : words) {
    const bool plain = !word.empty() && std::all_of(word.begin(), word.end(), [](char c) {
      return std::isalnum(static_cast<unsigned char>(c)) != 0 ||
             std::string_view("/._-+=:,@%").find(c) != std::string_view::npos;
    });
    line += line.empty() ? "" : " ";
    line += plain ? word : "'" + replace_all(word, "'", "'\\''") + "'";
  }
  return line;
}

std::size_t display_width(const std::string& text) {
  std::size_t columns = 0;
  // Every byte but a UTF-8 continuation byte (10xxxxxx) starts a character.
  for (const unsigned char c : text) columns += (c & 0xC0) != 0x80 ? 1 : 0;
  return columns;
}

std::string pad_right(const std::string& text, std::size_t width) {
  const auto columns = display_width(text);
  return columns >= width ? text : text + std::string(width - columns, ' ');
}

std::string pad_left(const std::string& text, std::size_t width) {
  const auto columns = display_width(text);
  return columns >= width ? text : std::string(width - columns, ' ') + text;
}

}  // namespace racelab::lab
