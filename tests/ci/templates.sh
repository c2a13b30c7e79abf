#!/usr/bin/env bash
# The CI templates, exercised in a student repository made by `racelab assign 1`:
#  - GitHub Actions: every `run:` command of .github/workflows/racelab.yml
#    after the checkout runs in order, as the runner would, with the tools
#    built already (RACELAB_TOOLS_DIR); only exit codes decide; the job
#    summary, the annotations and the SARIF file the upload step names must
#    appear. Once on the starter (the grade step exits 1), once with a solution
#    in place (every step exits 0). The steps before the checkout prepare the
#    container (git, apt's cache): they are checked, not run on this machine.
#  - GitLab CI: the same commands as GitHub's, and the JUnit report it keeps
#    is the file racelab grade writes.
#  - Gradescope: setup.sh and run_autograder in a simulated /autograder, the
#    submission being exercise 1's starter as loose files; results.json is checked.
#
#   templates.sh <kit source dir> <folder with racelab and racelab-check>
set -euo pipefail

kit=$(cd "$1" && pwd) tools=$(cd "$2" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
# The submission's score in results.json: its first "score" (the tests' own come after), as a number.
total_score() {
  awk '{ printf "%g", $0 }' <<<"$(grep -oE '"score": ?[0-9.eE+-]+' "$1" | head -1 | sed -E 's/"score": ?//')"
}

# The `run:` commands of a workflow, NUL-separated (a `run: |` block joined
# with newlines): those after its checkout step, or with "before", those before.
run_commands() {  # run_commands <workflow> [before]
  awk -v want="${2:-after}" '
    function emit(text, part) { if (part == want) printf "%s%c", text, 0 }
    function flush() { if (block != "") { emit(block, block_part); block = "" } }
    {
      part = checked_out ? "after" : "before"
      if ($0 ~ /uses:[[:space:]]*actions\/checkout@/) checked_out = 1
    }
    /^[[:space:]]*-?[[:space:]]*run:[[:space:]]*\|[[:space:]]*$/ { flush(); inblock = 1; indent = -1; block_part = part; next }
    inblock {
      if ($0 ~ /^[[:space:]]*$/) { next }
      match($0, /^[[:space:]]*/)
      if (indent < 0) indent = RLENGTH
      if (RLENGTH >= indent) { block = block substr($0, indent + 1) "\n"; next }
      inblock = 0; flush()
    }
    /^[[:space:]]*-?[[:space:]]*run:[[:space:]]*[^|[:space:]]/ { flush(); sub(/^[[:space:]]*-?[[:space:]]*run:[[:space:]]*/, ""); emit($0, part) }
    END { flush() }
  ' "$1"
}

# Runs the run: commands after the checkout in the repository; prints their exit codes.
run_workflow() {  # run_workflow <repository> <log>
  local statuses=() status
  while IFS= read -r -d '' command; do
    echo "\$ $command" >>"$2"
    status=0
    (cd "$1" && bash -eo pipefail -c "$command") >>"$2" 2>&1 || status=$?
    statuses+=("$status")
  done < <(run_commands "$1/.github/workflows/racelab.yml")
  echo "${statuses[*]}"
}

repo=$work/repo
"$tools/racelab" assign 1 --to "$repo" --kit "$kit" >/dev/null
cp -r "$repo" "$work/pristine"  # the autograder's source, before any build

echo "== GitHub Actions workflow, the starter"
export RACELAB_TOOLS_DIR=$tools GITHUB_ACTIONS=true GITHUB_STEP_SUMMARY=$work/summary.md
commands=$(run_commands "$repo/.github/workflows/racelab.yml" | tr '\0' '\n')
grep -qx 'ci/setup' <<<"$commands" || fail "the workflow should run ci/setup"
before_checkout=$(run_commands "$repo/.github/workflows/racelab.yml" before | tr '\0' '\n')
grep -qE 'apt-get install .*\bgit\b' <<<"$before_checkout" ||
  fail "the workflow should install git before the checkout (the container has none)"
workflow=$repo/.github/workflows/racelab.yml
for key in 'timeout-minutes:' 'concurrency:' 'security-events: write' 'uses: actions/cache@' 'uses: github/codeql-action/upload-sarif@'; do
  grep -qF -- "$key" "$workflow" || fail "the workflow should have $key"
done
grep -qE '^[[:space:]]+path:[[:space:]]*/var/cache/apt/archives' "$workflow" || fail "the workflow should cache apt's downloads"
sarif=$(sed -nE 's/^[[:space:]]+sarif_file:[[:space:]]*([^[:space:]]+).*/\1/p' "$workflow")
grep -q 'lab/racelab grade .*--require-pass' <<<"$commands" || fail "the workflow should run lab/racelab grade --require-pass"
codes=$(run_workflow "$repo" "$work/starter.log")
echo "exit codes: $codes"
[[ $codes == "0 1" ]] || { cat "$work/starter.log"; fail "on the starter: ci/setup should exit 0 and the grade step 1 (got $codes)"; }
grep -q '^::error ' "$work/starter.log" || fail "the grade step should print ::error annotations on the starter"
[[ -s $work/summary.md ]] || fail "the grade step should append to \$GITHUB_STEP_SUMMARY"
[[ -s $repo/build/grade/report.json ]] || fail "the report folder (the artifact) should hold report.json"
[[ -n $sarif && -s $repo/$sarif ]] || fail "the SARIF file the upload step names ('$sarif') should be one racelab grade writes"
if command -v xmllint >/dev/null; then
  xmllint --noout "$repo/build/grade/junit.xml" || fail "junit.xml should be well-formed XML"
fi

echo "== GitHub Actions workflow, a solution in place"
cp "$kit/solutions/01-counter/mutex/counter.cpp" "$repo/exercises/01-counter/counter.cpp"
codes=$(run_workflow "$repo" "$work/solution.log")
echo "exit codes: $codes"
[[ $codes == "0 0" ]] || { cat "$work/solution.log"; fail "with a solution every step should exit 0 (got $codes)"; }

echo "== GitLab CI"
gitlab=$repo/.gitlab-ci.yml
for command in ci/setup 'lab/racelab grade --out build/grade --require-pass'; do
  grep -qF -- "- $command" "$gitlab" || fail "the GitLab job should run: $command"
done
junit=$(sed -nE 's/^[[:space:]]+junit:[[:space:]]*([^[:space:]]+).*/\1/p' "$gitlab")
[[ -n $junit ]] || fail "the GitLab file should declare a junit report"
[[ -n $junit && -s $repo/$junit ]] || fail "the GitLab junit report '$junit' should be a file racelab grade writes"
grep -q 'when: always' "$gitlab" || fail "the GitLab artifacts should be kept when the job fails"
grep -qE '^[[:space:]]+timeout:' "$gitlab" || fail "the GitLab job should have a timeout"
if ! grep -qF 'Dir::Cache::Archives' "$gitlab" || ! grep -qE '^[[:space:]]+- \.apt-cache/' "$gitlab"; then
  fail "the GitLab job should keep apt's downloads in a cached folder"
fi

echo "== Gradescope autograder, exercise 1's starter as loose files"
autograder=$work/autograder
mkdir -p "$autograder/submission"
mv "$work/pristine" "$autograder/source"
cp "$kit/ci/gradescope/setup.sh" "$kit/ci/gradescope/run_autograder" "$autograder/source/"
cp "$kit/exercises/01-counter/counter.cpp" "$autograder/submission/"
export RACELAB_AUTOGRADER_ROOT=$autograder
unset GITHUB_ACTIONS GITHUB_STEP_SUMMARY
bash "$autograder/source/setup.sh" >"$work/setup.log" 2>&1 || { cat "$work/setup.log"; fail "setup.sh should succeed"; }
bash "$autograder/source/run_autograder" >"$work/autograder.log" 2>&1 || fail "run_autograder should exit 0"
results=$autograder/results/results.json
if [[ -s $results ]]; then
  [[ $(total_score "$results") == 0 ]] || fail "the starter should score 0 in results.json (got $(total_score "$results"))"
  grep -q '"tests"' "$results" || fail "results.json should list tests"
  grep -q 'graded your counter.cpp' "$work/autograder.log" || fail "run_autograder should say which of the student's files it graded"
else
  cat "$work/autograder.log"
  fail "run_autograder should write results/results.json"
fi

echo "== Gradescope autograder, a whole repository: a solution, and a grader edited"
rm -rf "$autograder/submission" && mkdir "$autograder/submission"
(cd "$repo" && tar --exclude=./build -cf - .) | (cd "$autograder/submission" && tar -xf -)
echo "// always pass" >>"$autograder/submission/tests/exercises/01-counter/counter_test.cpp"
bash "$autograder/source/run_autograder" >"$work/autograder-repo.log" 2>&1 || fail "run_autograder should exit 0"
grep -q 'tests/exercises/01-counter/counter_test.cpp: edited' "$work/autograder-repo.log" ||
  fail "run_autograder should report the edited grader"
if [[ $(total_score "$results") == 0 ]]; then
  fail "the solution, graded with the pristine grader, should score points"
fi

((failures == 0)) || { echo "$failures failure(s)"; exit 1; }
echo "all CI templates behaved"
