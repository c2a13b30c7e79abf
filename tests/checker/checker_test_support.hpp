// What racelab-check's test files share: running the real binary, reading and
// writing scratch files.
#pragma once

#include <boost/process.hpp>

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace checker_test {

namespace fs = std::filesystem;

/// How one run of racelab-check ended.
struct Run {
  int status = -1; ///< the exit status; 128 + the signal if it was killed
  std::string out;
  std::string err;
};

inline std::string slurp(const fs::path &p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline void write(const fs::path &p, const std::string &text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}

inline std::vector<std::string> lines(const std::string &text) {
  std::vector<std::string> result;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    result.push_back(line);
  return result;
}

/// A fresh scratch folder, removed when it goes out of scope.
struct Scratch {
  fs::path dir;
  Scratch() {
    static std::atomic<int> n{0};
    dir = fs::temp_directory_path() /
          ("racelab-checker-tests-" + std::to_string(getpid()) + "-" + std::to_string(n++));
    fs::remove_all(dir);
    fs::create_directories(dir);
  }
  ~Scratch() { fs::remove_all(dir); }
  Scratch(const Scratch &) = delete;
  Scratch &operator=(const Scratch &) = delete;
};

/// Runs racelab-check with \p args; a crash shows as a status other than 0/1/2.
inline Run runChecker(const std::vector<std::string> &args) {
  namespace bp = boost::process;
  Scratch s;
  const fs::path out = s.dir / "out", err = s.dir / "err";
  bp::child child(bp::exe = RACELAB_CHECK_BINARY, bp::args = args, bp::std_in.close(),
                  bp::std_out > out.string(), bp::std_err > err.string());
  child.wait();
  Run r;
  const int raw = child.native_exit_code();
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : 128 + WTERMSIG(raw);
  r.out = slurp(out);
  r.err = slurp(err);
  return r;
}

} // namespace checker_test
