// File-system and process-control calls no exercise 1 solution needs, each a
// way to reach what the judges read or rely on.
#include "counter.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <thread>
#include <vector>

namespace racelab {

namespace {

void on_signal(int) {}

void tamper() {
  unlink("report.xml");
// CHECK-MESSAGES: :[[@LINE-1]]:3: error: 'unlink' is not allowed in graded code: it creates, reads, changes [racelab-policy-reference]
  std::rename("report.xml", "old.xml");
// CHECK-MESSAGES: :[[@LINE-1]]:8: error: 'rename' is not allowed in graded code: it creates, reads, changes [racelab-policy-reference]
  symlink("/dev/null", "tsan.log");
// CHECK-MESSAGES: :[[@LINE-1]]:3: error: 'symlink' is not allowed in graded code: it creates, reads, changes [racelab-policy-reference]
  mkfifo("report.xml", 0600);
// CHECK-MESSAGES: :[[@LINE-1]]:3: error: 'mkfifo' is not allowed in graded code: it creates, reads, changes [racelab-policy-reference]
  int fd = open("report.xml", O_WRONLY | O_TRUNC);
// CHECK-MESSAGES: :[[@LINE-1]]:12: error: 'open' is not allowed in graded code: it creates, reads, changes [racelab-policy-reference]
  std::freopen("report.xml", "w", stdout);
// CHECK-MESSAGES: :[[@LINE-1]]:8: error: 'freopen' is not allowed in graded code: it creates, reads, changes [racelab-policy-reference]
  dup2(fd, 2);
// CHECK-MESSAGES: :[[@LINE-1]]:3: error: 'dup2' is not allowed in graded code: it redirects or reaches [racelab-policy-reference]
  if (fork() == 0) {
// CHECK-MESSAGES: :[[@LINE-1]]:7: error: 'fork' is not allowed in graded code: it starts other programs [racelab-policy-reference]
    char *const arguments[] = {nullptr};
    execv("/bin/true", arguments);
// CHECK-MESSAGES: :[[@LINE-1]]:5: error: 'execv' is not allowed in graded code: it starts other programs [racelab-policy-reference]
  }
  popen("true", "r");
// CHECK-MESSAGES: :[[@LINE-1]]:3: error: 'popen' is not allowed in graded code: it starts other programs [racelab-policy-reference]
  std::system("true");
// CHECK-MESSAGES: :[[@LINE-1]]:8: error: 'system' is not allowed in graded code: it starts other programs [racelab-policy-reference]
  signal(SIGTERM, on_signal);
// CHECK-MESSAGES: :[[@LINE-1]]:3: error: 'signal' is not allowed in graded code: it changes how the [racelab-policy-reference]
  struct sigaction action = {};
  sigaction(SIGINT, &action, nullptr);
// CHECK-MESSAGES: :[[@LINE-1]]:3: error: 'sigaction' is not allowed in graded code: it changes how the [racelab-policy-reference]
  std::set_terminate([] { std::_Exit(0); });
// CHECK-MESSAGES: :[[@LINE-1]]:8: error: 'std::set_terminate' is not allowed in graded code: it installs a handler [racelab-policy-reference]
// CHECK-MESSAGES: :[[@LINE-2]]:32: error: '_Exit' is not allowed in graded code: it ends the process [racelab-policy-reference]
  std::quick_exit(0);
// CHECK-MESSAGES: :[[@LINE-1]]:8: error: 'quick_exit' is not allowed in graded code: it ends the process [racelab-policy-reference]
  _exit(0);
// CHECK-MESSAGES: :[[@LINE-1]]:3: error: '_exit' is not allowed in graded code: it ends the process [racelab-policy-reference]
}

}  // namespace

long count_in_parallel(int workers, long increments) {
  if (workers < 0) {
    tamper();
  }
  long counter = 0;
  std::vector<std::thread> threads;
  for (int w = 0; w < workers; ++w) {
    threads.emplace_back([&counter, increments] {
      for (long i = 0; i < increments; ++i) {
        ++counter;
      }
    });
  }
  for (std::thread &thread : threads) {
    thread.join();
  }
  return counter;
}

}  // namespace racelab
