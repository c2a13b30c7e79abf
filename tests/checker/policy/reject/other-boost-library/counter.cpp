// Boost libraries are not part of exercise 1, Asio included.
#include "counter.hpp"

#include <boost/asio/thread_pool.hpp>
// CHECK-MESSAGES: :[[@LINE-1]]:1: error: '#include <boost/asio/thread_pool.hpp>' is not allowed in graded code: it belongs to Boost's [racelab-policy-include]
#include <boost/thread/thread.hpp>
// CHECK-MESSAGES: :[[@LINE-1]]:1: error: '#include <boost/thread/thread.hpp>' is not allowed in graded code: it belongs to Boost's [racelab-policy-include]

namespace racelab {

long count_in_parallel(int workers, long increments) {
  long counter = 0;
  boost::thread_group threads;
// CHECK-MESSAGES: :[[@LINE-1]]:23: error: 'boost::thread_group::thread_group' is not allowed in graded code: it belongs to a [racelab-policy-reference]
  for (int w = 0; w < workers; ++w) {
    threads.create_thread([&counter, increments] {
// CHECK-MESSAGES: :[[@LINE-1]]:13: error: 'boost::thread_group::create_thread' is not allowed in graded code: it belongs to a [racelab-policy-reference]
      for (long i = 0; i < increments; ++i) {
        ++counter;
      }
    });
  }
  threads.join_all();
// CHECK-MESSAGES: :[[@LINE-1]]:11: error: 'boost::thread_group::join_all' is not allowed in graded code: it belongs to a [racelab-policy-reference]
  return counter;
}

}  // namespace racelab
