// Exercise 3 — the shared global string.
//
// The contract between your code (shared_string.cpp) and the grader. Do not
// change it: the grader calls these functions exactly as declared here.
#pragma once

#include <string>
#include <vector>

namespace racelab {

/// What one run of the newsroom produced.
struct Sightings {
  /// Every headline the display read, in the order it read them: exactly
  /// `reads` of them.
  std::vector<std::string> shown;
  /// The headline once every editor and the display have finished.
  std::string final_headline;
};

/// Runs the newsroom once. One headline is shared by everybody; it starts as
/// `opening`. One editor thread per entry of `editors` assigns that editor's
/// headlines to it, one after the other, in order. At the same time one
/// display thread reads the headline `reads` times and keeps what it read.
/// Waits for every thread and returns what the display saw and the headline
/// at the end.
///
/// Every headline shown must be one that was assigned, whole: the opening or
/// an editor's headline, never a mixture of two. The display never goes back
/// in time: once it has shown an editor's headline, it never shows that
/// editor's earlier ones, nor the opening. At the end the headline is the
/// last headline of one of the editors (the opening if there are none).
/// Each call starts again from `opening`.
Sightings run_newsroom(const std::string& opening, const std::vector<std::vector<std::string>>& editors,
                       int reads);

/// Provided by the kit. It sometimes does nothing, sometimes lets another
/// thread run for a moment, at random. It changes nothing in a correct
/// program; in a racy one it shuffles which thread runs when. Keep the calls
/// where the starter has them.
void fuzz();

}  // namespace racelab
