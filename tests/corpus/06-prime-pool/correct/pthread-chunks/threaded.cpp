// Corpus, exercise 6, correct (threaded strategy). Style: POSIX threads, one
// contiguous chunk of the list per worker (a Chunk struct passed by pointer),
// and one shared list guarded by a pthread_mutex_t held for the append only.
#include "prime_pool.hpp"

#include <pthread.h>

#include <algorithm>
#include <cerrno>
#include <cstddef>
#include <system_error>
#include <utility>
#include <vector>

namespace racelab {
namespace {

struct Shared {
  pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
  std::vector<std::uint64_t> primes;  // under `lock`
};

struct Chunk {
  const std::uint64_t* begin;
  const std::uint64_t* end;
  Shared* shared;
};

void* check_chunk(void* raw) {
  const Chunk* chunk = static_cast<const Chunk*>(raw);
  for (const std::uint64_t* n = chunk->begin; n != chunk->end; ++n) {
    if (is_prime(*n)) {
      pthread_mutex_lock(&chunk->shared->lock);
      chunk->shared->primes.push_back(*n);
      pthread_mutex_unlock(&chunk->shared->lock);
    }
  }
  return nullptr;
}

}  // namespace

std::vector<std::uint64_t> primes_threaded(const std::vector<std::uint64_t>& numbers, int workers) {
  Shared shared;
  const std::size_t count = numbers.size();
  const std::size_t per_worker = (count + static_cast<std::size_t>(workers) - 1) / static_cast<std::size_t>(workers);
  std::vector<Chunk> chunks;
  chunks.reserve(static_cast<std::size_t>(workers));  // the threads keep pointers into it
  for (int w = 0; w < workers; ++w) {
    const std::size_t from = std::min(count, static_cast<std::size_t>(w) * per_worker);
    const std::size_t to = std::min(count, from + per_worker);
    chunks.push_back(Chunk{numbers.data() + from, numbers.data() + to, &shared});
  }
  std::vector<pthread_t> threads;
  int error = 0;
  for (Chunk& chunk : chunks) {
    pthread_t thread;
    error = pthread_create(&thread, nullptr, check_chunk, &chunk);
    if (error != 0) {
      break;
    }
    threads.push_back(thread);
  }
  for (pthread_t thread : threads) {
    pthread_join(thread, nullptr);
  }
  pthread_mutex_destroy(&shared.lock);
  if (error != 0) {
    throw std::system_error(error, std::generic_category(), "pthread_create");
  }
  return std::move(shared.primes);
}

}  // namespace racelab
