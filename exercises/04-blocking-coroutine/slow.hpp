// Exercise 4 — blocking inside a coroutine.
//
// The contract between your code (slow.cpp) and the grader. Do not change it:
// the grader calls these functions exactly as declared here.
//
// Both functions are coroutines (they return boost::asio::awaitable). The
// grader runs each of them on a single-threaded Boost.Asio event loop
// (boost::asio::io_context), next to a spinner: a coroutine of its own that
// asks to tick every 10 ms. While your coroutine works, the spinner must keep
// ticking. The grader counts the ticks and measures the longest time the loop
// was held by one step of your code; a stall longer than 150 ms fails.
#pragma once

#include <boost/asio/awaitable.hpp>

#include <chrono>
#include <cstdint>

namespace racelab {

/// Stands for a slow request to a server: completes `delay` after it was
/// started and returns 42, the answer. It must really take `delay` (at least),
/// and the event loop must stay free while it waits.
boost::asio::awaitable<int> slow(std::chrono::milliseconds delay);

/// True if `n` is prime, false otherwise, found by trial division. For the
/// large primes the grader checks (near 10^18) this takes about a second of
/// computing; the event loop must stay free meanwhile. When the coroutine
/// resumes its caller, it must be on the caller's event loop.
boost::asio::awaitable<bool> is_prime(std::uint64_t n);

}  // namespace racelab
