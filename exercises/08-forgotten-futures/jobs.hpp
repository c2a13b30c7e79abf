// Exercise 8 — futures nobody waits for.
//
// The contract between your code (jobs.cpp) and the grader. Do not change it:
// the grader calls these functions exactly as declared here.
#pragma once

#include <functional>
#include <future>
#include <vector>

namespace racelab {

/// One job: computes a number, or throws an exception when it fails.
using Job = std::function<long()>;

/// Runs every job of `jobs` on the kit's pool (submit() below), several at a
/// time, and returns their results in the order of `jobs`.
///
/// Returns only once every job has finished. If a job threw, throws instead
/// of returning — the exception of the first job in the order of `jobs` that
/// threw, as it was thrown — and still only once every job has finished: a job
/// still running after this function has left may use what its caller has
/// already destroyed (`jobs` itself, for one).
std::vector<long> run_jobs(const std::vector<Job>& jobs);

/// How many worker threads the kit's pool has.
inline constexpr int pool_workers = 4;

/// Provided by the kit: a pool of `pool_workers` threads that lives as long as
/// the program, like an executor shared by a whole application. Queues `job`
/// for the next free worker and returns at once. The future becomes ready when
/// the job has finished: get() then returns its result, or throws the
/// exception the job threw.
std::future<long> submit(Job job);

}  // namespace racelab
