// Corpus, exercise 2, correct. Style: POSIX threads; each worker gets a
// heap-allocated argument struct holding its id, the record count and a
// pointer to the one console mutex (a pthread_mutex_t).
#include "printer.hpp"

#include <pthread.h>

#include <iostream>
#include <memory>
#include <vector>

namespace racelab {
namespace {

struct WorkerArgs {
  int id;
  int records;
  pthread_mutex_t* console;
};

void* worker_main(void* raw) {
  std::unique_ptr<WorkerArgs> args(static_cast<WorkerArgs*>(raw));  // the worker owns its arguments
  for (int count = 1; count <= args->records; ++count) {
    pthread_mutex_lock(args->console);
    std::cout << "The count is " << fuzz << count << " (worker " << args->id << ")\n";
    std::cout << fuzz << "---------------\n";
    pthread_mutex_unlock(args->console);
  }
  return nullptr;
}

}  // namespace

void print_in_parallel(int workers, int records) {
  pthread_mutex_t console;
  pthread_mutex_init(&console, nullptr);
  std::vector<pthread_t> threads;
  for (int id = 1; id <= workers; ++id) {
    auto* args = new WorkerArgs{id, records, &console};
    pthread_t thread;
    if (pthread_create(&thread, nullptr, worker_main, args) != 0) {
      delete args;
      break;  // the records of the workers that did start are still printed
    }
    threads.push_back(thread);
  }
  for (pthread_t thread : threads) {
    pthread_join(thread, nullptr);
  }
  pthread_mutex_destroy(&console);
}

}  // namespace racelab
