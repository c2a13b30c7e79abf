#include "bench/harness/driver_run.hpp"

#include "sandbox/process.hpp"
#include "sandbox/signals.hpp"
#include "sandbox/temp_dir.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace racelab::lab::bench {
namespace {

std::optional<boost::json::value> read_json_file(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) return std::nullopt;
  std::stringstream text;
  text << in.rdbuf();
  boost::system::error_code error;
  auto value = boost::json::parse(text.str(), error);
  if (error) return std::nullopt;
  return value;
}

std::string answer_text(const boost::json::value& answer) {
  return "count " + boost::json::serialize(answer.at("count")) + ", checksum " +
         boost::json::serialize(answer.at("checksum"));
}

std::string call_text(const DriverCall& c) {
  return c.strategy + " on " + c.workload + " (size " + std::to_string(c.size) + ", " +
         std::to_string(c.workers) + (c.workers == 1 ? " worker)" : " workers)");
}

/// A run that ended badly, in the words a student needs.
std::string ending_problem(const RunResult& r, const DriverCall& c) {
  if (r.timed_out) {
    return call_text(c) + " did not finish within " + std::to_string(c.time_limit.count() / 1000) +
           " s — a deadlock, or a strategy far slower than it should be";
  }
  if (r.signal) return call_text(c) + " crashed: " + signal_description(*r.signal);
  return call_text(c) + " ended with exit code " + std::to_string(r.exit_code.value_or(-1)) +
         " and wrote no result";
}

DriverOutcome outcome_from(const boost::json::value& doc, const DriverCall& c) {
  DriverOutcome o;
  const auto& object = doc.as_object();
  if (const auto* error = object.if_contains("error")) {
    o.problem = call_text(c) + ": " + std::string(error->as_string());
    return o;
  }
  for (const auto& s : object.at("seconds").as_array()) o.seconds.push_back(s.to_number<double>());
  if (!object.at("correct").as_bool()) {
    o.wrong_answer = true;
    o.problem = call_text(c) + " computed a wrong answer: " + answer_text(object.at("answer")) +
                "; the right one is " + answer_text(object.at("expected"));
    return o;
  }
  o.ok = true;
  return o;
}

}  // namespace

DriverOutcome run_driver(const DriverCall& c) {
  TempDir dir("racelab-bench");
  const auto result_file = dir.path() / "result.json";
  RunRequest request;
  request.command = {c.driver.string(), "--workload", c.workload, "--strategy", c.strategy,
                     "--workers", std::to_string(c.workers), "--size", std::to_string(c.size),
                     "--reps", std::to_string(c.reps), "--warmup", std::to_string(c.warmup),
                     "--result", result_file.string()};
  request.time_limit = c.time_limit;
  // What a strategy prints is ignored, but must not fill the disk.
  request.output_file = dir.path() / "output.txt";
  request.output_limit = 1u << 20;
  RunResult r;
  try {
    r = run_process(request);
  } catch (const RunError& e) {
    return {.problem = e.message};
  }
  const auto doc = read_json_file(result_file);
  if (r.timed_out || r.signal || !doc || !doc->is_object()) return {.problem = ending_problem(r, c)};
  try {
    return outcome_from(*doc, c);
  } catch (const std::exception&) {
    return {.problem = call_text(c) + ": the driver wrote a result the harness cannot read"};
  }
}

std::vector<DriverStrategy> list_strategies(const std::filesystem::path& driver) {
  TempDir dir("racelab-bench");
  RunRequest request;
  request.command = {driver.string(), "--list", "--result", (dir.path() / "list.json").string()};
  request.time_limit = std::chrono::seconds(30);
  request.output_file = dir.path() / "output.txt";
  const RunResult r = run_process(request);
  const auto doc = read_json_file(dir.path() / "list.json");
  if (!r.exited_with(0) || !doc) {
    throw std::runtime_error("cannot list the strategies of " + driver.string() + ": " + r.describe());
  }
  std::vector<DriverStrategy> list;
  for (const auto& s : doc->at("strategies").as_array()) {
    list.push_back({std::string(s.at("workload").as_string()), std::string(s.at("name").as_string()),
                    s.at("uses_workers").as_bool()});
  }
  return list;
}

}  // namespace racelab::lab::bench
