// Exercise 2 — print interleaving.
//
// The contract between your code (printer.cpp) and the grader. Do not change
// it: the grader calls these functions exactly as declared here.
#pragma once

#include <iosfwd>

namespace racelab {

/// Starts `workers` threads, numbered 1 to `workers`. Worker W prints
/// `records` records to std::cout, for N = 1, 2, … `records`; each record is
/// two lines:
///
///     The count is N (worker W)
///     ---------------
///
/// (the second line is 15 dashes). Waits until every record has been written
/// to std::cout, then returns. Nothing else may be printed to std::cout.
///
/// The grader reads what reached standard output and checks that every record
/// is whole — its two lines together, nothing from another record in between —
/// and that each worker's `records` records are all there, once each. Records
/// of different workers may come out in any order.
void print_in_parallel(int workers, int records);

/// Provided by the kit: a stream manipulator that writes nothing. Written
/// between two parts of an output, as in `std::cout << "a" << fuzz << "b"`,
/// it sometimes does nothing and sometimes lets another thread run for a
/// moment, at random — like the fuzz() in Raymond Hettinger's keynote on
/// concurrency. It changes nothing in a correct program; in one whose records
/// can be split, it makes the split happen on every run. Keep it where the
/// starter has it: between the parts of each record.
std::ostream& fuzz(std::ostream& out);

}  // namespace racelab
