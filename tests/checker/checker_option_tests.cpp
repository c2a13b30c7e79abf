// racelab-check's clang-tidy-style options: --config (YAML and JSON),
// --dump-config read back by --config, --header-filter, --warnings-as-errors,
// --quiet, --export-fixes applied by clang-apply-replacements, and the one-line
// errors of bad values. Runs the real binary, in scratch folders.
#include <boost/process.hpp>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <filesystem>
#include <regex>
#include <string>
#include <vector>

#include "checker_test_support.hpp"

namespace fs = std::filesystem;

namespace {

using namespace checker_test;

/// A program with a race in a header (shared.hpp) and one in the file itself.
struct HeaderRace : Scratch {
  fs::path header = dir / "include" / "shared.hpp";
  fs::path source = dir / "main.cpp";
  HeaderRace() {
    write(header, "#pragma once\n"
                  "inline long in_header = 0;\n"
                  "inline void bump_header() { in_header = in_header + 1; }\n");
    write(source, "#include \"shared.hpp\"\n"
                  "#include <thread>\n"
                  "long in_source = 0;\n"
                  "void work() {\n"
                  "  bump_header();\n"
                  "  in_source = in_source + 1;\n"
                  "}\n"
                  "int main() {\n"
                  "  std::thread a(work), b(work);\n"
                  "  a.join();\n"
                  "  b.join();\n"
                  "}\n");
  }
  std::vector<std::string> args(std::vector<std::string> options) const {
    options.push_back(source.string());
    for (std::string flag : {std::string("--"), std::string("-std=c++20"), "-I" + (dir / "include").string()})
      options.push_back(flag);
    return options;
  }
};

long count(const std::string &text, const std::string &what) {
  long n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size()))
    ++n;
  return n;
}

/// Atomic updates split in a load and a store: two the fix may rewrite, and
/// four it must leave alone (the value read earlier, an explicit memory order,
/// a product, an amount with a side effect).
const char *SplitUpdates = R"(#include <atomic>
#include <thread>
std::atomic<long> hits{0};
std::atomic<unsigned> misses{0};
std::atomic<long> early{0}, relaxed{0}, doubled{0}, called{0};
long next();
void work() {
  hits.store(hits.load() + 2);
  misses = misses - 1;
  long seen = early.load();
  early.store(seen + 1);
  relaxed.store(relaxed.load() + 1, std::memory_order_relaxed);
  doubled.store(doubled.load() * 2);
  called.store(called.load() + next());
}
int main() {
  std::thread a(work), b(work);
  a.join();
  b.join();
}
)";

} // namespace

BOOST_AUTO_TEST_SUITE(checker_option_tests)

BOOST_AUTO_TEST_CASE(config_text_as_yaml_or_json_replaces_the_config_file) {
  HeaderRace t;
  write(t.dir / ".racelab-check", "Checks: '-*,racelab-interleaved-output'\n"); // would silence both
  for (const std::string config : {"Checks: '-*,racelab-missing-lock'", R"({"Checks": "-*,racelab-missing-lock"})"}) {
    Run r = runChecker(t.args({"--config=" + config}));
    BOOST_TEST(r.status == 1, config << ": " << r.err);
    BOOST_TEST(count(r.out, ": warning: ") == 2, r.out);
  }
  Run off = runChecker(t.args({"--config={Checks: '-racelab-missing-lock'}"}));
  BOOST_TEST(off.status == 0, off.out << off.err);
  // A bad text names the option, the place in the text and what is wrong.
  Run bad = runChecker(t.args({"--config={Chekcs: '*'}"}));
  BOOST_TEST(bad.status == 2);
  BOOST_TEST(lines(bad.err).size() == 1u, bad.err);
  BOOST_TEST(bad.err.find("racelab-check: error: --config: --config:1:2: unknown key 'Chekcs'") == 0, bad.err);
  Run both = runChecker(t.args({"--config={}", "--config-file=" + (t.dir / ".racelab-check").string()}));
  BOOST_TEST(both.status == 2);
  BOOST_TEST(both.err.find("--config and --config-file") != std::string::npos, both.err);
}

BOOST_AUTO_TEST_CASE(dump_config_prints_what_config_reads_back) {
  HeaderRace t;
  write(t.dir / ".racelab-check", "Checks: '-racelab-interleaved-output'\n"
                                  "CheckOptions:\n"
                                  "  racelab-blocking-in-coroutine.BlockingFunctions: 'net::fetch'\n");
  Run dump = runChecker(t.args({"--dump-config", "--checks=-racelab-lock-across-suspend",
                                "--warnings-as-errors=racelab-missing-lock", "--header-filter=include/.*"}));
  BOOST_TEST_REQUIRE(dump.status == 0, dump.err);
  for (const char *line : {"Checks:", "racelab-*,-racelab-interleaved-output,-racelab-lock-across-suspend",
                           "WarningsAsErrors: racelab-missing-lock", "HeaderFilterRegex: 'include/.*'",
                           "racelab-blocking-in-coroutine.BlockingFunctions: 'net::fetch'"})
    BOOST_TEST(dump.out.find(line) != std::string::npos, line << " in\n" << dump.out);
  // Read back by --config, it is the same configuration (without the file).
  fs::remove(t.dir / ".racelab-check");
  Run again = runChecker(t.args({"--dump-config", "--config=" + dump.out}));
  BOOST_TEST(again.status == 0, again.err);
  BOOST_TEST(again.out == dump.out);
  Run listed = runChecker(t.args({"--list-checks", "--config=" + dump.out}));
  BOOST_TEST(listed.out.find("racelab-interleaved-output") == std::string::npos, listed.out);
  BOOST_TEST(listed.out.find("racelab-missing-lock") != std::string::npos, listed.out);
}

BOOST_AUTO_TEST_CASE(header_filter_hides_findings_in_other_headers) {
  HeaderRace t;
  Run all = runChecker(t.args({}));
  BOOST_TEST(all.status == 1);
  BOOST_TEST(count(all.out, "shared.hpp:3:29: warning:") == 1, all.out); // default: every header
  BOOST_TEST(all.err == "");
  Run hidden = runChecker(t.args({"--header-filter=nothing-matches"}));
  BOOST_TEST(hidden.status == 1);
  BOOST_TEST(count(hidden.out, ": warning: ") == 1, hidden.out); // the file itself always shows
  BOOST_TEST(count(hidden.out, "main.cpp:6:3: warning:") == 1, hidden.out);
  BOOST_TEST(hidden.err.find("Hid 1 finding in headers") == 0, hidden.err);
  Run quiet = runChecker(t.args({"--header-filter=nothing-matches", "--quiet"}));
  BOOST_TEST(quiet.out == hidden.out);
  BOOST_TEST(quiet.err == "");
  Run shown = runChecker(t.args({"--header-filter=include/shared"}));
  BOOST_TEST(count(shown.out, ": warning: ") == 2, shown.out);
  write(t.dir / ".racelab-check", "HeaderFilterRegex: 'nothing-matches'\n");
  Run configured = runChecker(t.args({"--quiet"}));
  BOOST_TEST(count(configured.out, ": warning: ") == 1, configured.out);
  Run bad = runChecker(t.args({"--header-filter=include/(shared"}));
  BOOST_TEST(bad.status == 2);
  BOOST_TEST(bad.err.find("racelab-check: error: --header-filter: 'include/(shared' is not a valid regular "
                          "expression") == 0,
             bad.err);
}

BOOST_AUTO_TEST_CASE(warnings_as_errors_names_the_checks_whose_findings_are_errors) {
  HeaderRace t;
  Run r = runChecker(t.args({"--warnings-as-errors=racelab-missing-*"}));
  BOOST_TEST(r.status == 1);
  BOOST_TEST(count(r.out, ": error: ") == 2, r.out);
  BOOST_TEST(count(r.out, "[racelab-missing-lock,-warnings-as-errors]") == 2, r.out);
  BOOST_TEST(r.err == "2 warnings treated as errors (--warnings-as-errors).\n");
  Run json = runChecker(t.args({"--warnings-as-errors=*", "--format=json", "--quiet"}));
  BOOST_TEST(count(json.out, "\"severity\": \"error\"") == 2, json.out);
  BOOST_TEST(json.err == "");
  Run sarif = runChecker(t.args({"--warnings-as-errors=*", "--format=sarif", "--quiet"}));
  BOOST_TEST(count(sarif.out, "\"level\": \"error\"") >= 2, sarif.out);
  Run none = runChecker(t.args({"--warnings-as-errors=-*"}));
  BOOST_TEST(count(none.out, ": warning: ") == 2, none.out);
  write(t.dir / ".racelab-check", "WarningsAsErrors: 'racelab-*'\n");
  Run configured = runChecker(t.args({"--quiet"}));
  BOOST_TEST(count(configured.out, ": error: ") == 2, configured.out);
  Run bad = runChecker(t.args({"--warnings-as-errors=racelab-no-such"}));
  BOOST_TEST(bad.status == 2);
  BOOST_TEST(bad.err == "racelab-check: error: --warnings-as-errors: 'racelab-no-such' matches no check (see "
                        "--list-checks)\n");
}

BOOST_AUTO_TEST_CASE(export_fixes_writes_what_clang_apply_replacements_applies) {
  Scratch s;
  fs::path source = s.dir / "updates.cpp", fixes = s.dir / "fixes" / "updates.yaml";
  write(source, SplitUpdates);
  fs::create_directories(fixes.parent_path());
  std::vector<std::string> args{"--export-fixes=" + fixes.string(), source.string(), "--", "-std=c++20"};
  Run r = runChecker(args);
  BOOST_TEST_REQUIRE(r.status == 1, r.err);
  BOOST_TEST(count(r.out, ": warning: ") == 6, r.out); // every split update is reported…
  const std::string yaml = slurp(fixes);
  BOOST_TEST(count(yaml, "DiagnosticName:") == 2, yaml); // …two have a fix to apply
  BOOST_TEST(count(yaml, "ReplacementText: 'hits.fetch_add(2)'") == 1, yaml);
  BOOST_TEST(count(yaml, "ReplacementText: 'misses.fetch_sub(1)'") == 1, yaml);
  BOOST_TEST(yaml.find("MainSourceFile:") != std::string::npos, yaml);

  // The tool clang-tidy's users apply fixes with reads the file as it is.
  namespace bp = boost::process;
  BOOST_TEST_REQUIRE(std::string(RACELAB_APPLY_REPLACEMENTS) != "", "clang-apply-replacements was not found");
  int status = bp::system(bp::exe = RACELAB_APPLY_REPLACEMENTS, bp::args = std::vector<std::string>{fixes.parent_path().string()},
                          bp::std_out > bp::null, bp::std_err > bp::null);
  BOOST_TEST_REQUIRE(status == 0);
  const std::string fixed = slurp(source);
  BOOST_TEST(fixed.find("  hits.fetch_add(2);\n  misses.fetch_sub(1);\n") != std::string::npos, fixed);
  BOOST_TEST(fixed.find("early.store(seen + 1);") != std::string::npos, fixed);
  BOOST_TEST(fixed.find("relaxed.store(relaxed.load() + 1, std::memory_order_relaxed);") != std::string::npos);
  Run after = runChecker(args);
  BOOST_TEST(after.status == 1, after.err);
  BOOST_TEST(count(after.out, ": warning: ") == 4, after.out); // the two fixed ones are gone
  BOOST_TEST(after.out.find("'hits'") == std::string::npos, after.out);
  BOOST_TEST(after.out.find("'misses'") == std::string::npos, after.out);

  Run unwritable = runChecker({"--export-fixes=" + (s.dir / "no-such" / "f.yaml").string(), source.string(), "--",
                               "-std=c++20"});
  BOOST_TEST(unwritable.status == 2);
  BOOST_TEST(unwritable.err.find("racelab-check: error: --export-fixes: cannot write '") == 0, unwritable.err);
  Run empty = runChecker({"--export-fixes=", source.string(), "--", "-std=c++20"});
  BOOST_TEST(empty.status == 2);
  BOOST_TEST(empty.err == "racelab-check: error: --export-fixes: no file named (--export-fixes=<file>)\n");
}

BOOST_AUTO_TEST_SUITE_END()
