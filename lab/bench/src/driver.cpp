// The perf driver's own part: the strategy registry, the workloads, and
// driver_main(), which times one strategy and writes the result to a file.

#include "racelab/bench/driver.hpp"

#include <CLI/CLI.hpp>
#include <boost/json.hpp>

#include <algorithm>
#include <cstdio>
#include <exception>
#include <fstream>
#include <iostream>
#include <stdexcept>
#include <thread>

namespace racelab::bench {
namespace {

/// A function-local static: registrations run from static initialisers in
/// other translation units, before any namespace-scope vector would exist.
std::vector<Strategy>& registry() {
  static std::vector<Strategy> all;
  return all;
}

/// How long one table "thinks". Long enough that a timer's start-up cost is
/// small beside it (1000 coroutines still finish within about one latency),
/// short enough that a sequential run of a few dozen tables stays under a second.
constexpr std::chrono::milliseconds table_latency{20};

bool is_large_prime(std::uint64_t n) {
  return std::find(large_primes.begin(), large_primes.end(), n) != large_primes.end();
}

struct RunOptions {
  std::string workload;
  std::string strategy;
  int workers = 1;
  std::size_t size = 0;
  int reps = 1;
  int warmup = 0;
  std::string result;
  bool list = false;
};

boost::json::object answer_json(const Answer& a) {
  return {{"count", a.count}, {"checksum", a.checksum}};
}

boost::json::object strategy_json(const Strategy& s) {
  return {{"workload", s.workload}, {"name", s.name}, {"uses_workers", s.uses_workers}};
}

/// The result file is written whole, then renamed into place: the harness
/// never reads half a file, even when the driver is killed mid-write.
bool write_json_file(const std::string& path, const boost::json::value& value) {
  // A pipe the harness opened (/dev/fd/N): written once, as it is, never renamed.
  if (path.rfind("/dev/fd/", 0) == 0) {
    std::ofstream out(path);
    out << boost::json::serialize(value) << '\n';
    return static_cast<bool>(out.flush());
  }
  const std::string partial = path + ".partial";
  {
    std::ofstream out(partial, std::ios::trunc);
    out << boost::json::serialize(value) << '\n';
    if (!out) return false;
  }
  return std::rename(partial.c_str(), path.c_str()) == 0;
}

const Strategy* find_strategy(const std::string& workload, const std::string& name) {
  for (const auto& s : registry()) {
    if (s.workload == workload && s.name == name) return &s;
  }
  return nullptr;
}

/// Runs warm-up and timed repetitions; the clock brackets the strategy call only,
/// so building the workload and checking the answer are never measured.
boost::json::object measure(const RunOptions& o, const Strategy& strategy) {
  const Workload workload = make_workload(o.workload, o.size);
  const Answer expected = expected_answer(workload);
  const int workers = strategy.uses_workers ? o.workers : 1;
  boost::json::array seconds;
  bool correct = true;
  Answer first_wrong;
  for (int i = 0; i < o.warmup + o.reps; ++i) {
    const auto start = std::chrono::steady_clock::now();
    const Answer got = strategy.run(workload, workers);
    const auto stop = std::chrono::steady_clock::now();
    if (got != expected && correct) {
      correct = false;
      first_wrong = got;
    }
    if (i >= o.warmup) seconds.push_back(std::chrono::duration<double>(stop - start).count());
  }
  boost::json::object result{{"workload", o.workload}, {"strategy", o.strategy},
                             {"workers", workers}, {"size", o.size},
                             {"warmup", o.warmup}, {"seconds", std::move(seconds)},
                             {"expected", answer_json(expected)}, {"correct", correct}};
  if (!correct) result["answer"] = answer_json(first_wrong);
  else result["answer"] = answer_json(expected);
  return result;
}

int run_driver(const RunOptions& o) {
  if (o.list) {
    boost::json::array list;
    for (const auto& s : registry()) list.push_back(strategy_json(s));
    const boost::json::object doc{{"strategies", std::move(list)}};
    if (o.result.empty()) {
      std::cout << boost::json::serialize(doc) << '\n';
      return 0;
    }
    return write_json_file(o.result, doc) ? 0 : 2;
  }
  boost::json::object result;
  int status = 0;
  const Strategy* strategy = find_strategy(o.workload, o.strategy);
  if (strategy == nullptr) {
    result = {{"error", "this driver has no strategy '" + o.strategy + "' for workload '" + o.workload + "'"}};
    status = 2;
  } else {
    try {
      result = measure(o, *strategy);
      status = result["correct"].as_bool() ? 0 : 1;
    } catch (const std::exception& e) {
      result = {{"error", std::string("the strategy threw an exception: ") + e.what()}};
      status = 2;
    }
  }
  if (o.result.empty()) {
    std::cerr << "racelab bench driver: --result FILE is required to run a strategy\n";
    return 2;
  }
  return write_json_file(o.result, result) ? status : 2;
}

}  // namespace

void register_strategy(Strategy strategy) { registry().push_back(std::move(strategy)); }

const std::vector<Strategy>& strategies() { return registry(); }

Workload make_workload(const std::string& name, std::size_t size) {
  Workload w;
  w.name = name;
  if (name == "primes") {
    w.numbers = prime_workload(size);
  } else if (name == "tables") {
    w.tables = size;
    w.latency = table_latency;
  } else if (name == "counter") {
    w.increments = size;
  } else {
    throw std::invalid_argument("unknown workload '" + name + "' (known: primes, tables, counter)");
  }
  return w;
}

Answer expected_answer(const Workload& w) {
  Answer a;
  if (w.name == "primes") {
    // The workload is built from tables of known primes and known composites
    // (tests/bench checks both with is_prime), so the answer costs no CPU time.
    for (auto n : w.numbers) {
      if (is_large_prime(n)) {
        ++a.count;
        a.checksum += n;
      }
    }
  } else if (w.name == "tables") {
    // Tables are numbered 1…N; the checksum is the sum of the numbers served.
    a.count = w.tables;
    a.checksum = static_cast<std::uint64_t>(w.tables) * (w.tables + 1) / 2;
  } else if (w.name == "counter") {
    a.count = w.increments;
  }
  return a;
}

void think(std::chrono::microseconds latency) { std::this_thread::sleep_for(latency); }

int driver_main(int argc, char** argv) {
  RunOptions o;
  CLI::App app{"racelab perf driver: runs one strategy on one workload and writes the timings to --result"};
  app.add_flag("--list", o.list, "Print (or write to --result) the registered strategies as JSON");
  app.add_option("--workload", o.workload, "primes, tables or counter");
  app.add_option("--strategy", o.strategy, "A registered strategy of that workload");
  app.add_option("--workers", o.workers, "Threads, processes or pool threads it may use")->check(CLI::PositiveNumber);
  app.add_option("--size", o.size, "primes: numbers; tables: tables; counter: increments");
  app.add_option("--reps", o.reps, "Timed repetitions")->check(CLI::PositiveNumber);
  app.add_option("--warmup", o.warmup, "Untimed repetitions first")->check(CLI::NonNegativeNumber);
  app.add_option("--result", o.result, "The JSON file to write (stdout is never read)");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  if (!o.list && (o.workload.empty() || o.strategy.empty() || o.size == 0)) {
    std::cerr << "racelab bench driver: give --list, or --workload, --strategy and --size\n";
    return 2;
  }
  return run_driver(o);
}

}  // namespace racelab::bench
