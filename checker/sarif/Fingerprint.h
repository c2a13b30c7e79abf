//===- Fingerprint.h - a finding's identity across runs --------*- C++ -*-===//
//
// Code scanning matches an alert of one run with the same alert of the next by
// result.partialFingerprints. The fingerprint leaves out line and column, so a
// finding keeps its identity when code above it moves.
//
//===----------------------------------------------------------------------===//
#ifndef RACELAB_CHECKER_SARIF_FINGERPRINT_H
#define RACELAB_CHECKER_SARIF_FINGERPRINT_H

#include <cstddef>
#include <initializer_list>
#include <map>
#include <string>
#include <string_view>

namespace racelab::sarif {

/// The key under partialFingerprints; its version changes when the recipe does.
inline constexpr std::string_view FingerprintKey = "racelabFinding/v1";

/// Fingerprints of the results of one log: the same rule, file and message
/// twice in one log get their occurrence number in the hash, so each keeps its
/// own identity.
class Fingerprints {
public:
  /// 16 hex digits (FNV-1a, 64 bits) of the parts and their occurrence.
  std::string next(std::string_view RuleId, std::string_view Uri, std::string_view Message);

private:
  std::map<std::string, size_t> Seen;
};

} // namespace racelab::sarif

#endif // RACELAB_CHECKER_SARIF_FINGERPRINT_H
