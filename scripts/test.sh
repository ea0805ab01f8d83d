#!/usr/bin/env bash
# The whole check, in order: typecheck, lint, house rules (scripts/check-imports.ts), Mozilla's add-on
# linter on the Firefox build (web-ext lint: no errors), unit, integration (devnet), e2e (Chromium + Firefox).
# Every step runs even if an earlier one failed; the last line sums them: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p test-results
rm -f test-results/*.json

passed=0
failed=0
status=0

step() { printf '\n\033[1m== %s\033[0m\n' "$1"; }

check() { # a check that counts as one test
  local name=$1; shift
  step "$name"
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); status=1; fi
}

suite() { # a vitest project; its JSON report gives the counts
  local project=$1
  step "vitest: $project"
  npx vitest run --project "$project" --passWithNoTests --reporter=default --reporter=json --outputFile="test-results/$project.json" || status=1
  local counts
  counts=$(node -e '
    const fs = require("fs"); const f = process.argv[1];
    if (!fs.existsSync(f)) { console.log("0 1"); process.exit(); }
    const r = JSON.parse(fs.readFileSync(f, "utf8"));
    // A file that failed to load counts as a failure even though it ran no test.
    const broken = r.testResults.filter((t) => t.status === "failed" && t.assertionResults.length === 0).length;
    console.log(r.numPassedTests, r.numFailedTests + broken);
  ' "test-results/$project.json")
  passed=$((passed + ${counts% *}))
  failed=$((failed + ${counts#* }))
}

check typecheck npx tsc --noEmit
check lint npx biome check .
check house npx tsx scripts/check-imports.ts
check web-ext-lint bash -c 'npx wxt build -b firefox >/dev/null && npx web-ext lint --source-dir .output/firefox-mv3 --no-input'
suite unit
suite integration
suite e2e

echo
echo "${passed} passed, ${failed} failed"
[ "$failed" -eq 0 ] && exit "$status" || exit 1
