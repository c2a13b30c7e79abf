// The functional grader of exercise 3: does the display only ever show whole
// headlines that were assigned, in an order that never goes back in time, is
// the headline at the end the last one an editor assigned, and did the editors
// and the display run as threads of their own, at the same time?
//
// Every headline is eight characters, like "C417c417": the editor's letter
// and the story's number, then the same again in lower case. Each one is
// different, and a mixture of two of them is almost never a third one, so a
// torn read shows up as a headline nobody assigned.
//
// This grader is also what ThreadSanitizer runs, and the race of this
// exercise is TSan's to find; TSan can only report accesses that happened
// while nothing ordered them. Two schedules drive the fuzz() hooks
// (tests/util/hooks/schedule.hpp):
// - random pauses (most tests), seeded by RACELAB_SEED;
// - take_turns (the test named "taking turns"): each editor and the display
//   is held at every fuzz() until another of them has run up to its own, so
//   assignments and reads alternate on every run. That is the schedule that
//   puts, every time, an editor's assignment right after the display's read
//   and the other way round, which exposes to TSan each known wrong fix whose
//   accesses are unordered: a display that reads without the editors' lock, a
//   copy made from a reference after the getter's unlock, a pointer to a new
//   string published with a relaxed store (the string's characters are then
//   read with nothing ordering them after their writing). A correct program
//   (one lock around every access, atomic_load/atomic_store of a shared_ptr
//   to an immutable string, an owner thread) has nothing for TSan to report
//   under any schedule.

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <cstdio>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "schedule.hpp"
#include "shared_string.hpp"
#include "work_check.hpp"
#include "work_log.hpp"

namespace {

using Editors = std::vector<std::vector<std::string>>;

/// The headline `story` of editor `letter`: "C417c417" for editor C, story 417.
std::string headline_of(char letter, int story) {
  char text[9];
  std::snprintf(text, sizeof text, "%c%03d%c%03d", letter, story, letter - 'A' + 'a', story);
  return text;
}

/// `count` editors, named from `first_letter` on, each with `stories` headlines.
Editors make_editors(int count, int stories, char first_letter = 'A') {
  Editors editors(count);
  for (int e = 0; e < count; ++e) {
    for (int s = 0; s < stories; ++s) {
      editors[e].push_back(headline_of(static_cast<char>(first_letter + e), s));
    }
  }
  return editors;
}

std::string quoted(const std::string& text) {
  return text.empty() ? std::string("an empty string") : "\"" + text + "\"";
}

/// Who assigned a headline: an editor and the story's place in its list, or
/// the opening (editor -1).
using Origin = std::pair<int, int>;

/// Checks one run's sightings against the contract; each broken rule is one
/// failed assertion, with the first example found.
void check_sightings(const std::string& opening, const Editors& editors, int reads,
                     const racelab::Sightings& sightings) {
  std::map<std::string, Origin> origin_of{{opening, {-1, 0}}};
  for (int e = 0; e < static_cast<int>(editors.size()); ++e) {
    for (int s = 0; s < static_cast<int>(editors[e].size()); ++s) {
      origin_of[editors[e][s]] = {e, s};
    }
  }

  BOOST_TEST(static_cast<int>(sightings.shown.size()) == reads,
             "the display was asked to read the headline " << reads << " times, but "
                 << sightings.shown.size() << " readings came back.");

  // Whole headlines only, and never back in time.
  int unknown = 0;
  std::string first_unknown;
  int backwards = 0;
  std::string first_backwards;
  std::vector<int> latest(editors.size(), -1);  // per editor: the latest story shown
  std::string latest_shown = opening;
  bool left_opening = false;
  for (const std::string& shown : sightings.shown) {
    const auto found = origin_of.find(shown);
    if (found == origin_of.end()) {
      if (unknown++ == 0) first_unknown = shown;
      continue;
    }
    const auto [editor, story] = found->second;
    const bool back = editor < 0 ? left_opening : story < latest[editor];
    if (back) {
      if (backwards++ == 0) {
        first_backwards = quoted(shown) + " after " + quoted(latest_shown);
      }
    } else if (editor >= 0) {
      latest[editor] = story;
      left_opening = true;
    }
    latest_shown = shown;
  }
  BOOST_TEST(unknown == 0,
             unknown << " of " << sightings.shown.size() << " headlines shown were never assigned by anybody, "
                     << "the first one " << quoted(first_unknown) << ". "
                     << (first_unknown.empty()
                             ? "An empty headline means the display did not read the headline the editors "
                               "assign: it read another string, or one that was never given a value."
                             : "A headline nobody wrote is a mixture of two: the display copied the headline "
                               "while an editor was halfway through assigning a new one."));
  BOOST_TEST(backwards == 0,
             backwards << " times the display went back in time: it showed " << first_backwards
                       << ", which had already been replaced. Once a headline has been replaced, nobody may "
                          "see it again.");

  // The last assignment wins.
  std::vector<std::string> expected_last;
  for (const auto& stories : editors) {
    if (!stories.empty()) expected_last.push_back(stories.back());
  }
  if (expected_last.empty()) expected_last.push_back(opening);
  bool last_ok = false;
  std::ostringstream choices;
  for (const std::string& last : expected_last) {
    last_ok = last_ok || sightings.final_headline == last;
    choices << (choices.tellp() > 0 ? " or " : "") << quoted(last);
  }
  BOOST_TEST(last_ok, "after every editor finished, the headline is " << quoted(sightings.final_headline)
                          << "; it should be the last one an editor assigned: " << choices.str() << "."
                          << (sightings.final_headline == opening && !editors.empty()
                                  ? " It is still the opening: the editors' assignments never reached the "
                                    "headline that run_newsroom() returns."
                                  : ""));
}

std::string call_text(const Editors& editors, int reads) {
  return "run_newsroom(" + std::to_string(editors.size()) + (editors.size() == 1 ? " editor, " : " editors, ") +
         std::to_string(reads) + " reads)";
}

// Editors and display: each a thread of its own, one fuzz() next to each
// assignment and each read, all running at the same time.
void check_work_was_concurrent(const Editors& editors, int reads, const racelab::testing::WorkSummary& seen) {
  long steps = reads;
  for (const auto& stories : editors) steps += static_cast<long>(stories.size());
  if (steps == 0) return;
  racelab::testing::WorkExpected expected;
  expected.call = call_text(editors, reads);
  expected.hook = "fuzz()";
  expected.who = reads > 0 ? "editors and the display" : "editors";
  expected.threads = static_cast<int>(editors.size()) + (reads > 0 ? 1 : 0);
  expected.steps = steps;
  expected.per_step =
      "one call next to every assignment and every read, made by the editor's or the display's own thread";
  expected.together = expected.threads >= 2;
  for (const std::string& problem : racelab::testing::work_problems(seen, expected)) {
    BOOST_ERROR(problem);
  }
}

void run_and_check(const std::string& opening, const Editors& editors, int reads,
                   std::optional<racelab::testing::Schedule> forced = std::nullopt) {
  std::optional<racelab::testing::ForcedSchedule> schedule;
  if (forced) schedule.emplace(*forced);
  const racelab::testing::WorkLog log;
  const racelab::Sightings sightings = racelab::run_newsroom(opening, editors, reads);
  const racelab::testing::WorkSummary seen = log.summary();
  schedule.reset();
  check_work_was_concurrent(editors, reads, seen);
  check_sightings(opening, editors, reads, sightings);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(shared_string_tests)

BOOST_AUTO_TEST_CASE(one_editor_alone) {
  run_and_check("no news.", make_editors(1, 300), 300);
}

BOOST_AUTO_TEST_CASE(no_editors_keep_the_opening) {
  run_and_check("no news.", {}, 200);
}

BOOST_AUTO_TEST_CASE(editors_without_a_display) {
  run_and_check("no news.", make_editors(3, 200), 0);
}

BOOST_DATA_TEST_CASE(editors_and_a_display_share_the_headline,
                     boost::unit_test::data::make({2, 4}) * boost::unit_test::data::make({400, 1000}),
                     editors, reads) {
  run_and_check("no news.", make_editors(editors, 400), reads);
}

BOOST_AUTO_TEST_CASE(each_run_starts_from_its_opening) {
  run_and_check("no news.", make_editors(2, 300), 300);
  run_and_check("nothing!", make_editors(2, 300, 'M'), 300);
}

BOOST_DATA_TEST_CASE(editors_and_a_display_taking_turns_at_fuzz, boost::unit_test::data::make({1, 3}), editors) {
  run_and_check("no news.", make_editors(editors, 100), 200, racelab::testing::Schedule::take_turns);
}

BOOST_AUTO_TEST_SUITE_END()
