// Corpus, exercise 3, correct. Style: one owner thread keeps the headline as
// a local variable and runs std::function requests against it, in the order
// they arrive; the display's request fulfils a std::promise (held by a
// shared_ptr, as std::function wants something copyable).
#include "shared_string.hpp"

#include <condition_variable>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <queue>
#include <thread>
#include <utility>
#include <vector>

namespace racelab {
namespace {

using Request = std::function<bool(std::string&)>;  // false: the owner stops

class Owner {
 public:
  explicit Owner(std::string opening) : thread_([this, opening = std::move(opening)] { serve(opening); }) {}
  ~Owner() {
    send([](std::string&) { return false; });
    thread_.join();
  }
  Owner(const Owner&) = delete;
  Owner& operator=(const Owner&) = delete;

  void send(Request request) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      requests_.push(std::move(request));
    }
    arrived_.notify_one();
  }

  void assign(const std::string& story) {
    send([story](std::string& headline) {
      headline = story;
      return true;
    });
  }

  std::string read() {
    auto reply = std::make_shared<std::promise<std::string>>();
    std::future<std::string> answer = reply->get_future();
    send([reply](std::string& headline) {
      reply->set_value(headline);
      return true;
    });
    return answer.get();
  }

 private:
  void serve(std::string headline) {
    for (;;) {
      Request next;
      {
        std::unique_lock<std::mutex> lock(mutex_);
        arrived_.wait(lock, [this] { return !requests_.empty(); });
        next = std::move(requests_.front());
        requests_.pop();
      }
      if (!next(headline)) {
        return;
      }
    }
  }

  std::mutex mutex_;
  std::condition_variable arrived_;
  std::queue<Request> requests_;
  std::thread thread_;  // last: starts once the members it uses exist
};

}  // namespace

Sightings run_newsroom(const std::string& opening, const std::vector<std::vector<std::string>>& editors,
                       int reads) {
  Owner owner(opening);
  Sightings sightings;
  std::vector<std::thread> threads;
  for (const std::vector<std::string>& stories : editors) {
    threads.emplace_back([&owner, &stories] {
      for (const std::string& story : stories) {
        fuzz();
        owner.assign(story);
        fuzz();
      }
    });
  }
  threads.emplace_back([&owner, &sightings, reads] {
    for (int i = 0; i < reads; ++i) {
      fuzz();
      sightings.shown.push_back(owner.read());
      fuzz();
    }
  });
  for (std::thread& thread : threads) {
    thread.join();
  }
  sightings.final_headline = owner.read();  // queued after every assignment
  return sightings;
}

}  // namespace racelab
