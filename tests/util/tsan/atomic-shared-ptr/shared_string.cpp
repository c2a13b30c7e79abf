// Exercise 3 solved with C++20's std::atomic<std::shared_ptr<const std::string>>:
// the headline is an immutable string, replaced by swapping an atomic pointer.
// Correct; libstdc++ 12's implementation makes ThreadSanitizer report a race
// inside the library on it, which the kit's suppression file drops
// (tests/util/tsan/libstdcxx.supp). A test of that file, not a reference
// solution: the reference uses std::atomic_load/atomic_store.
#include "shared_string.hpp"

#include <atomic>
#include <functional>
#include <memory>
#include <thread>
#include <vector>

namespace racelab {

std::atomic<std::shared_ptr<const std::string>> headline;

void editor(const std::vector<std::string>& stories) {
  for (const std::string& story : stories) {
    fuzz();
    headline.store(std::make_shared<const std::string>(story));
    fuzz();
  }
}

void display(int reads, std::vector<std::string>& shown) {
  for (int i = 0; i < reads; ++i) {
    fuzz();
    const std::shared_ptr<const std::string> current = headline.load();
    shown.push_back(*current);
    fuzz();
  }
}

Sightings run_newsroom(const std::string& opening, const std::vector<std::vector<std::string>>& editors,
                       int reads) {
  headline.store(std::make_shared<const std::string>(opening));
  Sightings sightings;
  std::vector<std::thread> threads;
  for (const std::vector<std::string>& stories : editors) {
    threads.emplace_back(editor, std::cref(stories));
  }
  threads.emplace_back(display, reads, std::ref(sightings.shown));
  for (std::thread& thread : threads) {
    thread.join();
  }
  sightings.final_headline = *headline.load();
  return sightings;
}

}  // namespace racelab
