#include "core/exercise_manifest.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

namespace racelab::lab {

namespace fs = std::filesystem;
namespace json = boost::json;

namespace {

/// The same fields, in the same words, as cmake/RacelabManifest.cmake.
const std::set<std::string> top_keys{"number",  "folder",          "title",       "pitfall",     "contract",
                                     "sources", "grader",          "solutions",   "timeout_seconds",
                                     "allow_sleep", "starter",     "wrong_fixes", "perf",        "hints",
                                     "policy"};
const std::vector<std::string> required_keys{"number",    "folder",          "title",   "pitfall", "contract", "sources",
                                             "grader",    "solutions",       "timeout_seconds", "starter", "hints",
                                             "policy"};
const std::set<std::string> grader_keys{"tests",       "support",     "libraries", "include_dirs",
                                        "definitions", "coroutines_across_threads", "why"};

/// Reads one manifest's fields, each error naming the file and the field.
class Reader {
 public:
  explicit Reader(fs::path file) : file_(std::move(file)) {}

  [[noreturn]] void fail(const std::string& field, const std::string& message) const {
    throw ManifestFieldError{file_.string() + ": " + field + ": " + message};
  }

  static std::string kind(const json::value& v) {
    switch (v.kind()) {
      case json::kind::null: return "null";
      case json::kind::bool_: return "a boolean";
      case json::kind::string: return "a string";
      case json::kind::array: return "an array";
      case json::kind::object: return "an object";
      default: return "a number";
    }
  }

  void known_keys(const json::object& object, const std::string& where, const std::set<std::string>& known) const {
    for (const auto& [key, value] : object) {
      if (known.contains(std::string(key))) continue;
      std::string list;
      for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
      fail(where + std::string(key), "unknown key (known: " + list + ")");
    }
  }

  const json::object& object(const json::value& v, const std::string& field) const {
    if (!v.is_object()) fail(field, "expected an object, found " + kind(v));
    return v.get_object();
  }

  std::string string(const json::value& v, const std::string& field) const {
    if (!v.is_string()) fail(field, "expected a string, found " + kind(v));
    if (v.get_string().empty()) fail(field, "must not be empty");
    return std::string(v.get_string());
  }

  int whole(const json::value& v, const std::string& field, int minimum) const {
    if (!v.is_int64() && !v.is_uint64()) fail(field, "expected a whole number, found " + kind(v));
    const auto n = v.is_int64() ? v.get_int64() : static_cast<std::int64_t>(v.get_uint64());
    if (n < minimum || n > 1'000'000) fail(field, "expected a whole number ≥ " + std::to_string(minimum) + ", found " + std::to_string(n));
    return static_cast<int>(n);
  }

  /// An array of non-empty strings; `required`: present and not empty.
  std::vector<std::string> strings(const json::object& o, const std::string& key, const std::string& field,
                                   bool required) const {
    const auto* v = o.if_contains(key);
    if (!v && !required) return {};
    if (!v || !v->is_array()) fail(field, "expected an array of strings, found " + (v ? kind(*v) : "nothing"));
    if (v->get_array().empty() && required) fail(field, "must name at least one");
    std::vector<std::string> out;
    for (std::size_t i = 0; i < v->get_array().size(); ++i) {
      out.push_back(string(v->get_array()[i], field + "[" + std::to_string(i) + "]"));
    }
    return out;
  }

  bool boolean(const json::object& o, const std::string& key, const std::string& field) const {
    const auto* v = o.if_contains(key);
    if (!v) return false;
    if (!v->is_bool()) fail(field, "expected true or false, found " + kind(*v));
    return v->get_bool();
  }

  /// { judge: regex, … } among `judges`.
  std::map<Judge, std::string> failures(const json::value& v, const std::string& field,
                                        const std::vector<Judge>& judges) const {
    const auto& o = object(v, field);
    if (o.empty()) fail(field, "must name at least one judge");
    std::set<std::string> known;
    for (const Judge j : judges) {
      if (j != Judge::build) known.insert(judge_id(j));
    }
    known_keys(o, field + ".", known);
    std::map<Judge, std::string> out;
    for (const auto& [key, pattern] : o) {
      const std::string name(key);
      out[*judge_from_id(name)] = string(pattern, field + "." + name);
    }
    return out;
  }

 private:
  fs::path file_;
};

void read_identity(const Reader& r, const json::object& o, ExerciseManifest& m) {
  m.number = r.whole(o.at("number"), "number", 1);
  m.folder = r.string(o.at("folder"), "folder");
  m.title = r.string(o.at("title"), "title");
  m.pitfall = r.string(o.at("pitfall"), "pitfall");
  m.contract = r.string(o.at("contract"), "contract");
  const std::string folder_name = m.file.parent_path().filename().string();
  if (m.folder != folder_name) r.fail("folder", "'" + m.folder + "' is not the name of its folder, '" + folder_name + "'");
  const std::regex pattern("0*" + std::to_string(m.number) + "-[a-z0-9-]+");
  if (!std::regex_match(m.folder, pattern)) {
    r.fail("folder", "'" + m.folder + "' must be NN-name, NN being the number (" + std::to_string(m.number) +
                         ") and name lower-case letters, digits and '-'");
  }
}

void read_grader(const Reader& r, const json::object& o, ExerciseManifest& m) {
  const auto& grader = r.object(o.at("grader"), "grader");
  r.known_keys(grader, "grader.", grader_keys);
  m.grader = r.strings(grader, "tests", "grader.tests", true);
  for (const char* key : {"support", "libraries", "include_dirs", "definitions"}) {
    r.strings(grader, key, std::string("grader.") + key, false);
  }
  r.boolean(grader, "coroutines_across_threads", "grader.coroutines_across_threads");
  if (const auto* why = grader.if_contains("why")) r.string(*why, "grader.why");
}

void read_perf(const Reader& r, const json::object& o, ExerciseManifest& m) {
  const auto* perf = o.if_contains("perf");
  if (!perf) return;
  const auto& p = r.object(*perf, "perf");
  r.known_keys(p, "perf.", {"adapter", "strategies"});
  if (!p.contains("adapter")) r.fail("perf.adapter", "missing");
  m.perf = PerfStrategies{r.string(p.at("adapter"), "perf.adapter"), r.strings(p, "strategies", "perf.strategies", true)};
}

void read_expectations(const Reader& r, const json::object& o, ExerciseManifest& m) {
  const auto& starter = r.object(o.at("starter"), "starter");
  r.known_keys(starter, "starter.", {"fails", "why"});
  if (!starter.contains("fails")) r.fail("starter.fails", "missing");
  m.starter_fails = r.failures(starter.at("fails"), "starter.fails", m.judges());
  if (const auto* why = starter.if_contains("why")) r.string(*why, "starter.why");
  const auto* fixes = o.if_contains("wrong_fixes");
  if (!fixes) return;
  if (!fixes->is_array()) r.fail("wrong_fixes", "expected an array of { name, fails, why }, found " + Reader::kind(*fixes));
  for (std::size_t i = 0; i < fixes->get_array().size(); ++i) {
    const std::string field = "wrong_fixes[" + std::to_string(i) + "]";
    const auto& fix = r.object(fixes->get_array()[i], field);
    r.known_keys(fix, field + ".", {"name", "fails", "why"});
    for (const char* key : {"name", "fails"}) {
      if (!fix.contains(key)) r.fail(field + "." + key, "missing");
    }
    WrongFix wrong{r.string(fix.at("name"), field + ".name"), r.failures(fix.at("fails"), field + ".fails", m.judges()), ""};
    if (const auto* why = fix.if_contains("why")) wrong.why = r.string(*why, field + ".why");
    const bool twice = std::any_of(m.wrong_fixes.begin(), m.wrong_fixes.end(), [&](const auto& w) { return w.name == wrong.name; });
    if (twice) r.fail(field + ".name", "'" + wrong.name + "' is listed twice");
    m.wrong_fixes.push_back(std::move(wrong));
  }
}

}  // namespace

std::vector<Judge> ExerciseManifest::judges() const {
  std::vector<Judge> judges(grade_judges.begin(), grade_judges.end());
  if (perf) judges.push_back(Judge::perf);
  return judges;
}

ExerciseManifest parse_exercise_manifest(std::string_view text, const fs::path& file) {
  const Reader r(file);
  boost::system::error_code ec;
  const json::value root = json::parse(text, ec);
  if (ec) throw ManifestFieldError{file.string() + ": not JSON: " + ec.message()};
  if (!root.is_object()) throw ManifestFieldError{file.string() + ": not a JSON object"};
  const auto& o = root.get_object();
  r.known_keys(o, "", top_keys);
  for (const auto& key : required_keys) {
    if (!o.contains(key)) r.fail(key, "missing");
  }
  ExerciseManifest m;
  m.file = file;
  read_identity(r, o, m);
  m.sources = r.strings(o, "sources", "sources", true);
  m.solutions = r.strings(o, "solutions", "solutions", true);
  m.timeout_seconds = r.whole(o.at("timeout_seconds"), "timeout_seconds", 1);
  m.hints = r.whole(o.at("hints"), "hints", 1);
  m.allow_sleep = r.boolean(o, "allow_sleep", "allow_sleep");
  r.object(o.at("policy"), "policy");
  read_grader(r, o, m);
  read_perf(r, o, m);
  read_expectations(r, o, m);
  return m;
}

ExerciseManifest load_exercise_manifest(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw ManifestFieldError{file.string() + ": cannot be read (every exercise folder holds its manifest)"};
  std::ostringstream text;
  text << in.rdbuf();
  return parse_exercise_manifest(text.str(), file);
}

}  // namespace racelab::lab
