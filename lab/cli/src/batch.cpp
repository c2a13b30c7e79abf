#include "racelab/lab/batch.hpp"

#include <ostream>

namespace racelab::lab {

// Placeholder until batch grading lands.
int run_batch(const BatchOptions&, std::ostream&, std::ostream& err) {
  err << "racelab grade --batch: not available yet\n";
  return 2;
}

}  // namespace racelab::lab
