// The functional grader of exercise 6: does each strategy return exactly the
// primes of the list, with any number of workers, and does the work run where
// the strategy says it runs, in parallel where the strategy has several workers?
//
// The process strategy is graded first, before any test starts a thread: a
// process may only fork while it has one thread (README.md, "Processes and
// ThreadSanitizer"). Boost.Test runs the suites below in the order written.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cstdint>
#include <exception>
#include <functional>
#include <iterator>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "prime_kit.hpp"
#include "prime_pool.hpp"

namespace {

using Numbers = std::vector<std::uint64_t>;
using racelab::testing::checks_seen;
using racelab::testing::watch_checks_from;
using racelab::testing::WhereChecked;

// The list from the talks' process-pool example: three large primes, one
// large composite (divisible by 3) and 2.
const Numbers talk_numbers{2, 142702110479723ULL, 299593572317531ULL, 3333333333333301ULL, 3333333333333333ULL};

// Small numbers, repeats, and a few that are costlier or easy to get wrong.
Numbers mixed_numbers() {
  Numbers numbers;
  for (std::uint64_t n = 0; n <= 60; ++n) {
    numbers.push_back(n);
  }
  const Numbers more{97, 97, 2, 4294967291ULL, 4294967297ULL, 1000006000009ULL, 1000000007ULL};
  numbers.insert(numbers.end(), more.begin(), more.end());
  const Numbers workload = racelab::bench::prime_workload(6);
  numbers.insert(numbers.end(), workload.begin(), workload.end());
  return numbers;
}

// The right answer, computed here, one number at a time.
Numbers expected_primes(const Numbers& numbers) {
  Numbers primes;
  std::copy_if(numbers.begin(), numbers.end(), std::back_inserter(primes),
               [](std::uint64_t n) { return racelab::bench::is_prime(n); });
  std::sort(primes.begin(), primes.end());
  return primes;
}

std::string list_some(const Numbers& numbers) {
  constexpr std::size_t shown = 5;
  std::ostringstream text;
  for (std::size_t i = 0; i < numbers.size() && i < shown; ++i) {
    text << (i ? ", " : "") << numbers[i];
  }
  if (numbers.size() > shown) {
    text << " and " << numbers.size() - shown << " more";
  }
  return text.str();
}

// What is wrong with `got`, in the student's terms; empty when it is right.
std::string difference(const Numbers& numbers, Numbers got) {
  const Numbers expected = expected_primes(numbers);
  std::sort(got.begin(), got.end());
  if (got == expected) {
    return "";
  }
  Numbers missing, extra;
  std::set_difference(expected.begin(), expected.end(), got.begin(), got.end(), std::back_inserter(missing));
  std::set_difference(got.begin(), got.end(), expected.begin(), expected.end(), std::back_inserter(extra));
  std::ostringstream text;
  text << "it returned " << got.size() << " primes; the list holds " << expected.size() << ".";
  if (!missing.empty()) {
    text << " Missing: " << list_some(missing) << ".";
  }
  if (!extra.empty()) {
    text << " Not expected (not prime, not in the list, or returned more often than listed): " << list_some(extra)
         << ".";
  }
  return text.str();
}

std::string call_text(const std::string& strategy, const Numbers& numbers, int workers) {
  return strategy + "(" + std::to_string(numbers.size()) + " numbers, " + std::to_string(workers) +
         (workers == 1 ? " worker)" : " workers)");
}

std::string describe_exception(const std::exception_ptr& error) {
  try {
    std::rethrow_exception(error);
  } catch (const std::exception& e) {
    return e.what();
  } catch (...) {
    return "an exception that is not a std::exception";
  }
}

// Runs one strategy on the test's thread, watching where is_prime() runs.
struct Outcome {
  Numbers primes;
  WhereChecked where;
};

Outcome run(const std::string& call, const std::function<Numbers()>& strategy) {
  watch_checks_from(std::this_thread::get_id());
  Outcome outcome;
  try {
    outcome.primes = strategy();
  } catch (...) {
    BOOST_FAIL(call << " threw: " << describe_exception(std::current_exception()));
  }
  outcome.where = checks_seen();
  return outcome;
}

void check_primes(const std::string& call, const Numbers& numbers, const Outcome& outcome,
                  const std::string& advice = "") {
  const std::string wrong = difference(numbers, outcome.primes);
  BOOST_TEST(wrong.empty(), call << ": " << wrong << advice);
}

const int worker_counts[] = {1, 2, 3, 8};

// Who does the checking of a strategy, for the check that it ran in parallel.
enum class Workers { threads, pool_threads, child_processes };

// With two workers or more and two numbers or more, at least two workers
// checked, and two checks ran at the same moment (prime_kit.hpp: the first
// check of each worker waits for another, so a parallel program is seen to be).
void check_in_parallel(const std::string& call, const Numbers& numbers, int workers, const Outcome& outcome,
                       Workers kind) {
  if (workers < 2 || numbers.size() < 2) return;
  const auto& where = outcome.where;
  int doing = 0;
  std::string who;
  std::string advice;
  switch (kind) {
    case Workers::threads:
      doing = where.threads + (where.on_caller > 0 ? 1 : 0);
      who = "thread(s)";
      advice = "A lock held around is_prime(), or a worker joined before the next one starts, makes them wait "
               "for each other: hold a lock only to touch what is shared, and start every worker before joining any";
      break;
    case Workers::pool_threads:
      doing = where.threads;
      who = "pool thread(s)";
      advice = "Each coroutine must hand its check to the pool and co_await it: blocking the event loop on the "
               "result (future::get(), a join) lets the pool check one number at a time";
      break;
    case Workers::child_processes:
      doing = where.children;
      who = "child process(es)";
      advice = "Fork every child before waiting for any: a child waited for (waitpid(), or its pipe read to the "
               "end) before the next one is forked makes them run one after another";
      break;
  }
  BOOST_TEST(doing >= 2, call << ": only " << doing << " " << who << " checked numbers; with " << workers
                              << " workers, the checking must be shared between them. " << advice);
  if (doing >= 2) {
    BOOST_TEST(where.most_at_once >= 2, call << ": the " << who << " took turns: no two checks ever ran at the "
                                                "same moment. "
                                             << advice);
  }
}

}  // namespace

// --- processes: first, while the test program has only one thread ----------

namespace {

const std::string nothing_came_back =
    " Nothing came back from the child processes: a child works on its own copy of the parent's memory, "
    "so what it stores in a vector stays in the child. Send each prime back through a pipe, and read the "
    "pipes in the parent.";

void check_processes(const Numbers& numbers, int workers) {
  const std::string call = call_text("primes_processes", numbers, workers);
  const Outcome outcome = run(call, [&] { return racelab::primes_processes(numbers, workers); });
  const bool got_nothing = outcome.primes.empty() && !expected_primes(numbers).empty();
  check_primes(call, numbers, outcome, got_nothing ? nothing_came_back : "");
  BOOST_TEST(outcome.where.on_caller + outcome.where.elsewhere == 0,
             call << ": the parent process called is_prime() " << outcome.where.on_caller + outcome.where.elsewhere
                  << " times itself; the child processes must do all the checking, the parent only collects");
  check_in_parallel(call, numbers, workers, outcome, Workers::child_processes);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(processes)

BOOST_AUTO_TEST_CASE(finds_the_primes_of_the_talks_list) {
  check_processes(talk_numbers, 2);
}

BOOST_DATA_TEST_CASE(finds_every_prime_with_any_number_of_workers, boost::unit_test::data::make(worker_counts),
                     workers) {
  check_processes(mixed_numbers(), workers);
}

BOOST_AUTO_TEST_CASE(more_workers_than_numbers) {
  check_processes(Numbers{7, 8, 9}, 8);
}

BOOST_AUTO_TEST_CASE(an_empty_list_has_no_primes) {
  check_processes(Numbers{}, 4);
}

BOOST_AUTO_TEST_SUITE_END()

// --- coroutines ------------------------------------------------------------

namespace {

Outcome run_coroutines(const Numbers& numbers, racelab::CoroutineMode mode, int workers, std::string& call) {
  const bool pool = mode == racelab::CoroutineMode::thread_pool;
  call = call_text(pool ? "primes_coroutines[thread_pool]" : "primes_coroutines[one_thread]", numbers, workers);
  return run(call, [&] { return racelab::primes_coroutines(numbers, mode, workers); });
}

void check_on_one_thread(const Numbers& numbers) {
  std::string call;
  const Outcome outcome = run_coroutines(numbers, racelab::CoroutineMode::one_thread, 2, call);
  check_primes(call, numbers, outcome);
  BOOST_TEST(outcome.where.elsewhere == 0,
             call << ": is_prime() ran " << outcome.where.elsewhere << " times on other threads than the event "
                  << "loop's; in one_thread mode the loop, run by the calling thread, does all the checking");
}

void check_offloaded(const Numbers& numbers, int workers) {
  std::string call;
  const Outcome outcome = run_coroutines(numbers, racelab::CoroutineMode::thread_pool, workers, call);
  check_primes(call, numbers, outcome);
  const long total = outcome.where.on_caller + outcome.where.elsewhere;
  if (total > 0 && outcome.where.elsewhere == 0) {
    BOOST_ERROR(call << ": all work ran on the event loop's thread: nothing was offloaded. In thread_pool mode "
                     << "each coroutine must hand its is_prime() call to a pool of `workers` threads and "
                     << "co_await the verdict");
  } else {
    BOOST_TEST(outcome.where.on_caller == 0,
               call << ": is_prime() ran " << outcome.where.on_caller << " of " << total << " times on the "
                    << "event loop's thread; in thread_pool mode every check must run on the pool");
  }
  check_in_parallel(call, numbers, workers, outcome, Workers::pool_threads);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(coroutines)

BOOST_AUTO_TEST_CASE(one_thread_finds_the_primes_of_the_talks_list) {
  check_on_one_thread(talk_numbers);
}

BOOST_AUTO_TEST_CASE(one_thread_finds_every_prime) {
  check_on_one_thread(mixed_numbers());
}

BOOST_AUTO_TEST_CASE(thread_pool_finds_the_primes_of_the_talks_list) {
  check_offloaded(talk_numbers, 2);
}

BOOST_DATA_TEST_CASE(thread_pool_finds_every_prime_with_any_number_of_workers,
                     boost::unit_test::data::make(worker_counts), workers) {
  check_offloaded(mixed_numbers(), workers);
}

BOOST_AUTO_TEST_CASE(an_empty_list_has_no_primes) {
  check_on_one_thread(Numbers{});
  check_offloaded(Numbers{}, 4);
}

BOOST_AUTO_TEST_SUITE_END()

// --- threads sharing a list, and the queue manager ---------------------------

namespace {

using ThreadStrategy = Numbers (*)(const Numbers&, int);

void check_threads(const std::string& name, ThreadStrategy strategy, const Numbers& numbers, int workers) {
  const std::string call = call_text(name, numbers, workers);
  const Outcome outcome = run(call, [&] { return strategy(numbers, workers); });
  check_primes(call, numbers, outcome);
  check_in_parallel(call, numbers, workers, outcome, Workers::threads);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(threaded)

BOOST_AUTO_TEST_CASE(finds_the_primes_of_the_talks_list) {
  check_threads("primes_threaded", racelab::primes_threaded, talk_numbers, 2);
}

BOOST_DATA_TEST_CASE(finds_every_prime_with_any_number_of_workers, boost::unit_test::data::make(worker_counts),
                     workers) {
  check_threads("primes_threaded", racelab::primes_threaded, mixed_numbers(), workers);
}

BOOST_AUTO_TEST_CASE(more_workers_than_numbers) {
  check_threads("primes_threaded", racelab::primes_threaded, Numbers{7, 8, 9}, 8);
}

BOOST_AUTO_TEST_CASE(an_empty_list_has_no_primes) {
  check_threads("primes_threaded", racelab::primes_threaded, Numbers{}, 4);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(queue_manager)

BOOST_AUTO_TEST_CASE(finds_the_primes_of_the_talks_list) {
  check_threads("primes_queue_manager", racelab::primes_queue_manager, talk_numbers, 2);
}

BOOST_DATA_TEST_CASE(finds_every_prime_with_any_number_of_workers, boost::unit_test::data::make(worker_counts),
                     workers) {
  check_threads("primes_queue_manager", racelab::primes_queue_manager, mixed_numbers(), workers);
}

BOOST_AUTO_TEST_CASE(more_workers_than_numbers) {
  check_threads("primes_queue_manager", racelab::primes_queue_manager, Numbers{7, 8, 9}, 8);
}

BOOST_AUTO_TEST_CASE(an_empty_list_has_no_primes) {
  check_threads("primes_queue_manager", racelab::primes_queue_manager, Numbers{}, 4);
}

BOOST_AUTO_TEST_SUITE_END()
