// The kit's side of exercise 8: the pool behind submit() (declared in the
// contract header), and what the grader asks of it.
//
// The pool's own queue is guarded by a mutex, as any pool's is: submit()
// orders the job's creation before its run. Everything the grader reads
// about the pool (which threads are its workers, whether it has gone idle) is
// a relaxed atomic, so that the grader adds no ordering between a job and the
// student's code: a result read before its job was waited for stays a data
// race that ThreadSanitizer can see. (release_finished_jobs() takes the pool's
// lock: the grader calls it only after it has read the results.)
#pragma once

#include <chrono>

namespace racelab::kit {

/// True on one of the pool's worker threads.
bool on_pool_worker();

/// Destroys, on the calling thread, the jobs the pool has run (their tasks
/// share each job's result with its future). A worker that dropped its task
/// itself could be the last owner of a job's exception, and destroy it while
/// the thread that caught it from get() had just read it: the reference count
/// of an exception lives in the uninstrumented C++ runtime, so ThreadSanitizer
/// would see no order between the two and report a race in correct code. The
/// grader calls it after each call of run_jobs(), once it has read the results.
void release_finished_jobs();

/// Waits until every job submitted so far has finished (its future is set),
/// at most `limit`. The grader calls it after each call of run_jobs(), before
/// it destroys anything a job left running might still use. False on the limit.
bool wait_until_idle(std::chrono::milliseconds limit);

}  // namespace racelab::kit
