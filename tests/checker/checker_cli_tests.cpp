// racelab-check's command line: the .racelab-check config file (found upward,
// --config-file, check options), --checks globs and --list-checks, bad input
// (one-line errors, exit status 2, the other files still reported), NO_COLOR
// and NOLINT globs. Runs the real binary, in scratch folders.
#include <boost/test/unit_test.hpp>

#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "checker_test_support.hpp"

namespace fs = std::filesystem;

namespace {

using namespace checker_test;

const fs::path Inputs = fs::path(RACELAB_CHECKER_TEST_DIR) / "inputs";
const fs::path Starter = Inputs / "counter" / "starter" / "counter.cpp";
const fs::path CustomBlocking = Inputs / "coroutines" / "custom-blocking.cpp";

/// The compile flags the counter inputs need.
std::vector<std::string> withFlags(std::vector<std::string> args) {
  for (const char *f : {"--", "-std=c++20"})
    args.push_back(f);
  args.push_back("-I" + (Inputs / "counter").string());
  return args;
}

/// How many `warning:` lines name \p file.
long warningsIn(const Run &r, const fs::path &file) {
  auto all = lines(r.out);
  return std::count_if(all.begin(), all.end(), [&](const std::string &l) {
    return l.rfind(file.string() + ":", 0) == 0 && l.find(": warning: ") != std::string::npos;
  });
}

/// A tree: <root>/course/.racelab-check (\p config), <root>/course/ex1/counter.cpp
/// and <root>/elsewhere/counter.cpp, both the exercise-1 starter (one finding).
struct Tree : Scratch {
  fs::path config = dir / "course" / ".racelab-check";
  fs::path inside = dir / "course" / "ex1" / "counter.cpp";
  fs::path outside = dir / "elsewhere" / "counter.cpp";
  explicit Tree(const std::string &configText) {
    write(config, configText);
    write(inside, slurp(Starter));
    write(outside, slurp(Starter));
  }
};

/// Runs the binary with stdout on a pseudo-terminal; returns what it wrote.
std::string runOnTerminal(const std::vector<std::string> &args, const char *noColor) {
  int master = -1;
  pid_t pid = forkpty(&master, nullptr, nullptr, nullptr);
  BOOST_REQUIRE(pid >= 0);
  if (pid == 0) {
    if (noColor)
      setenv("NO_COLOR", noColor, 1);
    else
      unsetenv("NO_COLOR");
    std::vector<char *> argv{const_cast<char *>(RACELAB_CHECK_BINARY)};
    for (const std::string &a : args)
      argv.push_back(const_cast<char *>(a.c_str()));
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  std::string out;
  char buffer[4096];
  for (ssize_t n; (n = read(master, buffer, sizeof buffer)) > 0;)
    out.append(buffer, size_t(n)); // ends with EIO when the child is gone
  close(master);
  int raw = 0;
  waitpid(pid, &raw, 0);
  BOOST_CHECK(WIFEXITED(raw) && WEXITSTATUS(raw) == 1);
  return out;
}

} // namespace

BOOST_AUTO_TEST_SUITE(checker_cli_tests)

BOOST_AUTO_TEST_CASE(config_file_is_found_upward_from_each_file) {
  Tree t("# the course's settings\nChecks: '-racelab-missing-lock'\n");
  Run r = runChecker(withFlags({t.inside.string(), t.outside.string()}));
  BOOST_CHECK_EQUAL(r.status, 1);
  BOOST_CHECK_EQUAL(r.err, "");
  BOOST_CHECK_EQUAL(warningsIn(r, t.inside), 0);  // the config above it turns the check off
  BOOST_CHECK_EQUAL(warningsIn(r, t.outside), 1); // no config above this one
  fs::remove(t.config);
  Run without = runChecker(withFlags({t.inside.string()}));
  BOOST_CHECK_EQUAL(without.status, 1);
  BOOST_CHECK_EQUAL(warningsIn(without, t.inside), 1);
}

BOOST_AUTO_TEST_CASE(command_line_checks_override_the_config_file) {
  Tree t("Checks: '-racelab-missing-lock'\n");
  Run r = runChecker(withFlags({"--checks=racelab-missing-lock", t.inside.string()}));
  BOOST_CHECK_EQUAL(r.status, 1);
  BOOST_CHECK_EQUAL(warningsIn(r, t.inside), 1);
  // --checks applies after the file, so it can also turn a check off.
  Tree on("Checks: 'racelab-missing-lock'\n");
  Run off = runChecker(withFlags({"--checks=-racelab-missing-lock", on.inside.string()}));
  BOOST_CHECK_EQUAL(off.status, 0);
  BOOST_CHECK_EQUAL(off.out, "");
}

BOOST_AUTO_TEST_CASE(config_file_option_names_the_config) {
  Tree t("Checks: '-racelab-missing-lock'\n");
  fs::path named = t.dir / "grading.yaml";
  write(named, "Checks: '-*,racelab-missing-lock'\n");
  // The named file replaces the one found upward, for every file.
  Run r = runChecker(withFlags({"--config-file=" + named.string(), t.inside.string()}));
  BOOST_CHECK_EQUAL(r.status, 1);
  BOOST_CHECK_EQUAL(warningsIn(r, t.inside), 1);
  write(named, "Checks: '-racelab-missing-lock'\n");
  Run off = runChecker(withFlags({"--config-file=" + named.string(), t.outside.string()}));
  BOOST_CHECK_EQUAL(off.status, 0);
  BOOST_CHECK_EQUAL(warningsIn(off, t.outside), 0);
  // A missing one is a tool error, at once.
  std::string missing = (t.dir / "no-such.yaml").string();
  Run bad = runChecker(withFlags({"--config-file=" + missing, t.outside.string()}));
  BOOST_CHECK_EQUAL(bad.status, 2);
  BOOST_CHECK_EQUAL(lines(bad.err).size(), 1u);
  BOOST_CHECK(bad.err.find("cannot read config file '" + missing + "'") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(blocking_functions_from_the_config_file) {
  for (const char *options :
       {"CheckOptions:\n  racelab-blocking-in-coroutine.BlockingFunctions: 'net::fetch, ::Db::query'\n",
        // the list form older .clang-tidy files use
        "CheckOptions:\n  - key: racelab-blocking-in-coroutine.BlockingFunctions\n"
        "    value: 'net::fetch, ::Db::query'\n"}) {
    BOOST_TEST_CONTEXT(options) {
      Scratch s;
      fs::path file = s.dir / "custom-blocking.cpp";
      write(file, slurp(CustomBlocking));
      Run plain = runChecker({file.string(), "--", "-std=c++20"});
      BOOST_CHECK_EQUAL(plain.status, 0);
      write(s.dir / ".racelab-check", options);
      Run r = runChecker({file.string(), "--", "-std=c++20"});
      BOOST_CHECK_EQUAL(r.status, 1);
      BOOST_CHECK_EQUAL(r.err, "");
      BOOST_CHECK_MESSAGE(r.out.find(":27:11: warning: 'net::fetch' blocks") != std::string::npos, r.out);
      BOOST_CHECK_MESSAGE(r.out.find(":28:11: warning: 'Db::query' (called through 'lookup') blocks") !=
                              std::string::npos,
                          r.out);
      // The command line wins over the file.
      Run cli = runChecker({"--blocking-functions=net::fetch", file.string(), "--", "-std=c++20"});
      BOOST_CHECK_EQUAL(warningsIn(cli, file), 1);
    }
  }
}

BOOST_AUTO_TEST_CASE(malformed_config_file_affects_only_the_files_below_it) {
  struct Case {
    const char *text;
    unsigned line;
    const char *problem;
  };
  const Case cases[] = {
      {"Checks: '-racelab-missing-lock'\nChceks: 'racelab-*'\n", 2, "unknown key 'Chceks'"},
      {"Checks: [racelab-*\n", 1, ""}, // a YAML syntax error
      {"# comment\nChecks: 'racelab-['\n", 2, "'racelab-[' is not a valid check glob"},
      {"Checks: 'racelab-mising-lock'\n", 1, "'racelab-mising-lock' matches no check"},
      {"CheckOptions:\n  racelab-blocking-in-coroutine.BlockingFunction: 'f'\n", 2,
       "has no option 'BlockingFunction'"},
      {"just some text\n", 1, ""},
  };
  for (const Case &c : cases) {
    BOOST_TEST_CONTEXT(c.text) {
      Tree t(c.text);
      Run r = runChecker(withFlags({t.inside.string(), t.outside.string()}));
      BOOST_CHECK_EQUAL(r.status, 2);
      BOOST_CHECK_EQUAL(lines(r.err).size(), 1u);
      std::string where = t.config.string() + ":" + std::to_string(c.line) + ":";
      BOOST_CHECK_MESSAGE(r.err.find(where) != std::string::npos, r.err);
      BOOST_CHECK_MESSAGE(r.err.find("malformed config file") != std::string::npos, r.err);
      BOOST_CHECK_MESSAGE(r.err.find("'" + t.inside.string() + "'") != std::string::npos, r.err);
      BOOST_CHECK_MESSAGE(r.err.find(c.problem) != std::string::npos, r.err);
      BOOST_CHECK_EQUAL(warningsIn(r, t.inside), 0);
      BOOST_CHECK_EQUAL(warningsIn(r, t.outside), 1); // still analysed and reported
    }
  }
}

BOOST_AUTO_TEST_CASE(bad_checks_glob_stops_the_run_with_one_line) {
  struct Case {
    const char *checks;
    const char *problem;
  };
  const Case cases[] = {
      {"--checks=racelab-[", "--checks: 'racelab-[' is not a valid check glob: '[' is not allowed"},
      {"--checks=-*,racelab-mising-lock", "--checks: 'racelab-mising-lock' matches no check"},
      {"--checks=-,racelab-*", "--checks: '-' is not a valid check glob"},
      {"--checks=-*", "--checks='-*' enables no check"},
  };
  for (const Case &c : cases) {
    BOOST_TEST_CONTEXT(c.checks) {
      Run r = runChecker(withFlags({c.checks, Starter.string()}));
      BOOST_CHECK_EQUAL(r.status, 2);
      BOOST_CHECK_EQUAL(r.out, "");
      BOOST_CHECK_EQUAL(lines(r.err).size(), 1u);
      BOOST_CHECK_MESSAGE(r.err.rfind("racelab-check: error: ", 0) == 0, r.err);
      BOOST_CHECK_MESSAGE(r.err.find(c.problem) != std::string::npos, r.err);
    }
  }
}

BOOST_AUTO_TEST_CASE(list_checks_honours_globs_and_the_config) {
  auto listed = [](const Run &r) {
    std::vector<std::string> names;
    for (const std::string &l : lines(r.out))
      if (l.rfind("    ", 0) == 0)
        names.push_back(l.substr(4));
    return names;
  };
  using Names = std::vector<std::string>;
  const Names all = {"racelab-blocking-in-coroutine", "racelab-interleaved-output",
                     "racelab-lock-across-suspend", "racelab-missing-lock"};
  Run every = runChecker({"--list-checks", "--checks=racelab-*"});
  BOOST_CHECK_EQUAL(every.status, 0);
  BOOST_CHECK(listed(every) == all);
  Run one = runChecker({"--list-checks", "--checks=-*,racelab-missing-lock"});
  BOOST_CHECK(listed(one) == Names{"racelab-missing-lock"});
  Run noLock = runChecker({"--list-checks", "--checks=-racelab-lock-*"});
  BOOST_CHECK(listed(noLock) ==
              (Names{"racelab-blocking-in-coroutine", "racelab-interleaved-output", "racelab-missing-lock"}));
  Run middle = runChecker({"--list-checks", "--checks=-*,*-lock-*"});
  BOOST_CHECK(listed(middle) == Names{"racelab-lock-across-suspend"});
  // With a file: its config file counts, then --checks.
  Tree t("Checks: '-*,racelab-interleaved-output'\n");
  Run fromConfig = runChecker({"--list-checks", t.inside.string()});
  BOOST_CHECK(listed(fromConfig) == Names{"racelab-interleaved-output"});
  Run both = runChecker({"--list-checks", "--checks=racelab-missing-lock", t.inside.string()});
  BOOST_CHECK(listed(both) == (Names{"racelab-interleaved-output", "racelab-missing-lock"}));
}

BOOST_AUTO_TEST_CASE(colours_on_a_terminal_unless_no_color) {
  auto args = withFlags({Starter.string()});
  std::string coloured = runOnTerminal(args, nullptr);
  BOOST_CHECK_MESSAGE(coloured.find("\033[") != std::string::npos, coloured);
  BOOST_CHECK(coloured.find("racelab-missing-lock") != std::string::npos);
  std::string plain = runOnTerminal(args, "1");
  BOOST_CHECK(plain.find("racelab-missing-lock") != std::string::npos);
  BOOST_CHECK_MESSAGE(plain.find('\033') == std::string::npos, plain);
}

BOOST_AUTO_TEST_CASE(nolint_with_globs) {
  struct Case {
    const char *comment;
    bool nextLine;
    bool silenced;
  };
  const Case cases[] = {
      {"// NOLINT(racelab-*)", false, true},
      {"// NOLINT(*-lock)", false, true},
      {"// NOLINT(racelab-interleaved-*, racelab-missing-*)", false, true},
      {"// NOLINT(racelab-interleaved-*)", false, false},
      {"// NOLINT(racelab-[)", false, false},
      {"// NOLINTNEXTLINE(racelab-*)", true, true},
      {"// NOLINTNEXTLINE(racelab-coro*)", true, false},
  };
  auto source = lines(slurp(Starter));
  BOOST_REQUIRE_GE(source.size(), 12u);
  BOOST_REQUIRE(source[11].find("counter = old_value + 1;") != std::string::npos);
  for (const Case &c : cases) {
    BOOST_TEST_CONTEXT(c.comment) {
      Scratch s;
      std::string text;
      for (size_t i = 0; i < source.size(); ++i) {
        if (i == 11 && c.nextLine)
          text += std::string("    ") + c.comment + "\n";
        text += source[i];
        if (i == 11 && !c.nextLine)
          text += std::string("  ") + c.comment;
        text += "\n";
      }
      fs::path file = s.dir / "counter.cpp";
      write(file, text);
      Run r = runChecker(withFlags({file.string()}));
      BOOST_CHECK_EQUAL(r.status, c.silenced ? 0 : 1);
      BOOST_CHECK_EQUAL(warningsIn(r, file), c.silenced ? 0 : 1);
      BOOST_CHECK_EQUAL(r.err, "");
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
