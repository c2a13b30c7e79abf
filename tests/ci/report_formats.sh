#!/usr/bin/env bash
# The reports code scanning and GitLab read, through the real validators:
#  - SARIF (racelab-check --format=sarif, and the grade's racelab.sarif as the
#    golden test records it): the SARIF multitool's own rules and its GitHub
#    rules (--rule-kind Ghas, what code scanning's upload demands); a copy
#    without the rules' help must fail, so that a validator that accepts
#    anything cannot pass;
#  - JUnit (the grade's junit.xml as the golden test records it): xmllint
#    against tests/ci/junit.xsd (junit-10.xsd's rules, restated), a copy with
#    "skipped" on <testsuites> must fail; every <failure> says why in its body;
#  - Markdown (the grade's summary.md as the golden test records it): GitHub's
#    renderer, cmark-gfm, shows a hostile message literally and keeps the table.
#
# Usage: tests/ci/report_formats.sh <kit source dir> <racelab-check>
# Exit 0: every check ran and passed; 1: a finding; 77 (skipped): no finding,
# but a validator is not installed (ci/setup installs them).
set -euo pipefail

kit=$(cd "$1" && pwd)
checker=$(realpath "$2")
golden=$kit/tests/lab/grade-samples/expected
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0 missing=()
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# --- racelab-check's SARIF, run from outside the repository it analyses ------
repo=$work/repo
mkdir -p "$repo/.git" "$repo/src" "$work/elsewhere"
cp "$kit/exercises/01-counter/counter.cpp" "$kit/exercises/01-counter/counter.hpp" "$repo/src/"
status=0
(cd "$work/elsewhere" && "$checker" --format=sarif "$repo/src/counter.cpp" -- -std=c++20 -I"$repo/src") \
  >"$work/check.sarif" || status=$?
((status == 1)) || fail "racelab-check on the counter starter: exit $status, expected 1 (findings)"
grep -q '"uri": "src/counter.cpp"' "$work/check.sarif" ||
  fail "racelab-check's SARIF: the file's URI is not relative to the repository root (src/counter.cpp)"
if grep -q "$work" "$work/check.sarif"; then fail "racelab-check's SARIF names a folder of this machine"; fi
grep -q '"executionSuccessful": true' "$work/check.sarif" || fail "racelab-check's SARIF: no successful invocation"

# A tool error: the log must say the run failed, and why.
status=0
(cd "$work/elsewhere" && "$checker" --format=sarif "$repo/src/missing.cpp" -- -std=c++20) \
  >"$work/error.sarif" 2>/dev/null || status=$?
((status == 2)) || fail "racelab-check on a missing file: exit $status, expected 2"
grep -q '"executionSuccessful": false' "$work/error.sarif" ||
  fail "racelab-check's SARIF after a tool error does not say executionSuccessful: false"
grep -q "cannot analyse '.*missing.cpp': no such file" "$work/error.sarif" ||
  fail "racelab-check's SARIF after a tool error does not carry the error as a notification"

cp "$golden/racelab.sarif" "$work/grade.sarif"
# The same grade log with every rule's help and full description removed: GH2012.
sed -E 's/"(help|fullDescription)":/"x-\1":/g' "$golden/racelab.sarif" >"$work/unhelpful.sarif"

if command -v sarif-multitool >/dev/null; then
  # The npm package runs the tool through a shell: one word per argument.
  for kind in Sarif Ghas; do
    echo "== sarif-multitool validate --rule-kind $kind"
    for log in check error grade; do
      sarif-multitool validate --rule-kind "$kind" --log ForceOverwrite -o "$work/$log.$kind.out" \
        "$work/$log.sarif" >"$work/$log.$kind.txt" 2>&1 || fail "sarif-multitool could not validate $log.sarif"
      if grep -E ': (error|warning) [A-Z]+[0-9]+' "$work/$log.$kind.txt"; then
        fail "sarif-multitool ($kind rules) finds fault with $log.sarif"
      fi
    done
  done
  sarif-multitool validate --rule-kind Ghas --log ForceOverwrite -o "$work/unhelpful.out" \
    "$work/unhelpful.sarif" >"$work/unhelpful.txt" 2>&1 || true
  grep -q 'error GH2012' "$work/unhelpful.txt" ||
    fail "sarif-multitool accepts rules without help: it checks nothing here"
else
  missing+=(sarif-multitool)
fi

# --- the grade's JUnit ------------------------------------------------------------
if command -v xmllint >/dev/null; then
  echo "== xmllint --schema tests/ci/junit.xsd junit.xml"
  xmllint --noout --schema "$kit/tests/ci/junit.xsd" "$golden/junit.xml" || fail "junit.xml is not valid JUnit"
  sed 's/<testsuites \(.*\) time=/<testsuites \1 skipped="0" time=/' "$golden/junit.xml" >"$work/broken.xml"
  if xmllint --noout --schema "$kit/tests/ci/junit.xsd" "$work/broken.xml" 2>/dev/null; then
    fail "the JUnit schema accepts skipped on <testsuites>: it checks nothing here"
  fi
  failures_without_reason=$(xmllint --xpath 'count(//failure[not(normalize-space(.))])' "$golden/junit.xml")
  total=$(xmllint --xpath 'count(//failure)' "$golden/junit.xml")
  ((total > 0)) || fail "junit.xml has no <failure> to check (the starters fail)"
  ((failures_without_reason == 0)) || fail "$failures_without_reason of $total <failure> elements say nothing"
else
  missing+=(xmllint)
fi

# --- the grade's Markdown summary ------------------------------------------------
# The golden replay gives one finding a message full of Markdown
# (grade_golden_tests.cpp, hostile_text): GitHub's renderer must show it as
# written, and every row of the table must keep the header's cells.
# shellcheck disable=SC2016 # the backticks are the message's, not a command
hostile='note: std::vector&lt;int&gt; | `tick` *star* _under_ &amp; [x](y) 100% a,b:c'
rendered_ok() { # <summary.md>: the message shown literally, the table whole
  local html
  html=$(cmark-gfm --extension table "$1")
  grep -qF -- "$hostile" <<<"$html" || return 1
  ! grep -q 'raw HTML omitted' <<<"$html" || return 1
  # GFM drops a row's extra cells: a stray | shows as a row whose last cell
  # is no longer its points ("4/10", or "–" for an exercise not graded).
  local rows broken
  rows=$(grep -c '<td align="right">' <<<"$html" || true)
  broken=$(sed -n '/<tbody>/,/<\/tbody>/p' <<<"$html" | awk '
    /<td/ { last = $0 }
    /<\/tr>/ { if (last !~ /^<td align="right">(–|[0-9.]+\/[0-9.]+)<\/td>$/) bad++ }
    END { print bad + 0 }')
  ((rows > 0 && broken == 0))
}
if command -v cmark-gfm >/dev/null; then
  echo "== cmark-gfm summary.md"
  grep -qF 'std::vector\<int\>' "$golden/summary.md" ||
    fail "summary.md lacks the golden replay's hostile message (grade_golden_tests.cpp)"
  rendered_ok "$golden/summary.md" || fail "summary.md does not render the hostile message literally, or breaks its table"
  # Without its escapes the same summary must fail, or the check proves nothing.
  sed 's/\\\([][<>|`*_&~\\]\)/\1/g' "$golden/summary.md" >"$work/unescaped.md"
  if rendered_ok "$work/unescaped.md"; then fail "the Markdown check passes an unescaped summary: it checks nothing"; fi
else
  missing+=(cmark-gfm)
fi

((failures == 0)) || { echo "$failures failure(s)"; exit 1; }
if ((${#missing[@]} > 0)); then
  echo "not installed, so not run: ${missing[*]} (ci/setup installs them): skipped"
  exit 77
fi
echo "every report passed its validator"
