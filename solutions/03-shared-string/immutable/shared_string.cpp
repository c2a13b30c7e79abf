// Exercise 3 — the shared global string. Reference solution: an immutable
// value, swapped atomically. Nobody ever changes a headline; an editor builds
// a new one and publishes it by replacing a pointer in one atomic step.
#include "shared_string.hpp"

#include <functional>
#include <memory>
#include <thread>
#include <vector>

namespace racelab {

std::shared_ptr<const std::string> headline;  // the one headline everybody shares
// The shared thing is now a pointer to a string that is never modified once
// published. The pointer is only read and replaced with std::atomic_load and
// std::atomic_store, which make each of those one indivisible step.

void editor(const std::vector<std::string>& stories) {
  for (const std::string& story : stories) {
    fuzz();
    std::atomic_store(&headline, std::make_shared<const std::string>(story));
    // The new headline is complete before anyone can see it: it is built
    // first, then published by swapping the pointer. The old one stays alive
    // as long as a reader still holds it (shared_ptr counts its owners).
    fuzz();
  }
}

void display(int reads, std::vector<std::string>& shown) {
  for (int i = 0; i < reads; ++i) {
    fuzz();
    const std::shared_ptr<const std::string> current = std::atomic_load(&headline);
    // One atomic step gives the display its own reference to one whole
    // headline; an editor publishing a newer one cannot change or free it.
    shown.push_back(*current);
    fuzz();
  }
}

Sightings run_newsroom(const std::string& opening, const std::vector<std::vector<std::string>>& editors,
                       int reads) {
  headline = std::make_shared<const std::string>(opening);
  // No editor or display exists yet: a plain assignment is enough.
  Sightings sightings;
  std::vector<std::thread> threads;
  for (const std::vector<std::string>& stories : editors) {
    threads.emplace_back(editor, std::cref(stories));
  }
  threads.emplace_back(display, reads, std::ref(sightings.shown));
  for (std::thread& thread : threads) {
    thread.join();
  }
  sightings.final_headline = *headline;
  // Every thread is joined: nobody else uses the pointer any more.
  return sightings;
}

}  // namespace racelab
