// The kit's fuzz manipulator for exercise 2 (declared in the contract header).
//
// `std::cout << a << b` is not one write but two calls, one after the other;
// another thread may print in between, but on a quiet machine it rarely does.
// Written between the parts of a record, fuzz widens that gap with a random
// pause. A record that can be split is then split on every run; a correct
// program only gets slower.
#include "printer.hpp"
#include "random_pause.hpp"

#include <ostream>

namespace racelab {

std::ostream& fuzz(std::ostream& out) {
  testing::random_pause();
  return out;
}

}  // namespace racelab
