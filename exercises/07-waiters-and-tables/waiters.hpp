// Exercise 7 — waiters and tables.
//
// The contract between your code (waiters.cpp) and the grader. Do not change
// it: the grader, and the perf judge, call these functions exactly as declared
// here.
//
// Each function serves every table of `tables` exactly once. Serving table n
// means letting it think about its order — `tables.think(n)` on a thread,
// `co_await tables.async_think(n)` in a coroutine — and then writing n down
// in the list the function returns. Tables are numbered 1 … tables.count().
#pragma once

#include <vector>

#include "racelab/bench/tables.hpp"

namespace racelab {

using bench::Tables;

/// One waiter, one table at a time, on the calling thread: tables 1, 2, 3, …
/// in that order. Returns the numbers of the tables served, in that order.
std::vector<int> serve_sequential(Tables& tables);

/// `waiters` threads serve the tables between them, each table thinking on
/// the thread of the waiter that serves it (`tables.think(n)`). Use at most
/// `waiters` threads; with at least as many waiters as tables, every table
/// gets a waiter of its own and all tables think at the same time. Returns
/// the numbers of the tables served, in any order, each exactly once.
std::vector<int> serve_with_threads(Tables& tables, int waiters);

/// One coroutine per table on one boost::asio::io_context, run by the calling
/// thread alone: no other thread. Each table thinks with
/// `co_await tables.async_think(n)`, so all of them think at the same time.
/// Returns the numbers of the tables served, in any order, each exactly once.
std::vector<int> serve_with_coroutines(Tables& tables);

}  // namespace racelab
