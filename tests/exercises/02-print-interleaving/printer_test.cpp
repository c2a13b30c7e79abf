// The functional grader of exercise 2: does every record print_in_parallel()
// writes reach standard output whole, does every record get there, and did
// the workers do the printing, at the same time?
//
// The grader reads what really reached file descriptor 1 (stdout_capture.hpp):
// it sees the console exactly as a user would, whatever the student's code
// writes with (std::cout, printf, osyncstream), and the student's output never
// mixes with the grader's own.
//
// Each test states the schedule of the `<< fuzz` hooks and the console it
// uses, and so which known wrong fixes it exposes on every run:
// - random pauses, fast console (most tests): the everyday check;
// - take_turns (tests named "taking turns"): each worker is held at every
//   `<< fuzz` until another worker has run up to its own. Whatever another
//   worker can print between two parts of a record lands there, every time:
//   no lock, a mutex per worker, a lock around the header line only, a header
//   built in a string then a separate rule line, one osyncstream per line,
//   osyncstream::emit() between the two lines;
// - a slow console (tests named "slow console"): the pipe behind descriptor 1
//   is emptied only once the workers have ended (or everyone waits for it). A
//   print manager that checks its order to stop before it has emptied its
//   queue loses the records still queued, every time.
// A correct program (one lock around the whole record, one osyncstream per
// record, a manager that drains its queue) passes all of them.
//
// Every test also checks that the work was concurrent: `workers` threads
// other than the caller wrote the `<< fuzz` of their records (two per record),
// and they were alive at the same time (tests/util/hooks/work_check.hpp).
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <charconv>
#include <cstdio>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "printer.hpp"
#include "schedule.hpp"
#include "stdout_capture.hpp"
#include "work_check.hpp"
#include "work_log.hpp"

namespace {

using racelab::grader::StdoutCapture;
using racelab::testing::ForcedSchedule;
using racelab::testing::Schedule;

constexpr std::string_view rule_line = "---------------";

// ---------------------------------------------------------------------------
// Reading the records back.

struct Header {
  int count;
  int worker;
};

// Parses "The count is N (worker W)"; anything else is not a header.
std::optional<Header> parse_header(std::string_view line) {
  constexpr std::string_view prefix = "The count is ";
  constexpr std::string_view middle = " (worker ";
  if (!line.starts_with(prefix)) return std::nullopt;
  line.remove_prefix(prefix.size());
  Header header{};
  auto [after_count, count_error] = std::from_chars(line.data(), line.data() + line.size(), header.count);
  if (count_error != std::errc()) return std::nullopt;
  line.remove_prefix(static_cast<std::size_t>(after_count - line.data()));
  if (!line.starts_with(middle)) return std::nullopt;
  line.remove_prefix(middle.size());
  auto [after_worker, worker_error] = std::from_chars(line.data(), line.data() + line.size(), header.worker);
  if (worker_error != std::errc()) return std::nullopt;
  line.remove_prefix(static_cast<std::size_t>(after_worker - line.data()));
  if (line != ")") return std::nullopt;
  return header;
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) lines.push_back(line);
  return lines;
}

// A line with no piece of a record in it: something else was printed.
bool is_stray(std::string_view line) {
  return line.find("The count is") == std::string_view::npos &&
         line.find("(worker") == std::string_view::npos && line.find("--") == std::string_view::npos;
}

std::string quoted(const std::string& line) {
  return "\"" + line + "\"";
}

// What the grader found in the output of one call.
struct Reading {
  std::vector<std::string> lines;
  int whole = 0;                            // records whose two lines came out together, in order
  int tears = 0;                            // places where a record was broken
  std::string first_tear;                   // the first of them, in words
  std::size_t first_tear_line = 0;          // and where it is (0-based line index)
  std::map<std::pair<int, int>, int> seen;  // (worker, count) → whole copies
  std::vector<std::size_t> strays;          // lines that hold no piece of any record
};

Reading read_records(const std::string& output) {
  Reading r;
  r.lines = split_lines(output);
  bool open = false;          // a header line is still waiting for its rule line…
  std::size_t open_line = 0;  // …this one
  Header open_header{};
  auto tear = [&r](std::size_t line, std::string what) {
    if (r.tears++ == 0) {
      r.first_tear = std::move(what);
      r.first_tear_line = line;
    }
  };
  auto opened = [&r, &open_line] {
    return "the record " + quoted(r.lines[open_line]) + " (line " + std::to_string(open_line + 1) + ")";
  };
  for (std::size_t i = 0; i < r.lines.size(); ++i) {
    const std::string& line = r.lines[i];
    const auto header = parse_header(line);
    const bool rule = line == rule_line;
    if (open) {
      if (rule) {
        ++r.whole;
        ++r.seen[{open_header.worker, open_header.count}];
      } else if (header) {
        tear(open_line, opened() + " has no rule line under it: line " + std::to_string(i + 1) +
                            " already starts another record, " + quoted(line) + ".");
      } else {
        tear(open_line, opened() + " is followed by " + quoted(line) + " instead of its rule line.");
      }
      open = false;
    } else if (rule) {
      tear(i, "line " + std::to_string(i + 1) +
                  " is a rule line with no record header above it: it belongs to a record whose header "
                  "was printed somewhere else.");
    } else if (!header && is_stray(line)) {
      r.strays.push_back(i);  // not a piece of any record: reported on its own
    } else if (!header) {
      tear(i, "line " + std::to_string(i + 1) + ", " + quoted(line) +
                  ", is not a whole header: pieces of different records were printed on one line.");
    }
    if (header) {
      open = true;
      open_line = i;
      open_header = *header;
    }
  }
  if (open) tear(open_line, opened() + " ends the output: its rule line never came.");
  return r;
}

// A few lines of the output around `center`, numbered, for the student to look at.
std::string excerpt(const std::vector<std::string>& lines, std::size_t center) {
  const std::size_t first = center >= 2 ? center - 2 : 0;
  const std::size_t last = std::min(lines.size(), center + 5);
  std::ostringstream text;
  text << "\n    Lines " << first + 1 << " to " << last << " of the output:";
  for (std::size_t i = first; i < last; ++i) {
    text << "\n    "
         << (i + 1 < 10     ? "   "
             : i + 1 < 100  ? "  "
             : i + 1 < 1000 ? " "
                            : "")
         << i + 1 << " | " << lines[i];
  }
  return text.str();
}

std::string record_text(int worker, int count) {
  return quoted("The count is " + std::to_string(count) + " (worker " + std::to_string(worker) + ")");
}

// ---------------------------------------------------------------------------
// The checks.

// How one call is run: the schedule of the hooks and the console.
struct Conditions {
  Schedule schedule = Schedule::random_pauses;
  bool slow_console = false;
};

std::string run_text(int workers, int records) {
  return "print_in_parallel(" + std::to_string(workers) + (workers == 1 ? " worker, " : " workers, ") +
         std::to_string(records) + " records): ";
}

void check_work_was_concurrent(int workers, int records, const racelab::testing::WorkSummary& seen) {
  if (records == 0) return;
  racelab::testing::WorkExpected expected;
  expected.call = run_text(workers, records);
  expected.call.resize(expected.call.size() - 2);  // without the ": "
  expected.hook = "`<< fuzz`";
  expected.who = "workers";
  expected.threads = workers;
  expected.steps = 2L * workers * records;
  expected.per_step = "two per record, between its parts, written by the worker thread that makes the record";
  expected.together = workers >= 2;
  for (const std::string& problem : racelab::testing::work_problems(seen, expected)) {
    BOOST_ERROR(problem);
  }
}

void check_printing(int workers, int records, Conditions conditions = {}) {
  std::string output;
  racelab::testing::WorkSummary seen;
  {
    const ForcedSchedule schedule(conditions.schedule);
    const racelab::testing::WorkLog log;
    std::optional<StdoutCapture> capture;
    capture.emplace(conditions.slow_console ? StdoutCapture::Console::slow : StdoutCapture::Console::fast);
    racelab::print_in_parallel(workers, records);
    output = capture->text();
    seen = log.summary();
  }
  check_work_was_concurrent(workers, records, seen);
  const Reading r = read_records(output);
  const int expected = workers * records;
  const std::string run = run_text(workers, records);

  if (r.tears > 0) {
    BOOST_ERROR(run << "records came out torn: only " << r.whole << " of " << expected
                    << " reached standard output whole. The first tear: " << r.first_tear
                    << "\n    Another worker printed in the middle of this record: each `<<` is a separate "
                       "write, and nothing kept the other workers out between the parts of a record."
                    << (conditions.schedule == Schedule::take_turns
                            ? " In this test each worker waits at every `<< fuzz` until another worker has run: "
                              "whatever another worker can print between two parts of a record lands there, "
                              "every time (a lock around one line only, a rule line written apart from its "
                              "header, one osyncstream per line, emit() between the lines)."
                            : "")
                    << excerpt(r.lines, r.first_tear_line));
    return;  // with torn records, which ones are missing cannot be told
  }

  if (!r.strays.empty()) {
    BOOST_ERROR(run << "standard output holds " << r.strays.size()
                    << (r.strays.size() == 1 ? " line that belongs" : " lines that belong")
                    << " to no record, the first on line " << r.strays.front() + 1 << ": "
                    << quoted(r.lines[r.strays.front()])
                    << ". print_in_parallel() must print its records and nothing else."
                    << excerpt(r.lines, r.strays.front()));
  }

  // Every record is whole: now is each of them there, once?
  std::vector<std::string> lost;
  std::vector<std::string> doubled;
  std::vector<std::string> strangers;
  for (int worker = 1; worker <= workers; ++worker) {
    for (int count = 1; count <= records; ++count) {
      const auto found = r.seen.find({worker, count});
      if (found == r.seen.end()) {
        lost.push_back(record_text(worker, count));
      } else if (found->second > 1) {
        doubled.push_back(record_text(worker, count) + " (" + std::to_string(found->second) + " times)");
      }
    }
  }
  for (const auto& [key, times] : r.seen) {
    if (key.first < 1 || key.first > workers || key.second < 1 || key.second > records) {
      strangers.push_back(record_text(key.first, key.second));
    }
  }
  auto list = [](const std::vector<std::string>& items) {
    std::string text;
    for (std::size_t i = 0; i < items.size() && i < 5; ++i) text += (i ? ", " : "") + items[i];
    if (items.size() > 5) text += " and " + std::to_string(items.size() - 5) + " more";
    return text;
  };
  BOOST_TEST(lost.empty(), run << lost.size() << " of " << expected << " "
                               << (lost.size() == 1 ? "record was" : "records were")
                               << " lost: " << list(lost)
                               << " never reached standard output. Every record must be written (and flushed "
                                  "to std::cout) before print_in_parallel() returns."
                               << (conditions.slow_console
                                       ? " In this test the console is slow (a pipe the grader empties only once the "
                                         "workers have finished, as a terminal or a log collector can be): records "
                                         "still waiting to be printed when the workers finished were dropped. A "
                                         "print manager must print every record it was given before it stops: "
                                         "check for the order to stop only once its queue is empty."
                                       : ""));
  BOOST_TEST(doubled.empty(), run << "some records were printed more than once: " << list(doubled) << ".");
  BOOST_TEST(strangers.empty(), run << "records that were not asked for were printed: " << list(strangers)
                                    << ". Worker W prints counts 1 to " << records << ", for W = 1 to "
                                    << workers << ".");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(printer_tests)

BOOST_AUTO_TEST_CASE(one_worker_prints_every_record) {
  check_printing(1, 100);
}

BOOST_AUTO_TEST_CASE(no_records_print_nothing) {
  check_printing(4, 0);
}

BOOST_DATA_TEST_CASE(many_workers_print_whole_records,
                     boost::unit_test::data::make({2, 4, 8}) * boost::unit_test::data::make({50, 200}),
                     workers, records) {
  check_printing(workers, records);
}

BOOST_AUTO_TEST_CASE(each_call_prints_only_its_own_records) {
  check_printing(4, 100);
  check_printing(3, 100);
}

BOOST_DATA_TEST_CASE(workers_taking_turns_at_fuzz_print_whole_records, boost::unit_test::data::make({2, 4}), workers) {
  check_printing(workers, 50, {Schedule::take_turns, false});
}

// No pauses: the workers run flat out, ahead of the slow console. 4 x 200
// records (35 kB) are far more than the pipe and the stdio buffer hold.
BOOST_AUTO_TEST_CASE(a_slow_console_still_gets_every_record) {
  check_printing(4, 200, {Schedule::no_pauses, true});
}

BOOST_AUTO_TEST_SUITE_END()
