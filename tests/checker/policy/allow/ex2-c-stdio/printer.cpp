// POLICY-EXERCISE: 02-print-interleaving
// Exercise 2 with the C library: one locked FILE for the whole record.
#include "printer.hpp"

#include <cstdio>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace racelab {

namespace {

void print_record(int id, int count) {
  std::ostringstream fuzzed;
  fuzzed << fuzz;  // the kit's fuzz() on a stream of our own: it writes nothing
  flockfile(stdout);
  std::printf("The count is %d (worker %d)\n", count, id);
  std::fputs("---------------\n", stdout);
  for (char c : fuzzed.str()) {
    putchar_unlocked(c);
  }
  funlockfile(stdout);
  std::fflush(stdout);
}

}  // namespace

void print_in_parallel(int workers, int records) {
  std::ios::sync_with_stdio(true);
  std::vector<std::thread> threads;
  for (int id = 1; id <= workers; ++id) {
    threads.emplace_back([id, records] {
      for (int count = 1; count <= records; ++count) {
        print_record(id, count);
      }
    });
  }
  for (auto &thread : threads) {
    thread.join();
  }
  std::puts("");
}

}  // namespace racelab
