// The functional grader of exercise 4: do slow() and is_prime() give the right
// answers, and does the event loop stay free while they work?
//
// Each check runs the student's coroutine on a fresh io_context next to the
// kit's loop monitor (tests/util/loop_monitor), a spinner that asks to tick
// every 10 ms. A coroutine that blocks holds the loop for its whole wait or
// computation (about a second here); one that hands the loop back holds it for
// a few milliseconds at most. The thresholds sit far from both: a stall of more
// than 150 ms, or fewer than half the expected ticks, fails. Time the system
// kept the loop's thread waiting for a processor (a busy machine) is not
// counted against the student: the monitor subtracts it.
//
// The coroutine runs on a watched executor of the loop
// (tests/util/loop_monitor/watched_executor.hpp), which behaves like the
// loop's own and tells how the coroutine used it. A coroutine that keeps
// resuming itself inline with dispatch() on the loop's thread (a known wrong
// fix: it overflows the stack and crashes) is noticed, kept from crashing, and
// told why; so is a step that ran on another thread than the loop's.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <cstdint>
#include <exception>
#include <sstream>
#include <stdexcept>
#include <string>

#include "loop_monitor.hpp"
#include "slow.hpp"

namespace {

using namespace std::chrono_literals;
using racelab::testing::format_duration;
using racelab::testing::LoopReport;
using racelab::testing::run_monitored;

#if defined(__SANITIZE_THREAD__)
constexpr bool under_tsan = true;
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
constexpr bool under_tsan = true;
#else
constexpr bool under_tsan = false;
#endif
#else
constexpr bool under_tsan = false;
#endif

// The longest the loop may be held by one step, and the share of ticks that
// must run. A blocking coroutine stalls the loop for ~1 s and runs almost no
// tick; a cooperative one stalls it for a few ms and runs nearly all of them.
constexpr auto max_stall = 150ms;
constexpr double min_tick_ratio = 0.5;

// How long slow() is asked to wait.
constexpr std::chrono::milliseconds slow_delay = under_tsan ? 400ms : 1000ms;

// A large prime: trial division takes about a second on it (optimised build).
// ThreadSanitizer's build only looks for data races, and runs several times
// slower, so it gets a smaller one.
constexpr std::uint64_t large_prime = under_tsan ? 3333333333333301ULL : 1000000000000000003ULL;

std::string describe_exception(const std::exception_ptr& error) {
  if (!error) {
    return "nothing";
  }
  try {
    std::rethrow_exception(error);
  } catch (const std::exception& e) {
    return e.what();
  } catch (...) {
    return "an exception that is not a std::exception";
  }
}

bool loop_stayed_free(const LoopReport& loop) {
  return loop.longest_stall <= max_stall && loop.tick_ratio() >= min_tick_ratio;
}

// Runs the task made by `make_task` next to the spinner, and measures again
// when one run cannot be trusted. A busy machine can keep the program off the
// processor for a moment; the monitor leaves that time out, but two cases stay
// doubtful: a run that failed yet kept at least `retry_tick_ratio` of its
// ticks (a hiccup, not a coroutine that blocks: that one keeps almost no
// tick), and a run that passed although the system kept the loop waiting for
// most of it (there was little left to judge). Such a run is measured again,
// up to `attempts` runs in all; the last one counts. Code that blocks the loop
// fails on its first run, so the starter costs no extra time.
template <class MakeTask>
auto run_next_to_spinner(MakeTask make_task, const std::string& what) {
  constexpr int attempts = 3;
  constexpr double retry_tick_ratio = 0.2;
  for (int attempt = 1;; ++attempt) {
    auto run = run_monitored(make_task);
    BOOST_TEST_MESSAGE("while " << what << " ran, the spinner " << run.loop.summary());
    const long slots = static_cast<long>(run.loop.elapsed / run.loop.period);
    const bool passed = loop_stayed_free(run.loop);
    const bool doubtful = passed ? run.loop.excused_ticks * 4 > slots * 3 : run.loop.tick_ratio() >= retry_tick_ratio;
    if (run.error || !doubtful || attempt == attempts) {
      return run;
    }
    BOOST_TEST_MESSAGE("measuring again: the machine may have been busy");
  }
}

// The verdict on the loop's responsiveness, in the student's terms. Both
// numbers count: the stall catches one long block, the ratio a loop held most
// of the time by many shorter ones.
void check_loop_stayed_free(const LoopReport& loop, const std::string& what, const std::string& advice) {
  std::ostringstream message;
  if (loop.longest_stall > max_stall) {
    message << "the spinner froze for " << format_duration(loop.longest_stall) << ": " << what
            << " blocked the event loop; " << advice << " (the spinner " << loop.summary() << ")";
  } else {
    message << "the spinner missed " << loop.expected_ticks() - loop.ticks << " of its " << loop.expected_ticks()
            << " ticks: " << what << " blocked the event loop most of the time; " << advice << " (the spinner "
            << loop.summary() << ")";
  }
  BOOST_TEST(loop_stayed_free(loop), message.str());
}

// How the task used the loop: never resuming itself inline deeper and
// deeper (dispatch() on the loop's own thread, which would overflow the stack
// and crash; the watched executor queues those steps instead and counts
// them), and every step on the loop's own thread.
void check_used_the_loop_well(const LoopReport& loop, const std::string& what) {
  BOOST_TEST(loop.inline_deferred == 0,
             what << " resumed itself inline, one call inside the other, more than " << racelab::testing::inline_limit
                  << " levels deep: it co_awaits dispatch() on the loop's own thread. There, dispatch runs the "
                     "continuation at once, inside the call: the loop gets no turn (the spinner freezes), and each "
                     "call goes one level deeper until the stack overflows and the program crashes (the grader "
                     "queued those steps instead, to tell you). post() queues the continuation behind the tasks "
                     "already waiting, the spinner's tick among them: co_await boost::asio::post(executor, "
                     "boost::asio::use_awaitable) (README.md, hint 3)");
  BOOST_TEST(loop.task_threads <= 1, what << "'s steps ran on " << loop.task_threads
                                          << " threads: a coroutine must resume on its caller's event loop, whose "
                                             "thread runs all of its steps (README.md, hint 4)");
}

const std::string sleep_advice =
    "a coroutine must co_await instead of sleeping, so the loop can run other tasks while it waits";
const std::string loop_advice =
    "a loop that never reaches a co_await holds the loop until it ends: let the loop run other tasks "
    "now and then, or do the computation somewhere else";

}  // namespace

BOOST_AUTO_TEST_SUITE(slow_tests)

BOOST_AUTO_TEST_CASE(slow_waits_and_answers_42) {
  auto run = run_monitored([] { return racelab::slow(200ms); });
  BOOST_REQUIRE_MESSAGE(!run.error, "slow(200ms) threw: " << describe_exception(run.error));
  BOOST_TEST(run.value == 42, "slow() returned " << run.value << "; it must return 42, the answer");
  check_used_the_loop_well(run.loop, "slow()");
  BOOST_TEST(run.loop.elapsed >= 190ms, "slow(200ms) returned after " << format_duration(run.loop.elapsed)
                                                                     << ": it must wait the whole delay, "
                                                                        "only without blocking the loop");
}

BOOST_AUTO_TEST_CASE(the_spinner_turns_while_slow_waits) {
  auto run = run_next_to_spinner([] { return racelab::slow(slow_delay); }, "slow()");
  BOOST_REQUIRE_MESSAGE(!run.error, "slow() threw: " << describe_exception(run.error));
  BOOST_TEST(run.loop.elapsed >= slow_delay - 10ms, "slow(" << slow_delay.count() << "ms) returned after "
                                                            << format_duration(run.loop.elapsed)
                                                            << ": it must wait the whole delay");
  check_used_the_loop_well(run.loop, "slow()");
  check_loop_stayed_free(run.loop, "slow()", sleep_advice);
}

struct Known {
  std::uint64_t n;
  bool prime;
  const char* why;
};

std::ostream& operator<<(std::ostream& out, const Known& k) {
  return out << k.n;
}

const Known known_numbers[] = {
    {0, false, "0 is not prime"},
    {1, false, "1 is not prime"},
    {2, true, "2 is prime (the only even prime)"},
    {3, true, "3 is prime"},
    {4, false, "4 = 2 x 2"},
    {9, false, "9 = 3 x 3"},
    {25, false, "25 = 5 x 5"},
    {97, true, "97 is prime"},
    {7919, true, "7919 is prime"},
    {1000006000009ULL, false, "1000006000009 = 1000003 x 1000003: the square root itself must be tried"},
    {999985999949ULL, false, "999985999949 = 999983 x 1000003"},
    {4294967291ULL, true, "4294967291 is prime (the largest below 2^32)"},
    {4294967297ULL, false, "4294967297 = 641 x 6700417"},
    {3333333333333333ULL, false, "3333333333333333 is divisible by 3"},
    {142702110479723ULL, true, "142702110479723 is prime"},
};

BOOST_DATA_TEST_CASE(is_prime_gives_the_right_answer, boost::unit_test::data::make(known_numbers), known) {
  auto run = run_monitored([n = known.n] { return racelab::is_prime(n); });
  BOOST_REQUIRE_MESSAGE(!run.error, "is_prime(" << known.n << ") threw: " << describe_exception(run.error));
  BOOST_TEST(run.value == known.prime, "is_prime(" << known.n << ") returned " << std::boolalpha << run.value
                                                   << ", but " << known.why);
  check_used_the_loop_well(run.loop, "is_prime(" + std::to_string(known.n) + ")");
}

BOOST_AUTO_TEST_CASE(the_spinner_turns_while_is_prime_works) {
  auto run = run_next_to_spinner([] { return racelab::is_prime(large_prime); },
                                 "is_prime(" + std::to_string(large_prime) + ")");
  BOOST_REQUIRE_MESSAGE(!run.error, "is_prime(" << large_prime << ") threw: " << describe_exception(run.error));
  BOOST_TEST(run.value, "is_prime(" << large_prime << ") returned false, but it is prime");
  check_used_the_loop_well(run.loop, "is_prime(" + std::to_string(large_prime) + ")");
  check_loop_stayed_free(run.loop, "is_prime(" + std::to_string(large_prime) + ")", loop_advice);
}

BOOST_AUTO_TEST_SUITE_END()
