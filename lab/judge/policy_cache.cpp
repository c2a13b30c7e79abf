#include "judge/policy_cache.hpp"

#include "core/integrity.hpp"
#include "judge/compile_database.hpp"
#include "sandbox/isolation.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <cerrno>
#include <fstream>
#include <set>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace racelab::lab {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;

/// Past these, hashing would cost more than the parse saves: no verdict is remembered.
constexpr std::size_t max_files = 4000;
constexpr std::uintmax_t max_bytes = 64u << 20;

fs::path cache_folder(const JudgeOptions& o) { return o.compile_commands / "racelab-policy-verdicts"; }

/// What the commands let a parse read outside the system: include folders and forced includes.
struct Reachable {
  std::set<fs::path> folders;
  std::set<fs::path> files;
};

bool system_path(const fs::path& path) { return path.string().rfind("/usr/", 0) == 0; }

/// The value of `flag` at args[i] ("-Ifoo" or "-I foo"), or "" when args[i] is not that flag.
std::string flag_value(const std::vector<std::string>& args, std::size_t i, const std::string& flag) {
  if (args[i] == flag && i + 1 < args.size()) return args[i + 1];
  if (args[i].rfind(flag, 0) == 0 && args[i].size() > flag.size()) return args[i].substr(flag.size());
  return "";
}

/// Adds the folders and forced includes of one entry's arguments; false when one names nothing.
bool add_reachable(const json::object& entry, Reachable& into) {
  static const std::vector<std::string> folder_flags = {"-I", "-iquote", "-isystem", "-idirafter"};
  static const std::vector<std::string> file_flags = {"-include", "-imacros"};
  const auto* dir = entry.if_contains("directory");
  const fs::path base = dir && dir->is_string() ? fs::path(std::string(dir->get_string())) : fs::path();
  const auto args = compile_arguments(entry);
  std::error_code error;
  for (std::size_t i = 0; i < args.size(); ++i) {
    for (const auto& flag : folder_flags) {
      const std::string value = flag_value(args, i, flag);
      if (value.empty()) continue;
      const fs::path path = (base / value).lexically_normal();
      if (system_path(path)) continue;
      if (!fs::is_directory(path, error)) return false;
      into.folders.insert(path);
    }
    for (const auto& flag : file_flags) {
      const std::string value = flag_value(args, i, flag);
      if (value.empty()) continue;
      const fs::path path = (base / value).lexically_normal();
      if (system_path(path)) continue;
      if (!fs::is_regular_file(path, error)) return false;
      into.files.insert(path);
    }
  }
  return true;
}

/// "<path> <sha256>" for every regular file in `folder` (recursively); false past the limits.
bool hash_folder(const fs::path& folder, std::set<std::string>& lines, std::uintmax_t& bytes) {
  std::error_code error;
  fs::recursive_directory_iterator it(folder, fs::directory_options::follow_directory_symlink, error), end;
  for (; !error && it != end; it.increment(error)) {
    if (!it->is_regular_file(error)) continue;
    bytes += it->file_size(error);
    if (lines.size() >= max_files || bytes > max_bytes || error) return false;
    lines.insert(it->path().string() + " " + sha256_file(it->path()));
  }
  return !error;
}

bool isolated_here() { return sandbox_state().available; }

}  // namespace

std::optional<std::string> policy_cache_key(const JudgeOptions& o, const std::string& database) {
  if (!isolated_here() || o.compile_commands.empty()) return std::nullopt;
  try {
    Reachable reachable;
    if (!o.sources.empty()) reachable.folders.insert(fs::absolute(o.sources).lexically_normal());
    for (const auto& file : o.student_files) reachable.folders.insert(fs::absolute(file).parent_path());
    boost::system::error_code parse_error;
    const json::value entries = json::parse(database, parse_error);
    if (parse_error || !entries.is_array()) return std::nullopt;
    for (const auto& entry : entries.get_array())
      if (!entry.is_object() || !add_reachable(entry.get_object(), reachable)) return std::nullopt;
    std::set<std::string> lines;
    std::uintmax_t bytes = 0;
    for (const auto& folder : reachable.folders)
      if (!hash_folder(folder, lines, bytes)) return std::nullopt;
    for (const auto& file : reachable.files) lines.insert(file.string() + " " + sha256_file(file));
    std::string material = "racelab policy verdict 1\nchecker " + sha256_file(o.checker) + "\npolicy " +
                           sha256_file(o.policy) + "\ncommands " + sha256_text(database) + "\n";
    for (const auto& file : o.student_files) material += "student " + fs::absolute(file).string() + "\n";
    for (const auto& line : lines) material += line + "\n";
    return sha256_text(material);
  } catch (const std::exception&) {
    return std::nullopt;  // a file vanished or could not be read: check, do not remember
  }
}

PolicyCheckLock::PolicyCheckLock(const JudgeOptions& o, const std::optional<std::string>& key) {
  if (!key || !isolated_here()) return;
  std::error_code error;
  fs::create_directories(cache_folder(o), error);
  if (error) return;
  fd_ = ::open((cache_folder(o) / (*key + ".lock")).c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  // The holder is a judge whose checker has a time limit: the wait ends with it.
  if (fd_ >= 0) while (::flock(fd_, LOCK_EX) != 0 && errno == EINTR) {}
}

PolicyCheckLock::~PolicyCheckLock() {
  if (fd_ >= 0) ::close(fd_);
}

std::optional<PolicyVerdict> remembered_policy(const JudgeOptions& o, const std::string& key) {
  if (!isolated_here()) return std::nullopt;
  std::ifstream in(cache_folder(o) / key);
  std::string kind;
  if (!std::getline(in, kind) || (kind != "clean" && kind != "findings")) return std::nullopt;
  std::ostringstream findings;
  findings << in.rdbuf();
  return PolicyVerdict{kind == "clean", kind == "clean" ? std::string() : findings.str()};
}

void remember_policy(const JudgeOptions& o, const std::string& key, const PolicyVerdict& verdict) {
  if (!isolated_here()) return;
  std::error_code error;
  fs::create_directories(cache_folder(o), error);
  if (error) return;
  // Written whole, then renamed: a judge running beside never reads half a verdict.
  const fs::path part = cache_folder(o) / (key + ".part" + std::to_string(::getpid()));
  {
    std::ofstream out(part);
    out << (verdict.clean ? "clean\n" : "findings\n") << verdict.findings;
  }
  fs::rename(part, cache_folder(o) / key, error);
  if (error) fs::remove(part, error);
}

void forget_policy_verdicts(const JudgeOptions& o) {
  if (o.compile_commands.empty()) return;
  std::error_code error;
  fs::remove_all(cache_folder(o), error);
}

}  // namespace racelab::lab
