// Corpus, exercise 3, correct. Style: no global: the headline and its mutex
// live in a Newsroom struct made on the heap, and every thread gets a raw
// pointer to it.
#include "shared_string.hpp"

#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace racelab {
namespace {

struct Newsroom {
  std::mutex mutex;
  std::string headline;
};

void editor(Newsroom* room, const std::vector<std::string>* stories) {
  for (const std::string& story : *stories) {
    fuzz();
    {
      std::lock_guard<std::mutex> lock(room->mutex);
      room->headline = story;
    }
    fuzz();
  }
}

void display(Newsroom* room, int reads, std::vector<std::string>* shown) {
  for (int i = 0; i < reads; ++i) {
    fuzz();
    {
      std::lock_guard<std::mutex> lock(room->mutex);
      shown->push_back(room->headline);
    }
    fuzz();
  }
}

}  // namespace

Sightings run_newsroom(const std::string& opening, const std::vector<std::vector<std::string>>& editors,
                       int reads) {
  auto room = std::make_unique<Newsroom>();
  room->headline = opening;
  Sightings sightings;
  std::vector<std::thread> threads;
  for (const std::vector<std::string>& stories : editors) {
    threads.emplace_back(editor, room.get(), &stories);
  }
  threads.emplace_back(display, room.get(), reads, &sightings.shown);
  for (std::thread& thread : threads) {
    thread.join();
  }
  sightings.final_headline = room->headline;
  return sightings;
}

}  // namespace racelab
