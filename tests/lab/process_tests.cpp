// The process runner: time limit, the kill of the whole process tree (group or
// not), limits on processes, memory, CPU and output, signals, environment,
// address-space randomisation.

#include "sandbox/output.hpp"
#include "sandbox/process.hpp"
#include "sandbox/temp_dir.hpp"
#include <boost/test/unit_test.hpp>

#include <csignal>
#include <fstream>
#include <thread>

namespace lab = racelab::lab;
using namespace std::chrono_literals;

namespace {

struct Scratch {
  lab::TempDir dir{"racelab-process-test"};
  lab::RunRequest request(std::vector<std::string> args) const {
    lab::RunRequest r;
    r.command = {RACELAB_TEST_FAKE_PROGRAM};
    r.command.insert(r.command.end(), args.begin(), args.end());
    r.output_file = dir.path() / "output.txt";
    r.time_limit = 20s;
    return r;
  }
};

/// Gone, or a zombie waiting for init: either way no longer running.
bool dead(pid_t pid) {
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  if (!stat) return true;
  std::string pid_field, name, state;
  stat >> pid_field >> name >> state;
  return state == "Z" || state == "X";
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(process_tests, Scratch)

BOOST_AUTO_TEST_CASE(exit_code_is_reported) {
  const auto r = lab::run_process(request({"exit", "3"}));
  BOOST_TEST(!r.timed_out);
  BOOST_TEST(!r.signal.has_value());
  BOOST_TEST_REQUIRE(r.exit_code.has_value());
  BOOST_TEST(*r.exit_code == 3);
  BOOST_TEST(r.describe() == "exit code 3");
}

BOOST_AUTO_TEST_CASE(endless_program_is_stopped_at_the_limit) {
  auto req = request({"sleep-forever"});
  req.time_limit = 1s;
  const auto start = std::chrono::steady_clock::now();
  const auto r = lab::run_process(req);
  const auto took = std::chrono::steady_clock::now() - start;
  BOOST_TEST(r.timed_out);
  BOOST_TEST(!r.exit_code.has_value());
  BOOST_TEST(took >= 1s);
  BOOST_TEST(took < 4s);  // limit + 1 s, with room for a noisy machine
}

BOOST_AUTO_TEST_CASE(forked_children_die_with_the_program) {
  const auto pid_file = dir.path() / "child.pid";
  auto req = request({"fork-and-sleep", pid_file.string()});
  req.time_limit = 1s;
  const auto r = lab::run_process(req);
  BOOST_TEST(r.timed_out);
  pid_t child = 0;
  std::ifstream(pid_file) >> child;
  BOOST_TEST_REQUIRE(child > 0);
  bool gone = false;
  for (int i = 0; i < 100 && !gone; ++i) {
    gone = dead(child);
    if (!gone) std::this_thread::sleep_for(20ms);
  }
  BOOST_TEST(gone, "the forked child " << child << " survived its parent's time-out");
  if (!gone) ::kill(child, SIGKILL);
}

BOOST_AUTO_TEST_CASE(a_child_that_left_the_group_with_setsid_is_killed_after_exit) {
  const auto pid_file = dir.path() / "child.pid";
  const auto r = lab::run_process(request({"setsid-linger", pid_file.string()}));
  BOOST_TEST(r.exited_with(0));
  pid_t child = 0;
  std::ifstream(pid_file) >> child;
  BOOST_TEST_REQUIRE(child > 0);
  BOOST_TEST(r.leftovers_killed == 1);
  bool gone = false;
  for (int i = 0; i < 100 && !gone; ++i) {
    gone = dead(child);
    if (!gone) std::this_thread::sleep_for(20ms);
  }
  BOOST_TEST(gone, "the child " << child << " that called setsid() outlived the run");
  if (!gone) ::kill(child, SIGKILL);
}

BOOST_AUTO_TEST_CASE(too_many_processes_are_killed_with_a_reason) {
  auto req = request({"fork-many", "20"});
  req.process_limit = 8;
  const auto r = lab::run_process(req);
  BOOST_TEST(!r.timed_out);
  BOOST_TEST(r.limit_exceeded == "killed: more than 8 processes alive at once (a fork that never ends?)");
  BOOST_TEST((r.signal == SIGKILL));
}

BOOST_AUTO_TEST_CASE(the_same_processes_within_the_limit_run_to_the_time_limit) {
  auto req = request({"fork-many", "3"});
  req.process_limit = 8;
  req.time_limit = 1s;
  const auto r = lab::run_process(req);
  BOOST_TEST(r.timed_out);
  BOOST_TEST(r.limit_exceeded.empty());
}

BOOST_AUTO_TEST_CASE(too_much_memory_is_killed_with_a_reason) {
  auto req = request({"eat-memory", "200"});
  req.memory_limit = 64u << 20;
  const auto r = lab::run_process(req);
  BOOST_TEST(!r.timed_out);
  BOOST_TEST(r.limit_exceeded.find("killed: used more than 64 MiB of memory") == 0u, r.limit_exceeded);
}

BOOST_AUTO_TEST_CASE(too_much_cpu_is_stopped_with_a_reason) {
  auto req = request({"spin"});
  req.cpu_limit = 1s;
  req.time_limit = 60s;  // a busy machine may take a while to give it one second of CPU
  const auto r = lab::run_process(req);
  BOOST_TEST(!r.timed_out);
  BOOST_TEST((r.signal == SIGXCPU));
  BOOST_TEST(r.limit_exceeded == "killed: used more than 1 s of CPU time (an endless loop, or far too much work?)");
}

BOOST_AUTO_TEST_CASE(no_limit_means_no_reason) {
  const auto r = lab::run_process(request({"exit", "0"}));
  BOOST_TEST(r.limit_exceeded.empty());
  BOOST_TEST(r.leftovers_killed == 0);
}

BOOST_AUTO_TEST_CASE(flood_of_output_is_capped_on_disk_and_in_memory) {
  auto req = request({"flood"});
  req.output_limit = 1u << 20;
  req.time_limit = 20s;
  const auto r = lab::run_process(req);
  BOOST_TEST(!r.timed_out);
  BOOST_TEST_REQUIRE(r.signal.has_value());
  BOOST_TEST(*r.signal == SIGXFSZ);
  BOOST_TEST(r.output_bytes <= (1u << 20));
  BOOST_TEST(r.output_bytes > lab::shown_output_bytes);
  BOOST_TEST(r.output.size() < lab::shown_output_bytes + 200);
  BOOST_TEST(r.output.find("more bytes not shown]") != std::string::npos);
  BOOST_TEST(r.describe().find("output limit") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(crash_by_signal_is_named) {
  const auto r = lab::run_process(request({"segv"}));
  BOOST_TEST_REQUIRE(r.signal.has_value());
  BOOST_TEST(*r.signal == SIGSEGV);
  BOOST_TEST(!r.exit_code.has_value());
  BOOST_TEST(r.describe() == "signal SIGSEGV (segmentation fault: an invalid memory access)");
}

BOOST_AUTO_TEST_CASE(environment_can_be_set_and_removed) {
  auto req = request({"print-env", "RACELAB_TEST_VALUE"});
  req.set_env["RACELAB_TEST_VALUE"] = "forty-two";
  BOOST_TEST(lab::run_process(req).output == "forty-two\n");

  ::setenv("RACELAB_TEST_INHERITED", "inherited", 1);
  auto inherited = request({"print-env", "RACELAB_TEST_INHERITED"});
  BOOST_TEST(lab::run_process(inherited).output == "inherited\n");
  inherited.unset_env = {"RACELAB_TEST_INHERITED"};
  BOOST_TEST(lab::run_process(inherited).output == "<unset>\n");
  ::unsetenv("RACELAB_TEST_INHERITED");
}

BOOST_AUTO_TEST_CASE(address_randomisation_can_be_turned_off) {
  auto req = request({"aslr"});
  const auto with = lab::run_process(req);
  BOOST_TEST(with.exited_with(66));
  BOOST_TEST(with.output.find("unexpected memory mapping") != std::string::npos);
  req.disable_aslr = true;
  BOOST_TEST(lab::run_process(req).exited_with(0));
}

BOOST_AUTO_TEST_CASE(missing_program_is_an_error_not_a_result) {
  auto req = request({});
  req.command = {"/nonexistent/racelab-no-such-program"};
  BOOST_CHECK_THROW(lab::run_process(req), lab::RunError);
  req.command = {"racelab-no-such-program-on-path"};
  BOOST_CHECK_THROW(lab::run_process(req), lab::RunError);
}

BOOST_AUTO_TEST_CASE(cap_text_keeps_short_text_and_marks_the_cut) {
  BOOST_TEST(lab::cap_text("short\n", 100) == "short\n");
  const std::string long_text(1000, 'a');
  const auto capped = lab::cap_text(long_text, 100);
  BOOST_TEST(capped == std::string(100, 'a') + "\n[… 900 more bytes not shown]\n");
}

BOOST_AUTO_TEST_SUITE_END()
