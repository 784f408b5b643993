#!/usr/bin/env bash
# A long fuzzing run of everything a contributor can commit (tests/CommsLinter.Tests/Fuzz): the suite
# runs a few dozen cases per input kind, this runs as many as asked (default 20,000) from a first seed.
# Every failing input is kept under ${TMPDIR:-/tmp}/commslint-fuzz-failures/ to reproduce it.
#
# Usage: scripts/fuzz.sh [cases-per-kind] [first-seed]
set -euo pipefail
cd "$(dirname "$0")/.."

cases="${1:-20000}"
seed="${2:-1}"
kept="${TMPDIR:-/tmp}/commslint-fuzz-failures"
rm -rf "$kept"

dotnet build tests/CommsLinter.Tests -c Release -v quiet -nologo >/dev/null
echo "Fuzzing with $cases cases per kind from seed $seed ..."
start=$(date +%s)
status=0
COMMSLINT_FUZZ_CASES="$cases" COMMSLINT_FUZZ_SEED="$seed" \
  dotnet test tests/CommsLinter.Tests -c Release --no-build --filter "FullyQualifiedName~CommsLinter.Tests.Fuzz" \
    --logger "console;verbosity=normal" 2>&1 | grep --line-buffered -E "^\s+(Passed|Failed) |failures of|kept in|Total tests|Passed:|Failed:" || status=$?
echo "Took $(( $(date +%s) - start )) s."
if [ -d "$kept" ]; then
  echo "Failing inputs: $kept"
  exit 1
fi
exit 0
