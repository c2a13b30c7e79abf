// Corpus, exercise 3, correct. Style: a std::binary_semaphore as the
// headline's lock, acquire()/release() by hand around every assignment and
// every copy.
#include "shared_string.hpp"

#include <functional>
#include <semaphore>
#include <thread>
#include <vector>

namespace racelab {

std::string headline;
std::binary_semaphore headline_free{1};

void editor(const std::vector<std::string>& stories) {
  for (const std::string& story : stories) {
    fuzz();
    headline_free.acquire();
    headline = story;
    headline_free.release();
    fuzz();
  }
}

void display(int reads, std::vector<std::string>& shown) {
  for (int i = 0; i < reads; ++i) {
    fuzz();
    headline_free.acquire();
    std::string copy = headline;
    headline_free.release();
    shown.push_back(std::move(copy));
    fuzz();
  }
}

Sightings run_newsroom(const std::string& opening, const std::vector<std::vector<std::string>>& editors,
                       int reads) {
  headline = opening;
  Sightings sightings;
  std::vector<std::thread> threads;
  for (const std::vector<std::string>& stories : editors) {
    threads.emplace_back(editor, std::cref(stories));
  }
  threads.emplace_back(display, reads, std::ref(sightings.shown));
  for (std::thread& thread : threads) {
    thread.join();
  }
  sightings.final_headline = headline;
  return sightings;
}

}  // namespace racelab
