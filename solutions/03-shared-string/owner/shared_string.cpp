// Exercise 3 — the shared global string. Reference solution: one owner. A
// single thread holds the headline; editors send it new headlines and the
// display asks it for the current one, all through one queue.
#include "shared_string.hpp"

#include <condition_variable>
#include <functional>
#include <future>
#include <mutex>
#include <queue>
#include <thread>
#include <vector>

namespace racelab {

namespace {

// What the owner can be asked to do.
struct Request {
  enum class Kind { assign, read, stop };
  Kind kind;
  std::string story;                           // for assign: the new headline
  std::promise<std::string>* reply = nullptr;  // for read: where to send a copy
};

// A queue that many threads may push to and one thread pops from.
class RequestQueue {
 public:
  void push(Request request) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      requests_.push(std::move(request));
    }
    ready_.notify_one();
  }

  Request pop() {
    std::unique_lock<std::mutex> lock(mutex_);
    ready_.wait(lock, [this] { return !requests_.empty(); });
    Request request = std::move(requests_.front());
    requests_.pop();
    return request;
  }

 private:
  std::mutex mutex_;
  std::condition_variable ready_;
  std::queue<Request> requests_;
};

// Only this function touches the headline, so the headline needs no lock: it
// is a local variable of the owner thread. Requests are served one at a time,
// in the order they arrived.
void run_owner(RequestQueue& requests, std::string headline) {
  for (;;) {
    Request request = requests.pop();
    switch (request.kind) {
      case Request::Kind::assign:
        headline = std::move(request.story);
        break;
      case Request::Kind::read:
        request.reply->set_value(headline);
        // The reader gets a copy made here, on the owner's thread.
        break;
      case Request::Kind::stop:
        return;
    }
  }
}

// Asks the owner for a copy of the current headline and waits for it.
std::string read_headline(RequestQueue& requests) {
  std::promise<std::string> reply;
  std::future<std::string> answer = reply.get_future();
  requests.push({Request::Kind::read, {}, &reply});
  return answer.get();
  // `reply` lives until get() returns, so the owner's set_value() is done.
}

}  // namespace

Sightings run_newsroom(const std::string& opening, const std::vector<std::vector<std::string>>& editors,
                       int reads) {
  RequestQueue requests;
  std::thread owner(run_owner, std::ref(requests), opening);
  // The owner starts with its own copy of the opening.

  Sightings sightings;
  std::vector<std::thread> threads;
  for (const std::vector<std::string>& stories : editors) {
    threads.emplace_back([&requests, &stories] {
      for (const std::string& story : stories) {
        fuzz();
        requests.push({Request::Kind::assign, story, nullptr});
        // Editors never touch the headline: they only ask for a change.
        fuzz();
      }
    });
  }
  threads.emplace_back([&requests, &shown = sightings.shown, reads] {
    for (int i = 0; i < reads; ++i) {
      fuzz();
      shown.push_back(read_headline(requests));
      // The display only ever sees copies the owner made between two
      // assignments, so each one is whole.
      fuzz();
    }
  });
  for (std::thread& thread : threads) {
    thread.join();
  }
  sightings.final_headline = read_headline(requests);
  // Asked after every editor has finished: the queue is served in order, so
  // every assignment is done before this read.
  requests.push({Request::Kind::stop, {}, nullptr});
  owner.join();
  return sightings;
}

}  // namespace racelab
