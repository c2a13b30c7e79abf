// The functional grader of exercise 8: does run_jobs() run the jobs on the
// pool, several at a time, give back every result in order, report a failed
// job by throwing its exception, and return (or throw) only once every job
// has finished?
//
// The jobs are the grader's. Each one holds its thread before it ends, until
// run_jobs() has returned or nobody else can run (hold.hpp): a caller that
// waits for the job is asleep, and the job goes on at once; a caller that does
// not wait returns first, and the job is seen still running. So a future that
// is never waited for is caught on every run, not when the scheduler happens
// to be slow.
#include <boost/test/unit_test.hpp>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <exception>
#include <iostream>
#include <mutex>
#include <new>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "hold.hpp"
#include "jobs.hpp"
#include "pool_kit.hpp"

namespace {

using std::chrono::milliseconds;
using racelab::testing::hold_until;
using racelab::testing::wake_held_threads;

// Bounds on the holds (the census ends them at once on a correct program): a
// caller that spins instead of sleeping costs at most this per hold.
constexpr milliseconds hold_limit{2000};
constexpr milliseconds give_up_after{20000};

// How one grader job behaves.
struct JobPlan {
  long value = 0;
  std::optional<std::string> failure;  ///< throws std::runtime_error(failure) when set
  bool ends_last = false;              ///< holds first until every other job has finished
  bool holds = true;                   ///< holds before it ends (see the file's comment)
};

// What the grader's jobs of one call saw, in relaxed atomics only: the grader
// must add no ordering between the jobs and the student's code.
struct Probe {
  explicit Probe(int jobs) : count(jobs) {}
  const int count;
  std::atomic<int> finished{0};
  std::atomic<int> running{0};
  std::atomic<int> most_at_once{0};
  std::atomic<int> off_pool{0};
  std::atomic<int> runs{0};
  std::atomic<bool> returned{false};
};

void note_start(Probe& probe) {
  probe.runs.fetch_add(1, std::memory_order_relaxed);
  if (!racelab::kit::on_pool_worker()) probe.off_pool.fetch_add(1, std::memory_order_relaxed);
  const int now = probe.running.fetch_add(1, std::memory_order_relaxed) + 1;
  int most = probe.most_at_once.load(std::memory_order_relaxed);
  while (now > most && !probe.most_at_once.compare_exchange_weak(most, now, std::memory_order_relaxed)) {
  }
}

// Holds a job until every other job of the call has finished. Nobody able to
// run ends the hold only when no other job is running: while they are held
// too, they end by themselves (their own holds), and this one must outlast
// them, or a caller that waits for the last job only would pass by luck.
void hold_until_the_others_finished(Probe& probe) {
  const auto give_up = std::chrono::steady_clock::now() + hold_limit;
  while (std::chrono::steady_clock::now() < give_up) {
    const auto end = hold_until(
        [&probe] { return probe.finished.load(std::memory_order_relaxed) == probe.count - 1; }, hold_limit);
    if (end != racelab::testing::HoldEnd::alone || probe.running.load(std::memory_order_relaxed) == 1) return;
    std::this_thread::yield();
  }
}

long run_planned(const JobPlan& plan, Probe& probe) {
  note_start(probe);
  if (plan.ends_last) hold_until_the_others_finished(probe);
  if (plan.holds) hold_until([&probe] { return probe.returned.load(std::memory_order_relaxed); }, hold_limit);
  probe.running.fetch_sub(1, std::memory_order_relaxed);
  probe.finished.fetch_add(1, std::memory_order_relaxed);
  wake_held_threads();
  if (plan.failure) throw std::runtime_error(*plan.failure);
  return plan.value;
}

// Ends the program with an explanation if run_jobs() never comes back.
class Watchdog {
 public:
  explicit Watchdog(const Probe& probe) : thread_([this, &probe] { watch(probe); }) {}
  ~Watchdog() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      returned_ = true;
    }
    changed_.notify_one();
    thread_.join();
  }
  Watchdog(const Watchdog&) = delete;
  Watchdog& operator=(const Watchdog&) = delete;

 private:
  void watch(const Probe& probe) {
    std::unique_lock<std::mutex> lock(mutex_);
    if (changed_.wait_for(lock, give_up_after, [this] { return returned_; })) return;
    std::cerr << "\nrun_jobs() did not return within " << give_up_after.count() / 1000 << " s; "
              << probe.finished.load() << " of its " << probe.count << " jobs had finished, "
              << probe.runs.load() << " had started. Does it wait for something no job will "
              << "ever do (a latch counted down fewer times than it was set to, a promise never kept)?\n";
    std::cerr.flush();
    std::_Exit(1);
  }

  std::mutex mutex_;
  std::condition_variable changed_;
  bool returned_ = false;
  std::thread thread_;  // last: starts after the members it uses exist
};

// Where run_jobs() builds its result: the object is made in place from the
// call (guaranteed copy elision; the starter returns a named vector, built
// there too), and kept until the pool is idle, since a job left running may
// still write into it.
class ResultSlot {
 public:
  ResultSlot() = default;
  ~ResultSlot() {
    if (made_ != nullptr) made_->~vector();
  }
  ResultSlot(const ResultSlot&) = delete;
  ResultSlot& operator=(const ResultSlot&) = delete;

  void fill(const std::vector<racelab::Job>& jobs) { made_ = ::new (bytes_) std::vector<long>(racelab::run_jobs(jobs)); }
  std::vector<long> take() const { return made_ == nullptr ? std::vector<long>{} : *made_; }

 private:
  alignas(std::vector<long>) unsigned char bytes_[sizeof(std::vector<long>)];
  std::vector<long>* made_ = nullptr;
};

// One call of run_jobs(), seen from outside.
struct Call {
  std::vector<long> results;
  bool threw = false;
  std::string what;          ///< the exception's message, when it threw
  bool threw_other = false;  ///< it threw something that is not the job's std::runtime_error
  int finished_at_end = 0;   ///< jobs finished when run_jobs() returned or threw
  int most_at_once = 0;
  int off_pool = 0;
  int runs = 0;
};

Call call_run_jobs(const std::vector<JobPlan>& plans) {
  Probe probe(static_cast<int>(plans.size()));
  std::vector<racelab::Job> jobs;
  for (const JobPlan& plan : plans) jobs.push_back([plan, &probe] { return run_planned(plan, probe); });
  Call call;
  ResultSlot slot;
  {
    Watchdog watchdog(probe);
    try {
      slot.fill(jobs);
    } catch (const std::runtime_error& error) {
      call.threw = true;
      call.what = error.what();
    } catch (...) {
      call.threw = true;
      call.threw_other = true;
    }
    // Counted before the jobs are let go: a job held until now is one that
    // was still running when run_jobs() came back.
    call.finished_at_end = probe.finished.load(std::memory_order_relaxed);
    probe.returned.store(true, std::memory_order_relaxed);
    wake_held_threads();
  }
  // A job left running may still use `jobs`, `probe` or the results: wait
  // for the pool before any of them goes.
  BOOST_REQUIRE_MESSAGE(racelab::kit::wait_until_idle(give_up_after),
                        "the pool's jobs were still running " << give_up_after.count() / 1000
                                                              << " s after run_jobs() came back");
  call.results = slot.take();
  // Only now, after the read: releasing takes the pool's lock, which would
  // order the jobs' writes before anything read later.
  racelab::kit::release_finished_jobs();
  call.most_at_once = probe.most_at_once.load(std::memory_order_relaxed);
  call.off_pool = probe.off_pool.load(std::memory_order_relaxed);
  call.runs = probe.runs.load(std::memory_order_relaxed);
  return call;
}

std::vector<JobPlan> plans_for(int count) {
  std::vector<JobPlan> plans;
  for (int i = 0; i < count; ++i) plans.push_back({10L * i + 7, std::nullopt, false, true});
  return plans;
}

void check_every_job_finished(const Call& call, int count, const char* came_back) {
  BOOST_TEST(call.finished_at_end == count,
             "when run_jobs() " << came_back << ", " << count - call.finished_at_end << " of its " << count
                                << " jobs were still running: their futures were never waited for. A job "
                                   "nobody waits for goes on after the call, writing results nobody reads "
                                   "and using what its caller has already destroyed. Keep every future "
                                   "submit() returns, and wait for each one before you leave.");
}

void check_ran_each_once_on_the_pool(const Call& call, int count) {
  BOOST_TEST(call.runs == count, "the " << count << " jobs were run " << call.runs
                                        << " time(s) in all: run each job exactly once");
  BOOST_TEST(call.off_pool == 0, call.off_pool << " job(s) ran on a thread that is not one of the pool's: "
                                                  "hand every job to racelab::submit()");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(jobs_tests)

BOOST_AUTO_TEST_CASE(no_jobs_no_results) {
  const Call call = call_run_jobs({});
  BOOST_TEST(!call.threw, "run_jobs() threw on an empty list of jobs: " << call.what);
  BOOST_TEST(call.results.empty());
}

BOOST_AUTO_TEST_CASE(every_result_comes_back_in_order) {
  for (const int count : {1, 4, 9}) {
    const std::vector<JobPlan> plans = plans_for(count);
    const Call call = call_run_jobs(plans);
    BOOST_TEST_REQUIRE(!call.threw, "run_jobs() threw, and no job failed: " << call.what);
    check_every_job_finished(call, count, "returned");
    BOOST_TEST_REQUIRE(call.results.size() == plans.size(),
                       "run_jobs() gave " << call.results.size() << " results for " << count << " jobs");
    for (int i = 0; i < count; ++i) {
      BOOST_TEST(call.results[i] == plans[i].value,
                 "job " << i << " returned " << plans[i].value << ", run_jobs() gave " << call.results[i]
                        << " in its place: take each job's result from its own future, once it is ready");
    }
    check_ran_each_once_on_the_pool(call, count);
  }
}

// The forced schedule: job 0 ends last, after every other job. A caller that
// waits only for the last future submitted comes back while job 0 still runs.
BOOST_AUTO_TEST_CASE(every_job_has_finished_when_run_jobs_returns) {
  std::vector<JobPlan> plans = plans_for(racelab::pool_workers);
  plans[0].ends_last = true;
  const Call call = call_run_jobs(plans);
  BOOST_TEST_REQUIRE(!call.threw, "run_jobs() threw, and no job failed: " << call.what);
  check_every_job_finished(call, racelab::pool_workers, "returned");
}

BOOST_AUTO_TEST_CASE(jobs_run_at_the_same_time) {
  const Call call = call_run_jobs(plans_for(racelab::pool_workers));
  check_ran_each_once_on_the_pool(call, racelab::pool_workers);
  check_every_job_finished(call, racelab::pool_workers, "returned");
  // Only a call that waited for its jobs can say how many ran together.
  if (call.finished_at_end < racelab::pool_workers) return;
  BOOST_TEST(call.most_at_once >= 2,
             "the jobs ran one after another (at most " << call.most_at_once << " at a time, with "
                                                        << racelab::pool_workers << " workers free): submit "
                                                           "every job first, and only then wait for them");
}

BOOST_AUTO_TEST_CASE(a_failed_job_makes_run_jobs_throw) {
  std::vector<JobPlan> plans = plans_for(racelab::pool_workers);
  plans[2].failure = "disk full while saving job 2";
  const Call call = call_run_jobs(plans);
  BOOST_TEST_REQUIRE(call.threw,
                     "job 2 threw std::runtime_error(\"disk full while saving job 2\"), but run_jobs() "
                     "returned as if all went well: the exception stayed in a future that nobody asked "
                     "for its result. future::get() returns the job's result or throws what the job threw; "
                     "wait() and wait_for() only wait, and say nothing of a failure.");
  BOOST_TEST(!call.threw_other, "run_jobs() threw something else than the job's own exception: rethrow the "
                                "job's exception as it is (get() does)");
  BOOST_TEST(call.what == "disk full while saving job 2", "run_jobs() threw \"" << call.what << "\"");
  check_every_job_finished(call, racelab::pool_workers, "threw");
}

// Job 0 fails at once while the others still run: leaving at the first
// failure leaves them running.
BOOST_AUTO_TEST_CASE(run_jobs_waits_for_every_job_even_after_a_failure) {
  std::vector<JobPlan> plans = plans_for(racelab::pool_workers);
  plans[0].failure = "job 0 failed first";
  plans[0].holds = false;
  const Call call = call_run_jobs(plans);
  BOOST_TEST_REQUIRE(call.threw, "job 0 threw, but run_jobs() returned as if all went well");
  check_every_job_finished(call, racelab::pool_workers, "threw");
}

// Job 3 fails first in time, job 1 later: the one to rethrow is job 1's, the
// first in the order of the list, whatever the order they failed in.
BOOST_AUTO_TEST_CASE(the_first_failure_in_the_list_is_the_one_thrown) {
  std::vector<JobPlan> plans = plans_for(racelab::pool_workers);
  plans[1].failure = "job 1 failed";
  plans[1].ends_last = true;
  plans[3].failure = "job 3 failed";
  plans[3].holds = false;
  const Call call = call_run_jobs(plans);
  BOOST_TEST_REQUIRE(call.threw, "jobs 1 and 3 threw, but run_jobs() returned as if all went well");
  BOOST_TEST(call.what == "job 1 failed",
             "run_jobs() threw \"" << call.what << "\"; jobs 1 and 3 failed (job 3 first), and the one to "
                                   << "rethrow is the first in the list: job 1's");
  check_every_job_finished(call, racelab::pool_workers, "threw");
}

BOOST_AUTO_TEST_SUITE_END()
