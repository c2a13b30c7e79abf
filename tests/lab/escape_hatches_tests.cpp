// Escape hatches (ways to make a judge look away) and the judges' other
// defences: each hatch is found with its line, look-alikes are not, and the
// judge that is dodged fails while the others carry on. Also here: a judge
// believes Boost.Test's report, not an exit status, and shows the lock-order
// inversion behind a hang.
#include "judge/escape_hatches.hpp"
#include "judge/judge.hpp"
#include "sandbox/process.hpp"
#include "sandbox/temp_dir.hpp"
#include "lab_test_support.hpp"

#include <boost/test/unit_test.hpp>

#include <fstream>
#include <sstream>

namespace lab = racelab::lab;
namespace fs = std::filesystem;

namespace {

using racelab::lab::testing::contains;

/// A sources folder holding one file, scanned as the judges scan it.
struct Sources {
  lab::TempDir dir{"racelab-hatch-test"};

  std::vector<lab::EscapeHatch> scan(const std::string& text, bool sleep_allowed = false) const {
    const auto file = dir.path() / "student.cpp";
    std::ofstream(file) << text;
    return lab::find_escape_hatches(dir.path(), {file}, sleep_allowed);
  }

  /// The kinds found, one per hatch, in order: "no_sanitize@3 sleep@5".
  std::string kinds(const std::string& text, bool sleep_allowed = false) const {
    std::string out;
    for (const auto& h : scan(text, sleep_allowed)) {
      out += (out.empty() ? "" : " ") + h.kind + "@" + std::to_string(h.line);
    }
    return out;
  }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(escape_hatches, Sources)

BOOST_AUTO_TEST_CASE(no_sanitize_in_every_spelling_costs_tsan) {
  const auto found = scan(
      "#include <thread>\n"
      "__attribute__((no_sanitize(\"thread\"))) void a() {}\n"
      "[[clang::no_sanitize(\"address\", \"thread\")]] void b() {}\n"
      "__attribute__((no_sanitize_thread)) void c() {}\n"
      "#define QUIET [[gnu::no_sanitize_thread]]\n"
      "__attribute__((disable_sanitizer_instrumentation)) void d() {}\n");
  BOOST_TEST_REQUIRE(found.size() == 5u);
  BOOST_TEST(found[0].file == "student.cpp");
  BOOST_TEST(found[0].line == 2);
  BOOST_TEST(found[0].kind == "no_sanitize");
  BOOST_TEST(found[0].dodges == lab::Judge::tsan);
  BOOST_TEST(found[0].text == "__attribute__((no_sanitize(\"thread\"))) void a() {}");
  BOOST_TEST(contains(found[0].message, "Remove it"));
}

BOOST_AUTO_TEST_CASE(no_sanitize_look_alikes_are_not_flagged) {
  BOOST_TEST(kinds("__attribute__((no_sanitize(\"address\"))) void a() {}\n"
                   "// __attribute__((no_sanitize(\"thread\"))) was tempting\n"
                   "const char* s = \"__attribute__((no_sanitize(\\\"thread\\\")))\";\n"
                   "/* no_sanitize_thread\n"
                   "   no_sanitize(\"thread\") */\n"
                   "int my_no_sanitize_thread_count = 0;\n") == "");
}

BOOST_AUTO_TEST_CASE(nolint_that_reaches_racelab_costs_static) {
  BOOST_TEST(kinds("int a = 0; // NOLINT\n"
                   "int b = 0; // NOLINT(racelab-missing-lock)\n"
                   "// NOLINTNEXTLINE(bugprone-*, racelab-interleaved-output)\n"
                   "int c = 0;\n"
                   "// NOLINTBEGIN(racelab*)\n"
                   "// NOLINTEND(racelab*)\n"
                   "int d = 0; /* NOLINT(*) */\n") == "nolint@1 nolint@2 nolint@3 nolint@5 nolint@7");
  const auto found = scan("int a = 0; // NOLINT\n");
  BOOST_TEST_REQUIRE(found.size() == 1u);
  BOOST_TEST(found[0].dodges == lab::Judge::static_check);
}

BOOST_AUTO_TEST_CASE(nolint_look_alikes_are_not_flagged) {
  BOOST_TEST(kinds("int a = 0; // NOLINT(bugprone-narrowing-conversions)\n"
                   "const char* s = \"// NOLINT\";\n"
                   "// NOLINTEND\n"
                   "int NOLINTER = 0;\n"
                   "// the word nolint in lower case\n") == "");
}

BOOST_AUTO_TEST_CASE(tsan_suppressions_options_and_annotations_cost_tsan) {
  BOOST_TEST(kinds("extern \"C\" const char* __tsan_default_suppressions() { return \"race:counter\"; }\n"
                   "extern \"C\" const char* __tsan_default_options() { return \"report_bugs=0\"; }\n"
                   "void f() { __tsan_ignore_thread_begin(); }\n"
                   "void g() { AnnotateIgnoreWritesBegin(__FILE__, __LINE__); }\n"
                   "void h() { setenv(\"TSAN_OPTIONS\", \"report_bugs=0\", 1); }\n"
                   "void i() { __sanitizer_set_report_path(\"/dev/null\"); }\n"
                   "void j() { putenv(const_cast<char*>(\"TSAN_OPTIONS=exitcode=0\")); }\n") ==
             "tsan-suppression@1 tsan-suppression@2 tsan-suppression@3 tsan-suppression@4 "
             "tsan-suppression@5 tsan-suppression@6 tsan-suppression@7");
}

BOOST_AUTO_TEST_CASE(tsan_look_alikes_are_not_flagged) {
  BOOST_TEST(kinds("// __tsan_default_suppressions would hide it\n"
                   "int my__tsan_count = 0;\n"
                   "void annotate_ignore() {}\n"
                   "const char* note = \"read about TSan options in the README\";\n") == "");
}

BOOST_AUTO_TEST_CASE(sleeps_cost_tsan_unless_the_exercise_sleeps) {
  const std::string text =
      "#include <thread>\n"
      "void a() { std::this_thread::sleep_for(std::chrono::milliseconds(10)); }\n"
      "void b() { std::this_thread::sleep_until(deadline); }\n"
      "void c() { usleep(1000); }\n"
      "void d() { sleep(1); }\n"
      "void e() { nanosleep(&ts, nullptr); }\n"
      "using std::this_thread::sleep_for;\n";
  BOOST_TEST(kinds(text) == "sleep@2 sleep@3 sleep@4 sleep@5 sleep@6 sleep@7");
  BOOST_TEST(kinds(text, true) == "");
  const auto found = scan("void d() { sleep(1); }\n");
  BOOST_TEST_REQUIRE(found.size() == 1u);
  BOOST_TEST(found[0].dodges == lab::Judge::tsan);
  BOOST_TEST(contains(found[0].message, "a sleep is not synchronisation: it makes the race unlikely, not impossible"));
}

BOOST_AUTO_TEST_CASE(sleep_look_alikes_are_not_flagged) {
  BOOST_TEST(kinds("// do not sleep(1) here: join the thread\n"
                   "void sleep_forever_is_a_name();\n"
                   "bool asleep(int);\n"
                   "void f() { timer.sleep(1); robot->sleep(2); my_sleep(3); asleep(4); }\n"
                   "const char* s = \"sleep_for(10ms)\";\n"
                   "const char* r = R\"(usleep(1) \" sleep(2))\";\n"
                   "int sleep_count = 1'000'000; char c = '\"'; // sleep(5)\n") == "");
}

BOOST_AUTO_TEST_CASE(comments_and_strings_are_tracked_across_lines) {
  BOOST_TEST(kinds("/* a block comment\n"
                   "   sleep(1); NOLINT is fine here? no: it is a comment, so it counts */\n"
                   "const char* r = R\"x(\n"
                   "__tsan_default_options sleep(1)\n"
                   ")x\";\n"
                   "void f() { sleep(1); }\n") == "nolint@2 sleep@6");
}

BOOST_AUTO_TEST_SUITE_END()

namespace {

struct Verdict {
  int status;
  std::string text;
};

Verdict judge(lab::Judge kind, const fs::path& sources, std::vector<std::string> command,
              double timeout = 30) {
  lab::JudgeOptions o;
  o.judge = kind;
  o.exercise = 7;
  o.readme = "/nowhere/exercises/07-test/README.md";
  o.sources = sources;
  o.timeout_seconds = timeout;
  o.command = std::move(command);
  std::ostringstream out;
  const int status = lab::run_judge(o, out);
  return {status, out.str()};
}

const std::string fake = RACELAB_TEST_FAKE_PROGRAM;

}  // namespace

BOOST_FIXTURE_TEST_SUITE(judges_cannot_be_fooled, Sources)

BOOST_AUTO_TEST_CASE(a_hatch_fails_the_judge_it_dodges_and_no_other) {
  scan("#include <thread>\n"
       "__attribute__((no_sanitize(\"thread\"))) void add() {}\n");
  const auto tsan = judge(lab::Judge::tsan, dir.path(), {fake, "boost-pass"});
  BOOST_TEST(tsan.status == 1);
  BOOST_TEST(tsan.text.rfind("exercise 7 — ThreadSanitizer judge: FAILED\n"
                             "your code tells ThreadSanitizer to look away (1 place)",
                             0) == 0u,
             tsan.text);
  BOOST_TEST(contains(tsan.text, "  student.cpp:2: __attribute__((no_sanitize(\"thread\"))) void add() {}\n"));
  BOOST_TEST(judge(lab::Judge::functional, dir.path(), {fake, "boost-pass"}).status == 0);
  BOOST_TEST(judge(lab::Judge::static_check, dir.path(), {fake, "exit", "0"}).status == 0);
}

BOOST_AUTO_TEST_CASE(a_nolint_fails_the_static_judge) {
  scan("int shared = 0; // NOLINT(racelab-missing-lock)\n");
  const auto v = judge(lab::Judge::static_check, dir.path(), {fake, "exit", "0"});
  BOOST_TEST(v.status == 1);
  BOOST_TEST(contains(v.text, "your code tells racelab-check to look away"));
  BOOST_TEST(contains(v.text, "student.cpp:1: int shared = 0; // NOLINT(racelab-missing-lock)"));
  BOOST_TEST(judge(lab::Judge::tsan, dir.path(), {fake, "boost-pass"}).status == 0);
}

BOOST_AUTO_TEST_CASE(exit_zero_without_the_test_report_is_not_a_pass) {
  const auto functional = judge(lab::Judge::functional, dir.path(), {fake, "exit", "0"});
  BOOST_TEST(functional.status == 1);
  BOOST_TEST(contains(functional.text, "the program exited before its tests finished (exit code 0) — did something "
                                       "call exit() or quick_exit()?"),
             functional.text);
  const auto tsan = judge(lab::Judge::tsan, dir.path(), {fake, "exit", "0"});
  BOOST_TEST(tsan.status == 1);
  BOOST_TEST(contains(tsan.text, "the program exited before its tests finished (exit code 0)"));
}

BOOST_AUTO_TEST_CASE(exit_zero_after_failed_tests_is_not_a_pass) {
  const auto v = judge(lab::Judge::functional, dir.path(), {fake, "failed-exit-zero"});
  BOOST_TEST(v.status == 1);
  BOOST_TEST(contains(v.text, "the tests did not all pass (0 passed, 1 failed, 0 aborted), yet the program ended "
                              "with exit code 0"),
             v.text);
}

BOOST_AUTO_TEST_CASE(lingering_children_are_killed_and_noted) {
  const auto pid_file = dir.path() / "child.pid";
  const auto v = judge(lab::Judge::functional, dir.path(), {fake, "setsid-linger", pid_file.string()});
  BOOST_TEST(v.status == 0, v.text);
  BOOST_TEST(contains(v.text, "note: 1 process it started was still running when the program ended; "
                              "the judge killed it.\n"));
}

BOOST_AUTO_TEST_CASE(a_limit_gives_its_reason_in_the_verdict) {
  lab::JudgeOptions o;
  o.judge = lab::Judge::functional;
  o.exercise = 7;
  o.sources = dir.path();
  o.limits.processes = 8;
  o.command = {fake, "fork-many", "20"};
  std::ostringstream out;
  BOOST_TEST(lab::run_judge(o, out) == 1);
  BOOST_TEST(contains(out.str(), "FAILED\nkilled: more than 8 processes alive at once (a fork that never ends?)\n"),
             out.str());
}

BOOST_AUTO_TEST_CASE(the_command_line_passes_allow_sleep_and_limits_to_the_judge) {
  scan("void pace() { std::this_thread::sleep_for(std::chrono::milliseconds(10)); }\n");
  auto racelab = [&](std::vector<std::string> args) {
    lab::RunRequest request;
    request.command = {RACELAB_TEST_RACELAB, "judge"};
    request.command.insert(request.command.end(), args.begin(), args.end());
    request.output_file = dir.path() / "cli-output.txt";
    request.time_limit = std::chrono::seconds(60);
    return lab::run_process(request);
  };
  const std::string sources = dir.path().string();
  const auto refused = racelab({"tsan", "--exercise", "7", "--sources", sources, "--", fake, "boost-pass"});
  BOOST_TEST(refused.exited_with(1));
  BOOST_TEST(contains(refused.output, "a sleep is not synchronisation"));
  const auto allowed =
      racelab({"tsan", "--exercise", "7", "--sources", sources, "--allow-sleep", "--", fake, "boost-pass"});
  BOOST_TEST(allowed.exited_with(0), allowed.output);
  const auto limited = racelab({"functional", "--exercise", "7", "--process-limit", "8", "--", fake, "fork-many", "20"});
  BOOST_TEST(limited.exited_with(1));
  BOOST_TEST(contains(limited.output, "killed: more than 8 processes alive at once"), limited.output);
}

BOOST_AUTO_TEST_CASE(a_deadlock_shows_the_lock_order_inversion_under_the_time_out) {
  const auto v = judge(lab::Judge::tsan, RACELAB_TEST_HELPERS_DIR, {RACELAB_TEST_DEADLOCK_PROGRAM}, 5);
  BOOST_TEST(v.status == 1);
  const std::string verdict =
      "exercise 7 — ThreadSanitizer judge: FAILED\n"
      "timed out after 5 s — possible deadlock or endless loop (under ThreadSanitizer)\n"
      "Before the time-out, ThreadSanitizer saw two locks taken in opposite orders — the likely deadlock:\n";
  BOOST_TEST(v.text.rfind(verdict, 0) == 0u, v.text);
  BOOST_TEST(contains(v.text, "lab_deadlock_program.cpp:"));
}

BOOST_AUTO_TEST_SUITE_END()
