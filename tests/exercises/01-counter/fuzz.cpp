// The kit's fuzz() for exercise 1 (declared in the contract header): a random
// pause between the read and the write of the counter, so a racy program
// loses updates on every run and a correct one only gets slower.
#include "counter.hpp"
#include "random_pause.hpp"

namespace racelab {

void fuzz() { testing::random_pause(); }

}  // namespace racelab
