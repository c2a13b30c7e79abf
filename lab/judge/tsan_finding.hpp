#pragma once
/// \file
/// One raw TSan report turned into a finding a student can read: its kind,
/// the object, the accesses and their threads, details in plain words.

#include "judge/tsan_raw_report.hpp"
#include "judge/tsan_report.hpp"
#include "judge/tsan_site.hpp"

namespace racelab::lab {

/// The finding `report` describes; places chosen by `sites`.
Finding make_finding(const RawReport& report, const SiteMaker& sites);

}  // namespace racelab::lab
