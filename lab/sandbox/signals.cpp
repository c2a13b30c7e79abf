#include "sandbox/signals.hpp"

#include <csignal>
#include <cstring>

namespace racelab::lab {

std::string signal_description(int signal_number) {
  const char* abbrev = ::sigabbrev_np(signal_number);
  std::string name = abbrev ? std::string("SIG") + abbrev : "signal " + std::to_string(signal_number);
  std::string meaning;
  switch (signal_number) {
    case SIGSEGV: meaning = "segmentation fault: an invalid memory access"; break;
    case SIGABRT: meaning = "aborted: std::terminate, a failed assert or abort()"; break;
    case SIGFPE: meaning = "arithmetic error, such as a division by zero"; break;
    case SIGBUS: meaning = "bus error: an invalid memory access"; break;
    case SIGILL: meaning = "illegal instruction"; break;
    case SIGKILL: meaning = "killed"; break;
    case SIGXFSZ: meaning = "output limit exceeded: it wrote too much"; break;
    case SIGPIPE: meaning = "broken pipe"; break;
    default: {
      const char* text = ::strsignal(signal_number);
      meaning = text ? text : "";
    }
  }
  return meaning.empty() ? name : name + " (" + meaning + ")";
}

}  // namespace racelab::lab
