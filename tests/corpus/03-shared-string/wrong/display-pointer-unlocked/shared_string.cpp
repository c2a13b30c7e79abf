// Corpus, exercise 3, wrong. Style: named thread functions taking pointers;
// the editors lock a mutex around the assignment.
// Bug: the display is handed a pointer to the headline and reads through it
// without the mutex (it "only reads"): its copy races with the assignments.
#include "shared_string.hpp"

#include <mutex>
#include <thread>
#include <vector>

namespace racelab {

std::string headline;
std::mutex headline_mutex;

void editor(std::string* target, const std::vector<std::string>* stories) {
  for (const std::string& story : *stories) {
    fuzz();
    {
      std::lock_guard<std::mutex> lock(headline_mutex);
      *target = story;
    }
    fuzz();
  }
}

void display(const std::string* source, int reads, std::vector<std::string>* shown) {
  for (int i = 0; i < reads; ++i) {
    fuzz();
    shown->push_back(*source);
    fuzz();
  }
}

Sightings run_newsroom(const std::string& opening, const std::vector<std::vector<std::string>>& editors,
                       int reads) {
  headline = opening;
  Sightings sightings;
  std::vector<std::thread> threads;
  for (const std::vector<std::string>& stories : editors) {
    threads.emplace_back(editor, &headline, &stories);
  }
  threads.emplace_back(display, &headline, reads, &sightings.shown);
  for (std::thread& thread : threads) {
    thread.join();
  }
  sightings.final_headline = headline;
  return sightings;
}

}  // namespace racelab
