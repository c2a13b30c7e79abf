// Corpus, exercise 3, correct. Style: std::jthread lambdas capturing by
// reference, a std::latch so that every thread starts at the same moment,
// and one std::mutex taken with std::lock_guard around every access.
#include "shared_string.hpp"

#include <latch>
#include <mutex>
#include <thread>
#include <vector>

namespace racelab {

std::string headline;
std::mutex headline_mutex;

Sightings run_newsroom(const std::string& opening, const std::vector<std::vector<std::string>>& editors,
                       int reads) {
  headline = opening;
  Sightings sightings;
  std::latch start_line(static_cast<std::ptrdiff_t>(editors.size()) + 1);
  {
    std::vector<std::jthread> crew;
    for (const auto& stories : editors) {
      crew.emplace_back([&] {
        start_line.arrive_and_wait();
        for (const std::string& story : stories) {
          fuzz();
          {
            std::lock_guard<std::mutex> lock(headline_mutex);
            headline = story;
          }
          fuzz();
        }
      });
    }
    crew.emplace_back([&] {
      start_line.arrive_and_wait();
      for (int i = 0; i < reads; ++i) {
        fuzz();
        std::string copy;
        {
          std::lock_guard<std::mutex> lock(headline_mutex);
          copy = headline;
        }
        sightings.shown.push_back(copy);
        fuzz();
      }
    });
  }  // the jthreads join here
  sightings.final_headline = headline;
  return sightings;
}

}  // namespace racelab
