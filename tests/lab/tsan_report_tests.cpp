// The TSan report parser on real reports captured from clang-16's TSan
// (tests/lab/tsan-reports/*.log; the programs are in tsan-reports/src/ and
// were built in /home/student/lab/src, which the tests pass as --sources).

#include "judge/tsan_report.hpp"

#include <boost/test/unit_test.hpp>

#include <unistd.h>

#include <fstream>
#include <sstream>

namespace lab = racelab::lab;

namespace {

const std::filesystem::path reports = std::filesystem::path(RACELAB_TEST_DATA_DIR) / "tsan-reports";
const std::filesystem::path sources = "/home/student/lab/src";

std::string fixture(const std::string& name) {
  std::ifstream in(reports / (name + ".log"));
  BOOST_TEST_REQUIRE(in.good(), "missing fixture " << name);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

lab::TsanLog parse(const std::vector<std::string>& names, const std::filesystem::path& from = sources) {
  lab::TsanLog log;
  for (const auto& name : names) lab::parse_tsan_text(fixture(name), from, log);
  return log;
}

bool has_detail(const lab::Finding& f, const std::string& text) {
  for (const auto& d : f.details) {
    if (d.find(text) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(tsan_report_tests)

BOOST_AUTO_TEST_CASE(global_race_names_the_variable_accesses_and_threads) {
  const auto log = parse({"counter"});
  BOOST_TEST(log.raw_reports == 1);
  BOOST_TEST_REQUIRE(log.findings.size() == 1u);
  const auto& f = log.findings[0];
  BOOST_TEST((f.kind == lab::FindingKind::data_race));
  BOOST_TEST(f.object == "global 'racelab::counter'");
  BOOST_TEST_REQUIRE(f.accesses.size() == 2u);
  BOOST_TEST(f.accesses[0].operation == "write");
  BOOST_TEST(f.accesses[0].size == 8);
  BOOST_TEST(!f.accesses[0].previous);
  BOOST_TEST(f.accesses[0].thread == "thread T2");
  BOOST_TEST(f.accesses[0].where.str() == "counter.cpp:13:13 in racelab::worker(long)");
  BOOST_TEST(f.accesses[1].previous);
  BOOST_TEST(f.accesses[1].thread == "thread T1");
  BOOST_TEST(f.accesses[1].where.position() == "counter.cpp:13:13");
}

BOOST_AUTO_TEST_CASE(summary_reads_like_the_design) {
  const auto text = lab::summarise(parse({"counter"}));
  BOOST_TEST(text ==
             "ThreadSanitizer found 1 data race:\n"
             "  data race on global 'racelab::counter'\n"
             "    write by thread T2 at counter.cpp:13:13 in racelab::worker(long)\n"
             "    previous write by thread T1 at counter.cpp:13:13 in racelab::worker(long)\n");
}

BOOST_AUTO_TEST_CASE(same_race_in_two_logs_is_one_finding) {
  const auto log = parse({"counter", "counter_again"});
  BOOST_TEST(log.raw_reports == 2);
  BOOST_TEST_REQUIRE(log.findings.size() == 1u);
  BOOST_TEST(log.findings[0].reports == 2);
  const auto text = lab::summarise(log);
  BOOST_TEST(text.find("ThreadSanitizer found 1 data race (2 reports, deduplicated):") == 0u);
  BOOST_TEST(text.find("(reported 2 times)") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(different_races_are_kept_apart) {
  const auto log = parse({"counter", "heap_race", "deadlock"});
  BOOST_TEST(log.findings.size() == 3u);
  const auto text = lab::summarise(log);
  BOOST_TEST(text.find("ThreadSanitizer found 2 data races and 1 lock-order inversion (potential deadlock):") == 0u);
}

BOOST_AUTO_TEST_CASE(heap_block_is_named_by_its_allocation_in_the_sources) {
  const auto log = parse({"heap_race"});
  BOOST_TEST_REQUIRE(log.findings.size() == 1u);
  const auto& f = log.findings[0];
  // Frame #1 is make_unique in <bits/unique_ptr.h>; frame #2, in the sources, is chosen.
  BOOST_TEST(f.object == "heap block of 4 bytes allocated at heap_race.cpp:7:14 in main");
  BOOST_TEST(f.accesses[0].where.str() == "heap_race.cpp:5:64 in bump(Box*)");
}

BOOST_AUTO_TEST_CASE(outside_the_sources_the_first_frame_with_a_file_is_shown) {
  const auto log = parse({"heap_race"}, "/somewhere/else");
  BOOST_TEST_REQUIRE(log.findings.size() == 1u);
  BOOST_TEST(log.findings[0].object.find("allocated at /usr/include/c++/12/bits/unique_ptr.h:1065:30") !=
             std::string::npos);
  BOOST_TEST(log.findings[0].accesses[0].where.file == "/home/student/lab/src/heap_race.cpp");
}

BOOST_AUTO_TEST_CASE(stack_variable_belongs_to_its_thread) {
  const auto log = parse({"stack_race"});
  BOOST_TEST_REQUIRE(log.findings.size() == 1u);
  const auto& f = log.findings[0];
  BOOST_TEST(f.object == "a local variable of the main thread");
  BOOST_TEST(f.accesses[0].thread == "the main thread");
  BOOST_TEST(f.accesses[0].where.str() == "stack_race.cpp:5:39 in main");
  BOOST_TEST(f.accesses[1].thread == "thread T1");
  BOOST_TEST(f.accesses[1].where.position() == "stack_race.cpp:4:64");
}

BOOST_AUTO_TEST_CASE(mutexes_held_are_listed_and_the_mismatch_explained) {
  const auto log = parse({"mutex_race"});
  BOOST_TEST_REQUIRE(log.findings.size() == 1u);
  const auto& f = log.findings[0];
  BOOST_TEST(f.object == "global 'shared_total'");
  BOOST_TEST(f.accesses[0].mutexes == std::vector<std::string>{"M0"});
  BOOST_TEST(f.accesses[1].mutexes == std::vector<std::string>{"M1"});
  BOOST_TEST(has_detail(f, "write by thread T2 at mutex_race.cpp:6:94 in with_second(), holding M0 (first locked at mutex_race.cpp:6:71)"));
  BOOST_TEST(has_detail(f, "the two threads hold different mutexes"));
}

BOOST_AUTO_TEST_CASE(atomic_access_is_called_atomic) {
  const auto log = parse({"atomic_race"});
  BOOST_TEST_REQUIRE(log.findings.size() == 1u);
  BOOST_TEST(log.findings[0].object == "global 'plain_flag'");
  BOOST_TEST(log.findings[0].accesses[0].operation == "write");
  BOOST_TEST(log.findings[0].accesses[1].operation == "atomic write");
}

BOOST_AUTO_TEST_CASE(lock_order_inversion_shows_both_threads) {
  const auto log = parse({"deadlock"});
  BOOST_TEST_REQUIRE(log.findings.size() == 1u);
  const auto& f = log.findings[0];
  BOOST_TEST((f.kind == lab::FindingKind::lock_order));
  BOOST_TEST(f.object == "M0 => M1 => M0");
  BOOST_TEST(has_detail(f, "thread T1 locks M1 at deadlock.cpp:4:67 in left_then_right() while holding M0 (locked at deadlock.cpp:4:42)"));
  BOOST_TEST(has_detail(f, "thread T2 locks M0 at deadlock.cpp:5:68 in right_then_left() while holding M1 (locked at deadlock.cpp:5:42)"));
}

BOOST_AUTO_TEST_CASE(vptr_race_is_explained) {
  const auto log = parse({"vptr_race"});
  BOOST_TEST_REQUIRE(log.findings.size() == 1u);
  const auto& f = log.findings[0];
  BOOST_TEST((f.kind == lab::FindingKind::data_race));
  BOOST_TEST(f.title == "data race on vptr (ctor/dtor vs virtual call)");
  BOOST_TEST(f.accesses[0].where.str() == "vptr_race.cpp:8:20 in Shape::~Shape()");
  BOOST_TEST(f.accesses[1].where.str() == "vptr_race.cpp:14:35 in main::$_0::operator()() const");
  BOOST_TEST(lab::summarise(log).find("data race on the vtable pointer of heap block of 40 bytes allocated at vptr_race.cpp:12:16") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(race_with_delete_has_no_location_line) {
  const auto log = parse({"vptr2"});
  BOOST_TEST_REQUIRE(log.findings.size() == 1u);
  const auto& f = log.findings[0];
  BOOST_TEST(f.object.empty());
  // Frame #0 is operator delete with no file: the destructor in the sources is shown.
  BOOST_TEST(f.accesses[0].where.str() == "vptr2.cpp:5:8 in Derived::~Derived()");
  BOOST_TEST(f.accesses[1].operation == "read");
}

BOOST_AUTO_TEST_CASE(thread_leak_names_where_the_thread_started) {
  const auto log = parse({"thread_leak"});
  BOOST_TEST_REQUIRE(log.findings.size() == 1u);
  BOOST_TEST((log.findings[0].kind == lab::FindingKind::thread_leak));
  BOOST_TEST(has_detail(log.findings[0], "thread T1, started at thread_leak.cpp:5:3 in main,"));
}

BOOST_AUTO_TEST_CASE(segv_is_a_crash_with_its_place) {
  const auto log = parse({"segv"});
  BOOST_TEST_REQUIRE(log.findings.size() == 1u);
  const auto& f = log.findings[0];
  BOOST_TEST((f.kind == lab::FindingKind::crash));
  BOOST_TEST(f.title == "SEGV on unknown address 0x000000000000");
  BOOST_TEST(has_detail(f, "it crashed at segv.cpp:4:31 in main::$_0::operator()() const"));
  BOOST_TEST(has_detail(f, "The signal is caused by a WRITE memory access."));
}

BOOST_AUTO_TEST_CASE(signal_unsafe_calls_name_the_callee_and_the_handler) {
  const auto log = parse({"signal_unsafe"});
  BOOST_TEST(log.raw_reports == 2);
  BOOST_TEST_REQUIRE(log.findings.size() == 2u);
  BOOST_TEST((log.findings[0].kind == lab::FindingKind::signal_unsafe));
  BOOST_TEST(has_detail(log.findings[0], "malloc called at signal_unsafe.cpp:5:41 in handler(int)"));
  BOOST_TEST(has_detail(log.findings[1], "free called at signal_unsafe.cpp:7:3 in handler(int)"));
}

BOOST_AUTO_TEST_CASE(bad_unlock_names_the_mutex_and_the_place) {
  const auto log = parse({"bad_unlock"});
  BOOST_TEST_REQUIRE(log.findings.size() == 1u);
  BOOST_TEST((log.findings[0].kind == lab::FindingKind::bad_unlock));
  BOOST_TEST(log.findings[0].object == "global 'gate'");
  BOOST_TEST(has_detail(log.findings[0], "bad_unlock.cpp:6:27"));
}

BOOST_AUTO_TEST_CASE(text_without_reports_has_no_findings) {
  lab::TsanLog log;
  lab::parse_tsan_text("Running 3 test cases...\n*** No errors detected\n", sources, log);
  BOOST_TEST(log.findings.empty());
  BOOST_TEST(log.raw_reports == 0);
  BOOST_TEST(!log.aslr_failure);
  lab::parse_tsan_text("FATAL: ThreadSanitizer: unexpected memory mapping 0x7f00-0x7f10\n", sources, log);
  BOOST_TEST(log.aslr_failure);
  BOOST_TEST(log.findings.empty());
}

BOOST_AUTO_TEST_CASE(reading_a_log_directory_takes_only_tsan_files) {
  const auto dir = std::filesystem::temp_directory_path() / ("racelab-tsan-dir-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "tsan.101") << fixture("counter");
  std::ofstream(dir / "tsan.102") << fixture("deadlock");
  std::ofstream(dir / "output.txt") << fixture("heap_race");
  const auto log = lab::read_tsan_logs(dir, sources);
  std::filesystem::remove_all(dir);
  BOOST_TEST(log.raw_reports == 2);
  BOOST_TEST(log.findings.size() == 2u);
}

BOOST_AUTO_TEST_SUITE_END()
