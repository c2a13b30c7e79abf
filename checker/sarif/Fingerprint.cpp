//===- Fingerprint.cpp ----------------------------------------------------===//
#include "sarif/Fingerprint.h"

#include <cstdint>

namespace racelab::sarif {

std::string Fingerprints::next(std::string_view RuleId, std::string_view Uri, std::string_view Message) {
  // NUL between the parts: ("ab", "c") and ("a", "bc") must differ.
  std::string Key;
  for (std::string_view Part : {RuleId, Uri, Message}) {
    Key += Part;
    Key += '\0';
  }
  const size_t Occurrence = Seen[Key]++;
  Key += std::to_string(Occurrence);
  std::uint64_t Hash = 14695981039346656037ull;
  for (unsigned char C : Key) {
    Hash ^= C;
    Hash *= 1099511628211ull;
  }
  static const char Hex[] = "0123456789abcdef";
  std::string Out(16, '0');
  for (int I = 15; I >= 0; --I, Hash >>= 4)
    Out[size_t(I)] = Hex[Hash & 15];
  return Out;
}

} // namespace racelab::sarif
