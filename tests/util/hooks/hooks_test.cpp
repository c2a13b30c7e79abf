// Tests of the hooks' machinery: a hold ends for the right reason, the
// take_turns schedule exposes a lost update on every run and leaves a locked
// update alone, and the work log tells threads that overlapped from threads
// run one after another. Each verdict is repeated: a forced schedule must not
// depend on luck.
#include <boost/test/unit_test.hpp>

#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>
#include <vector>

#include "hold.hpp"
#include "schedule.hpp"
#include "thread_census.hpp"
#include "work_log.hpp"

namespace {

using namespace std::chrono_literals;
using racelab::testing::ForcedSchedule;
using racelab::testing::hold_until;
using racelab::testing::HoldEnd;
using racelab::testing::hook_step;
using racelab::testing::Schedule;
using racelab::testing::WorkLog;
using racelab::testing::WorkSummary;

constexpr int repeats = 20;

// The starter of exercise 1 in miniature: read, hook, write back.
long racy_count(int workers, long increments) {
  long counter = 0;
  std::atomic<long> shared{0};  // atomic so that this test itself has no data race
  std::vector<std::thread> threads;
  for (int w = 0; w < workers; ++w) {
    threads.emplace_back([&] {
      for (long i = 0; i < increments; ++i) {
        const long old_value = shared.load(std::memory_order_relaxed);
        hook_step();
        shared.store(old_value + 1, std::memory_order_relaxed);
        hook_step();
      }
    });
  }
  for (auto& thread : threads) thread.join();
  counter = shared.load();
  return counter;
}

long locked_count(int workers, long increments) {
  long counter = 0;
  std::mutex mutex;
  std::vector<std::thread> threads;
  for (int w = 0; w < workers; ++w) {
    threads.emplace_back([&] {
      for (long i = 0; i < increments; ++i) {
        std::lock_guard<std::mutex> lock(mutex);
        const long old_value = counter;
        hook_step();
        counter = old_value + 1;
        hook_step();
      }
    });
  }
  for (auto& thread : threads) thread.join();
  return counter;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(holds)

BOOST_AUTO_TEST_CASE(a_hold_ends_when_another_thread_does_what_is_waited_for) {
  for (int run = 0; run < repeats; ++run) {
    std::atomic<bool> done{false};
    std::thread other([&] {
      // Busy, not asleep: a sleeping thread counts as one that cannot run.
      const auto until = std::chrono::steady_clock::now() + 2ms;
      while (std::chrono::steady_clock::now() < until) {
      }
      done.store(true, std::memory_order_relaxed);
      std::this_thread::sleep_for(50ms);  // asleep, yet the hold has already ended
    });
    const HoldEnd end = hold_until([&] { return done.load(std::memory_order_relaxed); }, 10s);
    other.join();
    BOOST_TEST((end == HoldEnd::released));
  }
}

BOOST_AUTO_TEST_CASE(a_hold_ends_at_once_when_the_other_threads_are_blocked_behind_it) {
  for (int run = 0; run < repeats; ++run) {
    std::mutex mutex;
    std::unique_lock<std::mutex> lock(mutex);
    std::thread blocked([&] { std::lock_guard<std::mutex> wait_for_me(mutex); });
    const auto start = std::chrono::steady_clock::now();
    const HoldEnd end = hold_until([] { return false; }, 10s);
    const auto held = std::chrono::steady_clock::now() - start;
    lock.unlock();
    blocked.join();
    BOOST_TEST((end == HoldEnd::alone));
    BOOST_TEST(held < 5s, "the hold lasted " << std::chrono::duration<double>(held).count() << " s");
  }
}

BOOST_AUTO_TEST_CASE(a_hold_with_no_other_thread_ends_alone) {
  BOOST_TEST((hold_until([] { return false; }, 10s) == HoldEnd::alone));
}

BOOST_AUTO_TEST_CASE(a_hold_that_the_census_cannot_end_ends_on_its_limit) {
  std::atomic<bool> stop{false};
  std::thread spinning([&] {
    while (!stop.load(std::memory_order_relaxed)) {
    }
  });
  const HoldEnd end = hold_until([] { return false; }, 30ms);
  stop.store(true, std::memory_order_relaxed);
  spinning.join();
  BOOST_TEST((end == HoldEnd::limit));
}

// A child process held until a sibling process does something: released when
// one does, alone when the only other related process (the parent) waits.
BOOST_AUTO_TEST_CASE(a_child_process_waits_for_a_sibling_not_for_a_waiting_parent) {
  auto* shared = static_cast<std::atomic<int>*>(
      ::mmap(nullptr, sizeof(std::atomic<int>) * 2, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0));
  BOOST_REQUIRE(shared != MAP_FAILED);
  for (int siblings : {1, 0}) {
    new (&shared[0]) std::atomic<int>(0);  // set by the sibling
    new (&shared[1]) std::atomic<int>(-1);  // how the first child's hold ended
    const pid_t held = ::fork();
    if (held == 0) {
      const HoldEnd end = hold_until([shared] { return shared[0].load(std::memory_order_relaxed) != 0; }, 10s,
                                     racelab::testing::Among::related_processes);
      shared[1].store(static_cast<int>(end), std::memory_order_relaxed);
      ::_exit(0);
    }
    pid_t sibling = -1;
    if (siblings == 1) {
      sibling = ::fork();
      if (sibling == 0) {
        const auto until = std::chrono::steady_clock::now() + 5ms;  // busy, so seen as able to run
        while (std::chrono::steady_clock::now() < until) {
        }
        shared[0].store(1, std::memory_order_relaxed);
        ::_exit(0);
      }
      ::waitpid(sibling, nullptr, 0);
    }
    ::waitpid(held, nullptr, 0);
    const HoldEnd expected = siblings == 1 ? HoldEnd::released : HoldEnd::alone;
    BOOST_TEST(shared[1].load() == static_cast<int>(expected), siblings << " sibling(s)");
  }
  ::munmap(shared, sizeof(std::atomic<int>) * 2);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(take_turns)

BOOST_AUTO_TEST_CASE(a_read_and_its_write_back_lose_updates_on_every_run) {
  for (int run = 0; run < repeats; ++run) {
    const ForcedSchedule turns(Schedule::take_turns);
    const long total = racy_count(2, 50);
    BOOST_TEST(total < 100, "run " << run << ": no update was lost (" << total << ")");
    BOOST_TEST(turns.holds_released_by_another_thread() > 0);
  }
}

BOOST_AUTO_TEST_CASE(an_update_under_one_lock_loses_nothing_and_costs_little) {
  for (int run = 0; run < repeats; ++run) {
    const auto start = std::chrono::steady_clock::now();
    {
      const ForcedSchedule turns(Schedule::take_turns);
      BOOST_TEST(locked_count(4, 200) == 800);
    }
    const auto took = std::chrono::steady_clock::now() - start;
    // The holds end on the census (the other workers wait for the lock),
    // within the schedule's time budget.
    BOOST_TEST(took < 10s, "run " << run << " took " << std::chrono::duration<double>(took).count() << " s");
  }
}

BOOST_AUTO_TEST_CASE(two_threads_alternate_at_every_hook) {
  for (int run = 0; run < repeats; ++run) {
    const ForcedSchedule turns(Schedule::take_turns);
    std::vector<std::thread> threads;
    for (int t = 0; t < 2; ++t) {
      threads.emplace_back([] {
        for (int i = 0; i < 50; ++i) hook_step();
      });
    }
    for (auto& thread : threads) thread.join();
    // Every hold but those at the very start and end is ended by the other
    // thread's next step: a woken thread is not mistaken for a waiting one.
    BOOST_TEST(turns.holds() == 100);
    BOOST_TEST(turns.holds_released_by_another_thread() >= 95, "run " << run << ": "
               << turns.holds_released_by_another_thread() << " of 100 holds ended by the other thread");
  }
}

BOOST_AUTO_TEST_CASE(random_pauses_and_no_pauses_hold_nobody) {
  for (Schedule schedule : {Schedule::random_pauses, Schedule::no_pauses}) {
    const ForcedSchedule forced(schedule);
    BOOST_TEST(locked_count(2, 100) == 200);
    BOOST_TEST(forced.holds() == 0);
  }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(work_log)

BOOST_AUTO_TEST_CASE(workers_running_together_overlap) {
  for (int run = 0; run < repeats; ++run) {
    const WorkLog log;
    BOOST_TEST(locked_count(3, 20) == 60);
    const WorkSummary seen = log.summary();
    BOOST_TEST(seen.threads == 3);
    BOOST_TEST(seen.steps == 120);
    BOOST_TEST(seen.steps_on_caller == 0);
    BOOST_TEST(seen.overlapped);
    BOOST_TEST(seen.threads_ended == 3);
  }
}

BOOST_AUTO_TEST_CASE(workers_started_one_after_another_do_not_overlap) {
  for (int run = 0; run < repeats; ++run) {
    const WorkLog log;
    for (int w = 0; w < 3; ++w) {
      std::thread worker([] {
        for (int i = 0; i < 20; ++i) hook_step();
      });
      worker.join();
    }
    const WorkSummary seen = log.summary();
    BOOST_TEST(seen.threads == 3);
    BOOST_TEST(!seen.overlapped);
  }
}

BOOST_AUTO_TEST_CASE(a_worker_that_does_all_its_steps_before_the_next_gets_the_lock_still_overlaps) {
  for (int run = 0; run < repeats; ++run) {
    const WorkLog log;
    std::mutex mutex;
    std::unique_lock<std::mutex> first_holds(mutex);
    std::thread second([&] {
      std::lock_guard<std::mutex> lock(mutex);  // waits: alive, no step yet
      hook_step();
    });
    std::thread first([&] {
      for (int i = 0; i < 5; ++i) hook_step();
    });
    first.join();  // all its steps done, and ended, before the second's first step
    first_holds.unlock();
    second.join();
    const WorkSummary seen = log.summary();
    BOOST_TEST(seen.threads == 2);
    BOOST_TEST(seen.overlapped);
  }
}

BOOST_AUTO_TEST_CASE(steps_on_the_callers_thread_are_counted_apart) {
  const WorkLog log;
  for (int i = 0; i < 7; ++i) hook_step();
  const WorkSummary seen = log.summary();
  BOOST_TEST(seen.threads == 0);
  BOOST_TEST(seen.steps_on_caller == 7);
}

BOOST_AUTO_TEST_CASE(a_new_log_forgets_the_last_one) {
  {
    const WorkLog first;
    std::thread([] { hook_step(); }).join();
  }
  const WorkLog second;
  BOOST_TEST(second.summary().threads == 0);
}

BOOST_AUTO_TEST_SUITE_END()
