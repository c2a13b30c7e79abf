// Corpus, exercise 3, correct. Style: a Headline class with a private mutex,
// a setter and a getter that returns a *copy* made while the lock is held.
#include "shared_string.hpp"

#include <functional>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace racelab {
namespace {

class Headline {
 public:
  void set(std::string text) {
    std::lock_guard<std::mutex> lock(mutex_);
    text_ = std::move(text);
  }

  std::string get() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return text_;  // the copy is made before the lock is released
  }

 private:
  mutable std::mutex mutex_;
  std::string text_;
};

Headline headline;

}  // namespace

Sightings run_newsroom(const std::string& opening, const std::vector<std::vector<std::string>>& editors,
                       int reads) {
  headline.set(opening);
  Sightings sightings;
  std::vector<std::thread> threads;
  for (const std::vector<std::string>& stories : editors) {
    threads.emplace_back([&stories] {
      for (const std::string& story : stories) {
        fuzz();
        headline.set(story);
        fuzz();
      }
    });
  }
  threads.emplace_back([reads, &shown = sightings.shown] {
    for (int i = 0; i < reads; ++i) {
      fuzz();
      shown.push_back(headline.get());
      fuzz();
    }
  });
  for (std::thread& thread : threads) {
    thread.join();
  }
  sightings.final_headline = headline.get();
  return sightings;
}

}  // namespace racelab
