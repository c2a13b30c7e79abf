// Corpus, exercise 3, wrong. Style: an editor builds a new string and
// publishes its address in a std::atomic<const std::string*>; every string is
// kept alive until the end.
// Bug: the store and the load are memory_order_relaxed. The pointer arrives
// whole, but nothing orders the editor's construction of the string before
// the display's copy of it: a data race on the string's contents.
#include "shared_string.hpp"

#include <atomic>
#include <cstddef>
#include <functional>
#include <memory>
#include <thread>
#include <vector>

namespace racelab {

using Kept = std::vector<std::unique_ptr<const std::string>>;

std::atomic<const std::string*> headline{nullptr};

void editor(const std::vector<std::string>& stories, Kept& kept) {
  for (const std::string& story : stories) {
    fuzz();
    auto fresh = std::make_unique<const std::string>(story);
    headline.store(fresh.get(), std::memory_order_relaxed);
    kept.push_back(std::move(fresh));
    fuzz();
  }
}

void display(int reads, std::vector<std::string>& shown) {
  for (int i = 0; i < reads; ++i) {
    fuzz();
    const std::string* current = headline.load(std::memory_order_relaxed);
    shown.push_back(*current);
    fuzz();
  }
}

Sightings run_newsroom(const std::string& opening, const std::vector<std::vector<std::string>>& editors,
                       int reads) {
  const auto first = std::make_unique<const std::string>(opening);
  headline.store(first.get(), std::memory_order_relaxed);
  std::vector<Kept> kept(editors.size());
  Sightings sightings;
  std::vector<std::thread> threads;
  for (std::size_t e = 0; e < editors.size(); ++e) {
    threads.emplace_back(editor, std::cref(editors[e]), std::ref(kept[e]));
  }
  threads.emplace_back(display, reads, std::ref(sightings.shown));
  for (std::thread& thread : threads) {
    thread.join();
  }
  sightings.final_headline = *headline.load(std::memory_order_relaxed);
  headline.store(nullptr, std::memory_order_relaxed);
  return sightings;
}

}  // namespace racelab
