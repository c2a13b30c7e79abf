// Exercise 7's perf adapter: hands the student's serve_with_threads() and
// serve_with_coroutines() to the perf driver as the strategies "threads" and
// "coroutines" of the workload "tables". The driver times them next to the
// kit's reference strategies and checks each answer: the number of tables
// served and the sum of their numbers (tables are numbered 1 … count).
#include <cstdint>
#include <vector>

#include "racelab/bench/driver.hpp"
#include "racelab/bench/tables.hpp"
#include "waiters.hpp"

namespace {

using racelab::bench::Answer;
using racelab::bench::Tables;
using racelab::bench::Workload;

Answer answer_of(const std::vector<int>& served) {
  Answer answer;
  answer.count = served.size();
  for (int table : served) {
    answer.checksum += static_cast<std::uint64_t>(table);
  }
  return answer;
}

}  // namespace

// Waiter threads: `workers` of them; with at least as many workers as
// tables, one thread per table.
RACELAB_BENCH_STRATEGY(tables_threads, "tables", "threads", true, [](const Workload& workload, int workers) {
  Tables tables(workload.tables, workload.latency);
  return answer_of(racelab::serve_with_threads(tables, workers));
})

// One thread, one event loop, a coroutine per table: the worker count does
// not apply.
RACELAB_BENCH_STRATEGY(tables_coroutines, "tables", "coroutines", false, [](const Workload& workload, int) {
  Tables tables(workload.tables, workload.latency);
  return answer_of(racelab::serve_with_coroutines(tables));
})
