#include "judge/limited_run.hpp"

#include "core/judge_record.hpp"
#include "judge/verdict_text.hpp"
#include "sandbox/signals.hpp"

#include <cmath>
#include <ostream>

namespace racelab::lab {

RunRequest limited_request(const JudgeOptions& o, const std::filesystem::path& dir) {
  RunRequest request;
  request.command = o.command;
  request.time_limit = std::chrono::milliseconds(static_cast<long long>(std::llround(o.timeout_seconds * 1000)));
  request.output_file = dir / "output.txt";
  request.cpu_limit = std::chrono::seconds(static_cast<long long>(std::ceil(o.limits.cpu_seconds)));
  request.memory_limit = static_cast<std::uintmax_t>(o.limits.memory_mib) << 20;
  request.process_limit = o.limits.processes;
  request.output_limit = static_cast<std::uintmax_t>(o.limits.output_kib) << 10;
  // Boost.Test reads these too; whoever started the judge must not be able
  // to filter the tests away or send their report elsewhere.
  request.unset_env = {"BOOST_TEST_RUN_FILTERS", "BOOST_TEST_REPORT_FORMAT", "BOOST_TEST_REPORT_LEVEL",
                       "BOOST_TEST_REPORT_SINK", "BOOST_TEST_LOG_SINK", "BOOST_TEST_LOG_LEVEL",
                       "BOOST_TEST_LIST_CONTENT", "BOOST_TEST_OUTPUT_FORMAT", "BOOST_TEST_WAIT_FOR_DEBUGGER",
                       // The judges' records are written by the judge, never by the program judged.
                       results_dir_variable};
  return request;
}

std::string ending_summary(const RunResult& r, double timeout_seconds) {
  if (r.timed_out) {
    return "timed out after " + seconds_text(timeout_seconds) + " — possible deadlock or endless loop";
  }
  if (!r.limit_exceeded.empty()) return r.limit_exceeded;
  if (r.signal) return "crashed: " + signal_description(*r.signal);
  return "exited with code " + std::to_string(r.exit_code.value_or(-1));
}

void note_leftovers(const RunResult& r, std::ostream& out) {
  if (r.leftovers_killed > 0) {
    out << "note: " << r.leftovers_killed
        << (r.leftovers_killed == 1 ? " process it started was" : " processes it started were")
        << " still running when the program ended; the judge killed "
        << (r.leftovers_killed == 1 ? "it" : "them") << ".\n";
  }
}

}  // namespace racelab::lab
