// Built with -fsanitize=thread: two threads take two mutexes in opposite
// orders and deadlock for certain (a barrier makes both hold their first lock
// before either asks for its second). TSan learns lock orders from locks that
// were acquired, so one transfer runs alone first, as in any real program;
// then TSan reports the inversion when the auditor asks for its second lock,
// before the hang. The judge must show it under its time-out verdict.
#include <barrier>
#include <mutex>
#include <cstdio>
#include <string_view>
#include <thread>

namespace racelab {

std::mutex accounts;
std::mutex audit_log;
std::barrier both_hold_one(2);

void transfer() {
  std::lock_guard first(accounts);
  both_hold_one.arrive_and_wait();
  std::lock_guard second(audit_log);
}

void audit() {
  std::lock_guard first(audit_log);
  both_hold_one.arrive_and_wait();
  std::lock_guard second(accounts);
}

}  // namespace racelab

int main(int argc, char** argv) {
  // The grader's list of its test cases, as Boost.Test prints it: one case.
  if (argc > 1 && std::string_view(argv[1]) == "--list_content") {
    std::fputs("only_case*\n", stderr);
    return 0;
  }
  {
    std::lock_guard first(racelab::accounts);
    std::lock_guard second(racelab::audit_log);
  }
  std::thread a(racelab::transfer);
  std::thread b(racelab::audit);
  a.join();
  b.join();
  return 0;
}
