#!/usr/bin/env bash
# End to end, the way a student works, for every exercise: in a workspace
# copied from exercises/, `ctest -L exerciseN` on the starter fails exactly the
# judges the exercise names, each saying so in plain words; then the starter's
# files are replaced by a reference solution's and the very same command passes
# all four tests — no other command in between. Finally `racelab grade` turns
# the run into a report.
#
#   student-workflow.sh <kit source dir> <folder with racelab and racelab-check> <exercise>…
#
# Each <exercise> is `number:folder:solution:failing:judges` — the judges the
# starter must fail (from racelab_add_exercise's STARTER_FAILS), then all of
# the exercise's judges (functional,tsan,static and, for perf exercises, perf).
set -euo pipefail

root=$(cd "$1" && pwd) tools=$(cd "$2" && pwd)
shift 2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0

fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
expect_in() {  # expect_in <file> <extended regex> <what it shows>
  grep -Eq -- "$2" "$1" || fail "$3 (no match for /$2/ in $(basename "$1"))"
}
test_result() {  # test_result <ctest log> <test name>: Passed, Failed, …
  sed -nE "s/^ *[0-9]+\/[0-9]+ Test +#[0-9]+: $2 \.+ *\**([A-Za-z ]+[A-Za-z]).*/\1/p" "$1"
}
judge_title() {
  case $1 in
    functional) echo "functional tests" ;; tsan) echo "ThreadSanitizer" ;; static) echo "racelab-check" ;;
    perf) echo "perf" ;;
  esac
}

# The workspace holds the exercises under test only: the grade at the end
# reports the others as not in the workspace.
mkdir -p "$work/workspace"
for spec in "$@"; do
  IFS=: read -r _ folder _ <<<"$spec"
  cp -r "$root/exercises/$folder" "$work/workspace/"
done
cmake -S "$root" -B "$work/build" -G Ninja \
      -DCMAKE_BUILD_TYPE=Release -DRACELAB_SOURCE="$work/workspace" \
      -DRACELAB_TOOLS_DIR="$tools" >"$work/configure.log" 2>&1 ||
  { cat "$work/configure.log"; exit 1; }
cd "$work/build"

for spec in "$@"; do
  IFS=: read -r number folder solution failing judges <<<"$spec"
  label=exercise$number
  log=$work/$label-starter.log
  IFS=, read -r -a judge_list <<<"$judges"
  tests=$((${#judge_list[@]} + 1))  # the judges and the build step

  echo "== $label: the starter (must fail: $failing)"
  ctest -L "^$label\$" --output-on-failure >"$log" 2>&1 || true
  expect_in "$log" "100% tests passed|[0-9]+ tests failed out of $tests" "ctest -L $label runs its $tests tests"
  [[ $(test_result "$log" "$label.build") == Passed ]] || fail "$label: the starter should build"
  for judge in "${judge_list[@]}"; do
    result=$(test_result "$log" "$label.$judge")
    if [[ ,$failing, == *,$judge,* ]]; then
      [[ $result == Failed ]] || fail "$label.$judge should fail on the starter (got '$result')"
      expect_in "$log" "exercise $number — $(judge_title "$judge") judge: FAILED" \
                "$label.$judge says which judge failed"
    else
      [[ $result == Passed ]] || fail "$label.$judge should pass on the starter (got '$result')"
    fi
  done
  expect_in "$log" "What to do: read the hints in exercises/$folder/README.md" "$label points at its hints"

  echo "== $label: the starter replaced by the '$solution' solution"
  cp "$root/solutions/$folder/$solution"/* "$work/workspace/$folder/"
  ctest -L "^$label\$" --output-on-failure >"$work/$label-solution.log" 2>&1 ||
    { cat "$work/$label-solution.log"; fail "ctest -L $label should pass on a solution"; }
  expect_in "$work/$label-solution.log" "100% tests passed, 0 tests failed out of $tests" "$label: all $tests tests pass"
done

# Exercise 1 in detail: the judges name the counter and the line that writes it.
if [[ -f $work/exercise1-starter.log ]]; then
  line=$(grep -n 'counter = old_value + 1' "$root/exercises/01-counter/counter.cpp" | cut -d: -f1)
  log=$work/exercise1-starter.log
  expect_in "$log" "data race on global 'racelab::counter'" "TSan's summary names the counter"
  expect_in "$log" "(write|read) by thread T[0-9]+ at counter\.cpp:$line:[0-9]+" "TSan's summary gives the line of the write ($line)"
  expect_in "$log" "counter\.cpp:$line:[0-9]+: warning: [^[]*'counter'" "racelab-check names the counter at its line"
fi

echo "== racelab grade, every solution in place"
"$tools/racelab" grade --build "$work/build" --out "$work/grade" --require-pass >"$work/grade.log" 2>&1 ||
  { cat "$work/grade.log"; fail "racelab grade --require-pass should succeed with the solutions in place"; }
cat "$work/grade.log"
[[ -s $work/grade/report.json ]] || fail "racelab grade should write report.json"

if ((failures > 0)); then
  echo "$failures check(s) failed"
  exit 1
fi
echo "student workflow: all checks passed"
