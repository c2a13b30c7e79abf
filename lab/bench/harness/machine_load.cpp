#include "bench/harness/machine_load.hpp"

#include <sys/resource.h>

#include <algorithm>
#include <fstream>
#include <string>

namespace racelab::lab::bench {

std::optional<double> cpu_stall_microseconds() {
  // some avg10=0.00 avg60=0.00 avg300=0.00 total=12345
  std::ifstream in("/proc/pressure/cpu");
  std::string kind, field;
  if (!(in >> kind) || kind != "some") return std::nullopt;
  while (in >> field) {
    if (field.rfind("total=", 0) == 0) {
      try {
        return std::stod(field.substr(6));
      } catch (const std::exception&) {
        return std::nullopt;
      }
    }
  }
  return std::nullopt;
}

CpuPressure::CpuPressure() : start_stall_(cpu_stall_microseconds()), start_(std::chrono::steady_clock::now()) {}

std::optional<double> CpuPressure::stalled_share() const {
  const auto now_stall = cpu_stall_microseconds();
  const double elapsed = std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start_).count();
  if (!start_stall_ || !now_stall || elapsed <= 0) return std::nullopt;
  return std::clamp((*now_stall - *start_stall_) / elapsed, 0.0, 1.0);
}

double children_cpu_seconds() {
  rusage usage{};
  if (getrusage(RUSAGE_CHILDREN, &usage) != 0) return 0;
  const auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + t.tv_usec / 1e6; };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

}  // namespace racelab::lab::bench
