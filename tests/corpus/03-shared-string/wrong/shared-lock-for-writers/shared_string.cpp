// Corpus, exercise 3, wrong. Style: a std::shared_mutex.
// Bug: the editors take it with std::shared_lock ("it's locked, isn't it?"):
// a shared lock only keeps writers out, so editors assign at the same time as
// each other and as the display copies.
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
      std::shared_lock<std::shared_mutex> lock(headline_lock);
      headline = story;
    }
    fuzz();
  }
}

void display(int reads, std::vector<std::string>& shown) {
  for (int i = 0; i < reads; ++i) {
    fuzz();
    {
      std::shared_lock<std::shared_mutex> lock(headline_lock);
      shown.push_back(headline);
    }
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
