#!/usr/bin/env bash
# End to end, the way a student works: in a workspace copied from exercises/,
# `ctest -L exercise1` fails on the starter (ThreadSanitizer and racelab-check
# name the counter and its line); then the starter is replaced by a reference
# solution and the very same command passes all four tests — no other command
# in between. Also checks that `racelab grade` reports both states.
#
#   edit-cycle.sh <kit source dir> <folder with racelab and racelab-check>
set -euo pipefail

root=$1 tools=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0

fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
expect_in() {  # expect_in <file> <extended regex> <what it shows>
  grep -Eq -- "$2" "$1" || fail "$3 (no match for /$2/ in $(basename "$1"))"
}
test_result() {  # test_result <log> <test name>: Passed, Failed, …
  sed -nE "s/^ *[0-9]+\/[0-9]+ Test +#[0-9]+: $2 \.+ *\**([A-Za-z ]+[A-Za-z]).*/\1/p" "$1"
}

cp -r "$root/exercises" "$work/workspace"
cmake -S "$root" -B "$work/build" -G Ninja -DCMAKE_CXX_COMPILER=clang++-16 \
      -DCMAKE_BUILD_TYPE=Release -DRACELAB_SOURCE="$work/workspace" \
      -DRACELAB_TOOLS_DIR="$tools" >"$work/configure.log" 2>&1 ||
  { cat "$work/configure.log"; exit 1; }
cd "$work/build"

echo "== the starter"
ctest -L '^exercise1$' --output-on-failure >"$work/starter.log" 2>&1 || true
cat "$work/starter.log"
starter_line=$(grep -n 'counter = old_value + 1' "$work/workspace/01-counter/counter.cpp" | cut -d: -f1)
[[ $(test_result "$work/starter.log" exercise1.build) == Passed ]] || fail "the starter should build"
[[ $(test_result "$work/starter.log" exercise1.tsan) == Failed ]] || fail "the tsan test should fail on the starter"
[[ $(test_result "$work/starter.log" exercise1.static) == Failed ]] || fail "the static test should fail on the starter"
expect_in "$work/starter.log" "data race on global 'racelab::counter'" "TSan's summary names the counter"
expect_in "$work/starter.log" "counter\.cpp:$starter_line:[0-9]+" "a judge points at the line that writes the counter ($starter_line)"
expect_in "$work/starter.log" "counter\.cpp:$starter_line:[0-9]+: warning: [^[]*'counter'" "racelab-check names the counter at its line"
expect_in "$work/starter.log" "4 tests" "ctest -L exercise1 runs the four tests"

echo "== the starter replaced by the mutex solution"
cp "$root/solutions/01-counter/mutex/counter.cpp" "$work/workspace/01-counter/counter.cpp"
ctest -L '^exercise1$' --output-on-failure >"$work/solution.log" 2>&1 || fail "ctest -L exercise1 should pass on a solution"
cat "$work/solution.log"
expect_in "$work/solution.log" "100% tests passed, 0 tests failed out of 4" "all four tests pass"

if ((failures > 0)); then
  echo "$failures check(s) failed"
  exit 1
fi
echo "edit cycle: all checks passed"
