#include "judge/escape_hatches.hpp"
#include "core/text.hpp"

#include <fstream>
#include <regex>
#include <sstream>

namespace racelab::lab {
namespace {

/// One source line split the way the compiler sees it. `code` has comments
/// blanked out; `masked` also has the insides of string and character
/// literals blanked, so a name found in `masked` is really code; `comment`
/// holds the comments' text alone. Columns are the same in all three.
struct SplitLine {
  std::string code;
  std::string masked;
  std::string comment;
};

/// Splits `text` into lines, tracking block comments across lines and raw
/// string literals, so that `// NOLINT` inside a string is not a comment and
/// `sleep_for(` inside a comment is not code.
class Splitter {
public:
  std::vector<SplitLine> split(const std::string& text) {
    std::vector<SplitLine> lines;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      lines.push_back(split_line(line));
    }
    return lines;
  }

private:
  enum class State { code, block_comment, raw_string };
  State state_ = State::code;
  std::string raw_end_;  // ")delimiter\"" closing the open raw string

  static bool starts_raw_string(const std::string& line, std::size_t i) {
    // R"( at i, with an optional encoding prefix (u8R, LR…) already consumed as code.
    if (line[i] != 'R' || i + 1 >= line.size() || line[i + 1] != '"') return false;
    return i == 0 || !(std::isalnum(static_cast<unsigned char>(line[i - 1])) || line[i - 1] == '_') ||
           line[i - 1] == 'u' || line[i - 1] == 'U' || line[i - 1] == 'L' || line[i - 1] == '8';
  }

  /// A quote starts a character literal unless it is a digit separator
  /// (1'000'000): the token before it is a number.
  static bool is_digit_separator(const std::string& line, std::size_t i) {
    std::size_t k = i;
    while (k > 0 && (std::isalnum(static_cast<unsigned char>(line[k - 1])) || line[k - 1] == '\'')) --k;
    return k < i && std::isdigit(static_cast<unsigned char>(line[k]));
  }

  SplitLine split_line(const std::string& line) {
    SplitLine out{std::string(line.size(), ' '), std::string(line.size(), ' '), std::string(line.size(), ' ')};
    std::size_t i = 0;
    auto keep_code = [&](std::size_t at, bool mask) {
      out.code[at] = line[at];
      out.masked[at] = mask ? '_' : line[at];
    };
    while (i < line.size()) {
      if (state_ == State::block_comment) {
        if (line.compare(i, 2, "*/") == 0) {
          state_ = State::code;
          i += 2;
        } else {
          out.comment[i] = line[i];
          ++i;
        }
        continue;
      }
      if (state_ == State::raw_string) {
        if (line.compare(i, raw_end_.size(), raw_end_) == 0) {
          for (std::size_t k = 0; k < raw_end_.size(); ++k) keep_code(i + k, k + 1 < raw_end_.size());
          out.masked[i + raw_end_.size() - 1] = '"';
          i += raw_end_.size();
          state_ = State::code;
        } else {
          keep_code(i++, true);
        }
        continue;
      }
      if (line.compare(i, 2, "//") == 0) {
        for (std::size_t k = i; k < line.size(); ++k) out.comment[k] = line[k];
        break;
      }
      if (line.compare(i, 2, "/*") == 0) {
        state_ = State::block_comment;
        i += 2;
        continue;
      }
      if (starts_raw_string(line, i)) {
        const auto open = line.find('(', i + 2);
        if (open != std::string::npos) {
          raw_end_ = ")" + line.substr(i + 2, open - i - 2) + "\"";
          for (std::size_t k = i; k <= open; ++k) keep_code(k, false);
          i = open + 1;
          state_ = State::raw_string;
          continue;
        }
      }
      if (line[i] == '"' || (line[i] == '\'' && !is_digit_separator(line, i))) {
        i = skip_literal(line, i, out);
        continue;
      }
      keep_code(i++, false);
    }
    // A raw string may span lines; an ordinary literal ends with its line.
    return out;
  }

  /// Copies a "…" or '…' literal starting at `i` into `code`, blanks its
  /// inside in `masked`; returns the index after it.
  static std::size_t skip_literal(const std::string& line, std::size_t i, SplitLine& out) {
    const char quote = line[i];
    out.code[i] = out.masked[i] = quote;
    std::size_t k = i + 1;
    for (; k < line.size(); ++k) {
      out.code[k] = line[k];
      out.masked[k] = '_';
      if (line[k] == '\\' && k + 1 < line.size()) {
        ++k;
        out.code[k] = line[k];
        out.masked[k] = '_';
      } else if (line[k] == quote) {
        out.masked[k] = quote;
        return k + 1;
      }
    }
    return k;
  }
};

std::string trimmed(const std::string& text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return {};
  const auto last = text.find_last_not_of(" \t");
  return text.substr(first, last - first + 1);
}

/// What one kind of hatch means and what to do instead, in a student's words.
struct HatchKind {
  const char* kind;
  Judge dodges;
  const char* message;
};

const HatchKind no_sanitize{
    "no_sanitize", Judge::tsan,
    "turns ThreadSanitizer off for this code, so a race in it goes unreported. Remove it and make the "
    "shared data safe instead (a mutex, an atomic, one owner)."};
const HatchKind nolint{
    "nolint", Judge::static_check,
    "silences racelab-check on this code. Remove it and fix what the check reports; if you are sure it "
    "is a false alarm, show it to your instructor."};
const HatchKind tsan_suppression{
    "tsan-suppression", Judge::tsan,
    "tells ThreadSanitizer to look away (suppressions, options, annotations or its report channel). "
    "Remove it and fix the race it would report."};
const HatchKind sleep_hatch{
    "sleep", Judge::tsan,
    "a sleep is not synchronisation: it makes the race unlikely, not impossible. Wait for the event "
    "itself instead: join the thread, or use a condition variable, a future or an atomic flag."};

/// Does a NOLINT's check list reach racelab's checks? A bare NOLINT does.
bool list_covers_racelab(const std::string& list) {
  std::istringstream items(list);
  std::string item;
  while (std::getline(items, item, ',')) {
    item = trimmed(item);
    if (item == "*" || item.rfind("racelab", 0) == 0) return true;
  }
  return false;
}

/// NOLINT, NOLINTNEXTLINE and NOLINTBEGIN in a comment, bare or naming racelab.
bool has_racelab_nolint(const std::string& comment) {
  static const std::regex marker(R"(\bNOLINT(NEXTLINE|BEGIN)?\b(\(([^)]*)\))?)");
  for (std::sregex_iterator it(comment.begin(), comment.end(), marker), end; it != end; ++it) {
    if (!(*it)[2].matched || list_covers_racelab((*it)[3].str())) return true;
  }
  return false;
}

/// `no_sanitize("thread")` (GNU or C++ attribute syntax, several sanitizers
/// allowed), `no_sanitize_thread` and clang's `disable_sanitizer_instrumentation`.
bool has_no_sanitize(const SplitLine& line) {
  static const std::regex blanket(R"(\b(no_sanitize_thread|disable_sanitizer_instrumentation)\b)");
  if (std::regex_search(line.masked, blanket)) return true;
  static const std::regex named(R"(\bno_sanitize\s*\()");
  for (std::sregex_iterator it(line.masked.begin(), line.masked.end(), named), end; it != end; ++it) {
    // The sanitizer names are string literals: read them from `code`.
    const auto from = static_cast<std::size_t>(it->position() + it->length());
    const auto close = line.masked.find(')', from);
    const auto arguments = line.code.substr(from, close == std::string::npos ? std::string::npos : close - from);
    if (arguments.find("thread") != std::string::npos) return true;
  }
  return false;
}

/// Ways to make TSan look away without touching an attribute: the hooks it
/// calls for suppressions and options, its annotation API, its report path,
/// and TSAN_OPTIONS set from inside the program.
bool has_tsan_suppression(const SplitLine& line) {
  static const std::regex hooks(
      R"(\b(__tsan_\w+|__sanitizer_\w+|Annotate(Ignore|HappensBefore|HappensAfter|BenignRace)\w*|ANNOTATE_\w+|TSAN_OPTIONS)\b)");
  if (std::regex_search(line.masked, hooks)) return true;
  // "TSAN_OPTIONS" as a string, for setenv, putenv or a re-exec's environment.
  return line.code.find("TSAN_OPTIONS") != std::string::npos &&
         line.masked.find("TSAN_OPTIONS") == std::string::npos;
}

/// A call that sleeps: the standard library's, POSIX's, C11's. A member
/// function called sleep (`timer.sleep(…)`) or a name that merely contains
/// the word (`asleep`, `sleep_ms_count`) is not one.
bool has_sleep(const SplitLine& line) {
  static const std::regex distinctive(R"(\b(sleep_for|sleep_until|usleep|nanosleep|clock_nanosleep|thrd_sleep)\b)");
  if (std::regex_search(line.masked, distinctive)) return true;
  static const std::regex plain(R"((^|[^\w.>])sleep\s*\()");
  return std::regex_search(line.masked, plain);
}

void add(std::vector<EscapeHatch>& found, const HatchKind& kind, const std::string& file, int line,
         const std::string& text) {
  found.push_back({file, line, kind.kind, kind.dodges, trimmed(text), kind.message});
}

std::string shown_name(const std::filesystem::path& sources, const std::filesystem::path& file) {
  std::error_code ec;
  const auto relative = std::filesystem::relative(file, sources, ec);
  if (ec || relative.empty() || relative.native().rfind("..", 0) == 0) return file.filename().string();
  return relative.string();
}

}  // namespace

std::vector<EscapeHatch> find_escape_hatches(const std::filesystem::path& sources,
                                             const std::vector<std::filesystem::path>& files,
                                             bool sleep_allowed) {
  std::vector<EscapeHatch> found;
  for (const auto& file : files) {
    const auto name = shown_name(sources, file);
    std::string raw_text = read_text(file);
    std::istringstream raw(raw_text);
    const auto lines = Splitter{}.split(raw_text);
    std::string original;
    for (std::size_t i = 0; i < lines.size() && std::getline(raw, original); ++i) {
      const int number = static_cast<int>(i) + 1;
      if (has_no_sanitize(lines[i])) add(found, no_sanitize, name, number, original);
      if (has_tsan_suppression(lines[i])) add(found, tsan_suppression, name, number, original);
      if (has_racelab_nolint(lines[i].comment)) add(found, nolint, name, number, original);
      if (!sleep_allowed && has_sleep(lines[i])) add(found, sleep_hatch, name, number, original);
    }
  }
  return found;
}

}  // namespace racelab::lab
