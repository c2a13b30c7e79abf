// Runs the real racelab-check binary on annotated inputs and checks that
// exactly the announced diagnostics appear (see missing-lock.cpp's header).
#include <boost/json.hpp>
#include <boost/test/unit_test.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
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

const fs::path TestDir = RACELAB_CHECKER_TEST_DIR;
const fs::path Inputs = TestDir / "inputs";
const std::vector<std::string> Flags = {"--", "-std=c++20"};

struct Diag {
  std::string file;
  unsigned line = 0, col = 0;
  std::string kind, message, check;
  unsigned outputLine = 0; // index in the output
};

/// Parses clang-style `file:line:col: kind: message [check]` lines.
std::vector<Diag> parseOutput(const std::string &out) {
  static const std::regex header(R"(^(.+):(\d+):(\d+): (warning|note|error): (.*)$)");
  static const std::regex checkSuffix(R"(^(.*) \[([a-z-]+)\]$)");
  std::vector<Diag> result;
  auto all = lines(out);
  for (unsigned i = 0; i < all.size(); ++i) {
    std::smatch m;
    if (!std::regex_match(all[i], m, header))
      continue;
    Diag d{m[1], unsigned(std::stoul(m[2])), unsigned(std::stoul(m[3])), m[4], m[5], "", i};
    std::smatch c;
    if (d.kind == "warning" && std::regex_match(d.message, c, checkSuffix)) {
      d.check = c[2];
      d.message = c[1];
    }
    result.push_back(d);
  }
  return result;
}

struct Expectation {
  unsigned annotationLine = 0;
  unsigned line = 0, col = 0;
  std::string kind, text, check;
};

/// Reads `// CHECK-MESSAGES: :[[@LINE-1]]:col: warning: text [check]` and
/// `// CHECK-NOTES: :[[@LINE-1]]:col: note: text`.
std::vector<Expectation> parseExpectations(const fs::path &file, unsigned *bannerLine) {
  static const std::regex annotation(
      R"(// CHECK-(MESSAGES|NOTES): :\[\[@LINE([+-]\d+)?\]\]:(\d+): (warning|note): (.*)$)");
  static const std::regex checkSuffix(R"(^(.*) \[([a-z-]+)\]$)");
  std::vector<Expectation> result;
  auto all = lines(slurp(file));
  for (unsigned i = 0; i < all.size(); ++i) {
    if (bannerLine && all[i].find("Cases that must NOT warn") != std::string::npos)
      *bannerLine = i + 1;
    std::smatch m;
    if (!std::regex_search(all[i], m, annotation))
      continue;
    Expectation e;
    e.annotationLine = i + 1;
    e.line = unsigned(int(i + 1) + (m[2].matched ? std::stoi(m[2]) : 0));
    e.col = unsigned(std::stoul(m[3]));
    e.kind = m[4];
    e.text = m[5];
    std::smatch c;
    if (e.kind == "warning") {
      BOOST_REQUIRE_MESSAGE(std::regex_match(e.text, c, checkSuffix),
                            file.filename() << ":" << e.annotationLine
                                            << ": a CHECK-MESSAGES must end with [check-name]");
      e.text = c[1];
      e.check = c[2];
    }
    result.push_back(e);
  }
  return result;
}

bool endsWith(const std::string &s, const std::string &suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

/// Every announced warning appears once, nothing else warns, announced notes exist.
void checkAnnotated(const fs::path &file, const std::vector<Expectation> &expected,
                    const std::vector<Diag> &actual) {
  std::vector<bool> claimed(actual.size(), false);
  for (const Expectation &e : expected) {
    unsigned matches = 0;
    for (unsigned i = 0; i < actual.size(); ++i) {
      const Diag &d = actual[i];
      if (d.kind != e.kind || d.line != e.line || d.col != e.col ||
          !endsWith(d.file, file.filename().string()))
        continue;
      if (d.message.find(e.text) == std::string::npos || d.check != e.check)
        continue;
      ++matches;
      if (d.kind == "warning")
        claimed[i] = true;
    }
    if (e.kind == "warning")
      BOOST_CHECK_MESSAGE(matches == 1, file.filename().string()
                                            << ":" << e.line << ":" << e.col << ": expected one warning '"
                                            << e.text << "' [" << e.check << "], got " << matches
                                            << " (annotation on line " << e.annotationLine << ")");
    else
      BOOST_CHECK_MESSAGE(matches >= 1, file.filename().string()
                                            << ":" << e.line << ":" << e.col << ": expected a note '"
                                            << e.text << "' (annotation on line " << e.annotationLine
                                            << ")");
  }
  for (unsigned i = 0; i < actual.size(); ++i)
    if (actual[i].kind == "warning")
      BOOST_CHECK_MESSAGE(claimed[i], "unexpected warning: " << actual[i].file << ":" << actual[i].line
                                                             << ":" << actual[i].col << ": "
                                                             << actual[i].message);
}

std::vector<std::string> args(std::vector<std::string> files, bool withFlags = true) {
  if (withFlags)
    files.insert(files.end(), Flags.begin(), Flags.end());
  return files;
}

fs::path counterInput(const std::string &variant) { return Inputs / "counter" / variant / "counter.cpp"; }

std::vector<std::string> counterArgs(const std::string &variant) {
  return {counterInput(variant).string(), "--", "-std=c++20", "-I" + (Inputs / "counter").string()};
}

const std::regex GraderPattern(R"(counter\.cpp:[0-9]+:[0-9]+: warning: [^\n]*'counter'[^\n]*racelab-missing-lock)");

} // namespace

BOOST_AUTO_TEST_SUITE(checker_tests)

BOOST_AUTO_TEST_CASE(missing_lock_annotations) {
  fs::path file = TestDir / "missing-lock.cpp";
  unsigned banner = 0;
  auto expected = parseExpectations(file, &banner);
  BOOST_REQUIRE_MESSAGE(banner > 0, "the must-not-warn banner is missing");
  unsigned warnings = 0;
  for (const Expectation &e : expected)
    if (e.kind == "warning") {
      ++warnings;
      BOOST_CHECK_MESSAGE(e.line < banner, "a warning is announced below the must-not-warn banner, line "
                                               << e.line);
    }
  BOOST_REQUIRE_GE(warnings, 10u); // the annotations were really read

  Run r = runChecker(args({file.string()}));
  BOOST_TEST_MESSAGE(r.out);
  BOOST_CHECK_EQUAL(r.status, 1);
  BOOST_CHECK_EQUAL(r.err, "");
  auto actual = parseOutput(r.out);
  checkAnnotated(file, expected, actual);
}

BOOST_AUTO_TEST_CASE(warning_shows_source_line_and_caret) {
  Run r = runChecker(counterArgs("starter"));
  BOOST_REQUIRE_EQUAL(r.status, 1);
  auto out = lines(r.out);
  auto diags = parseOutput(r.out);
  BOOST_REQUIRE(!diags.empty());
  const Diag &w = diags.front();
  BOOST_CHECK_EQUAL(w.kind, "warning");
  BOOST_CHECK_EQUAL(w.check, "racelab-missing-lock");
  auto source = lines(slurp(counterInput("starter")));
  BOOST_REQUIRE_LT(w.outputLine + 2, out.size());
  BOOST_CHECK_EQUAL(out[w.outputLine + 1], source.at(w.line - 1));
  BOOST_CHECK_EQUAL(out[w.outputLine + 2], std::string(w.col - 1, ' ') + "^");
  // The notes: the other access, the loop that starts the threads, the fix.
  BOOST_CHECK(r.out.find("note: 'counter' is also read here") != std::string::npos);
  BOOST_CHECK(r.out.find("started here inside a loop") != std::string::npos);
  BOOST_CHECK(r.out.find("note: to fix:") != std::string::npos);
  BOOST_CHECK(r.out.find('\033') == std::string::npos); // no colours when not a terminal
}

BOOST_AUTO_TEST_CASE(exercise_one_starter_and_wrong_fixes_are_flagged) {
  for (const char *variant : {"starter", "mutex-per-thread", "atomic-load-store"}) {
    BOOST_TEST_CONTEXT(variant) {
      Run r = runChecker(counterArgs(variant));
      BOOST_CHECK_EQUAL(r.status, 1);
      BOOST_CHECK_MESSAGE(std::regex_search(r.out, GraderPattern), r.out);
      // One warning per variable, however many accesses.
      BOOST_CHECK_EQUAL(std::count(r.out.begin(), r.out.end(), '\n') > 0, true);
      auto diags = parseOutput(r.out);
      BOOST_CHECK_EQUAL(std::count_if(diags.begin(), diags.end(),
                                      [](const Diag &d) { return d.kind == "warning"; }),
                        1);
    }
  }
  BOOST_CHECK(runChecker(counterArgs("mutex-per-thread")).out.find("declared inside the thread's own code") !=
              std::string::npos);
  BOOST_CHECK(runChecker(counterArgs("atomic-load-store")).out.find("use fetch_add") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(exercise_one_solutions_are_clean) {
  for (const char *variant : {"mutex", "atomic", "manager"}) {
    BOOST_TEST_CONTEXT(variant) {
      Run r = runChecker(counterArgs(variant));
      BOOST_CHECK_EQUAL(r.status, 0);
      BOOST_CHECK_EQUAL(r.out, "");
      BOOST_CHECK_EQUAL(r.err, "");
    }
  }
}

BOOST_AUTO_TEST_CASE(clean_file_exits_zero) {
  Run r = runChecker(args({(Inputs / "clean.cpp").string()}));
  BOOST_CHECK_EQUAL(r.status, 0);
  BOOST_CHECK_EQUAL(r.out, "");
  BOOST_CHECK_EQUAL(r.err, "");
}

BOOST_AUTO_TEST_CASE(missing_file_is_a_tool_error) {
  std::string missing = (Inputs / "no-such-file.cpp").string();
  Run r = runChecker(args({missing}));
  BOOST_CHECK_EQUAL(r.status, 2);
  BOOST_CHECK_EQUAL(r.out, "");
  BOOST_CHECK_EQUAL(lines(r.err).size(), 1u);
  BOOST_CHECK(r.err.find(missing) != std::string::npos);
  BOOST_CHECK(r.err.find("no such file") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(syntax_error_is_a_tool_error_not_a_crash) {
  std::string bad = (Inputs / "syntax-error.cpp").string();
  Run r = runChecker(args({bad}));
  BOOST_CHECK_EQUAL(r.status, 2); // a crash would be 128 + signal
  BOOST_CHECK_EQUAL(r.out, "");
  BOOST_CHECK_EQUAL(lines(r.err).size(), 1u);
  BOOST_CHECK(r.err.find("'" + bad + "'") != std::string::npos);
  BOOST_CHECK(r.err.find("does not compile") != std::string::npos);
  BOOST_CHECK(r.err.find("syntax-error.cpp:7:") != std::string::npos); // where the first error is
  BOOST_CHECK(r.err.find("Stack dump") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(other_files_are_still_analysed) {
  std::string missing = (Inputs / "no-such-file.cpp").string();
  std::vector<std::string> a = counterArgs("starter");
  a.insert(a.begin(), missing);
  a.insert(a.begin() + 2, (Inputs / "syntax-error.cpp").string());
  Run r = runChecker(a);
  BOOST_CHECK_EQUAL(r.status, 2);
  BOOST_CHECK_MESSAGE(std::regex_search(r.out, GraderPattern), r.out);
  BOOST_CHECK(r.err.find(missing) != std::string::npos);
  BOOST_CHECK(r.err.find("syntax-error.cpp") != std::string::npos);
  BOOST_CHECK_EQUAL(lines(r.err).size(), 2u);
}

BOOST_AUTO_TEST_CASE(several_compile_commands_report_once) {
  // The same file built plain and with ThreadSanitizer, as the graders do.
  Scratch scratch;
  const fs::path &dir = scratch.dir;
  std::string file = counterInput("starter").string();
  std::string include = "-I" + (Inputs / "counter").string();
  boost::json::array db;
  for (const char *extra : {"-O2", "-fsanitize=thread"})
    db.push_back(boost::json::object{
        {"directory", dir.string()},
        {"file", file},
        {"arguments", boost::json::array{"clang++-16", "-std=c++20", include, extra, "-c", file}}});
  std::ofstream(dir / "compile_commands.json") << boost::json::serialize(db);
  for (bool all : {false, true}) {
    BOOST_TEST_CONTEXT("--all-compile-commands=" << all) {
      std::vector<std::string> a = {"-p", dir.string(), file};
      if (all)
        a.insert(a.begin(), "--all-compile-commands");
      Run r = runChecker(a);
      BOOST_CHECK_EQUAL(r.status, 1);
      auto diags = parseOutput(r.out);
      BOOST_CHECK_EQUAL(std::count_if(diags.begin(), diags.end(),
                                      [](const Diag &d) { return d.kind == "warning"; }),
                        1);
      BOOST_CHECK_MESSAGE(r.err.empty(), r.err);
    }
  }
  fs::remove_all(dir);
}

BOOST_AUTO_TEST_CASE(json_format_and_check_selection) {
  Run r = runChecker({"--format=json", counterInput("starter").string(), "--", "-std=c++20",
                      "-I" + (Inputs / "counter").string()});
  BOOST_CHECK_EQUAL(r.status, 1);
  boost::json::value v = boost::json::parse(r.out);
  BOOST_REQUIRE_EQUAL(v.as_array().size(), 1u);
  const boost::json::object &d = v.as_array()[0].as_object();
  BOOST_CHECK_EQUAL(d.at("check").as_string(), "racelab-missing-lock");
  BOOST_CHECK_EQUAL(d.at("line").as_int64(), 12);
  BOOST_CHECK(!d.at("notes").as_array().empty());

  Run none = runChecker({"--checks=-*", counterInput("starter").string(), "--", "-std=c++20"});
  BOOST_CHECK_EQUAL(none.status, 2);
  BOOST_CHECK(none.err.find("enables no check") != std::string::npos);

  Run listed = runChecker({"--list-checks"});
  BOOST_CHECK_EQUAL(listed.status, 0);
  BOOST_CHECK(listed.out.find("racelab-missing-lock") != std::string::npos);
}


// ---- racelab-blocking-in-coroutine, racelab-lock-across-suspend, SARIF ----

/// Runs an annotated file through the real binary: at least \p minWarnings
/// announced warnings above the banner and \p minCleanCases top-level
/// namespaces (one case each) below it; exactly the announced warnings appear.
static void runAnnotatedFile(const std::string &name, unsigned minWarnings, unsigned minCleanCases) {
  fs::path file = TestDir / name;
  unsigned banner = 0;
  auto expected = parseExpectations(file, &banner);
  BOOST_REQUIRE_MESSAGE(banner > 0, "the must-not-warn banner is missing");
  unsigned warnings = 0;
  for (const Expectation &e : expected)
    if (e.kind == "warning") {
      ++warnings;
      BOOST_CHECK_MESSAGE(e.line < banner, "a warning is announced below the banner, line " << e.line);
    }
  BOOST_CHECK_GE(warnings, minWarnings);
  auto source = lines(slurp(file));
  unsigned cleanCases = 0;
  for (unsigned i = banner; i < source.size(); ++i)
    cleanCases += source[i].rfind("namespace ", 0) == 0;
  BOOST_CHECK_GE(cleanCases, minCleanCases);

  Run r = runChecker(args({file.string()}));
  BOOST_TEST_MESSAGE(r.out);
  BOOST_CHECK_EQUAL(r.status, 1);
  BOOST_CHECK_EQUAL(r.err, "");
  checkAnnotated(file, expected, parseOutput(r.out));
}

BOOST_AUTO_TEST_CASE(blocking_in_coroutine_annotations) {
  runAnnotatedFile("blocking-in-coroutine.cpp", 15, 15);
}

BOOST_AUTO_TEST_CASE(lock_across_suspend_annotations) {
  runAnnotatedFile("lock-across-suspend.cpp", 15, 15);
}

BOOST_AUTO_TEST_CASE(interleaved_output_annotations) {
  runAnnotatedFile("interleaved-output.cpp", 15, 15);
}

// Every annotated file in tests/checker/ is run: those without a test case of
// their own above are run here, so a new check's file cannot be forgotten.
BOOST_AUTO_TEST_CASE(every_other_annotated_file) {
  const std::vector<std::string> ownCase = {"missing-lock.cpp", "blocking-in-coroutine.cpp",
                                            "lock-across-suspend.cpp", "interleaved-output.cpp"};
  for (const auto &entry : fs::directory_iterator(TestDir)) {
    std::string name = entry.path().filename().string();
    if (entry.path().extension() != ".cpp" || name == "checker_tests.cpp" ||
        std::find(ownCase.begin(), ownCase.end(), name) != ownCase.end())
      continue;
    if (slurp(entry.path()).find("CHECK-MESSAGES") == std::string::npos)
      continue;
    BOOST_TEST_CONTEXT(name) { runAnnotatedFile(name, 1, 1); }
  }
}

BOOST_AUTO_TEST_CASE(blocking_functions_option_extends_the_table) {
  std::string file = (Inputs / "coroutines" / "custom-blocking.cpp").string();
  Run plain = runChecker(args({file}));
  BOOST_CHECK_EQUAL(plain.status, 0);
  BOOST_CHECK_EQUAL(plain.out, "");

  Run r = runChecker(args({"--blocking-functions=net::fetch, ::Db::query", file}));
  BOOST_CHECK_EQUAL(r.status, 1);
  BOOST_CHECK_EQUAL(r.err, "");
  auto diags = parseOutput(r.out);
  auto has = [&](const std::string &kind, unsigned line, unsigned col, const std::string &text) {
    return std::any_of(diags.begin(), diags.end(), [&](const Diag &d) {
      return d.kind == kind && d.line == line && d.col == col && d.message.find(text) != std::string::npos;
    });
  };
  BOOST_CHECK_MESSAGE(has("warning", 27, 11, "'net::fetch' blocks the thread"), r.out);
  BOOST_CHECK_MESSAGE(has("warning", 28, 11, "'Db::query' (called through 'lookup') blocks"), r.out);
  BOOST_CHECK_MESSAGE(has("note", 24, 40, "'lookup' calls 'Db::query', which blocks here"), r.out);
}

/// racelab-check --format=sarif on custom-blocking.cpp, run from \p Cwd.
Run sarifFrom(const fs::path &Cwd, const std::string &File) {
  fs::path Saved = fs::current_path();
  fs::current_path(Cwd);
  Run R = runChecker({"--format=sarif", "--blocking-functions=net::fetch,Db::query", File, "--", "-std=c++20"});
  fs::current_path(Saved);
  return R;
}

BOOST_AUTO_TEST_CASE(sarif_has_what_code_scanning_needs) {
  const fs::path File = TestDir / "inputs/coroutines/custom-blocking.cpp";
  Run r = sarifFrom(TestDir, "inputs/coroutines/custom-blocking.cpp");
  BOOST_CHECK_EQUAL(r.status, 1);
  BOOST_CHECK_EQUAL(r.err, "");
  // The same log from another folder: URIs are relative to the repository,
  // not to where the tool ran.
  Run elsewhere = sarifFrom(fs::temp_directory_path(), File.string());
  BOOST_CHECK_EQUAL(elsewhere.out, r.out);
  BOOST_CHECK_MESSAGE(r.out.find("file://") == std::string::npos, "a machine path in the log:\n" << r.out);
  boost::json::value log = boost::json::parse(r.out);
  BOOST_CHECK(log.at("$schema").as_string().starts_with("https://"));
  BOOST_CHECK_EQUAL(log.at("version").as_string(), "2.1.0");
  const auto &runs = log.at("runs").as_array();
  BOOST_REQUIRE_EQUAL(runs.size(), 1u);
  const auto &run = runs[0].as_object();
  BOOST_CHECK(run.at("originalUriBaseIds").at("%SRCROOT%").as_object().contains("description"));
  const auto &invocation = run.at("invocations").as_array().at(0).as_object();
  BOOST_CHECK(invocation.at("executionSuccessful").as_bool());
  BOOST_CHECK(!invocation.contains("toolExecutionNotifications"));

  const auto &driver = run.at("tool").at("driver").as_object();
  BOOST_CHECK_EQUAL(driver.at("name").as_string(), "racelab-check");
  BOOST_CHECK(!driver.at("version").as_string().empty());
  BOOST_CHECK(!driver.at("informationUri").as_string().empty());
  std::vector<std::string> ruleIds;
  for (const auto &rule : driver.at("rules").as_array()) {
    std::string Id(rule.at("id").as_string());
    ruleIds.push_back(Id);
    // What GitHub code scanning requires of every rule, the help from the
    // check's page of checker/docs.
    BOOST_CHECK(!rule.at("shortDescription").at("text").as_string().empty());
    BOOST_CHECK(!rule.at("fullDescription").at("text").as_string().empty());
    BOOST_CHECK_MESSAGE(rule.at("help").at("markdown").as_string().starts_with("# " + Id + "\n"), Id);
    BOOST_CHECK(!rule.at("help").at("text").as_string().empty());
    BOOST_CHECK_MESSAGE(rule.at("shortDescription").at("text").as_string() != "racelab check " + Id,
                        Id << " has no summary of its own");
    BOOST_CHECK(!rule.as_object().contains("name")); // the same as the id: SARIF1001
    if (rule.as_object().contains("helpUri")) // only a published page: SARIF wants an absolute URI
      BOOST_CHECK(rule.at("helpUri").as_string().starts_with("https://"));
    BOOST_CHECK_EQUAL(rule.at("defaultConfiguration").at("level").as_string(), "warning");
  }
  for (const char *id : {"racelab-blocking-in-coroutine", "racelab-lock-across-suspend", "racelab-missing-lock",
                         "racelab-interleaved-output"})
    BOOST_CHECK_MESSAGE(std::find(ruleIds.begin(), ruleIds.end(), id) != ruleIds.end(), id);

  const auto &results = run.at("results").as_array();
  BOOST_REQUIRE_EQUAL(results.size(), 2u);
  const auto &first = results[0].as_object();
  BOOST_CHECK_EQUAL(first.at("ruleId").as_string(), "racelab-blocking-in-coroutine");
  BOOST_CHECK_EQUAL(first.at("level").as_string(), "warning");
  BOOST_CHECK(first.at("message").at("text").as_string().starts_with("'net::fetch' blocks"));
  const auto &where = first.at("locations").as_array().at(0).at("physicalLocation");
  const std::string Uri(where.at("artifactLocation").at("uri").as_string());
  BOOST_CHECK_MESSAGE(Uri.ends_with("/inputs/coroutines/custom-blocking.cpp") && Uri.front() != '/', Uri);
  BOOST_CHECK_EQUAL(where.at("artifactLocation").at("uriBaseId").as_string(), "%SRCROOT%");
  BOOST_CHECK_EQUAL(where.at("region").at("startLine").as_int64(), 27);
  BOOST_CHECK_EQUAL(where.at("region").at("startColumn").as_int64(), 11);
  // Each result its own fingerprint.
  BOOST_CHECK(first.at("partialFingerprints").as_object().size() == 1u);
  BOOST_CHECK(first.at("partialFingerprints") != results[1].at("partialFingerprints"));
  // The chain through lookup() comes as related locations, each with a message.
  const auto &related = results[1].at("relatedLocations").as_array();
  BOOST_REQUIRE_GE(related.size(), 2u);
  bool chain = false;
  for (const auto &note : related) {
    BOOST_CHECK(!note.at("message").at("text").as_string().empty());
    chain |= note.at("physicalLocation").at("region").at("startLine").as_int64() == 24;
  }
  BOOST_CHECK(chain);
}

BOOST_AUTO_TEST_CASE(sarif_says_when_the_run_failed) {
  // One file analysed, one missing: exit 2, and the log must not read as a
  // clean run.
  Run r = runChecker({"--format=sarif", (TestDir / "inputs/coroutines/custom-blocking.cpp").string(),
                      (TestDir / "inputs/no-such-file.cpp").string(), "--", "-std=c++20"});
  BOOST_CHECK_EQUAL(r.status, 2);
  boost::json::value log = boost::json::parse(r.out);
  const auto &invocation = log.at("runs").at(0).at("invocations").at(0).as_object();
  BOOST_CHECK(!invocation.at("executionSuccessful").as_bool());
  const auto &notes = invocation.at("toolExecutionNotifications").as_array();
  BOOST_REQUIRE_EQUAL(notes.size(), 1u);
  BOOST_CHECK_EQUAL(notes[0].at("level").as_string(), "error");
  BOOST_CHECK_MESSAGE(notes[0].at("message").at("text").as_string().ends_with("no-such-file.cpp': no such file"),
                      r.out);
  // A bad option: nothing analysed, and the log says why.
  Run bad = runChecker({"--format=sarif", "--checks=-*", (TestDir / "inputs/coroutines/custom-blocking.cpp").string(),
                        "--", "-std=c++20"});
  BOOST_CHECK_EQUAL(bad.status, 2);
  boost::json::value badLog = boost::json::parse(bad.out);
  const auto &badRun = badLog.at("runs").at(0).at("invocations").at(0);
  BOOST_CHECK(!badRun.at("executionSuccessful").as_bool());
  BOOST_CHECK(badRun.at("toolExecutionNotifications").at(0).at("message").at("text").as_string().starts_with(
      "--checks='-*' enables no check"));
}

BOOST_AUTO_TEST_CASE(version_names_racelab_and_its_clang) {
  Run r = runChecker({"--version"});
  BOOST_CHECK_EQUAL(r.status, 0);
  BOOST_CHECK_MESSAGE(r.out.starts_with("racelab-check "), r.out);
  BOOST_CHECK_MESSAGE(r.out.find("built with the libraries of Clang ") != std::string::npos, r.out);
  BOOST_CHECK_MESSAGE(r.out.find("LLVM version") == std::string::npos, "LLVM's own version text: " << r.out);
}

BOOST_AUTO_TEST_CASE(an_unknown_option_is_named_on_one_line) {
  Run r = runChecker({"--bogus", "x.cpp"});
  BOOST_CHECK_EQUAL(r.status, 2);
  BOOST_CHECK_MESSAGE(r.err.starts_with("racelab-check: error: ") && r.err.find("'--bogus'") != std::string::npos,
                      r.err);
  BOOST_CHECK_MESSAGE(r.err.find('\n') == r.err.size() - 1, "not one line: " << r.err);
}

BOOST_AUTO_TEST_SUITE_END()
