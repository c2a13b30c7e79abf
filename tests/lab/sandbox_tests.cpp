// The sandbox and the channels a judge reads its verdict from: a program in
// the sandbox writes nothing outside the folders it is given, a signal still
// reads as a signal, the fallback says why it is not isolated, a pipe carries
// a report that cannot be rewritten, and a watched folder tells a deleted or
// redirected file.

#include "sandbox/channel.hpp"
#include "sandbox/folder_watch.hpp"
#include "sandbox/isolation.hpp"
#include "sandbox/process.hpp"
#include "sandbox/temp_dir.hpp"
#include <boost/test/unit_test.hpp>

#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace lab = racelab::lab;
namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

struct Scratch {
  lab::TempDir dir{"racelab-sandbox-test"};
  // Outside /tmp as well: the build folder the tests run in (read-only in the sandbox).
  fs::path outside = fs::current_path() / ("sandbox-test-" + std::to_string(::getpid()) + ".escaped");
  Scratch() { fs::remove(outside); }
  ~Scratch() { fs::remove(outside); }
  lab::RunRequest request(std::vector<std::string> args) const {
    lab::RunRequest r;
    r.command = {RACELAB_TEST_FAKE_PROGRAM};
    r.command.insert(r.command.end(), args.begin(), args.end());
    r.output_file = dir.path() / "output.txt";
    r.time_limit = 20s;
    r.isolate = true;
    return r;
  }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(sandbox_tests, Scratch)

// The machine the kit is tested on runs bwrap; elsewhere the fallback is what is checked.
BOOST_AUTO_TEST_CASE(a_sandboxed_program_writes_nothing_outside_its_folders) {
  const auto& state = lab::sandbox_state();
  const auto in_tmp = dir.path() / "in-tmp.escaped";
  const auto r = lab::run_process(request({"write-file", outside.string()}));
  const auto r_tmp = lab::run_process(request({"write-file", in_tmp.string()}));
  BOOST_TEST(r.isolated == state.available);
  if (state.available) {
    BOOST_TEST(!fs::exists(outside), "the sandboxed program wrote into the build folder");
    BOOST_TEST(!fs::exists(in_tmp), "the sandboxed program wrote into the host's /tmp");
  } else {
    BOOST_TEST(!r.not_isolated_why.empty());
    BOOST_TEST(fs::exists(outside));
  }
  (void)r_tmp;
}

BOOST_AUTO_TEST_CASE(a_writable_folder_is_writable) {
  auto req = request({"write-file", (dir.path() / "allowed").string()});
  req.writable = {dir.path()};
  BOOST_TEST(lab::run_process(req).exited_with(0));
  BOOST_TEST(fs::exists(dir.path() / "allowed"));
}

BOOST_AUTO_TEST_CASE(a_signal_is_still_a_signal_in_the_sandbox) {
  const auto r = lab::run_process(request({"segv"}));
  BOOST_TEST(!r.exit_code.has_value());
  BOOST_TEST(r.signal.value_or(0) == SIGSEGV);
}

BOOST_AUTO_TEST_CASE(the_fallback_runs_unisolated_and_says_why) {
  ::setenv(lab::sandbox_variable, "off", 1);
  const auto r = lab::run_process(request({"write-file", outside.string()}));
  ::unsetenv(lab::sandbox_variable);
  BOOST_TEST(!r.isolated);
  BOOST_TEST(r.not_isolated_why == "RACELAB_SANDBOX=off");
  BOOST_TEST(fs::exists(outside));
  BOOST_TEST(lab::not_isolated_note(r.not_isolated_why).find("not isolated") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_report_comes_through_the_pipe_whole) {
  lab::Channel channel;
  auto req = request({"boost-pass", "--report_sink=" + channel.path()});
  req.channels.push_back(&channel);
  BOOST_TEST(lab::run_process(req).exited_with(0));
  BOOST_TEST(!channel.incomplete());
  const auto text = channel.finish();
  BOOST_TEST(text.find("<TestResult>") == 0u, text);
  BOOST_TEST(text.find("fake_case") != std::string::npos, text);
}

BOOST_AUTO_TEST_CASE(a_channel_longer_than_its_maximum_is_incomplete) {
  lab::Channel channel(16);
  auto req = request({"boost-pass", "--report_sink=" + channel.path()});
  req.channels.push_back(&channel);
  (void)lab::run_process(req);
  BOOST_TEST(channel.incomplete());
  BOOST_TEST(channel.finish().size() == 16u);
}

BOOST_AUTO_TEST_CASE(a_watched_folder_tells_deleted_and_redirected_files) {
  const auto watched = dir.path() / "watched";
  fs::create_directory(watched);
  lab::FolderWatch watch(watched);
  std::ofstream(watched / "kept.1") << "kept";
  std::ofstream(watched / "deleted.2") << "gone";
  fs::remove(watched / "deleted.2");
  fs::create_symlink("/dev/null", watched / "linked.3");
  std::ofstream(watched / "renamed.4") << "moved";
  fs::rename(watched / "renamed.4", watched / "elsewhere.5");
  const auto found = watch.tampering();
  const std::vector<std::string> expected{"deleted.2 was deleted", "elsewhere.5 was moved in from elsewhere",
                                          "linked.3 is a symbolic link", "renamed.4 was renamed"};
  BOOST_TEST(found == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(an_untouched_folder_shows_nothing) {
  const auto watched = dir.path() / "quiet";
  fs::create_directory(watched);
  lab::FolderWatch watch(watched);
  std::ofstream(watched / "tsan.1") << "a report";
  BOOST_TEST(watch.tampering().empty());
}

BOOST_AUTO_TEST_SUITE_END()
