// The functional grader of exercise 7: does each way of serving the tables
// serve every table exactly once, and do the tables think at the same time
// when the way of serving promises they will?
//
// No check here looks at a clock. Concurrency is observed, not timed: the
// kit's tables (lab/bench/include/racelab/bench/tables.hpp) count how many of
// them think at once. So that slow thread starts on a busy machine cannot
// make a concurrent program look sequential, the tables wait for each other:
// a table that has thought its latency keeps thinking until the expected
// number of tables think together, or until no new table has started for
// `patience` (then the service goes on at full speed, and the count shows the
// tables took turns). Speed is the perf judge's business.
//
// The coroutines must run on one thread, the event loop's. The grader watches
// which threads run the loop's handlers (tests/util/loop_threads, through
// Asio's handler tracking: every file of this program, the student's too, is
// built with it), and holds the loop's first handlers until another thread
// has run one or none can: a loop run by two threads (io_context::run() called
// twice) is seen on every run, not only when the second thread happens to be
// waiting as a handler becomes ready.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <chrono>
#include <ostream>
#include <sstream>
#include <string>
#include <vector>

#include "loop_threads.hpp"
#include "waiters.hpp"

namespace {

using namespace std::chrono_literals;
using racelab::bench::Tables;
using racelab::bench::TablesObservation;

// Short: the grader checks who thinks when, not how long it takes.
constexpr std::chrono::microseconds latency = 2ms;
// How long the tables wait for a late one before they give up waiting. A
// concurrent program starts its next table within milliseconds; one that
// serves a table at a time never does, and costs this once per check.
constexpr std::chrono::milliseconds patience = 2s;

std::string tables_text(std::size_t count) {
  return std::to_string(count) + (count == 1 ? " table" : " tables");
}

// A few numbers of a list, for a message: "3, 7, 12 and 5 more".
std::string some_of(const std::vector<int>& numbers) {
  std::ostringstream text;
  const std::size_t shown = std::min<std::size_t>(numbers.size(), 5);
  for (std::size_t i = 0; i < shown; ++i) {
    text << (i == 0 ? "" : ", ") << numbers[i];
  }
  if (numbers.size() > shown) {
    text << " and " << numbers.size() - shown << " more";
  }
  return text.str();
}

// Every table in the returned list once, and nothing else.
void check_each_table_served_once(const std::vector<int>& served, const Tables& tables, const std::string& call) {
  std::vector<int> times(tables.count() + 1, 0);
  std::vector<int> unknown;
  for (int number : served) {
    if (number >= 1 && static_cast<std::size_t>(number) <= tables.count()) {
      ++times[static_cast<std::size_t>(number)];
    } else {
      unknown.push_back(number);
    }
  }
  std::vector<int> missing, twice;
  for (std::size_t number = 1; number <= tables.count(); ++number) {
    if (times[number] == 0) missing.push_back(static_cast<int>(number));
    if (times[number] > 1) twice.push_back(static_cast<int>(number));
  }
  BOOST_TEST(missing.empty(), call << " returned " << served.size() << " numbers, and table(s) " << some_of(missing)
                                   << " are not among them: each table served must be written down once. "
                                   << "When several waiters write on one list at the same time, entries get "
                                      "lost: protect the list, or give each waiter a list of its own");
  BOOST_TEST(twice.empty(), call << " wrote table(s) " << some_of(twice) << " down more than once");
  BOOST_TEST(unknown.empty(), call << " returned number(s) " << some_of(unknown) << ", but the tables are numbered 1 to "
                                   << tables.count());
}

// Every table thought exactly once: served, not just written down.
void check_each_table_thought_once(const Tables& tables, const std::string& call) {
  std::vector<int> never, again;
  for (std::size_t number = 1; number <= tables.count(); ++number) {
    const int times = tables.times_served(static_cast<int>(number));
    if (times == 0) never.push_back(static_cast<int>(number));
    if (times > 1) again.push_back(static_cast<int>(number));
  }
  BOOST_TEST(never.empty(), call << " never let table(s) " << some_of(never)
                                 << " think: serving a table means calling think() or async_think() for it");
  BOOST_TEST(again.empty(), call << " let table(s) " << some_of(again) << " think more than once");
  BOOST_TEST(tables.observe().unknown_tables == 0,
             call << " called think() for a table number outside 1 to " << tables.count());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(sequential)

BOOST_AUTO_TEST_CASE(one_waiter_serves_the_tables_in_order) {
  Tables tables(7, latency);
  const auto served = racelab::serve_sequential(tables);
  const std::string call = "serve_sequential(7 tables)";
  std::vector<int> in_order(7);
  for (int i = 0; i < 7; ++i) in_order[static_cast<std::size_t>(i)] = i + 1;
  BOOST_TEST(served == in_order, call << " returned [" << some_of(served)
                                      << "]: one waiter serves table 1, then 2, … then 7, and writes them down in that order");
  check_each_table_thought_once(tables, call);
  const TablesObservation seen = tables.observe();
  BOOST_TEST(seen.most_thinking_at_once == 1, call << " had " << seen.most_thinking_at_once
                                                   << " tables thinking at once: one waiter serves one table at a time");
  BOOST_TEST(seen.thinks_away_from_home == 0, call << " served tables on another thread: serve them on the calling thread");
}

BOOST_AUTO_TEST_SUITE_END()

namespace {

struct Crew {
  std::size_t tables;
  int waiters;
};

std::ostream& operator<<(std::ostream& out, const Crew& crew) {
  return out << tables_text(crew.tables) << ", " << crew.waiters << " waiters";
}

// A waiter per table; fewer waiters than tables (each serves several); more
// waiters than tables; many tables; a thread per table for many of them.
const Crew crews[] = {{5, 5}, {5, 2}, {5, 8}, {1000, 16}, {100, 100}};

}  // namespace

BOOST_AUTO_TEST_SUITE(threads)

BOOST_DATA_TEST_CASE(waiters_serve_their_tables_at_the_same_time, boost::unit_test::data::make(crews), crew) {
  const int together = std::min(static_cast<int>(crew.tables), crew.waiters);
  Tables tables(crew.tables, latency);
  tables.keep_thinking_until(together, patience);
  const auto served = racelab::serve_with_threads(tables, crew.waiters);
  const std::string call =
      "serve_with_threads(" + tables_text(crew.tables) + ", " + std::to_string(crew.waiters) + " waiters)";
  check_each_table_served_once(served, tables, call);
  check_each_table_thought_once(tables, call);
  const TablesObservation seen = tables.observe();
  BOOST_TEST(seen.threads_used <= crew.waiters,
             call << " made tables think on " << seen.threads_used << " threads: use at most one thread per waiter");
  BOOST_TEST(seen.most_thinking_at_once >= together,
             call << ": the waiters took turns; at most " << seen.most_thinking_at_once
                  << " table(s) thought at the same time, where " << together << " waiters could have kept "
                  << together << " tables thinking at once. A waiter must not hold up the others while its table "
                  << "thinks: no lock held across think(), and every waiter thread started before any is joined");
  BOOST_TEST(seen.awaited_thinks == 0, call << " used async_think(): a waiter thread waits with think()");
}

BOOST_AUTO_TEST_SUITE_END()

namespace {

// What went wrong when fewer tables thought at once than were served: the
// blocking think() inside a coroutine, or coroutines awaited one after another.
std::string why_coroutines_took_turns(const TablesObservation& seen, std::size_t count) {
  std::ostringstream why;
  if (seen.blocking_thinks > 0) {
    why << seen.blocking_thinks << " of the " << count
        << " tables thought with the blocking tables.think(), which holds the event loop's only thread "
           "while the table thinks: no other coroutine can run, so the tables think one at a time. In a "
           "coroutine, wait with co_await tables.async_think(n) (README.md, hint 2)";
  } else {
    why << "each table is awaited before the next starts thinking; co_await waits for the table it is "
           "given, it does not start the others. Start one coroutine per table (co_spawn) and let the "
           "event loop run them all (README.md, hint 3)";
  }
  return why.str();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(coroutines)

BOOST_DATA_TEST_CASE(every_table_thinks_at_once_on_one_thread, boost::unit_test::data::make({5, 1000}), count) {
  const std::size_t tables_count = static_cast<std::size_t>(count);
  Tables tables(tables_count, latency);
  tables.keep_thinking_until(count, patience);
  const racelab::testing::LoopThreadsWatch loop_threads;
  const auto served = racelab::serve_with_coroutines(tables);
  const int threads_on_the_loop = loop_threads.most_threads_on_one_loop();
  const std::string call = "serve_with_coroutines(" + tables_text(tables_count) + ")";
  check_each_table_served_once(served, tables, call);
  check_each_table_thought_once(tables, call);
  const TablesObservation seen = tables.observe();
  BOOST_TEST(seen.most_thinking_at_once >= count,
             call << ": the tables took turns, at most " << seen.most_thinking_at_once << " thinking at once; "
                  << why_coroutines_took_turns(seen, tables_count));
  BOOST_TEST(seen.thinks_away_from_home == 0,
             call << " made " << seen.thinks_away_from_home
                  << " table(s) think on another thread: run the event loop on the calling thread only, "
                     "with no thread of its own");
  BOOST_TEST(threads_on_the_loop <= 1,
             call << "'s event loop ran its handlers on " << threads_on_the_loop
                  << " threads: io_context::run() was called from more than one thread. Then two coroutines run at "
                     "the same moment, and write on the same list with nothing to keep them apart. One thread, "
                     "the caller, runs the loop: the coroutines wait together without any other thread "
                     "(README.md, hint 3)");
}

BOOST_AUTO_TEST_SUITE_END()
