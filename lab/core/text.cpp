#include "core/text.hpp"

#include <fstream>
#include <sstream>

namespace racelab::lab {

std::string read_text(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
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
