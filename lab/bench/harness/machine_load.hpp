#pragma once
/// \file
/// Signs that other work shares the machine while the perf judge measures:
/// the kernel's CPU pressure (the share of time some runnable task waited for
/// a core, /proc/pressure/cpu, Linux 4.20+), and the CPU time a finished child
/// used (getrusage), to compare with the wall time it took.

#include <chrono>
#include <optional>

namespace racelab::lab::bench {

/// Microseconds, since boot, during which some task waited for a CPU
/// ("some total=" of /proc/pressure/cpu); empty where the kernel has no PSI.
std::optional<double> cpu_stall_microseconds();

/// The share of the time since it was made during which some task waited for
/// a CPU: 0 on an idle machine, near 1 when every core is oversubscribed.
class CpuPressure {
 public:
  CpuPressure();
  /// Empty where the kernel reports no pressure.
  [[nodiscard]] std::optional<double> stalled_share() const;

 private:
  std::optional<double> start_stall_;
  std::chrono::steady_clock::time_point start_;
};

/// User + system CPU seconds of every child (and descendant) reaped so far.
double children_cpu_seconds();

}  // namespace racelab::lab::bench
