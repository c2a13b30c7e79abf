// Corpus, exercise 3, correct. Style: a reader-writer lock: std::shared_mutex,
// editors write under std::unique_lock, the display copies under
// std::shared_lock (unlocked by hand before the pause).
#include "shared_string.hpp"

#include <functional>
#include <mutex>
#include <shared_mutex>
#include <thread>
#include <vector>

namespace racelab {

std::string headline;
std::shared_mutex headline_lock;

void editor(const std::vector<std::string>& stories) {
  for (const std::string& story : stories) {
    fuzz();
    {
      std::unique_lock<std::shared_mutex> writing(headline_lock);
      headline = story;
    }
    fuzz();
  }
}

void display(int reads, std::vector<std::string>& shown) {
  for (int i = 0; i < reads; ++i) {
    fuzz();
    std::shared_lock<std::shared_mutex> reading(headline_lock);
    shown.push_back(headline);
    reading.unlock();
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
