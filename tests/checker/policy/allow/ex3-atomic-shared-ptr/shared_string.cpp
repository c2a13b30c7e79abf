// POLICY-EXERCISE: 03-shared-string
// Exercise 3 with C++20's std::atomic<std::shared_ptr>, a reader-writer lock
// and std::call_once.
#include "shared_string.hpp"

#include <atomic>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <thread>
#include <vector>

namespace racelab {

namespace {

std::once_flag greeted;
std::shared_mutex headline_mutex;
std::string headline;

}  // namespace

Sightings run_newsroom(const std::string &opening, const std::vector<std::vector<std::string>> &editors,
                       int reads) {
  std::call_once(greeted, [] {});
  std::atomic<std::shared_ptr<const std::string>> current{std::make_shared<const std::string>(opening)};
  {
    std::unique_lock lock(headline_mutex);
    headline = opening;
  }
  Sightings sightings;
  std::vector<std::thread> threads;
  for (const auto &stories : editors) {
    threads.emplace_back([&current, &stories] {
      for (const std::string &story : stories) {
        fuzz();
        current.store(std::make_shared<const std::string>(story));
        std::unique_lock lock(headline_mutex);
        headline = story;
      }
    });
  }
  threads.emplace_back([&current, &sightings, reads] {
    for (int i = 0; i < reads; ++i) {
      fuzz();
      std::shared_lock lock(headline_mutex);
      sightings.shown.push_back(*current.load());
    }
  });
  for (auto &thread : threads) {
    thread.join();
  }
  sightings.final_headline = *current.load();
  return sightings;
}

}  // namespace racelab
