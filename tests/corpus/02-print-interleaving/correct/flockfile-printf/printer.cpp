// Corpus, exercise 2, correct. Style: C stdio: printf() for the pieces, and
// flockfile()/funlockfile() on stdout around the whole record, so no other
// thread's stdio call on stdout can come in between. The kit's pause is kept
// between the pieces with `std::cout << fuzz` (which writes nothing).
#include "printer.hpp"

#include <cstdio>
#include <iostream>
#include <thread>
#include <vector>

namespace racelab {

void worker(int id, int records) {
  for (int count = 1; count <= records; ++count) {
    flockfile(stdout);
    std::printf("The count is ");
    std::cout << fuzz;
    std::printf("%d (worker %d)\n", count, id);
    std::cout << fuzz;
    std::printf("---------------\n");
    funlockfile(stdout);
  }
}

void print_in_parallel(int workers, int records) {
  std::vector<std::thread> threads;
  for (int id = 1; id <= workers; ++id) {
    threads.emplace_back(worker, id, records);
  }
  for (std::thread& thread : threads) {
    thread.join();
  }
}

}  // namespace racelab
