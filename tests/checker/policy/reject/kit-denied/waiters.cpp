// POLICY-EXERCISE: 07-waiters-and-tables
// The tables are the grader's instrument: how it watches them is not the
// student's to change.
#include "waiters.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>

#include <chrono>
#include <thread>

namespace racelab {

std::vector<int> serve_sequential(Tables &tables) {
  std::vector<int> served;
  for (int table = 1; table <= static_cast<int>(tables.count()); ++table) {
    tables.think(table);
    served.push_back(table);
  }
  return served;
}

std::vector<int> serve_with_threads(Tables &tables, int waiters) {
  (void)waiters;
  tables.keep_thinking_until(0, std::chrono::milliseconds(0));
// CHECK-MESSAGES: :[[@LINE-1]]:10: error: 'racelab::bench::Tables::keep_thinking_until' is not allowed in graded code: it changes how the [racelab-policy-reference]
  return serve_sequential(tables);
}

std::vector<int> serve_with_coroutines(Tables &tables) { return serve_sequential(tables); }

}  // namespace racelab
